"""The article text as the view shows it: the record's text plus invisible direction marks.

Unicode's bidi algorithm puts a leading '@' or '#' of a Latin handle on the wrong side inside a
right-to-left paragraph ("KayhanLondon@"). A LEFT-TO-RIGHT MARK before the sigil fixes the
display (and one after a URL that ends in '/'). The marks exist only in the view's document: record offsets are translated through
this class (and code points <-> UTF-16 through `Utf16Map`, as everywhere), and copied text is
taken from the record, so no mark ever reaches a record or the clipboard.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from goftar.core.text.utf16 import Utf16Map

LRM = "\u200e"
# a sigil that starts a Latin handle or tag (not the '@' inside an e-mail address)
_SIGIL = re.compile(r"(?<![\w@#])[@#](?=[A-Za-z0-9_])")
# a URL, without the sentence punctuation that may follow it
_URL = re.compile(r"(?:https?://|www\.)[^\s«»،؛]*[^\s«»،؛.,;:!?)\]]")


def _mark_positions(text: str) -> list[int]:
    """Record offsets that get a mark before them: Latin handles' sigils, and the end of a URL
    whose last character is neutral ("…/", "…=") so that it stays with the URL."""
    marks = {m.start() for m in _SIGIL.finditer(text)}
    for m in _URL.finditer(text):
        if unicodedata.bidirectional(text[m.end() - 1]) not in ("L", "EN", "AN"):
            marks.add(m.end())
    return sorted(marks)


class DisplayText:
    """Record text <-> shown text (with LRMs) <-> UTF-16 positions of the shown document."""

    __slots__ = ("_marks_shown", "inserts", "record_text", "shown", "umap")

    def __init__(self, text: str) -> None:
        self.record_text = text
        #: record offsets before which a mark is shown (sorted)
        self.inserts = _mark_positions(text)
        if self.inserts:
            pieces, last = [], 0
            for p in self.inserts:
                pieces.append(text[last:p])
                pieces.append(LRM)
                last = p
            pieces.append(text[last:])
            self.shown = "".join(pieces)
        else:
            self.shown = text
        # where the k-th mark sits in the shown text
        self._marks_shown = [p + k for k, p in enumerate(self.inserts)]
        self.umap = Utf16Map(self.shown)

    @property
    def utf16_length(self) -> int:
        return self.umap.utf16_length

    def to_utf16(self, cp: int, *, end: bool = False) -> int:
        """UTF-16 position of record offset `cp`; `end=True` keeps a span's end before a following mark."""
        if not 0 <= cp <= len(self.record_text):
            raise ValueError(f"code-point offset {cp} outside 0..{len(self.record_text)}")
        shift = (bisect.bisect_left if end else bisect.bisect_right)(self.inserts, cp)
        return self.umap.to_utf16(cp + shift)

    def to_cp(self, u16: int, *, snap: str = "left") -> int:
        """Record offset of a UTF-16 position of the shown document (a mark counts as its next character)."""
        shown = self.umap.to_cp(min(max(u16, 0), self.umap.utf16_length), snap=snap)
        return shown - bisect.bisect_left(self._marks_shown, shown)

    def record_slice(self, u16_start: int, u16_end: int) -> str:
        """The record's text between two shown positions (what Copy puts on the clipboard)."""
        return self.record_text[self.to_cp(u16_start, snap="left"):self.to_cp(u16_end, snap="right")]
