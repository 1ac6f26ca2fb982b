"""``release-miner run``: the main job, sources into a dataset."""

from __future__ import annotations

import argparse
import sys

from ..jobs import run_into_store
from ..progress import progress
from ..sources import SourceNotFound, check_paths
from ..store import SchemaTooNew, Store
from .common import CommandError, add_command, add_model_options, add_quiet, pipeline_from_args, print_input_error


def register(subparsers) -> None:
    p = add_command(subparsers, "run", "ingest, extract, classify and store releases in a SQLite dataset", [
        "release-miner run corpus/samples --db releases.sqlite",
        "release-miner run news.jsonl more/ --db releases.sqlite --report report.html",
    ])
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="JSONL files, .txt/.html files or folders of them")
    p.add_argument("--db", default="releases.sqlite", help="the dataset file (created if missing)")
    p.add_argument("--reprocess", action="store_true",
                   help="extract releases already in the dataset again and replace their records")
    p.add_argument("--report", metavar="HTML", help="also write the review report here")
    p.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        check_paths(args.sources)
    except SourceNotFound as exc:
        raise CommandError(str(exc)) from None
    nlp = pipeline_from_args(args)
    try:
        store = Store(args.db)
    except SchemaTooNew as exc:
        raise CommandError(str(exc)) from None
    with store:
        report = run_into_store(args.sources, store, nlp=nlp, on_error=print_input_error,
                                reprocess=args.reprocess, n_process=args.workers,
                                wrap=lambda docs: progress(docs, desc="run", quiet=args.quiet))
        total = store.count()
    print(f"{report.read} read, {report.added} added, {report.skipped_known} already stored, "
          f"{len(report.errors)} errors; {total} releases in {args.db}", file=sys.stderr)
    if args.report:
        from ..report import write_report

        write_report(args.db, args.report)
        print(f"report written to {args.report}", file=sys.stderr)
    return 1 if report.errors else 0
