"""A length-preserving 1:1 character fold for matching Persian text.

Every character maps to exactly one character, so an offset found in `fold(text)` is the same
offset in `text`: matching can run on the folded copy and its spans go straight into records.
Anything that would change the length (removing diacritics, inserting ZWNJ) belongs in
`goftar.core.text.alignment` instead.
"""

from __future__ import annotations

import re

_PAIRS: dict[str, str] = {
    # Arabic letter forms → Persian ones
    # (hamza forms ئ ؤ and آ are distinct letters in Persian spelling: kept)
    "ي": "ی", "ى": "ی",
    "ك": "ک",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا",
    "ٮ": "ب", "ڪ": "ک", "ې": "ی", "ۍ": "ی", "ێ": "ی", "ے": "ی",
    # odd spaces → a plain space (ZWNJ U+200C is deliberately NOT here: it is meaningful in Persian)
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    # a zero-width space inside a Persian word is nearly always a mistyped ZWNJ
    "\u200b": "\u200c",
}
# Arabic decimal/thousands separators → ASCII, so «۲٫۵» folds to «2.5»
_PAIRS["\u066b"] = "."
_PAIRS["\u066c"] = ","
# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits → ASCII digits
for _i in range(10):
    _PAIRS[chr(0x06F0 + _i)] = str(_i)
    _PAIRS[chr(0x0660 + _i)] = str(_i)

FOLD_TABLE: dict[int, int] = {ord(k): ord(v) for k, v in _PAIRS.items() if k != v}
# str.translate with a dict costs a lookup per character (~0.4 ms on a 3 kB Persian article); most
# characters never change, so translate only the runs that do.
_FOLDABLE_RE = re.compile("[" + re.escape("".join(chr(c) for c in FOLD_TABLE)) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(FOLD_TABLE)


def fold(text: str) -> str:
    """`text` with Arabic letter forms, digits and odd spaces folded; `len(fold(t)) == len(t)`."""
    if text.isascii():
        return text.translate(FOLD_TABLE)  # only the tab can change; ASCII translate is fast
    return _FOLDABLE_RE.sub(_fold_run, text)
