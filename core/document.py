"""The record under review, with change notification and lookup indexes (no Qt).

Every edit goes through `Document.apply(command)`; listeners connected to `changed` receive the
command's `Changes` and refresh only what they show. `revert(command)` undoes it. Indexes
(id → layer/row, speaker → its quotes and claims) are rebuilt lazily, and only for layers whose
rows or references changed, so an edit on a 300-item article stays well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .commands import Changes, Command
from .model import LAYERS, Claim, Quote, Record, Span


class Signal:
    """A minimal synchronous signal: `connect(fn)`, `disconnect(fn)`, `emit(*args)`."""

    __slots__ = ("_slots",)

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, fn: Callable[..., Any]) -> None:
        if fn not in self._slots:
            self._slots.append(fn)

    def disconnect(self, fn: Callable[..., Any]) -> None:
        if fn in self._slots:
            self._slots.remove(fn)

    def emit(self, *args: Any) -> None:
        for fn in list(self._slots):
            fn(*args)

    def __len__(self) -> int:
        return len(self._slots)


class Document:
    """An evented wrapper around one Record.

    `changed(changes)` fires after every apply/revert/replace; `saved(record)` after `save()`.
    `on_save(record)` is the persistence hook (the GUI wires it to a SaveQueue or Project.save).
    """

    def __init__(self, record: Record, *, on_save: Callable[[Record], Any] | None = None) -> None:
        self.record = record
        self.on_save = on_save
        self.changed = Signal()
        self.saved = Signal()
        #: increments on every change; a view may compare it to know it is current
        self.revision = 0
        #: revision last handed to `save()`
        self.saved_revision = 0
        self._rows: dict[str, dict[str, int]] = {}          # layer -> id -> row
        self._by_speaker: dict[str, tuple[list[Quote], list[Claim]]] | None = None

    # ------------------------------------------------------------- editing
    def apply(self, command: Command) -> Changes:
        """Do `command` on the record and notify listeners; CommandError leaves everything as it was."""
        return self._notify(command.do(self.record))

    def revert(self, command: Command) -> Changes:
        """Undo a command previously applied to this document."""
        return self._notify(command.undo(self.record))

    def replace(self, record: Record) -> Changes:
        """Show another record (e.g. the next article, or a reload); views reset."""
        self.record = record
        self.revision += 1
        self.saved_revision = self.revision
        return self._notify(Changes.everything(), bump=False)

    def _notify(self, changes: Changes, *, bump: bool = True) -> Changes:
        if not changes:
            return changes
        if bump:
            self.revision += 1
        self._invalidate(changes)
        self.changed.emit(changes)
        return changes

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def save(self) -> None:
        """Hand the record to the persistence hook (if any) and note the revision as saved."""
        if self.on_save is not None:
            self.on_save(self.record)
        self.saved_revision = self.revision
        self.saved.emit(self.record)

    # ------------------------------------------------------------- indexes
    def _invalidate(self, changes: Changes) -> None:
        if changes.reset:
            self._rows.clear()
            self._by_speaker = None
            return
        for layer in {r.layer for r in changes.rows}:
            self._rows.pop(layer, None)
        if changes.rows or "quotes" in changes.layers or "claims" in changes.layers:
            self._by_speaker = None

    def _row_index(self, layer: str) -> dict[str, int]:
        idx = self._rows.get(layer)
        if idx is None:
            idx = {it.id: i for i, it in enumerate(getattr(self.record, layer))}
            self._rows[layer] = idx
        return idx

    def row_of(self, layer: str, item_id: str) -> int | None:
        """Row of an item in its layer list, or None."""
        return self._row_index(layer).get(item_id)

    def item(self, item_id: str) -> tuple[str, Any] | None:
        """(layer, item) of an id, via the indexes."""
        for layer in LAYERS:
            row = self._row_index(layer).get(item_id)
            if row is not None:
                return layer, getattr(self.record, layer)[row]
        return None

    def get(self, item_id: str | None) -> Any:
        found = self.item(item_id) if item_id else None
        return found[1] if found else None

    def _speaker_index(self) -> dict[str, tuple[list[Quote], list[Claim]]]:
        if self._by_speaker is None:
            idx: dict[str, tuple[list[Quote], list[Claim]]] = {s.id: ([], []) for s in self.record.speakers}
            for q in self.record.quotes:
                if q.speaker in idx:
                    idx[q.speaker][0].append(q)
            for c in self.record.claims:
                if c.source in idx:
                    idx[c.source][1].append(c)
            self._by_speaker = idx
        return self._by_speaker

    def quotes_of(self, speaker_id: str) -> list[Quote]:
        return self._speaker_index().get(speaker_id, ([], []))[0]

    def claims_of(self, speaker_id: str) -> list[Claim]:
        return self._speaker_index().get(speaker_id, ([], []))[1]

    def mentions_of(self, speaker_id: str) -> list[Span]:
        found = self.item(speaker_id)
        return list(found[1].mentions) if found and found[0] == "speakers" else []

    def items_at(self, pos: int) -> list[tuple[str, Any]]:
        """Every (layer, item) whose span (or a mention, for speakers) contains code point `pos`."""
        out: list[tuple[str, Any]] = []
        for layer in ("quotes", "claims", "dates"):
            out.extend((layer, it) for it in getattr(self.record, layer) if it.start <= pos < it.end)
        out.extend(("speakers", s) for s in self.record.speakers
                   if any(m.start <= pos < m.end for m in s.mentions))
        return out
