"""The extractor's quality and speed on the held-out sets (tests/data/heldout*.jsonl).

    .venv/bin/python benchmarks/bench_heldout.py [heldout3 ...]

For each set (all of them, or those named), prints one JSON object per figure with the set's
name as "benchmark": the SCHEMA.md scores (quote P/R/F1 at three levels, attribution, speakers,
claims, dates) of `Extractor` run on the articles stripped of their gold items, and the median
milliseconds per article over several passes. The sets were written for Goftar by hands that did
not tune the extractor on them (tests/data/README.md).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
PASSES = 5


def emit(bench: str, metric: str, value: float | None, unit: str, **extra: object) -> None:
    v = None if value is None else round(value, 4)
    print(json.dumps({"benchmark": bench, "metric": metric, "value": v, "unit": unit, **extra},
                     ensure_ascii=False), flush=True)


def measure(path: Path, ex: object) -> None:
    from goftar.core.evaluate import evaluate
    from goftar.core.model import Record
    from goftar.core.schema import read_jsonl

    bench = path.stem
    res = read_jsonl(path, gold=True)
    if res.errors:
        raise SystemExit("\n".join(str(p) for p in res.errors))
    gold = [r for _, r in res.records]
    bare = [Record(id=g.id, text=g.text, meta=g.meta) for g in gold]

    per_article: list[float] = []
    pred: list[Record] = []
    for _ in range(PASSES):
        t = time.perf_counter()
        pred = [ex.extract(r) for r in bare]
        per_article.append((time.perf_counter() - t) * 1000 / len(bare))
    emit(bench, "extract_ms_per_article", statistics.median(per_article), "ms", articles=len(bare), passes=PASSES)

    rep = evaluate(gold, pred)
    n = {"articles": len(gold)}

    def prf(metric: str, s: object, **more: object) -> None:
        emit(bench, metric, s.f1, "ratio", precision=round(s.precision, 4), recall=round(s.recall, 4), **more, **n)

    for level in ("lenient", "strict", "exact"):
        q = rep.quotes(level)
        prf(f"quote_f1_{level}", q, gold=q.n_gold)
    emit(bench, "attribution_accuracy", rep.attribution.value, "ratio", right=rep.attribution.right,
         total=rep.attribution.total, **n)
    prf("attribution_e2e_f1", rep.e2e)
    prf("speaker_f1", rep.speakers, gold=rep.speakers.n_gold)
    prf("claim_f1", rep.claims, gold=rep.claims.n_gold)
    prf("date_span_f1", rep.dates, gold=rep.dates.n_gold)
    emit(bench, "date_value_accuracy", rep.date_values.value, "ratio", right=rep.date_values.right,
         total=rep.date_values.total, **n)


def main(names: list[str]) -> None:
    from goftar.core.extract import Extractor

    paths = sorted(DATA.glob("heldout*.jsonl"))
    if names:
        paths = [p for p in paths if p.stem in names]
    t0 = time.perf_counter()
    ex = Extractor()
    emit("heldout", "extractor_init_s", time.perf_counter() - t0, "s")
    for path in paths:
        measure(path, ex)


if __name__ == "__main__":
    main(sys.argv[1:])
