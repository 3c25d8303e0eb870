"""The project manifest, `goftar-project.json`: format, record schema, creation time, annotators."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..fsutil import atomic_write_text
from ..model import SCHEMA_ID

MANIFEST_NAME = "goftar-project.json"
FORMAT_ID = "goftar-project/1"


def utc_now_iso() -> str:
    """The current UTC time as `2026-11-27T10:00:00Z` (the form SCHEMA.md uses)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Manifest:
    format: str = FORMAT_ID
    schema: str = SCHEMA_ID
    created: str = field(default_factory=utc_now_iso)
    annotators: list[str] = field(default_factory=list)
    #: keys this version does not know, kept on rewrite
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "schema": self.schema, "created": self.created,
                "annotators": list(self.annotators), **self.extra}

    def write(self, folder: Path) -> None:
        atomic_write_text(folder / MANIFEST_NAME,
                          json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST_NAME
        if not path.is_file():
            raise StoreError(f"{folder} is not a Goftar project (no {MANIFEST_NAME})")
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as ex:
            raise StoreError(f"{path}: not a readable manifest: {ex}") from None
        if not isinstance(obj, dict):
            raise StoreError(f"{path}: not a JSON object")
        fmt = obj.get("format")
        if fmt != FORMAT_ID:
            raise StoreError(f"{path}: format {fmt!r} is not {FORMAT_ID!r} (made by another version of Goftar?)")
        schema = obj.get("schema", SCHEMA_ID)
        if schema != SCHEMA_ID:
            raise StoreError(f"{path}: record schema {schema!r} is not {SCHEMA_ID!r}")
        annotators = obj.get("annotators", [])
        if not isinstance(annotators, list) or not all(isinstance(a, str) for a in annotators):
            raise StoreError(f"{path}: 'annotators' is not a list of names")
        created = obj.get("created")
        known = {"format", "schema", "created", "annotators"}
        return cls(format=fmt, schema=schema, created=created if isinstance(created, str) else "",
                   annotators=list(annotators), extra={k: v for k, v in obj.items() if k not in known})
