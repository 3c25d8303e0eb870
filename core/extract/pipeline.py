"""One article through the quote stages: embedded posts, headlines, interviews, cues, marks, relays.

`Analysis(text, meta, parts)` holds the folded text, its paragraphs, sentences, tokens, mark pairs and
cues, and produces quote candidates (`cands`) in reading order; `speakers` resolution and `claims` run on
them afterwards (see extractor.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .candidates import Cand
from .cues import Cue, CueMatcher
from .direct_quotes import MarkPair, pair_marks
from .folding import fold
from .indirect import PREDICATIVE, after_cue, characterisation, clause_span, predicative
from .lexicons import Lexicons
from .nps import NP, VERBISH, Chunker
from .term_marks import TermMarks
from .textspans import Tok, paragraphs, sentences, tokens, trim

DOC_RE = re.compile(r"(?<![\w\u200c])در[ \u200c]+(?:این[ \u200c]+)?(?:دادخواست|بیانیه|اطلاعیه|نامه|گزارش|سند|"
                    r"متن|کتاب|حکم|قطعنامه|شکایت)(?:[\u200c ]?(?:ای|ی))?[ \u200c]+")
PARTICIPLE_RE = re.compile(r"(?<![\w\u200c])(?:با|ضمن)[ \u200c]+(?:بیان|اشاره[ \u200c]+به|تاکید[ \u200c]+بر|"
                           r"اعلام|یادآوری|ابراز)[ \u200c]+(?:این[ \u200c]?که|اینکه)(?![\w\u200c])[ \u200c]*")
INTERVIEWED_RE = re.compile(r"(?<![\w\u200c])با[ \u200c]+(?=[^.؟?!\n]{0,120}(?:گفت[\u200c ]?و[\u200c ]?گو|گفتگو|مصاحبه)"
                            r"[ \u200c]+(?:کرد|کرده|داشت|داشته|انجام))")
INTERVIEW_RE = re.compile(r"گفت[\u200c ]?و[\u200c ]?گو|گفتگو|مصاحبه")
IMPERATIVE_END = re.compile(r"(?<![\w\u200c])ب[\w\u200c]+ید[.!]?$")
BYLINE_RE = re.compile(r"^[—–-]+\s*(?P<who>[^()\n]*?)\s*\((?P<handle>@\w+)\)")
# an Instagram embed's byline, in English or Persian: "A post shared by Name (@handle)",
# "پستی که Name (@handle) به اشتراک گذاشته است", "پست به اشتراک گذاشته شده توسط Name (@handle)"
INSTAGRAM_BYLINE_RE = re.compile(
    r"^\s*(?:A post shared by|(?:یک[ \u200c]+)?پست(?:ی)?[ \u200c]+(?:به[ \u200c]+اشتراک[ \u200c]+گذاشته[ \u200c]+شده|"
    r"منتشر[ \u200c]+شده)[ \u200c]+(?:توسط|از[ \u200c]+سوی)|پستی[ \u200c]+که(?:[ \u200c]+توسط)?)\s*"
    r"(?P<who>[^()\n]*?)\s*\((?P<handle>@[\w.]*\w)\)", re.IGNORECASE)
# … and with the handle alone: "A post shared by @handle"
INSTAGRAM_HANDLE_RE = re.compile(r"^\s*(?:A post shared by|(?:یک[ \u200c]+)?پست(?:ی)?[ \u200c]+به[ \u200c]+اشتراک[ \u200c]+"
                                 r"گذاشته[ \u200c]+شده[ \u200c]+توسط)\s*(?P<who>)(?P<handle>@[\w.]*\w)", re.IGNORECASE)
# the embed's own furniture, not the post's words
EMBED_FURNITURE_RE = re.compile(r"^\s*(?:View this post on Instagram|مشاهده[ \u200c]+(?:این[ \u200c]+)?پست[ \u200c]+در"
                                r"[ \u200c]+اینستاگرام|این[ \u200c]+پست[ \u200c]+را[ \u200c]+در[ \u200c]+اینستاگرام[ \u200c]+ببینید)"
                                r"\s*$", re.IGNORECASE)
CREDIT_RE = re.compile(r"^(?:انتهای پیام|منبع|عکس|ترجمه|گفت[\u200c ]?و[\u200c ]?گو از|گزارش از|کد خبر|"
                       r"برچسب|نویسنده|تنظیم|خبرنگار)")
CONTRAST_RE = re.compile(r"[؛،][ \u200c]*(?:اما|ولی|با[ \u200c]+این[ \u200c]+حال|در[ \u200c]*حالی[ \u200c]*که)(?![\w\u200c])")
NEG_PAST_END_RE = re.compile(r"(?<![\w\u200c])ن(?:کرد|داد|گفت|نمود|پذیرفت|کرده|داده|گفته)(?:ند|ه[ \u200c]+است)?$")
POST_BACKREF_RE = re.compile(r"(?<![\w\u200c])(?:این|همین|آن)[ \u200c]+(?:پیام|پست|توییت|توئیت|یادداشت|نوشته|"
                             r"متن|اظهارات|سخنان|جملات|مطلب|واکنش)")
CONJ_BEFORE_CUE = re.compile(r"[ \u200c،]+و[ \u200c]+(?:(?:همچنین|نیز|در ادامه|سپس|بار دیگر)[ \u200c،]+)?$")
#: "… و از شهروندان خواست …": a request's addressee between the conjunction and the cue
CONJ_ADDRESSEE_BEFORE_CUE = re.compile(r"[ \u200c،]+و[ \u200c]+از[ \u200c]+[^ \u200c،.]+(?:[ \u200c]+[^ \u200c،.]+){0,3}"
                                       r"[ \u200c]+$")
PUNCT_NAME_STOP = frozenset(["(", ")", "«", "»", ":", "؛", "-", "–", "—", "/", "\"", "“", "”", "."])
# the publisher's own reporter or desk after "به گزارش": self-attribution whatever outlet it names
SELF_DESK_RE = re.compile(r"[ \u200c]*(?:خبرنگار|گروه|سرویس|تحریریه|دبیرخانه|پایگاه[ \u200c]+خبری[ \u200c]+ما|"
                          r"میز)(?![\w\u200c])")
DATELINE_OUTLET_RE = re.compile(r"\s*[\w\u200c]+(?:[ \u200c][\w\u200c]+)?\s*(?:[-–—]|\()\s*(?P<o>[\w\u200c]+(?:[ \u200c][\w\u200c]+){0,2})"
                                r"\s*(?:[-–—:]|\)\s*[-–—:])")
# a dateline before the lead's relay: "تهران - ", "تهران (ایرنا) - ", "۱۲ مهر ۱۴۰۲ - "
DATELINE_RE = re.compile(r"[^\n.،]{0,40}[-–—:][ \u200c]*")
# labels of the interviewer's lines in a transcript ("خبرنگار: …؟")
ANSWER_LABELS = frozenset(["ج", "جواب", "پاسخ"])
ANSWER_LABEL_RE = re.compile(r"[ \u200c]*([^\s:،.؟?!]+(?:[ \u200c][^\s:،.؟?!]+){0,2})[ \u200c]*:[ \u200c]*")
INTERVIEWER_LABELS = frozenset(["خبرنگار", "مجری", "س", "سوال", "سؤال", "پرسش", "گزارشگر"])
# words that mark a cue as the continuation of the same speaker's words
CONTINUATION_RE = re.compile(r"(?<![\w\u200c])(?:در[ \u200c]+ادامه|همچنین|سپس)(?![\w\u200c])")
# the anonymity formula on a source ("… که خواست نامش فاش نشود …"): neither a request nor part of the subject
ANON_CLAUSE_RE = re.compile(
    r"(?<![\w\u200c])که[ \u200c]+(?:ن?خواست(?:ند)?|مایل[ \u200c]+نبود(?:ند)?|نمی[\u200c ]?خواست(?:ند)?)[ \u200c]+"
    r"(?:نام|هویت)[\w\u200c]*(?:[ \u200c]+[\w\u200c]+){0,3}?[ \u200c]+(?:فاش|ذکر|برده|اعلام|منتشر|افشا)[ \u200c]+"
    r"(?:ن?شود|ن?شوند|ن?گردد)(?![\w\u200c])[ \u200c،,]*")
HEAD_STOP = frozenset(["منبع", "عکس", "ترجمه", "نویسنده", "توضیح", "برچسب\u200cها", "برچسب", "کد", "خبر", "پی\u200cنوشت", "تلفن", "آدرس", "نشانی"])


@dataclass(slots=True)
class Parts:
    lx: Lexicons
    cues: CueMatcher
    chunker: Chunker
    terms: TermMarks
    prep_re: re.Pattern[str]


def no_first_person(f: str, a: int, b: int) -> bool:
    """A line without a first-person verb or pronoun (a post speaks in the first person, narration does not)."""
    return re.search(r"(?<![\w\u200c])(?:من|ما|مان|ام|ایم)(?![\w\u200c])|(?:یم|م)(?=[ .،!]|$)", f[a:b]) is None


def build_parts(lx: Lexicons) -> Parts:
    chunker = Chunker(lx)
    phrases = sorted(lx.prep_cues, key=len, reverse=True)
    alt = "|".join("[ \u200c]+".join(re.escape(w) for w in p.split()) for p in phrases)
    prep_re = re.compile(rf"(?<![\w\u200c])(?:{alt})(?![\w\u200c])")
    return Parts(lx, CueMatcher(lx), chunker, TermMarks(lx, chunker), prep_re)


class Analysis:
    def __init__(self, text: str, meta: dict[str, Any] | None, parts: Parts) -> None:
        self.text = text
        self.meta = meta or {}
        self.p = parts
        self.lx = parts.lx
        self.f = f = fold(text)
        self.paras = paragraphs(f)
        self.sents: list[tuple[int, int]] = []
        for a, b in self.paras:
            self.sents.extend(sentences(f, a, b))
        self.cues = parts.cues.find(f)
        self.cue_starts = [c.start for c in self.cues]
        self._merge_split_sentences()
        self.sent_starts = [s for s, _ in self.sents]
        self.para_starts = [s for s, _ in self.paras]
        self.toks = tokens(f)
        self.tok_starts = [t.start for t in self.toks]
        self.pairs: list[MarkPair] = []
        self.pairs_by_para: list[list[MarkPair]] = []
        for a, b in self.paras:
            pp = pair_marks(f, a, b)
            self.pairs_by_para.append(pp)
            self.pairs.extend(pp)
        self.pair_opens = {p.open: p for p in self.pairs}
        self.para_open_lists = [[p.open for p in pp] for pp in self.pairs_by_para]
        self.known_names = parts.terms.names_in(f, self.pairs)
        self.preps = [(m.start(), m.end(), self.lx.prep_cues.get(re.sub(r"[ \u200c]+", " ", m.group()), "cue"))
                      for m in parts.prep_re.finditer(f)]
        self.cands: list[Cand] = []
        self.embedded_paras: set[int] = set()
        self.answer_paras: set[int] = set()
        self.claimed_pairs: set[int] = set()     # pair.open of pairs used as direct or mixed
        self.headline_paras: set[int] = set()
        self.dateline_end = 0
        self.publisher = self._publisher()
        self.anon_spans = [(m.start(), m.end()) for m in ANON_CLAUSE_RE.finditer(f)] if "خواست" in f else []

    def _merge_split_sentences(self) -> None:
        """A sentence that opens with a speech verb continues the previous one ("… آیا …؟ گفت: …")."""
        starts = {c.start for c in self.cues}
        out: list[tuple[int, int]] = []
        for s, e in self.sents:
            if out and s in starts and self.f[out[-1][1] - 1] in "؟?" and \
                    self.para_index_raw(out[-1][0]) == self.para_index_raw(s):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        self.sents = out

    def para_index_raw(self, pos: int) -> int:
        return bisect.bisect_right([a for a, _ in self.paras], pos)

    # ------------------------------------------------------------------ lookups
    def para_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.para_starts, pos) - 1)
        return self.paras[i] if self.paras else (0, len(self.f))

    def para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sent_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        return self.sents[i] if self.sents else (0, len(self.f))

    def toks_in(self, a: int, b: int) -> list[Tok]:
        i = bisect.bisect_left(self.tok_starts, a)
        j = bisect.bisect_left(self.tok_starts, b)
        return [t for t in self.toks[i:j] if t.end <= b]

    def pair_at(self, pos: int) -> MarkPair | None:
        return self.pair_opens.get(pos)

    def para_pairs(self, pos: int) -> list[MarkPair]:
        return self.pairs_by_para[self.para_index(pos)] if self.pairs_by_para else []

    def pairs_between(self, a: int, b: int) -> list[MarkPair]:
        """Top-level pairs of the paragraph of `a` that open in [a, b)."""
        if not self.pairs_by_para:
            return []
        k = self.para_index(a)
        opens = self.para_open_lists[k]
        return self.pairs_by_para[k][bisect.bisect_left(opens, a):bisect.bisect_left(opens, b)]

    def inside_pair(self, pos: int) -> MarkPair | None:
        if not self.pairs_by_para:
            return None
        k = self.para_index(pos)
        i = bisect.bisect_left(self.para_open_lists[k], pos) - 1
        if i >= 0:
            p = self.pairs_by_para[k][i]
            if p.open < pos < p.close:
                return p
        return None

    def cues_between(self, a: int, b: int) -> list[Cue]:
        i = bisect.bisect_left(self.cue_starts, a)
        j = bisect.bisect_left(self.cue_starts, b)
        return self.cues[i:j]

    def recent_cands(self, pos: int) -> list[Cand]:
        """Candidates of the paragraph of `pos` (the only ones a clause there can be nested in)."""
        a, b = self.para_of(pos)
        return [c for c in self.cands[-40:] if a <= c.start < b]

    def _publisher(self) -> set[str]:
        """Names under which the publisher refers to itself, from meta.url/source and the outlet lexicon."""
        where = " ".join(str(self.meta.get(k) or "") for k in ("url", "source")).lower()
        names = set()
        if where.strip():
            for name, dom in self.lx.outlets.items():
                if dom != "-" and dom.lower() in where:
                    names.add(name)
        # a dateline naming the agency: "تهران - ایرنا - …", "تهران (ایسنا) - …": never part of a subject
        m = DATELINE_OUTLET_RE.match(self.f)
        if m is not None:
            o = m.group("o").strip()
            if o in self.lx.outlets or o.split()[0] in self.lx.outlet_words:
                self.dateline_end = m.end()
                if not names:
                    names.add(o)
        return names

    # ------------------------------------------------------------------ the stages
    def run(self) -> list[Cand]:
        self.embedded_posts()
        self.participle_cues()
        self.interview()
        self.headlines()
        self.verb_cues()
        self.prep_cues()
        self.direct_marks()
        self._confirm_weak_headlines()
        self.cands.sort(key=lambda c: (c.order, c.start))
        return self.cands

    def _confirm_weak_headlines(self) -> None:
        """A headline "X: …" whose X is an unknown word is a quote only when the body quotes X too (as the
        subject of a cue, alone or as the last word of a fuller name)."""
        weak = [c for c in self.cands if "weak_headline" in c.tags]
        if not weak:
            return
        f = self.f
        names = set()
        for c in self.cands:
            if c.np is not None and c.np.name is not None and "weak_headline" not in c.tags:
                names.add(f[c.np.name[0]:c.np.name[1]].split()[-1])
        drop = {id(c) for c in weak if f[c.np.name[0]:c.np.name[1]].split()[-1] not in names
                and not self._introduced_in_body(c.np.name, c.end)}
        if drop:
            self.cands = [c for c in self.cands if id(c) not in drop]
            for c in weak:
                if id(c) in drop:
                    self.headline_paras.discard(self.para_index(c.start))

    def _introduced_in_body(self, name: tuple[int, int], body_start: int) -> bool:
        """Whether the body introduces the headline's name with a kind word or a title right before it
        ("روزنامه آمریکایی وال‌استریت ژورنال", "سخنگوی کرملین دیمیتری پسکوف")."""
        f = self.f
        nm = f[name[0]:name[1]]
        lx = self.lx
        for m in re.finditer(r"(?<![\w\u200c])" + re.escape(nm) + r"(?![\w\u200c])", f[body_start:]):
            before = f[max(0, body_start + m.start() - 40):body_start + m.start()].split()[-2:]
            if any(w in lx.outlet_words or w in lx.titles or w in lx.org_words or w in lx.first_names
                   for w in before):
                return True
        return False

    # embedded posts -------------------------------------------------------------------------
    def embedded_posts(self) -> None:
        f = self.f
        for pi, (a, b) in enumerate(self.paras):
            m = BYLINE_RE.match(f[a:b]) or INSTAGRAM_BYLINE_RE.match(f[a:b]) or INSTAGRAM_HANDLE_RE.match(f[a:b])
            if not m:
                continue
            who_s = a + m.start("who")
            who_e = a + m.end("who")
            handle = (a + m.start("handle"), a + m.end("handle"))
            self.embedded_paras.add(pi)
            # the post's lines: bulleted lines (or the single line) right before the byline
            lines = []
            k = pi - 1
            while k >= 0 and EMBED_FURNITURE_RE.match(f[self.paras[k][0]:self.paras[k][1]]):
                self.embedded_paras.add(k)
                k -= 1
            while k >= 0 and len(lines) < 8:
                la, lb = self.paras[k]
                if f[la] in "-•*" or "pic.twitter" in f[la:lb] or "http" in f[la:lb]:
                    lines.insert(0, k)
                    k -= 1
                    continue
                break
            if not lines and k >= 0 and not EMBED_FURNITURE_RE.match(f[self.paras[k][0]:self.paras[k][1]]):
                lines = [k]
            # the furniture line of an Instagram embed above the post
            if lines and lines[0] > 0:
                fa, fb = self.paras[lines[0] - 1]
                if EMBED_FURNITURE_RE.match(f[fa:fb]):
                    self.embedded_paras.add(lines[0] - 1)
            who = f[who_s:who_e]
            # display name: "KayhanLondon کیهان لندن" -> Latin and Persian parts
            parts = re.findall(r"[A-Za-z0-9_.]+(?:\s+[A-Za-z0-9_.]+)*|[^\sA-Za-z0-9_.]+(?:\s+[^\sA-Za-z0-9_.]+)*",
                               who)
            spans = []
            pos = who_s
            for part in parts:
                i = f.index(part, pos)
                spans.append((i, i + len(part)))
                pos = i + len(part)
            persian = [s for s in spans if not f[s[0]].isascii()]
            head = persian[0] if persian else (spans[0] if spans else handle)
            np_ = NP("name", head[0], head[1], head, name=head)
            np_.extra_mentions = [s for s in spans if s != head] + [handle]
            nm = f[head[0]:head[1]]
            np_.etype = self.p.chunker.type_of_name(nm)
            if np_.etype == "unknown":
                np_.etype = "media" if any(w in nm for w in ("News", "TV", "news")) or nm in self.lx.outlets \
                    else "person" if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", nm) else "unknown"
            for k in lines:
                self.embedded_paras.add(k)
                la, lb = self.paras[k]
                s, e = la, lb
                s, e = trim(f, s, e, "-•*")
                e2 = f.find("pic.twitter", s, e)
                if e2 < 0:
                    e2 = f.find("http", s, e)
                if e2 >= 0:
                    e = e2
                s, e = trim(f, s, e, "…")
                while e > s and f[e - 1] in ".…":
                    e -= 1
                s, e = trim(f, s, e)
                if e - s < 3:
                    continue
                self.cands.append(Cand("indirect", s, e, None, order=s, np=np_, confidence=0.75, embedded=True))

    # "با بیان اینکه C، …" ------------------------------------------------------------------------
    def participle_cues(self) -> None:
        f = self.f
        for m in PARTICIPLE_RE.finditer(f):
            sent = self.sent_of(m.start())
            comma = self._clause_end(m.end(), sent[1])
            if comma >= sent[1]:
                comma = f.rfind("،", m.end(), sent[1])
            if comma <= m.end():
                continue
            s, e = clause_span(f, m.end(), comma)
            if e - s < 5:
                continue
            c = Cand("indirect", s, e, (m.start(), m.start() + len(m.group().rstrip())), order=m.start(),
                     confidence=0.75)
            start = self._clause_start_plain(sent, m.start())
            # after a marked passage or another attribution earlier in the sentence: "… گفت: «…» او با بیان …"
            for p in self.pairs_between(start, m.start()):
                if p.closed and p.outer_end <= m.start():
                    start = max(start, p.outer_end)
            for cue in self.cues_between(start, m.start()):
                start = max(start, cue.end)
            np_ = self.p.chunker.find_source(f, self.toks_in(start, m.start()))
            c.np = np_
            if np_ is None:
                c.mode = "last"
            self._mixed(c)
            self.cands.append(c)

    def _clause_start_plain(self, sent: tuple[int, int], pos: int) -> int:
        start = sent[0]
        for a, b, kind in self.preps:
            if start <= a < pos and kind == "conduit":
                start = max(start, self._skip_relay(b, pos))
        return start

    # interviews ------------------------------------------------------------------------------
    def interview(self) -> None:
        f = self.f
        qs = [i for i, (a, b) in enumerate(self.paras)
              if (f[b - 1] in "؟?" and b - a < 300) or (b - a < 100 and IMPERATIVE_END.search(f[a:b]))]
        if len(qs) < 2:
            return
        qset = set(qs)
        guest = self._interviewee(qs[0])
        for i in range(qs[0] + 1, len(self.paras)):
            if i in qset:
                continue
            a, b = self.paras[i]
            if CREDIT_RE.match(f[a:b]) or (f[b - 1] == "/" and b - a < 40):
                break
            if i in self.embedded_paras:
                continue
            s, e = clause_span(f, a, b)
            if e - s < 8:
                continue
            if self._interview_over(i, qs[-1]):
                if i > qs[-1]:
                    break  # the interview has ended: what follows is the article's own text
                continue
            lab = ANSWER_LABEL_RE.match(f, a, b)
            if lab is not None:
                word = lab.group(1).strip()
                if word in ANSWER_LABELS or (len(word) > 2 and f.find(word, 0, self.paras[qs[0]][0]) >= 0):
                    s = lab.end()  # "ج: …", "طارمی: …": the label is not the answer
            self.answer_paras.add(i)
            c = Cand("indirect", s, e, None, order=s, mode="interviewee", confidence=0.65)
            if guest is not None:
                c.mode, c.np = "np", guest
            c.speaker_mention_null = True
            self.cands.append(c)

    def _interview_over(self, i: int, last_question: int) -> bool:
        """A paragraph that is not an answer: a closing or heading line ("در ادامه می‌خوانید", a short line
        without final punctuation), or, after the last question's answer, a new attributed sentence in the
        third person ("فدراسیون … اعلام کرد که …", "به گزارش …")."""
        f = self.f
        a, b = self.paras[i]
        body = f[a:b].rstrip(" \u200c")
        if len(body) < 60 and body[-1:] not in ".!؟?…»\"":
            return True
        if i <= last_question + 1:
            return False  # the answer right after a question is one, whatever it reports
        first = self.sents[max(0, bisect.bisect_right(self.sent_starts, a) - 1)]
        end = min(b, first[1])
        if any(x < end for x, _, k in self.preps if x >= a):
            return True
        for c in self.cues_between(a, end):
            if c.first_person or c.passive:
                continue
            np_ = self.p.chunker.find_source(f, self.toks_in(a, c.start))
            if np_ is not None and np_.kind not in ("pronoun", "refl"):
                return True
        return False

    def _interviewee(self, first_question: int) -> NP | None:
        """The guest named in the interview's introduction ("گفت‌وگوی ما با X …", "با X گفت‌وگو کرده‌ایم")."""
        f = self.f
        for k in range(first_question - 1, max(-1, first_question - 4), -1):
            a, b = self.paras[k]
            if not INTERVIEW_RE.search(f, a, b):
                continue
            for m in re.finditer(r"(?<![\w\u200c])با[ \u200c]+", f[a:b]):
                toks = self.toks_in(a + m.end(), b)
                np_, _ = self.p.chunker.phrase_at(f, toks, 0) if toks else (None, 0)
                if np_ is not None and np_.kind not in ("pronoun", "refl"):
                    return np_
        return None

    def _has_speech_cue(self, a: int, b: int) -> bool:
        return any(not c.first_person for c in self.cues_between(a, b))

    # headlines "X: content" ------------------------------------------------------------------------
    def headlines(self) -> None:
        f = self.f
        for pi, (a, b) in enumerate(self.paras):
            if pi in self.embedded_paras or pi in self.answer_paras:
                continue
            seg_start = a
            semi = f.rfind("؛", a, b)
            colon = f.find(":", a, b)
            if colon < 0:
                continue
            if 0 <= semi < colon:
                seg_start = semi + 1
            head_s, head_e = trim(f, seg_start, colon)
            if head_e <= head_s:
                continue
            head = f[head_s:head_e]
            words = head.split()
            if not (1 <= len(words) <= 9) or any(c.start < colon and c.end > seg_start for c in self.cues):
                continue
            if words[0] in HEAD_STOP or any(p[0] < colon and p[1] > seg_start for p in self.preps):
                continue
            body_s, body_e = clause_span(f, colon + 1, b)
            if len(f[body_s:body_e].split()) < 3 or self._ends_sentence_early(body_s, body_e):
                continue
            if f[b - 1] in "؟?" or words[0] in INTERVIEWER_LABELS:
                continue  # a journalist's question, or the interviewer's label: not a quote (§1.4)
            htoks = self.toks_in(head_s, head_e)
            if not htoks:
                continue
            np_, j = self.p.chunker.phrase_at(f, htoks, 0)
            # "X در گفت‌وگو با ما: …": the speaker, then the occasion
            framed = np_ is not None and j < len(htoks) and self.lx.function_words.get(htoks[j].text) == "prep" \
                and np_.kind in ("title", "name", "org", "outlet", "group", "state")
            if np_ is None or (j < len(htoks) and not framed) or np_.kind in ("pronoun", "refl", "dem", "indef") \
                    or (not framed and len(words) > 5):
                continue
            weak = False
            answer = pi > 0 and self._after_question(pi)
            if not (np_.kind in ("outlet", "marked", "org", "state", "title", "group")
                    or np_.etype in ("person", "media") or f[head_s:head_e] in self.known_names):
                if np_.kind != "name" or (pi > 1 and not answer):
                    continue
                # "گاتزو: …": kept only if the body quotes the same name (see run()); a label right after a
                # question line names the answerer
                weak = not answer
            self.headline_paras.add(pi)
            if f[body_s] in "«\"“":
                continue  # a marked body is handled as a direct quote
            if np_.kind == "marked":
                self.claimed_pairs.add(np_.start)
            # a headline's speaker is not yet the current speaker of the body; an answerer's label is
            c = Cand("indirect", body_s, body_e, None, order=head_s, np=np_, confidence=0.7, embedded=not answer)
            if weak:
                c.tags.add("weak_headline")
                c.confidence = 0.5
            self.cands.append(c)

    def _after_question(self, pi: int) -> bool:
        """The paragraph follows a question line: a "X: …" label there names the answerer."""
        if pi == 0:
            return False
        a, b = self.paras[pi - 1]
        return self.f[a:b].rstrip(" \u200c")[-1:] in ("؟", "?")

    def _ends_sentence_early(self, s: int, e: int) -> bool:
        """A headline is one unit: a body with several sentences is not a headline."""
        return len(sentences(self.f, s, e)) > 1

    # verb cues --------------------------------------------------------------------------------------
    def verb_cues(self) -> None:
        f = self.f
        prev_in_sent: dict[tuple[int, int], Cand] = {}
        for cue in self.cues:
            pi = self.para_index(cue.start)
            if pi in self.embedded_paras:
                continue
            container = self._first_person_container(cue) if cue.first_person and pi not in self.answer_paras \
                else None
            if self.inside_pair(cue.start) is not None and container is None:
                continue  # speech verbs inside a direct quote (mostly first person)
            if cue.first_person and pi not in self.answer_paras and container is None:
                continue  # first-person performative in the article's own voice
            if self._prep_use(cue) or self._in_anon(cue.start):
                continue
            sent = self.sent_of(cue.start)
            para = self.para_of(cue.start)
            if f[sent[1] - 1] in "؟?" and pi not in self.answer_paras:
                continue  # a journalist's question
            what, pos = after_cue(f, cue, sent[1], para[1])
            clause_start = self._clause_start(cue, sent)
            if what == "clause" and self._relative_clause_verb(cue, clause_start, sent):
                continue
            cand: Cand | None = None
            conf = 0.8
            if what == "colon":
                if pos >= para[1]:
                    self._line_final_colon(cue, pi, clause_start)
                    continue
                end = self._colon_end(pos, para[1])
                s, e = clause_span(f, pos, end)
                if e > s:
                    cand = Cand("indirect", s, e, (cue.start, cue.end), order=cue.start)
            elif what == "mark":
                pair = self.pair_at(pos)
                if pair is None:
                    continue
                rest = f[pair.outer_end:sent[1]].strip(" .،\u200c")
                more_cues = bool(self.cues_between(pair.outer_end, sent[1]))
                if not rest or more_cues or f[cue.end:pos].strip(" \u200c") == ":" or rest.startswith("«"):
                    # the whole reported clause is marked: direct (GUIDELINES §7); "verb: «…» «…»"
                    n_before = len(self.cands)
                    self._direct_run(pair, cue, para)
                    if len(self.cands) > n_before and self.cands[n_before].cue == (cue.start, cue.end):
                        prev_in_sent[sent] = self.cands[n_before]  # "تصریح کرد: «…» و افزود …" share a subject
                    continue
                s, e = clause_span(f, pos, sent[1])
                cand = Cand("indirect", s, e, (cue.start, cue.end), order=cue.start)
            elif what == "clause":
                s, e = clause_span(f, pos, self._clause_end(pos, sent[1]))
                if pi in self.answer_paras and cue.first_person:
                    semi = f.find("؛", s, e)
                    if semi > 0:
                        s, e = clause_span(f, s, semi)
                if e - s >= 3:
                    cand = Cand("indirect", s, e, (cue.start, cue.end), order=cue.start)
            else:
                if cue.kind == "characterize":
                    span = characterisation(f, self._object_start(clause_start, cue), cue)
                    if span and span[1] - span[0] >= 3:
                        cand = Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start)
                        conf = 0.7
                elif cue.lemma in PREDICATIVE and not cue.passive:
                    span = predicative(f, self._object_start(clause_start, cue), cue)
                    if span and span[1] - span[0] >= 3:
                        cand = Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start)
                        conf = 0.6
                elif cue.lemma in ("خبر",):
                    pair = self._pair_before(cue.start, clause_start)
                    if pair is not None:
                        self._direct(pair, cue, order=cue.start)
                        continue
                elif cue.kind == "speech" and not cue.passive:
                    span = self._preposed_clause(cue, clause_start, sent)
                    if span is not None:
                        cand = Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start)
                        conf = 0.6
                        clause_start = span[2]
            if cand is None:
                continue
            if cue.passive:
                if any(c.start <= cue.start < c.end for c in self.recent_cands(cue.start) if c.cue is not None):
                    continue  # an impersonal hedge inside someone's words
                cand.mode = "null"
                conf = 0.6
            if cue.kind == "document":
                m = DOC_RE.search(f, clause_start, cue.start)
                if m is None:
                    continue
                dt = self.toks_in(m.end(), cue.start)
                np_, _ = self.p.chunker.phrase_at(f, dt, 0) if dt else (None, 0)
                cand.np = np_ if np_ is not None and np_.kind != "dem" else None
                if cand.np is None and "این" in m.group():
                    cand.np = self._document_author(m)
                    cand.speaker_mention_null = cand.np is not None  # the author is named elsewhere
                cand.mode = "np" if cand.np is not None else ("last" if "این" in m.group() else "null")
                cand.confidence = 0.6
                cand.tags.add("document")
                self._mixed(cand)
                self.cands.append(cand)
                continue
            cand.tags.add(cue.kind)
            cand.tags.add("lemma:" + cue.lemma)
            if container is not None:
                # "X گفت: فکر می‌کنم …": a nested first-person attribution of the quoted speaker (§1.3, §7)
                cand.mode = "share"
                cand.share_with = container
                cand.speaker_mention_null = True
                cand.confidence = 0.6
                cand.start, cand.end = clause_span(f, max(cand.start, cue.end), min(cand.end, container.end))
                if cand.end - cand.start >= 3:
                    self.cands.append(cand)
                continue
            if cue.first_person and pi in self.answer_paras:
                cand.mode = "interviewee"
                cand.speaker_mention_null = True
                cand.confidence = conf
                self.cands.append(cand)
                continue
            if cue.kind == "characterize" and "عنوان" in f[cand.start:cand.end]:
                cand.tags.add("evaluative")
            cand.confidence = conf
            self._set_source(cand, cue, clause_start, sent, prev_in_sent)
            if cue.kind == "question" and self._framing_question(cand, cue, sent):
                continue
            self._mixed(cand)
            self.cands.append(cand)
            prev_in_sent[sent] = cand

    def _first_person_container(self, cue: Cue) -> Cand | None:
        """The unmarked quote of a speaker that a first-person cue ("معتقدم", "فکر می‌کنم") lies inside. Not a
        direct quote: a speaker's own marked words are one quote (the dev annotation keeps them whole)."""
        if cue.kind != "belief" and not re.match(r"[ \u200c]*(?:که(?![\w\u200c])|:)", self.f[cue.end:cue.end + 6]):
            return None  # "هرچه پیام دادم …": a first-person speech act, not a report, unless a clause follows
        best = None
        for c in self.recent_cands(cue.start):
            if c.start <= cue.start and cue.end < c.end and c.mode != "null" and c.kind != "direct" \
                    and (best is None or c.start > best.start):
                best = c
        return best

    def _object_start(self, clause_start: int, cue: Cue) -> int:
        """Where the object phrase of a characterisation can start: after the subject and framing."""
        f = self.f
        start = self._clause_start_plain(self.sent_of(cue.start), cue.start)
        start = max(start, clause_start)
        toks = self.toks_in(start, cue.start)
        # an agentless passive ("از X به عنوان Y یاد می‌شود") has no subject to skip
        np_ = None if cue.passive else self.p.chunker.find_source(f, toks)
        if np_ is not None:
            start = np_.end
        comma = max(f.rfind("،", start, cue.start), f.rfind(",", start, cue.start))
        ra = f.rfind(" را", start, cue.start)
        if np_ is not None and ra > start and comma < start:
            start = self._skip_framing(start, ra)
        if 0 <= comma < ra:
            start = comma + 1
            if np_ is not None:
                start = self._skip_framing(start, ra)
        # a coordinated earlier predicate: "X را تکذیب کرد و آن را «شایعه» خواند"
        for m in re.finditer(r"(?<![\w\u200c])(?:کرد|کردند|کرده|شد|شدند|داد|دادند|است|بود)[ \u200c]+و[ \u200c]+",
                             f[start:max(start, ra)]):
            start = start + m.end()
        rest = self.toks_in(start, cue.start)
        if rest and self.lx.function_words.get(rest[0].text) == "prep":
            for t in rest:
                if t.start >= ra:
                    break
                if t.text in ("این", "آن", "همین", "همان"):
                    return t.start
        return start

    def _has_verb(self, toks: list[Tok]) -> bool:
        """Whether a token run holds a finite verb (a cue, an auxiliary, a می-form)."""
        if toks and self.cues_between(toks[0].start, toks[-1].end):
            return True
        return any(t.text in VERBISH or t.text.startswith(("می\u200c", "نمی\u200c")) for t in toks)

    def _relative_clause_verb(self, cue: Cue, clause_start: int, sent: tuple[int, int]) -> bool:
        """A cue that closes a relative clause on the subject ("X که … هشدار داده بود، افزود …"): a comma
        right after it, a که before it and another cue later in the sentence."""
        f = self.f
        before = self.toks_in(clause_start, cue.start)
        ke = next((t for t in reversed(before) if t.text == "که"), None)
        if ke is None or self.cues_between(clause_start, ke.start):
            return False  # no relative که, or a که that introduces a cue's content
        for c in self.cues_between(cue.end, sent[1]):
            if c.first_person or c.passive:
                continue
            comma = max(f.rfind("،", cue.end, c.start), f.rfind(",", cue.end, c.start))
            # the relative clause closes with a comma a few words before the main cue ("…، به ما گفت")
            return comma >= 0 and len(self.toks_in(comma + 1, c.start)) <= 3
        return False

    def _framing_question(self, cand: Cand, cue: Cue, sent: tuple[int, int]) -> bool:
        """A journalist's question (GUIDELINES §1.4) is not a quote: a yes/no question (آیا …) asked by a
        reporter, asked of the speaker in the passive ("از او پرسیده شد که آیا …"), or framing the answer
        that another cue of the same sentence introduces ("… که پرسید آیا …، گفت: …")."""
        f = self.f
        if not f.startswith("آیا", cand.start):
            return False
        if cue.passive or cand.np is None:
            return True
        if "خبرنگار" in f[cand.np.start:cand.np.end]:
            return True
        return any(not c.first_person for c in self.cues_between(cand.end, sent[1]))

    def _preposed_clause(self, cue: Cue, clause_start: int, sent: tuple[int, int]) -> tuple[int, int, int] | None:
        """"قیمت‌ها ثابت می‌ماند، وزیر صنعت روز دوشنبه گفت.": an unmarked clause before a sentence-final cue,
        with the source between its comma and the cue. Returns (start, end, where the source region starts)."""
        f = self.f
        if f[cue.end:sent[1]].strip(" .!\u200c"):
            return None  # the cue must end the sentence
        comma = max(f.rfind("،", clause_start, cue.start), f.rfind(",", clause_start, cue.start))
        if comma <= clause_start:
            return None
        src = self.toks_in(comma + 1, cue.start)
        np_ = self.p.chunker.find_source(f, src) if 0 < len(src) <= 8 else None
        if np_ is None or np_.kind == "refl":
            return None
        s, e = clause_span(f, clause_start, comma)
        body = self.toks_in(s, e)
        if len(body) < 3 or (not self._has_verb(body) and not re.search(r"(?:د|ند|است)$", f[s:e])):
            return None
        if self.lx.function_words.get(body[0].text) is not None:
            return None  # framing ("پس از پایان جلسه که …، وزیر سخن گفت"), not reported content
        if self.cues_between(s, e) or any(s <= a < e for a, _, _ in self.preps) or self.pairs_between(s, e):
            return None
        return s, e, comma + 1

    def _skip_framing(self, start: int, ra: int) -> int:
        """Past time adverbials and prepositional phrases between a subject and its را-object
        ("وزیر اقتصاد روز دوشنبه در جمع خبرنگاران | کاهش ارزش پول را …"). "از" is not skipped: it may
        open the object of "از X به عنوان Y یاد کرد"."""
        ch = self.p.chunker
        toks = self.toks_in(start, ra + 3)  # with the را: a content noun before it ends the phrase
        i, n = 0, len(toks) - 1
        while i < n:
            t = toks[i]
            c = ch.fw(t)
            if c in ("time", "adv") or (c == "conj" and t.text != "و") or t.text[:1].isdigit():
                i += 1
                continue
            if c == "prep" and t.text != "از" and i + 1 < n:
                k = i + 1
                while k < n and ch.fw(toks[k]) in ("prep", "dem"):
                    k += 1
                if k >= n or (ch.is_stop(toks[k]) and ch.fw(toks[k]) != "time"):
                    break
                k = ch.extend(toks, k, title=False, limit=4)
                if k >= n:
                    break
                i = k
                continue
            break
        return toks[i].start if 0 < i < n else start

    def _clause_end(self, pos: int, end: int) -> int:
        """An unmarked clause ends at a comma that a later attribution of the sentence follows."""
        f = self.f
        # the narrative resumes: "…؛ اما …", or "…، اما جزئیات بیشتری ارائه نکرد" (the speaker's own act)
        m = CONTRAST_RE.search(f, pos, end)
        if m is not None and (f[m.start()] == "؛" or NEG_PAST_END_RE.search(f[m.end():end].rstrip(" .!\u200c"))):
            return m.start()
        for c in self.cues_between(pos, end):
            if c.first_person or c.passive:
                continue
            nxt = f[c.end:c.end + 3].lstrip(" \u200c")
            # a coordinated cue of the same subject: "… خواست … و یادآور شد که …"
            m = CONJ_BEFORE_CUE.search(f, max(pos, c.start - 24), c.start)
            if m is None and c.kind == "request":
                m = CONJ_ADDRESSEE_BEFORE_CUE.search(f, max(pos, c.start - 50), c.start)
            if m and m.start() > pos and (nxt.startswith((":", "که", "«")) or c.kind == "request"):
                return m.start()
            if not nxt.startswith((":", "که")):
                continue
            comma = f.rfind("،", pos, c.start)
            if comma > pos and not self.cues_between(comma, c.start)[:-1]:
                return comma
        return end

    def _in_anon(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.anon_spans)

    def _prep_use(self, cue: Cue) -> bool:
        """گفته/نوشته/گزارش/اعلام as part of a prepositional phrase (به گفته، طبق اعلام …)."""
        return any(a <= cue.start < b for a, b, _ in self.preps)

    def _clause_start(self, cue: Cue, sent: tuple[int, int]) -> int:
        # inside another candidate's content (a nested attribution): start of that content
        best = sent[0]
        for c in self.recent_cands(cue.start):
            if c.start < cue.start < c.end and c.cue is not None and c.start > best:
                best = c.start
        # after a direct quote that the cue follows: «…»، وی گفت
        for p in self.pairs_between(best, cue.start):
            if best <= p.open and p.outer_end <= cue.start and p.closed and self._closes_clause(p) \
                    and len(self.f[p.open:p.close].split()) >= 3 \
                    and not self.p.terms.is_term(self.f, p, self.known_names):
                best = max(best, p.outer_end)
        return best

    def _closes_clause(self, p: MarkPair) -> bool:
        """A marked passage that ends its clause: a comma, semicolon or period after the closing mark, or
        sentence-final punctuation inside it ("«…»، X گفت" / "«…»؛ این را X گفت" / "«… .» X در ادامه گفت"): a cue
        right after it is its cue."""
        if re.match(r"[ \u200c]*[.،,؛]", self.f[p.outer_end:p.outer_end + 3]):
            return True
        return p.closed and self.f[p.open + 1:p.close].rstrip()[-1:] in (".", "!", "؟", "?")

    def lead_end(self) -> int | None:
        """End of the lead: the first paragraph, or the second when the first is a headline."""
        if not self.paras:
            return None
        a, b = self.paras[0]
        if len(self.paras) > 1 and b - a < 120 and self.f[b - 1] not in ".!؟?":
            return self.paras[1][1]
        return b

    def antecedent(self, pos: int, head: list[str] | None = None) -> NP | None:
        """A source phrase before `pos` for a pronoun (a sentence subject) or a demonstrative (its head noun)."""
        f = self.f
        if head:
            word = head[0]
            k = f.rfind(word, 0, pos)
            while k >= 0:
                toks = self.toks_in(k, min(len(f), k + 80))
                if re.search(r"(?<![\w\u200c])(?:این|آن|همین|همان)[ \u200c]+$", f[max(0, k - 6):k]):
                    pass  # itself a demonstrative reference ("پژوهشگران این دانشگاه"): look further back
                elif toks and toks[0].start == k:
                    np_, _ = self.p.chunker.phrase_at(f, toks, 0)
                    if np_ is not None and np_.kind in ("outlet", "org", "group", "title", "state"):
                        return np_
                k = f.rfind(word, 0, k)
            return None
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        for s, e in reversed(self.sents[max(0, i - 6):i + 1]):
            end = min(e, pos)
            toks = self.toks_in(s, end)[:20]
            for a, b, kind in self.preps:
                if s <= a < end and kind == "conduit" and toks and a - s < 3:
                    toks = self.toks_in(self._skip_relay(b, end), end)[:20]
            asked = self._asked(s, end)
            if asked is not None:
                return asked  # "خبرنگاری از رئیس پلیس پرسید … . او گفت": the one asked answers
            np_ = self.p.chunker.find_source(f, toks)
            if np_ is not None and np_.start < pos and (np_.kind in ("title", "marked") or (
                    np_.kind == "name" and np_.etype != "unknown")):
                return np_
        return None

    def _document_author(self, m: re.Match[str]) -> NP | None:
        """"در این بیانیه آمده است": the subject of the sentence that introduced the document
        ("باشگاه استقلال با انتشار بیانیه‌ای …")."""
        f = self.f
        noun = m.group().split()[-1].split("\u200c")[0]
        i = bisect.bisect_right(self.sent_starts, m.start()) - 1
        for s, e in reversed(self.sents[max(0, i - 3):i]):
            k = f.find(noun, s, e)
            if k < 0:
                continue
            np_ = self.p.chunker.find_source(f, self.toks_in(s, k))
            if np_ is not None and np_.kind in ("org", "outlet", "name", "title", "state", "group", "marked"):
                return np_
            return None
        return None

    def fuller_name(self, surname: str, taken: set[tuple[int, int]]) -> tuple[tuple[int, int],
                                                                              tuple[int, int] | None] | None:
        """A fuller form of a surname-only speaker given elsewhere ("غلامحسین محسنی اژه‌ای، رئیس قوه قضاییه،"):
        first name(s) right before the surname, and the appositive title after it, if any."""
        f = self.f
        ch = self.p.chunker
        for m in re.finditer(r"(?<![\w\u200c])" + re.escape(surname) + r"(?![\w\u200c])", f):
            if (m.start(), m.end()) in taken:
                continue
            before = self.toks_in(max(0, m.start() - 60), m.start())[-3:]
            k = None
            for x in range(len(before) - 1, -1, -1):
                t = before[x]
                if ch.is_stop(t) or t.text in self.lx.content_nouns or ch.is_title_start(before, x) \
                        or t.text in self.lx.honorifics:
                    break
                if t.text in self.lx.first_names:
                    k = x
            if k is None:
                continue
            name = (before[k].start, m.end())
            title = None
            after = self.toks_in(m.end(), min(len(f), m.end() + 120))
            if after and after[0].text in ("،", ",") and len(after) > 1 and ch.is_title_start(after, 1):
                e = ch.extend(after, 1, title=True)
                title = (after[1].start, after[e - 1].end)
            return name, title
        return None

    def _asked(self, s: int, e: int) -> NP | None:
        """The person a question of this sentence was put to ("از X پرسید", "از X سؤال کرد"), or the one
        interviewed in it ("با X گفت‌وگو کرد": the interviewer, reporter or outlet is never the one who then
        speaks)."""
        f = self.f
        m = INTERVIEWED_RE.search(f, s, e)
        if m is not None:
            toks = self.toks_in(m.end(), e)
            np_, _ = self.p.chunker.phrase_at(f, toks, 0) if toks else (None, 0)
            if np_ is not None and np_.kind in ("name", "title", "org", "state", "indef", "dem") \
                    and INTERVIEW_RE.search(f, np_.end, e):
                return np_
        for c in self.cues_between(s, e):
            if c.kind != "question":
                continue
            toks = self.toks_in(s, c.start)
            for k in range(len(toks) - 1, -1, -1):
                if toks[k].text == "از":
                    np_, _ = self.p.chunker.phrase_at(f, toks, k + 1) if k + 1 < len(toks) else (None, 0)
                    if np_ is not None and (np_.kind == "title" or np_.etype == "person"):
                        return np_
                    break
        return None

    def _skip_relay(self, pos: int, limit: int) -> int:
        """Past a relay's source (and a chained "و به نقل از Y") and its comma/colon."""
        f = self.f
        comma = f.find("،", pos, limit)
        if 0 <= comma - pos <= 60 and not self.cues_between(pos, comma):
            return comma + 1
        toks = self.toks_in(pos, limit)
        if toks:
            np_, j = self.p.chunker.phrase_at(f, toks, 0)
            end = toks[j - 1].end if np_ is not None and j > 0 else pos
            if comma >= 0 and f[end:comma].strip(" \u200c") == "":
                return comma + 1
            m = re.match(r"[ \u200c]*(?:[:،,]|و[ \u200c]+به[ \u200c]+نقل[ \u200c]+از)?", f[end:limit])
            if m and "نقل" in m.group():
                return self._skip_relay(end + m.end(), limit)
            return end + (m.end() if m else 0)
        return comma + 1 if comma >= 0 else pos

    def _colon_end(self, pos: int, para_end: int) -> int:
        """Colon speech runs to the paragraph end or to the next sentence with its own attribution."""
        for s, e in self.sents:
            if s <= pos or s >= para_end:
                continue
            if any(not c.first_person and not c.passive for c in self.cues_between(s, e)) \
                    or any(s <= a < e and k == "cue" for a, _, k in self.preps):
                return s
        return para_end

    def _line_final_colon(self, cue: Cue, pi: int, clause_start: int) -> None:
        """"… نوشت:" at a line end: the following line(s) are the quote, one quote per line."""
        f = self.f
        blank_sep = "\n\n" in f
        k = pi + 1
        first = True
        while k < len(self.paras):
            a, b = self.paras[k]
            if not first and ("\n\n" in f[self.paras[k - 1][1]:a] or f[a] == "*"):
                break
            if not first and not blank_sep and not self._post_line(a, b):
                break
            if f[a] == "*" or CREDIT_RE.match(f[a:b]) or k in self.embedded_paras:
                break  # an embedded post below the line is quoted through its byline
            s, e = clause_span(f, a, b)
            if e - s >= 3:
                c = Cand("indirect", s, e, (cue.start, cue.end), order=cue.start + (k - pi) * 1e-3,
                         confidence=0.6)
                sent = self.sent_of(cue.start)
                self._set_source(c, cue, clause_start, sent, {})
                if not first:
                    c.speaker_mention_null = False
                self._mixed(c)
                self.cands.append(c)
            first = False
            k += 1

    def _post_line(self, a: int, b: int) -> bool:
        """In text without blank lines, whether a line after "… نوشت:" still belongs to the post (GUIDELINES
        §7: each following line is a quote) rather than to the article: the article resumes with a line
        that has its own attribution, refers back to the post, is a relay or is long narrative."""
        f = self.f
        if b - a > 400 or (no_first_person(f, a, b) and self._has_speech_cue(a, b)):
            return False
        if any(a <= x < b for x, _, _ in self.preps) or POST_BACKREF_RE.search(f, a, b):
            return False
        return len(self.pairs_between(a, b)) == 0 or f[a] in "«\"“"

    def _pair_before(self, pos: int, start: int) -> MarkPair | None:
        for p in self.pairs_between(start, pos):
            if start <= p.open and p.outer_end <= pos and not self.f[p.outer_end:pos].strip(" \u200c"):
                return p
        return None

    def _direct_run(self, pair: MarkPair, cue: Cue, para: tuple[int, int]) -> None:
        """A cue introducing one or several marked passages in a row: each is a direct quote."""
        p: MarkPair | None = pair
        first = True
        while p is not None:
            self._direct(p, cue, order=cue.start + (0 if first else (p.open - cue.start) * 1e-6))
            first = False
            nxt = next((q for q in self.para_pairs(p.open) if q.open >= p.outer_end and q.open < para[1]), None)
            if nxt is None or self.f[p.outer_end:nxt.open].strip(" .،\u200c\n"):
                break
            p = nxt

    def _direct(self, pair: MarkPair, cue: Cue | None, *, order: float, np_: NP | None = None,
                mode: str = "np") -> Cand | None:
        f = self.f
        if pair.open in self.claimed_pairs:
            return None
        a, b = pair.inner
        s, e = trim(f, a, b)
        if e - s < 2:
            return None
        c = Cand("direct", s, e, (cue.start, cue.end) if cue else None, order=order, np=np_, mode=mode,
                 confidence=0.9 if cue else 0.55)
        if cue is not None and np_ is None and mode == "np":
            sent = self.sent_of(cue.start)
            self._set_source(c, cue, self._clause_start(cue, sent), sent, {})
        self.claimed_pairs.add(pair.open)
        self.cands.append(c)
        return c

    def _set_source(self, cand: Cand, cue: Cue, clause_start: int, sent: tuple[int, int],
                    prev_in_sent: dict[tuple[int, int], Cand]) -> None:
        f = self.f
        region_s = max(clause_start, self.dateline_end) if clause_start < self.dateline_end else clause_start
        # skip relays at the clause start: "به گزارش X،", "براساس این گزارش،", "به گزارش X به نقل از Y"
        for a, b, kind in self.preps:
            if region_s <= a < cue.start and (kind == "conduit" or f[a:b].replace("\u200c", " ") == "به نقل از"):
                after = self._skip_relay(b, cue.start)
                if kind == "conduit" or self.p.chunker.find_source(f, self.toks_in(after, cue.start)):
                    region_s = max(region_s, after)
                    continue
                # "X به نقل از Y گزارش داد": the quote belongs to Y with the cue "به نقل از"
                ytoks = self.toks_in(b, cue.start)
                np_, _ = self.p.chunker.phrase_at(f, ytoks, 0) if ytoks else (None, 0)
                if np_ is not None:
                    cand.np = np_
                    cand.cue = (a, b)
                    return
        toks = self.toks_in(region_s, cue.start)
        if self.anon_spans:
            toks = [t for t in toks if not self._in_anon(t.start)]
        # a passive that names a document goes to the document's author
        if cue.passive:
            m = DOC_RE.search(f, region_s, cue.start)
            if m:
                dt = self.toks_in(m.end(), cue.start)
                np_, _ = self.p.chunker.phrase_at(f, dt, 0) if dt else (None, 0)
                if np_ is not None and np_.kind in ("org", "state", "outlet", "name", "marked", "title"):
                    cand.mode = "np"
                    cand.np = np_
            return
        # coordinated verbs share one subject: "… دانست و اطمینان داد …"
        prev = prev_in_sent.get(sent)
        if prev is not None and prev.cue is not None and prev.cue[1] <= cue.start:
            between = self.toks_in(max(prev.cue[1], prev.end if prev.end <= cue.start else prev.cue[1]),
                                   cue.start)
            while between and between[0].text in ("»", "”", '"', ".", "،"):
                between = between[1:]  # the closing mark of the first (direct) quote
            if between and between[0].text == "و" and self.p.chunker.find_source(f, between[1:]) is None:
                cand.mode = "share"
                cand.share_with = prev
                return
        # the subject right after the last complementiser (nested: "… که وی پاسخ داد"), or the head of a
        # relative clause whose verb is the cue ("یک رسانه را که نوشته «…»")
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].text == "که":
                sub = toks[k + 1:]
                last_comma = max((x for x, t in enumerate(sub) if t.text in ("،", ",")), default=-1)
                if last_comma >= 0 and len(sub) - last_comma <= 4 and self._has_verb(sub[:last_comma]) \
                        and not self.cues_between(toks[0].start, toks[k].start):
                    toks = toks[:k]  # "یک متخصص … که X از او دعوت کرده بود، گفت": a relative clause
                    break
                if last_comma < 0 and len(sub) >= 2 and self._has_verb(sub[-1:]) and k > 0 \
                        and not self.cues_between(toks[0].start, toks[k].start) \
                        and self.p.chunker.find_source(f, toks[:k]) is not None:
                    toks = toks[:k]  # "هواوی که دفتر مرکزی آن در شنژن است اعلام کرد": no comma before the cue
                    break
                if sub and sub[0].text == "آیا":
                    toks = toks[:k]  # "در پاسخ به این سوال که آیا …، گفت": the subject precedes the question
                    break
                if any(t.text in ("-", "–", "—") for t in sub):
                    break  # a parenthetical relative clause "X - که … - گفت"
                if sub:
                    np_ = self.p.chunker.find_source(f, sub)
                    if np_ is not None and not (np_.kind == "name" and np_.etype == "unknown"):
                        cand.np = np_
                        return
                else:
                    head = toks[:k]
                    if head and head[-1].text == "را":
                        head = head[:-1]
                    for h in range(max(0, len(head) - 6), len(head)):
                        np_, j = self.p.chunker.phrase_at(f, head, h)
                        if np_ is not None and j == len(head) and np_.kind in ("indef", "outlet", "dem", "group"):
                            cand.np = np_
                            return
                break
        np_ = self.p.chunker.find_source(f, toks)
        if np_ is None:
            cand.mode = "last"
        cand.np = np_

    def _cue_right_before(self, pos: int) -> bool:
        gap = re.search(r"[ \u200c]*(?:[:،,][ \u200c]*|که[ \u200c]+)?$", self.f[max(0, pos - 8):pos])
        end = pos - (gap.end() - gap.start() if gap else 0)
        return any(c.end == end for c in self.cues_between(max(0, end - 40), end))

    def _mixed(self, cand: Cand) -> None:
        """Marked wording inside an indirect clause makes it mixed (names and terms do not)."""
        f = self.f
        for p in self.pairs_between(cand.start, cand.end + 1):
            if cand.start <= p.open and p.close <= cand.end + 1:
                if self.p.terms.is_term(f, p, self.known_names):
                    continue
                if p.open > cand.start and self._cue_right_before(p.open):
                    continue  # a nested direct quote with its own cue ("… می‌نوشت: «…»"), not a fragment
                cand.kind = "mixed"
                self.claimed_pairs.add(p.open)
                if p.closed and p.close == cand.end:
                    cand.end = p.close + 1  # the span ends with the marked fragment: keep its closing mark

    # prepositional cues --------------------------------------------------------------------------------
    def prep_cues(self) -> None:
        f = self.f
        for a, b, kind in self.preps:
            pi = self.para_index(a)
            if pi in self.embedded_paras or self.inside_pair(a) is not None:
                continue
            sent = self.sent_of(a)
            ytoks = self.toks_in(b, sent[1])
            if not ytoks:
                continue
            np_, j = self.p.chunker.phrase_at(f, ytoks, 0)
            if np_ is None:
                continue
            if np_.kind == "pronoun" and f[np_.head[0]:np_.head[1]] in ("من", "ما"):
                continue
            if kind == "view" and ((np_.kind == "name" and np_.etype == "unknown")
                                   or np_.kind not in ("name", "title", "org", "outlet", "group", "state",
                                                       "pronoun", "dem", "indef", "marked")):
                continue  # "از نظر اقتصادی،": a respect, not a source
            comma_k = next((k for k in range(j) if ytoks[k].text in ("،", ",")), None)
            closed = j < len(ytoks) and ytoks[j].text in ("،", ",")  # "X، سخنگوی دولت، …": an appositive
            if comma_k is not None and np_.head[1] <= ytoks[comma_k].start and not closed:
                # "به گزارش خبرگزاری فرانسه، رئیس‌جمهور …": the source ends at the comma, no appositive after it
                if np_.title is not None and np_.title[0] > ytoks[comma_k].start:
                    np_.title = None
                np_.end = ytoks[comma_k - 1].end
                j = comma_k
            phrase = f[a:b].replace("\u200c", " ")
            src_end = ytoks[j - 1].end
            j = self._source_to_comma(np_, ytoks, j)
            src_end = ytoks[j - 1].end
            # content: after the source (and a comma, and a chained relay "و به نقل از Z،")
            q = src_end
            comma = None
            m = re.match(r"[ \u200c]*(?:\([^)]*\))?[ \u200c]*،", f[q:sent[1]])
            if m:
                comma = q + m.end()
                q = comma
            # an agentless passive inside the relayed text ("… و اعلام شد که …") is part of the outlet's report
            if kind == "view" and comma is None:
                continue  # "از دید X مخفی نماند", "-به زعم او-": a point of view needs its comma
            rest_cues = [c for c in self.cues_between(q, sent[1]) if not c.first_person and not c.passive]
            if kind == "conduit" or phrase == "به نقل از":
                # a relay whose content is someone's speech report gets nothing (§1.8)
                if rest_cues or any(q <= x < sent[1] for x, _, _ in self.preps if x != a):
                    continue
                if phrase == "به نقل از" and not comma:
                    continue
                if kind == "conduit":
                    name = f[np_.head[0]:np_.head[1]].strip("«»\" ")
                    if self._is_publisher(name, a, b):
                        continue
                    if comma is None:
                        continue
            elif comma is None and j < len(ytoks) and ytoks[j].text in ("،", ","):
                q = ytoks[j].end
            elif comma is None and j < len(ytoks) and self.lx.function_words.get(ytoks[j].text) == "prep":
                # framing between the source and its comma: "به گفته X در این باره، …"
                k = next((k for k in range(j, min(len(ytoks), j + 5)) if ytoks[k].text in ("،", ",")), None)
                if k is not None and not self._has_verb(ytoks[j:k]):
                    q = ytoks[k].end
            s, e = clause_span(f, q, sent[1])
            if e - s < 5:
                continue
            c = Cand("indirect", s, e, (a, b), order=a, np=np_, confidence=0.75)
            if np_.kind == "refl":
                c.np = np_
            self._mixed(c)
            self.cands.append(c)

    def _source_to_comma(self, np_: NP, ytoks: list[Tok], j: int) -> int:
        """A prepositional cue's source runs to its comma when only name words lie between
        ("طبق اعلام روابط عمومی دانشگاه تهران،", "به نوشته نشریه Nature Water،"): the whole phrase is the
        source, nothing of it leaks into the quote."""
        ch = self.p.chunker
        k = j
        while k < len(ytoks) and k - j < 6:
            t = ytoks[k]
            if t.text in ("،", ","):
                break
            if ch.fw(t) is not None or t.text in VERBISH or t.text in self.lx.pronouns or t.text[:1].isdigit() \
                    or t.text in PUNCT_NAME_STOP or t.text.startswith(("می\u200c", "نمی\u200c")):
                return j
            k += 1
        if k == j or k >= len(ytoks) or ytoks[k].text not in ("،", ",") or np_.kind in ("pronoun", "refl"):
            return j
        if self.cues_between(ytoks[j].start, ytoks[k].start):
            return j
        end = ytoks[k - 1].end
        if np_.name is not None and np_.head == np_.name and np_.title is None:
            np_.name = (np_.name[0], end)
        if np_.title is not None and np_.head == np_.title:
            np_.title = (np_.title[0], end)
        np_.head = (np_.head[0], end)
        np_.end = end
        return k

    def _is_publisher(self, name: str, pos: int, after: int) -> bool:
        """Self-attribution (§1.8.1): the outlet named in meta.url/source; the publisher's own reporter or desk
        ("به گزارش خبرنگار/گروه … X"); without meta, the article's first relay when it opens one of the first
        two paragraphs, and every later relay naming that same outlet. Any other outlet is another outlet."""
        if self._same_outlet(name, self.publisher):
            return True
        if SELF_DESK_RE.match(self.f, after):
            return True
        if self.publisher:
            return False
        first = self._first_relay()
        if first is None:
            return False
        if first[0] == pos:
            return True
        return self._same_outlet(name, {first[1]})

    @staticmethod
    def _same_outlet(name: str, names: set[str]) -> bool:
        name = name.replace("\u200c", " ")
        return name in names or any(name.endswith(" " + p) or p.endswith(" " + name) for p in names)

    def _foreign(self, name: str) -> bool:
        """An outlet with no Persian edition ("رویترز", "خبرگزاری فرانسه"): never the publisher."""
        words = name.split()
        return name in self.lx.foreign_outlets or (len(words) > 1 and " ".join(words[1:]) in self.lx.foreign_outlets)

    def _first_relay(self) -> tuple[int, str] | None:
        """The article's first outlet relay when it is the dateline of the lead: at the start of one of the first
        two paragraphs (after an optional "تهران -" dateline), before any other relay."""
        if not hasattr(self, "_first_relay_v"):
            self._first_relay_v: tuple[int, str] | None = None
            first = next(((a, b) for a, b, k in self.preps if k == "conduit"), None)
            if first is not None:
                a, b = first
                pa = self.para_of(a)[0]
                if self.para_index(a) <= 1 and (a - pa < 3 or DATELINE_RE.fullmatch(self.f, pa, a)):
                    ytoks = self.toks_in(b, self.sent_of(a)[1])
                    np_, _ = self.p.chunker.phrase_at(self.f, ytoks, 0) if ytoks else (None, 0)
                    name = self.f[np_.head[0]:np_.head[1]].strip("«»\" ") if np_ is not None else ""
                    if not self._foreign(name):
                        self._first_relay_v = (a, name.replace("\u200c", " "))
        return self._first_relay_v

    # marks not yet used --------------------------------------------------------------------------------
    def cands_in_para(self, pos: int) -> list[Cand]:
        if not hasattr(self, "_cand_index"):
            idx: dict[int, list[Cand]] = {}
            for c in self.cands:
                idx.setdefault(self.para_index(c.start), []).append(c)
            self._cand_index = idx
        return self._cand_index.get(self.para_index(pos), [])

    def _covered(self, pos: int) -> bool:
        """Whether a candidate made before direct_marks() covers `pos` (sorted starts + running max end)."""
        if not hasattr(self, "_cov_starts"):
            spans = sorted((c.start, c.end) for c in self.cands)
            self._cov_starts = [a for a, _ in spans]
            run, ends = -1, []
            for _, b in spans:
                run = max(run, b)
                ends.append(run)
            self._cov_ends = ends
        i = bisect.bisect_right(self._cov_starts, pos) - 1
        return i >= 0 and self._cov_ends[i] > pos

    def _continuing_speaker(self, p: MarkPair) -> NP | None:
        """A paragraph that is one marked passage, followed by a paragraph whose first sentence continues
        someone's speech ("X در ادامه گفت", "X همچنین افزود", "X ادامه داد"): X said the passage too."""
        f = self.f
        pi = self.para_index(p.open)
        a, b = self.paras[pi]
        if pi + 1 >= len(self.paras) or f[a:p.open].strip() or f[p.outer_end:b].strip(" .\u200c"):
            return None
        na, nb = self.paras[pi + 1]
        first = self.sent_of(na)
        for cue in self.cues_between(na, min(nb, first[1])):
            if cue.first_person or cue.passive:
                continue
            before = f[na:cue.start]
            if not (CONTINUATION_RE.search(before) or cue.lemma in ("افزود", "ادامه")) \
                    or re.search(r"(?<![\w\u200c])نیز(?![\w\u200c])", before):
                return None  # "X نیز گفت": another speaker
            toks = self.toks_in(na, cue.start)
            np_ = self.p.chunker.find_source(f, toks[:12]) if toks else None
            return np_ if np_ is not None and np_.kind not in ("pronoun", "refl") else None
        return None

    def direct_marks(self) -> None:
        f = self.f
        for p in self.pairs:
            if p.open in self.claimed_pairs or self.para_index(p.open) in self.embedded_paras:
                continue
            if self.p.terms.is_term(f, p, self.known_names):
                continue
            # inside an indirect candidate: wording that makes it mixed was handled there
            if self._covered(p.open):
                continue
            # a cue after the passage: «…»، وی گفت / «…»، X با … گفت
            sent = self.sent_of(p.outer_end if p.closed else p.open)
            para = self.para_of(p.open)
            after = [c for c in self.cues_between(p.outer_end, min(para[1], p.outer_end + 300))
                     if not c.first_person]
            if after and self._closes_clause(p):
                cue = after[0]
                toks = self.toks_in(p.outer_end, cue.start)
                if any(t.text == "نیز" for t in toks):
                    toks = []  # "«…». X نیز گفت": X is another speaker, the passage is the previous one's
                gap = f[p.outer_end:cue.start].lstrip(" \u200c.،,")
                if 0 < len(toks) <= 25 and not re.search(r"[.!؟?]", gap):
                    # the subject opens the gap; adverbials and the occasion may follow it at length
                    np_ = self.p.chunker.find_source(f, toks[:12])
                    c = self._direct(p, cue, order=cue.start - 0.5, np_=np_, mode="np" if np_ else "last")
                    if c is not None:
                        c.confidence = 0.8
                    continue
            # a headline with a marked body, or a passage that reads like a statement: last speaker, or the
            # subject of a continuation in the next paragraph ("«…»" / "X در ادامه گفت …")
            if self.p.terms.is_wording(f, p) or self.para_index(p.open) in self.headline_paras:
                nxt = self._continuing_speaker(p)
                c = self._direct(p, None, order=p.open, mode="np" if nxt else "last", np_=nxt)
                if c is not None:
                    c.confidence = 0.5
                    c.speaker_mention_null = nxt is not None
            del sent
