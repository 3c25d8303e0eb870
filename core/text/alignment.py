"""hazm's normalised text, aligned back to the verbatim text position by position.

hazm's Normalizer changes the length of a text (2880 → 2908 characters on the sample article):
it inserts ZWNJ and spaces (می گوید → می‌گوید, کتابها → کتاب‌ها, ۹متر → ۹ متر), removes
diacritics, tatweel and special marks, collapses spaces, rewrites letters and digits one for one
(ي → ی, 5 → ۵), turns "…" into «…» and `...` into ` …`, and expands ligatures (ﷲ → الله).
Matching on that copy is convenient, but its offsets must never reach a record unmapped:
`AlignedText` maps every normalised position back to the verbatim text.

The alignment walks both strings with a cursor (like spaCy's `get_words_and_spaces`), comparing
characters under a key that identifies what the Normalizer treats as the same letter. Equal runs
are skipped in bulk; a space/ZWNJ present on one side only is an insertion or a deletion; any
other difference is resynchronised on the nearest common stretch (a small substitution block),
with difflib as a last resort. Every normalised character therefore maps to either one verbatim
character, a verbatim block it replaced, or nothing (inserted); the map is monotone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from goftar.core.text.segment import URL_EMAIL_RE

# The Normalizer's one-for-one rewrites, as a key both strings are compared under. Built from
# hazm's own tables on first use (hazm is imported lazily).
_KEY_TABLE: dict[str, str] | None = None
_KEY_RE: re.Pattern[str] | None = None

_SPACE_KEY = " "
# Verbatim characters that may vanish (besides whitespace): diacritics and special marks, tatweel, CR,
# invisible format characters (ZWNJ is not among them: under the key it is a space).
_DELETABLE_RE = re.compile(
    "[\u0605\u0610-\u061a\u061e\u064b-\u065f\u0670\u06d4\u06d6-\u06ed\u06fd\u06fe\u08ad\u08d4-\u08ff"
    "\ufbb2-\ufbc1\ufc5e-\ufc63\ufcf2-\ufcf4\ufd3e\ufd3f\ufdfa\ufdfb\ufe70-\ufe7f"
    "\u0640\r\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# a run of visible characters: removed ones inside it (marks, tatweel, repeated letters) stay with their word
_VISIBLE_RUN_RE = re.compile("[^\\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
_VISIBLE_RUN_BACK_RE = re.compile("[^\\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$")
_RESYNC_WINDOW = 12
_RESYNC_CONFIRM = 3
_FALLBACK_WINDOW = 256


def _key_table() -> tuple[dict[str, str], re.Pattern[str]]:
    global _KEY_TABLE, _KEY_RE
    if _KEY_TABLE is None or _KEY_RE is None:
        from hazm.constants import NUMBERS_DST, NUMBERS_SRC, TRANSLATION_DST, TRANSLATION_SRC

        table: dict[str, str] = {}
        for src, dst in zip(TRANSLATION_SRC, TRANSLATION_DST, strict=True):
            table.setdefault(src, dst)
        for src, dst in zip(NUMBERS_SRC, NUMBERS_DST, strict=True):
            table[src] = dst
        for i in range(10):  # Persian digits may also stay ASCII on one side: compare as ASCII
            table[chr(0x06F0 + i)] = str(i)
            table[chr(0x0660 + i)] = str(i)
            table.pop(str(i), None)
        table.update({q: '"' for q in "«»“”"})
        table["٫"] = "."  # persian_style: 10.450 → 10٫450
        for ch in "\u200c\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000\t":
            table[ch] = _SPACE_KEY
        table = {k: v for k, v in table.items() if k != v}
        _KEY_RE = re.compile("[" + re.escape("".join(table)) + "]")
        _KEY_TABLE = table
    return _KEY_TABLE, _KEY_RE


def _key(text: str) -> str:
    """`text` under the comparison key (1:1). A regex over the few mapped characters is ~20x faster
    than str.translate with a dict table on non-ASCII text."""
    table, pattern = _key_table()
    return pattern.sub(lambda m: table[m.group()], text)


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:], found by galloping over slices (C speed)."""
    limit = min(len(a) - i, len(b) - j)
    k = 0
    step = 64
    while k < limit:
        s = min(step, limit - k)
        if a[i + k:i + k + s] == b[j + k:j + k + s]:
            k += s
            step *= 2
        elif s == 1:
            break
        else:
            step = s // 2
    return k


@dataclass(slots=True)
class AlignedText:
    """A verbatim text, a normalised copy of it, and the position map between them.

    `_start[j]`/`_end[j]`: the verbatim range normalised character j comes from (empty when the
    Normalizer inserted it, a whole block when it replaced several characters). `_to_norm[i]`: the
    normalised position of verbatim character i (or where it would be, when it was removed).
    """

    original: str
    normalized: str
    _start: list[int] = field(repr=False)
    _end: list[int] = field(repr=False)
    _to_norm: list[int] = field(repr=False)

    @classmethod
    def align(cls, original: str, normalized: str) -> AlignedText:
        """Align any `normalized` copy derived from `original` by hazm-like edits."""
        n, m = len(original), len(normalized)
        start = [0] * (m + 1)
        end = [0] * (m + 1)
        to_norm = [0] * (n + 1)
        start[m] = end[m] = n
        to_norm[n] = m
        if original == normalized:
            start[:m] = range(m)
            end[:m] = range(1, m + 1)
            to_norm[:n] = range(n)
            return cls(original, normalized, start, end, to_norm)
        a = _key(original)
        b = _key(normalized)
        i = j = 0
        while i < n and j < m:
            k = _common_run(a, i, b, j)
            if k:
                start[j:j + k] = range(i, i + k)
                end[j:j + k] = range(i + 1, i + k + 1)
                to_norm[i:i + k] = range(j, j + k)
                i += k
                j += k
                continue
            ca, cb = a[i], b[j]
            a_space, b_space = ca.isspace(), cb.isspace()
            if (not a_space and (_DELETABLE_RE.match(ca) or _in_long_repeat(a, i))
                    and not (b_space and _after_spaces(b, j) == ca)):
                # a diacritic/tatweel/joiner the Normalizer removed, or a letter of a run of 3+ that
                # decrease_repeated_chars shortened (checked before insertions so that 'سلامَ دنیا'
                # and 'سلامممم به' keep their space matched to the space, unless the very next
                # visible normalised character shows that spaces were inserted before this one)
                to_norm[i] = j
                i += 1
            elif a_space and b_space:
                # different spacing on both sides ('\n' vs ' '): whichever the next character confirms
                if i + 1 < n and a[i + 1] == cb:
                    to_norm[i] = j  # this verbatim space was dropped (' \n' → '\n')
                    i += 1
                elif j + 1 < m and b[j + 1] == ca:
                    start[j] = end[j] = i  # a space was inserted before it ('.\n' → '. \n')
                    j += 1
                else:
                    start[j], end[j] = i, i + 1  # one spacing character became another
                    to_norm[i] = j
                    i += 1
                    j += 1
            elif b_space:
                start[j] = end[j] = i  # inserted space/ZWNJ: maps to an empty range
                j += 1
            elif a_space:
                to_norm[i] = j  # collapsed or removed space
                i += 1
            else:
                di, dj = _resync(a, i, b, j)
                for jj in range(j, j + dj):
                    start[jj], end[jj] = i, i + di
                for ii in range(i, i + di):
                    to_norm[ii] = j
                i += di
                j += dj
        while j < m:  # trailing insertions
            start[j] = end[j] = i
            j += 1
        while i < n:  # trailing deletions
            to_norm[i] = m
            i += 1
        return cls(original, normalized, start, end, to_norm)

    def to_original(self, i: int) -> int:
        """Verbatim offset of normalised offset `i` (0 ≤ i ≤ len(normalized))."""
        if not 0 <= i <= len(self.normalized):
            raise ValueError(f"normalised offset {i} outside 0..{len(self.normalized)}")
        return self._start[i]

    def to_normalized(self, i: int) -> int:
        """Normalised offset of verbatim offset `i` (0 ≤ i ≤ len(original))."""
        if not 0 <= i <= len(self.original):
            raise ValueError(f"verbatim offset {i} outside 0..{len(self.original)}")
        return self._to_norm[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The tightest verbatim range `[s, e)` that a normalised range `[start, end)` comes from.

        Characters the Normalizer inserted contribute nothing, so a span never gains a space or
        ZWNJ that is not in the verbatim text; characters the Normalizer removed inside the word at
        either edge (diacritics, tatweel, repeated letters) stay with it. A range made only of
        inserted characters maps to an empty range.
        """
        m = len(self.normalized)
        if not 0 <= start <= end <= m:
            raise ValueError(f"normalised span [{start}, {end}) outside 0..{m}")
        s_tab, e_tab = self._start, self._end
        first = start
        while first < end and s_tab[first] == e_tab[first]:
            first += 1
        if first == end:
            p = s_tab[start]
            return p, p
        last = end - 1
        while s_tab[last] == e_tab[last]:
            last -= 1
        s, e = s_tab[first], e_tab[last]
        # Verbatim characters the Normalizer removed right next to the span (a kasra after the
        # last letter, tatweel, the extra letters of 'سلامممم') belong to the same word: keep them,
        # up to the neighbouring characters' sources and never across whitespace or joiners.
        original = self.original
        run = _VISIBLE_RUN_RE.match(original, e, s_tab[last + 1])
        if run and _VISIBLE_RUN_RE.match(original, e - 1, e):
            e = run.end()
        prev_end = e_tab[first - 1] if first > 0 else 0
        back = _VISIBLE_RUN_BACK_RE.search(original, prev_end, s) if prev_end < s else None
        if back and _VISIBLE_RUN_RE.match(original, s, s + 1) and (
                back.start() == 0 or not _VISIBLE_RUN_RE.match(original, back.start() - 1)):
            s = back.start()  # only at a word start: inside a word they already went with the letter before
        return s, e

    def span_to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """The normalised range covering verbatim `[start, end)` (for searching the copy)."""
        n = len(self.original)
        if not 0 <= start <= end <= n:
            raise ValueError(f"verbatim span [{start}, {end}) outside 0..{n}")
        s = self._to_norm[start]
        e = self._to_norm[end] if end > start else s
        return s, max(s, e)


def _after_spaces(b: str, j: int) -> str:
    """The first non-space character of b from j on ('' at the end)."""
    k = j
    while k < len(b) and b[k].isspace():
        k += 1
    return b[k] if k < len(b) else ""


def _in_long_repeat(a: str, i: int) -> bool:
    """True when a[i] is a letter repeated at least three times in a row around i."""
    ch = a[i]
    if not ch.isalpha():
        return False
    lo = i
    while lo > 0 and a[lo - 1] == ch:
        lo -= 1
    hi = i + 1
    while hi < len(a) and a[hi] == ch:
        hi += 1
    return hi - lo >= 3


def _resync(a: str, i: int, b: str, j: int) -> tuple[int, int]:
    """Smallest block (di, dj) after which a[i+di:] and b[j+dj:] agree again."""
    n, m = len(a), len(b)
    for total in range(1, 2 * _RESYNC_WINDOW + 1):
        for di in range(max(0, total - _RESYNC_WINDOW), min(total, _RESYNC_WINDOW) + 1):
            dj = total - di
            ii, jj = i + di, j + dj
            if ii > n or jj > m:
                continue
            if ii == n and jj == m:
                return di, dj
            if ii == n or jj == m:
                continue
            length = min(_RESYNC_CONFIRM, n - ii, m - jj)
            if a[ii:ii + length] == b[jj:jj + length] and (length == _RESYNC_CONFIRM or (
                    ii + length == n and jj + length == m)):
                return di, dj
    # No common stretch nearby: let difflib find the next matching block, within a bounded window so
    # that noise cannot make this quadratic; failing that, the whole window is one replaced block.
    wa, wb = min(_FALLBACK_WINDOW, n - i), min(_FALLBACK_WINDOW, m - j)
    matcher = difflib.SequenceMatcher(None, a[i:i + wa], b[j:j + wb], autojunk=False)
    for block in matcher.get_matching_blocks():
        if (block.a or block.b) and (block.size >= _RESYNC_CONFIRM or (
                block.size and block.a + block.size == n - i and block.b + block.size == m - j)):
            return block.a, block.b
    return wa, wb


def normalize(text: str) -> str:
    """hazm's Normalizer on `text`, except URLs and emails, which it would break apart
    (https://x.com → https: / / x. com): they, and the whitespace around each normalised piece,
    are kept verbatim."""
    from goftar.core.text.nlp import normalizer

    norm = normalizer().normalize
    pieces: list[str] = []
    pos = 0
    for m in URL_EMAIL_RE.finditer(text):
        pieces.append(_normalize_piece(norm, text[pos:m.start()]))
        pieces.append(m.group())
        pos = m.end()
    if not pieces:
        return _normalize_piece(norm, text)
    pieces.append(_normalize_piece(norm, text[pos:]))
    return "".join(pieces)


def _normalize_piece(norm: Callable[[str], str], piece: str) -> str:
    core = piece.strip()
    if not core:
        return piece
    lead = piece[:len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()):]
    return lead + norm(core) + trail


def align_normalized(text: str) -> AlignedText:
    """Run hazm's Normalizer on `text` (URLs and emails left alone) and align its output back to `text`."""
    return AlignedText.align(text, normalize(text))
