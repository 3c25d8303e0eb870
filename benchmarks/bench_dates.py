"""Dates: speed of `find_dates` and its quality on the dev set.

    .venv/bin/python benchmarks/bench_dates.py

Prints one JSON object per figure: ms per article (median of several passes over the dev
articles, or over the reference sample when ../shared is absent), ms for the long benchmark
article, the first-call cost (lexicon + regex build), and the dev set's date span F1 and
value accuracy (SCHEMA.md scoring; skipped when ../shared is absent).
"""

from __future__ import annotations

import copy
import json
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "resources" / "samples" / "belarus-iran-minsk.txt"


def emit(metric: str, value: float | None, unit: str, **extra: object) -> None:
    v = None if value is None else round(value, 4)
    print(json.dumps({"benchmark": "dates", "metric": metric, "value": v, "unit": unit, **extra}), flush=True)


def main() -> None:
    t0 = time.perf_counter()
    from goftar.core.extract.dates import find_dates

    find_dates("۲۳ شهریور ۱۴۰۳")
    emit("first_call_ms", (time.perf_counter() - t0) * 1000, "ms", note="import, lexicons and regexes")

    from goftar.core.schema import read_jsonl

    gold = []
    dev = sorted((SHARED / "dev-gold").glob("*.jsonl")) if (SHARED / "dev-gold").is_dir() else []
    for f in dev:
        gold += [r for _, r in read_jsonl(f).records]
    items = [(r.text, (r.meta or {}).get("published")) for r in gold] or [(SAMPLE.read_text("utf-8"), None)]

    # wall time and CPU time: on a shared machine the CPU figure is the steadier one
    walls, cpus = [], []
    for _ in range(7):
        t, c = time.perf_counter(), time.process_time()
        for text, pub in items:
            find_dates(text, published=pub)
        walls.append((time.perf_counter() - t) * 1000 / len(items))
        cpus.append((time.process_time() - c) * 1000 / len(items))
    chars = sum(len(t) for t, _ in items) / len(items)
    emit("ms_per_article", statistics.median(walls), "ms", articles=len(items), mean_chars=round(chars))
    emit("cpu_ms_per_article", statistics.median(cpus), "ms", articles=len(items))

    long_path = SHARED / "bench" / "long-article.jsonl"
    if long_path.exists():
        rec = read_jsonl(long_path).records[0][1]
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            find_dates(rec.text, published=(rec.meta or {}).get("published"))
            runs.append((time.perf_counter() - t) * 1000)
        emit("long_article_ms", statistics.median(runs), "ms", chars=len(rec.text))

    if gold:
        from goftar.core.evaluate import evaluate

        pred = []
        for g in gold:
            p = copy.deepcopy(g)
            p.dates = find_dates(g.text, published=(g.meta or {}).get("published"))
            pred.append(p)
        rep = evaluate(gold, pred)
        emit("dev_date_span_f1", rep.dates.f1, "ratio", tp=rep.dates.tp, n_pred=rep.dates.n_pred,
             n_gold=rep.dates.n_gold, matching="lenient (>= 30% of the gold span), greedy one-to-one")
        emit("dev_date_value_accuracy", rep.date_values.value, "ratio", right=rep.date_values.right,
             total=rep.date_values.total)


if __name__ == "__main__":
    main()
