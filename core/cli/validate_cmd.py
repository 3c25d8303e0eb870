"""`goftar validate FILE…`: check goftar/1 JSONL files and list every problem with file:line."""

from __future__ import annotations

import argparse
import sys

from ..schema import read_jsonl


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check goftar/1 JSONL files",
                       description="Check goftar/1 JSONL files against SCHEMA.md; exit 1 if any error.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--gold", action="store_true", help="hand-made gold rules (warnings become errors)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for f in args.files:
        try:
            res = read_jsonl(f, gold=args.gold)
        except OSError as ex:
            print(f"{f}: cannot read: {ex.strerror}", file=sys.stderr)
            failed += 1
            continue
        for p in res.problems:
            if p.severity == "error" or not args.quiet:
                print(p)
        n_err = len(res.errors)
        n_warn = len(res.problems) - n_err
        print(f"{f}: {len(res.records)} valid record(s), {n_err} error(s), {n_warn} warning(s)")
        failed += bool(n_err)
    return 1 if failed else 0
