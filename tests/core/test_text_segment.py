"""Paragraphs, sentences and tokens: offsets into the verbatim text, quotations kept whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goftar.core.text.segment import paragraphs, quote_pairs, sentences, tokens


def _texts(spans) -> list[str]:
    return [s.text for s in spans]


def _check_spans(text: str, spans) -> None:
    """Every span is its own slice of `text`, trimmed, non-empty, in order and disjoint."""
    prev_end = 0
    for s in spans:
        assert s.text == text[s.start:s.end]
        assert prev_end <= s.start < s.end
        assert s.text == s.text.strip() and not s.text.startswith("\u200c") and not s.text.endswith("\u200c")
        prev_end = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("یک\nدو", ["یک", "دو"]),
        ("  یک  \n\n\n  دو\n", ["یک", "دو"]),
        ("\n \n\t\n", []),
        ("", []),
        ("بند اول.\n\u200cبند دوم\u200c", ["بند اول.", "بند دوم"]),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    spans = paragraphs(text)
    assert _texts(spans) == expected
    _check_spans(text, spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain terminators, each followed by a space or the end
        ("او آمد. ما رفتیم! چرا؟ نمی‌دانم?", ["او آمد.", "ما رفتیم!", "چرا؟", "نمی‌دانم?"]),
        # newlines split first, even without a terminator
        ("خط اول\nخط دوم. جمله دوم", ["خط اول", "خط دوم.", "جمله دوم"]),
        # a quotation with several sentences inside stays whole; '.»' ends after the mark
        ("او گفت: «ما آماده‌ایم. شما چطور؟ بیایید.» سپس رفت.",
         ["او گفت: «ما آماده‌ایم. شما چطور؟ بیایید.»", "سپس رفت."]),
        # '.»' ends the sentence after the mark, whatever follows
        ("او گفت «ما آماده‌ایم.» و رفت. بعد خوابید.", ["او گفت «ما آماده‌ایم.»", "و رفت.", "بعد خوابید."]),
        # a quotation without a final terminator does not end the sentence
        ("او گفت «ما آماده‌ایم» و رفت.", ["او گفت «ما آماده‌ایم» و رفت."]),
        # nested quotation marks
        ("او گفت: «کتاب «جنگ. صلح» را خواندم. خوب بود.» پایان", ["او گفت: «کتاب «جنگ. صلح» را خواندم. خوب بود.»", "پایان"]),
        # period after the closing mark
        ("او گفت «بلاروس شریک ایران است». او افزود.", ["او گفت «بلاروس شریک ایران است».", "او افزود."]),
        # straight and curly quotes protect as well
        ('او گفت: "یک. دو." بعد', ['او گفت: "یک. دو."', "بعد"]),
        ("He said “one. two.” Then left.", ["He said “one. two.”", "Then left."]),
        # a runaway « (never closed in the paragraph) protects nothing
        ("او گفت: «یک. دو. سه", ["او گفت: «یک.", "دو.", "سه"]),
        # decimals and initials never end a sentence
        ("رشد ۲.۵ درصد و 3.5 درصد بود. تمام", ["رشد ۲.۵ درصد و 3.5 درصد بود.", "تمام"]),
        ("مقامات U.S. و Dr. Smith آمدند. بعد", ["مقامات U.S. و Dr. Smith آمدند.", "بعد"]),
        ("ج.ا.ا. اعلام کرد. بعد", ["ج.ا.ا. اعلام کرد.", "بعد"]),
        # ellipsis followed by a space ends, followed by a letter does not
        ("صبر کنید… بعد… آمد", ["صبر کنید…", "بعد…", "آمد"]),
        ("او...رفت. تمام", ["او...رفت.", "تمام"]),
        # emoji and ZWNJ are ordinary characters
        ("عالی بود 👍🏽. می‌روم 🇮🇷!", ["عالی بود 👍🏽.", "می‌روم 🇮🇷!"]),
        # '?!' is one terminator; a terminator at the very end
        ("واقعاً?! بله.", ["واقعاً?!", "بله."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    spans = sentences(text)
    assert _texts(spans) == expected
    _check_spans(text, spans)


def test_sample_paragraphs(sample_text: str) -> None:
    spans = paragraphs(sample_text)
    assert len(spans) == len([line for line in sample_text.split("\n") if line.strip()])
    assert spans[0].text.startswith("دبیر شورایعالی") and spans[-1].text.endswith("برای حمل آنها.")
    _check_spans(sample_text, spans)


@pytest.mark.parametrize(
    ("first_words", "last_words"),
    [
        # paragraph 3: a four-sentence quotation is one sentence ending with '.»'
        ("براساس گزارش خبرگزاری ایسنا", "دیگر فشارها ایستادهایم.»"),
        # paragraph 4: '».' then a second sentence with its own quotation
        ("رئیس جمهوری بلاروس که", "ایران بوده است»."),
        ("او همچنین گفت: «در وضعیت دشواری", "در اولویت قرار میگیرند.»"),
        # paragraph 11: an ellipsis inside the quotation does not split it
        ("وی افزود، «ضرورت دارد", "میان ما وجود ندارد.»"),
        # paragraph 15: two plain sentences
        ("هر دو کشور شریک اصلی", "در جنگ علیه اوکراین هستند."),
        ("اواخر اردیبهشت ماه ۱۴۰۲", "کارخانه تولید پهپاد میسازد."),
        # paragraph 7 (a headline) has no terminator: the line is the sentence
        ("افزایش همکاری نظامی", "کارخانه تولید پهپاد میسازد"),
    ],
)
def test_sample_sentences(sample_text: str, first_words: str, last_words: str) -> None:
    spans = sentences(sample_text)
    _check_spans(sample_text, spans)
    matching = [s for s in spans if s.text.startswith(first_words)]
    assert len(matching) == 1
    assert matching[0].text.endswith(last_words)
    # sentences never cross a line and together hold every non-space character of the article
    assert all("\n" not in s.text for s in spans)
    assert "".join("".join(s.text.split()) for s in spans) == "".join(sample_text.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("او می‌گوید که کتاب‌ها را خواند.", ["او", "می‌گوید", "که", "کتاب‌ها", "را", "خواند", "."]),
        ("«سلام»، گفت؛ چرا؟", ["«", "سلام", "»", "،", "گفت", "؛", "چرا", "؟"]),
        ("۲.۵ درصد، 3.5% و ۱۴۰۳/۰۶/۲۳ و 1,000", ["۲.۵", "درصد", "،", "3.5", "%", "و", "۱۴۰۳/۰۶/۲۳", "و", "1,000"]),
        ("سال ۱۴۰۲.", ["سال", "۱۴۰۲", "."]),
        ("حَذفِ اِعراب", ["حَذفِ", "اِعراب"]),  # diacritics stay inside their word
        ("دنیـــا", ["دنیـــا"]),  # tatweel is part of the word
        ("تهران-مینسک", ["تهران", "-", "مینسک"]),
        ("خوب 👍🏽 👨‍👩‍👧 🇮🇷🇧🇾", ["خوب", "👍🏽", "👨‍👩‍👧", "🇮🇷", "🇧🇾"]),
        ("ببین https://example.com/a?b=c. یا pic.twitter.com/6CN18tGFrM",
         ["ببین", "https://example.com/a?b=c", ".", "یا", "pic.twitter.com/6CN18tGFrM"]),
        ("info@example.org و @KayhanLondon #بریکس", ["info@example.org", "و", "@KayhanLondon", "#بریکس"]),
        ("کتاب\u200c ها", ["کتاب", "ها"]),  # a stray ZWNJ before a space joins nothing
        ("می\u200bگوید \u200b", ["می\u200bگوید"]),  # a zero-width space joins like a ZWNJ, alone it is nothing
        ("G7 و COVID-19", ["G7", "و", "COVID", "-", "19"]),
        ("", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    spans = tokens(text)
    assert _texts(spans) == expected
    _check_spans(text, spans)


def test_tokens_of_a_range_keep_offsets_into_the_whole_text() -> None:
    text = "اول دوم سوم"
    assert [(s.start, s.text) for s in tokens(text, 4, 11)] == [(4, "دوم"), (8, "سوم")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«الف «ب» ج»", [(5, 7), (0, 10)]),
        ('"a" "b', [(0, 2)]),  # the unpaired straight quote is left out
        ("» «", []),
        ("“x” «y»", [(0, 2), (4, 6)]),
    ],
)
def test_quote_pairs(text: str, expected: list[tuple[int, int]]) -> None:
    assert quote_pairs(text) == expected


_ALPHABET = [*"ابپتجچخدرزسشکگلمنوهی", " ", " ", "\u200c", "\n", ".", "؟", "!", "…", "«", "»", '"', "،", "۲", "3", "👍🏽", "\u064e"]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=80).map("".join))
def test_segmentation_properties(text: str) -> None:
    for spans in (paragraphs(text), sentences(text), tokens(text)):
        _check_spans(text, spans)
    # sentences lie inside paragraphs and keep every visible character
    paras = paragraphs(text)
    for s in sentences(text):
        assert any(p.start <= s.start and s.end <= p.end for p in paras)
    visible = "".join(ch for ch in text if not ch.isspace() and ch != "\u200c")
    assert "".join(ch for s in sentences(text) for ch in s.text if not ch.isspace() and ch != "\u200c") == visible
    assert "".join(ch for t in tokens(text) for ch in t.text if ch != "\u200c") == visible
