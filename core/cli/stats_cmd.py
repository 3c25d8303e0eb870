"""`goftar stats DIR [--json]`: articles by review status and items by layer and status."""

from __future__ import annotations

import argparse
import json
import sys

from tqdm import tqdm


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="count a project's articles by review status and items by status",
                       description="Count a project's articles by review status and its items (quotes, "
                                   "claims, dates by status; speakers by origin) in the latest version of "
                                   "every article. Opens the project read-only, so it works while the app "
                                   "has it open.")
    p.add_argument("project", metavar="DIR", help="the project folder")
    p.add_argument("--annotator", metavar="NAME",
                   help="whose journal to count (default: $GOFTAR_ANNOTATOR or the OS user)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.set_defaults(func=run)


def format_table(stats: dict) -> str:
    lines = [f"project   {stats['project']}", f"annotator {stats['annotator']}",
             f"articles  {stats['articles']}"]
    for status, n in stats["by_review_status"].items():
        lines.append(f"  {status:<12} {n:>8}")
    if stats.get("unreadable"):
        lines.append(f"  {'unreadable':<12} {stats['unreadable']:>8}")
    lines.append("items")
    for layer, counts in stats["items"].items():
        total = sum(counts.values())
        detail = ", ".join(f"{k} {v}" for k, v in counts.items())
        lines.append(f"  {layer:<12} {total:>8}" + (f"   ({detail})" if detail else ""))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..store import Project

    with Project.open(args.project, annotator=args.annotator, readonly=True) as project:
        with tqdm(total=len(project), desc="counting", unit="article", disable=None, file=sys.stderr) as bar:
            stats = project.stats(progress=lambda done: bar.update(done - bar.n))
        for w in project.warnings:
            print(f"warning: {w}", file=sys.stderr)
    print(json.dumps(stats, ensure_ascii=False, indent=2) if args.json else format_table(stats))
    return 0
