"""Telling marks around a name, title, place or term («بریکس», «کییف پُست») from quoted wording."""

from __future__ import annotations

import re

from .direct_quotes import MarkPair
from .lexicons import Lexicons
from .nps import Chunker, reads_as_words

#: nouns that name what follows them: the marked text is a name or title, not someone's words
DESIGNATORS = frozenset(
    ["شبکه", "نشریه", "روزنامه", "خبرگزاری", "پایگاه", "سایت", "وبسایت", "ایالت", "شهر", "شهرستان", "استان", "کشور", "کشتی", "کشتی\u200cهای", "نفتکش", "نفتکش\u200cهای", "مجموعه", "سریال", "فیلم", "کتاب", "کتابش", "برنامه", "عملیات", "طرح", "کمپین", "پروژه", "حزب", "گروه", "جنبش", "تیم", "باشگاه", "مجله", "شعار", "موسوم", "نام", "نام\u200cهای", "عنوان", "هشتگ", "سند", "قطعنامه", "پیمان", "توافق", "توافقنامه", "کنفرانس", "اجلاس", "همایش", "جشنواره", "مسابقه", "رمان", "نمایش", "آلبوم", "ترانه", "آهنگ", "مستند", "اپلیکیشن", "پیام\u200cرسان", "برند", "محصول", "شرکت", "سازمان", "کارخانه", "رستوران", "هتل", "منطقه", "محله", "میدان", "خیابان", "بندر", "جزیره", "فرودگاه", "ورزشگاه", "دانشگاه", "مدرسه", "بیمارستان", "لقب", "شبکه\u200cهای", "پویش"])
VERBISH_RE = re.compile(r"(?<![\w\u200c])(?:است|بود|شد|کرد|نیست|می[\u200c ]?\w+|\w+(?:ند|ید))(?![\w\u200c])")
_LATIN = re.compile(r"^[\sA-Za-z0-9@#&.\-_'’:/]+$")


class TermMarks:
    def __init__(self, lx: Lexicons, chunker: Chunker) -> None:
        self.lx = lx
        self.chunker = chunker

    def names_in(self, f: str, pairs: list[MarkPair]) -> set[str]:
        """Marked texts that the article itself shows to be names (followed by a title somewhere)."""
        out = set()
        for p in pairs:
            if not p.closed:
                continue
            a, b = p.inner
            inner = f[a:b].strip()
            if len(inner.split()) <= 4 and not self.reads_as_words(inner, loose=True) \
                    and self._title_follows(f, p.outer_end):
                out.add(inner)
        return out

    def _title_follows(self, f: str, pos: int) -> bool:
        m = re.match(r"[\s،,]*([\w\u200c]+)(?:[ \u200c]([\w\u200c]+))?", f[pos:pos + 60])
        if not m:
            return False
        w1 = m.group(1)
        if w1 in self.lx.titles or (w1.endswith("ی") and w1[:-1] in self.lx.titles):
            return w1 not in ("مقام",)
        return bool(m.group(2)) and f"{w1} {m.group(2)}" in self.lx.titles

    def is_term(self, f: str, p: MarkPair, known_names: set[str]) -> bool:
        a, b = p.inner
        inner = f[a:b].strip()
        words = inner.replace("\u200c", " ").split()
        if not words:
            return True
        if _LATIN.match(inner) and len(words) <= 4:
            return True
        if inner in known_names or inner in self.lx.outlets or inner in self.lx.states \
                or inner in self.lx.org_words:
            return True
        if len(words) <= 4 and words[0] in self.lx.first_names and not any(
                w in ("است", "بود", "شد", "کرد", "نیست") for w in words):
            return True
        if self._title_follows(f, p.outer_end) and len(words) <= 4 and not self.reads_as_words(inner):
            return True
        before = f[max(0, p.open - 30):p.open].rstrip()
        prev = re.findall(r"[\w\u200c]+", before)[-2:]
        # after را the marks are a characterisation's complement ("قطعنامه را «یکطرفه» خواند"), not a
        # term that the noun before را designates
        if prev[-1:] != ["را"] and any(w in DESIGNATORS or w in self.lx.outlet_words for w in prev) \
                and len(words) <= 6:
            return True
        # lists of marked names: «لونا»، «پاندی» و «بلا»
        after = f[p.outer_end:p.outer_end + 4]
        if len(words) <= 3 and (re.match(r"\s*(?:،|و)\s*[«\"“]", after)
                                or re.search(r"[»\"”]\s*(?:،|و)\s*$", f[max(0, p.open - 4):p.open])):
            return True
        return bool(len(words) <= 4 and re.match(r"\s+یا\s", f[p.outer_end:p.outer_end + 5]))

    def reads_as_words(self, inner: str, *, loose: bool = False) -> bool:
        return reads_as_words(self.lx, inner, loose=loose)

    def is_wording(self, f: str, p: MarkPair) -> bool:
        """A top-level pair with no cue: quoted words only when it reads like a statement."""
        a, b = p.inner
        inner = f[a:b].strip()
        words = inner.split()
        return len(words) >= 6 and (inner[-1:] in ".!؟?…" or any(
            w in ("است", "هستند", "بود", "شد", "کرد", "نیست", "دارد", "داریم", "کنیم", "کند", "شود")
            for w in words))
