"""Generalisation cases: new sentences for each failure class seen on unseen articles (not from any
gold set). Each case states the quote span, the speaker's canonical name and the speaker mention that
GUIDELINES.md asks for, so a rule that only fits one article cannot pass them all."""

from __future__ import annotations

import pytest
from goftar.core.extract import Extractor
from goftar.core.model import Record
from goftar.core.schema import record_to_dict


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def extract(ex: Extractor, text: str) -> Record:
    rec = ex.extract_text(text)
    record_to_dict(rec)  # always valid goftar/1
    return rec


def attributed(rec: Record) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker name, speaker mention) in text order."""
    names = {s.id: s.name for s in rec.speakers}
    return [(q.text, names.get(q.speaker) if q.speaker else None,
             q.speaker_mention.text if q.speaker_mention else None) for q in rec.quotes]


# ----------------------------------------------------------------------------- 1. X را Y دانست/خواند
@pytest.mark.parametrize(("text", "expected"), [
    ("وزیر بهداشت کمبود دارو را نتیجه تحریم‌ها دانست.",
     [("کمبود دارو را نتیجه تحریم‌ها", "وزیر بهداشت", "وزیر بهداشت")]),
    ("سخنگوی دستگاه قضا رسیدگی سریع به پرونده‌های فساد را اولویت اصلی این دستگاه دانست.",
     [("رسیدگی سریع به پرونده‌های فساد را اولویت اصلی این دستگاه", "سخنگوی دستگاه قضا",
       "سخنگوی دستگاه قضا")]),
    ("نماینده مردم تهران در مجلس افزایش قیمت بنزین را غیرقانونی خواند.",
     [("افزایش قیمت بنزین را غیرقانونی", "نماینده مردم تهران در مجلس", "نماینده مردم تهران در مجلس")]),
    ("وزیر اقتصاد روز دوشنبه در جمع خبرنگاران کاهش ارزش پول ملی را نتیجه تحریم‌ها دانست.",
     [("کاهش ارزش پول ملی را نتیجه تحریم‌ها", "وزیر اقتصاد", "وزیر اقتصاد")]),
    ("حسن روحانی در این نشست همکاری دولت و مجلس را ضروری خواند.",
     [("همکاری دولت و مجلس را ضروری", "حسن روحانی", "حسن روحانی")]),
    ("سخنگوی دولت همکاری دولت و پرهیز از اختلاف را تنها راه عبور از بحران دانست. او افزود که جلسات ادامه دارد.",
     [("همکاری دولت و پرهیز از اختلاف را تنها راه عبور از بحران", "سخنگوی دولت", "سخنگوی دولت"),
      ("جلسات ادامه دارد", "سخنگوی دولت", "او")]),
    ("دادستان کل کشور انتشار این فیلم را جرم دانست و گفت با عاملان آن برخورد می‌شود.",
     [("انتشار این فیلم را جرم", "دادستان کل کشور", "دادستان کل کشور"),
      ("با عاملان آن برخورد می‌شود", "دادستان کل کشور", "دادستان کل کشور")]),
    ("این کارشناس اقتصادی تورم بالا را مهم‌ترین مشکل کشور خواند.",
     [("تورم بالا را مهم‌ترین مشکل کشور", "کارشناس اقتصادی", "این کارشناس اقتصادی")]),
])
def test_characterisation_with_initial_subject(ex: Extractor, text: str,
                                               expected: list[tuple[str, str, str]]) -> None:
    assert attributed(extract(ex, text)) == expected


# ----------------------------------------------------------------------------- 2. Arabic ي/ك names
@pytest.mark.parametrize(("text", "n_speakers"), [
    ("رضا كامراني، مدیر پروژه، گفت که کار تا پایان سال تمام می‌شود. كامراني افزود که بودجه کافی است.", 1),
    ("رضا كامراني، مدیر پروژه، گفت که کار تا پایان سال تمام می‌شود. کامرانی افزود که بودجه کافی است.", 1),
    ("مريم نيك‌پور گفت که آزمایش‌ها موفق بود. نیک پور افزود که نتایج منتشر شده است.", 1),
])
def test_names_compared_folded(ex: Extractor, text: str, n_speakers: int) -> None:
    rec = extract(ex, text)
    assert len(rec.speakers) == n_speakers
    assert len({q.speaker for q in rec.quotes}) == 1
