"""`goftar export DIR -o gold.jsonl`: the reviewed records of a project as gold goftar/1 JSONL."""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export reviewed records as gold JSONL",
        description="Write the project's reviewed records (latest version of each) as goftar/1 JSONL, "
                    "without the items the analyst rejected. The output file is replaced atomically.")
    p.add_argument("project", metavar="DIR", help="the project folder")
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="the file to write")
    p.add_argument("--with-provenance", action="store_true",
                   help="keep rejected items too, so the fate of every auto suggestion is visible")
    p.add_argument("--all", action="store_true", help="export every record, not only the reviewed ones")
    p.add_argument("--annotator", metavar="NAME",
                   help="whose annotations to export (default: settings or OS user)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import Project

    status = None if args.all else "reviewed"
    with Project.open(args.project, annotator=args.annotator, readonly=True) as project:
        total = len(project) if args.all else project.status_counts()["reviewed"]
        with tqdm(total=total, desc="exporting", unit="record", disable=None, file=sys.stderr) as bar:
            n = project.export_gold(args.output, status=status, with_provenance=args.with_provenance,
                                    progress=lambda done: bar.update(done - bar.n))
    what = "record(s)" if args.all else "reviewed record(s)"
    print(f"exported {n} {what} to {args.output}")
    if n == 0 and not args.all:
        print("note: no record is reviewed yet; --all exports every record", file=sys.stderr)
    return 0
