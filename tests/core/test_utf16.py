"""Utf16Map against Python's own UTF-16 encoding as the oracle."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goftar.core.text.utf16 import Utf16Map, cp_to_utf16, utf16_len, utf16_to_cp


def oracle_u16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # four astral people joined by ZWJ
FLAG = "🇮🇷"  # two regional indicators, both astral
TEXTS = [
    "",
    "سلام دنیا",
    "می\u200cگوید",  # ZWNJ is a BMP character: one unit
    "سلام 😀 دنیا",
    FAMILY,
    f"پرچم {FLAG} و {FAMILY}!",
    "👍🏽 ok",  # emoji + skin-tone modifier, both astral
    "𝕏 a 𝕏",  # mathematical letters outside the BMP
    "«کییف پُست» 🇧🇾🇮🇷",
]


@pytest.mark.parametrize("text", TEXTS)
def test_to_utf16_matches_the_encoder(text: str) -> None:
    m = Utf16Map(text)
    assert m.utf16_length == utf16_len(text) == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        assert m.to_utf16(cp) == oracle_u16(text, cp)
        assert m.to_cp(m.to_utf16(cp)) == cp  # round trip


@pytest.mark.parametrize(
    ("text", "u16", "left", "right"),
    [
        ("a😀b", 1, 1, 1),  # before the emoji
        ("a😀b", 2, 1, 2),  # between its surrogates: snapped to either side
        ("a😀b", 3, 2, 2),  # after it
        (FAMILY, 1, 0, 1),  # inside 👨
        (FAMILY, 2, 1, 1),  # at the ZWJ: a real boundary
        (FAMILY, 4, 2, 3),  # inside 👩
        (FLAG, 1, 0, 1),
        (FLAG, 3, 1, 2),
        ("می\u200cگوید", 3, 3, 3),  # ZWNJ: no surrogate, no snapping
    ],
)
def test_surrogate_splitting_positions(text: str, u16: int, left: int, right: int) -> None:
    m = Utf16Map(text)
    assert m.to_cp(u16, snap="left") == left
    assert m.to_cp(u16, snap="right") == right
    assert utf16_to_cp(text, u16) == left


@pytest.mark.parametrize(("text", "cp"), [("a😀b", 4), ("", 1), ("ab", -1)])
def test_code_point_out_of_range(text: str, cp: int) -> None:
    with pytest.raises(ValueError):
        Utf16Map(text).to_utf16(cp)


@pytest.mark.parametrize(("text", "u16"), [("a😀b", 5), ("", 1), ("ab", -1)])
def test_utf16_position_out_of_range(text: str, u16: int) -> None:
    with pytest.raises(ValueError):
        Utf16Map(text).to_cp(u16)


def test_bad_snap_is_an_error() -> None:
    with pytest.raises(ValueError, match="snap"):
        Utf16Map("a😀").to_cp(2, snap="middle")


@given(st.text())
def test_round_trips(text: str) -> None:
    m = Utf16Map(text)
    encoded_len = len(text.encode("utf-16-le", "surrogatepass")) // 2
    assert m.utf16_length == encoded_len
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le", "surrogatepass")) // 2
        assert m.to_cp(u16, snap="left") == m.to_cp(u16, snap="right") == cp
        assert cp_to_utf16(text, cp) == u16
    for u16 in range(encoded_len + 1):
        left, right = m.to_cp(u16, snap="left"), m.to_cp(u16, snap="right")
        # either a boundary (both agree) or inside one astral character (they differ by one)
        assert m.to_utf16(left) <= u16 <= m.to_utf16(right)
        assert right - left in (0, 1)
        if right != left:
            assert ord(text[left]) > 0xFFFF and m.to_utf16(right) - m.to_utf16(left) == 2
