"""``release-miner corrections``: store reviewers' decisions downloaded from the review report."""

from __future__ import annotations

import argparse
import json
import sys

from ..corrections import CorrectionError, apply_corrections, read_corrections, stored_corrections
from .common import add_command, open_store


def register(subparsers) -> None:
    p = add_command(subparsers, "corrections", "store reviewers' decisions (corrections.jsonl from the report) "
                    "in the dataset, or list them", [
                        "release-miner corrections apply corrections.jsonl --db releases.sqlite",
                        "release-miner corrections list --db releases.sqlite",
                    ])
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    apply_p = actions.add_parser("apply", help="store the decisions of one or more corrections files")
    apply_p.add_argument("files", nargs="+", metavar="FILE", help="corrections.jsonl as downloaded from the report")
    apply_p.add_argument("--db", default="releases.sqlite", help="the dataset file")
    list_p = actions.add_parser("list", help="print the stored decisions as JSON Lines")
    list_p.add_argument("--db", default="releases.sqlite", help="the dataset file")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if args.action == "list":
        with open_store(args.db) as store:
            for row in stored_corrections(store.conn):
                record = {k: row[k] for k in row.keys()}
                record["before"], record["after"] = json.loads(record["before"]), json.loads(record["after"])
                print(json.dumps(record, ensure_ascii=False))
        return 0
    status = 0
    with open_store(args.db) as store:
        for path in args.files:
            try:
                decisions, errors = read_corrections(path)
            except CorrectionError as exc:
                print(f"error: {exc}", file=sys.stderr)
                status = 1
                continue
            report = apply_corrections(store, decisions, source=path)
            for message in errors + report.problems:
                print(f"error: {message}", file=sys.stderr)
            status = 1 if errors or report.problems else status
            unusable = len(errors) + len(report.problems)
            print(f"{path}: {report.stored} decision{'' if report.stored == 1 else 's'} stored, "
                  f"{report.already} already stored, {unusable} not usable", file=sys.stderr)
    return status
