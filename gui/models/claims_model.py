"""The Claims panel's model: text, source, linked quote, status."""

from __future__ import annotations

from typing import Any

from goftar.core.commands import UNSET, Changes, LinkClaim
from goftar.core.model import Claim
from goftar.gui.bidi import id_label

from .columns import Column, one_line
from .item_model import ItemTableModel
from .quotes_model import status_choices, status_column, text_column
from .roles import label


def _quote_label(doc: Any, qid: str | None) -> str:
    q = doc.get(qid) if qid else None
    return id_label(q.id, one_line(q.text, 40)) if q is not None else ""


def _link(c: Claim, *, quote: Any = UNSET, source: Any = UNSET) -> LinkClaim | None:
    if quote is not UNSET and (quote or None) == c.quote:
        return None
    if source is not UNSET and (source or None) == c.source:
        return None
    return LinkClaim(c.id, quote=quote if quote is UNSET else (quote or None),
                     source=source if source is UNSET else (source or None))


class ClaimsModel(ItemTableModel):
    layer = "claims"

    def make_columns(self) -> list[Column]:
        return [
            text_column(),
            Column("source", "col.source", "Source", display=lambda d, c: self.speaker_name(d, c.source),
                   edit_value=lambda d, c: c.source, command=lambda d, c, v: _link(c, source=v)),
            Column("quote", "col.quote", "Quote", display=lambda d, c: _quote_label(d, c.quote),
                   edit_value=lambda d, c: c.quote, command=lambda d, c, v: _link(c, quote=v)),
            status_column(),
        ]

    def dependent_ids(self, changes: Changes) -> set[str]:
        # source and quote columns show a speaker's name and a quote's text
        if not ({"speakers", "quotes"} & changes.layers) or self.document is None:
            return set()
        return {c.id for c in self.document.record.claims if c.source in changes.ids or c.quote in changes.ids}

    def choices(self, column: int) -> list[tuple[Any, str]]:
        key = self.columns[column].key
        doc = self.document
        none = (None, label("dlg.none", "(none)"))
        if key == "source" and doc is not None:
            return [none] + [(s.id, s.name) for s in doc.record.speakers]
        if key == "quote" and doc is not None:
            return [none] + [(q.id, _quote_label(doc, q.id)) for q in doc.record.quotes if q.status != "rejected"]
        if key == "status":
            return status_choices()
        return []
