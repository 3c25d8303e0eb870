"""check_record on values of the wrong JSON type: always Problems, never an exception."""

from __future__ import annotations

from typing import Any

import pytest

from goftar.core.schema import check_record, errors_of


def _record(meta: Any = None, date: dict | None = None) -> dict:
    text = "دیروز ۲۳ شهریور"
    rec: dict[str, Any] = {"schema": "goftar/1", "id": "x", "text": text, "meta": meta,
                           "speakers": [], "quotes": [], "claims": [], "dates": []}
    if date is not None:
        rec["dates"] = [{"id": "d1", "start": 6, "end": 15, "text": text[6:15], "calendar": "jalali",
                         "granularity": "day", "year_inferred": False, "origin": "human",
                         "status": "accepted", **date}]
    return rec


@pytest.mark.parametrize(("obj", "path"), [
    (_record(meta={"published": {"gregorian": []}}), "meta.published.gregorian"),
    (_record(meta={"published": {"jalali": {"y": 1403}}}), "meta.published.jalali"),
    (_record(date={"jalali": ["1403-06-23"]}), "dates[d1].jalali"),
    (_record(date={"gregorian": {}}), "dates[d1].gregorian"),
])
def test_unhashable_date_values_are_reported(obj: dict, path: str) -> None:
    errs = errors_of(check_record(obj))
    assert [p.path for p in errs] == [path]
    assert "YYYY-MM-DD" in errs[0].message


def _with_quote_and_claim(**changes: Any) -> dict:
    text = "وزیر گفت تورم کاهش یافت"
    rec = _record()
    rec["text"] = text
    rec["speakers"] = [{"id": "s1", "name": "وزیر", "type": "person", "origin": "human",
                        "mentions": [{"start": 0, "end": 4, "text": "وزیر"}]}]
    rec["quotes"] = [{"id": "q1", "kind": "indirect", "start": 9, "end": 23, "text": text[9:23],
                      "cue": None, "speaker": "s1", "speaker_mention": None, "origin": "human",
                      "status": "accepted"}]
    rec["claims"] = [{"id": "c1", "start": 9, "end": 23, "text": text[9:23], "source": "s1",
                      "quote": "q1", "origin": "human", "status": "accepted"}]
    for where, value in changes.items():
        layer, key = where.split("__")
        rec[layer][0][key] = value
    return rec


def test_reference_fixture_is_valid() -> None:
    assert errors_of(check_record(_with_quote_and_claim())) == []


@pytest.mark.parametrize(("changes", "path"), [
    ({"quotes__speaker": {"id": "s1"}}, "quotes[q1].speaker"),
    ({"quotes__addressee": ["s1"]}, "quotes[q1].addressee"),
    ({"claims__source": ["s1"]}, "claims[c1].source"),
    ({"claims__quote": {"q": 1}}, "claims[c1].quote"),
])
def test_unhashable_references_are_dangling(changes: dict, path: str) -> None:
    errs = errors_of(check_record(_with_quote_and_claim(**changes)))
    assert path in [p.path for p in errs]
    assert all("dangling reference" in p.message for p in errs if p.path == path)
