"""Source noun phrases: the speaker before a cue (names, titles, outlets, groups, pronouns …).

A small lexicon-driven chunker over word tokens of the folded text. `find_source` looks at the clause in
front of a cue, skips framing (conduits, adverbials, dates, prepositional phrases) and returns the first
phrase that can be a grammatical subject: not inside a prepositional phrase and not followed by را.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicons import Lexicons
from .textspans import Tok

#: nouns that after "در" open an adverbial (در این دیدار، در پاسخ …), not part of a title (در سازمان ملل)
EVENT_NOUNS = frozenset(
    ["ادامه", "پاسخ", "جمع", "گفت\u200cوگو", "گفتگو", "گفت\u200cو\u200cگو", "مصاحبه", "نشست", "جلسه", "مراسم", "حاشیه", "خصوص", "مورد", "جریان", "کنفرانس", "سخنرانی", "دیدار", "بازدید", "گزارش", "نامه", "بیانیه", "پیام", "برنامه", "سفر", "واکنش", "تماس", "اطلاعیه", "توییتی", "توئیتی", "صفحه", "حساب", "پایان", "خاتمه", "ابتدا", "آیین", "همایش", "اجلاس", "این", "آن", "همین", "همان", "کتاب", "کتابش", "یادداشتی", "یادداشت", "مقاله", "گفتگویی", "گفت\u200cوگویی"])
VERBISH = frozenset(["است", "بود", "شد", "کرد", "هست", "نیست", "دارد", "داشت", "باید", "نباید", "کند", "شود", "کرده", "شده", "بوده", "داده", "نموده", "گرفته", "کردند", "شدند", "دادند", "داد", "گرفت", "رفت", "آمد", "قرار", "گفت", "گفتند", "افزود", "نوشت", "پرسید"])
NUMBER_WORDS = frozenset(["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود", "صد", "هزار"])
#: organisation heads that stand alone (no ezafe complement noun): "دولت | افزایش قیمت‌ها را …"
SELF_CONTAINED_ORGS = frozenset(["دولت", "مجلس", "پارلمان", "کنگره", "پلیس", "ارتش", "کابینه", "دادگاه"])
#: verbal nouns inside an organisation's or a title's name that take a prepositional complement
PREP_GOVERNORS = {"مبارزه": "با", "مقابله": "با", "حمایت": "از", "پیشگیری": "از", "صیانت": "از", "دفاع": "از"}
#: words inside a surname ("سید علی", "آل اسحاق", "فون در لاین")
NAME_PARTICLES = frozenset(["سید", "میر", "آل", "ابو", "بن", "ابن", "فون", "ون", "دو", "دی", "دل", "ال", "عبد"])
#: a word of a clause, not a name: a finite verb (present/continuous prefix, ZWNJ-joined perfect/person ending,
#: a plain past or copula)
#: second parts of two-word surnames ("سلطانی نژاد", "رضایی فرد", "صادقی پور"): after a surname they are
#: name parts even where the word also has a common meaning (فرد "individual")
SURNAME_SECONDS = frozenset(["نژاد", "پور", "زاده", "فر", "فرد", "راد", "نیا", "منش", "کیا", "مقدم", "وند", "آبادی",
                             "دوست", "خواه", "نسب", "بخش", "فام", "پناه", "کار"])
#: a plural or derived noun ("سیاست‌های", "شفاف‌سازی", "بازگشت‌پذیری"): never part of a name
#: endings only common nouns have: plurals, verbal nouns, documents ("قطعنامه"، "تفاهم‌نامه"), "سهل‌انگاری"
NOUN_SUFFIX_RE = re.compile(r"\u200c(?:ها|های|هایی|سازی|گیری|پذیری|رسانی|گذاری|آوری|کننده|کنندگان|شناسی)$"
                            r"|(?:نامه|انگاری)$")
CLAUSE_WORD_RE = re.compile(r"^ن?می\u200c|\u200c(?:ام|ای|ایم|اید|اند|است)$|^(?:است|بود|شد|کرد|نیست)$")
VERB_IN_TEXT_RE = re.compile(r"(?<![\w\u200c])(?:است|بود|شد|کرد|نیست|می[\u200c ]?\w+|\w+(?:ند|ید))(?![\w\u200c])")


def reads_as_words(lx: Lexicons, inner: str, *, loose: bool = False) -> bool:
    """Marked text that cannot be a name: it closes a sentence, or holds a first/second-person pronoun or a
    finite verb ("«ما هیچ تخلفی ندیده‌ایم»، سخنگوی ستاد گفت"). `loose` also takes any word ending like a
    verb (…ند/…ید), which names such as «سعید» or «الوند» do too."""
    if inner[-1:] in ".!؟?…":
        return True
    if any(lx.pronouns.get(w) in ("1", "2") or CLAUSE_WORD_RE.search(w) for w in inner.split()):
        return True
    return loose and VERB_IN_TEXT_RE.search(inner) is not None


PERFECT_ENDINGS = ("ه\u200cاند", "ه\u200cاست", "ه\u200cایم", "ه\u200cاید", "ه\u200cام")
PUNCT_STOP = set(".،,:؛;!?؟()[]{}«»“”\"'-–—/")


@dataclass(slots=True)
class NP:
    kind: str                     # name | title | pronoun | refl | outlet | org | group | dem | indef | state | marked
    start: int
    end: int                      # whole phrase
    head: tuple[int, int]         # the speaker_mention span
    name: tuple[int, int] | None = None
    title: tuple[int, int] | None = None
    etype: str = "unknown"        # person | organization | media | group | unknown
    extra_mentions: list[tuple[int, int]] = field(default_factory=list)


class Chunker:
    def __init__(self, lx: Lexicons) -> None:
        self.lx = lx
        self.title_first = {t.split()[0] for t in lx.titles}
        self.multi_titles = {t for t in lx.titles if " " in t}
        self.org_first = {t.split()[0] for t in lx.org_words}
        self.outlet_first = {t.split()[0] for t in lx.outlets} | {t.split()[0] for t in lx.outlet_words}
        #: the surnames of the full names in the current article (set per article by `remember_surnames`):
        #: a later surname-only mention is anchored to them and ends where they end ("سلطانی نژاد | مدیریت")
        self.surnames: dict[str, list[tuple[str, ...]]] = {}

    def remember_surnames(self, toks: list[Tok]) -> None:
        """Collect the surnames of the article's full names (first name(s) + surname before a boundary)."""
        found: dict[str, list[tuple[str, ...]]] = {}
        self.surnames = {}
        first_names = self.lx.first_names
        n = len(toks)
        i = 0
        while i < n:
            if toks[i].text not in first_names or (i > 0 and toks[i - 1].text in first_names):
                i += 1
                continue
            j = self.name_at(toks, i, max_len=4)
            k = i
            while k < j and (toks[k].text in first_names or toks[k].text in NAME_PARTICLES):
                k += 1
            if k == j - 1 and toks[k].text in SURNAME_SECONDS and k - 1 > i:
                k -= 1  # "الهام امین زاده": the last "first name" is the surname's first part
            if 1 <= j - k <= 2 and j - k < j - i and (j >= n or self.is_stop(toks[j]) or self.is_title_start(toks, j)):
                sur = tuple(t.text for t in toks[k:j])
                if not (len(sur) == 1 and (sur[0] in first_names or sur[0] in self.lx.content_nouns
                                           or self.fw(toks[k]) is not None or not sur[0].isalpha())):
                    found.setdefault(sur[0], []).append(sur)
            i = max(j, i + 1)
        # a name the lexicon does not know, made a full name by an appositive title after it ("الهام امین
        # زاده، معاون حقوقی رئیس‌جمهور،"): its last word, or its last two after a surname's second part
        for c in range(2, n - 1):
            if toks[c].text not in ("،", ",") or not self.is_title_start(toks, c + 1):
                continue
            k = c
            while k > 0 and c - k < 3 and self._name_word(toks[k - 1]):
                k -= 1
            if c - k < 2 or (k > 0 and not self.is_stop(toks[k - 1])) or toks[k].text in first_names:
                continue
            m = 2 if toks[c - 1].text in SURNAME_SECONDS and c - k == 3 else 1
            sur = tuple(t.text for t in toks[c - m:c])
            if m > 1 or sur[0] not in self.lx.content_nouns:
                found.setdefault(sur[0], []).append(sur)
        for v in found.values():
            v.sort(key=len, reverse=True)
        self.surnames = found

    def _name_word(self, t: Tok) -> bool:
        """A word that can be part of a personal name: no stop word, title, lexicon noun or digit."""
        w = t.text
        return w.isalpha() and not self.is_stop(t) and self.fw(t) is None and w not in self.lx.content_nouns \
            and w not in self.lx.titles and w not in self.lx.honorifics and not self.is_strong_head(w)

    def known_surname_end(self, toks: list[Tok], i: int) -> int | None:
        """Index after a known (multi-word) surname starting at toks[i], the longest that matches."""
        for sur in self.surnames.get(toks[i].text, ()):
            if tuple(t.text for t in toks[i:i + len(sur)]) == sur:
                return i + len(sur)
        return None

    # ------------------------------------------------------------------ token classes
    def fw(self, t: Tok) -> str | None:
        return self.lx.function_words.get(t.text)

    def is_stop(self, t: Tok, *, allow_time: bool = False) -> bool:
        if t.text in PUNCT_STOP or (len(t.text) == 1 and not t.text.isalnum()):
            return True
        c = self.fw(t)
        if c in ("prep", "post", "comp", "adv", "conj") or (c == "time" and not allow_time):
            return True
        if t.text in self.lx.pronouns or t.text in VERBISH:
            return True
        # a verb: the present/continuous prefix, or a perfect form "ساخته‌اند", "گفته‌است"
        return t.text.startswith(("می\u200c", "نمی\u200c")) or t.text.endswith(PERFECT_ENDINGS)

    def is_title_start(self, toks: list[Tok], i: int) -> bool:
        t = toks[i].text
        if t in self.lx.titles:
            return True
        if t in self.title_first and i + 1 < len(toks):
            return f"{t} {toks[i + 1].text}" in self.multi_titles
        # ezafe-marked title (سخنگوی، معاونِ) or a title with ZWNJ suffix
        base = t[:-1] if t.endswith("ی") else t
        return base in self.lx.titles and base not in ("مقام",)

    def plural_title(self, w: str) -> bool:
        """A plural of a title ("مدیران", "معاونان", "سخنگویان", "وزرا" is in group_nouns): a group source."""
        for suf in ("ان", "\u200cها", "ها"):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                stem = w[:-len(suf)]
                if stem in self.lx.titles or (stem.endswith("ی") and stem[:-1] in self.lx.titles):
                    return True
        return False

    def is_strong_head(self, w: str) -> bool:
        lx = self.lx
        return w in lx.outlet_words or w in lx.org_words or w in lx.group_nouns or w in lx.states \
            or w in lx.outlets

    # ------------------------------------------------------------------ extension
    def extend(self, toks: list[Tok], i: int, *, title: bool = False, limit: int = 9, dar: bool | None = None) -> int:
        """Index after the last token of a phrase whose head is toks[i] (ezafe chain)."""
        j = i + 1
        n = len(toks)
        dar = title if dar is None else dar
        while j < n and j - i < limit:
            t = toks[j]
            if self.content_break(toks, i, j):
                break
            if t.text == "و" and j + 1 < n and not self.is_stop(toks[j + 1]) \
                    and not self.is_title_start(toks, j + 1) \
                    and toks[j + 1].text not in self.lx.content_nouns \
                    and (title or (toks[j + 1].text.endswith("ی") and toks[j - 1].text.endswith("ی"))):
                j += 2
                continue
            if t.text in ("با", "از") and title and j + 1 < n and PREP_GOVERNORS.get(toks[j - 1].text) == t.text \
                    and not self.is_stop(toks[j + 1]) and self.fw(toks[j + 1]) is None:
                j += 2  # "ستاد ملی مقابله با کرونا", "سازمان حمایت از مصرف‌کنندگان": the noun's complement
                continue
            if t.text == "در" and dar and j + 1 < n and toks[j + 1].text not in EVENT_NOUNS \
                    and not toks[j + 1].text.startswith(("این", "آن")) \
                    and not self.is_stop(toks[j + 1]):
                k = j + 1
                while k < n and k - j <= 3 and not self.is_stop(toks[k]) and not self.is_title_start(toks, k) \
                        and not (k > j + 1 and toks[k].text in self.lx.content_nouns):
                    k += 1
                j = k
                continue
            if title and self.fw(t) == "dem" and j + 1 < n and (
                    toks[j + 1].text in self.lx.org_words or toks[j + 1].text in self.lx.outlet_words
                    or toks[j + 1].text in ("کشور", "شهر", "استان")
                    or (j == i + 1 and toks[i].text not in SELF_CONTAINED_ORGS and not self.is_stop(toks[j + 1])
                        and not self.content_break(toks, i, j + 1)
                        and toks[j + 1].text not in self.lx.titles)):
                j += 2  # "مدیرعامل این شرکت", "سخنگوی این وزارتخانه": a title of an organisation named before
                continue
            if self.is_stop(t) or (t.text in self.lx.first_names and j > i + 1 and title) \
                    or self.fw(t) in ("dem", "indef", "quant"):
                break
            if t.text[:1].isdigit() or (t.text[:1].isascii() and not title):
                break
            j += 1
        return j

    def content_break(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether toks[j] opens the clause's content rather than continuing the phrase headed at toks[i].

        An abstract or verbal noun (افزایش، رسیدگی، کمبود …) ends a title or organisation phrase, except as
        the complement of the head itself or of the organisation word right after it ("وزیر بهداشت",
        "رئیس سازمان برنامه و بودجه"); a stand-alone organisation (دولت، مجلس) takes no such complement.
        """
        w = toks[j].text
        if w not in self.lx.content_nouns:
            return False
        # without a را-object ahead in the clause the noun is more likely part of the title itself
        # ("رئیس مرکز ملی اقلیم و مدیریت بحران خشکسالی اعلام کرد")
        for t in toks[j + 1:j + 14]:
            if t.text == "را":
                break
            if t.text in ("،", ",", ":", "؛", ".", "!", "؟"):
                return False
        else:
            return False
        prev = toks[j - 1].text
        if j == i + 1:
            if prev in SELF_CONTAINED_ORGS:
                return True
            return not (self.is_title_start(toks, i) or prev in self.lx.org_words or prev in self.lx.group_nouns)
        if j == i + 2 and prev in self.lx.org_words and prev not in SELF_CONTAINED_ORGS:
            return False
        return not (self.is_title_start(toks, j - 1) or prev == "عالی")

    def cut_swallowed_object(self, toks: list[Tok], i: int, j: int) -> int:
        """End of a title/organisation phrase toks[i:j] that ran into the object of a following را.

        "وزیر بهداشت کمبود دارو را …": the phrase keeps its head, the words that continue titles
        (title_words.tsv, organisation words, states) and one free complement after the head or an
        organisation word; the rest is the object. Returns j when nothing can be cut.
        """
        lx = self.lx
        k = i + 1
        while k < j - 1:
            w = toks[k].text
            prev = toks[k - 1].text
            titleish = w in lx.title_words or w in lx.org_words or w in lx.states or w in lx.titles
            free = k == i + 1 or (prev in lx.org_words and prev not in SELF_CONTAINED_ORGS)
            if w == "و" and k + 1 < j - 1 and toks[k + 1].text in lx.title_words:
                k += 2
                continue
            if not (titleish or free) or (w in lx.content_nouns and not free):
                break
            k += 1
        return k if k < j else j

    def name_at(self, toks: list[Tok], i: int, *, max_len: int = 3) -> int:
        """Index after a personal name starting at toks[i]."""
        j = i + 1
        first = toks[i].text in self.lx.first_names
        if self.surnames and (i == 0 or toks[i - 1].text not in self.lx.first_names):
            known = self.known_surname_end(toks, i)
            if known is not None:
                return known
        while j < len(toks) and j - i < max_len:
            t = toks[j]
            if t.text in SURNAME_SECONDS and j > i and toks[j - 1].text not in self.lx.first_names \
                    and not self.is_stop(toks[j - 1]):
                j += 1  # "رضایی فرد": the second part of a two-word surname
                continue
            if self.is_stop(t) or self.is_title_start(toks, j) \
                    or t.text in self.lx.honorifics \
                    or t.text in self.lx.content_nouns \
                    or t.text[:1].isdigit() or self.is_strong_head(t.text) or t.text in NUMBER_WORDS:
                break
            if first and j > i + 1 and toks[j - 1].text not in self.lx.first_names \
                    and toks[j - 1].text not in NAME_PARTICLES:
                # first names, then one surname: "علی لاریجانی | سند همکاری را …"; a word after the surname
                # belongs to the name only right before a boundary ("کمال سید علی،")
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if nxt is not None and (nxt.text == "را" or not self.is_stop(nxt)):
                    break
            j += 1
        return j

    # ------------------------------------------------------------------ one phrase
    def phrase_at(self, f: str, toks: list[Tok], i: int) -> tuple[NP | None, int]:
        """The source phrase starting at toks[i] and the index after it (None if toks[i] opens none)."""
        lx = self.lx
        n = len(toks)
        t = toks[i]
        after_honorific = False
        while t.text in lx.honorifics and i + 1 < n:
            i += 1
            t = toks[i]
            after_honorific = True
        if after_honorific and self.fw(t) == "time" and i + 1 < n and not self.is_stop(toks[i + 1]):
            # "سردار رمضان شریف": after an honorific a month-like word is a first name
            j = self.name_at(toks, i + 1, max_len=3)
            nm = (t.start, toks[j - 1].end)
            np_ = NP("name", t.start, toks[j - 1].end, nm, name=nm, etype="person")
            return self._appositive(f, toks, j, np_)
        pk = lx.pronouns.get(t.text)
        if pk in ("3s", "3p"):
            return NP("pronoun", t.start, t.end, (t.start, t.end)), i + 1
        if pk == "refl":
            return NP("refl", t.start, t.end, (t.start, t.end)), i + 1
        if pk in ("1", "2"):
            return None, i + 1
        if t.text in ("«", "“", '"'):
            close = {"«": "»", "“": "”", '"': '"'}[t.text]
            k = i + 1
            while k < n and toks[k].text != close and k - i < 8:
                k += 1
            if k < n and toks[k].text == close and k > i + 1:
                nm = (toks[i + 1].start, toks[k - 1].end)
                inner = f[nm[0]:nm[1]]
                if reads_as_words(lx, inner):
                    return None, k + 1  # someone's words in marks, not a marked name
                np_ = NP("marked", t.start, toks[k].end, nm, name=nm)
                np_.etype = self.type_of_name(inner)
                return self._appositive(f, toks, k + 1, np_)
            return None, i + 1
        if self._multi(toks, i, lx.outlets):
            return self._outlet(f, toks, i)
        c = self.fw(t)
        if c == "dem" and i + 1 < n and not self.is_stop(toks[i + 1]):
            j = self.extend(toks, i + 1, title=False, limit=5)
            np_ = NP("dem", t.start, toks[j - 1].end, (t.start, toks[j - 1].end))
            np_.etype = self.type_of_head(toks[i + 1].text)
            return np_, j
        if c == "indef" and t.text == "یک" and i + 1 < n and not self.is_stop(toks[i + 1]):
            j = self.extend(toks, i + 1, title=True, limit=6)
            np_ = NP("indef", t.start, toks[j - 1].end, (t.start, toks[j - 1].end))
            np_.etype = self.type_of_head(toks[i + 1].text)
            return np_, j
        if (t.text in NUMBER_WORDS - {"یک", "نه", "ده"} or t.text.isdigit()) and i + 1 < n \
                and not self.is_stop(toks[i + 1]) and self.fw(toks[i + 1]) is None \
                and toks[i + 1].text not in NUMBER_WORDS:
            j = self.extend(toks, i + 1, title=False, limit=5)
            return NP("group", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="group"), j
        if c == "quant" and i + 2 < n and toks[i + 1].text == "از":
            inner, j = self.phrase_at(f, toks, i + 2)
            if inner is not None and inner.kind in ("group", "outlet", "org"):
                inner.start = t.start
                inner.head = (t.start, inner.head[1])
                return inner, j
            return None, i + 1
        if c == "quant" and i + 1 < n and toks[i + 1].text in lx.group_nouns:
            # "برخی تحلیلگران غربی", "بسیاری کارشناسان": a quantified group without از
            j = self.extend(toks, i + 1, title=False, limit=5)
            return NP("group", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="group"), j
        if c is not None:
            return None, i + 1
        if self.is_stop(t) or t.text[:1].isdigit():
            return None, i + 1
        if self.is_title_start(toks, i):
            j = self.extend(toks, i, title=True)
            ttl = (t.start, toks[j - 1].end)
            np_ = NP("title", t.start, toks[j - 1].end, ttl, title=ttl, etype="person")
            # a name right after the title: "وزیر خارجه آمریکا مایک پمپئو" / "…، «X»"
            k = j + (1 if j < n and toks[j].text == "،" else 0)
            if k > j:
                while k < n - 1 and toks[k].text in lx.honorifics:
                    k += 1  # "…، دکتر مریم حیدری،": the honorific stays outside the name
            e = self.name_at(toks, k) if k < n and k > j else k
            appositive = k > j and e < n and toks[e].text in ("،", ",") and e - k <= 3 and all(
                x.text not in lx.content_nouns and x.text not in lx.org_words and x.text not in lx.states
                and not x.text[:1].isascii() for x in toks[k:e])
            if k < n and ((toks[k].text in lx.first_names and self.name_at(toks, k) > k + 1) or appositive):
                e = self.name_at(toks, k)
                np_.name = (toks[k].start, toks[e - 1].end)
                np_.head = np_.name
                np_.end = toks[e - 1].end
                return np_, e
            return np_, j
        if t.text in self.outlet_first and (t.text in lx.outlet_words or f"{t.text}" in lx.outlets
                                            or self._multi(toks, i, lx.outlets)):
            return self._outlet(f, toks, i)
        if t.text in self.org_first and (t.text in lx.org_words or self._multi(toks, i, lx.org_words)):
            j = self.extend(toks, i, title=True, limit=7, dar=False)
            np_ = NP("org", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="organization")
            if t.text == "دولت" and j == i + 2 and toks[i + 1].text in lx.states:
                np_.kind = "state"
            return np_, j
        if t.text in lx.group_nouns or self.plural_title(t.text):
            j = self.extend(toks, i, title=False, limit=5)
            return NP("group", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="group"), j
        if t.text in lx.states or self._multi(toks, i, lx.states):
            j = i + 1
            while j < n and j - i < 4 and " ".join(x.text for x in toks[i:j + 1]) in lx.states:
                j += 1
            return NP("state", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="organization"), j
        # a personal (or unknown) name, then an optional appositive title
        j = self.name_at(toks, i, max_len=4 if t.text in lx.first_names else 3)
        nm = (t.start, toks[j - 1].end)
        np_ = NP("name", t.start, toks[j - 1].end, nm, name=nm)
        np_.etype = self.type_of_name(f[nm[0]:nm[1]], first=t.text)
        return self._appositive(f, toks, j, np_)

    def _multi(self, toks: list[Tok], i: int, table: dict | set) -> bool:
        return any(i + k <= len(toks) and " ".join(x.text for x in toks[i:i + k]) in table for k in (2, 3))

    def _outlet(self, f: str, toks: list[Tok], i: int) -> tuple[NP, int]:
        lx = self.lx
        n = len(toks)
        t = toks[i]
        # a known outlet name (possibly several tokens)
        for k in (3, 2, 1):
            if i + k <= n and " ".join(x.text for x in toks[i:i + k]) in lx.outlets:
                e = toks[i + k - 1].end
                np_ = NP("outlet", t.start, e, (t.start, e), name=(t.start, e), etype="media")
                return self._appositive(f, toks, i + k, np_)
        j = i + 1
        if j < n and toks[j].text in ("«", '"', "“"):
            inner, k = self.phrase_at(f, toks, j)
            if inner is not None and inner.name:
                np_ = NP("outlet", t.start, inner.end, (t.start, inner.end), name=inner.name, etype="media")
                return np_, k
        for k in (2, 1):
            if i + 1 + k <= n and " ".join(x.text for x in toks[i + 1:i + 1 + k]) in lx.outlets:
                e = toks[i + k].end
                return self._appositive(f, toks, i + 1 + k,
                                        NP("outlet", t.start, e, (t.start, e), name=(t.start, e), etype="media"))
        j = self.extend(toks, i, title=False, limit=3)
        if j == i + 1 and t.text in lx.outlet_words:
            # a Latin-script name after the kind word: "نشریه Nature Water", "روزنامه The Guardian"
            while j < n and j - i <= 4 and toks[j].text[:1].isascii() and toks[j].text[:1].isalpha():
                j += 1
            if j > i + 1:
                nm = (toks[i + 1].start, toks[j - 1].end)
                return NP("outlet", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), name=(t.start, nm[1]),
                          etype="media"), j
        return NP("outlet", t.start, toks[j - 1].end, (t.start, toks[j - 1].end), etype="media"), j

    def _appositive(self, f: str, toks: list[Tok], j: int, np_: NP) -> tuple[NP, int]:
        n = len(toks)
        k = j + (1 if j < n and toks[j].text == "،" else 0)
        if k < n and self.is_title_start(toks, k):
            e = self.extend(toks, k, title=True)
            np_.title = (toks[k].start, toks[e - 1].end)
            np_.end = toks[e - 1].end
            if np_.etype == "unknown":
                np_.etype = "person"
            return np_, e
        if k < n and toks[k].text == "دیگر" and np_.etype == "media":
            k += 1
        if k < n and np_.etype == "media" and toks[k].text in self.lx.outlet_words:
            # "موندو دپورتیوو روزنامه کاتالان": an outlet described by its kind
            e = self.extend(toks, k, title=False, limit=4)
            np_.extra_mentions.append((toks[k].start, toks[e - 1].end))
            np_.etype = "media"
            np_.end = toks[e - 1].end
            return np_, e
        return np_, j

    # ------------------------------------------------------------------ types
    def type_of_head(self, head: str) -> str:
        lx = self.lx
        if head in lx.outlet_words or head in lx.outlets:
            return "media"
        if head in lx.org_words:
            return "organization"
        if head in lx.group_nouns:
            return "group"
        if head in lx.titles or (head.endswith("ی") and head[:-1] in lx.titles) or head in ("مقام", "دیپلمات"):
            return "person"
        return "unknown"

    def type_of_name(self, name: str, first: str | None = None) -> str:
        lx = self.lx
        key = strip_marks(name)
        if key in lx.outlets:
            return "media"
        if key in lx.states:
            return "organization"
        first = first or key.split(" ")[0]
        if first in lx.first_names:
            return "person"
        if first in lx.outlet_words:
            return "media"
        if first in lx.org_words:
            return "organization"
        return "unknown"

    # ------------------------------------------------------------------ the source of a cue
    def find_source(self, f: str, toks: list[Tok]) -> NP | None:
        np_ = self._find_source(f, toks)
        if np_ is None:
            return None
        commas = [k for k, t in enumerate(toks) if t.text in ("،", ",") and t.start >= np_.end]
        if commas and toks[commas[0]].start > np_.end + 1:
            last = commas[-1]
            tail = toks[last + 1:]
            if tail:
                np2, j = self.phrase_at(f, tail, 0)
                if np2 is not None and not (np2.kind == "name" and np2.etype == "unknown") \
                        and not (j < len(tail) and tail[j].text == "را") and np2.kind != "dem":
                    return np2
        return np_

    def _find_source(self, f: str, toks: list[Tok]) -> NP | None:
        """The subject among `toks` (the clause before a cue), or None for a dropped subject.

        Framing at the clause start (adverbs, dates, comma-closed prepositional phrases) is skipped; after
        that, the first phrase that is not the object of a preposition and not followed by را is the subject;
        an unknown word counts as a name only at the (framing-free) start of the clause.
        """
        n = len(toks)
        i = 0
        at_start = True
        after_prep = False
        while i < n:
            t = toks[i]
            c = self.fw(t)
            if t.text in ("،", ",", ":", "؛", "-", "(", ")", "»", "”", "[", "]"):
                after_prep = False
                i += 1
                continue
            if c == "prep":
                if at_start:
                    k = next((k for k in range(i + 1, min(n, i + 14)) if toks[k].text in ("،", ",")), None)
                    if k is not None:
                        i = k + 1
                        continue
                    # a framing adverbial without a comma: "در همین حال", "در این میان", "از سوی دیگر"
                    if i + 3 < n and ((self.fw(toks[i + 1]) == "dem" and not self.is_stop(toks[i + 2]))
                                      or toks[i + 2].text == "دیگر"):
                        i += 3
                        continue
                at_start = False
                after_prep = True
                i += 1
                continue
            if c in ("adv", "time", "conj", "post", "comp") or t.text[:1].isdigit():
                i += 1
                continue
            np_, j = self.phrase_at(f, toks, i)
            if np_ is not None and at_start and not after_prep:
                j = self._cut_name_before_object(toks, i, j, np_)
            if np_ is None:
                at_start = False
                after_prep = False
                i = max(j, i + 1)
                continue
            weak = np_.kind == "name" and np_.etype == "unknown"
            if at_start and np_.kind in ("title", "org") and np_.name is None and not after_prep \
                    and self._ra_after_pp(toks, j):
                # "شرکت X سهل‌انگاری کاربران در … را": the object, opened by a verbal or content noun, runs on
                # past a prepositional phrase to its را
                k = next(x for x in range(i, j) if toks[x].start >= np_.head[0])
                cut = self.cut_swallowed_object(toks, k, j)
                if cut < j and (toks[cut].text in self.lx.content_nouns or NOUN_SUFFIX_RE.search(toks[cut].text)):
                    np_.end = toks[cut - 1].end
                    np_.head = (np_.head[0], np_.end)
                    if np_.title is not None:
                        np_.title = (np_.title[0], np_.end)
                    return np_
            if at_start and j < n and toks[j].text == "را" and np_.kind in ("title", "org", "indef", "dem") \
                    and np_.name is None and not after_prep:
                # the clause-initial subject ran into the object of را: "سخنگوی دستگاه قضا رسیدگی … را"
                k = next(x for x in range(i, j) if toks[x].start >= np_.head[0])
                if np_.kind in ("indef", "dem"):
                    k += 1
                cut = self.cut_swallowed_object(toks, k, j)
                if cut < j:
                    np_.end = toks[cut - 1].end
                    np_.head = (np_.head[0], np_.end)
                    if np_.title is not None:
                        np_.title = (np_.title[0], np_.end)
                    return np_
            if after_prep or (j < n and toks[j].text == "را") or (weak and not at_start):
                at_start = False
                after_prep = False
                i = j
                continue
            return np_
        return None

    def _ra_after_pp(self, toks: list[Tok], j: int) -> bool:
        """toks[j:] is a short prepositional phrase and then را (no comma, mark or verb in between)."""
        if j >= len(toks) or self.fw(toks[j]) != "prep":
            return False
        for t in toks[j + 1:j + 8]:
            if t.text == "را":
                return True
            if t.text in ("،", ",", ":", "؛", "«", "»") or CLAUSE_WORD_RE.search(t.text):
                return False
        return False

    def _cut_name_before_object(self, toks: list[Tok], i: int, j: int, np_: NP) -> int:
        """A bare surname at the clause start ran into the را-object: "همتی | مدیریت بازار ارز را موفق
        ارزیابی کرد". The name keeps its first word and what can only continue a surname (a surname's second
        part, a particle); returns the new end index (j when nothing is cut)."""
        if np_.kind != "name" or np_.name is None or np_.title is not None or np_.end != np_.name[1] \
                or j - i < 2 or toks[i].text in self.lx.first_names or toks[i].text in self.lx.honorifics \
                or (self.surnames and self.known_surname_end(toks, i) is not None):
            return j
        for t in toks[j:j + 12]:
            if t.text in ("،", ",", ":", "؛", ".") or t.text.startswith(("می\u200c", "نمی\u200c")):
                return j
            if t.text == "را":
                break
        else:
            return j
        dem = next((x for x in range(i + 1, j) if self.fw(toks[x]) in ("dem", "indef", "quant")), None)
        if dem is not None:
            k = dem  # "مک کین | این توافق را …": a determiner opens the object
        else:
            k = i + 1
            while k < j and (toks[k].text in SURNAME_SECONDS or toks[k].text in NAME_PARTICLES):
                k += 1
        w = toks[k].text if k < j else ""
        # only where the next word is plainly no name part: "هاشمی رفسنجانی … را" keeps its two words
        if k >= j or not (dem is not None or w in self.lx.content_nouns or w in self.lx.common_nouns
                          or NOUN_SUFFIX_RE.search(w)):
            return j
        np_.name = np_.head = (np_.name[0], toks[k - 1].end)
        np_.end = toks[k - 1].end
        return k

    def _skip_pp(self, toks: list[Tok], i: int) -> int:
        """Skip a prepositional phrase: to the next comma if one comes soon, else past its noun phrase."""
        n = len(toks)
        for k in range(i + 1, min(n, i + 14)):
            if toks[k].text in ("،", ","):
                return k + 1
        j = i + 1
        # compound prepositions: "پس از", "خطاب به", "با اشاره به"
        while j < n and self.fw(toks[j]) == "prep":
            j += 1
        if j < n and toks[j].text in ("«", '"', "“"):
            close = {"«": "»", "“": "”", '"': '"'}[toks[j].text]
            k = j + 1
            while k < n and toks[k].text != close and k - j < 10:
                k += 1
            return k + 1
        j = self.extend(toks, j, title=False, limit=6) if j < n else j
        return j


def strip_marks(s: str) -> str:
    return s.strip("«»“”\"' ")
