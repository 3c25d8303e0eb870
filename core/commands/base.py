"""The command protocol: a small dataclass with `do(record)` and `undo(record)` returning `Changes`.

Subclasses implement `_do(record, log)` and mutate only through the `EditLog`; the base class
keeps the log for `undo` and rolls it back if `_do` fails half-way, so a failed command leaves
the record untouched. Commands refer to items by id (never by object), so a command redone
after its item was deleted and restored still finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import GoftarError
from ..model import Claim, DateMention, Quote, Record, Span, Speaker
from .changes import Changes, EditLog

#: Statuses an analyst's edit turns into "edited" (an auto suggestion that a person changed).
_EDITABLE_TO_EDITED = ("suggested", "accepted")


class CommandError(GoftarError):
    """An edit cannot be made (unknown id, overlapping direct quotes, empty name…); nothing changed."""


class _Unset:
    """Marks an optional argument that was not given (None is a meaningful value: 'clear')."""

    _instance: ClassVar[_Unset | None] = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()


@dataclass
class Command:
    """Base of every edit. `text` is the undo-menu label."""

    _log: EditLog | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return type(self).__name__

    @property
    def done(self) -> bool:
        return self._log is not None

    def do(self, record: Record) -> Changes:
        if self._log is not None:
            raise CommandError(f"{self.text}: already done (undo it first)")
        log = EditLog(record)
        try:
            self._do(record, log)
        except Exception:
            log.rollback()
            raise
        self._log = log
        return log.changes()

    def undo(self, record: Record) -> Changes:
        if self._log is None:
            raise CommandError(f"{self.text}: cannot undo a command that was not done")
        if self._log.record is not record:
            raise CommandError(f"{self.text}: undo on a different record than it was done on")
        log, self._log = self._log, None
        return log.rollback()

    def _do(self, record: Record, log: EditLog) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Compound(Command):
    """Ordered sub-commands done as one undo step (undone in reverse); all or nothing."""

    commands: list[Command] = field(default_factory=list)
    label: str = ""

    @property
    def text(self) -> str:
        return self.label or "; ".join(c.text for c in self.commands)

    def do(self, record: Record) -> Changes:
        if self._log is not None:
            raise CommandError(f"{self.text}: already done (undo it first)")
        total = Changes()
        done: list[Command] = []
        try:
            for cmd in self.commands:
                total = total | cmd.do(record)
                done.append(cmd)
        except Exception:
            for cmd in reversed(done):
                cmd.undo(record)
            raise
        self._log = EditLog(record)     # marks the compound as done; the real logs live in the parts
        return total

    def undo(self, record: Record) -> Changes:
        if self._log is None:
            raise CommandError(f"{self.text}: cannot undo a command that was not done")
        total = Changes()
        for cmd in reversed(self.commands):
            total = total | cmd.undo(record)
        self._log = None
        return total


# ------------------------------------------------------------------ helpers shared by the commands
def find(record: Record, item_id: str, *layers: str) -> tuple[str, Any]:
    """(layer, item) of an id, restricted to `layers` if given; CommandError when absent."""
    found = record.item(item_id)
    if found is None or (layers and found[0] not in layers):
        what = " or ".join(layers) if layers else "item"
        raise CommandError(f"no {what} with id {item_id!r} in record {record.id!r}")
    return found


def find_quote(record: Record, qid: str) -> Quote:
    return find(record, qid, "quotes")[1]


def find_speaker(record: Record, sid: str) -> Speaker:
    return find(record, sid, "speakers")[1]


def find_claim(record: Record, cid: str) -> Claim:
    return find(record, cid, "claims")[1]


def find_date(record: Record, did: str) -> DateMention:
    return find(record, did, "dates")[1]


def span_of(record: Record, start: int, end: int) -> Span:
    """A span of the record's text; CommandError for an empty or out-of-range selection."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(record.text)):
        raise CommandError(f"[{start}, {end}) is not a non-empty range of the text (length {len(record.text)})")
    return Span.of(record.text, start, end)


def mark_edited(log: EditLog, layer: str, item: Any) -> None:
    """An analyst changed this item: an auto suggestion (or accepted one) becomes 'edited'."""
    if getattr(item, "status", None) in _EDITABLE_TO_EDITED and item.origin == "auto":
        log.set(item, "status", "edited", layer=layer, item_id=item.id)


def check_direct_free(record: Record, start: int, end: int, exclude: str | None = None) -> None:
    """Direct quotes may not overlap each other (schema rule; rejected ones do not count)."""
    for q in record.quotes:
        if q.id != exclude and q.kind == "direct" and q.status != "rejected" and q.start < end and start < q.end:
            raise CommandError(f"a direct quote may not overlap direct quote {q.id} [{q.start}, {q.end})")


def check_cue_free(cue: Span | None, start: int, end: int, qid: str) -> None:
    if cue is not None and cue.start < end and start < cue.end:
        raise CommandError(f"the cue of {qid} may not overlap the quote content")


def nearest_mention(speaker: Speaker, pos: int) -> Span | None:
    """The speaker's mention closest before `pos` (else the first after): the grammatical source."""
    before = [m for m in speaker.mentions if m.end <= pos]
    if before:
        return max(before, key=lambda m: (m.end, m.start))
    return min(speaker.mentions, key=lambda m: (m.start, m.end), default=None)
