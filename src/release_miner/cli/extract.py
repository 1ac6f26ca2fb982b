"""``release-miner extract``: documents in, contract-format JSONL out."""

from __future__ import annotations

import argparse

from ..jobs import extract_to_jsonl
from ..progress import progress
from ..sources import SourceNotFound, check_paths
from .common import (CommandError, add_command, add_model_options, add_quiet, output_stream,
                     pipeline_from_args, print_input_error)


def register(subparsers) -> None:
    p = add_command(subparsers, "extract", "extract figures, dates, people, organizations and policies to JSONL", [
        "release-miner extract --input docs.jsonl --output out.jsonl",
        "release-miner extract --input corpus/samples --output - | head -1",
        "cat docs.jsonl | release-miner extract --input - --output out.jsonl",
    ])
    p.add_argument("--input", "-i", nargs="+", required=True, metavar="PATH",
                   help="JSONL files (id, text, published, url, title), .txt/.html files, folders, or - for stdin")
    p.add_argument("--output", "-o", default="-", metavar="PATH", help="JSONL output file, or - for stdout")
    p.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        check_paths(args.input)
    except SourceNotFound as exc:
        raise CommandError(str(exc)) from None
    nlp = pipeline_from_args(args)
    with output_stream(args.output) as out:
        report = extract_to_jsonl(args.input, out, nlp=nlp, on_error=print_input_error, n_process=args.workers,
                                  wrap=lambda docs: progress(docs, desc="extract", quiet=args.quiet))
    return 1 if report.errors else 0
