"""Content spans of indirect, mixed and colon speech (GUIDELINES §1.5).

The reported clause only: no cue, no speaker, no linking که/تا, no final period; colon speech runs to
the paragraph end or the next attribution; characterisations (`X را Y دانست`, `از X به عنوان Y یاد کرد`)
take the complement phrase before the verb.
"""

from __future__ import annotations

import re

from .cues import Cue
from .textspans import skip_space, trim

#: cues that take a noun-phrase object unless a clause marker (که / :) follows them
NEEDS_MARKER = frozenset(["اشاره", "خبر", "انتقاد", "اعتراض", "تکذیب", "تایید", "ابراز", "خواستار", "اظهار", "تشریح",
                          "مطرح", "شرح", "دستور", "پیشنهاد", "برآورد", "تخمین", "تصور", "امیدوار", "شکایت", "اصرار"])
#: speech verbs that take a predicative complement: "شمار کشته‌ها را ۱۴ نفر اعلام کرد"
PREDICATIVE = frozenset(["اعلام", "عنوان", "ذکر", "ارزیابی", "توصیف", "معرفی", "تلقی", "قلمداد", "برآورد", "تخمین"])
TRAIL = ".،,؛;:!؟? \u200c"
_SKIP_AFTER = re.compile(r"[ \u200c]*(?:(?:،|,)[ \u200c]*)?")


def after_cue(f: str, cue: Cue, sent_end: int, para_end: int) -> tuple[str, int]:
    """What follows a cue: ("colon", pos) | ("mark", pos) | ("clause", pos) | ("none", pos)."""
    p = skip_space(f, cue.end, sent_end)
    if p >= para_end:
        return "none", p
    ch = f[p]
    if ch == ":":
        q = skip_space(f, p + 1, para_end)
        if q < para_end and f[q] in "«\"“":
            return "mark", q
        return "colon", q
    if ch in "«\"“":
        return "mark", p
    if ch in "،,؛":
        q = skip_space(f, p + 1, sent_end)
        if q < sent_end and f[q] in "«\"“":
            return "mark", q
        if cue.lemma in NEEDS_MARKER or cue.kind == "characterize":
            return "none", q
        return ("clause", q) if q < sent_end else ("none", q)
    m = re.match(r"(که|تا)(?![\w\u200c])[ \u200c]*", f[p:sent_end])
    if m:
        if m.group(1) == "تا" and cue.kind not in ("request",):
            return "none", p
        q = p + m.end()
        if q < sent_end and f[q] in "«\"“":
            return "mark", q
        return ("clause", q) if q < sent_end else ("none", q)
    if ch in ".؛;!؟?" or re.match(r"و(?![\w\u200c])", f[p:p + 2]):
        return "none", p
    if cue.lemma in NEEDS_MARKER or cue.kind == "characterize":
        return "none", p
    return "clause", p


def clause_span(f: str, start: int, end: int) -> tuple[int, int]:
    """Trim a reported clause: spaces, the final period, a dangling comma, a trailing gloss "(… : …)"."""
    s, e = trim(f, start, end)
    while e > s and f[e - 1] in TRAIL:
        e -= 1
    if e > s and f[e - 1] == ")":
        o = f.rfind("(", s, e)
        if o > s and (":" in f[o:e] or "معنی" in f[o:e] or "یعنی" in f[o:e]):
            e = o
    while e > s and f[e - 1] in TRAIL:
        e -= 1
        s, e = trim(f, s, e)
    return s, e


OBJ_STOP = frozenset(["از", "به", "با", "در", "برای", "بر", "و", "که", "،", ",", ":", "«"])


def predicative(f: str, clause_start: int, cue: Cue) -> tuple[int, int] | None:
    """"X را Y اعلام کرد": a complement Y between را and the cue makes the object phrase a quote."""
    region = f[clause_start:cue.start]
    ra = ([*re.finditer(r"(?<![\w\u200c])را(?![\w\u200c])", region)] or [None])[-1]
    if ra is None or not re.search(r"[\w]", region[ra.end():]):
        return None
    return characterisation(f, clause_start, cue)


def characterisation(f: str, clause_start: int, cue: Cue) -> tuple[int, int] | None:
    """The complement phrase before a characterising verb, or None."""
    region = f[clause_start:cue.start]
    m = ([*re.finditer(r"(?<![\w\u200c])به[ \u200c]?عنوان(?![\w\u200c])", region)] or [None])[-1]
    if m is not None:
        # the "از" that opens the object of "از X به عنوان Y"
        head = region[:m.start()]
        best = None
        for a in re.finditer(r"(?<![\w\u200c])از(?![\w\u200c])", head):
            pre = head[max(0, a.start() - 6):a.start()]
            if re.search(r"(?:پس|بعد|قبل|پیش|یکی|برخی|بیش|کمتر|بسیاری)[ \u200c]*$", pre):
                continue
            best = a.start()
        if best is None:
            return None
        return clause_span(f, clause_start + best, cue.start)
    ra = ([*re.finditer(r"(?<![\w\u200c])را(?![\w\u200c])", region)] or [None])[-1]
    # an additive particle after را is no predicate ("همکاری با روسیه را نیز راهبردی خواند")
    pred = re.sub(r"^[ \u200c]*(?:هم|نیز)(?![\w\u200c])", "", region[ra.end():]) if ra is not None else ""
    if ra is None or not re.search(r"\w", pred):
        return None  # "X را خواند" without a predicate is reading, not characterising
    if re.match(r"[ \u200c]*(?:از|با|در|برای|بر|تا|هم|نیز)(?![\w\u200c])", pred):
        return None  # an adverbial, not a predicate: "کتاب را با دقت خواند"
    # the object before "را": the caller passes the position after the subject and framing
    before = region[:ra.start()]
    if len(before.split()) <= 8:
        return clause_span(f, clause_start, cue.start)
    words = list(re.finditer(r"[^\s،,:«»]+|[،,:«»]", before))
    start_idx = None
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        w = words[k].group()
        if w in ("این", "آن", "همین", "وی", "او", "آنها", "آن‌ها", "ایشان"):
            start_idx = k
            # an ezafe head before the demonstrative belongs to the object ("علت این تصادف را")
            if w in ("این", "آن", "همین") and k > 0:
                pw = words[k - 1].group()
                if pw not in OBJ_STOP and pw not in ("،", ",", ":") and not pw.endswith("ی") and len(pw) > 1:
                    start_idx = k - 1
            break
        if w in OBJ_STOP or w in ("،", ",", ":"):
            start_idx = k + 1
            break
    if start_idx is None:
        start_idx = max(0, len(words) - 2)
    if start_idx >= len(words):
        return None
    s = clause_start + words[start_idx].start()
    return clause_span(f, s, cue.start)
