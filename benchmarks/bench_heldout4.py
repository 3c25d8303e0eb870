"""The extractor's quality on the fourth held-out set (tests/data/heldout4.jsonl), and its speed there.

    .venv/bin/python benchmarks/bench_heldout4.py

Prints one JSON object per figure, like bench_heldout.py, bench_heldout2.py and bench_heldout3.py (the
earlier sets): the SCHEMA.md scores of `Extractor` run on the eight articles stripped of their gold items, and the median
milliseconds per article over several passes. The set was written for Goftar by a fourth hand that did not
see the extractor's rules, for an unbiased measurement; it is never used for tuning
(tests/data/README.md).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELDOUT4 = REPO / "tests" / "data" / "heldout4.jsonl"
PASSES = 5


def emit(metric: str, value: float | None, unit: str, **extra: object) -> None:
    v = None if value is None else round(value, 4)
    print(json.dumps({"benchmark": "heldout4", "metric": metric, "value": v, "unit": unit, **extra},
                     ensure_ascii=False), flush=True)


def main() -> None:
    from goftar.core.evaluate import evaluate
    from goftar.core.extract import Extractor
    from goftar.core.model import Record
    from goftar.core.schema import read_jsonl

    res = read_jsonl(HELDOUT4, gold=True)
    if res.errors:
        raise SystemExit("\n".join(str(p) for p in res.errors))
    gold = [r for _, r in res.records]
    bare = [Record(id=g.id, text=g.text, meta=g.meta) for g in gold]

    t0 = time.perf_counter()
    ex = Extractor()
    emit("extractor_init_s", time.perf_counter() - t0, "s")

    per_article: list[float] = []
    pred: list[Record] = []
    for _ in range(PASSES):
        t = time.perf_counter()
        pred = [ex.extract(r) for r in bare]
        per_article.append((time.perf_counter() - t) * 1000 / len(bare))
    emit("extract_ms_per_article", statistics.median(per_article), "ms", articles=len(bare), passes=PASSES)

    rep = evaluate(gold, pred)
    n = {"articles": len(gold)}
    for level in ("lenient", "strict", "exact"):
        q = rep.quotes(level)
        emit(f"quote_f1_{level}", q.f1, "ratio", precision=round(q.precision, 4),
             recall=round(q.recall, 4), gold=q.n_gold, **n)
    emit("attribution_accuracy", rep.attribution.value, "ratio", right=rep.attribution.right,
         total=rep.attribution.total, **n)
    emit("attribution_e2e_f1", rep.e2e.f1, "ratio", precision=round(rep.e2e.precision, 4),
         recall=round(rep.e2e.recall, 4), **n)
    emit("speaker_f1", rep.speakers.f1, "ratio", precision=round(rep.speakers.precision, 4),
         recall=round(rep.speakers.recall, 4), gold=rep.speakers.n_gold, **n)
    emit("claim_f1", rep.claims.f1, "ratio", precision=round(rep.claims.precision, 4),
         recall=round(rep.claims.recall, 4), gold=rep.claims.n_gold, **n)
    emit("date_span_f1", rep.dates.f1, "ratio", precision=round(rep.dates.precision, 4),
         recall=round(rep.dates.recall, 4), gold=rep.dates.n_gold, **n)
    emit("date_value_accuracy", rep.date_values.value, "ratio", right=rep.date_values.right,
         total=rep.date_values.total, **n)


if __name__ == "__main__":
    main()
