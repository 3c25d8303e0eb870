"""Marked passages as quotes: direct quotes from «…» and the marked fragments that make a clause mixed.

Every stage that meets a mark pair goes through here, so that one pair is used by one quote only
(`claimed_pairs`).
"""

from __future__ import annotations

from .candidates import Cand
from .clause_bounds import ClauseBounds
from .cues import Cue
from .direct_quotes import MarkPair
from .nps import NP
from .sources import Sources
from .textspans import trim


class MarkedQuotes(ClauseBounds, Sources):
    def _mixed(self, cand: Cand) -> None:
        """Marked wording inside an indirect clause makes it mixed (names and terms do not)."""
        f = self.f
        for p in self.pairs_between(cand.start, cand.end + 1):
            if cand.start <= p.open and p.close <= cand.end + 1:
                if self.p.terms.is_term(f, p, self.known_names):
                    continue
                if p.open > cand.start and self._cue_right_before(p.open):
                    continue  # a nested direct quote with its own cue ("… می‌نوشت: «…»"), not a fragment
                cand.kind = "mixed"
                self.claimed_pairs.add(p.open)
                if p.closed and p.close == cand.end:
                    cand.end = p.close + 1  # the span ends with the marked fragment: keep its closing mark

    def _direct(self, pair: MarkPair, cue: Cue | None, *, order: float, np_: NP | None = None,
                mode: str = "np") -> Cand | None:
        f = self.f
        if pair.open in self.claimed_pairs:
            return None
        a, b = pair.inner
        s, e = trim(f, a, b)
        if e - s < 2:
            return None
        c = Cand("direct", s, e, (cue.start, cue.end) if cue else None, order=order, np=np_, mode=mode,
                 confidence=0.9 if cue else 0.55)
        if cue is not None and np_ is None and mode == "np":
            sent = self.sent_of(cue.start)
            self._set_source(c, cue, self._clause_start(cue, sent), sent, {})
        self.claimed_pairs.add(pair.open)
        self.cands.append(c)
        return c

    def _direct_run(self, pair: MarkPair, cue: Cue, para: tuple[int, int]) -> None:
        """A cue introducing one or several marked passages in a row: each is a direct quote."""
        p: MarkPair | None = pair
        first = True
        while p is not None:
            self._direct(p, cue, order=cue.start + (0 if first else (p.open - cue.start) * 1e-6))
            first = False
            nxt = next((q for q in self.para_pairs(p.open) if q.open >= p.outer_end and q.open < para[1]), None)
            if nxt is None or self.f[p.outer_end:nxt.open].strip(" .،\u200c\n"):
                break
            p = nxt

    def _pair_before(self, pos: int, start: int) -> MarkPair | None:
        for p in self.pairs_between(start, pos):
            if start <= p.open and p.outer_end <= pos and not self.f[p.outer_end:pos].strip(" \u200c"):
                return p
        return None
