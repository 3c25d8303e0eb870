"""The Speakers panel's model: name, role, type, number of mentions and of quotes."""

from __future__ import annotations

from typing import Any

from goftar.core.commands import Changes, RenameSpeaker
from goftar.core.model import SPEAKER_TYPES

from .columns import Column
from .item_model import ItemTableModel
from .roles import label


class SpeakersModel(ItemTableModel):
    layer = "speakers"

    def make_columns(self) -> list[Column]:
        return [
            Column("name", "col.name", "Name", display=lambda d, s: s.name,
                   command=lambda d, s, v: RenameSpeaker(s.id, name=str(v))
                   if str(v).strip() and str(v).strip() != s.name else None),
            Column("role", "col.role", "Role", display=lambda d, s: s.role or "",
                   command=lambda d, s, v: RenameSpeaker(s.id, role=str(v or "").strip() or None)
                   if (str(v or "").strip() or None) != s.role else None),
            Column("type", "col.type", "Type", display=lambda d, s: label(f"type.{s.type}", s.type),
                   edit_value=lambda d, s: s.type,
                   command=lambda d, s, v: RenameSpeaker(s.id, type=str(v)) if v and v != s.type else None),
            Column("mentions", "col.mentions", "Mentions", display=lambda d, s: len(s.mentions)),
            Column("quotes", "col.quotes", "Quotes", display=lambda d, s: len(d.quotes_of(s.id))),
        ]

    def dependent_ids(self, changes: Changes) -> set[str]:
        # the quotes column counts quotes per speaker: speakers a changed quote pointed to, before or after
        return set(changes.refs) if "quotes" in changes.layers else set()

    def choices(self, column: int) -> list[tuple[Any, str]]:
        if self.columns[column].key == "type":
            return [(t, label(f"type.{t}", t)) for t in SPEAKER_TYPES]
        return []
