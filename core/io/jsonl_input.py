"""JSONL input: `goftar/1` records and plain `{"id", "text", "meta"?}` lines, mixed freely.

- A line with `"schema"` must be a `goftar/1` record; it is validated with the schema and keeps
  its review and layers as they are.
- A line without it is a plain article: `id` (a string, or an integer taken as its decimal
  form), `text` (a non-empty string; `\\r\\n`/`\\r` become `\\n`), optional `meta` (an object).
  It becomes a record with review status `unreviewed` and empty layers. Other keys are kept as
  unknown top-level keys (SCHEMA.md: kept on round trip). A plain line carrying goftar/1
  layers (`quotes`…) but no `schema` is refused rather than silently emptied.
- Blank lines are skipped. Every other bad line is reported (`file:line [id] what`); good
  lines around it are still read, so one pass shows all the problems of a file.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import RecordError
from ..model import SCHEMA_ID, Record
from ..schema import record_from_dict
from .decoding import normalize_newlines
from .problems import ImportProblem

_LAYER_KEYS = ("review", "speakers", "quotes", "claims", "dates")


def _plain_record(obj: dict[str, Any]) -> dict[str, Any] | str:
    """The goftar/1 dict of a plain line, or the reason it is not one."""
    rid = obj.get("id")
    if isinstance(rid, int) and not isinstance(rid, bool):
        rid = str(rid)
    if not isinstance(rid, str) or not rid.strip():
        return "\"id\" missing or not a non-empty string"
    if rid != rid.strip():
        return f"id {rid!r} starts or ends with white space"
    text = obj.get("text")
    if not isinstance(text, str):
        return "\"text\" missing or not a string"
    meta = obj.get("meta")
    if meta is not None and not isinstance(meta, dict):
        return "\"meta\" is not an object"
    layers = [k for k in _LAYER_KEYS if k in obj]
    if layers:
        return f"has goftar/1 fields ({', '.join(layers)}) but no \"schema\": \"{SCHEMA_ID}\""
    out: dict[str, Any] = {"schema": SCHEMA_ID, "id": rid, "text": normalize_newlines(text)}
    if meta is not None:
        out["meta"] = meta
    out["review"] = {"status": "unreviewed", "annotator": None, "updated": None}
    out.update({"speakers": [], "quotes": [], "claims": [], "dates": []})
    out.update({k: v for k, v in obj.items() if k not in ("id", "text", "meta")})
    return out


def parse_jsonl(content: str, file: str) -> tuple[list[tuple[int, Record]], list[ImportProblem]]:
    """(line number, record) for every good line of decoded JSONL text, and a problem per bad line."""
    records: list[tuple[int, Record]] = []
    problems: list[ImportProblem] = []
    for n, raw in enumerate(content.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except RecursionError:
            problems.append(ImportProblem(file, n, None, "invalid JSON: nested too deeply"))
            continue
        except ValueError as ex:  # JSONDecodeError, and over-long integers
            problems.append(ImportProblem(file, n, None, f"invalid JSON: {ex}"))
            continue
        if not isinstance(obj, dict):
            problems.append(ImportProblem(file, n, None, f"not a JSON object but {type(obj).__name__}"))
            continue
        rid = obj.get("id") if isinstance(obj.get("id"), str) else None
        if "schema" in obj:
            if obj["schema"] != SCHEMA_ID:
                problems.append(ImportProblem(file, n, rid, f"unsupported schema {obj['schema']!r} "
                                                            f"(expected {SCHEMA_ID!r})"))
                continue
            rec_obj: dict[str, Any] | str = obj
        else:
            rec_obj = _plain_record(obj)
            if isinstance(rec_obj, str):
                problems.append(ImportProblem(file, n, rid, rec_obj))
                continue
        try:
            records.append((n, record_from_dict(rec_obj)))
        except RecordError as ex:
            problems.extend(ImportProblem(file, n, p.record_id or rid, f"{p.path}: {p.message}")
                            for p in ex.problems)
    return records, problems
