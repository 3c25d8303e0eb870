"""copy_record: equal to the original, field for field, and sharing nothing mutable with it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker
from goftar.core.schema import copy_record, record_to_dict

TEXT = "وزیر گفت: «تورم کاهش یافت.» او افزود که بودجه ۲۳ شهریورماه تصویب شد. 😀"


def sp(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s), s)


def full_record() -> Record:
    """Every field of every model class set to a value that is not its default."""
    q = sp("تورم کاهش یافت.")
    c = sp("تورم کاهش یافت")
    d = sp("۲۳ شهریورماه")
    return Record(
        id="x", text=TEXT, meta={"title": "t", "published": {"jalali": "1403-06-24", "gregorian": "2024-09-14"}},
        review=Review(status="reviewed", annotator="ana", updated="2026-11-27T10:00:00Z",
                      extra={"note": {"deep": [1, 2]}}),
        speakers=[Speaker(id="s1", name="وزیر", role="وزیر", type="person", mentions=[sp("وزیر"), sp("او")],
                          origin="human", extra={"x-k": [{"a": 1}]})],
        quotes=[Quote(id="q1", start=q.start, end=q.end, text=q.text, origin="human", status="edited",
                      confidence=0.5, extra={"x-q": {"b": [2]}}, kind="direct", cue=sp("گفت"), speaker="s1",
                      speaker_mention=sp("وزیر"), addressee="s1")],
        claims=[Claim(id="c1", start=c.start, end=c.end, text=c.text, origin="human", status="accepted",
                      confidence=0.25, extra={"x-c": [[3]]}, source="s1", quote="q1")],
        dates=[DateMention(id="d1", start=d.start, end=d.end, text=d.text, origin="human", status="added",
                           confidence=0.75, extra={"x-d": {}}, calendar="gregorian", granularity="month",
                           jalali="1403-06-01", gregorian="2024-08-22", year_inferred=True)],
        extra={"x-batch": {"n": [3]}},
    )


def _pairs(a: Any, b: Any, where: str = "record") -> list[tuple[str, Any, Any]]:
    """(path, value in a, value in b) for every dataclass field, list item and dict value, recursively."""
    out = [(where, a, b)]
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            out += _pairs(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            out += _pairs(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for k in a:
            out += _pairs(a[k], b[k], f"{where}.{k}")
    return out


def test_every_field_is_set_in_the_fixture() -> None:
    """If a field is added to the model, set it here, so the next test checks copy_record copies it."""
    rec = full_record()
    for path, value, _ in _pairs(rec, rec):
        obj = value
        if dataclasses.is_dataclass(obj) and not isinstance(obj, Span):
            for f in dataclasses.fields(obj):
                default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
                assert getattr(obj, f.name) != default, f"{path}.{f.name} keeps its default"


def test_copy_equals_and_shares_nothing_mutable() -> None:
    rec = full_record()
    dup = copy_record(rec)
    assert dup == rec and record_to_dict(dup) == record_to_dict(rec)
    for path, a, b in _pairs(rec, dup):
        if isinstance(a, list | dict) or dataclasses.is_dataclass(a):
            assert a is not b, f"{path} is shared"


@pytest.mark.parametrize("edit", [
    lambda r: r.quotes[0].cue.__setattr__("start", 0),
    lambda r: r.speakers[0].mentions.pop(),
    lambda r: r.meta["published"].__setitem__("jalali", "1403-06-25"),
    lambda r: r.claims[0].extra["x-c"][0].append(4),
    lambda r: r.review.extra["note"]["deep"].clear(),
])
def test_editing_the_copy_leaves_the_original(edit: Any) -> None:
    rec = full_record()
    before = record_to_dict(rec, validate=False)
    dup = copy_record(rec)
    edit(dup)
    assert record_to_dict(rec, validate=False) == before
    assert dup != rec
