"""Partition files: the unit of work a cluster reads and writes (JSONL, or Parquet with pyarrow).

A partition in holds documents with the contract's columns (``id``, ``text``,
``published``, ``url``, ``title``). A partition out holds one row per release in input
order: ``id``, ``published``, ``url``, ``title`` and one column per extracted field. In
JSONL the fields are the contract's lists; in Parquet each field column holds that list as
a JSON string, so every partition has the same schema (an empty list has no type to infer)
and reading it back gives exactly the records ``release-miner extract`` writes.

Parquet is optional: it needs ``pyarrow``; without it a `ParquetUnavailable` names the fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from ..pipeline import Document
from ..records import FIELDS, Release
from ..sources import SUPPORTED_SUFFIXES, InputError, dataset_skipped, is_dataset_file, read_sources

PARQUET_SUFFIXES = {".parquet", ".pq"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARTITION_SUFFIXES = PARQUET_SUFFIXES | JSONL_SUFFIXES

#: Documents per Parquet record batch read, and releases per row group written.
PARQUET_BATCH_ROWS = 256

_INPUT_COLUMNS = ("id", "text", "published", "url", "title")


class ParquetUnavailable(RuntimeError):
    """A Parquet file was named but pyarrow is not installed."""


def is_parquet(path: str | Path) -> bool:
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def _pyarrow() -> tuple[ModuleType, ModuleType]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetUnavailable(
            "Parquet files need pyarrow, which is not installed: `pip install pyarrow`, or use JSONL"
        ) from None
    return pyarrow, pyarrow.parquet


def partition_files(paths: Iterable[str | Path]) -> list[Path]:
    """The partition files named: files as given, folders expanded to their JSONL/Parquet files (sorted)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                                and p.suffix.lower() in PARTITION_SUFFIXES))
        else:
            found.append(path)
    return found


def check_parquet_support(paths: Iterable[str | Path]) -> None:
    """Raise `ParquetUnavailable` before any work when a named file (or a file in a named folder) is Parquet."""
    for name in paths:
        path = Path(str(name))
        if str(name) != "-" and (is_parquet(path) or path.is_dir() and any(
                is_parquet(p) for p in path.rglob("*") if p.is_file())):
            _pyarrow()
            return


def _documents_from_parquet(path: Path) -> Iterator[Document | InputError]:
    _, pq = _pyarrow()
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for unreadable files
        yield InputError(str(path), f"not a readable Parquet file: {exc}")
        return
    columns = [c for c in _INPUT_COLUMNS if c in table.schema_arrow.names]
    if "text" not in columns:
        yield InputError(str(path), "no `text` column")
        return
    row = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        for record in batch.to_pylist():
            row += 1
            text = record.get("text")
            if not isinstance(text, str):
                yield InputError(str(path), "no `text` string in this row", row)
                continue
            yield Document.from_record(record, source=f"{path}:{row}")


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Documents (and input errors) from Parquet files and everything `read_sources` reads, in order."""
    for name in paths:
        path = Path(str(name))
        if str(name) == "-" or not path.is_dir():
            yield from _documents_from_parquet(path) if is_parquet(path) else read_sources([str(name)])
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if is_parquet(child):
                yield from _documents_from_parquet(child)
            elif child.suffix.lower() in SUPPORTED_SUFFIXES:
                yield from read_sources([str(child)], root=path)
            elif is_dataset_file(child):
                yield dataset_skipped(child)  # the dataset and its journal are never inputs: said so


def output_record(release: Release) -> dict[str, Any]:
    """The contract record of one release, as ``release-miner extract`` writes it (no text)."""
    return release.to_dict(include_text=False)


class PartitionWriter:
    """Writes output records to one JSONL or Parquet file, streaming (Parquet: one row group per batch)."""

    def __init__(self, target: str | Path | IO[str]) -> None:
        self._stream: IO[str] | None = None
        self._owned: IO[str] | None = None
        self._parquet = None
        self._rows: list[dict[str, Any]] = []
        self.count = 0
        if not isinstance(target, (str, Path)):
            self._stream = target
        elif is_parquet(target):
            _pyarrow()
            self._path = Path(target)
        else:
            self._owned = self._stream = Path(target).open("w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self._stream is not None:
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        self._rows.append(record)
        if len(self._rows) >= PARQUET_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        pa, pq = _pyarrow()
        schema = pa.schema([(c, pa.string()) for c in ("id", "published", "url", "title", *FIELDS)])
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._path, schema)
        columns = {c: [r.get(c) for r in self._rows] for c in ("id", "published", "url", "title")}
        columns.update({f: [json.dumps(r.get(f, []), ensure_ascii=False) for r in self._rows] for f in FIELDS})
        self._parquet.write_table(pa.table(columns, schema=schema))
        self._rows = []

    def close(self) -> None:
        if self._stream is None and (self._rows or self._parquet is None):
            self._flush()
        if self._parquet is not None:
            self._parquet.close()
        if self._owned is not None:
            self._owned.close()

    def __enter__(self) -> PartitionWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_output(path: str | Path) -> list[dict[str, Any]]:
    """The records of an output partition (JSONL or Parquet), as dicts in the contract shape."""
    path = Path(path)
    if not is_parquet(path):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    _, pq = _pyarrow()
    rows = pq.read_table(path).to_pylist()
    for row in rows:
        for name in FIELDS:
            row[name] = json.loads(row[name])
    return rows
