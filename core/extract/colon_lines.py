"""Lines after a line-final "… نوشت:" (or any cue with a colon at the end of its line): one quote per line.

GUIDELINES §7: each following line is a quote, until the article resumes (a credit line, an embedded
post, a line with its own attribution, a back-reference to the post, a relay, or long narrative).
"""

from __future__ import annotations

import re

from .candidates import Cand
from .cues import Cue
from .document import CREDIT_RE
from .indirect import clause_span
from .marked import MarkedQuotes

POST_BACKREF_RE = re.compile(r"(?<![\w\u200c])(?:این|همین|آن)[ \u200c]+(?:پیام|پست|توییت|توئیت|یادداشت|نوشته|"
                             r"متن|اظهارات|سخنان|جملات|مطلب|واکنش)")


def no_first_person(f: str, a: int, b: int) -> bool:
    """A line without a first-person verb or pronoun (a post speaks in the first person, narration does not)."""
    return re.search(r"(?<![\w\u200c])(?:من|ما|مان|ام|ایم)(?![\w\u200c])|(?:یم|م)(?=[ .،!]|$)", f[a:b]) is None


class ColonLines(MarkedQuotes):
    def _line_final_colon(self, cue: Cue, pi: int, clause_start: int) -> None:
        """"… نوشت:" at a line end: the following line(s) are the quote, one quote per line."""
        f = self.f
        blank_sep = "\n\n" in f
        k = pi + 1
        first = True
        while k < len(self.paras):
            a, b = self.paras[k]
            if not first and ("\n\n" in f[self.paras[k - 1][1]:a] or f[a] == "*"):
                break
            if not first and not blank_sep and not self._post_line(a, b):
                break
            if f[a] == "*" or CREDIT_RE.match(f[a:b]) or k in self.embedded_paras:
                break  # an embedded post below the line is quoted through its byline
            s, e = clause_span(f, a, b)
            if e - s >= 3:
                c = Cand("indirect", s, e, (cue.start, cue.end), order=cue.start + (k - pi) * 1e-3,
                         confidence=0.6)
                sent = self.sent_of(cue.start)
                self._set_source(c, cue, clause_start, sent, {})
                if not first:
                    c.speaker_mention_null = False
                self._mixed(c)
                self.cands.append(c)
            first = False
            k += 1

    def _post_line(self, a: int, b: int) -> bool:
        """In text without blank lines, whether a line after "… نوشت:" still belongs to the post (GUIDELINES
        §7: each following line is a quote) rather than to the article: the article resumes with a line
        that has its own attribution, refers back to the post, is a relay or is long narrative."""
        f = self.f
        if b - a > 400 or (no_first_person(f, a, b) and self._has_speech_cue(a, b)):
            return False
        if any(a <= x < b for x, _, _ in self.preps) or POST_BACKREF_RE.search(f, a, b):
            return False
        return len(self.pairs_between(a, b)) == 0 or f[a] in "«\"“"
