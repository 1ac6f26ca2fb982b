"""Writing output files so that a failure never leaves a half-written or a lost file.

Outputs are checked before any work (a folder where a file is wanted, a file where a
folder is wanted), because an export or report can take minutes. Each file is written
beside its target under a hidden ``.NAME.partial`` name and renamed over the target only
when complete; a failure removes the partial file and leaves the previous output as it
was. A set of files (a CSV export) is swapped only once every file of the set is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class OutputError(ValueError):
    """An output path that cannot be written as asked; the message names it."""


def check_output_file(path: str | Path | None) -> None:
    """Refuse, before any work, a file output that is a folder or lies under a file (``-``/None is stdout)."""
    if path is None or str(path) == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; name a file to write")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{target}: {parent} is a file, not a folder")
            break


def check_output_folder(path: str | Path) -> None:
    """Refuse, before any work, a folder output that is an existing file."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder (this output is a folder of files)")
    check_output_file(target / "x")


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


@contextmanager
def atomic_text(path: str | Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``path`` only when the block completes."""
    check_output_file(path)
    with atomic_files(Path(path).parent) as open_file:
        yield open_file(Path(path).name, newline=newline)


@contextmanager
def atomic_files(folder: str | Path) -> Iterator[Callable[..., IO[str]]]:
    """``open_file(name)`` for text files in ``folder``; all of them replace their targets together at the end.

    If the block fails, every partial file is removed and no target is touched.
    """
    check_output_folder(folder)
    directory = Path(folder)
    directory.mkdir(parents=True, exist_ok=True)
    opened: list[tuple[IO[str], Path, Path]] = []

    def open_file(name: str, newline: str | None = None) -> IO[str]:
        target = directory / name
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; it cannot be replaced by a file")
        partial = _partial(target)
        fh = partial.open("w", encoding="utf-8", newline=newline)
        opened.append((fh, partial, target))
        return fh

    try:
        yield open_file
        for fh, _, _ in opened:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
    except BaseException:
        for fh, partial, _ in opened:
            fh.close()
            _discard(partial)
        raise
    for _, partial, target in opened:
        partial.replace(target)
