"""Snapping a raw selection to token boundaries, like spaCy's `Doc.char_span(alignment_mode=...)`.

A mouse selection in the article view rarely lands on word boundaries. The tokens of
`goftar.core.text.segment` decide what a boundary is: a ZWNJ-joined word (می‌گوید, کتاب‌ها) is
one token, so a selection that splits it snaps to the whole word; Persian punctuation
(، ؛ ؟ « » .) is a token of its own, so quotation marks stay in a span only when selected.

- strict:   the span only if (after trimming whitespace) it starts and ends on token boundaries;
- contract: the tokens lying wholly inside the selection;
- expand:   every token the selection touches.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Literal

from goftar.core.model import Span
from goftar.core.text.segment import token_bounds

SnapMode = Literal["strict", "contract", "expand"]
SNAP_MODES: tuple[str, ...] = ("strict", "contract", "expand")
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\ufeff"


@lru_cache(maxsize=8)
def _bounds(text: str) -> tuple[list[int], list[int]]:
    # The GUI snaps many selections of the same article in a row: tokenise it once.
    return token_bounds(text)


def char_span(text: str, start: int, end: int, mode: SnapMode | str = "strict") -> Span | None:
    """The selection `[start, end)` of `text` snapped to tokens, or None (empty, whitespace only,
    no whole token inside for `contract`, not on boundaries for `strict`). Offsets are clamped
    to the text; a reversed selection is read the right way round."""
    if mode not in SNAP_MODES:
        raise ValueError(f"mode must be one of {', '.join(SNAP_MODES)}, not {mode!r}")
    if start > end:
        start, end = end, start
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    if start >= end:
        return None
    starts, ends = _bounds(text)
    if mode == "strict":
        i = bisect.bisect_left(starts, start)
        k = bisect.bisect_left(ends, end)
        if i < len(starts) and starts[i] == start and k < len(ends) and ends[k] == end:
            return Span(start, end, text[start:end])
        return None
    if mode == "contract":
        first = bisect.bisect_left(starts, start)  # first token starting at or after `start`
        last = bisect.bisect_right(ends, end) - 1  # last token ending at or before `end`
    else:
        first = bisect.bisect_right(ends, start)  # first token ending after `start`
        last = bisect.bisect_left(starts, end) - 1  # last token starting before `end`
    if first > last or first >= len(starts) or last < 0:
        return None
    s, e = starts[first], ends[last]
    return Span(s, e, text[s:e])
