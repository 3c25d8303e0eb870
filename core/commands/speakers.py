"""Edits of speakers: mentions, new speakers from a selection, attribution, merge, rename."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..model import SPEAKER_TYPES, Record, Span, Speaker
from .base import (
    UNSET,
    Command,
    CommandError,
    find_quote,
    find_speaker,
    mark_edited,
    nearest_mention,
    span_of,
)
from .changes import EditLog
from .items import repoint_speaker


def _add_mention(log: EditLog, sp: Speaker, span: Span) -> None:
    """Insert a mention in text order (GUIDELINES: mentions are listed as they occur)."""
    keys = [(m.start, m.end) for m in sp.mentions]
    if (span.start, span.end) in keys:
        raise CommandError(f"{sp.id} already has a mention at [{span.start}, {span.end})")
    index = bisect.bisect_right(keys, (span.start, span.end)) if keys == sorted(keys) else len(keys)
    log.insert(sp.mentions, index, span, layer="speakers", item_id=sp.id)


@dataclass
class AddMention(Command):
    speaker_id: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"Add mention of {self.speaker_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        _add_mention(log, find_speaker(record, self.speaker_id), span_of(record, self.start, self.end))


@dataclass
class DeleteMention(Command):
    """Remove one mention; quotes that named it as their speaker_mention lose it (set to null)."""

    speaker_id: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"Delete mention of {self.speaker_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        sp = find_speaker(record, self.speaker_id)
        idx = next((i for i, m in enumerate(sp.mentions) if (m.start, m.end) == (self.start, self.end)), None)
        if idx is None:
            raise CommandError(f"{sp.id} has no mention at [{self.start}, {self.end})")
        old = log.remove(sp.mentions, idx, layer="speakers", item_id=sp.id)
        for q in record.quotes:
            if q.speaker == sp.id and q.speaker_mention == old:
                log.set(q, "speaker_mention", None, layer="quotes", item_id=q.id)


@dataclass
class NewSpeaker(Command):
    """A new speaker from a selected span (its first mention); optionally made the speaker of a quote."""

    start: int
    end: int
    name: str | None = None
    type: str = "person"
    role: str | None = None
    quote_id: str | None = None
    new_id: str | None = None

    @property
    def text(self) -> str:
        return "New speaker" + (f" for {self.quote_id}" if self.quote_id else "")

    def _do(self, record: Record, log: EditLog) -> None:
        span = span_of(record, self.start, self.end)
        name = (self.name if self.name is not None else span.text).strip()
        if not name:
            raise CommandError("a speaker needs a name")
        if self.type not in SPEAKER_TYPES:
            raise CommandError(f"unknown speaker type {self.type!r}")
        sid = self.new_id if self.new_id and record.item(self.new_id) is None else record.new_id("speakers")
        sp = Speaker(id=sid, name=name, role=self.role or None, type=self.type, mentions=[span], origin="human")
        log.insert(record.speakers, len(record.speakers), sp, layer="speakers", item_id=sid)
        if self.quote_id is not None:
            q = find_quote(record, self.quote_id)
            log.set(q, "speaker", sid, layer="quotes", item_id=q.id)
            log.set(q, "speaker_mention", span, layer="quotes", item_id=q.id)
            mark_edited(log, "quotes", q)
        self.new_id = sid


#: The name in interfaces.md.
NewSpeakerFromSpan = NewSpeaker


@dataclass
class SetSpeaker(Command):
    """Attribute a quote to a speaker (None: no speaker).

    `mention` names the grammatical source; when it is not yet a mention of the speaker it is
    added to the speaker's mentions. Without it the speaker's mention nearest before the quote is
    used, so `speaker_mention` is always one of the speaker's mentions.
    """

    quote_id: str
    speaker_id: str | None
    mention: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return f"Set speaker of {self.quote_id} to {self.speaker_id or 'none'}"

    def _do(self, record: Record, log: EditLog) -> None:
        q = find_quote(record, self.quote_id)
        mention: Span | None = None
        if self.speaker_id is not None:
            sp = find_speaker(record, self.speaker_id)
            if self.mention is not None:
                mention = span_of(record, *self.mention)
                if mention not in sp.mentions:
                    _add_mention(log, sp, mention)
            elif q.speaker == sp.id and q.speaker_mention in sp.mentions:
                mention = q.speaker_mention
            else:
                mention = nearest_mention(sp, q.start)
        log.set(q, "speaker", self.speaker_id, layer="quotes", item_id=q.id)
        log.set(q, "speaker_mention", mention, layer="quotes", item_id=q.id)
        if log.ops:
            mark_edited(log, "quotes", q)


@dataclass
class MergeSpeakers(Command):
    """Merge `others` into `target`: mentions united in text order, references repointed,
    name/role/type kept from the target unless empty (then taken from the first other that has one)."""

    target: str
    others: tuple[str, ...] | list[str] = ()

    @property
    def text(self) -> str:
        return f"Merge {', '.join(self.others)} into {self.target}"

    def _do(self, record: Record, log: EditLog) -> None:
        tgt = find_speaker(record, self.target)
        others = [find_speaker(record, o) for o in dict.fromkeys(self.others)]
        if not others or any(o is tgt for o in others):
            raise CommandError("merge needs a target and at least one other speaker")
        merged: dict[tuple[int, int], Span] = {(m.start, m.end): m for m in tgt.mentions}
        for o in others:
            for m in o.mentions:
                merged.setdefault((m.start, m.end), m)
        mentions = [merged[k] for k in sorted(merged)]
        if mentions != tgt.mentions:
            log.set(tgt, "mentions", mentions, layer="speakers", item_id=tgt.id)
        for attr in ("name", "role"):
            if not (getattr(tgt, attr) or "").strip():
                value = next((getattr(o, attr) for o in others if (getattr(o, attr) or "").strip()), None)
                if value is not None:
                    log.set(tgt, attr, value, layer="speakers", item_id=tgt.id)
        if tgt.type == "unknown":
            value = next((o.type for o in others if o.type != "unknown"), "unknown")
            log.set(tgt, "type", value, layer="speakers", item_id=tgt.id)
        for o in others:
            # the merged entity has all the mentions, so speaker_mention stays valid as it is
            repoint_speaker(record, log, o.id, tgt.id, mark=False)
            index = next(i for i, s in enumerate(record.speakers) if s is o)
            log.remove(record.speakers, index, layer="speakers", item_id=o.id)


@dataclass
class RenameSpeaker(Command):
    """Change a speaker's name, role and/or type (omitted fields unchanged; role None clears it)."""

    speaker_id: str
    name: Any = UNSET
    role: Any = UNSET
    type: Any = UNSET

    @property
    def text(self) -> str:
        return f"Rename speaker {self.speaker_id}"

    def _do(self, record: Record, log: EditLog) -> None:
        sp = find_speaker(record, self.speaker_id)
        if self.name is not UNSET:
            name = (self.name or "").strip()
            if not name:
                raise CommandError("a speaker needs a name")
            log.set(sp, "name", name, layer="speakers", item_id=sp.id)
        if self.role is not UNSET:
            log.set(sp, "role", (self.role or "").strip() or None, layer="speakers", item_id=sp.id)
        if self.type is not UNSET:
            if self.type not in SPEAKER_TYPES:
                raise CommandError(f"unknown speaker type {self.type!r}")
            log.set(sp, "type", self.type, layer="speakers", item_id=sp.id)
