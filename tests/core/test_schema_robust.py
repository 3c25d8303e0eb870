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
