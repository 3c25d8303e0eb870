"""`goftar import SRC… --project DIR`: add .txt, HTML and JSONL articles (files or folders) to a project."""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from ..io.importers import SUFFIXES, Importer, ImportFailed

#: problems printed before "… and N more" (the rest would scroll the terminal away)
MAX_SHOWN = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import articles (.txt, .html, .jsonl, folders) into a project",
        description="Import articles into a project: .txt files (one article each, id from the file name), "
                    "HTML pages (main text), JSONL (goftar/1 records or {\"id\",\"text\",\"meta\"} lines) and "
                    f"folders (recursively; taken: {', '.join(SUFFIXES)}; hidden files skipped). "
                    "Nothing is imported if any input has a problem; every problem is listed.")
    p.add_argument("sources", nargs="+", metavar="SRC", help="files or folders to import")
    p.add_argument("--project", "-p", required=True, metavar="DIR", help="the project folder")
    p.add_argument("--create", action="store_true", help="create the project if it does not exist")
    p.add_argument("--encoding", metavar="ENC",
                   help="decode every input with ENC (e.g. cp1256) instead of detecting "
                        "(UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256)")
    p.add_argument("--rename-duplicates", action="store_true",
                   help="give an article whose id is taken the id ID-2, ID-3… instead of failing")
    p.add_argument("--annotator", metavar="NAME", help="who is importing (default: settings or OS user)")
    p.set_defaults(func=run)


def _report(ex: ImportFailed) -> None:
    for p in ex.problems[:MAX_SHOWN]:
        print(p, file=sys.stderr)
    if len(ex.problems) > MAX_SHOWN:
        print(f"… and {len(ex.problems) - MAX_SHOWN} more", file=sys.stderr)


def _project_ids(args: argparse.Namespace) -> set[str]:
    """The ids already in the project (read-only: no lock while the inputs are checked)."""
    from ..errors import StoreError
    from ..store import Project

    try:
        with Project.open(args.project, annotator=args.annotator, readonly=True) as project:
            return set(project.ids())
    except StoreError:
        if args.create:  # no project yet (a real problem shows again when it is created)
            return set()
        raise


def run(args: argparse.Namespace) -> int:
    from ..store import Project  # the store is only needed here; keeps `goftar --help` light

    taken = _project_ids(args)
    # Everything is read and checked before the project is created or locked, so a failed
    # import leaves no trace (not even an empty new project).
    importer = Importer(encoding=args.encoding, rename_duplicates=args.rename_duplicates, taken=taken)
    files = importer.files(args.sources)
    for f in tqdm(files, desc="reading", unit="file", disable=None, file=sys.stderr):
        importer.read(f)
    try:
        records = importer.finish()
    except ImportFailed as ex:
        if len(ex.problems) > 1:  # a single problem is the one-line error message itself
            _report(ex)
        raise
    opener = Project.open_or_create if args.create else Project.open
    with opener(args.project, annotator=args.annotator) as project:
        # the project may have changed since it was read: the store checks the ids again
        ids = project.add_articles(records, rename_duplicates=args.rename_duplicates)
    renamed = len(importer.renamed) + sum(1 for r, i in zip(records, ids, strict=False) if r.id != i)
    note = f", {len(importer.skipped)} skipped (other file types, project folders)" if importer.skipped else ""
    note += f", {renamed} renamed" if renamed else ""
    print(f"imported {len(ids)} article(s) from {len(files)} file(s) into {args.project}{note}")
    return 0
