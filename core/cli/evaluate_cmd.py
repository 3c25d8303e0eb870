"""`goftar evaluate GOLD.jsonl PRED.jsonl`: score predictions against gold as SCHEMA.md's Scoring says."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from ..evaluate import evaluate
from ..model import Record
from ..schema import read_jsonl


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", help="score predicted records against gold ones",
        description="Score PRED against GOLD (goftar/1 JSONL, records paired by id): quote P/R/F1 "
                    "(lenient/strict/exact), attribution accuracy and end-to-end F1, speaker, claim "
                    "and date scores. Rejected items are ignored in both files.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("pred", metavar="PRED.jsonl")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--errors", action="store_true",
                   help="also list misses, false alarms, boundary, attribution and value errors per article")
    p.set_defaults(func=run)


def _read(path: str, what: str) -> tuple[list[Record], int]:
    try:
        res = read_jsonl(path)
    except OSError as ex:
        raise InputError(f"{path}: cannot read {what} file: {ex.strerror or ex}") from None
    for prob in res.errors:
        print(f"{prob}  (record skipped)", file=sys.stderr)
    return [r for _, r in res.records], len(res.errors)


def run(args: argparse.Namespace) -> int:
    gold, gbad = _read(args.gold, "gold")
    pred, pbad = _read(args.pred, "prediction")
    if not gold:
        raise InputError(f"{args.gold}: no valid gold record")
    report = evaluate(gold, pred)
    if args.json:
        print(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=False, indent=1))
    else:
        print(report.table())
        if args.errors:
            print()
            print(report.errors())
    if gbad or pbad:
        print(f"goftar evaluate: {gbad + pbad} invalid record(s) skipped (see above); "
              "the scores leave them out", file=sys.stderr)
        return 1
    return 0
