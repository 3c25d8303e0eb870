"""Rule-based date finder for Persian news (GUIDELINES.md §4 and §7): `find_dates(text, published=)`.

Only expressions with an explicit calendar token are dates: a month name (Jalali, Gregorian in
Persian or English, Hijri), a day with a month, a year after «سال» or with an era word, or a
numeric Y/M/D date. Matching runs on `fold(text)` (1:1, so offsets are offsets into `text`); the
word lists are resources/lexicons/dates_*.tsv (see README_dates.md there).

Span rules: a weekday or «روز» directly before a day is inside; a qualifier (اوایل…) and a
following year, era word or «امسال»/«سال جاری»/«گذشته» are inside; a bracketed parallel reading
is its own date; each year of a range of years is its own date.

A year-less date takes its year (`year_inferred`):
1. with a publication date: among the publication year and its neighbours, the candidate nearest
   to the publication date, where the clause's tense weighs in (a future «خواهد» clause or «آینده»
   forces a date after publication, «گذشته» one before; a plain past clause and a present one
   lean that way) and a weekday in the text must agree;
2. without one: the nearest explicit year in the article, with a weekday choosing among that
   year and its neighbours (23 Shahrivar is a Friday in 1403, a Thursday in 1402); without a
   weekday only an explicit year in the same paragraph counts;
3. otherwise both values are null.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, replace

from ..model import DateMention
from ..text.fold import fold
from . import calendars as cal
from .date_lexicon import SEP, DateLexicon, alternation, date_lexicon, key

_START = r"(?<![\w\u200c])"
#: characters that continue a word: letters and digits, Arabic diacritics, ZWJ and the soft hyphen («دیّگر»
#: must not end in the month «دی»)
_WCH = r"[\w\u064B-\u065F\u0670\u200d\u00ad]"
_END = rf"(?!{_WCH})"
_ERA_END = rf"(?:(?<=\.)|(?!{_WCH}))"
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
_PARAGRAPH = re.compile(r"\n")
_SENTENCE_START = re.compile(r".*[.!?؟؛\n]", re.DOTALL)
_WORD_BEFORE = re.compile(r"([\w\u200c]+)[ ]*$")
_WORD_AFTER = re.compile(r"^[ ]*([\w\u200c]+)")
_RANGE_JOIN = re.compile(r"[ ]*(?:تا|الی|-|–)[ ]*")
_COORDINATED = re.compile(r"[ ]+و[ ]+|[ ]*[،,][ ]*")
#: «در مهر», «از آبان», «تا دی»: a Jalali month right after در/از/تا is the month (GUIDELINES §4: a month name is
#: a calendar token), unless a collocate of the word's other sense follows («در مهر تأیید»)
_MONTH_PREP_BEFORE = re.compile(r"(?:^|(?<=[\s،,(]))(?:در|از|تا)[ \u200c]+$")
_OTHER_SENSE_AFTER = re.compile(r"[ \u200c]*(?:تأیید|تایید|موم|ورزی|و[ \u200c]+(?:محبت|عطوفت|موم|امضا)|مادری|پدری|و[ \u200c]+نشان)"
                                r"(?![\w\u200c])")
_VERB_AFTER = re.compile(r"[ \u200c]*(?![\d])\w{1,5}(?:د|ند|یم|ید)(?![\w\u200c])")
_BRACKET_OPEN = re.compile(r"^[ ]*[(\[][ ]*$")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    calendar: str
    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None
    inferred: bool = False
    confidence: float = 0.9
    #: the day a parallel reading names (a Hijri date next to its Jalali/Gregorian equivalent)
    same_day: dt.date | None = None

    def interval(self, year: int | None = None) -> tuple[dt.date, dt.date] | None:
        y = self.year if year is None else year
        if y is None:
            return None
        try:
            return cal.interval(self.calendar, y, self.month, self.day)
        except ValueError:
            return None


# ------------------------------------------------------------------------------------ regexes
@dataclass(frozen=True, slots=True)
class _Patterns:
    persian: re.Pattern[str]
    latin: re.Pattern[str]
    numeric: re.Pattern[str]
    years: re.Pattern[str]
    weekday_before: re.Pattern[str]
    vague_before: re.Pattern[str]
    #: cheap anchors: the full patterns only run in windows around these
    month_anchor: re.Pattern[str]
    year_anchor: re.Pattern[str]
    latin_anchor: re.Pattern[str]
    numeric_anchor: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    lex = date_lexicon()
    f = lex.forms
    word = rf"(?:{alternation(f['number'])}){_END}"
    # «دو هزار و هفت»: words joined by «و», a thousand multiplying the word before it
    unit = rf"(?:{word}(?:[ ]+هزار{_END})?)"
    numw = rf"(?:{unit}(?:[ ]+و[ ]+{unit})*)"
    wd = alternation(f["weekday"])
    vague = alternation(f["vague"])
    month = alternation(f["month"])
    rel = alternation(f["relyear"])
    era = alternation(f["era"])
    year = rf"(?:\d{{4}}(?!\d)|\d{{2}}(?!\d)|{numw})"
    persian = re.compile(rf"""
        {_START}
        (?:
            (?:(?P<roz>روز)[ ]+)?
            (?:(?P<wd>{wd}){_END}[ ]*[،,]?[ ]*)?
            (?P<day>\d{{1,2}}(?!\d)|{numw})[ ]*
          |
            (?P<vague>{vague}){_END}[ ]*
        )?
        (?:(?P<mpre>ماه(?:{SEP}های|[ ]+مبارک)?)[ ]+)?
        (?P<month>{month})(?=ماه|(?!{_WCH}))
        (?P<mah>{SEP}ماه{_END})?
        (?:
            [ ]+(?P<rel>{rel}){_END}
          |
            [ ]+(?P<sal>سال[ ]+)?(?P<year>{year})(?:[ ]+(?P<era>{era}){_ERA_END})?
        )?
        """, re.VERBOSE)
    ml = "|".join(sorted((re.escape(m) for m in f["month_latin"]), key=lambda s: (-len(s), s)))
    wdl = "|".join(f["weekday_latin"])
    latin = re.compile(rf"""
        (?<![A-Za-z0-9])(?=[A-Z0-9])
        (?:(?P<wd>{wdl}),?[ ]+)?
        (?:
            (?P<mon>{ml})(?![a-z])\.?[ ]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])
                (?:,?[ ]+(?P<year>\d{{4}})(?!\d))?
          |
            (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?(?P<mon2>{ml})(?![a-z])\.?
                (?:,?[ ]+(?P<year2>\d{{4}})(?!\d))?
          |
            (?P<mon3>{ml})(?![a-z])\.?,?[ ]+(?P<year3>\d{{4}})(?!\d)
        )
        """, re.VERBOSE)
    numeric = re.compile(
        r"(?<![\d/.\-])(?=\d)(?:(?P<y>\d{4})(?P<s>[/\-.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
        r"|(?P<d2>\d{1,2})(?P<s2>[/\-.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?![\d/\-]|\.\d)")
    years = re.compile(rf"""
        {_START}
        (?:
            (?P<sal>سال(?:{SEP}(?:های|ها))?)[ ]+(?P<bein>(?:بین|میان)[ ]+)?
            (?P<y1>{year})(?:[ ]+(?P<era1>{era}){_ERA_END})?
            (?:[ ]*(?P<conj>تا|الی|و|-|–)[ ]*(?P<y2>{year})(?:[ ]+(?P<era2>{era}){_ERA_END})?)?
          |
            (?P<y0>\d{{4}})[ ]+(?P<era0>{era}){_ERA_END}
        )
        """, re.VERBOSE)
    weekday_before = re.compile(rf"(?:^|[^\w\u200c])({wd}|{wdl}){_END}[ ]*[،,]?[ ]*[(\[][ ]*$")
    month_anchor = re.compile(rf"(?:{month})(?=ماه|(?!{_WCH}))")
    year_anchor = re.compile(alternation(["سال", *f["era"]]))
    latin_anchor = re.compile(ml)
    numeric_anchor = re.compile(r"\d[/\-.]\d")
    vague_before = re.compile(rf"(?<![\w\u200c])(?:{vague}){_END}[ ]*$")
    return _Patterns(persian, latin, numeric, years, weekday_before, vague_before, month_anchor, year_anchor,
                     latin_anchor, numeric_anchor)


def _windows(f: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows `[start - before, end + after)` around the anchor's hits: the slow full pattern
    runs only there (a full scan of every position costs several ms per article)."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(f):
        lo, hi = max(0, m.start() - before), min(len(f), m.end() + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _finditer(pattern: re.Pattern[str], f: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    seen: set[int] = set()
    out = []
    for lo, hi in windows:
        for m in pattern.finditer(f, lo, hi):
            if m.start() not in seen:
                seen.add(m.start())
                out.append(m)
    return out


def _number(lex: DateLexicon, s: str) -> tuple[int, bool] | None:
    """(value, is_ordinal) of digits or number words (`بیست و نهم`, `دو هزار و هفت`), None if malformed."""
    s = s.strip()
    if s.isdigit():
        return int(s), False
    words: list[str] = []
    for part in re.split(r"[ ]+و[ ]+", s):
        words.extend([part] if lex.number(part) else part.split())
    total = current = 0
    ordinal = False
    for i, w in enumerate(words):
        entry = lex.number(w)
        if entry is None:
            return None
        value, kind = entry
        if kind == "ord":
            if i != len(words) - 1:
                return None
            ordinal = True
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
    return total + current, ordinal


def _full_year(calendar: str, token: str, value: int) -> int | None:
    """A written year as a full year in `calendar`, or None when it cannot be one."""
    digits = token.strip().isdigit()
    if digits and len(token.strip()) == 2:
        if calendar == "gregorian":
            return (1900 if value >= 30 else 2000) + value
        if calendar == "hijri":
            return 1400 + value
        return (1400 if value < 20 else 1300) + value
    if value < 1000 or value > 2200:
        return None
    if calendar == "jalali" and not 1200 <= value <= 1600:
        return None
    if calendar == "gregorian" and value < 1500:
        return None
    if calendar == "hijri" and value > 1600:
        return None
    return value


def _is_unit(lex: DateLexicon, f: str, pos: int) -> bool:
    m = _WORD_AFTER.match(f, pos)
    return bool(m and key(m.group(1)) in lex.units)


# ------------------------------------------------------------------------------------ finders
def _persian(f: str, lex: DateLexicon, pat: _Patterns) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _finditer(pat.persian, f, _windows(f, pat.month_anchor, 80, 60)):
        mon = lex.month(m.group("month"))
        if mon is None:
            continue
        day: int | None = None
        day_digit = day_ord = False
        if m.group("day"):
            num = _number(lex, m.group("day"))
            if num and 1 <= num[0] <= 31:
                day, day_ord = num[0], num[1]
                day_digit = m.group("day").isdigit()
            if day is not None and m.group("mpre") and not day_digit and not day_ord:
                day = None  # «یک ماه دی…», «دو ماه مهر و آبان»: a count of months, not a day
        if day is not None:
            start = m.start()  # with «روز» and the weekday
        elif m.group("vague"):
            start = m.start("vague")
        else:
            start = m.start("mpre") if m.group("mpre") else m.start("month")
        # the year (or relative year) that follows, checked: not a count, a plausible year
        end = m.end("mah") if m.group("mah") else m.end("month")
        year: int | None = None
        rel = m.group("rel")
        if rel:
            end = m.end("rel")
            rel = lex.relyears.get(key(rel))
        elif m.group("year"):
            tok = m.group("year")
            num = _number(lex, tok)
            ok = num is not None and not num[1] and not _is_unit(lex, f, m.end("year"))
            if ok and mon.calendar == "gregorian" and tok.isdigit() and len(tok) == 2 and not m.group("sal"):
                ok = False  # «ژوئن ۲۰» is a day or a count, not a two-digit year
            if ok and not tok.isdigit() and num is not None and num[0] < 1000:
                ok = False
            full = _full_year(mon.calendar, tok, num[0]) if ok and num else None
            if full is not None:
                year, end = full, m.end()
        # context check for month names that are also ordinary words
        mah, mpre = bool(m.group("mah")), bool(m.group("mpre"))
        if mon.ambiguity >= 1 and not mah and f[m.end("month"):m.end("month") + 1] == "\u200c":
            continue  # part of a compound word (می‌رود, تیر‌ها)
        numbered = day is not None and (day_digit or day_ord)
        if mon.ambiguity == 1:
            context = numbered or bool(m.group("vague") or mah or mpre or year is not None or rel)
            if not context and day is None and mon.calendar == "jalali" and start == m.start("month") \
                    and _MONTH_PREP_BEFORE.search(f, max(0, start - 5), start) \
                    and not _OTHER_SENSE_AFTER.match(f, m.end("month")):
                context = True
        elif mon.ambiguity >= 2:
            # «می» is also the present-tense prefix: an ordinal day is not enough («هشتم می گوید»), and a
            # verb right after it («۸ می گوید») makes it the prefix, not May
            context = (day is not None and day_digit) or mpre or year is not None
            if context and year is None and not mpre and _VERB_AFTER.match(f, m.end("month")):
                context = False
        else:
            context = True
        # «ماه‌های مهر و آبان», «۱۰ مهر و آبان»: a month coordinated with a found one shares its context
        if not context and out and _COORDINATED.fullmatch(f, out[-1].end, start) and day is None:
            context = True
        if not context:
            continue
        weekday = lex.weekdays.get(key(m.group("wd"))) if (day is not None and m.group("wd")) else None
        gran = "day" if day is not None else "month"
        conf = 0.9 if mon.ambiguity == 0 else 0.75
        if mon.calendar == "hijri":
            conf -= 0.1
        out.append(_Cand(start, end, mon.calendar, gran, year, mon.month, day, weekday, rel, confidence=conf))
    return out


def _latin(f: str, lex: DateLexicon, pat: _Patterns) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _finditer(pat.latin, f, _windows(f, pat.latin_anchor, 20, 20)):
        mon_s = m.group("mon") or m.group("mon2") or m.group("mon3")
        day_s = m.group("day") or m.group("day2")
        year_s = m.group("year") or m.group("year2") or m.group("year3")
        mon = lex.month(mon_s)
        if mon is None:
            continue
        day = int(day_s) if day_s else None
        if day is not None and not 1 <= day <= 31:
            continue
        year = int(year_s) if year_s else None
        if year is not None and not 1500 <= year <= 2200:
            continue
        if mon.ambiguity and day is None and year is None:
            continue
        start = m.start() if day is not None else m.start("mon3")
        wd = lex.weekdays.get(m.group("wd")) if m.group("wd") and day is not None else None
        out.append(_Cand(start, m.end(), "gregorian", "day" if day else "month", year, mon.month, day, wd,
                         confidence=0.95 if year else 0.85))
    return out


def _numeric(f: str, pat: _Patterns) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _finditer(pat.numeric, f, _windows(f, pat.numeric_anchor, 10, 12)):
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
            if y >= 1900 and d <= 12:
                continue  # 03/04/2020: day-month order is unknown
        calendar = "jalali" if 1200 <= y <= 1500 else "gregorian" if 1900 <= y <= 2200 else None
        if calendar is None or not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        out.append(_Cand(m.start(), m.end(), calendar, "day", y, mo, d, confidence=0.85))
    return out


def _year_calendar(value: int, era: str | None, two_digit: bool) -> str:
    if era:
        return era
    if two_digit:
        return "jalali"
    return "jalali" if value < 1500 else "gregorian"


def _years(f: str, lex: DateLexicon, pat: _Patterns) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _finditer(pat.years, f, _windows(f, pat.year_anchor, 20, 60)):
        if m.group("y0"):
            era = lex.eras.get(key(m.group("era0")))
            full = _full_year(era or "gregorian", m.group("y0"), int(m.group("y0")))
            if era and full:
                out.append(_Cand(m.start(), m.end(), era, "year", full, confidence=0.85))
            continue
        first: int | None = None
        for g in ("y1", "y2"):
            tok = m.group(g)
            if not tok:
                continue
            num = _number(lex, tok)
            if num is None or num[1] or _is_unit(lex, f, m.end(g)):
                break
            two = tok.isdigit() and len(tok) == 2
            if not tok.isdigit() and num[0] < 1000:
                break
            own_era = m.group("era1" if g == "y1" else "era2")
            # a range shares its era: «۱۹۹۰ تا ۱۹۹۲ میلادی», «۱۳۹۰ شمسی تا ۱۳۹۲»
            era_g = own_era or m.group("era2" if g == "y1" else "era1")
            era = lex.eras.get(key(era_g)) if era_g else None
            calendar = _year_calendar(num[0], era, two)
            full = _full_year(calendar, tok, num[0])
            if full is None and era and not own_era:  # the other year's era does not fit this one
                calendar = _year_calendar(num[0], None, two)
                full = _full_year(calendar, tok, num[0])
            if full is None:
                break
            if g == "y2":
                if two != (len(m.group("y1")) == 2 and m.group("y1").isdigit()):
                    break
                # without its own era the second number must read as the end of a range
                if not own_era and (first is None or not (0 < full - first <= 100)):
                    break
            end = m.end("era1" if g == "y1" else "era2") if own_era else m.end(g)
            start = m.start("sal") if g == "y1" and not m.group("bein") else m.start(g)
            if g == "y1" and not m.group("bein"):  # «اواخر سال ۱۴۰۲»: the qualifier stays inside
                v = pat.vague_before.search(f, max(0, start - 20), start)
                start = v.start() if v else start
            out.append(_Cand(start, end, calendar, "year", full, confidence=0.85))
            first = full
    return out


def _in_name(f: str, lex: DateLexicon, start: int) -> bool:
    m = _WORD_BEFORE.search(f, max(0, start - 40), start)
    return bool(m and key(m.group(1)) in lex.nameheads)


# ------------------------------------------------------------------------------------ years
_FUTURE = re.compile(r"^خواه(?:م|ی|د|یم|ید|ند)$")
# «ماند» is left out: «یک شب مانده به …» (one night before) is not a verb
_PAST_STEMS = ("شد|کرد|بود|داد|گفت|رفت|آمد|گرفت|زد|دید|یافت|کشید|رسید|نمود|داشت|خواست|نوشت|"
               "ساخت|افتاد|پیوست|انجامید|کشت|برد|آورد|شکست|گذاشت|ریخت|نشست|بست|خورد|فرستاد|پرداخت|"
               "انداخت|کرده|شده|بوده|داده|گرفته|رفته|آمده|یافته|رسیده|نموده|داشته")
_PAST = re.compile(rf"^ن?(?:{_PAST_STEMS})(?:م|ی|یم|ید|ند|ه)?$")
_PRESENT = re.compile(r"^(?:است|هست|هستند|نیست|نیستند|باشد|باشند)$")


def _tense(f: str, pos: int) -> str | None:
    """The tense of the first verb after `pos` in its sentence: future, past, present or None."""
    m = _SENTENCE_END.search(f, pos)
    words = re.findall(r"[\w\u200c]+", f[pos: m.start() if m else len(f)])
    for i, w in enumerate(words):
        parts = [p for p in w.split("\u200c") if p]
        if not parts:
            continue
        head = parts[0]
        if _FUTURE.match(head):
            return "future"
        if head in ("می", "نمی"):
            stem = parts[1] if len(parts) > 1 else (words[i + 1] if i + 1 < len(words) else "")
            # «برگزار می‌شود» in news is a schedule: it leans forward more than a plain «است»
            return "past" if _PAST.match(stem) else "ahead"
        if _PAST.match(head) or (len(parts) > 1 and _PAST.match(parts[0])):
            return "past"
        if _PRESENT.match(head):
            return "present"
    return None


def _pub_date(published: dict | None) -> dt.date | None:
    if not isinstance(published, dict):
        return None
    try:
        if published.get("gregorian"):
            return dt.date.fromisoformat(str(published["gregorian"]))
        if published.get("jalali"):
            y, mo, d = (int(x) for x in str(published["jalali"]).split("-"))
            return cal.to_gregorian("jalali", y, mo, d)
    except (ValueError, TypeError):
        return None
    return None


def _cost(c: _Cand, year: int, pub: dt.date, tense: str | None, base: int) -> float | None:
    iv = c.interval(year)
    if iv is None:
        return None
    lo, hi = iv
    if c.weekday is not None and c.granularity == "day" and lo.weekday() != c.weekday:
        return None
    delta = (lo - pub).days if pub < lo else -(pub - hi).days if pub > hi else 0
    cost = abs(delta) + 0.1 * abs(year - base)
    if (c.rel == "past" and delta > 0) or (c.rel == "future" and delta < 0):
        cost += 10_000
    if tense == "future" and delta < 0:
        cost += 10_000
    elif tense == "past" and delta > 0:
        # a past clause: the most recent such date not after publication; but a date up to three weeks after
        # publication is nearer than one almost a year before it (a late publication date, an event reported
        # as done on its day)
        cost += 120 if delta <= 21 and c.granularity == "day" else 1_000
    elif tense == "ahead" and delta < 0:
        cost += 120
    elif tense == "present" and delta < 0:
        cost += 30
    return cost


def _context_year(c: _Cand, explicit: list[_Cand], f: str, same_paragraph: bool) -> int | None:
    """The year, in c's calendar, of the nearest date with an explicit year."""
    best: tuple[tuple[int, int], _Cand] | None = None
    for e in explicit:
        if same_paragraph and _PARAGRAPH.search(f, min(e.end, c.end), max(e.start, c.start)):
            continue
        dist = c.start - e.end if e.end <= c.start else e.start - c.end
        # the dated event before it sets the scene; a later year counts first only in the same sentence
        # ("۲۰ دی و ۵ بهمن ۱۴۰۲"), not an unrelated later year elsewhere
        rank = 0 if e.end <= c.start or not _SENTENCE_END.search(f, c.end, e.start) else 1
        if best is None or (rank, dist) < best[0]:
            best = ((rank, dist), e)
    if best is None:
        return None
    iv = best[1].interval()
    if iv is None:
        return None
    mid = iv[0] + (iv[1] - iv[0]) / 2
    return cal.year_of(c.calendar, mid)


def _years_in(c: _Cand, explicit: list[_Cand]) -> list[int]:
    """The explicit dates' years, in c's calendar."""
    out = []
    for e in explicit:
        iv = e.interval()
        if iv is not None:
            out.append(cal.year_of(c.calendar, iv[0] + (iv[1] - iv[0]) / 2))
    return out


def _current_year(c: _Cand, explicit: list[_Cand], f: str) -> int | None:
    """Without a publication date, the article's "now": its latest explicit year outside c's paragraph (an
    explicit year written next to «امسال» is another year: the writer would not name this one twice)."""
    far = [e for e in explicit if _PARAGRAPH.search(f, min(e.end, c.end), max(e.start, c.start))]
    years = _years_in(c, far)
    return max(years) if years else None


def _weekday_year(c: _Cand, explicit: list[_Cand], base: int) -> int | None:
    """Without a publication date, a weekday picks the year among those around the article's explicit years
    (two either side): the fitting year closest to one of them; a tie leaves the year open."""
    years = set(sorted(set(_years_in(c, explicit)), key=lambda y: abs(y - base))[:3]) or {base}
    scored = []
    for y in sorted({y + d for y in years for d in range(-2, 3)}):
        iv = c.interval(y)
        if iv is not None and iv[0].weekday() == c.weekday:
            scored.append((min(abs(y - e) for e in years), abs(y - base), y))
    scored.sort()
    if not scored or (len(scored) > 1 and scored[0][:2] == scored[1][:2]):
        return None
    return scored[0][2]


def _future_hint(f: str, lex: DateLexicon, start: int) -> bool:
    """A word shortly before the date (in its sentence) that points forward: برای، تا، در آستانه …"""
    s = _SENTENCE_START.search(f, 0, start)
    words = re.findall(r"[\w\u200c]+", f[s.end() if s else 0:start])[-4:]
    return any(lex.future_hints.get(key(w), 0) >= i for i, w in enumerate(reversed(words), 1))


def _infer_years(cands: list[_Cand], f: str, published: dict | None, lex: DateLexicon) -> None:
    pub = _pub_date(published)
    explicit = [c for c in cands if c.year is not None and not c.inferred]
    for c in cands:
        if c.year is not None:
            continue
        c.inferred = True
        if pub is not None:
            base: int | None = cal.year_of(c.calendar, pub)
        else:
            base = _context_year(c, explicit, f, same_paragraph=c.weekday is None)
            if base is None and c.weekday is None:
                # no publication date and no dated context in the paragraph: the article's nearest one
                base = _context_year(c, explicit, f, same_paragraph=False)
        if c.rel is not None and c.rel.lstrip("-").isdigit():
            # امسال / سال جاری / سال گذشته count from the publication year, or without one from the article's
            # current year (its latest explicit year), never from a nearby explicit other year
            now = base if pub is not None else _current_year(c, explicit, f)
            if now is not None:
                c.year = now + int(c.rel)
            continue
        if base is None:
            continue
        if pub is not None:
            tense = _tense(f, c.end)
            if tense != "future" and _future_hint(f, lex, c.start):
                tense = "ahead"
            costs = [(cost, y) for y in (base - 1, base, base + 1)
                     if (cost := _cost(c, y, pub, tense, base)) is not None]
            if not costs and c.weekday is not None:
                # the weekday fits none of the three years (a slip in the text?): decide without it,
                # with a low confidence so the reviewer looks
                wd, c.weekday = c.weekday, None
                costs = [(cost, y) for y in (base - 1, base, base + 1)
                         if (cost := _cost(c, y, pub, tense, base)) is not None]
                c.weekday, c.confidence = wd, min(c.confidence, 0.5)
            c.year = min(costs)[1] if costs else None
        elif c.weekday is not None and c.granularity == "day":
            c.year = _weekday_year(c, explicit, base)
        else:
            c.year = base


def _ranges(cands: list[_Cand], f: str) -> None:
    """«از ۲۳ دی تا ۲۲ بهمن»: the end of a range is not before its start. An inferred end takes the
    first year from the start's on; an inferred start the last year up to the end."""
    for a, b in itertools.pairwise(cands):
        if not _RANGE_JOIN.fullmatch(f, a.end, b.start):
            continue
        ia, ib = a.interval(), b.interval()
        if b.inferred and ia is not None:
            base = cal.year_of(b.calendar, ia[0])
            for y in (base, base + 1):
                iv = b.interval(y)
                if iv and iv[0] >= ia[0]:
                    b.year = y
                    break
        elif a.inferred and not b.inferred and ib is not None:
            base = cal.year_of(a.calendar, ib[0])
            for y in (base, base - 1):
                iv = a.interval(y)
                if iv and iv[0] <= ib[0]:
                    a.year = y
                    break


def _bracket_partners(cands: list[_Cand], f: str) -> None:
    """A bracketed parallel reading with an inferred year takes the year that makes it name the same
    day (or an overlapping month) as the date it follows."""
    for a, b in itertools.pairwise(cands):
        if not _BRACKET_OPEN.match(f[a.end:b.start]):
            continue
        for first, second in ((a, b), (b, a)):
            if not second.inferred or first.interval() is None:
                continue
            lo, hi = first.interval()  # type: ignore[misc]
            base = cal.year_of(second.calendar, lo)
            for y in (base, base - 1, base + 1):
                iv = second.interval(y)
                if iv and iv[0] <= hi and lo <= iv[1]:
                    second.year = y
                    break
            break


_PARALLEL_GAP = re.compile(r"[\s()\[\]،,\-–]*(?:(?:برابر|مطابق|مصادف)[ ]+با|یعنی)?[\s()\[\]،,\-–]*")


def _hijri_partners(cands: list[_Cand], f: str) -> None:
    """A Hijri day written next to its Jalali or Gregorian equivalent ("۱۵ شعبان ۱۴۴۶ (۲۵ بهمن ۱۴۰۳)")
    names that day: the arithmetic Hijri calendar can be a day or two off the observed one."""
    for a, b in itertools.pairwise(cands):
        if b.start - a.end > 20 or not _PARALLEL_GAP.fullmatch(f, a.end, b.start):
            continue
        for h, o in ((a, b), (b, a)):
            if h.calendar != "hijri" or o.calendar == "hijri" or h.granularity != "day" or o.granularity != "day":
                continue
            hi, oi = h.interval(), o.interval()
            if hi is not None and oi is not None and abs((hi[0] - oi[0]).days) <= 2:
                h.same_day = oi[0]


_DAY_BEFORE_AND = re.compile(r"(?<![\w\u200c/.])([0-9۰-۹]{1,2})[ ]*(?:،[ ]*|[ ]+و[ ]+)$")


def _coordinated_days(cands: list[_Cand], f: str) -> list[_Cand]:
    """"۲۰ و ۲۱ بهمن": a bare day number coordinated with a day date names a day of the same month and
    year (each its own date, the bare number as its span)."""
    out: list[_Cand] = []
    taken = [(c.start, c.end) for c in cands]
    for c in cands:
        if c.granularity != "day" or c.day is None:
            continue
        pos = c.start
        while True:
            m = _DAY_BEFORE_AND.search(f, max(0, pos - 12), pos)
            if m is None or any(a < m.end(1) and m.start(1) < b for a, b in taken):
                break
            day = int(m.group(1))
            d = replace(c, start=m.start(1), end=m.end(1), day=day, weekday=None, same_day=None)
            if not 1 <= day < c.day or (d.interval() is None and c.interval() is not None):
                break
            out.append(d)
            pos = m.start(1)
    return sorted(cands + out, key=lambda c: c.start)


# ------------------------------------------------------------------------------------ public
def _choose(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, earliest first and longest first at the same start."""
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _mention(text: str, i: int, c: _Cand) -> DateMention:
    jal = greg = None
    iv = c.interval()
    if iv is not None:
        if c.granularity == "day":
            day = c.same_day or iv[0]
            greg, jal = day.isoformat(), cal.jalali_iso(day)
        elif c.calendar == "jalali":
            jal = cal.written_iso(c.year, c.month, None)  # type: ignore[arg-type]
        elif c.calendar == "gregorian":
            greg = cal.written_iso(c.year, c.month, None)  # type: ignore[arg-type]
        else:  # Hijri months/years: goftar/1 has no Hijri field, so give the first day in Gregorian
            greg = iv[0].isoformat()
    conf = c.confidence - (0.1 if c.inferred else 0.0)
    if iv is None:
        conf = min(conf, 0.4)
    return DateMention(id=f"d{i}", start=c.start, end=c.end, text=text[c.start:c.end], origin="auto",
                       status="suggested", confidence=round(conf, 2), calendar=c.calendar,
                       granularity=c.granularity, jalali=jal, gregorian=greg, year_inferred=c.inferred)


def find_dates(text: str, *, published: dict | None = None, folded: str | None = None) -> list[DateMention]:
    """Date mentions of `text` (ids d1… in text order, origin auto, status suggested).

    `published` is `record.meta["published"]` (`{"gregorian": …, "jalali": …}`) or None.
    `folded` is `fold(text)` when the caller already has it (saves the fold).
    """
    if not text:
        return []
    f = folded if folded is not None and len(folded) == len(text) else fold(text)
    lex, pat = date_lexicon(), _patterns()
    cands = _persian(f, lex, pat) + _latin(f, lex, pat) + _numeric(f, pat) + _years(f, lex, pat)
    cands = [c for c in _choose(cands) if not _in_name(f, lex, c.start)]
    for c in cands:
        if c.weekday is None and c.granularity == "day":
            m = pat.weekday_before.search(f, max(0, c.start - 30), c.start)
            if m:
                c.weekday = lex.weekdays.get(key(m.group(1)))
    _infer_years(cands, f, published, lex)
    _bracket_partners(cands, f)
    _hijri_partners(cands, f)
    _ranges(cands, f)
    cands = _coordinated_days(cands, f)
    return [_mention(text, i, c) for i, c in enumerate(cands, 1)]
