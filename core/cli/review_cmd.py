"""`goftar review DIR --accept-all`: accept every suggestion of every unreviewed article, mark it reviewed.

Each article goes through the same path as the app's "mark reviewed" (the core command
`mark_reviewed`, then `Project.save`), so this makes silver data and exercises the store.
"""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from ..errors import GoftarError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review", help="batch review: accept all suggestions of unreviewed articles",
        description="Accept every suggestion of every unreviewed article of a project and mark it "
                    "reviewed, saving each article to the annotator's journal (as the app does).")
    p.add_argument("project", metavar="DIR", help="the project folder")
    p.add_argument("--accept-all", action="store_true", required=True,
                   help="accept every remaining suggestion and mark the article reviewed (required: the "
                        "only batch review there is)")
    p.add_argument("--annotator", metavar="NAME",
                   help="whose journal receives the reviews (default: $GOFTAR_ANNOTATOR or the OS user)")
    p.add_argument("--include-in-progress", action="store_true",
                   help="also finish articles whose review was started (status in_progress)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..commands import mark_reviewed, utc_now_iso
    from ..store import Project

    wanted = {"unreviewed", "in_progress"} if args.include_in_progress else {"unreviewed"}
    with Project.open(args.project, annotator=args.annotator) as project:
        todo = [rid for rid in project.ids() if project.review_status(rid) in wanted]
        reviewed = accepted = failed = 0
        updated = utc_now_iso()  # one timestamp for the batch
        for rid in tqdm(todo, desc="reviewing", unit="article", disable=None, file=sys.stderr):
            try:
                record = project.load(rid)
            except GoftarError as ex:  # a corrupt article: report it, go on with the others
                print(f"goftar review: {rid}: skipped: {ex}", file=sys.stderr)
                failed += 1
                continue
            before = sum(1 for layer in ("quotes", "claims", "dates")
                         for it in getattr(record, layer) if it.status == "suggested")
            mark_reviewed(project.annotator, updated=updated).do(record)
            project.save(record)
            reviewed += 1
            accepted += before
        for w in project.warnings:
            print(f"warning: {w}", file=sys.stderr)
        print(f"reviewed {reviewed} article(s) as {project.annotator}, accepted {accepted} suggestion(s)"
              + (f", {failed} article(s) could not be read" if failed else ""))
    return 1 if failed else 0
