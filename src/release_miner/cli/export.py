"""``release-miner export``: the dataset as JSONL or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..outputs import check_output_file, check_output_folder
from ..store import export_csv, export_jsonl
from .common import CommandError, add_command, open_store, output_stream


def register(subparsers) -> None:
    p = add_command(subparsers, "export", "export the dataset as JSONL (one release a line) or CSV (a file a table)", [
        "release-miner export --db releases.sqlite --format jsonl --output releases.jsonl",
        "release-miner export --db releases.sqlite --format csv --output csv/",
    ])
    p.add_argument("--db", default="releases.sqlite", help="the dataset file (default: %(default)s)")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--output", "-o", metavar="PATH",
                   help="JSONL file (default stdout) or, for csv, a folder (default ./export)")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if args.format == "csv":
        if args.output and Path(args.output).suffix.lower() == ".csv" and not Path(args.output).is_dir():
            raise CommandError(f"{args.output}: a CSV export is one file per table, written to a folder; "
                               "name a folder (e.g. --output export/), nothing was written")
        check_output_folder(args.output or "export")
    else:
        check_output_file(args.output)
    with open_store(args.db, readonly=True) as store:
        if args.format == "csv":
            paths = export_csv(store, args.output or "export")
            print(f"wrote {len(paths)} files to {args.output or 'export'}", file=sys.stderr)
        else:
            with output_stream(args.output) as out:
                n = export_jsonl(store, out)
            print(f"exported {n} releases", file=sys.stderr)
    from .crawl import print_waiting

    print_waiting(args.db)   # crawled releases not yet in the dataset are not silently missing
    return 0
