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


# ----------------------------------------------------------------------------- 3. between subject and cue
@pytest.mark.parametrize(("text", "expected"), [
    # a journalist's question framing the answer: not a quote, never a speaker
    ("سخنگوی وزارت خارجه در پاسخ به سوال خبرنگاری که آیا ایران پیامی دریافت کرده است، گفت: هنوز پاسخی"
     " نرسیده است.",
     [("هنوز پاسخی نرسیده است", "سخنگوی وزارت خارجه", "سخنگوی وزارت خارجه")]),
    ("مهدی صادقی در جواب خبرنگاری که پرسید آیا قیمت بنزین افزایش می‌یابد، گفت: تصمیمی گرفته نشده است.",
     [("تصمیمی گرفته نشده است", "مهدی صادقی", "مهدی صادقی")]),
    ("مهدی صادقی وقتی از او پرسیده شد که آیا قیمت‌ها بالا می‌رود، گفت که بازار آرام است.",
     [("بازار آرام است", "مهدی صادقی", "مهدی صادقی")]),
    # a relative clause on the subject, with its own verb and a marked term
    ("یک متخصص مهندسی شیمی که «شورای عالی آب» از او برای ارائه گزارش دعوت کرده بود، گفت که ذخایر رو به"
     " پایان است.",
     [("ذخایر رو به پایان است", "متخصص مهندسی شیمی", "یک متخصص مهندسی شیمی")]),
    ("یک استاد اقتصاد دانشگاه تهران که درباره «رکود تورمی» هشدار داده بود، افزود که نرخ بیکاری بالا رفته است.",
     [("نرخ بیکاری بالا رفته است", "استاد اقتصاد دانشگاه تهران", "یک استاد اقتصاد دانشگاه تهران")]),
    ("یک پژوهشگر دانشگاه شریف که نخواست نامش فاش شود، گفت که داده‌ها دستکاری شده است.",
     [("داده‌ها دستکاری شده است", "پژوهشگر دانشگاه شریف", "یک پژوهشگر دانشگاه شریف")]),
    # an appositive name between commas: the name is the mention, the title the role
    ("مدیرعامل این شرکت، کاوه رحمانی، گفت که تولید دو برابر شده است. رحمانی افزود که صادرات رشد کرده است.",
     [("تولید دو برابر شده است", "کاوه رحمانی", "کاوه رحمانی"),
      ("صادرات رشد کرده است", "کاوه رحمانی", "رحمانی")]),
    ("مدیرعامل این شرکت، رحمانی، گفت که تولید دو برابر شده است.",
     [("تولید دو برابر شده است", "رحمانی", "رحمانی")]),
])
def test_material_between_subject_and_cue(ex: Extractor, text: str,
                                          expected: list[tuple[str, str, str]]) -> None:
    assert attributed(extract(ex, text)) == expected


def test_appositive_title_is_the_role(ex: Extractor) -> None:
    rec = extract(ex, "سخنگوی این وزارتخانه، سارا کریمی، اعلام کرد واکسن‌ها توزیع شده است.")
    assert [(s.name, s.role) for s in rec.speakers] == [("سارا کریمی", "سخنگوی این وزارتخانه")]


# ----------------------------------------------------------------------------- 4. prepositional cues
@pytest.mark.parametrize(("text", "expected"), [
    ("به گفته سرپرست گروه پژوهشی، دکتر مریم حیدری، این دارو در مرحله آزمایش بالینی است.",
     [("این دارو در مرحله آزمایش بالینی است", "مریم حیدری", "مریم حیدری")]),
    ("طبق اعلام روابط عمومی دانشگاه تهران، کلاس‌ها از هفته آینده حضوری برگزار می‌شود.",
     [("کلاس‌ها از هفته آینده حضوری برگزار می‌شود", "روابط عمومی دانشگاه تهران",
       "روابط عمومی دانشگاه تهران")]),
    ("به نوشته نشریه Nature Water، مصرف آب کشاورزی در جهان رو به افزایش است.",
     [("مصرف آب کشاورزی در جهان رو به افزایش است", "نشریه Nature Water", "نشریه Nature Water")]),
    ("به گفته رئیس پلیس تهران در این باره، هیچ گزارشی از سرقت ثبت نشده است.",
     [("هیچ گزارشی از سرقت ثبت نشده است", "رئیس پلیس تهران", "رئیس پلیس تهران")]),
    ("روزنامه The Guardian گزارش داد که دولت بریتانیا بودجه را کاهش داده است.",
     [("دولت بریتانیا بودجه را کاهش داده است", "روزنامه The Guardian", "روزنامه The Guardian")]),
])
def test_prepositional_and_latin_sources(ex: Extractor, text: str,
                                         expected: list[tuple[str, str, str]]) -> None:
    assert attributed(extract(ex, text)) == expected


# ----------------------------------------------------------------------------- 6. coordinated cues
@pytest.mark.parametrize(("text", "expected"), [
    ("وزیر کشور از استانداران خواست برای مدیریت بحران آماده باشند و یادآور شد که ستاد بحران فعال است.",
     [("برای مدیریت بحران آماده باشند", "وزیر کشور", "وزیر کشور"),
      ("ستاد بحران فعال است", "وزیر کشور", "وزیر کشور")]),
    ("رئیس سازمان هواشناسی گفت که بارش‌ها کم بوده است و همچنین تأکید کرد که دمای هوا بالا می‌رود.",
     [("بارش‌ها کم بوده است", "رئیس سازمان هواشناسی", "رئیس سازمان هواشناسی"),
      ("دمای هوا بالا می‌رود", "رئیس سازمان هواشناسی", "رئیس سازمان هواشناسی")]),
])
def test_coordinated_cues_end_the_first_clause(ex: Extractor, text: str,
                                               expected: list[tuple[str, str, str]]) -> None:
    assert attributed(extract(ex, text)) == expected


# ----------------------------------------------------------------------------- 7. missed quotes
POST = ("وزیر ارتباطات شامگاه دوشنبه در صفحه شخصی خود نوشت:\n"
        "اینترنت پایدار حق همه مردم است.\n"
        "از فردا سرعت اینترنت در سه استان افزایش می‌یابد.\n"
        "ما به وعده‌های خود عمل می‌کنیم.\n"
        "این پیام واکنش‌های زیادی در پی داشت و کاربران از آن استقبال کردند.")


def test_every_line_after_a_line_final_colon_is_a_quote(ex: Extractor) -> None:
    got = attributed(extract(ex, POST))
    assert [q for q, _, _ in got] == ["اینترنت پایدار حق همه مردم است",
                                      "از فردا سرعت اینترنت در سه استان افزایش می‌یابد",
                                      "ما به وعده‌های خود عمل می‌کنیم"]
    assert {s for _, s, _ in got} == {"وزیر ارتباطات"}


@pytest.mark.parametrize(("text", "expected"), [
    # a headline whose speaker is a surname the body quotes
    ("گاتزو: اروپا باید به سرعت تصمیم بگیرد\nپیتر گاتزو، کارشناس انرژی، روز شنبه گفت که ذخایر گاز اروپا"
     " کافی نیست.",
     [("اروپا باید به سرعت تصمیم بگیرد", "پیتر گاتزو", "گاتزو"),
      ("ذخایر گاز اروپا کافی نیست", "پیتر گاتزو", "پیتر گاتزو")]),
    # a topic label is not a speaker
    ("بازار مسکن: رکود ادامه دارد و قیمت‌ها ثابت است\nکارشناسان می‌گویند که معاملات کاهش یافته است.",
     [("معاملات کاهش یافته است", "کارشناسان", "کارشناسان")]),
    # agentless passives of labelling verbs: speaker null
    ("از این منطقه به عنوان قلب صنعتی کشور یاد شده است.",
     [("از این منطقه به عنوان قلب صنعتی کشور", None, None)]),
    ("از وی به عنوان پدر علم شیمی ایران یاد می‌شود.",
     [("از وی به عنوان پدر علم شیمی ایران", None, None)]),
    ("دیروز در مراسمی از او یاد شد.", []),
    # a passive that names a document goes to the document's author
    ("در بیانیه وزارت خارجه ادعا شده که سفیر احضار شده است.",
     [("سفیر احضار شده است", "وزارت خارجه", "وزارت خارجه")]),
])
def test_headlines_and_passives(ex: Extractor, text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(extract(ex, text)) == expected


# ----------------------------------------------------------------------------- 9. claims
@pytest.mark.parametrize(("text", "is_claim"), [
    # refusals and "has not announced" statements are claims (GUIDELINES §7)
    ("سخنگوی وزارت نیرو درباره علت قطعی‌های اخیر توضیح نداد که چرا برنامه خاموشی اعلام نشده بود.", True),
    ("وزارت بهداشت تاکنون آمار دقیق مبتلایان را اعلام نکرده است.", True),
    ("رئیس کمیته انضباطی درباره جزئیات پرونده چیزی نگفت.", True),
    # a schedule stated as present fact
    ("ثبت‌نام داوطلبان روز یکشنبه به پایان می‌رسد.", True),
    ("ثبت‌نام دانشجویان از شنبه آینده آغاز می‌شود و تا پایان ماه ادامه می‌یابد.", True),
    # a speech event, a prediction and an opinion are not
    ("وزیر خارجه روز گذشته با همتای عمانی خود تلفنی گفت‌وگو کرد.", False),
    ("قیمت طلا در هفته آینده افزایش خواهد یافت.", False),
    ("این تصمیم بدترین انتخاب ممکن بود.", False),
])
def test_own_voice_claims(ex: Extractor, text: str, is_claim: bool) -> None:
    rec = extract(ex, text)
    assert bool([c for c in rec.claims if c.source is None]) is is_claim


# ----------------------------------------------------------------------------- 5. paraphrased titles
@pytest.mark.parametrize(("text", "n_speakers"), [
    ("سخنگوی وزارت امور خارجه گفت تهران به مذاکره متعهد است. سخنگوی دستگاه دیپلماسی افزود که پاسخ ایران"
     " ارسال شده است.", 1),
    ("اسماعیل بقائی، سخنگوی وزارت امور خارجه، گفت تهران به مذاکره متعهد است. سخنگوی دستگاه دیپلماسی افزود"
     " که پاسخ ایران ارسال شده است.", 1),
    ("سخنگوی دستگاه قضا گفت پرونده به دادگاه رفته است. سخنگوی قوه قضاییه افزود که حکم صادر نشده است.", 1),
    # a shared head noun alone does not merge different offices
    ("سخنگوی وزارت امور خارجه گفت تهران به مذاکره متعهد است. سخنگوی کرملین گفت که مسکو از این روند حمایت"
     " می‌کند.", 2),
    ("سخنگوی دولت گفت بودجه تصویب شد. سخنگوی وزارت امور خارجه گفت که سفیر احضار شده است.", 2),
])
def test_paraphrased_titles(ex: Extractor, text: str, n_speakers: int) -> None:
    rec = extract(ex, text)
    assert len(rec.speakers) == n_speakers
