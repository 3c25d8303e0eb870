"""Headlines of the form "X: content": the speaker before the colon, the quote after it.

An unknown single name is a weak headline, kept only when the body quotes or introduces the same name.
"""

from __future__ import annotations

import re

from .candidates import Cand
from .document import Document
from .indirect import clause_span
from .interviews import INTERVIEWER_LABELS
from .textspans import sentences, trim

# first words of credit and caption lines ("منبع: …", "عکس: …"): never a headline's speaker
HEAD_STOP = frozenset(["منبع", "عکس", "ترجمه", "نویسنده", "توضیح", "برچسب\u200cها", "برچسب", "کد", "خبر", "پی\u200cنوشت", "تلفن", "آدرس", "نشانی"])


class Headlines(Document):
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
