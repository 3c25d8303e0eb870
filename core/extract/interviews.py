"""Interview transcripts: question lines, the answers between them, and the guest they belong to.

Answers are quotes of the interviewee (named in the introduction, "گفت‌وگوی ما با X") until the article's own
text resumes; the interviewer's labels and questions are never quotes (GUIDELINES §1.4).
"""

from __future__ import annotations

import bisect
import re

from .candidates import Cand
from .document import CREDIT_RE, Document
from .indirect import clause_span
from .nps import NP

INTERVIEW_RE = re.compile(r"گفت[\u200c ]?و[\u200c ]?گو|گفتگو|مصاحبه")
IMPERATIVE_END = re.compile(r"(?<![\w\u200c])ب[\w\u200c]+ید[.!]?$")
# labels of the answers in a transcript ("ج: …"): not part of the answer
ANSWER_LABELS = frozenset(["ج", "جواب", "پاسخ"])
ANSWER_LABEL_RE = re.compile(r"[ \u200c]*([^\s:،.؟?!]+(?:[ \u200c][^\s:،.؟?!]+){0,2})[ \u200c]*:[ \u200c]*")
# labels of the interviewer's lines in a transcript ("خبرنگار: …؟")
INTERVIEWER_LABELS = frozenset(["خبرنگار", "مجری", "س", "سوال", "سؤال", "پرسش", "گزارشگر"])


class Interviews(Document):
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
                np_ = self.phrase_after(a + m.end(), b)
                if np_ is not None and np_.kind not in ("pronoun", "refl"):
                    return np_
        return None
