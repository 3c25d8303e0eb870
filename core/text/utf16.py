"""The one place where Python code-point offsets meet Qt's UTF-16 positions.

Records count code points; QTextDocument/QTextCursor count UTF-16 code units, where a
character outside the BMP (most emoji) takes two units. ZWJ sequences and ZWNJ are ordinary
code points here: they are converted one by one like any other character.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts offsets between code points and UTF-16 units for one text in O(log n)."""

    __slots__ = ("_astral", "_length_cp", "_length_u16")

    def __init__(self, text: str) -> None:
        # code-point indices of characters that take two UTF-16 units
        # (a regex scan is ~20x faster than a Python loop over every character of a long article)
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(text)] if not text.isascii() else []
        self._length_cp = len(text)
        self._length_u16 = len(text) + len(self._astral)

    @property
    def utf16_length(self) -> int:
        return self._length_u16

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp` (0 ≤ cp ≤ len(text))."""
        if not 0 <= cp <= self._length_cp:
            raise ValueError(f"code-point offset {cp} outside 0..{self._length_cp}")
        return cp + bisect.bisect_left(self._astral, cp)

    def to_cp(self, u16: int, *, snap: str = "left") -> int:
        """Code-point offset of UTF-16 position `u16`.

        A position inside a surrogate pair is snapped to the character's start (`snap="left"`)
        or end (`snap="right"`), so a selection never splits an emoji.
        """
        if snap not in ("left", "right"):
            raise ValueError(f"snap must be 'left' or 'right', not {snap!r}")
        if not 0 <= u16 <= self._length_u16:
            raise ValueError(f"UTF-16 position {u16} outside 0..{self._length_u16}")
        lo, hi = 0, len(self._astral)
        # number of astral characters that lie wholly before u16
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid + 2 <= u16:
                lo = mid + 1
            else:
                hi = mid
        cp = u16 - lo
        if lo < len(self._astral) and self._astral[lo] + lo + 1 == u16:
            # between the two halves of astral character lo
            return cp - 1 if snap == "left" else cp
        return cp


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cp_to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def utf16_to_cp(text: str, u16: int, *, snap: str = "left") -> int:
    return Utf16Map(text).to_cp(u16, snap=snap)
