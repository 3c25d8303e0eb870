"""Cue families: every tense/person and joiner variant matches, negated and future forms do not."""

from __future__ import annotations

import pytest

from goftar.core.extract.cues import CueMatcher
from goftar.core.extract.folding import fold
from goftar.core.extract.lexicons import load


@pytest.fixture(scope="module")
def matcher() -> CueMatcher:
    return CueMatcher(load())


@pytest.mark.parametrize(("text", "cue", "passive"), [
    ("وزیر گفت که", "گفت", False),
    ("او می گوید که", "می گوید", False),
    ("او میگوید که", "میگوید", False),
    ("او می‌گوید که", "می‌گوید", False),
    ("مقامات گفته‌اند که", "گفته‌اند", False),
    ("مقامات گفتهاند که", "گفتهاند", False),
    ("وی گفته بود که", "گفته بود", False),
    ("سخنگو اعلام کرد که", "اعلام کرد", False),
    ("سخنگو اعلام کرده است که", "اعلام کرده است", False),
    ("وزیر تأکید کرد که", "تاکید کرد", False),
    ("وزیر تاکید نمود که", "تاکید نمود", False),
    ("رئیس اظهار داشت:", "اظهار داشت", False),
    ("او خاطرنشان کرد:", "خاطرنشان کرد", False),
    ("وی ابراز امیدواری کرد که", "ابراز امیدواری کرد", False),
    ("کارشناس معتقد است که", "معتقد است", False),
    ("نماینده مدعی شد که", "مدعی شد", False),
    ("او هشدار داد که", "هشدار داد", False),
    ("در آن زمان گفته شده بود که", "گفته شده بود", True),
    ("از او به عنوان قهرمان نام برده می‌شود", "نام برده می‌شود", True),
])
def test_cue_forms(matcher: CueMatcher, text: str, cue: str, passive: bool) -> None:
    f = fold(text)
    found = [(f[c.start:c.end], c.passive) for c in matcher.find(f)]
    assert (fold(cue), passive) in found


@pytest.mark.parametrize("text", [
    "وزیر نگفت که", "او نمی‌گوید که", "او خواهد گفت که", "گفت‌وگو با خبرنگاران", "گفته‌های او", "بگوید",
])
def test_not_cues(matcher: CueMatcher, text: str) -> None:
    f = fold(text)
    assert [f[c.start:c.end] for c in matcher.find(f) if fold("گفت") in f[c.start:c.end]] == []
