"""`goftar` command line: one module per subcommand, each with `register(subparsers)`.

A subcommand's handler returns an exit code; a GoftarError becomes a one-line message and
exit status 1 (2 for usage errors, from argparse), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import GoftarError

#: subcommand modules, in the order `goftar --help` lists them
SUBCOMMANDS = ("import_cmd", "extract_cmd", "review_cmd", "export_cmd", "validate_cmd", "stats_cmd",
               "evaluate_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goftar",
        description="Goftar: Persian news quotes, speakers, claims and dates as goftar/1 JSONL.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as ex:
            if ex.name == f"{__name__}.{name}":
                continue  # not written yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GoftarError as ex:
        print(f"goftar {args.command}: {ex}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"goftar {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as ex:
        print(f"goftar {args.command}: {ex.strerror or ex}: {ex.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
