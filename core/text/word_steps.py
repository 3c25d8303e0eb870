"""Moving a span's start or end by whole words: the keyboard's [ ] ; ' and a dragged edge.

Both work on the token starts and ends of `segment.token_bounds`, so an edge only ever lands
where a word (ZWNJ-joined words count as one) begins or ends. A move that would empty the span
or leave the text returns the span unchanged.
"""

from __future__ import annotations

import bisect

from goftar.core.text.segment import token_bounds


class WordSteps:
    """Word-boundary arithmetic over one text (its token bounds computed once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = token_bounds(text)

    def nudge(self, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
        """(start, end) with `edge` ('start' or 'end') moved one word earlier (step < 0) or later."""
        starts, ends = self.starts, self.ends
        if edge == "start":
            if step < 0:
                i = bisect.bisect_left(starts, start) - 1
                start = starts[i] if i >= 0 else start
            else:
                i = bisect.bisect_right(starts, start)
                start = starts[i] if i < len(starts) and starts[i] < end else start
        elif step < 0:
            i = bisect.bisect_left(ends, end) - 1
            end = ends[i] if i >= 0 and ends[i] > start else end
        else:
            i = bisect.bisect_right(ends, end)
            end = ends[i] if i < len(ends) else end
        return start, end

    def snap_edge(self, start: int, end: int, edge: str) -> tuple[int, int]:
        """A dragged `edge` snapped outwards to its word (the start to its word's start, the end to
        its word's end); the other edge is kept, and a snap that would empty the span is not made."""
        if edge == "start":
            i = bisect.bisect_right(self.starts, start) - 1
            start = self.starts[i] if i >= 0 and self.starts[i] < end else start
        else:
            i = bisect.bisect_left(self.ends, end)
            end = self.ends[i] if i < len(self.ends) and self.ends[i] > start else end
        return start, end
