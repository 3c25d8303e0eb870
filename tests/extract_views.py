"""Views of an extractor's output that the rule tests compare against expectations.

Not a test module: tests/conftest.py puts this folder on sys.path so every extractor test
reads results the same way."""

from __future__ import annotations

from typing import Any

from goftar.core.extract import Extractor
from goftar.core.model import Record
from goftar.core.schema import record_to_dict


def extract(ex: Extractor, text: str, meta: dict[str, Any] | None = None) -> Record:
    """Extract `text`; the record must be valid goftar/1 (record_to_dict raises otherwise)."""
    rec = ex.extract_text(text, meta=meta)
    record_to_dict(rec)
    return rec


def attributed(rec: Record) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker name, speaker mention) in text order."""
    names = {s.id: s.name for s in rec.speakers}
    return [(q.text, names.get(q.speaker) if q.speaker else None,
             q.speaker_mention.text if q.speaker_mention else None) for q in rec.quotes]


def claims(rec: Record) -> list[tuple[str, str | None]]:
    """(claim text, source name) in text order."""
    names = {s.id: s.name for s in rec.speakers}
    return [(c.text, names.get(c.source) if c.source else None) for c in rec.claims]
