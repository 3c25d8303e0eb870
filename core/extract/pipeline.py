"""One article through the quote stages, in order: the thin orchestrator of the extractor's first pass.

`Analysis(text, meta, parts)` is the article (`document.Document`: folded text, paragraphs, sentences,
tokens, mark pairs, cues) with every stage mixed in; `run()` calls the stages in the order that matters
(posts and interviews claim their paragraphs before the cue stages look at them; unused marks come last)
and returns quote candidates in reading order. `speakers` resolution and `claims` run on them afterwards
(see extractor.py). Each stage lives in its own module:

- posts.EmbeddedPosts        embedded social-media posts (byline and lines)
- participles.ParticipleCues "با بیان اینکه C، …"
- interviews.Interviews      interview transcripts
- headlines.Headlines        "X: content" headlines
- verb_quotes.VerbCues       speech verbs ("گفت", "اعلام کرد", "خواند"); lines after "… نوشت:" (colon_lines)
- prep_quotes.PrepCues       prepositional cues and relays ("به گفته X،", "به گزارش X،")
- unused_marks.UnusedMarks   marked passages no cue has used

and the helpers they share in document, relays, clause_bounds, sources, marked, cue_objects, quote_order and
antecedents (each a mixin over `document.Document`; every method is defined in exactly one of them).
"""

from __future__ import annotations

from typing import Any

from .candidates import Cand
from .headlines import Headlines
from .interviews import Interviews
from .participles import ParticipleCues
from .parts import Parts, build_parts
from .posts import EmbeddedPosts
from .prep_quotes import PrepCues
from .unused_marks import UnusedMarks
from .verb_quotes import VerbCues

__all__ = ["Analysis", "Parts", "build_parts"]


class Analysis(EmbeddedPosts, ParticipleCues, Interviews, Headlines, VerbCues, PrepCues, UnusedMarks):
    def __init__(self, text: str, meta: dict[str, Any] | None, parts: Parts) -> None:
        super().__init__(text, meta, parts)
        self.publisher = self._publisher()

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
