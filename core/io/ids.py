"""Record ids for imported articles: made from file names, and made unique on request."""

from __future__ import annotations

import re
from collections.abc import Collection

#: longest id made from a file name (longer stems are cut; ids end up in file names and tables)
MAX_ID_LENGTH = 120

# Letters and digits of any script, `_`, `.`, `-`, ZWNJ (Persian words need it) and Arabic
# diacritics survive; every other run of characters (spaces, slashes, quotes…) becomes one "-".
_UNSAFE = re.compile(r"[^\w.\-\u200c\u0610-\u061a\u064b-\u065f\u0670]+")
_DASHES = re.compile(r"-{2,}")
_EDGES = "-._\u200c"


def sanitize_id(raw: str) -> str:
    """A clean record id from a file-name stem (`"Khabar 12 (1).txt"` stem -> `"Khabar-12-1"`); may be ''."""
    s = _DASHES.sub("-", _UNSAFE.sub("-", raw)).strip(_EDGES)
    if len(s) > MAX_ID_LENGTH:
        s = s[:MAX_ID_LENGTH].rstrip(_EDGES)
    return s


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base` if free, else the first free of `base-2`, `base-3`, …"""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
