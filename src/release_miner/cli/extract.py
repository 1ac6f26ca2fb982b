"""``release-miner extract``: documents in, contract-format JSONL out."""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from ..engines.partitions import ParquetUnavailable, read_documents
from ..jobs import extract_to_jsonl
from ..progress import progress_bar
from ..sources import count_inputs
from ..sources import Skipped
from .common import (CommandError, add_command, add_model_options, add_quiet, no_releases_message, output_stream,
                     pipeline_from_args, print_input_error)
from .engine_options import add_engine_options, check_inputs, dask_engine


def register(subparsers) -> None:
    p = add_command(subparsers, "extract", "extract figures, dates, people, organizations and policies to JSONL", [
        "release-miner extract --input docs.jsonl --output out.jsonl",
        "release-miner extract corpus/samples --with-text --output out.jsonl",
        "cat release.txt | release-miner extract -",
        "release-miner extract --input corpus/samples --output - | head -1",
        "cat docs.jsonl | release-miner extract --input - --output out.jsonl",
        "release-miner extract --input docs.jsonl --output out.jsonl --workers 2",
        "release-miner extract --input parts/ --output out/ --engine dask --scheduler tcp://127.0.0.1:8786",
    ])
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="inputs, as for --input")
    p.add_argument("--input", "-i", nargs="+", default=[], metavar="PATH",
                   help="JSONL or Parquet files (id, text, published, url, title), .txt/.html files, folders, "
                        "or - for stdin (JSON Lines, or one plain-text release)")
    p.add_argument("--with-text", action="store_true",
                   help="also write each release's text (what the offsets index; for HTML, the extracted text)")
    p.add_argument("--output", "-o", default="-", metavar="PATH",
                   help="JSONL output file, or - for stdout; with --engine dask, a folder (ending in /) gets one "
                        "output partition per input file, in the input's format (JSONL or Parquet)")
    add_engine_options(p)
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    args.input = [*args.sources, *args.input]
    if not args.input:
        raise CommandError("give SOURCE files or folders (or --input PATH, or - for stdin)")
    check_inputs(args.input, args)
    if _is_folder(args.output):
        if args.engine != "dask":
            raise CommandError("a folder output (one partition per input file) needs --engine dask")
        if "-" in args.input:
            raise CommandError("partitions are files: stdin cannot be split over a cluster, name files")
    try:
        if args.engine == "dask":
            return _extract_on_dask(args)
        nlp = pipeline_from_args(args)
        with output_stream(args.output) as out, _bar(args) as bar:
            report = extract_to_jsonl(args.input, out, nlp=nlp, on_error=print_input_error, n_process=args.workers,
                                      documents=read_documents(args.input), include_text=args.with_text,
                                      tick=bar.update)
    except ParquetUnavailable as exc:
        raise CommandError(str(exc)) from None
    if report.read == 0 and not report.errors:
        print(no_releases_message(args.input), file=sys.stderr)
        return 1
    return 1 if report.errors else 0


def _bar(args: argparse.Namespace):
    return progress_bar(desc="extract", quiet=args.quiet, total=count_inputs(args.input))


def _is_folder(output: str) -> bool:
    return output != "-" and (output.endswith("/") or Path(output).is_dir())


def _extract_on_dask(args: argparse.Namespace) -> int:
    with dask_engine(args) as engine:
        if _is_folder(args.output):
            results = engine.extract_partitions(args.input, args.output)
            errors = [error for result in results for error in result.errors]
            for error in errors:
                print_input_error(error)
            return 1 if any(not isinstance(error, Skipped) for error in errors) else 0
        with output_stream(args.output) as out, _bar(args) as bar:
            report = extract_to_jsonl(args.input, out, on_error=print_input_error, mine=engine.mine,
                                      documents=read_documents(args.input), include_text=args.with_text,
                                      tick=bar.update)
    return 1 if report.errors else 0
