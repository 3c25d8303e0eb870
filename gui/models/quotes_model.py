"""The Quotes panel's model: text, kind, speaker, cue, status, confidence."""

from __future__ import annotations

from typing import Any

from goftar.core.commands import Changes, SetKind, SetSpeaker, SetStatus
from goftar.core.document import Document
from goftar.core.model import QUOTE_KINDS, STATUSES

from .columns import Column
from .item_model import ItemTableModel
from .roles import label


def _status_command(doc: Document, item: Any, value: Any) -> SetStatus | None:
    """A status chosen in a cell: accepting keeps added/edited provenance (SetStatus decides)."""
    v = str(value)
    if v == item.status:
        return None
    if v in ("accept", "accepted", "added", "edited"):
        return SetStatus(item.id, "accept")
    if v in ("reject", "rejected"):
        return SetStatus(item.id, "reject")
    return SetStatus(item.id, v) if v in STATUSES else None


def status_column() -> Column:
    return Column("status", "col.status", "Status",
                  display=lambda d, it: ItemTableModel.status_label(it.status),
                  sort=lambda d, it: STATUSES.index(it.status) if it.status in STATUSES else 99,
                  edit_value=lambda d, it: it.status, command=_status_command)


def confidence_column() -> Column:
    return Column("confidence", "col.confidence", "Confidence",
                  display=lambda d, it: "" if it.confidence is None else f"{it.confidence:.2f}",
                  sort=lambda d, it: -1.0 if it.confidence is None else float(it.confidence))


def text_order(doc: Document, item: Any) -> int:
    """A sort key in reading order (Qt compares numbers, not Python tuples): start, then end."""
    return item.start * 10_000_000 + item.end


def text_column() -> Column:
    return Column("text", "col.text", "Text",
                  display=lambda d, it: ItemTableModel.cell_text(it.text),
                  sort=text_order, tooltip=lambda d, it: it.text)


def status_choices() -> list[tuple[Any, str]]:
    return [(s, ItemTableModel.status_label(s)) for s in ("accepted", "rejected")]


class QuotesModel(ItemTableModel):
    layer = "quotes"

    def make_columns(self) -> list[Column]:
        return [
            text_column(),
            Column("kind", "col.kind", "Kind",
                   display=lambda d, q: label(f"kind.{q.kind}", q.kind), edit_value=lambda d, q: q.kind,
                   command=lambda d, q, v: SetKind(q.id, str(v)) if v and v != q.kind else None),
            Column("speaker", "col.speaker", "Speaker",
                   display=lambda d, q: self.speaker_name(d, q.speaker),
                   edit_value=lambda d, q: q.speaker,
                   command=lambda d, q, v: SetSpeaker(q.id, v or None) if (v or None) != q.speaker else None),
            Column("cue", "col.cue", "Cue", display=lambda d, q: q.cue.text if q.cue else "",
                   sort=lambda d, q: q.cue.text if q.cue else ""),
            status_column(),
            confidence_column(),
        ]

    def choices(self, column: int) -> list[tuple[Any, str]]:
        key = self.columns[column].key
        if key == "kind":
            return [(k, label(f"kind.{k}", k)) for k in QUOTE_KINDS]
        if key == "speaker" and self.document is not None:
            return [(None, label("dlg.none", "(none)"))] + [(s.id, s.name) for s in self.document.record.speakers]
        if key == "status":
            return status_choices()
        return []

    def dependent_ids(self, changes: Changes) -> set[str]:
        # the speaker column shows names: a renamed/merged/deleted speaker changes those rows
        if "speakers" not in changes.layers or self.document is None:
            return set()
        return {q.id for q in self.document.record.quotes if q.speaker in changes.ids}
