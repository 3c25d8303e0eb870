"""Whole articles written for these tests: relays, re-references by title, demonstratives, headlines."""

from __future__ import annotations

import pytest

from goftar.core.extract import Extractor
from goftar.core.schema import record_to_dict

DIPLOMACY = """سخنگوی وزارت امور خارجه گفت: ایران هیچ برنامه‌ای برای مذاکره مستقیم ندارد.
به گزارش ایرنا، ناصر کنعانی سخنگوی وزارت امور خارجه روز دوشنبه در نشست خبری هفتگی خود با اشاره به سفر هیئت اروپایی به تهران گفت که این سفر در چارچوب رایزنی‌های معمول انجام شده است.
کنعانی افزود: «ما همواره آماده گفت‌وگو بوده‌ایم اما زیر بار فشار نمی‌رویم.»
وی همچنین درباره پرونده زندانیان تصریح کرد که سه تبعه خارجی هفته گذشته آزاد شده‌اند.
این دیپلمات ارشد در پاسخ به پرسش خبرنگاری درباره تحریم‌ها، این اقدامات را غیرقانونی دانست.
از سوی دیگر، روزنامه فایننشال تایمز به نقل از منابع آگاه نوشت که اتحادیه اروپا بسته جدیدی از تحریم‌ها را آماده کرده است.
به نوشته این روزنامه، بسته جدید شامل ۱۵ شخص و ۵ نهاد است.
قیمت نفت برنت روز سه‌شنبه به ۸۵ دلار رسید.
"""

FOOTBALL = """یحیی گل‌محمدی: برای قهرمانی می‌جنگیم
سرمربی تیم فوتبال پرسپولیس پس از پیروزی مقابل سپاهان گفت تیمش هنوز به آمادگی کامل نرسیده است.
یحیی گل‌محمدی در نشست خبری پس از بازی افزود که بازیکنانش «با تمام وجود» بازی کردند.
گفته می‌شود باشگاه با دو بازیکن خارجی به توافق رسیده است.
مدیرعامل باشگاه اما این خبر را تکذیب کرد و آن را «شایعه» خواند.
بر اساس اعلام سازمان لیگ، دیدار بعدی پرسپولیس روز جمعه برگزار می‌شود.
این مربی همچنین از هواداران خواست که در ورزشگاه حاضر شوند.
پرسپولیس با این پیروزی ۳۵ امتیازی شد و به صدر جدول رسید.
"""


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def table(ex: Extractor, text: str):
    rec = ex.extract_text(text)
    record_to_dict(rec)
    names = {s.id: s.name for s in rec.speakers}
    return rec, [(q.kind, names.get(q.speaker), q.text) for q in rec.quotes]


def test_diplomacy_article(ex: Extractor) -> None:
    rec, rows = table(ex, DIPLOMACY)
    assert rows == [
        ("indirect", "ناصر کنعانی", "ایران هیچ برنامه‌ای برای مذاکره مستقیم ندارد"),
        ("indirect", "ناصر کنعانی", "این سفر در چارچوب رایزنی‌های معمول انجام شده است"),
        ("direct", "ناصر کنعانی", "ما همواره آماده گفت‌وگو بوده‌ایم اما زیر بار فشار نمی‌رویم."),
        ("indirect", "ناصر کنعانی", "سه تبعه خارجی هفته گذشته آزاد شده‌اند"),
        ("indirect", "ناصر کنعانی", "این اقدامات را غیرقانونی"),
        # "X به نقل از Y نوشت": the quote is Y's
        ("indirect", "منابع آگاه", "اتحادیه اروپا بسته جدیدی از تحریم‌ها را آماده کرده است"),
        ("indirect", "روزنامه فایننشال تایمز", "بسته جدید شامل ۱۵ شخص و ۵ نهاد است"),
    ]
    types = {s.name: s.type for s in rec.speakers}
    assert types == {"ناصر کنعانی": "person", "روزنامه فایننشال تایمز": "media", "منابع آگاه": "group"}
    kanani = next(s for s in rec.speakers if s.name == "ناصر کنعانی")
    assert kanani.role == "سخنگوی وزارت امور خارجه"
    assert {"وی", "این دیپلمات ارشد", "کنعانی"} <= {m.text for m in kanani.mentions}
    assert "قیمت نفت برنت روز سه‌شنبه به ۸۵ دلار رسید" in [c.text for c in rec.claims if c.source is None]


def test_football_article(ex: Extractor) -> None:
    rec, rows = table(ex, FOOTBALL)
    assert rows == [
        ("indirect", "یحیی گل‌محمدی", "برای قهرمانی می‌جنگیم"),           # headline "X: …"
        ("indirect", "یحیی گل‌محمدی", "تیمش هنوز به آمادگی کامل نرسیده است"),  # lead title = the named coach
        ("mixed", "یحیی گل‌محمدی", "بازیکنانش «با تمام وجود» بازی کردند"),
        ("indirect", None, "باشگاه با دو بازیکن خارجی به توافق رسیده است"),      # agentless passive
        ("mixed", "مدیرعامل باشگاه", "آن را «شایعه»"),
        ("indirect", "سازمان لیگ", "دیدار بعدی پرسپولیس روز جمعه برگزار می‌شود"),
        ("indirect", "یحیی گل‌محمدی", "در ورزشگاه حاضر شوند"),                 # "این مربی"
    ]
    # a request is not a claim; the league's schedule stated as present fact is
    claims = [c.text for c in rec.claims]
    assert "در ورزشگاه حاضر شوند" not in claims
    assert "دیدار بعدی پرسپولیس روز جمعه برگزار می‌شود" in claims


ECONOMY = """«تورم در ماه‌های آینده کاهش می‌یابد»، رئیس کل بانک مرکزی روز شنبه در جمع خبرنگاران این را گفت.
محمدرضا فرزین افزود که نرخ تورم نقطه به نقطه در مهرماه به ۴۰ درصد رسیده است.
به گفته وی، ذخایر ارزی کشور در وضعیت مطلوبی قرار دارد.
در همین حال یک اقتصاددان به خبرگزاری مهر گفت: پیش‌بینی می‌شود نرخ ارز ثابت بماند.
او معتقد است که سیاست‌های انقباضی نتیجه داده است.
مرکز آمار ایران اعلام کرد نرخ بیکاری در تابستان ۸.۲ درصد بوده است.
در این گزارش آمده است که جمعیت فعال کشور ۲۵ میلیون نفر است.
"""


def test_economy_article(ex: Extractor) -> None:
    rec, rows = table(ex, ECONOMY)
    assert rows == [
        ("direct", "محمدرضا فرزین", "تورم در ماه‌های آینده کاهش می‌یابد"),          # quote before its cue
        ("indirect", "محمدرضا فرزین", "نرخ تورم نقطه به نقطه در مهرماه به ۴۰ درصد رسیده است"),
        ("indirect", "محمدرضا فرزین", "ذخایر ارزی کشور در وضعیت مطلوبی قرار دارد"),  # به گفته وی
        ("indirect", "اقتصاددان", "پیش‌بینی می‌شود نرخ ارز ثابت بماند"),            # the hedge stays inside
        ("indirect", "اقتصاددان", "سیاست‌های انقباضی نتیجه داده است"),              # او -> the last speaker
        ("indirect", "مرکز آمار ایران", "نرخ بیکاری در تابستان ۸.۲ درصد بوده است"),
        ("indirect", "مرکز آمار ایران", "جمعیت فعال کشور ۲۵ میلیون نفر است"),        # the report speaks
    ]
    farzin = next(s for s in rec.speakers if s.name == "محمدرضا فرزین")
    assert farzin.role == "رئیس کل بانک مرکزی"
    assert [s.type for s in rec.speakers] == ["person", "person", "organization"]


TRAVEL = """واکنش کاربران به افزایش قیمت بلیت هواپیما
مدیرکل سازمان هواپیمایی کشوری روز گذشته از افزایش ۲۰ درصدی قیمت بلیت پروازهای داخلی خبر داد.
- افزایش قیمت بلیت در شرایطی که کیفیت خدمات پایین است قابل قبول نیست.
— Ali Rezaei علی رضایی (@alirezaei) May 3, 2024
رضا جعفرزاده سخنگوی سازمان هواپیمایی کشوری در این باره توضیح نداد.
وی پیش‌تر گفته بود: قیمت‌ها باید آزاد شود.
وزیر راه و شهرسازی نیز با انتقاد از این تصمیم خواستار بازنگری در آن شد.
گفت‌وگوی ما با یک کارشناس حمل و نقل را در ادامه می‌خوانید.
چرا قیمت بلیت افزایش یافت؟
هزینه سوخت و قطعات در یک سال گذشته دو برابر شده است.
آیا این افزایش ادامه خواهد داشت؟
به نظر من تا پایان سال قیمت‌ها ثابت می‌ماند.
"""


def test_post_negation_and_interview(ex: Extractor) -> None:
    rec, rows = table(ex, TRAVEL)
    assert rows == [
        # an embedded post: cue null, the byline's account speaks, bullet and final period left out
        ("indirect", "علی رضایی", "افزایش قیمت بلیت در شرایطی که کیفیت خدمات پایین است قابل قبول نیست"),
        # "توضیح نداد" (negated) and "خواستار … شد" (noun-phrase object) are not quotes
        ("indirect", "رضا جعفرزاده", "قیمت‌ها باید آزاد شود"),
        # interview answers belong to the guest named in the introduction; questions are not quotes
        ("indirect", "کارشناس حمل و نقل", "هزینه سوخت و قطعات در یک سال گذشته دو برابر شده است"),
        ("indirect", "کارشناس حمل و نقل", "به نظر من تا پایان سال قیمت‌ها ثابت می‌ماند"),
    ]
    post = rec.quotes[0]
    assert post.cue is None and post.speaker_mention.text == "علی رضایی"
    assert {m.text for m in rec.speakers[0].mentions} == {"Ali Rezaei", "علی رضایی", "@alirezaei"}
    assert all(q.speaker_mention is None for q in rec.quotes[2:])
