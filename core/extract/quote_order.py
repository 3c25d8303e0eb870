"""Quotes before their cue: "قیمت‌ها ثابت می‌ماند، وزیر صنعت روز دوشنبه گفت."

An unmarked clause, its comma, then the source and a sentence-final speech verb.
"""

from __future__ import annotations

import re

from .cues import Cue
from .document import Document
from .indirect import clause_span
from .textspans import last_comma


class PreposedQuotes(Document):
    def _preposed_clause(self, cue: Cue, clause_start: int, sent: tuple[int, int]) -> tuple[int, int, int] | None:
        """"قیمت‌ها ثابت می‌ماند، وزیر صنعت روز دوشنبه گفت.": an unmarked clause before a sentence-final cue,
        with the source between its comma and the cue. Returns (start, end, where the source region starts)."""
        f = self.f
        if f[cue.end:sent[1]].strip(" .!\u200c"):
            return None  # the cue must end the sentence
        comma = last_comma(f, clause_start, cue.start)
        if comma <= clause_start:
            return None
        src = self.toks_in(comma + 1, cue.start)
        np_ = self.p.chunker.find_source(f, src) if 0 < len(src) <= 8 else None
        if np_ is None or np_.kind == "refl":
            return None
        s, e = clause_span(f, clause_start, comma)
        body = self.toks_in(s, e)
        if len(body) < 3 or (not self._has_verb(body) and not re.search(r"(?:د|ند|است)$", f[s:e])):
            return None
        if self.lx.function_words.get(body[0].text) is not None:
            return None  # framing ("پس از پایان جلسه که …، وزیر سخن گفت"), not reported content
        if self.cues_between(s, e) or any(s <= a < e for a, _, _ in self.preps) or self.pairs_between(s, e):
            return None
        return s, e, comma + 1
