""""با بیان اینکه C، …" / "ضمن اشاره به اینکه C": a participial cue whose clause precedes the main verb.
"""

from __future__ import annotations

import re

from .candidates import Cand
from .indirect import clause_span
from .marked import MarkedQuotes

PARTICIPLE_RE = re.compile(r"(?<![\w\u200c])(?:با|ضمن)[ \u200c]+(?:بیان|اشاره[ \u200c]+به|تاکید[ \u200c]+بر|"
                           r"اعلام|یادآوری|ابراز)[ \u200c]+(?:این[ \u200c]?که|اینکه)(?![\w\u200c])[ \u200c]*")


class ParticipleCues(MarkedQuotes):
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
            if np_ is None and not f[start:m.start()].strip(" \u200c\n،و"):
                # the clause opens the sentence ("با بیان اینکه C، وزیر … خواند"): the main clause's subject
                main = next((cue for cue in self.cues_between(comma + 1, sent[1])
                             if not cue.first_person and not cue.passive), None)
                if main is not None:
                    np_ = self.p.chunker.find_source(f, self.toks_in(comma + 1, main.start))
            c.np = np_
            if np_ is None:
                c.mode = "last"
            self._mixed(c)
            self.cands.append(c)
