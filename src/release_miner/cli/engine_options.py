"""The options that choose where extraction runs (``--workers``, ``--engine``, ``--scheduler``).

Shared by ``extract`` and ``run`` so both commands accept and check them the same way.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..engines import ENGINES
from ..engines.partitions import ParquetUnavailable, check_parquet_support
from ..sources import SourceNotFound, check_paths
from .common import CommandError


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=1,
                        help="processes to use on this machine (default 1; results are identical, in input order)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="where extraction runs: local processes (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786")


def check_engine_options(args: argparse.Namespace) -> None:
    """Fail before any work on option combinations that cannot run."""
    if args.workers < 1:
        raise CommandError("--workers must be at least 1")
    if args.engine == "dask" and not args.scheduler:
        raise CommandError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    if args.engine != "dask" and args.scheduler:
        raise CommandError("--scheduler is only used with --engine dask")
    if args.engine == "dask" and args.workers != 1:
        raise CommandError("--workers is for the local engine; a Dask cluster sizes itself by its workers")


def check_inputs(paths: list[str], args: argparse.Namespace) -> None:
    """Refuse, before any work, inputs that are missing or unreadable and engine options that clash."""
    try:
        check_paths(paths)
    except SourceNotFound as exc:
        raise CommandError(str(exc)) from None
    check_engine_options(args)
    try:
        check_parquet_support(paths)
    except ParquetUnavailable as exc:
        raise CommandError(str(exc)) from None


def _absolute(name: str | None) -> str | None:
    """Local paths made absolute, so workers started elsewhere find the same files; model names kept."""
    return str(Path(name).resolve()) if name and Path(name).exists() else name


@contextmanager
def dask_engine(args: argparse.Namespace) -> Iterator[Any]:
    """A connected `DaskEngine` whose workers build the pipeline the model options name."""
    from ..engines.dask_engine import DaskEngine, EngineUnavailable, PipelineSpec
    from ..pipeline import ModelNotFound

    spec = PipelineSpec(spacy_model=_absolute(getattr(args, "spacy_model", None)),
                        policy_model=_absolute(getattr(args, "policy_model", None)))
    try:
        engine = DaskEngine(args.scheduler, spec)
    except EngineUnavailable as exc:
        raise CommandError(str(exc)) from None
    except ModelNotFound as exc:
        raise CommandError(f"on the Dask workers: {exc}") from None
    with engine:
        yield engine
