"""Edit latency on the long bench article (285 items): core command, undo-stack push with model
refresh, and a durable save. One JSON object per line; medians of several runs.

    .venv/bin/python benchmarks/bench_edit.py [--runs N]

Skipped (a note on stderr, exit 0) when ../shared/bench/long-article.jsonl is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "long-article.jsonl"


def emit(metric: str, value: float, unit: str = "ms") -> None:
    print(json.dumps({"benchmark": "edit", "metric": metric, "value": round(value, 4), "unit": unit}), flush=True)


def median_ms(fn: Callable[[], object], runs: int, after: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
        if after is not None:
            after()
    return statistics.median(times)


def scaled(rec, k: int):  # type: ignore[no-untyped-def]
    """The article repeated k times (items shifted, ids suffixed): a ~50,000-word article for k=20."""
    from goftar.core.schema import record_from_dict, record_to_dict

    base = record_to_dict(rec)
    step = len(rec.text) + 1

    def shift(sp, off: int):  # type: ignore[no-untyped-def]
        return None if sp is None else {**sp, "start": sp["start"] + off, "end": sp["end"] + off}

    out = {**base, "id": f"{rec.id}-x{k}", "text": "\n".join([rec.text] * k)}
    for layer in ("speakers", "quotes", "claims", "dates"):
        out[layer] = []
    for i in range(k):
        off, sfx = i * step, f"-{i}"
        ref = lambda v, sfx=sfx: None if v is None else v + sfx  # noqa: E731
        for s in base["speakers"]:
            out["speakers"].append({**s, "id": s["id"] + sfx, "mentions": [shift(m, off) for m in s["mentions"]]})
        for q in base["quotes"]:
            out["quotes"].append({**q, "id": q["id"] + sfx, "start": q["start"] + off, "end": q["end"] + off,
                                  "cue": shift(q["cue"], off), "speaker_mention": shift(q["speaker_mention"], off),
                                  "speaker": ref(q["speaker"]), **({"addressee": ref(q["addressee"])}
                                                                   if q.get("addressee") else {})})
        for c in base["claims"]:
            out["claims"].append({**c, "id": c["id"] + sfx, "start": c["start"] + off, "end": c["end"] + off,
                                  "source": ref(c["source"]), "quote": ref(c["quote"])})
        for d in base["dates"]:
            out["dates"].append({**d, "id": d["id"] + sfx, "start": d["start"] + off, "end": d["end"] + off})
    return record_from_dict(out)


def factories(rec):  # type: ignore[no-untyped-def]
    from goftar.core import commands as C

    q = rec.quotes[len(rec.quotes) // 2]
    s0, s1 = rec.speakers[0], rec.speakers[1]
    m = s0.mentions[0]
    c = rec.claims[0]
    d = rec.dates[0]
    return {
        "accept": lambda: C.SetStatus(q.id, "accept"),
        "reject": lambda: C.SetStatus(q.id, "reject"),
        "accept_all": lambda: C.AcceptAll(),
        "add_quote": lambda: C.AddQuote(0, 4),
        "add_claim": lambda: C.AddClaim(0, 4),
        "add_date": lambda: C.AddDate(d.start, d.end, jalali=d.jalali or "1403-01-01", granularity="day"),
        "add_mention": lambda: C.AddMention(s0.id, 0, 4),
        "new_speaker": lambda: C.NewSpeaker(0, 4, quote_id=q.id),
        "set_kind": lambda: C.SetKind(q.id, "mixed" if q.kind != "mixed" else "indirect"),
        "set_speaker": lambda: C.SetSpeaker(q.id, s1.id if q.speaker != s1.id else s0.id),
        "set_cue": lambda: C.SetCue(q.id, None),
        "nudge_boundary": lambda: C.SetSpan(q.id, q.start + 1, q.end, nudge=True),
        "nudge_mention": lambda: C.SetSpan(s0.id, m.start, m.end + 1, mention=(m.start, m.end)),
        "link_claim": lambda: C.LinkClaim(c.id, quote=q.id),
        "merge_speakers": lambda: C.MergeSpeakers(s0.id, [s1.id]),
        "rename_speaker": lambda: C.RenameSpeaker(s0.id, name="نام"),
        "delete_speaker": lambda: C.DeleteItem(s0.id),
        "delete_quote": lambda: C.DeleteItem(q.id),
        "mark_reviewed": lambda: C.mark_reviewed("bench"),
        "set_date_value": lambda: C.SetDateValue(d.id, gregorian="2020-10-16", granularity="day"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=25)
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"bench_edit: {BENCH} absent (../shared is dev data); skipped", file=sys.stderr)
        return 0

    from PySide6.QtWidgets import QApplication

    from goftar.core.document import Document
    from goftar.core.schema import read_jsonl, record_to_dict
    from goftar.gui.models import ClaimsModel, DatesModel, ItemFilterProxy, QuotesModel, SpeakersModel
    from goftar.gui.undo import DocumentUndo
    from goftar.gui.workers import snapshot

    app = QApplication.instance() or QApplication([])
    rec = read_jsonl(BENCH).records[0][1]
    n_items = sum(len(getattr(rec, x)) for x in ("speakers", "quotes", "claims", "dates"))
    emit("items", n_items, "count")
    runs = args.runs

    big = scaled(rec, 20)
    emit("large_words", len(big.text.split()), "count")
    emit("large_items", sum(len(getattr(big, x)) for x in ("speakers", "quotes", "claims", "dates")), "count")
    for prefix, r, detail in (("", rec, True), ("large_", big, False)):
        # 1. core: Command.do on the bare Document (undone between runs)
        doc = Document(r)
        worst = 0.0
        for name, make in factories(r).items():
            cmds: list = []

            def do(make: Callable = make, cmds: list = cmds, doc: Document = doc) -> None:
                cmds.append(make())
                doc.apply(cmds[-1])

            ms = median_ms(do, runs, after=lambda cmds=cmds, doc=doc: doc.revert(cmds.pop()))
            worst = max(worst, ms)
            if detail:
                emit(f"core_do_{name}_ms", ms)
        emit(f"{prefix}core_do_worst_median_ms", worst)

        # 2. GUI: push on a QUndoStack with the four panel models and their sorted/filtered proxies
        undo = DocumentUndo(doc)
        t = time.perf_counter()
        models = [cls(doc, executor=undo.push) for cls in (QuotesModel, SpeakersModel, ClaimsModel, DatesModel)]
        proxies = [ItemFilterProxy(m) for m in models]
        for p in proxies:
            p.sort(0)
        emit(f"{prefix}models_build_sorted_ms", (time.perf_counter() - t) * 1e3)
        worst = 0.0
        for name, make in factories(r).items():
            ms = median_ms(lambda make=make, undo=undo: undo.push(make()), runs, after=undo.stack.undo)
            worst = max(worst, ms)
            if detail or name in ("accept", "accept_all", "delete_speaker", "merge_speakers", "mark_reviewed"):
                emit(f"{prefix}push_{name}_ms", ms)
        emit(f"{prefix}push_worst_median_ms", worst)
        app.processEvents()

    # 3. saving: the UI-thread part of a queued save, validation, and a durable Project.save
    emit("save_snapshot_ui_thread_ms", median_ms(lambda: snapshot(rec), runs))   # what SaveQueue.submit does
    emit("validate_record_ms", median_ms(lambda: record_to_dict(rec), runs))
    try:
        from goftar.core.store import Project
    except ImportError:
        print("bench_edit: goftar.core.store absent; save not measured", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "p", annotator="bench")
        try:
            project.add_articles([rec])
            emit("project_save_fsync_ms", median_ms(lambda: project.save(rec), runs))
        finally:
            project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
