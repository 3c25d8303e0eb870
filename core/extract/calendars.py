"""Calendar arithmetic for dates: Jalali (through jdatetime), Gregorian and Hijri (lunar).

Everything is expressed as Gregorian `datetime.date` intervals so that dates written in different
calendars can be compared (year inference, bracketed parallel readings, weekday checks).
The Hijri conversion is the arithmetic (tabular) Islamic calendar: official lunar dates are set by
moon sighting and may differ from it by a day, which is why Hijri dates get a lower confidence.
"""

from __future__ import annotations

import datetime as dt

import jdatetime

_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH (civil epoch, 16 July 622 Julian)
_JDN_ORDINAL = 1721425  # JDN of proleptic Gregorian 0001-01-01 minus 1


def _hijri_to_jdn(y: int, m: int, d: int) -> int:
    return d + (59 * (m - 1) + 1) // 2 + 354 * (y - 1) + (3 + 11 * y) // 30 + _HIJRI_EPOCH - 1


def _month_days_hijri(y: int, m: int) -> int:
    nxt = _hijri_to_jdn(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return nxt - _hijri_to_jdn(y, m, 1)


def hijri_to_gregorian(y: int, m: int, d: int) -> dt.date:
    if not (1 <= m <= 12 and 1 <= d <= _month_days_hijri(y, m)):
        raise ValueError(f"no Hijri date {y}-{m}-{d}")
    return dt.date.fromordinal(_hijri_to_jdn(y, m, d) - _JDN_ORDINAL)


def gregorian_to_hijri(day: dt.date) -> tuple[int, int, int]:
    jdn = day.toordinal() + _JDN_ORDINAL
    y = (30 * (jdn - _HIJRI_EPOCH) + 10646) // 10631
    m = min(12, (jdn - _hijri_to_jdn(y, 1, 1)) * 2 // 59 + 1)
    while m > 1 and _hijri_to_jdn(y, m, 1) > jdn:
        m -= 1
    while m < 12 and _hijri_to_jdn(y, m + 1, 1) <= jdn:
        m += 1
    return y, m, jdn - _hijri_to_jdn(y, m, 1) + 1


def to_gregorian(calendar: str, y: int, m: int, d: int) -> dt.date:
    """The Gregorian day of a date written in `calendar` (ValueError when it does not exist)."""
    if calendar == "jalali":
        return jdatetime.date(y, m, d).togregorian()
    if calendar == "gregorian":
        return dt.date(y, m, d)
    if calendar == "hijri":
        return hijri_to_gregorian(y, m, d)
    raise ValueError(f"unknown calendar {calendar!r}")


def year_of(calendar: str, day: dt.date) -> int:
    """The year that `day` falls in, in `calendar`."""
    if calendar == "jalali":
        return jdatetime.date.fromgregorian(date=day).year
    if calendar == "hijri":
        return gregorian_to_hijri(day)[0]
    return day.year


def interval(calendar: str, y: int, m: int | None = None, d: int | None = None) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a year, month or day written in `calendar` (ValueError if invalid)."""
    if m is None:
        return to_gregorian(calendar, y, 1, 1), to_gregorian(calendar, y + 1, 1, 1) - dt.timedelta(days=1)
    if d is None:
        first = to_gregorian(calendar, y, m, 1)
        nxt = to_gregorian(calendar, y + (m == 12), 1 if m == 12 else m + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    day = to_gregorian(calendar, y, m, d)
    return day, day


def jalali_iso(day: dt.date) -> str:
    j = jdatetime.date.fromgregorian(date=day)
    return f"{j.year:04d}-{j.month:02d}-{j.day:02d}"


def written_iso(y: int, m: int | None, d: int | None) -> str:
    return f"{y:04d}-{m or 1:02d}-{d or 1:02d}"
