"""Marked passages no cue has used: a cue after the passage ("«…»، وی گفت"), or a statement.

Runs last, after all cue-based stages, so that it sees which pairs they claimed and which text they cover.
"""

from __future__ import annotations

import bisect
import re

from .direct_quotes import MarkPair
from .marked import MarkedQuotes
from .nps import NP

# words that mark a cue as the continuation of the same speaker's words
CONTINUATION_RE = re.compile(r"(?<![\w\u200c])(?:در[ \u200c]+ادامه|همچنین|سپس)(?![\w\u200c])")


class UnusedMarks(MarkedQuotes):
    def direct_marks(self) -> None:
        f = self.f
        for p in self.pairs:
            if p.open in self.claimed_pairs or self.para_index(p.open) in self.embedded_paras:
                continue
            if self.p.terms.is_term(f, p, self.known_names):
                continue
            # inside an indirect candidate: wording that makes it mixed was handled there
            if self._covered(p.open):
                continue
            # a cue after the passage: «…»، وی گفت / «…»، X با … گفت
            sent = self.sent_of(p.outer_end if p.closed else p.open)
            para = self.para_of(p.open)
            after = [c for c in self.cues_between(p.outer_end, min(para[1], p.outer_end + 300))
                     if not c.first_person]
            if after and self._closes_clause(p):
                cue = after[0]
                toks = self.toks_in(p.outer_end, cue.start)
                if any(t.text == "نیز" for t in toks):
                    toks = []  # "«…». X نیز گفت": X is another speaker, the passage is the previous one's
                gap = f[p.outer_end:cue.start].lstrip(" \u200c.،,")
                if 0 < len(toks) <= 25 and not re.search(r"[.!؟?]", gap):
                    # the subject opens the gap; adverbials and the occasion may follow it at length
                    np_ = self.p.chunker.find_source(f, toks[:12])
                    c = self._direct(p, cue, order=cue.start - 0.5, np_=np_, mode="np" if np_ else "last")
                    if c is not None:
                        c.confidence = 0.8
                    continue
            # a headline with a marked body, or a passage that reads like a statement: last speaker, or the
            # subject of a continuation in the next paragraph ("«…»" / "X در ادامه گفت …")
            if self.p.terms.is_wording(f, p) or self.para_index(p.open) in self.headline_paras:
                nxt = self._continuing_speaker(p)
                c = self._direct(p, None, order=p.open, mode="np" if nxt else "last", np_=nxt)
                if c is not None:
                    c.confidence = 0.5
                    c.speaker_mention_null = nxt is not None
            del sent

    def _covered(self, pos: int) -> bool:
        """Whether a candidate made before direct_marks() covers `pos` (sorted starts + running max end)."""
        if not hasattr(self, "_cov_starts"):
            spans = sorted((c.start, c.end) for c in self.cands)
            self._cov_starts = [a for a, _ in spans]
            run, ends = -1, []
            for _, b in spans:
                run = max(run, b)
                ends.append(run)
            self._cov_ends = ends
        i = bisect.bisect_right(self._cov_starts, pos) - 1
        return i >= 0 and self._cov_ends[i] > pos

    def _continuing_speaker(self, p: MarkPair) -> NP | None:
        """A paragraph that is one marked passage, followed by a paragraph whose first sentence continues
        someone's speech ("X در ادامه گفت", "X همچنین افزود", "X ادامه داد"): X said the passage too."""
        f = self.f
        pi = self.para_index(p.open)
        a, b = self.paras[pi]
        if pi + 1 >= len(self.paras) or f[a:p.open].strip() or f[p.outer_end:b].strip(" .\u200c"):
            return None
        na, nb = self.paras[pi + 1]
        first = self.sent_of(na)
        for cue in self.cues_between(na, min(nb, first[1])):
            if cue.first_person or cue.passive:
                continue
            before = f[na:cue.start]
            if not (CONTINUATION_RE.search(before) or cue.lemma in ("افزود", "ادامه")) \
                    or re.search(r"(?<![\w\u200c])نیز(?![\w\u200c])", before):
                return None  # "X نیز گفت": another speaker
            toks = self.toks_in(na, cue.start)
            np_ = self.p.chunker.find_source(f, toks[:12]) if toks else None
            return np_ if np_ is not None and np_.kind not in ("pronoun", "refl") else None
        return None
