"""Where a reported clause starts and ends around its cue.

Shared by the verb, participle, colon and mark stages: an unmarked clause ends at a comma that a later
attribution follows, at a contrast ("…؛ اما …"), or at the next sentence with its own cue; it starts after a
direct quote it follows or inside the content of a quote it is nested in.
"""

from __future__ import annotations

import re

from .cues import Cue
from .direct_quotes import MarkPair
from .document import Document

CONTRAST_RE = re.compile(r"[؛،][ \u200c]*(?:اما|ولی|با[ \u200c]+این[ \u200c]+حال|در[ \u200c]*حالی[ \u200c]*که)(?![\w\u200c])")
#: "X گفته بود که …، اما …": what an earlier statement said, then the article's own contrast with it
PLUPERFECT_CUE_RE = re.compile(r"[\w\u200c]+ه[ \u200c]+بود(?:ند|ه[ \u200c]+است)?[ \u200c]*(?:که)?[ \u200c]*$")
NEG_PAST_END_RE = re.compile(r"(?<![\w\u200c])ن(?:کرد|داد|گفت|نمود|پذیرفت|کرده|داده|گفته)(?:ند|ه[ \u200c]+است)?$")
CONJ_BEFORE_CUE = re.compile(r"[ \u200c،]+و[ \u200c]+(?:(?:همچنین|نیز|در ادامه|سپس|بار دیگر)[ \u200c،]+)?$")
#: "… و از شهروندان خواست …": a request's addressee between the conjunction and the cue
CONJ_ADDRESSEE_BEFORE_CUE = re.compile(r"[ \u200c،]+و[ \u200c]+از[ \u200c]+[^ \u200c،.]+(?:[ \u200c]+[^ \u200c،.]+){0,3}"
                                       r"[ \u200c]+$")


class ClauseBounds(Document):
    def _clause_end(self, pos: int, end: int) -> int:
        """An unmarked clause ends at a comma that a later attribution of the sentence follows."""
        f = self.f
        # the narrative resumes: "…؛ اما …", or "…، اما جزئیات بیشتری ارائه نکرد" (the speaker's own act)
        m = CONTRAST_RE.search(f, pos, end)
        if m is not None and (f[m.start()] == "؛" or NEG_PAST_END_RE.search(f[m.end():end].rstrip(" .!\u200c"))
                              or PLUPERFECT_CUE_RE.search(f, max(0, pos - 40), pos)):
            return m.start()
        for c in self.cues_between(pos, end):
            if c.first_person or c.passive:
                continue
            nxt = f[c.end:c.end + 3].lstrip(" \u200c")
            # a coordinated cue of the same subject: "… خواست … و یادآور شد که …"
            m = CONJ_BEFORE_CUE.search(f, max(pos, c.start - 24), c.start)
            if m is None and c.kind == "request":
                m = CONJ_ADDRESSEE_BEFORE_CUE.search(f, max(pos, c.start - 50), c.start)
            if m and m.start() > pos and (nxt.startswith((":", "که", "«")) or c.kind == "request"):
                return m.start()
            if not nxt.startswith((":", "که")):
                continue
            comma = f.rfind("،", pos, c.start)
            if comma > pos and not self.cues_between(comma, c.start)[:-1]:
                return comma
        return end

    def _colon_end(self, pos: int, para_end: int) -> int:
        """Colon speech runs to the paragraph end or to the next sentence with its own attribution."""
        for s, e in self.sents:
            if s <= pos or s >= para_end:
                continue
            if any(not c.first_person and not c.passive for c in self.cues_between(s, e)) \
                    or any(s <= a < e and k == "cue" for a, _, k in self.preps):
                return s
        return para_end

    def _clause_start(self, cue: Cue, sent: tuple[int, int]) -> int:
        # inside another candidate's content (a nested attribution): start of that content
        best = sent[0]
        for c in self.recent_cands(cue.start):
            if c.start < cue.start < c.end and c.cue is not None and c.start > best:
                best = c.start
        # after a direct quote that the cue follows: «…»، وی گفت
        for p in self.pairs_between(best, cue.start):
            if best <= p.open and p.outer_end <= cue.start and p.closed and self._closes_clause(p) \
                    and len(self.f[p.open:p.close].split()) >= 3 \
                    and not self.p.terms.is_term(self.f, p, self.known_names):
                best = max(best, p.outer_end)
        return best

    def _closes_clause(self, p: MarkPair) -> bool:
        """A marked passage that ends its clause: a comma, semicolon or period after the closing mark, or
        sentence-final punctuation inside it ("«…»، X گفت" / "«…»؛ این را X گفت" / "«… .» X در ادامه گفت"): a cue
        right after it is its cue."""
        if re.match(r"[ \u200c]*[.،,؛]", self.f[p.outer_end:p.outer_end + 3]):
            return True
        return p.closed and self.f[p.open + 1:p.close].rstrip()[-1:] in (".", "!", "؟", "?")

    def _cue_right_before(self, pos: int) -> bool:
        gap = re.search(r"[ \u200c]*(?:[:،,][ \u200c]*|که[ \u200c]+)?$", self.f[max(0, pos - 8):pos])
        end = pos - (gap.end() - gap.start() if gap else 0)
        return any(c.end == end for c in self.cues_between(max(0, end - 40), end))
