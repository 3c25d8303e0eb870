"""Quotes introduced by speech verbs ("گفت", "اعلام کرد", "خواند"): the main stage of the extractor.

For each cue: what follows it (a colon, a mark, a که-clause, an object), the span of the quote, and its
source; first-person cues inside a quote, journalists' questions and relative-clause verbs are no quotes.
"""

from __future__ import annotations

import re

from .antecedents import Antecedents
from .candidates import Cand
from .colon_lines import ColonLines
from .cue_objects import CueObjects
from .cues import Cue
from .indirect import PREDICATIVE, after_cue, characterisation, clause_span, predicative
from .quote_order import PreposedQuotes
from .sources import DOC_RE
from .textspans import last_comma


class VerbCues(ColonLines, CueObjects, PreposedQuotes, Antecedents):
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
                cand, conf, clause_start = self._object_quote(cue, clause_start, sent, conf)
            if cand is None:
                continue
            if cue.passive:
                if any(c.start <= cue.start < c.end for c in self.recent_cands(cue.start) if c.cue is not None):
                    continue  # an impersonal hedge inside someone's words
                cand.mode = "null"
                conf = 0.6
            if cue.kind == "document":
                self._document_quote(cand, cue, clause_start)
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

    def _object_quote(self, cue: Cue, clause_start: int, sent: tuple[int, int],
                      conf: float) -> tuple[Cand | None, float, int]:
        """A cue with no colon, mark or clause after it: the object of a characterisation ("X را «…» خواند")
        or of a predicative cue, a marked passage right before "خبر داد" (made a direct quote here), or a
        clause before the cue. Returns the candidate (None: no indirect quote), its confidence and where its
        source region starts."""
        f = self.f
        if cue.kind == "characterize":
            span = characterisation(f, self._object_start(clause_start, cue), cue)
            if span and span[1] - span[0] >= 3:
                return Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start), 0.7, clause_start
        elif cue.lemma in PREDICATIVE and not cue.passive:
            span = predicative(f, self._object_start(clause_start, cue), cue)
            if span and span[1] - span[0] >= 3:
                return Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start), 0.6, clause_start
        elif cue.lemma in ("خبر",):
            pair = self._pair_before(cue.start, clause_start)
            if pair is not None:
                self._direct(pair, cue, order=cue.start)
        elif cue.kind == "speech" and not cue.passive:
            span = self._preposed_clause(cue, clause_start, sent)
            if span is not None:
                return Cand("indirect", span[0], span[1], (cue.start, cue.end), order=cue.start), 0.6, span[2]
        return None, conf, clause_start

    def _document_quote(self, cand: Cand, cue: Cue, clause_start: int) -> None:
        """"در این بیانیه آمده است": the document's words, attributed to the document named before the cue or,
        for "این بیانیه", to its author named in an earlier sentence."""
        f = self.f
        m = DOC_RE.search(f, clause_start, cue.start)
        if m is None:
            return
        np_ = self.phrase_after(m.end(), cue.start)
        cand.np = np_ if np_ is not None and np_.kind != "dem" else None
        if cand.np is None and "این" in m.group():
            cand.np = self._document_author(m)
            cand.speaker_mention_null = cand.np is not None  # the author is named elsewhere
        cand.mode = "np" if cand.np is not None else ("last" if "این" in m.group() else "null")
        cand.confidence = 0.6
        cand.tags.add("document")
        self._mixed(cand)
        self.cands.append(cand)

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
            comma = last_comma(f, cue.end, c.start)
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
