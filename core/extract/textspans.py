"""Paragraphs, sentences and word tokens over the folded text (offsets = offsets into the verbatim text).

The extractor needs sentence ends that respect its own quote rules (a period inside «…» does not end a
sentence; `.»` ends it after the mark; `...`/`…` and decimal points never end one), so it keeps these small
splitters here instead of the general ones of `goftar.core.text.segment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_CH = r"\w\u064B-\u065F\u0670"
#: a word: letters/digits/marks, ZWNJ-joined parts stay one token; @handles and dotted decimals too
TOKEN_RE = re.compile(rf"@?[{WORD_CH}]+(?:[\u200c.\-/][{WORD_CH}]+)*|[^\s{WORD_CH}\u200c]")
OPENERS = "«“"
CLOSERS = "»”"
ENDERS = ".!?؟"
SPACE = " \t\u200c\u200f\u200e"


@dataclass(slots=True, frozen=True)
class Tok:
    start: int
    end: int
    text: str


def paragraphs(f: str) -> list[tuple[int, int]]:
    """Non-empty lines as trimmed (start, end)."""
    out = []
    pos = 0
    for line in f.split("\n"):
        s, e = trim(f, pos, pos + len(line))
        pos += len(line) + 1
        if e > s:
            out.append((s, e))
    return out


def tokens(f: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(f) if end is None else end
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(f, start, end)]


def sentences(f: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph [start, end), trimmed; marks «…» (and ASCII "…") are kept whole."""
    out: list[tuple[int, int]] = []
    depth = 0
    in_ascii = False
    s = start
    i = start
    while i < end:
        ch = f[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch == '"':
            in_ascii = not in_ascii
        elif ch in ENDERS and depth == 0 and not in_ascii:
            j = i + 1
            if ch == "." and (f[i - 1:i] == "." or f[j:j + 1] == "."):
                i += 1
                continue  # ellipsis
            if ch == "." and f[i - 1:i].isdigit() and f[j:j + 1].isdigit():
                i += 1
                continue  # decimal point
            while j < end and f[j] in ENDERS:
                j += 1
            if j < end and f[j] in CLOSERS + '"':
                j += 1
            if j >= end or f[j] in SPACE + " " or f[j] in OPENERS:
                out.append((s, j))
                s = j
                i = j
                continue
        i += 1
    if s < end:
        out.append((s, end))
    res = []
    for a, b in out:
        a, b = trim(f, a, b)
        if b > a:
            res.append((a, b))
    return res


def skip_space(f: str, p: int, end: int) -> int:
    """The first position at or after `p` (before `end`) that is not white space."""
    while p < end and f[p] in SPACE:
        p += 1
    return p


def last_comma(f: str, s: int, e: int) -> int:
    """The last Persian or Latin comma in [s, e), or -1."""
    return max(f.rfind("،", s, e), f.rfind(",", s, e))


def trim(f: str, s: int, e: int, extra: str = "") -> tuple[int, int]:
    """Trim white space (and `extra` characters) at both ends."""
    strip = SPACE + " " + extra
    while s < e and f[s] in strip:
        s += 1
    while e > s and f[e - 1] in strip:
        e -= 1
    return s, e
