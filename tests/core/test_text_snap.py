"""char_span: snapping a raw selection to token boundaries (strict / contract / expand)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goftar.core.text.segment import tokens
from goftar.core.text.snap import char_span

TEXT = "او گفت: «سلام» و می‌گوید که کتاب‌ها را خوانده است، ولی چرا؟"


def sel(piece: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of `piece` (its n-th occurrence) in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def snapped(start: int, end: int, mode: str) -> str | None:
    span = char_span(TEXT, start, end, mode)
    if span is not None:
        assert span.text == TEXT[span.start:span.end]
    return None if span is None else span.text


@pytest.mark.parametrize(
    ("selection", "mode", "expected"),
    [
        # already on boundaries: every mode keeps it
        (sel("سلام"), "strict", "سلام"),
        (sel("سلام"), "contract", "سلام"),
        (sel("سلام"), "expand", "سلام"),
        # quotation marks stay only when selected
        (sel("«سلام»"), "expand", "«سلام»"),
        (sel("«سلام»"), "strict", "«سلام»"),
        # whitespace at the edges is trimmed in every mode
        (sel(" «سلام» "), "strict", "«سلام»"),
        (sel("  "[:1] + "و" + " "), "contract", "و"),
        # a selection splitting a ZWNJ word (می‌|گوید)
        (sel("می\u200c"), "strict", None),
        (sel("می\u200c"), "contract", None),
        (sel("می\u200c"), "expand", "می\u200cگوید"),
        (sel("و می\u200c"), "contract", "و"),
        (sel("و می\u200c"), "expand", "و می\u200cگوید"),
        (sel("وید که"), "expand", "می\u200cگوید که"),
        (sel("وید که"), "contract", "که"),
        # the plural suffix is part of its word
        (sel("\u200cها را"), "expand", "کتاب\u200cها را"),
        (sel("کتاب"), "strict", None),
        (sel("کتاب"), "expand", "کتاب\u200cها"),
        # partial words at both ends
        (sel("لام» و می"), "expand", "سلام» و می\u200cگوید"),
        (sel("لام» و می"), "contract", "» و"),
        # Persian comma and question mark are separate tokens
        (sel("است،"), "strict", "است،"),
        (sel("است"), "strict", "است"),
        (sel("ست، و"), "expand", "است، ولی"),
        (sel("ست، و"), "contract", "،"),
        (sel("چرا؟"), "strict", "چرا؟"),
        (sel("را؟"), "contract", "؟"),
        # the colon after گفت
        (sel("گفت:"), "strict", "گفت:"),
        (sel("فت:"), "expand", "گفت:"),
    ],
)
def test_char_span(selection: tuple[int, int], mode: str, expected: str | None) -> None:
    assert snapped(*selection, mode) == expected


@pytest.mark.parametrize("mode", ["strict", "contract", "expand"])
@pytest.mark.parametrize(("start", "end"), [(2, 2), (2, 3), (7, 8), (-5, 0), (len(TEXT), len(TEXT) + 5)])
def test_empty_or_whitespace_only_is_none(mode: str, start: int, end: int) -> None:
    # (2, 3) is the space after «او», (7, 8) the space after «گفت:»
    assert char_span(TEXT, start, end, mode) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "mode", "expected"),
    [
        ("سلام 👨‍👩‍👧 دنیا", 6, 8, "expand", "👨‍👩‍👧"),  # one member of an emoji family expands to the cluster
        ("سلام 👨‍👩‍👧 دنیا", 5, 7, "contract", None),
        ("ببین https://example.com/a و", 10, 15, "expand", "https://example.com/a"),
        ("کتاب\u200cها", 0, 5, "strict", None),  # selection ending on the ZWNJ itself
        ("کتاب\u200cها", 0, 5, "expand", "کتاب\u200cها"),
        ("abc", 3, 0, "expand", "abc"),  # reversed selection
        ("abc def", -4, 100, "strict", "abc def"),  # clamped to the text
    ],
)
def test_char_span_other_texts(text: str, start: int, end: int, mode: str, expected: str | None) -> None:
    span = char_span(text, start, end, mode)
    assert (None if span is None else span.text) == expected


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="mode"):
        char_span(TEXT, 0, 2, "nearest")


_ALPHABET = [*"ابپتکگمنوهی", " ", "\u200c", "«", "»", "،", "؟", ".", "😀"]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join), st.integers(-2, 32), st.integers(-2, 32))
def test_snap_properties(text: str, a: int, b: int) -> None:
    toks = {(t.start, t.end) for t in tokens(text)}
    starts = {s for s, _ in toks}
    ends = {e for _, e in toks}
    lo, hi = sorted((max(0, min(a, len(text))), max(0, min(b, len(text)))))
    strict = char_span(text, a, b, "strict")
    contract = char_span(text, a, b, "contract")
    expand = char_span(text, a, b, "expand")
    for span in (strict, contract, expand):
        if span is not None:
            assert span.start in starts and span.end in ends and span.text == text[span.start:span.end]
    if contract is not None:
        assert lo <= contract.start < contract.end <= hi  # contract never grows
        assert expand is not None and expand.start <= contract.start and contract.end <= expand.end
    if expand is not None:
        assert expand.start < hi and expand.end > lo  # expand only covers tokens the selection touched
    if strict is not None:
        assert (strict.start, strict.end) == (contract.start, contract.end) == (expand.start, expand.end)
