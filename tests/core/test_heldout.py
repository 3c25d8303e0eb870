"""The held-out set (tests/data/heldout.jsonl): is it valid gold, and does the extractor generalise?

The articles were written for Goftar and annotated by hand (tests/data/README.md), so the extractor's
rules were never tuned on them. The extractor runs on the records stripped of their gold items and
goftar.core.evaluate scores it against the gold. The floors sit about 0.1 below what the extractor
reached when the set was written (see README.md): they catch regressions, not small drifts.
Run with `-s` to see the figures.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from goftar.core.evaluate import EvalReport, evaluate
from goftar.core.model import Record
from goftar.core.schema import check_record, read_jsonl, record_to_dict

DATA = Path(__file__).resolve().parent.parent / "data"
HELDOUT = DATA / "heldout.jsonl"
BUILDER = DATA / "build_heldout.py"


def _gold() -> list[Record]:
    res = read_jsonl(HELDOUT, gold=True)
    assert not res.errors, "\n".join(str(p) for p in res.errors)
    return [r for _, r in res.records]


def _stripped(rec: Record) -> Record:
    """The article as an analyst imports it: text and meta, no annotation."""
    return Record(id=rec.id, text=rec.text, meta=rec.meta)


@pytest.fixture(scope="module")
def gold() -> list[Record]:
    return _gold()


@pytest.fixture(scope="module")
def report(gold: list[Record]) -> EvalReport:
    try:
        from goftar.core.extract import Extractor
    except ImportError as ex:  # the extractor is written by another helper; skip until it lands
        pytest.skip(f"goftar.core.extract not importable yet: {ex}")
    ex = Extractor()
    pred = [ex.extract(_stripped(g)) for g in gold]
    rep = evaluate(gold, pred)
    print("\nheld-out set:\n" + rep.table())
    return rep


# ------------------------------------------------------------------------------ the data itself
def test_heldout_is_valid_gold(gold: list[Record]) -> None:
    assert len(gold) == 12
    assert len({g.id for g in gold}) == len(gold)
    for g in gold:
        problems = [p for p in check_record(record_to_dict(g), gold=True) if p.severity == "error"]
        assert not problems, problems
        assert g.quotes and g.speakers and g.claims and g.dates, g.id
        for item in [*g.speakers, *g.quotes, *g.claims, *g.dates]:
            assert item.origin == "human"


def test_heldout_file_matches_its_builder() -> None:
    """heldout.jsonl is generated: a hand edit of the JSONL (or a stale build) is caught here."""
    spec = importlib.util.spec_from_file_location("build_heldout", BUILDER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.render() == HELDOUT.read_text(encoding="utf-8")


def test_heldout_covers_every_kind_and_calendar(gold: list[Record]) -> None:
    kinds = {q.kind for g in gold for q in g.quotes}
    calendars = {d.calendar for g in gold for d in g.dates}
    grans = {d.granularity for g in gold for d in g.dates}
    types = {s.type for g in gold for s in g.speakers}
    assert kinds == {"direct", "indirect", "mixed"}
    assert calendars == {"jalali", "gregorian", "hijri"}
    assert grans == {"day", "month", "year"}
    assert {"person", "organization", "media", "group"} <= types
    # headlines/posts/interview answers (cue null), agentless passives (speaker null), dropped subjects
    assert any(q.cue is None for g in gold for q in g.quotes)
    assert any(q.speaker is None for g in gold for q in g.quotes)
    assert any(q.speaker is not None and q.speaker_mention is None for g in gold for q in g.quotes)
    assert any(g.meta and g.meta.get("published") is None for g in gold)


# ------------------------------------------------------------------------------ the extractor on it
def test_every_article_is_predicted(report: EvalReport) -> None:
    assert not report.missing
    assert not report.text_mismatch


def _value(rep: EvalReport, metric: str) -> float:
    getters: dict[str, Any] = {
        "quote_f1_lenient": lambda r: r.quotes("lenient").f1,
        "quote_f1_strict": lambda r: r.quotes("strict").f1,
        "quote_f1_exact": lambda r: r.quotes("exact").f1,
        "attribution_accuracy": lambda r: r.attribution.value or 0.0,
        "attribution_e2e_f1": lambda r: r.e2e.f1,
        "speaker_f1": lambda r: r.speakers.f1,
        "claim_f1": lambda r: r.claims.f1,
        "date_span_f1": lambda r: r.dates.f1,
        "date_value_accuracy": lambda r: r.date_values.value or 0.0,
    }
    return float(getters[metric](rep))


# measured when the set was written (2026-11-28): 0.954 0.954 0.874 0.831 0.793 0.857 0.809 0.989 0.913
FLOORS = [
    ("quote_f1_lenient", 0.85),
    ("quote_f1_strict", 0.85),
    ("quote_f1_exact", 0.77),
    ("attribution_accuracy", 0.73),
    ("attribution_e2e_f1", 0.69),
    ("speaker_f1", 0.75),
    ("claim_f1", 0.70),
    ("date_span_f1", 0.88),
    ("date_value_accuracy", 0.81),
]


@pytest.mark.parametrize(("metric", "floor"), FLOORS)
def test_heldout_floor(report: EvalReport, metric: str, floor: float) -> None:
    value = _value(report, metric)
    print(f"{metric}: {value:.3f} (floor {floor})")
    assert value >= floor, f"held-out {metric} fell to {value:.3f} (floor {floor}); see report.errors()"
