"""Date values for the date commands: calendar conversion (jdatetime) and reading a selected span."""

from __future__ import annotations

import datetime as _dt
import logging
from typing import Any

from ..model import DateMention, Record, Span
from ..schema import parse_iso_date
from .base import CommandError

_log = logging.getLogger(__name__)


def _parse(value: str, calendar: str) -> tuple[int, int, int]:
    try:
        return parse_iso_date(value, calendar)
    except ValueError as ex:
        raise CommandError(f"{calendar} date {ex}") from None


def _to_gregorian(jalali: str) -> str:
    import jdatetime

    return jdatetime.date(*_parse(jalali, "jalali")).togregorian().isoformat()


def _to_jalali(gregorian: str) -> str:
    import jdatetime

    y, m, d = _parse(gregorian, "gregorian")
    j = jdatetime.date.fromgregorian(date=_dt.date(y, m, d))
    return f"{j.year:04d}-{j.month:02d}-{j.day:02d}"


def _period_start(value: str, granularity: str) -> str:
    y, m, _ = value.split("-")
    return f"{y}-{m}-01" if granularity == "month" else f"{y}-01-01"


def date_values(calendar: str, granularity: str, jalali: str | None,
                gregorian: str | None) -> tuple[str | None, str | None]:
    """(jalali, gregorian) following GUIDELINES.md: a day in both calendars (converted); a month or
    year as the first day of the period in the written calendar only. CommandError when invalid."""
    if jalali is not None:
        _parse(jalali, "jalali")
    if gregorian is not None:
        _parse(gregorian, "gregorian")
    if granularity == "day":
        if jalali and not gregorian:
            gregorian = _to_gregorian(jalali)
        elif gregorian and not jalali:
            jalali = _to_jalali(gregorian)
        elif jalali and gregorian and _to_gregorian(jalali) != gregorian:
            raise CommandError(f"jalali {jalali} and gregorian {gregorian} are different days")
        return jalali, gregorian
    if granularity in ("month", "year"):
        if calendar == "gregorian":
            value = gregorian or (_to_gregorian(jalali) if jalali else None)
            return None, _period_start(value, granularity) if value else None
        if calendar == "jalali":
            value = jalali or (_to_jalali(gregorian) if gregorian else None)
            return (_period_start(value, granularity) if value else None), None
        # hijri: values are given in one of the two supported calendars; keep whichever was given
        return (_period_start(jalali, granularity) if jalali else None,
                _period_start(gregorian, granularity) if gregorian else None)
    return jalali, gregorian


#: characters of context around a year-less selection in which the dates module looks for its year
CONTEXT = 3000


def guess_date(record: Record, span: Span) -> DateMention | None:
    """The value the dates extractor reads in a selected span.

    A year-less date (۲۳ شهریورماه) takes its year from the publication date or the nearest
    dated context, so when the span alone gives no value, the module reads the span within
    its surrounding text. Best effort: an analyst-added date without a value is still valid,
    so a failure of the extractor on this span leaves it empty (and is logged, not hidden).
    """
    from ..extract.dates import find_dates  # on first use: start-up need not load the extractor

    published: Any = (record.meta or {}).get("published")
    published = published if isinstance(published, dict) else None

    def best_in(text: str, offset: int) -> DateMention | None:
        try:
            found = find_dates(text, published=published)
        except Exception:
            _log.exception("reading the date in %r failed; the date is added without a value", span.text)
            return None
        overlap = [(min(d.end + offset, span.end) - max(d.start + offset, span.start), d) for d in found]
        overlap = [(o, d) for o, d in overlap if o > 0]
        return max(overlap, key=lambda od: od[0])[1] if overlap else None

    guess = best_in(span.text, span.start)
    if guess is None or (guess.jalali is None and guess.gregorian is None):
        lo, hi = max(0, span.start - CONTEXT), min(len(record.text), span.end + CONTEXT)
        guess = best_in(record.text[lo:hi], lo) or guess
    return guess
