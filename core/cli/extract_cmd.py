"""`goftar extract IN… -o OUT.jsonl [-j N] [--project DIR]`: auto suggestions for articles."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import threading
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import Record

_worker = None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="suggest quotes, speakers, claims and dates",
                       description="Run the rule-based extractor on .txt files, folders or JSONL "
                                   "({id,text,meta} or goftar/1) and write goftar/1 records with suggestions.")
    p.add_argument("inputs", nargs="*", metavar="IN")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="where to write the records")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--project", metavar="DIR", help="pre-annotate the articles of this project in place")
    p.add_argument("--encoding", help="encoding of text inputs (default: detected)")
    p.add_argument("--text-only", action="store_true",
                   help="ignore items already in goftar/1 inputs (e.g. to score against the gold they carry)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _init() -> None:
    global _worker
    from ..extract import Extractor
    _worker = Extractor()


def _one(rec: Record) -> Record:
    assert _worker is not None
    return _worker.extract(rec)


def extract_all(records: Iterable[Record], *, jobs: int = 1, total: int | None = None,
                progress: bool = True) -> Iterator[Record]:
    """Extract in input order; with jobs > 1, each worker process builds its Extractor once."""
    from tqdm import tqdm
    bar = tqdm(total=total, unit="article", disable=not progress, leave=False)
    try:
        if jobs <= 1:
            _init()
            for r in records:
                yield _one(r)
                bar.update()
        else:
            # fork is fastest, but only safe in a single-threaded process; else a fork server
            methods = mp.get_all_start_methods()
            method = "fork" if "fork" in methods and threading.active_count() == 1 else (
                "forkserver" if "forkserver" in methods else "spawn")
            ctx = mp.get_context(method)
            with ctx.Pool(jobs, initializer=_init) as pool:
                for r in pool.imap(_one, records, chunksize=8):
                    yield r
                    bar.update()
    finally:
        bar.close()


def run(args: argparse.Namespace) -> int:
    from ..schema import write_jsonl
    if args.jobs < 1:
        raise InputError("-j must be at least 1")
    if args.project:
        return _run_project(args)
    if not args.inputs or not args.output:
        raise InputError("give input files/folders and -o OUT.jsonl (or --project DIR)")
    from ..io.importers import import_paths
    records = import_paths(args.inputs, encoding=args.encoding)
    if args.text_only:
        records = [Record(id=r.id, text=r.text, meta=r.meta, extra=r.extra) for r in records]
    n = write_jsonl(args.output, extract_all(records, jobs=args.jobs, total=len(records),
                                            progress=not args.quiet))
    print(f"{args.output}: {n} record(s)")
    return 0


def _run_project(args: argparse.Namespace) -> int:
    from ..store import Project
    with Project.open(args.project) as project:
        ids = project.ids()
        if args.inputs:
            from ..io.importers import import_paths
            project.add_articles(import_paths(args.inputs, encoding=args.encoding))
            ids = project.ids()
        # the imported version: an annotator's journal must never leak into the suggestions
        recs = (project.load_imported(i) for i in ids)
        n = 0
        for rec in extract_all(recs, jobs=args.jobs, total=len(ids), progress=not args.quiet):
            project.set_suggestions(rec)
            n += 1
    print(f"{args.project}: {n} article(s) pre-annotated")
    if args.output:
        from ..schema import write_jsonl
        with Project.open(args.project, readonly=True) as project:
            write_jsonl(args.output, project.iter_records())
    return 0
