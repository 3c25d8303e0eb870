"""The Dates panel's model: text, Jalali, Gregorian, granularity, status."""

from __future__ import annotations

from typing import Any

from goftar.core.commands import SetDateValue
from goftar.core.model import GRANULARITIES

from .columns import Column
from .item_model import ItemTableModel
from .quotes_model import status_choices, status_column, text_column
from .roles import label


def _value(v: Any) -> str | None:
    s = str(v or "").strip()
    return s or None


class DatesModel(ItemTableModel):
    layer = "dates"

    def make_columns(self) -> list[Column]:
        return [
            text_column(),
            Column("jalali", "col.jalali", "Jalali", display=lambda d, x: x.jalali or "",
                   command=lambda d, x, v: SetDateValue(x.id, jalali=_value(v)) if _value(v) != x.jalali else None),
            Column("gregorian", "col.gregorian", "Gregorian", display=lambda d, x: x.gregorian or "",
                   command=lambda d, x, v: SetDateValue(x.id, gregorian=_value(v))
                   if _value(v) != x.gregorian else None),
            Column("granularity", "col.granularity", "Granularity",
                   display=lambda d, x: label(f"granularity.{x.granularity}", x.granularity),
                   edit_value=lambda d, x: x.granularity,
                   command=lambda d, x, v: SetDateValue(x.id, granularity=str(v))
                   if v and v != x.granularity else None),
            status_column(),
        ]

    def choices(self, column: int) -> list[tuple[Any, str]]:
        key = self.columns[column].key
        if key == "granularity":
            return [(g, label(f"granularity.{g}", g)) for g in GRANULARITIES]
        if key == "status":
            return status_choices()
        return []
