"""The source phrase of a cue: who said it (subject resolution glue between cues and the chunker).

Skips relays and anonymity formulas, hands a passive that names a document to the document's author,
lets coordinated verbs share one subject, and takes the subject after the last complementiser. Kept apart
because every stage that makes a cue-based candidate asks the same question.
"""

from __future__ import annotations

import re

from .candidates import Cand
from .cues import Cue
from .relays import Relays

DOC_RE = re.compile(r"(?<![\w\u200c])در[ \u200c]+(?:این[ \u200c]+)?(?:دادخواست|بیانیه|اطلاعیه|نامه|گزارش|سند|"
                    r"متن|کتاب|حکم|قطعنامه|شکایت)(?:[\u200c ]?(?:ای|ی))?[ \u200c]+")


class Sources(Relays):
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
                np_ = self.phrase_after(b, cue.start)
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
                np_ = self.phrase_after(m.end(), cue.start)
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
