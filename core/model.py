"""Typed model of a `goftar/1` record (see SCHEMA.md in the shared folder).

Plain dataclasses, no validation here: `goftar.core.schema` turns JSON into these objects
(validating on the way in) and back (validating on the way out). Offsets are code points
into `Record.text`; a span's `text` always equals `record.text[start:end]`.

Keys the schema does not know are kept in `extra` so a round trip loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "goftar/1"

SpeakerType = Literal["person", "organization", "media", "group", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Origin = Literal["auto", "human"]
Status = Literal["suggested", "accepted", "edited", "added", "rejected"]
ReviewStatus = Literal["unreviewed", "in_progress", "reviewed", "skipped"]
Calendar = Literal["jalali", "gregorian", "hijri"]
Granularity = Literal["day", "month", "year", "range"]

SPEAKER_TYPES: tuple[str, ...] = ("person", "organization", "media", "group", "unknown")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
ORIGINS: tuple[str, ...] = ("auto", "human")
STATUSES: tuple[str, ...] = ("suggested", "accepted", "edited", "added", "rejected")
GOLD_STATUSES: tuple[str, ...] = ("accepted", "edited", "added")
REVIEW_STATUSES: tuple[str, ...] = ("unreviewed", "in_progress", "reviewed", "skipped")
CALENDARS: tuple[str, ...] = ("jalali", "gregorian", "hijri")
GRANULARITIES: tuple[str, ...] = ("day", "month", "year", "range")

#: The four item layers of a record, in the order they are written.
LAYERS: tuple[str, ...] = ("speakers", "quotes", "claims", "dates")
#: Id prefix per layer (s1, q1, c1, d1), as GUIDELINES.md §5 asks.
ID_PREFIX: dict[str, str] = {"speakers": "s", "quotes": "q", "claims": "c", "dates": "d"}


@dataclass(slots=True)
class Span:
    """A half-open `[start, end)` code-point range with its text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span `[start, end)` of `text`, its text taken from the source so it always agrees."""
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span | SpanItem) -> bool:
        return self.start < other.end and other.start < self.end

    def key(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, kw_only=True)
class SpanItem:
    """Base of the layered items whose own content is a span (quotes, claims, dates)."""

    id: str
    start: int
    end: int
    text: str
    origin: str = "auto"
    status: str = "suggested"
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def set_span(self, span: Span) -> None:
        self.start, self.end, self.text = span.start, span.end, span.text

    def overlaps(self, other: Span | SpanItem) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True, kw_only=True)
class Speaker:
    id: str
    name: str
    role: str | None = None
    type: str = "unknown"
    mentions: list[Span] = field(default_factory=list)
    origin: str = "auto"
    # Speakers carry no status in SCHEMA.md; the app keeps one in `extra` only if the input had one.
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Quote(SpanItem):
    kind: str = "indirect"
    cue: Span | None = None
    speaker: str | None = None
    speaker_mention: Span | None = None
    addressee: str | None = None


@dataclass(slots=True, kw_only=True)
class Claim(SpanItem):
    source: str | None = None
    quote: str | None = None


@dataclass(slots=True, kw_only=True)
class DateMention(SpanItem):
    calendar: str = "jalali"
    granularity: str = "day"
    jalali: str | None = None
    gregorian: str | None = None
    year_inferred: bool = False


@dataclass(slots=True, kw_only=True)
class Review:
    status: str = "unreviewed"
    annotator: str | None = None
    updated: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Record:
    id: str
    text: str
    meta: dict[str, Any] | None = None
    review: Review | None = None
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    #: unknown top-level keys, kept verbatim for the round trip
    extra: dict[str, Any] = field(default_factory=dict)

    # ---------------------------------------------------------------- lookups
    def span(self, start: int, end: int) -> Span:
        """A span of this record's text (raises ValueError when out of range)."""
        if not (0 <= start < end <= len(self.text)):
            raise ValueError(f"[{start}, {end}) is not a non-empty range of a text of {len(self.text)}")
        return Span.of(self.text, start, end)

    def speaker(self, sid: str | None) -> Speaker | None:
        if sid is None:
            return None
        return next((s for s in self.speakers if s.id == sid), None)

    def quote(self, qid: str | None) -> Quote | None:
        if qid is None:
            return None
        return next((q for q in self.quotes if q.id == qid), None)

    def item(self, item_id: str) -> tuple[str, Speaker | Quote | Claim | DateMention] | None:
        """The layer name and item with this id, or None."""
        for layer in LAYERS:
            for it in getattr(self, layer):
                if it.id == item_id:
                    return layer, it
        return None

    def all_ids(self) -> set[str]:
        return {it.id for layer in LAYERS for it in getattr(self, layer)}

    def new_id(self, layer: str) -> str:
        """The next free id of a layer (`s7`, `q12`, …), unique across the whole record."""
        prefix = ID_PREFIX[layer]
        used = self.all_ids()
        n = 1
        for it in getattr(self, layer):
            tail = it.id[len(prefix):]
            if it.id.startswith(prefix) and tail.isdigit():
                n = max(n, int(tail) + 1)
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    @property
    def review_status(self) -> str:
        return self.review.status if self.review else "unreviewed"
