"""Property test: any sequence of edits keeps the record valid, and undoing them all in reverse
restores it exactly (redoing reaches the same final record)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goftar.core import commands as C
from goftar.core.document import Document
from goftar.core.model import Record
from goftar.core.schema import record_to_dict

_spec = importlib.util.spec_from_file_location("_cmd_records", Path(__file__).with_name("test_commands.py"))
assert _spec and _spec.loader
_records = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_records)
sample_record = _records.sample_record


def _pick(items: list, i: int) -> Any:
    return items[i % len(items)] if items else None


def make_command(rec: Record, kind: int, a: int, b: int, c: int) -> C.Command | None:
    """One command chosen by `kind`, with arguments drawn from the record's current items."""
    n = len(rec.text)
    start = a % (n - 1)
    end = min(n, start + 1 + b % 30)
    q, s, s2 = _pick(rec.quotes, a), _pick(rec.speakers, b), _pick(rec.speakers, c)
    cl, d = _pick(rec.claims, c), _pick(rec.dates, a)
    options = [
        lambda: q and C.SetStatus(q.id, ("accept", "reject")[c % 2]),
        lambda: C.AcceptAll(),
        lambda: C.AddQuote(start, end, kind=("indirect", "mixed", "direct")[c % 3]),
        lambda: C.AddClaim(start, end),
        lambda: C.AddDate(start, end, jalali="1403-06-23"),
        lambda: s and C.AddMention(s.id, start, end),
        lambda: C.NewSpeaker(start, end, quote_id=q.id if q else None),
        lambda: q and C.SetKind(q.id, ("direct", "indirect", "mixed")[b % 3]),
        lambda: q and C.SetSpeaker(q.id, s.id if s and c % 3 else None),
        lambda: q and C.SetCue(q.id, start, end) if c % 2 else q and C.SetCue(q.id, None),
        lambda: q and C.SetSpan(q.id, start, end, nudge=True),
        lambda: cl and C.LinkClaim(cl.id, quote=q.id if q and b % 2 else None),
        lambda: s and s2 and s is not s2 and C.MergeSpeakers(s.id, [s2.id]),
        lambda: s and C.RenameSpeaker(s.id, name=f"نام {a % 7}", role=None if b % 2 else "نقش"),
        lambda: C.DeleteItem(_pick([x.id for layer in ("speakers", "quotes", "claims", "dates")
                                    for x in getattr(rec, layer)], b) or "none"),
        lambda: d and C.SetDateValue(d.id, gregorian="2020-10-16", granularity=("day", "month", "year")[b % 3]),
        lambda: C.mark_reviewed("tester", updated="2026-11-28T00:00:00Z"),
    ]
    return options[kind % len(options)]() or None


steps = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10**6), st.integers(0, 10**6),
                           st.integers(0, 10**6)), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_random_edit_sequences_undo_exactly(seq: list[tuple[int, int, int, int]]) -> None:
    doc = Document(sample_record())
    states = [record_to_dict(doc.record)]
    done: list[C.Command] = []
    for kind, a, b, c in seq:
        cmd = make_command(doc.record, kind, a, b, c)
        if cmd is None:
            continue
        try:
            doc.apply(cmd)
        except C.CommandError:
            assert record_to_dict(doc.record) == states[-1]    # a refused edit changes nothing
            continue
        states.append(record_to_dict(doc.record))              # validates: every step is a goftar/1 record
        done.append(cmd)
    for i in range(len(done) - 1, -1, -1):
        doc.revert(done[i])
        assert record_to_dict(doc.record) == states[i]
    for i, cmd in enumerate(done):
        doc.apply(cmd)
        assert record_to_dict(doc.record) == states[i + 1]
    # the Document's indexes agree with the record after all that
    for layer in ("speakers", "quotes", "claims", "dates"):
        assert all(doc.row_of(layer, it.id) == r for r, it in enumerate(getattr(doc.record, layer)))
