"""The 1:1 fold: Arabic letter forms, digits and odd spaces folded, length always preserved."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goftar.core.text.fold import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("كتاب", "کتاب"),  # Arabic kaf
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("خانۀ", "خانه"),  # heh with yeh above
        ("أحمد إسلام ٱلله", "احمد اسلام الله"),  # hamza alefs and alef wasla
        ("۲۳ شهریور ۱۴۰۳", "23 شهریور 1403"),  # Persian digits
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۲٫۵", "2.5"),  # Arabic decimal separator
        ("a\u00a0b\u2009c\td", "a b c d"),  # NBSP, thin space and tab → plain space
        ("می\u200cگوید", "می\u200cگوید"),  # ZWNJ kept as is
        ("می\u200bگوید", "می\u200cگوید"),  # a zero-width space typed for a ZWNJ
        ("رئیس مؤسسه آب", "رئیس مؤسسه آب"),  # hamza letters and madda are letters of their own
        ("Hello, World 42!", "Hello, World 42!"),  # ASCII untouched
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text())
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)


_PERSIANISH = st.text(alphabet=st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإ ‌۰۱۲۳۴۵۶۷۸۹٠١٢0123.،؟«»\u00a0\n")))


@given(_PERSIANISH)
def test_fold_is_idempotent_and_pointwise(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    # 1:1 means every character folds on its own, so any slice of the fold is the fold of the slice
    assert all(fold(ch) == folded[i] for i, ch in enumerate(text))
