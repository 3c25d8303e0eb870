"""Gold export: reviewed records as `goftar/1` JSONL, without the suggestions the analyst rejected.

A rejected item is not part of the gold standard (SCHEMA.md: "gold exports drop rejected
items"). Dropping one must not leave the record invalid, so a claim that pointed at a dropped
quote loses that link (`quote: null`) and keeps the rest. Speakers carry no status in the
schema; one that kept a `status: rejected` from its input is dropped only when no surviving
item still refers to it. A speaker left without quotes is kept as it is: it may still be the
source of a claim, and removing annotations the analyst did not reject would lose work.

Statuses of the surviving items are written as they are: a reviewed record's `suggested`
items were accepted by the app when it was marked reviewed, and `--all` exports keep what
the record says. `with_provenance=True` keeps rejected items too, so the fate of every auto
suggestion can be studied.

The export works on the dict form (`record_to_dict`), never on the caller's Record objects,
so it neither copies nor mutates them, and it streams: 100,000 records never sit in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import RecordError
from ..fsutil import atomic_write_lines
from ..model import Record
from ..schema import check_record, errors_of, record_to_dict

#: called after each record with the number of records written so far (1, 2, 3…), which a
#: progress dialog can show as it is; a tqdm bar takes `lambda n: bar.update(n - bar.n)`
Progress = Callable[[int], object]

_REJECTED = "rejected"


def _drop_rejected(d: dict[str, Any]) -> dict[str, Any]:
    """The record dict without rejected quotes, claims and dates, its links kept consistent."""
    for layer in ("quotes", "claims", "dates"):
        d[layer] = [it for it in d[layer] if it.get("status") != _REJECTED]
    quote_ids = {q["id"] for q in d["quotes"]}
    for c in d["claims"]:
        if c.get("quote") is not None and c["quote"] not in quote_ids:
            c["quote"] = None
    # Speakers have no status in SCHEMA.md; honour one kept from the input, but never break a link.
    referenced = {q.get("speaker") for q in d["quotes"]} | {q.get("addressee") for q in d["quotes"]}
    referenced |= {c.get("source") for c in d["claims"]}
    d["speakers"] = [s for s in d["speakers"] if s.get("status") != _REJECTED or s["id"] in referenced]
    return d


def gold_dict(record: Record, *, with_provenance: bool = False) -> dict[str, Any]:
    """The validated JSON form of one record as the gold export writes it (RecordError if invalid)."""
    d = record_to_dict(record, validate=False)
    if not with_provenance:
        d = _drop_rejected(d)
    errs = errors_of(check_record(d))
    if errs:
        raise RecordError(errs)
    return d


def gold_line_from_trusted(line: bytes) -> bytes:
    """The gold form of a record line that was validated when it was written (a store's own line).

    Dropping rejected items keeps a valid record valid (`_drop_rejected` repairs every link it
    could break), so the line is only parsed and re-serialised, not validated a second time:
    this is what keeps exporting 100,000 reviewed records with rejections well under 30 s.
    """
    d = _drop_rejected(json.loads(line))
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def _lines(records: Iterable[Record], with_provenance: bool, progress: Progress | None) -> Iterator[str]:
    for n, rec in enumerate(records, 1):
        yield json.dumps(gold_dict(rec, with_provenance=with_provenance), ensure_ascii=False)
        if progress is not None:
            progress(n)


def export_gold(records: Iterable[Record], out_path: str | os.PathLike, *, with_provenance: bool = False,
                progress: Progress | None = None) -> int:
    """Write `records` as gold JSONL to `out_path` atomically and return how many were written.

    Every record is validated before it is written; on the first invalid one a RecordError
    (naming the record id and field) is raised and `out_path` is left as it was.
    """
    return atomic_write_lines(out_path, _lines(records, with_provenance, progress))
