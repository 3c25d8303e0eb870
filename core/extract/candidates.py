"""The quote candidate a stage proposes before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from .nps import NP


@dataclass(slots=True)
class Cand:
    kind: str                              # direct | indirect | mixed
    start: int
    end: int
    cue: tuple[int, int] | None
    order: int                             # position that decides the reading order of resolution
    np: NP | None = None                   # the source phrase (None: dropped subject or no speaker)
    mode: str = "np"                       # np | null (agentless) | last (dropped) | share | entity
    share_with: Cand | None = None
    entity_hint: object | None = None      # for mode "entity"/"interviewee"
    confidence: float = 0.7
    embedded: bool = False
    speaker_mention_null: bool = False
    # filled by resolution
    entity: object | None = None
    mention: tuple[int, int] | None = None
    nested_in: Cand | None = None
    tags: set[str] = field(default_factory=set)
