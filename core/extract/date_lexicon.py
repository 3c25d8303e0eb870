"""The word lists of the date finder (resources/lexicons/dates_*.tsv), loaded once, with the regex
alternations built from them.

Persian entries are folded like the text (`goftar.core.text.fold`); a space or ZWNJ inside an entry
matches a space, a ZWNJ or nothing, so `شهریور ماه`, `شهریور‌ماه` and `شهریورماه` all match.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib.resources import files

from ..text.fold import fold

ZW = "\u200c"
#: a separator inside a multi-word entry: space, ZWNJ, both, or nothing
SEP = "[\u200c ]?"


def _rows(name: str) -> list[list[str]]:
    raw = files("goftar.resources").joinpath("lexicons", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def key(form: str) -> str:
    """The lookup key of a matched form: folded, without spaces or ZWNJ."""
    return fold(form).replace(ZW, "").replace(" ", "")


def alternation(forms: list[str]) -> str:
    """A regex matching any of `forms` (longest first), each space/ZWNJ inside made optional (`SEP`).

    Built as a trie (`(?:ف(?:روردین|وریه)|…)`): at each text position the regex engine then follows
    one branch instead of trying every word, which makes scanning a long article several times faster.
    """
    trie: dict = {}
    for f in forms:
        atoms: list[str] = []
        for i, part in enumerate(p for p in re.split(r"[\u200c ]+", fold(f)) if p):
            if i:
                atoms.append(SEP)
            atoms.extend(re.escape(c) for c in part)
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [a + _trie_regex(child) for a, child in sorted(node.items()) if a]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    # a word that ends here may also go on: the longer reading is tried first (greedy `?`)
    return body + "?" if "" in node else body


@dataclass(frozen=True, slots=True)
class MonthName:
    calendar: str
    month: int
    ambiguity: int


@dataclass(slots=True)
class DateLexicon:
    months: dict[str, MonthName] = field(default_factory=dict)        # key -> month (Persian)
    months_latin: dict[str, MonthName] = field(default_factory=dict)  # exact form -> month
    weekdays: dict[str, int] = field(default_factory=dict)            # key -> Python weekday
    numbers: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (value, card|ord)
    vague: set[str] = field(default_factory=set)
    eras: dict[str, str] = field(default_factory=dict)
    relyears: dict[str, str] = field(default_factory=dict)             # key -> "0" | "-1" | "past" …
    nameheads: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    future_hints: dict[str, int] = field(default_factory=dict)          # key -> max words before the date
    forms: dict[str, list[str]] = field(default_factory=dict)          # role -> raw forms (for regexes)

    def month(self, form: str) -> MonthName | None:
        return self.months_latin.get(form.rstrip(".")) or self.months.get(key(form))

    def number(self, form: str) -> tuple[int, str] | None:
        return self.numbers.get(key(form))


@functools.cache
def date_lexicon() -> DateLexicon:
    lex = DateLexicon()
    forms: dict[str, list[str]] = {}
    for form, cal, month, amb in _rows("dates_months.tsv"):
        m = MonthName(cal, int(month), int(amb))
        if form.isascii():
            lex.months_latin[form] = m
            forms.setdefault("month_latin", []).append(form)
        else:
            lex.months[key(form)] = m
            forms.setdefault("month", []).append(form)
    for form, wd in _rows("dates_weekdays.tsv"):
        if form.isascii():
            lex.weekdays[form] = int(wd)
            forms.setdefault("weekday_latin", []).append(form)
        else:
            lex.weekdays[key(form)] = int(wd)
            forms.setdefault("weekday", []).append(form)
    for form, value, kind in _rows("dates_numbers.tsv"):
        lex.numbers[key(form)] = (int(value), kind)
        forms.setdefault("number", []).append(form)
    for row in _rows("dates_words.tsv"):
        form, role, value = row[0], row[1], (row[2] if len(row) > 2 else "")
        forms.setdefault(role, []).append(form)
        k = key(form)
        if role == "vague":
            lex.vague.add(k)
        elif role == "era":
            lex.eras[k] = value
        elif role == "relyear":
            lex.relyears[k] = value
        elif role == "namehead":
            lex.nameheads.add(k)
        elif role == "unit":
            lex.units.add(k)
        elif role == "futurehint":
            lex.future_hints[k] = int(value)
    lex.forms = forms
    return lex
