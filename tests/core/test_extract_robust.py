"""Odd input never crashes the extractor and always yields valid goftar/1 with exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goftar.core.extract import Extractor
from goftar.core.schema import record_to_dict

EX = Extractor()


def check(text: str):
    rec = EX.extract_text(text)
    record_to_dict(rec)
    for q in rec.quotes:
        assert text[q.start:q.end] == q.text
    for s in rec.speakers:
        for m in s.mentions:
            assert text[m.start:m.end] == m.text
    return rec


@pytest.mark.parametrize("text", ["", " ", "\n\n", "Hello world. He said: \"fine\".", "«", "»»«« : : «»",
                                  "گفت", "گفت:", "به گفته", "«" * 50 + "گفت که" + "»" * 3])
def test_edge_inputs(text: str) -> None:
    check(text)


def test_one_long_paragraph() -> None:
    para = "وزیر نیرو گفت که مصرف برق ۱۰ درصد افزایش یافته است. «این یک آزمایش است» "
    rec = check(para * (300_000 // len(para)))
    assert len(rec.quotes) >= 1000


def test_one_megabyte() -> None:
    para = "وزیر نیرو گفت که مصرف برق ۱۰ درصد افزایش یافته است. «این یک آزمایش است» 😀\n"
    text = para * (1_000_000 // len(para))
    rec = check(text)
    assert len(rec.quotes) >= 1000


@pytest.mark.parametrize(("variant", "same"), [
    ("وزير نيرو گفت كه مصرف برق افزايش يافته است.", "وزیر نیرو گفت که مصرف برق افزایش یافته است."),
    ("😀😀 وزیر نیرو میگوید مصرف برق افزایش یافته است.", None),
])
def test_offsets_exact_with_arabic_letters_emoji_and_no_zwnj(variant: str, same: str | None) -> None:
    rec = check(variant)
    assert len(rec.quotes) == 1
    q = rec.quotes[0]
    assert variant[q.start:q.end] == q.text
    if same is not None:
        assert same[q.start:q.end] == check(same).quotes[0].text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from([*list('گفتکه «»"“”:،.؟\nوی\u200c اعلامرد'), "😀", "ي", "ك", "۱"]),
               max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    check(text)
