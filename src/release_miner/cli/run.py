"""``release-miner run``: the main job, sources into a dataset."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from itertools import chain

from ..jobs import BatchReport, run_into_store
from ..progress import progress_bar
from ..sources import count_inputs
from ..outputs import check_output_file
from ..store import SchemaTooNew, Store
from ..engines.partitions import ParquetUnavailable, read_documents
from .common import (CommandError, add_command, add_model_options, add_quiet, no_releases_message, pipeline_from_args,
                     print_input_error)
from .engine_options import add_engine_options, check_inputs, dask_engine


def register(subparsers) -> None:
    p = add_command(subparsers, "run", "ingest, extract, classify and store releases in a SQLite dataset", [
        "release-miner run corpus/samples --db releases.sqlite",
        "release-miner run news.jsonl more/ --db releases.sqlite --report report.html",
        "release-miner run archive.jsonl --db releases.sqlite --workers 2",
        "release-miner run --crawled --db releases.sqlite",
        "release-miner run archive.parquet --db releases.sqlite --engine dask --scheduler tcp://127.0.0.1:8786",
    ])
    p.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="JSONL or Parquet files, .txt/.html files or folders of them")
    p.add_argument("--crawled", action="store_true",
                   help="also the releases `release-miner crawl` collected into this --db")
    p.add_argument("--db", default="releases.sqlite", help="the dataset file, created if missing (default: %(default)s)")
    p.add_argument("--reprocess", action="store_true",
                   help="extract releases already in the dataset again and replace their records")
    p.add_argument("--report", metavar="HTML", help="also write the review report here")
    add_engine_options(p)
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def _documents(args: argparse.Namespace, store: Store):
    """The named sources, then (with --crawled) the crawled releases stored in the dataset."""
    documents = read_documents(args.sources) if args.sources else iter(())
    if args.crawled:
        from ..crawl import crawled_documents

        return chain(documents, crawled_documents(store))
    return documents


def summary(report: BatchReport, total: int, db: str) -> str:
    """One line that adds up: read = added + updated + replaced + already stored (errors and skips apart)."""
    parts = [f"{report.read} read", f"{report.added} added"]
    parts += [f"{n} {what}" for n, what in ((report.updated, "updated"), (report.replaced, "replaced")) if n]
    parts.append(f"{report.skipped_known} already stored")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    return f"{', '.join(parts)}, {len(report.errors)} errors; {total} releases in {db}"


def handle(args: argparse.Namespace) -> int:
    if not args.sources and not args.crawled:
        raise CommandError("give SOURCE files or folders, or --crawled")
    check_inputs(args.sources, args)
    check_output_file(args.report)
    with ExitStack() as stack:
        if args.engine == "dask":
            engine = stack.enter_context(dask_engine(args))
            options = {"mine": engine.mine, "versions": engine.model_versions()}
        else:
            options = {"nlp": pipeline_from_args(args), "n_process": args.workers}
        try:
            store = stack.enter_context(Store(args.db))
        except SchemaTooNew as exc:
            raise CommandError(str(exc)) from None
        total = count_inputs(args.sources) if args.sources and not args.crawled else None
        bar = stack.enter_context(progress_bar(desc="run", quiet=args.quiet, total=total))
        try:
            report = run_into_store(args.sources, store, on_error=print_input_error, reprocess=args.reprocess,
                                    documents=_documents(args, store),
                                    tick=bar.update, **options)
        except ParquetUnavailable as exc:
            raise CommandError(str(exc)) from None
        total = store.count()
    if report.read == 0 and not report.errors:
        print(no_releases_message(args.sources), file=sys.stderr)
        return 1
    print(summary(report, total, args.db), file=sys.stderr)
    if args.report:
        from ..report import write_report

        write_report(args.db, args.report)
        print(f"report written to {args.report}", file=sys.stderr)
    return 1 if report.errors else 0
