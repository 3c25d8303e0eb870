"""Check-worthy claims (GUIDELINES §3): one per sentence per source, in quotes or in the article's voice.

A sentence is a claim when it asserts an event, action, number or state: a finite past/perfect or stative
verb, no future, no modal or hedge, no condition, wish, greeting or question, and it is not itself a
speech event (its content is the claim then, attributed to the speaker through the quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .indirect import clause_span
from .textspans import sentences

W = r"(?<![\w\u200c])"
E = r"(?![\w\u200c])"
NOT_CLAIM = re.compile(
    r"(?<!می )(?<!می\u200c)(?<!نمی )(?<!نمی\u200c)" + W + r"(?:خواه(?:م|ی|د|یم|ید|ند)|نخواه\w+|باید|نباید|بایستی|می[\u200c ]?توان\w*|نمی[\u200c ]?توان\w*|"
    r"بهتر است|ممکن است|احتمالا|احتمالاً|احتمال دارد|شاید|امیدوار\w*|امید است|انتظار می[\u200c ]?رود|"
    r"به نظر|به نظرم|معتقد\w*|فکر می[\u200c ]?کنم|فکر کنم|اگر|چنانچه|درصورتی|در صورتی|در صورتیکه|"
    r"درصورتیکه|مگر|تشکر|سپاس|آرزو\w*|لطفا|لطفاً|لطف کنید|مایلم|تبریک|تسلیت|ان[\u200c ]?شاء|انشاالله|"
    r"قرار است|در نظر دارد|تصمیم دارد|برنامه دارد|پیش[\u200c ]?بینی|بهترین|بدترین|"
    r"(?<!دیوان )(?<!شورای )(?<!مقام )(?<!تحصیلات )(?<!آموزش )(?<!مجمع )(?<!دادگاه )(?<!کمیسیون )عالی|عجیب|فاجعه|خارق[\u200c ]?العاده|بی[\u200c ]?نظیر|شگفت\w*|تلخ|دردناک|"
    r"قابل توجه|قابل قبول|قابل تامل|متاسفانه|خوشبختانه|دفاع کرد\w*|واکنش نشان|چگونه|چطور|چرا|آیا|"
    r"فکر می[\u200c ]?کنم|من معتقدم|به عقیده|به اعتقاد|از دید من|از نظر من|"
    r"مهم[\u200c ]?ترین|مهترین|اشتباه|واضح است|آشکار است|روشن است|قابل اعتماد|قطعا|قطعاً|به طور قطع|"
    r"حتما|حتماً|"
    # habitual generalisations and importance are assessments ("… همواره شریک قابل اعتماد … بوده است")
    r"همواره|(?<!برای )همیشه|اهمیت[\u200c ]+(?:زیادی|بسیاری|فراوانی|ویژه[\u200c ]?ای|بالایی|دارد|دارند)|حائز[\u200c ]+اهمیت|"
    # evaluative predicates: an assessment, not a checkable fact
    r"نگران[\u200c ]?کننده|امیدوار[\u200c ]?کننده|ناامید[\u200c ]?کننده|تاسف[\u200c ]?بار|تأسف[\u200c ]?بار|"
    r"شرم[\u200c ]?آور|غیر[\u200c ]?قابل[\u200c ]+قبول|ناعادلانه|ظالمانه|غیر[\u200c ]?منطقی|بی[\u200c ]?معنا|بی[\u200c ]?معنی|"
    r"افتخار[\u200c ]?آمیز|ستودنی|ارزشمند|درخشان|شایسته|ضروری|زیبا|زیبایی|جذاب)" + E)
FACT_VERB = re.compile(
    r"(?:کرد|کردند|کرده|شد|شدند|شده|بود|بودند|داد|دادند|داده|داشت|داشتند|داشته|رسید|رسیدند|رسیده|"
    r"گرفت|گرفتند|گرفته|رفت|رفتند|رفته|آمد|آمدند|آمده|یافت|یافته|باختند|زدند|زد|ساخت|ساخته|برد|بردند|"
    r"است|هستند|اند|دارد|دارند|می[\u200c ]?رسد|می[\u200c ]?شود|می[\u200c ]?کند|می[\u200c ]?یابد|"
    r"می[\u200c ]?گیرد|نیست|نیستند|ندارد|"
    r"(?<![\w\u200c])(?:درگذشت|بازگشت|باخت|گذشت|افتاد|ماند|پیوست|انجامید|بست|شکست|فروخت|کاست|انداخت|ریخت|سوخت|کشید|"
    r"گشود|فرستاد|گذاشت|برگزید|کشت|ربود|دزدید|گریخت)(?:ند|ه)?)"
    + E)
NUMBER = re.compile(r"\d|" + W + r"(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|هزار|میلیون|میلیارد|درصد)" + E)
PAST_EVENT = re.compile(r"(?:کرد|کرده|شد|شده|بود|داد|داده|داشت|داشته|رسید|رسیده|رفت|رفته|آمد|آمده|یافت|"
                        r"یافته|باختند|زد|زده|گرفت|گرفته|ساخت|ساخته|دیده|برد|برده)"
                        r"(?:ند|یم|ه|ه‌اند|ه اند|ه است|ه‌است|ه‌ایم|ه ایم)?" + E)
SCHEDULE = re.compile(W + r"(?:روز|هفته|شنبه|یکشنبه|دوشنبه|سه[\u200c ]?شنبه|چهارشنبه|پنج[\u200c ]?شنبه|جمعه|فردا|"
                      r"امشب|ماه|سال)" + E)
#: "has not announced / did not explain / said nothing": a refusal is a checkable fact (GUIDELINES §7), even
#: when the unanswered question follows ("توضیح نداد که چرا …")
REFUSAL = re.compile(
    W + r"(?:توضیح|اعلام|پاسخ|اشاره|اظهار[\u200c ]?نظر|جزئیاتی|اطلاعاتی|چیزی|نظری|سخنی|حرفی|واکنشی)"
    r"(?:[ \u200c]+\S+){0,2}[ \u200c]+(?:ن(?:داد|دادند|داده|کرد|کردند|کرده|نمود|نموده|گفت|گفتند|گفته|زد|زده|"
    r"کرده[ \u200c]+است|داده[ \u200c]+است)|نشده)" + E)
#: a speech event as the main verb of an own-voice sentence is not a claim (GUIDELINES §3, §7)
SPEECH_EVENT = re.compile(W + r"(?:گفت[\u200c ]?و[\u200c ]?گو|گفتگو|رایزنی|تبادل[\u200c ]?نظر|مصاحبه|سخنرانی|"
                          r"قدردانی|تقدیر|تشکر|انتقاد|ابراز[\u200c ]+\S+|اظهار[\u200c ]+\S+)"
                          r"[ \u200c]+(?:کرد|کردند|کرده|نمود|نمودند|داشت|داشتند)" + E)
#: cue nouns that, with a noun-phrase object, name a (legal) act rather than speech: "دادگاه تجدیدنظر حکم را
#: تأیید کرد", "وکیل متهم به رأی دادگاه اعتراض کرد" are events (claims); with a clause they stay cues
ACT_LEMMAS = frozenset(["تایید", "تأیید", "اعتراض", "شکایت", "فاش"])
#: an announcement whose object is a noun phrase (را right before the cue) reports a checkable action
ANNOUNCE_LEMMAS = frozenset(["اعلام"])
NP_OBJECT_BEFORE = re.compile(r"(?<![\w\u200c])را(?:[ \u200c]+[^\s،,.:؛]+){0,3}[ \u200c]+$")
FRAMING = re.compile(r"^(?:این در حالی است که|این کاملا آشکار است که|این در حالیست که|گفتنی است|"
                     r"لازم به ذکر است|شایان ذکر است)[\s،]*")


#: an evaluative predicate closing the sentence: an adjective built with an evaluative suffix (نگران‌کننده،
#: شگفت‌انگیز، فاجعه‌بار، خطرناک; not …آمیز: "موفقیت‌آمیز بود" can be checked) or a plain judgement
#: (مهم، خوب، ضعیف …) before a copula
EVAL_END = re.compile(
    r"(?:(?:کاملا|کاملاً|واقعا|واقعاً|بسیار|خیلی|شدیدا|شدیداً|به[\u200c ]+شدت|نسبتا|نسبتاً)[ \u200c]+\S+|"
    r"[\w]{2,}[\u200c]?(?:انگیز|برانگیز|بار|ناک|کننده)|(?<![\w\u200c])(?:مهم|ضروری|لازم|حیاتی|خوب|بد|"
    r"عالی|ضعیف|مثبت|منفی|درست|غلط|نادرست|ناامیدکننده|عجیب|جالب|زیبا|زشت|ارزشمند|بی[\u200c ]?فایده|مفید|"
    # a legal judgement phrased as an evaluation ("این اقدام غیرقانونی است")
    r"غیر[\u200c ]?قانونی|خلاف[\u200c ]+قانون|غیر[\u200c ]?شرعی|ناپذیرفتنی|مردود|باطل))"
    r"[ \u200c]+(?:(?:بسیار|خیلی)[ \u200c]+)?(?:است|بود|بوده[ \u200c]+است|بودند|هستند|نیست|نبود|می[\u200c ]?باشد)[.!]?$")


#: hyperbole in a speaker's words ("اقتصاد را به بن‌بست رسانده", "فضای کسب‌وکار را نابود کرده"): an
#: assessment, not a checkable event; advice ("توصیه ما … این است که") asserts nothing
SPEAKER_OPINION = re.compile(W + r"(?:نابود|فلج|بن[\u200c ]?بست|ورطه|به[\u200c ]+باد[\u200c ]+(?:داد|رفت)\w*|"
                             r"ویران[\u200c ]?(?:کرد|کرده|شد|شده)|توصیه|"
                             # a legal judgement in a speaker's words ("… جرم محسوب می‌شود", "مغایر با قانون")
                             r"محسوب[\u200c ]+(?:می[\u200c ]?شو|شده|است)\w*|مغایر|منافی)" + E)


@dataclass(slots=True)
class ClaimCand:
    start: int
    end: int
    source: object | None
    quote: object | None
    confidence: float


def checkworthy(s: str, *, attributed: bool) -> float:
    """A score in [0, 1]; 0 when the sentence is not a claim."""
    if not s or "؟" in s or "?" in s or s[:1] in "*#":
        return 0.0
    if not attributed and REFUSAL.search(s) and len(s.split()) >= 4:
        return 0.6
    if NOT_CLAIM.search(s) or (not attributed and SPEECH_EVENT.search(s)) or EVAL_END.search(s.rstrip()):
        return 0.0
    words = s.split()
    if len(words) < 4:
        return 0.0
    has_verb = bool(FACT_VERB.search(s))
    has_num = bool(NUMBER.search(s))
    if not has_verb:
        return 0.0
    if attributed:
        if SPEAKER_OPINION.search(s):
            return 0.0
        # speakers' words are full of opinion: ask for a number or a completed event
        past = PAST_EVENT.search(s)
        schedule = SCHEDULE.search(s) and re.search(r"می[\u200c ]?(?:شود|رسد|یابد|گیرد)" + E, s)
        if not (has_num or past or schedule):
            return 0.0
        if re.search(W + r"من" + E, s) and not has_num:
            return 0.0  # a speaker's first-person singular statement is mostly opinion
    return 0.6 + (0.15 if has_num else 0.0)


def trim_claim(f: str, s: int, e: int) -> tuple[int, int]:
    s, e = clause_span(f, s, e)
    m = FRAMING.match(f[s:e])
    if m:
        s += m.end()
    return clause_span(f, s, e)


def find_claims(f: str, own_sents: list[tuple[int, int]], quotes: list[tuple[int, int, object, object]],
                cue_starts: list[int] | None = None) -> list[ClaimCand]:
    """Claims in the article's voice (`own_sents`) and inside quotes ((start, end, quote, source))."""
    out: list[ClaimCand] = []
    for s, e in own_sents:
        if "؟" in f[s:e] or "?" in f[s:e]:
            continue
        a, b = trim_claim(f, s, e)
        # a headline line (short, no final stop) is often an opinion or a teaser: hold it to the stricter
        # test used inside speakers' words (a number, a completed event or a schedule)
        headline = (a == 0 or f[a - 1] == "\n") and (b == len(f) or f[b:b + 1] == "\n") and b - a < 120 \
            and f[b - 1:b] not in ".!؟?"
        sc = checkworthy(f[a:b], attributed=headline)
        if sc and b - a >= 10:
            out.append(ClaimCand(a, b, None, None, sc))
    taken: set[tuple[int, int, int]] = set()
    # innermost quote first, so a claim goes to the quote that contains it most tightly
    for qs, qe, q, src in sorted(quotes, key=lambda x: x[1] - x[0]):
        if getattr(q, "tags", None) and ({"request", "question", "evaluative"} & q.tags):
            continue  # requests and evaluative characterisations assert nothing checkable
        for s, e in sentences(f, qs, qe):
            if "؟" in f[s:e] or "?" in f[s:e]:
                continue
            a, b = trim_claim(f, s, e)
            if b - a < 10:
                continue
            if cue_starts and bisect.bisect_left(cue_starts, b) > bisect.bisect_left(cue_starts, a):
                continue  # a speech event inside the quote: its own content carries the claim
            key = (a, b, id(src))
            if key in taken:
                continue
            sc = checkworthy(f[a:b], attributed=True)
            if sc:
                taken.add(key)
                out.append(ClaimCand(a, b, src, q, sc - 0.05))
    out.sort(key=lambda c: (c.start, c.end))
    return out
