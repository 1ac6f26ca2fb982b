"""The ``release-miner`` command line: argument parsing only, every command calls the library.

Each command lives in its own module here with two functions: ``register(subparsers)``
adds its parser, and the parser's ``handler`` default is called with the parsed args and
returns the exit status. Expected failures raise `CommandError` and print one line.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from ..outputs import OutputError
from ..store import StoreError, store_error_message
from .common import CommandError

#: Command modules, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = ("run", "extract", "export", "evaluate", "crawl", "report", "corrections", "people",
                             "classify", "train")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="release-miner",
        description="Mine city-government press releases for figures, dates, people, organizations and policies.",
        epilog="Example: release-miner run corpus/samples --db releases.sqlite --report report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"release-miner {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CommandError as exc:
        print(f"release-miner {args.command}: {exc}", file=sys.stderr)
        return exc.status
    except (sqlite3.Error, StoreError, OutputError) as exc:  # a dataset that is locked, damaged or not one: one line
        db = getattr(args, "db", None)
        message = store_error_message(db, exc) if db and isinstance(exc, sqlite3.Error) else str(exc)
        print(f"release-miner {args.command}: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("release-miner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
