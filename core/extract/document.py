"""The article as the quote stages see it: folded text, paragraphs, sentences, tokens, cues, marks.

`Document` builds these indexes once per article and answers the position lookups every stage asks
(which paragraph or sentence holds an offset, the tokens, cues and mark pairs of a range), and holds the
state the stages share (candidates so far, paragraphs claimed as posts, answers or headlines, pairs used).
It exists so that no stage rescans the text, and so that the stage modules only hold their own rules.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .candidates import Cand
from .cues import Cue
from .direct_quotes import MarkPair, pair_marks
from .folding import fold
from .nps import NP, VERBISH
from .parts import Parts
from .textspans import Tok, paragraphs, sentences, tokens

# a credit or furniture line ("انتهای پیام", "منبع: …"): the article's own text ends there
CREDIT_RE = re.compile(r"^(?:انتهای پیام|منبع|عکس|ترجمه|گفت[\u200c ]?و[\u200c ]?گو از|گزارش از|کد خبر|"
                       r"برچسب|نویسنده|تنظیم|خبرنگار)")
# the anonymity formula on a source ("… که خواست نامش فاش نشود …"): neither a request nor part of the subject
ANON_CLAUSE_RE = re.compile(
    r"(?<![\w\u200c])که[ \u200c]+(?:ن?خواست(?:ند)?|مایل[ \u200c]+نبود(?:ند)?|نمی[\u200c ]?خواست(?:ند)?)[ \u200c]+"
    r"(?:نام|هویت)[\w\u200c]*(?:[ \u200c]+[\w\u200c]+){0,3}?[ \u200c]+(?:فاش|ذکر|برده|اعلام|منتشر|افشا)[ \u200c]+"
    r"(?:ن?شود|ن?شوند|ن?گردد)(?![\w\u200c])[ \u200c،,]*")


class Document:
    def __init__(self, text: str, meta: dict[str, Any] | None, parts: Parts) -> None:
        self.text = text
        self.meta = meta or {}
        self.p = parts
        self.lx = parts.lx
        self.f = f = fold(text)
        self.paras = paragraphs(f)
        self.sents: list[tuple[int, int]] = []
        for a, b in self.paras:
            self.sents.extend(sentences(f, a, b))
        self.cues = parts.cues.find(f)
        self.cue_starts = [c.start for c in self.cues]
        self._merge_split_sentences()
        self.sent_starts = [s for s, _ in self.sents]
        self.para_starts = [s for s, _ in self.paras]
        self.toks = tokens(f)
        self.tok_starts = [t.start for t in self.toks]
        parts.chunker.remember_surnames(self.toks)  # per-article state of the shared chunker
        self.pairs: list[MarkPair] = []
        self.pairs_by_para: list[list[MarkPair]] = []
        for a, b in self.paras:
            pp = pair_marks(f, a, b)
            self.pairs_by_para.append(pp)
            self.pairs.extend(pp)
        self.pair_opens = {p.open: p for p in self.pairs}
        self.para_open_lists = [[p.open for p in pp] for pp in self.pairs_by_para]
        self.known_names = parts.terms.names_in(f, self.pairs)
        self.preps = [(m.start(), m.end(), self.lx.prep_cues.get(re.sub(r"[ \u200c]+", " ", m.group()), "cue"))
                      for m in parts.prep_re.finditer(f)]
        self.cands: list[Cand] = []
        self.embedded_paras: set[int] = set()
        self.answer_paras: set[int] = set()
        self.claimed_pairs: set[int] = set()     # pair.open of pairs used as direct or mixed
        self.headline_paras: set[int] = set()
        self.dateline_end = 0
        self.publisher: set[str] = set()  # names the publisher goes by: relays.Relays._publisher()
        self.anon_spans = [(m.start(), m.end()) for m in ANON_CLAUSE_RE.finditer(f)] if "خواست" in f else []

    def _merge_split_sentences(self) -> None:
        """A sentence that opens with a speech verb continues the previous one ("… آیا …؟ گفت: …")."""
        starts = {c.start for c in self.cues}
        out: list[tuple[int, int]] = []
        for s, e in self.sents:
            if out and s in starts and self.f[out[-1][1] - 1] in "؟?" and \
                    self.para_index_raw(out[-1][0]) == self.para_index_raw(s):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        self.sents = out

    def para_index_raw(self, pos: int) -> int:
        return bisect.bisect_right([a for a, _ in self.paras], pos)

    def para_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.para_starts, pos) - 1)
        return self.paras[i] if self.paras else (0, len(self.f))

    def para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sent_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        return self.sents[i] if self.sents else (0, len(self.f))

    def toks_in(self, a: int, b: int) -> list[Tok]:
        i = bisect.bisect_left(self.tok_starts, a)
        j = bisect.bisect_left(self.tok_starts, b)
        return [t for t in self.toks[i:j] if t.end <= b]

    def phrase_after(self, a: int, b: int) -> NP | None:
        """The phrase that opens [a, b): the object of a relay, a preposition or a document noun."""
        toks = self.toks_in(a, b)
        return self.p.chunker.phrase_at(self.f, toks, 0)[0] if toks else None

    def pair_at(self, pos: int) -> MarkPair | None:
        return self.pair_opens.get(pos)

    def para_pairs(self, pos: int) -> list[MarkPair]:
        return self.pairs_by_para[self.para_index(pos)] if self.pairs_by_para else []

    def pairs_between(self, a: int, b: int) -> list[MarkPair]:
        """Top-level pairs of the paragraph of `a` that open in [a, b)."""
        if not self.pairs_by_para:
            return []
        k = self.para_index(a)
        opens = self.para_open_lists[k]
        return self.pairs_by_para[k][bisect.bisect_left(opens, a):bisect.bisect_left(opens, b)]

    def inside_pair(self, pos: int) -> MarkPair | None:
        if not self.pairs_by_para:
            return None
        k = self.para_index(pos)
        i = bisect.bisect_left(self.para_open_lists[k], pos) - 1
        if i >= 0:
            p = self.pairs_by_para[k][i]
            if p.open < pos < p.close:
                return p
        return None

    def cues_between(self, a: int, b: int) -> list[Cue]:
        i = bisect.bisect_left(self.cue_starts, a)
        j = bisect.bisect_left(self.cue_starts, b)
        return self.cues[i:j]

    def recent_cands(self, pos: int) -> list[Cand]:
        """Candidates of the paragraph of `pos` (the only ones a clause there can be nested in)."""
        a, b = self.para_of(pos)
        return [c for c in self.cands[-40:] if a <= c.start < b]

    def _in_anon(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.anon_spans)

    def _prep_use(self, cue: Cue) -> bool:
        """گفته/نوشته/گزارش/اعلام as part of a prepositional phrase (به گفته، طبق اعلام …)."""
        return any(a <= cue.start < b for a, b, _ in self.preps)

    def _has_speech_cue(self, a: int, b: int) -> bool:
        return any(not c.first_person for c in self.cues_between(a, b))

    def _has_verb(self, toks: list[Tok]) -> bool:
        """Whether a token run holds a finite verb (a cue, an auxiliary, a می-form)."""
        if toks and self.cues_between(toks[0].start, toks[-1].end):
            return True
        return any(t.text in VERBISH or t.text.startswith(("می\u200c", "نمی\u200c")) for t in toks)

    def lead_end(self) -> int | None:
        """End of the lead: the first paragraph, or the second when the first is a headline."""
        if not self.paras:
            return None
        a, b = self.paras[0]
        if len(self.paras) > 1 and b - a < 120 and self.f[b - 1] not in ".!؟?":
            return self.paras[1][1]
        return b
