"""hazm's normalised copy maps back to the verbatim text exactly, tightly and monotonically."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goftar.core.text.alignment import AlignedText, align_normalized, normalize
from goftar.core.text.fold import fold
from goftar.core.text.nlp import normalizer
from goftar.core.text.segment import tokens

_SPACING = re.compile(r"[\s\u200c\u200d\u0640]")
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "٫": ".", "٪": "%", "…": "..."})


def letters(text: str) -> str:
    """What must survive normalisation: letters and digits folded, without spacing, diacritics, quote styles."""
    text = unicodedata.normalize("NFKC", fold(text)).translate(_QUOTES)
    return "".join(ch for ch in _SPACING.sub("", text) if unicodedata.category(ch) != "Mn")


def check_map(al: AlignedText) -> None:
    """The map is total, within range and monotone in both directions."""
    n, m = len(al.original), len(al.normalized)
    assert al.to_original(0) >= 0 and al.to_original(m) == n
    assert al.to_normalized(0) >= 0 and al.to_normalized(n) == m
    assert all(al.to_original(j) <= al.to_original(j + 1) for j in range(m))
    assert all(al.to_normalized(i) <= al.to_normalized(i + 1) <= m for i in range(n))
    prev = (0, 0)
    for j in range(m):
        s, e = al.span_to_original(j, j + 1)
        assert 0 <= s <= e <= n
        if s < e:
            # in order, and disjoint unless both come from one replaced block (ﷲ → الله)
            assert s >= prev[0] and e >= prev[1] and (s >= prev[1] or e == prev[1])
            prev = (s, e)


def test_sample_changes_length_and_maps_back(sample_text: str) -> None:
    al = align_normalized(sample_text)
    assert al.original is sample_text
    assert len(al.normalized) != len(sample_text)  # hazm inserts ZWNJs (2880 → 2908 on the whole text)
    check_map(al)
    spans = [al.span_to_original(t.start, t.end) for t in tokens(al.normalized)]
    for t, (s, e) in zip(tokens(al.normalized), spans, strict=True):
        # every normalised token comes from a verbatim substring with the same letters
        assert letters(sample_text[s:e]) == letters(t.text), (t.text, sample_text[s:e])
        assert sample_text[s:e] == sample_text[s:e].strip()
    # token order is kept and the verbatim spans never overlap
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_sample_normalised_text_is_hazms_outside_urls(sample_text: str) -> None:
    url = "pic.twitter.com/6CN18tGFrM"
    before = sample_text[: sample_text.index(url)].strip()
    assert normalize(before) == normalizer().normalize(before)
    assert url in align_normalized(sample_text).normalized


def test_sample_inserted_characters_are_only_spacing(sample_text: str) -> None:
    al = align_normalized(sample_text)
    inserted = [al.normalized[j] for j in range(len(al.normalized)) if al.span_to_original(j, j + 1)[0]
                == al.span_to_original(j, j + 1)[1]]
    assert inserted and set(inserted) <= {" ", "\u200c"}


@pytest.mark.parametrize(
    ("original", "normalized_piece", "expected_original"),
    [
        # diacritics removed: a kasra after the last letter stays with its word
        ("حَذفِ اِعراب", "حذف", "حَذفِ"),
        ("حَذفِ اِعراب", "اعراب", "اِعراب"),
        # ZWNJ inserted in place of a space / where there was nothing
        ("او می گوید که", "می‌گوید", "می گوید"),
        ("او می گوید که", "گوید", "گوید"),
        ("نمیدانم چه میگفت", "نمی‌دانم", "نمیدانم"),
        ("نمیدانم چه میگفت", "دانم", "دانم"),
        # the 'ها' suffix and compounds joined with ZWNJ
        ("خانه ها", "خانه‌ها", "خانه ها"),
        ("خانه ها", "ها", "ها"),
        ("زمین لرزه ای", "لرزه‌ای", "لرزه ای"),
        # spaces collapsed, spaces moved around punctuation
        ("سلام   دنیا", "سلام دنیا", "سلام   دنیا"),
        ("گفت : « سلام »", "«سلام»", "« سلام »"),
        ("سه.چهار", "چهار", "چهار"),
        ("۲۳شهریور", "شهریور", "شهریور"),
        # tatweel and repeated letters removed
        ("دنیـــا", "دنیا", "دنیـــا"),
        ("سلامممم به همه", "سلام", "سلامممم"),
        # Arabic yeh and kaf, Latin and Arabic-Indic digits
        ("كتاب علي", "علی", "علي"),
        ("كتاب علي", "کتاب", "كتاب"),
        ("عدد 123 و ٤٥", "۱۲۳", "123"),
        ("عدد 123 و ٤٥", "۴۵", "٤٥"),
        # straight quotes become «», '...' becomes '…', a ligature expands
        ('گفت: "ما آماده ایم"', "«ما", '"ما'),
        ("و ...", "…", "..."),
        ("ﷲ اکبر", "الله", "ﷲ"),
        ("ﷲ اکبر", "اکبر", "اکبر"),
        # a replacement longer than the resynchronisation window (difflib fallback)
        ("﷽ سلام", "الرحمن", "﷽"),
        ("﷽ سلام", "سلام", "سلام"),
        # URLs and emails are left alone, emoji pass through
        ("ببین https://example.com/a?b=c و info@example.org را", "https://example.com/a?b=c", "https://example.com/a?b=c"),
        ("ببین https://example.com/a?b=c و info@example.org را", "info@example.org", "info@example.org"),
        ("سلام 😀 دنیا 👨‍👩‍👧", "👨‍👩‍👧", "👨‍👩‍👧"),
        ("سلام 😀 دنیا 👨‍👩‍👧", "دنیا", "دنیا"),
    ],
)
def test_edge_cases(original: str, normalized_piece: str, expected_original: str) -> None:
    al = align_normalized(original)
    check_map(al)
    start = al.normalized.index(normalized_piece)
    s, e = al.span_to_original(start, start + len(normalized_piece))
    assert original[s:e] == expected_original
    # and back: the verbatim span covers the normalised piece (exactly, unless a ligature expanded)
    ns, ne = al.span_to_normalized(s, e)
    assert normalized_piece in al.normalized[ns:ne]
    assert al.normalized[ns:ne] == normalized_piece or original[s:e] in "﷽ﷲ"


@pytest.mark.parametrize(
    ("original", "normalized", "position", "expected"),
    [
        ("کتابها", "کتاب\u200cها", 4, ""),  # ZWNJ inserted where there was nothing
        ("۲۳شهریور", "۲۳ شهریور", 2, ""),  # space inserted between digits and letters
        ("او می گوید", "او می\u200cگوید", 5, " "),  # a ZWNJ that replaced a space comes from that space
        ("کرد.\nدر", "کرد. \nدر", 4, ""),  # hazm's space before a newline
        ("کرد.\nدر", "کرد. \nدر", 5, "\n"),  # ... and the newline is still the verbatim one
    ],
)
def test_single_spacing_character(original: str, normalized: str, position: int, expected: str) -> None:
    al = AlignedText.align(original, normalized)
    s, e = al.span_to_original(position, position + 1)
    assert original[s:e] == expected


@pytest.mark.parametrize(
    ("original", "normalized", "piece", "expected"),
    [
        # inserted characters never widen a span
        ("کتابها را", "کتاب\u200cها را", "کتاب\u200c", "کتاب"),
        ("کتابها را", "کتاب\u200cها را", "\u200cها", "ها"),
        ("۲۳شهریور", "۲۳ شهریور", "۲۳ ", "۲۳شهریور"[:2]),
    ],
)
def test_spans_are_tight(original: str, normalized: str, piece: str, expected: str) -> None:
    al = AlignedText.align(original, normalized)
    start = normalized.index(piece)
    s, e = al.span_to_original(start, start + len(piece))
    assert original[s:e] == expected


def test_identity_alignment_and_bounds() -> None:
    al = AlignedText.align("سلام", "سلام")
    assert [al.to_original(j) for j in range(5)] == [0, 1, 2, 3, 4]
    assert al.span_to_original(1, 3) == (1, 3)
    assert al.span_to_normalized(1, 3) == (1, 3)
    with pytest.raises(ValueError):
        al.to_original(6)
    with pytest.raises(ValueError):
        al.span_to_original(3, 1)


def test_empty_text() -> None:
    al = align_normalized("")
    assert al.normalized == "" and al.span_to_original(0, 0) == (0, 0)


_PERSIANISH = st.lists(
    st.sampled_from([*"ابپتجچخدرزسشکگلمنوهیيكةۀ", " ", " ", "  ", "\u200c", "\n", "َ", "ِ", "ّ", "ـ", ".", "،",
                     "؟", "!", ":", "«", "»", '"', "...", "۲", "3", "٤", "%", "😀", "👨‍👩‍👧", "ﷲ", "می ", "ها",
                     "https://x.ir/a", "a@b.io", "\t", "ی ", "ه"]),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PERSIANISH)
def test_random_text_through_hazm(text: str) -> None:
    al = align_normalized(text)
    check_map(al)
    for t in tokens(al.normalized):
        s, e = al.span_to_original(t.start, t.end)
        assert 0 <= s <= e <= len(text)


# Synthetic hazm-like edits with a known truth: every kept character must map to its source.
_EDIT_ALPHABET = [*"ابپتجچخدرزسشکگلمنوهی", "ي", "ك", "۱", "2", " ", "\u064e", "\u0640"]
_SUBST = {"ي": "ی", "ك": "ک", "2": "۲"}


@st.composite
def edited(draw) -> tuple[str, str, list[int | None]]:
    original = "".join(draw(st.lists(st.sampled_from(_EDIT_ALPHABET), min_size=1, max_size=40)))
    out: list[str] = []
    source: list[int | None] = []
    for i, ch in enumerate(original):
        if draw(st.booleans()) and draw(st.booleans()):
            out.append(draw(st.sampled_from([" ", "\u200c"])))
            source.append(None)
        if ch in "\u064e\u0640" and draw(st.booleans()):
            continue  # diacritic / tatweel removed
        out.append(_SUBST.get(ch, ch))
        source.append(i)
    return original, "".join(out), source


@settings(max_examples=300, deadline=None)
@given(edited())
def test_synthetic_edits_map_to_equal_characters(case: tuple[str, str, list[int | None]]) -> None:
    original, normalized, _source = case
    al = AlignedText.align(original, normalized)
    check_map(al)
    for j, ch in enumerate(normalized):
        s, e = al.span_to_original(j, j + 1)
        if s == e:
            assert ch in " \u200c"  # only spacing can be an insertion
        else:
            assert fold(ch) in fold(original[s:e]) or (ch in " \u200c" and original[s:e].strip(" \u200c") == "")
