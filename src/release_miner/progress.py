"""A progress bar on stderr for batches, silent when stderr is not a terminal or when asked."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], *, desc: str, quiet: bool = False, total: int | None = None) -> Iterator[T]:
    disable = quiet or not sys.stderr.isatty()
    yield from tqdm(items, desc=desc, total=total, unit="doc", disable=disable, file=sys.stderr, leave=False)
