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


def progress_bar(*, desc: str, quiet: bool = False, total: int | None = None) -> tqdm:
    """A bar advanced by hand (``update()``) as each input is finished, not as it is read ahead.

    Miners read documents in groups well ahead of the work, so a bar on the input stream jumps
    and then stands still; one advanced per finished release moves with the work.
    """
    disable = quiet or not sys.stderr.isatty()
    return tqdm(desc=desc, total=total, unit="doc", disable=disable, file=sys.stderr, leave=False)
