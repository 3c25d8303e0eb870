"""Project store benchmark: open, memory, load, save, gold export and a SIGKILL crash loop.

    python benchmarks/bench_store.py [--n 100000] [--kills 300] [--runs 3] [--keep DIR]

Generates a project of N seed-size articles (the reference article's 2,880-character text,
40 items each, 16 item layouts, ids varied), imported through Project.add_articles, plus a
journal in which 2% are reviewed through Project.save (--reviewed), in a temporary folder, then
prints one JSON object per figure:

    {"benchmark": "store", "metric": "open_100k_s", "value": 0.31, "unit": "s"}

Open times are medians of --runs runs; "cold" means without the index cache (first open after a
copy or a git clone), the plain figure is the usual re-open with a valid cache. Files are in the
OS page cache in both cases (just written). Peak RSS is measured in a fresh subprocess that
only opens the project. GOFTAR_BENCH_N=10000 (or --n) gives a quick look.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker
from goftar.core.schema import dumps_record
from goftar.core.store import Project

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "belarus-iran-minsk.txt"
CRASH_WRITER = REPO / "tests" / "core" / "store_crash_writer.py"
PLACEHOLDER = "BENCH-ID-PLACEHOLDER"
SOURCES = ("fars", "irna", "isna", "tasnim", "mehr", "asriran", "tabnak", "hamshahri")


def emit(metric: str, value: float | int, unit: str, **extra: object) -> None:
    print(json.dumps({"benchmark": "store", "metric": metric, "value": value, "unit": unit, **extra},
                     ensure_ascii=False), flush=True)


def suffix(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


# ------------------------------------------------------------------ generating
def seed_record(text: str, variant: int, *, reviewed: bool = False) -> Record:
    """A seed-size record: 5 speakers, 20 quotes, 10 claims, 5 dates over word spans of `text`."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    rnd = random.Random(variant)
    starts = sorted(rnd.sample(range(0, len(words) - 3, 3), 25))
    status = "accepted" if reviewed else "suggested"
    rec = Record(id=PLACEHOLDER, text=text, meta={"title": f"خبر {variant}", "source": SOURCES[variant % 8]},
                 review=Review(status="reviewed" if reviewed else "unreviewed",
                               annotator="bench" if reviewed else None,
                               updated="2026-11-28T00:00:00Z" if reviewed else None))
    for k in range(5):
        a = words[starts[k]]
        rec.speakers.append(Speaker(id=f"s{k + 1}", name=text[a[0]:a[1]], type="person",
                                    mentions=[Span.of(text, *a), Span.of(text, *words[starts[k] + 1])]))
    for k in range(20):
        i = starts[5 + k % 20]
        s, e = words[i][0], words[i + 2][1]
        rec.quotes.append(Quote(id=f"q{k + 1}", kind="indirect", start=s, end=e, text=text[s:e],
                                cue=Span.of(text, *words[i + 3]) if k % 2 else None, speaker=f"s{k % 5 + 1}",
                                # an analyst rejects some suggestions: a quarter, so exports have work to do
                                status="rejected" if reviewed and k % 4 == 3 else status,
                                confidence=round(rnd.random(), 2)))
    for k in range(10):
        q = rec.quotes[k]
        rec.claims.append(Claim(id=f"c{k + 1}", start=q.start, end=q.end, text=q.text, source=q.speaker,
                                quote=q.id, status=status, confidence=0.7))
    for k in range(5):
        s, e = words[-1 - k]
        rec.dates.append(DateMention(id=f"d{k + 1}", start=s, end=e, text=text[s:e], calendar="jalali",
                                     granularity="year", jalali=f"{1400 + k}-01-01", status=status))
    if reviewed:
        for it in rec.speakers:
            it.origin = "human"
    return rec


def generate(folder: Path, n: int, reviewed_share: float) -> dict[str, float]:
    """Articles imported through Project.add_articles and a share of them reviewed through
    Project.save: the real paths (every record validated and written by the store)."""
    text = SAMPLE.read_text(encoding="utf-8")
    templates = [seed_record(text, v) for v in range(16)]
    reviewed = [seed_record(text, v, reviewed=True) for v in range(16)]
    ids = [f"{SOURCES[i % 8]}-{2010 + i % 15}-{i:06d}" for i in range(n)]
    t0 = time.perf_counter()
    with Project.create(folder, annotator="bench") as p:
        p.add_articles(dataclasses.replace(templates[i % 16], id=rid) for i, rid in enumerate(ids))
    t_import = time.perf_counter() - t0
    rnd = random.Random(7)
    t0 = time.perf_counter()
    with Project.open(folder, annotator="bench") as p:
        for i in sorted(rnd.sample(range(n), int(n * reviewed_share))):
            p.save(dataclasses.replace(reviewed[i % 16], id=ids[i]))
    t_review = time.perf_counter() - t0
    return {"import_s": t_import, "review_s": t_review,
            "articles_mb": (folder / "articles.jsonl").stat().st_size / 1e6,
            "journal_mb": (folder / "annotations" / "bench.jsonl").stat().st_size / 1e6,
            "line_kb": len(dumps_record(templates[0])) / 1e3,
            "items": sum(len(getattr(templates[0], la)) for la in ("speakers", "quotes", "claims", "dates"))}


# ------------------------------------------------------------------ measuring
def drop_cache(folder: Path) -> None:
    shutil.rmtree(folder / ".goftar-cache", ignore_errors=True)


class CacheKept:
    """Put the index cache back after cold-open runs (it holds which lines the store wrote itself)."""

    def __init__(self, folder: Path):
        self.cache = folder / ".goftar-cache"
        self.saved = folder.parent / "cache-backup"

    def __enter__(self) -> None:
        shutil.rmtree(self.saved, ignore_errors=True)
        shutil.copytree(self.cache, self.saved)

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)
        shutil.copytree(self.saved, self.cache)


def time_open(folder: Path, runs: int, *, cold: bool) -> float:
    times = []
    for _ in range(runs):
        if cold:
            drop_cache(folder)
        t = time.perf_counter()
        p = Project.open(folder, annotator="bench", readonly=cold)
        times.append(time.perf_counter() - t)
        p.close()
    return statistics.median(times)


_RSS_PROBE = """
import json, resource, sys, time
from goftar.core.store import Project
def hwm():
    # VmHWM, not ru_maxrss: Linux carries the parent's peak over fork+exec into ru_maxrss.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base = hwm()
t = time.perf_counter()
p = Project.open(sys.argv[1], annotator="bench", readonly=True)
dt = time.perf_counter() - t
ids = p.ids()
for rid in ids[:: max(1, len(ids) // 200)]:
    p.load(rid)
rss = [int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmRSS")]
print(json.dumps({"base_kb": base, "peak_kb": hwm(),
                  "open_s": dt, "n": len(p), "rss_mb": round(rss[0] / 1024, 1) if rss else None}))
"""


def rss_of_open(folder: Path, *, cold: bool) -> dict[str, float]:
    if cold:
        drop_cache(folder)
    out = subprocess.run([sys.executable, "-c", _RSS_PROBE, str(folder)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=int(os.environ.get("GOFTAR_BENCH_N", "100000")))
    ap.add_argument("--kills", type=int, default=int(os.environ.get("GOFTAR_BENCH_KILLS", "300")))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reviewed", type=float, default=0.02, help="share of articles saved as reviewed")
    ap.add_argument("--keep", metavar="DIR", help="build the project here and keep it")
    ap.add_argument("--no-export", action="store_true", help="skip the gold export (the slowest part)")
    args = ap.parse_args()
    n, tag = args.n, suffix(args.n)

    tmp = Path(tempfile.mkdtemp(prefix="goftar-bench-store-"))
    folder = Path(args.keep) if args.keep else tmp / "project"
    if folder.exists():
        shutil.rmtree(folder)
    try:
        info = generate(folder, n, args.reviewed)
        emit(f"add_articles_{tag}_s", round(info["import_s"], 2), "s", articles_mb=round(info["articles_mb"], 1),
             journal_mb=round(info["journal_mb"], 1), line_kb=round(info["line_kb"], 1), items=info["items"],
             note="import through Project.add_articles: validate + write each record, one atomic rewrite")
        emit("review_saves_s", round(info["review_s"], 2), "s", saves=int(n * args.reviewed),
             note="Project.save of the reviewed share, one fsync each")

        with CacheKept(folder):
            emit(f"open_{tag}_cold_s", round(time_open(folder, args.runs, cold=True), 3), "s",
                 note="no index cache: scans articles.jsonl and the journal")
            r = rss_of_open(folder, cold=True)
            emit(f"open_{tag}_cold_peak_rss_mb", round(r["peak_kb"] / 1024, 1), "MB",
                 interpreter_and_imports_mb=round(r["base_kb"] / 1024, 1), rss_after_open_mb=r["rss_mb"])
        Project.open(folder, annotator="bench").close()  # indexes the journal into the cache
        emit(f"open_{tag}_s", round(time_open(folder, max(args.runs, 5), cold=False), 3), "s",
             note="writable open with a valid index cache (the usual re-open)")
        r = rss_of_open(folder, cold=False)
        emit(f"open_{tag}_peak_rss_mb", round(r["peak_kb"] / 1024, 1), "MB",
             interpreter_and_imports_mb=round(r["base_kb"] / 1024, 1), rss_after_open_mb=r["rss_mb"])

        with Project.open(folder, annotator="bench") as p:
            ids = p.ids()
            rnd = random.Random(3)
            lat = []
            for rid in rnd.sample(ids, 1000):
                t = time.perf_counter()
                p.load(rid)
                lat.append(time.perf_counter() - t)
            emit("load_ms", round(statistics.median(lat) * 1e3, 3), "ms",
                 p95=round(sorted(lat)[949] * 1e3, 3), note="median of 1000 random ids")
            lat = []
            for rid in rnd.sample(ids, 200):
                rec = p.load(rid)
                rec.review = Review(status="in_progress", annotator="bench", updated=None)
                t = time.perf_counter()
                p.save(rec)
                lat.append(time.perf_counter() - t)
            emit("save_ms", round(statistics.median(lat) * 1e3, 3), "ms",
                 p95=round(sorted(lat)[189] * 1e3, 3), note="validate + append + fsync, median of 200")

        if not args.no_export:
            out = tmp / "gold.jsonl"
            with Project.open(folder, annotator="bench", readonly=True) as p:
                t = time.perf_counter()
                written = p.export_gold(out, status=None)
                dt = time.perf_counter() - t
            emit(f"export_{tag}_s", round(dt, 2), "s", records=written,
                  note="Project.export_gold of every record: lines the store wrote with nothing to drop are "
                      "copied as they are")
            # Reviewed records with rejected items (the usual gold export): the store re-serialises
            # its own lines without them; time that on 2000 such lines and extrapolate.
            from goftar.core.io.export import gold_line_from_trusted
            from goftar.core.schema import dumps_record
            sample_text = (Path(__file__).resolve().parent.parent / "resources" / "samples"
                           / "belarus-iran-minsk.txt").read_text(encoding="utf-8")
            lines = []
            for v in range(2000):
                rec = seed_record(sample_text, v, reviewed=True)
                rec.id = f"r{v}"
                lines.append(dumps_record(rec).encode("utf-8"))
            t = time.perf_counter()
            for line in lines:
                gold_line_from_trusted(line)
            dt = time.perf_counter() - t
            emit("export_rejecting_per_record_ms", round(dt / len(lines) * 1e3, 3), "ms", records=len(lines),
                 extrapolated_100k_s=round(dt / len(lines) * 100_000, 1),
                 note="reviewed store lines with a quarter of the quotes rejected: parse, drop, serialise")
            # The general path (any Records): io's export_gold over iter_records, on a sample.
            try:
                from goftar.core.io.export import export_gold
            except ImportError:  # the io helper's module is not there: iterate and write instead
                from goftar.core.schema import write_jsonl as export_gold  # type: ignore[assignment]
            m = min(n, 2000)
            with Project.open(folder, annotator="bench", readonly=True) as p:
                sample = p.ids()[:m]
                t = time.perf_counter()
                export_gold((p.load(rid) for rid in sample), out)
                dt = time.perf_counter() - t
            emit("export_general_per_record_ms", round(dt / m * 1e3, 3), "ms", records=m,
                 extrapolated_100k_s=round(dt / m * 100_000, 1),
                 note="io.export.export_gold(project.load(...)): parse + validate + validate + serialise")
            out.unlink(missing_ok=True)

        if args.kills:
            sys.path.insert(0, str(CRASH_WRITER.parent))
            from store_crash_writer import run_crash_loop

            small = tmp / "crash"
            text = SAMPLE.read_text(encoding="utf-8")
            with Project.create(small, annotator="crash") as p:
                p.add_articles([dataclasses.replace(seed_record(text, v), id=f"crash-{v}") for v in range(12)])
            t = time.perf_counter()
            counts = run_crash_loop(small, args.kills, seed=12345)
            emit("crash_kills", counts["kills"], "kills", saves_checked=counts["saves"], lost=0,
                 killed_mid_loop=counts["mid_loop"],
                 seconds=round(time.perf_counter() - t, 1),
                 note="SIGKILL at random instants; after each, the project opens and holds every returned save")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
