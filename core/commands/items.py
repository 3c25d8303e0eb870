"""Edits of quotes, claims and dates: status, adding, kind, cue, boundaries, links, deletion."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..model import GRANULARITIES, QUOTE_KINDS, Claim, DateMention, Quote, Record, Span
from .base import (
    UNSET,
    Command,
    CommandError,
    check_cue_free,
    check_direct_free,
    find,
    find_claim,
    find_date,
    find_quote,
    find_speaker,
    mark_edited,
    nearest_mention,
    span_of,
)
from .changes import EditLog
from .dates import date_values, guess_date

_SPAN_LAYERS = ("quotes", "claims", "dates")


def _short(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _insert_in_text_order(log: EditLog, record: Record, layer: str, item: Any) -> None:
    """New items go where they belong in reading order, so panels list them naturally."""
    lst = getattr(record, layer)
    keys = [(it.start, it.end) for it in lst]
    # lists from the extractor are in text order; if an input list is not, append at the end
    index = bisect.bisect_right(keys, (item.start, item.end)) if keys == sorted(keys) else len(lst)
    log.insert(lst, index, item, layer=layer, item_id=item.id)


# ------------------------------------------------------------------ status
@dataclass
class SetStatus(Command):
    """Accept or reject one quote, claim or date ("accept" | "reject" or a status name)."""

    item_id: str
    status: str = "accept"

    @property
    def text(self) -> str:
        verb = {"accept": "Accept", "reject": "Reject"}.get(self.status, f"Set status {self.status} of")
        return f"{verb} {self.item_id}"

    def target_status(self, item: Any) -> str:
        if self.status == "reject":
            return "rejected"
        if self.status == "accept":
            if item.status in ("accepted", "edited", "added"):
                return item.status
            return "added" if item.origin == "human" else "accepted"
        if self.status not in ("suggested", "accepted", "edited", "added", "rejected"):
            raise CommandError(f"unknown status {self.status!r}")
        return self.status

    def _do(self, record: Record, log: EditLog) -> None:
        layer, item = find(record, self.item_id)
        if layer == "speakers":
            # speakers carry no status (SCHEMA.md): accepting one is a no-op, rejecting one is deleting it
            if self.status == "accept":
                return
            raise CommandError(f"speaker {item.id} has no review status; delete it instead")
        new = self.target_status(item)
        if layer == "quotes" and item.kind == "direct" and item.status == "rejected" and new != "rejected":
            check_direct_free(record, item.start, item.end, exclude=item.id)
        log.set(item, "status", new, layer=layer, item_id=item.id)


@dataclass
class AcceptAll(Command):
    """Accept every remaining suggestion of the article (optionally of some layers only)."""

    layers: tuple[str, ...] = _SPAN_LAYERS

    @property
    def text(self) -> str:
        return "Accept all suggestions"

    def _do(self, record: Record, log: EditLog) -> None:
        for layer in self.layers:
            for item in getattr(record, layer):
                if getattr(item, "status", None) == "suggested":
                    log.set(item, "status", "accepted", layer=layer, item_id=item.id)


# ------------------------------------------------------------------ adding
@dataclass
class AddQuote(Command):
    """A quote the analyst selected (origin human, status added)."""

    start: int
    end: int
    kind: str = "indirect"
    speaker: str | None = None
    cue: tuple[int, int] | None = None
    new_id: str | None = None      # set on first do, so redo recreates the same id

    @property
    def text(self) -> str:
        return f"Add {self.kind} quote"

    def _do(self, record: Record, log: EditLog) -> None:
        if self.kind not in QUOTE_KINDS:
            raise CommandError(f"unknown quote kind {self.kind!r}")
        span = span_of(record, self.start, self.end)
        cue = span_of(record, *self.cue) if self.cue else None
        qid = self.new_id or record.new_id("quotes")
        if record.item(qid) is not None:
            qid = record.new_id("quotes")
        check_cue_free(cue, span.start, span.end, qid)
        if self.kind == "direct":
            check_direct_free(record, span.start, span.end)
        mention = None
        if self.speaker is not None:
            mention = nearest_mention(find_speaker(record, self.speaker), span.start)
        q = Quote(id=qid, start=span.start, end=span.end, text=span.text, kind=self.kind, cue=cue,
                  speaker=self.speaker, speaker_mention=mention, origin="human", status="added")
        _insert_in_text_order(log, record, "quotes", q)
        self.new_id = qid


@dataclass
class AddClaim(Command):
    start: int
    end: int
    source: str | None = None
    quote: str | None = None
    new_id: str | None = None

    @property
    def text(self) -> str:
        return "Add claim"

    def _do(self, record: Record, log: EditLog) -> None:
        span = span_of(record, self.start, self.end)
        source = self.source
        if self.quote is not None:
            q = find_quote(record, self.quote)
            source = q.speaker if source is None else source
        if source is not None:
            find_speaker(record, source)
        cid = self.new_id if self.new_id and record.item(self.new_id) is None else record.new_id("claims")
        c = Claim(id=cid, start=span.start, end=span.end, text=span.text, source=source, quote=self.quote,
                  origin="human", status="added")
        _insert_in_text_order(log, record, "claims", c)
        self.new_id = cid


@dataclass
class AddDate(Command):
    """A date mention; its value is read from the span when the dates module can (else left empty)."""

    start: int
    end: int
    calendar: str | None = None
    granularity: str | None = None
    jalali: str | None = None
    gregorian: str | None = None
    new_id: str | None = None

    @property
    def text(self) -> str:
        return "Add date"

    def _do(self, record: Record, log: EditLog) -> None:
        span = span_of(record, self.start, self.end)
        guess = guess_date(record, span) if not (self.jalali or self.gregorian) else None
        calendar = self.calendar or (guess.calendar if guess else "jalali")
        granularity = self.granularity or (guess.granularity if guess else "day")
        if granularity not in GRANULARITIES:
            raise CommandError(f"unknown granularity {granularity!r}")
        jalali, gregorian = self.jalali, self.gregorian
        inferred = False
        if guess is not None:
            jalali, gregorian, inferred = guess.jalali, guess.gregorian, guess.year_inferred
        elif jalali or gregorian:
            jalali, gregorian = date_values(calendar, granularity, jalali, gregorian)
        did = self.new_id if self.new_id and record.item(self.new_id) is None else record.new_id("dates")
        d = DateMention(id=did, start=span.start, end=span.end, text=span.text, calendar=calendar,
                        granularity=granularity, jalali=jalali, gregorian=gregorian, year_inferred=inferred,
                        origin="human", status="added")
        _insert_in_text_order(log, record, "dates", d)
        self.new_id = did


# ------------------------------------------------------------------ quote fields
@dataclass
class SetKind(Command):
    quote_id: str
    kind: str

    @property
    def text(self) -> str:
        return f"Set kind of {self.quote_id} to {self.kind}"

    def _do(self, record: Record, log: EditLog) -> None:
        if self.kind not in QUOTE_KINDS:
            raise CommandError(f"unknown quote kind {self.kind!r}")
        q = find_quote(record, self.quote_id)
        if q.kind == self.kind:
            return
        if self.kind == "direct" and q.status != "rejected":
            check_direct_free(record, q.start, q.end, exclude=q.id)
        log.set(q, "kind", self.kind, layer="quotes", item_id=q.id)
        mark_edited(log, "quotes", q)


@dataclass
class SetCue(Command):
    """Set (or clear, with `start=None`) the cue of a quote."""

    quote_id: str
    start: int | None = None
    end: int | None = None

    @property
    def text(self) -> str:
        return f"Set cue of {self.quote_id}" if self.start is not None else f"Clear cue of {self.quote_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        q = find_quote(record, self.quote_id)
        cue = None if self.start is None or self.end is None else span_of(record, self.start, self.end)
        check_cue_free(cue, q.start, q.end, q.id)
        if cue == q.cue:
            return
        log.set(q, "cue", cue, layer="quotes", item_id=q.id)
        mark_edited(log, "quotes", q)


# ------------------------------------------------------------------ boundaries
@dataclass
class SetSpan(Command):
    """Move the start/end of a quote, claim, date, or (with `mention=(start, end)`) a speaker mention.

    Links are by id, so they survive; a quote whose speaker_mention was the moved mention follows it.
    `nudge` marks keyboard steps, which the GUI merges into one undo step.
    """

    item_id: str
    start: int
    end: int
    mention: tuple[int, int] | None = None
    nudge: bool = False

    @property
    def text(self) -> str:
        what = f"mention of {self.item_id}" if self.mention else self.item_id
        return f"Adjust boundary of {what}"

    def result_target(self) -> tuple[str, tuple[int, int] | None]:
        """The target as a later command names it (a moved mention is known by its new offsets)."""
        return self.item_id, ((self.start, self.end) if self.mention else None)

    def merge(self, other: SetSpan) -> bool:
        """Absorb a following SetSpan of the same target (both done); True when merged."""
        if not (isinstance(other, SetSpan) and self.done and other.done and self.nudge and other.nudge):
            return False
        if (other.item_id, other.mention) != self.result_target():
            return False
        assert self._log is not None and other._log is not None
        self._log.extend(other._log)
        other._log = None
        self.start, self.end = other.start, other.end
        return True

    def _do(self, record: Record, log: EditLog) -> None:
        span = span_of(record, self.start, self.end)
        if self.mention is not None:
            self._move_mention(record, log, span)
            return
        layer, item = find(record, self.item_id, *_SPAN_LAYERS)
        if (item.start, item.end) == (span.start, span.end):
            return
        if layer == "quotes":
            check_cue_free(item.cue, span.start, span.end, item.id)
            if item.kind == "direct" and item.status != "rejected":
                check_direct_free(record, span.start, span.end, exclude=item.id)
        log.set(item, "start", span.start, layer=layer, item_id=item.id)
        log.set(item, "end", span.end, layer=layer, item_id=item.id)
        log.set(item, "text", span.text, layer=layer, item_id=item.id)
        mark_edited(log, layer, item)

    def _move_mention(self, record: Record, log: EditLog, span: Span) -> None:
        sp = find_speaker(record, self.item_id)
        old = self.mention
        idx = next((i for i, m in enumerate(sp.mentions) if (m.start, m.end) == old), None)
        if idx is None:
            raise CommandError(f"{self.item_id} has no mention at {old}")
        if (span.start, span.end) == old:
            return
        if any((m.start, m.end) == (span.start, span.end) for m in sp.mentions):
            raise CommandError(f"{self.item_id} already has a mention at [{span.start}, {span.end})")
        old_span = log.remove(sp.mentions, idx, layer="speakers", item_id=sp.id)
        pos = bisect.bisect_right([(m.start, m.end) for m in sp.mentions], (span.start, span.end))
        log.insert(sp.mentions, pos, span, layer="speakers", item_id=sp.id)
        for q in record.quotes:
            if q.speaker == sp.id and q.speaker_mention == old_span:
                log.set(q, "speaker_mention", span, layer="quotes", item_id=q.id)


# ------------------------------------------------------------------ claims
@dataclass
class LinkClaim(Command):
    """Link a claim to a quote and/or a source speaker (None unlinks; omitted leaves as is).

    Linking a quote without naming a source makes the quote's speaker the source, as the
    schema expects a claim inside a quote to share its speaker.
    """

    claim_id: str
    quote: Any = UNSET
    source: Any = UNSET

    @property
    def text(self) -> str:
        return f"Link claim {self.claim_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        c = find_claim(record, self.claim_id)
        source = self.source
        if self.quote is not UNSET:
            if self.quote is not None:
                q = find_quote(record, self.quote)
                if source is UNSET:
                    source = q.speaker
            log.set(c, "quote", self.quote, layer="claims", item_id=c.id)
        if source is not UNSET:
            if source is not None:
                find_speaker(record, source)
            log.set(c, "source", source, layer="claims", item_id=c.id)
        if log.ops:
            mark_edited(log, "claims", c)


# ------------------------------------------------------------------ dates
@dataclass
class SetDateValue(Command):
    """Set a date's value(s), calendar, granularity or year inference; the other calendar follows.

    A day has both calendars (converted with jdatetime); a month or year names the first day of
    the period in the written calendar only (GUIDELINES.md).
    """

    date_id: str
    jalali: Any = UNSET
    gregorian: Any = UNSET
    granularity: Any = UNSET
    calendar: Any = UNSET
    year_inferred: Any = UNSET

    @property
    def text(self) -> str:
        return f"Set value of date {self.date_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        d = find_date(record, self.date_id)
        cal = d.calendar if self.calendar is UNSET else self.calendar
        gran = d.granularity if self.granularity is UNSET else self.granularity
        if gran not in GRANULARITIES:
            raise CommandError(f"unknown granularity {gran!r}")
        jal = d.jalali if self.jalali is UNSET else self.jalali
        gre = d.gregorian if self.gregorian is UNSET else self.gregorian
        if self.jalali is not UNSET and self.gregorian is UNSET:
            gre = None        # derived again from the value that was given
        elif self.gregorian is not UNSET and self.jalali is UNSET:
            jal = None
        jal, gre = date_values(cal, gran, jal, gre)
        for attr, value in (("calendar", cal), ("granularity", gran), ("jalali", jal), ("gregorian", gre)):
            log.set(d, attr, value, layer="dates", item_id=d.id)
        if self.year_inferred is not UNSET:
            log.set(d, "year_inferred", bool(self.year_inferred), layer="dates", item_id=d.id)
        if log.ops:
            mark_edited(log, "dates", d)


# ------------------------------------------------------------------ deletion
@dataclass
class DeleteItem(Command):
    """Remove an item. Removing a speaker nulls its references (or repoints them to `repoint_to`);
    removing a quote unlinks the claims inside it. Undo puts everything back in place."""

    item_id: str
    repoint_to: str | None = None

    @property
    def text(self) -> str:
        return f"Delete {self.item_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        layer, item = find(record, self.item_id)
        if layer == "speakers":
            repoint_speaker(record, log, item.id, self.repoint_to, mark=True)
        elif layer == "quotes":
            for c in record.claims:
                if c.quote == item.id:
                    log.set(c, "quote", None, layer="claims", item_id=c.id)
        lst = getattr(record, layer)
        index = next(i for i, it in enumerate(lst) if it is item)
        log.remove(lst, index, layer=layer, item_id=item.id)


def repoint_speaker(record: Record, log: EditLog, old: str, new: str | None, *, mark: bool) -> None:
    """Point every reference to speaker `old` at `new` (None clears them)."""
    target = find_speaker(record, new) if new is not None else None
    if new == old:
        raise CommandError(f"cannot repoint {old} to itself")
    for q in record.quotes:
        if q.speaker == old:
            mention = q.speaker_mention
            if target is None:
                mention = None
            elif mention is not None and mention not in target.mentions:
                mention = nearest_mention(target, q.start)
            log.set(q, "speaker", new, layer="quotes", item_id=q.id)
            log.set(q, "speaker_mention", mention, layer="quotes", item_id=q.id)
            if mark:
                mark_edited(log, "quotes", q)
        if q.addressee == old:
            log.set(q, "addressee", new, layer="quotes", item_id=q.id)
    for c in record.claims:
        if c.source == old:
            log.set(c, "source", new, layer="claims", item_id=c.id)
            if mark:
                mark_edited(log, "claims", c)


__all__ = [
    "AcceptAll", "AddClaim", "AddDate", "AddQuote", "DeleteItem", "LinkClaim", "SetCue",
    "SetDateValue", "SetKind", "SetSpan", "SetStatus",
]
