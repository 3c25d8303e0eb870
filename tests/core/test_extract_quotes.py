"""Quotes, speakers and claims on sentences written for these tests (not from the dev set)."""

from __future__ import annotations

import pytest

from goftar.core.extract import Extractor
from goftar.core.model import Record
from goftar.core.schema import record_to_dict


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def quotes(ex: Extractor, text: str) -> list[tuple[str, str]]:
    rec = ex.extract_text(text)
    record_to_dict(rec)  # always valid goftar/1
    return [(q.kind, q.text) for q in rec.quotes]


@pytest.mark.parametrize(("text", "expected"), [
    # simple verb + که: the clause only, no که, no final period
    ("سخنگوی وزارت نیرو گفت که ذخایر سدهای تهران به ۳۰ درصد رسیده است.",
     [("indirect", "ذخایر سدهای تهران به ۳۰ درصد رسیده است")]),
    # without که, present tense written without ZWNJ
    ("مدیر بیمارستان میگوید بیش از صد بیمار در صف انتظار هستند.",
     [("indirect", "بیش از صد بیمار در صف انتظار هستند")]),
    # light-verb compound
    ("وزیر کشاورزی اعلام کرد واردات گندم از ماه آینده آزاد می‌شود.",
     [("indirect", "واردات گندم از ماه آینده آزاد می‌شود")]),
    # request with تا
    ("شهردار از شهروندان درخواست کرد تا از خودروهای شخصی کمتر استفاده کنند.",
     [("indirect", "از خودروهای شخصی کمتر استفاده کنند")]),
    # direct after colon
    ("رئیس سازمان هواشناسی گفت: «بارش‌ها امسال کمتر از میانگین بوده است.»",
     [("direct", "بارش‌ها امسال کمتر از میانگین بوده است.")]),
    # colon speech without marks runs to the paragraph end
    ("وی افزود: قیمت‌ها ثابت مانده است. تولید نیز افزایش یافته است.",
     [("indirect", "قیمت‌ها ثابت مانده است. تولید نیز افزایش یافته است")]),
    # prepositional cue
    ("به گفته منابع محلی، سه نفر در این حادثه زخمی شدند.",
     [("indirect", "سه نفر در این حادثه زخمی شدند")]),
    # characterisation X را Y دانست
    ("پلیس راهور این تصادف را ناشی از سرعت غیرمجاز دانست.",
     [("indirect", "این تصادف را ناشی از سرعت غیرمجاز")]),
    ("نماینده مجلس این طرح را غیرقانونی خواند.",
     [("indirect", "این طرح را غیرقانونی")]),
    ("منتقدان دولت او را به پنهان‌کاری متهم کرده‌اند.",
     [("indirect", "او را به پنهان‌کاری")]),
    # mixed: marked wording inside an indirect clause
    ("کارشناس اقتصادی گفت که این تصمیم «کاملا اشتباه» بوده است.",
     [("mixed", "این تصمیم «کاملا اشتباه» بوده است")]),
])
def test_quote_spans(ex: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(ex, text) == expected


@pytest.mark.parametrize("text", [
    # a speech act whose object is only a noun phrase
    "نماینده مجلس خواستار توقف این طرح شد.",
    # negated speech
    "وزارتخانه درباره این موضوع توضیحی نداد و چیزی نگفت.",
    # predicted speech
    "رئیس‌جمهور احتمالا در این سفر خواهد گفت که روابط گسترش می‌یابد.",
    # marks around a name are not a quote
    "نمایندگان کشورهای عضو «اکو» در تهران دیدار کردند.",
    # the publisher naming itself
    "به گزارش ایسنا، بارش برف در جاده چالوس ادامه دارد.",
    # "خواند" without a predicate is reading; "می‌دانست" without one is knowing
    "دانشجو کتاب را با دقت خواند.",
    "او پاسخ این پرسش را می‌دانست.",
    # a journalist's question
    "آیا وزیر گفت که قیمت‌ها افزایش می‌یابد؟",
])
def test_not_quotes(ex: Extractor, text: str) -> None:
    rec = ex.extract(Record(id="t", text=text, meta={"url": "https://www.isna.ir/news/1"}))
    assert rec.quotes == []


def test_speaker_clustering_and_pronoun(ex: Extractor) -> None:
    text = ("«مریم احمدی» سخنگوی سازمان محیط زیست گفت که سه قلاده یوزپلنگ در پارک ملی توران دیده شده است.\n"
            "احمدی افزود که گشت‌های حفاظتی دو برابر شده است.\n"
            "وی همچنین گفت که شکار غیرمجاز در منطقه کاهش یافته است.")
    rec = ex.extract_text(text)
    assert len(rec.speakers) == 1
    sp = rec.speakers[0]
    assert sp.name == "مریم احمدی" and sp.role == "سخنگوی سازمان محیط زیست" and sp.type == "person"
    assert {q.speaker for q in rec.quotes} == {sp.id} and len(rec.quotes) == 3
    assert [q.speaker_mention.text for q in rec.quotes] == ["مریم احمدی", "احمدی", "وی"]


def test_title_then_name_is_one_entity(ex: Extractor) -> None:
    text = ("وزیر بهداشت گفت که واکسن جدید تا پایان سال توزیع شده است.\n"
            "به گزارش خبرنگار ما، «بهرام عینی‌اللهی» وزیر بهداشت افزود که ده میلیون دوز وارد شده است.")
    rec = ex.extract_text(text)
    assert len(rec.speakers) == 1 and rec.speakers[0].name == "بهرام عینی‌اللهی"


def test_outlet_speaker_is_media(ex: Extractor) -> None:
    rec = ex.extract_text("روزنامه گاردین نوشت که دولت بریتانیا بودجه آموزش را کاهش داده است.")
    assert [s.type for s in rec.speakers] == ["media"]


def test_claims_exclude_future_and_opinion(ex: Extractor) -> None:
    text = ("قیمت بنزین از امروز ۲۰ درصد افزایش یافت.\n"
            "این طرح در ماه آینده اجرا خواهد شد.\n"
            "به نظر می‌رسد این تصمیم بهترین گزینه است.")
    rec = ex.extract_text(text)
    assert [c.text for c in rec.claims] == ["قیمت بنزین از امروز ۲۰ درصد افزایش یافت"]
