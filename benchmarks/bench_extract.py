"""Extractor throughput (articles/s, median ms/article, -j 2 ratio) and dev-set quality, as JSON lines."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"benchmark": "extract", "metric": metric, "value": round(value, 4), "unit": unit}))


def main() -> int:
    from goftar.core.cli.extract_cmd import extract_all
    from goftar.core.extract import Extractor
    from goftar.core.model import Record

    sample = (REPO / "resources" / "samples" / "belarus-iran-minsk.txt").read_text(encoding="utf-8")
    t0 = time.perf_counter()
    ex = Extractor()
    emit("load_s", time.perf_counter() - t0, "s")
    ex.extract_text(sample)  # warm up
    times = []
    for _ in range(60):
        t = time.perf_counter()
        ex.extract_text(sample)
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    emit("median_ms_per_article", med * 1000, "ms")
    emit("articles_per_s", 1 / med, "articles/s")
    recs = [Record(id=f"a{i}", text=sample) for i in range(800)]
    runs = {}
    for jobs in (1, 2):
        t = time.perf_counter()
        for _ in extract_all(recs, jobs=jobs, total=len(recs), progress=False):
            pass
        runs[jobs] = time.perf_counter() - t
    emit("j2_speedup", runs[1] / runs[2], "ratio")
    if (SHARED / "dev-gold").exists():
        from goftar.core.evaluate import evaluate
        from goftar.core.schema import read_jsonl
        gold = [r for f in sorted((SHARED / "dev-gold").glob("*.jsonl")) for _, r in read_jsonl(f).records]
        pred = [ex.extract(Record(id=r.id, text=r.text, meta=r.meta)) for r in gold]
        rep = evaluate(gold, pred)
        for level in ("lenient", "strict", "exact"):
            emit(f"dev_quote_f1_{level}", rep.quotes(level).f1, "f1")
        emit("dev_attribution_accuracy", rep.attribution.value or 0.0, "ratio")
        emit("dev_attribution_e2e_f1", rep.e2e.f1, "f1")
        emit("dev_speaker_f1", rep.speakers.f1, "f1")
        emit("dev_claim_f1", rep.claims.f1, "f1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
