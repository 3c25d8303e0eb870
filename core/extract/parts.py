"""The per-extractor tools every article's analysis shares: lexicons, cue matcher, chunker, term marks.

Built once by `Extractor` (compiling the prepositional-cue pattern is not free) and handed to each
`pipeline.Analysis`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import CueMatcher
from .lexicons import Lexicons
from .nps import Chunker
from .term_marks import TermMarks


@dataclass(slots=True)
class Parts:
    lx: Lexicons
    cues: CueMatcher
    chunker: Chunker
    terms: TermMarks
    prep_re: re.Pattern[str]


def build_parts(lx: Lexicons) -> Parts:
    chunker = Chunker(lx)
    phrases = sorted(lx.prep_cues, key=len, reverse=True)
    alt = "|".join("[ \u200c]+".join(re.escape(w) for w in p.split()) for p in phrases)
    prep_re = re.compile(rf"(?<![\w\u200c])(?:{alt})(?![\w\u200c])")
    return Parts(lx, CueMatcher(lx), chunker, TermMarks(lx, chunker), prep_re)
