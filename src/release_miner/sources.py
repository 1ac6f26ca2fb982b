"""Reading releases from the places users keep them: JSONL files, text and HTML files, folders, stdin.

Reading never stops at the first bad record: each problem becomes an `InputError` that
names the file and line, yielded in stream order beside the good documents, so the
caller can report it and carry on with the rest of the batch.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decoding import UndecodableError, decode_bytes
from .crawl.pages import analyse
from .pipeline import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: Files larger than this are refused rather than read into memory (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass
class InputError:
    """A record or file that could not be read; ``line`` is 1-based, None for whole files."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


class SourceNotFound(FileNotFoundError):
    """A path the user named does not exist."""


def check_paths(paths: Iterable[str]) -> None:
    """Fail before any work when a named path is missing, so nothing is half-done."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise SourceNotFound(f"{p}: no such file or directory")


def _documents_from_jsonl(lines: Iterable[str], source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
            continue
        if not isinstance(record, dict):
            yield InputError(source, "a JSON object is expected on each line", number)
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield InputError(source, "no `text` string in this record", number)
            continue
        yield Document.from_record(record, source=f"{source}:{number}")


def _document_from_file(path: Path) -> Document | InputError:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot be read: {exc.strerror or exc}")
    try:
        text = decode_bytes(data)
    except UndecodableError as exc:
        return InputError(str(path), f"skipped, not text: {exc}")
    if path.suffix.lower() in HTML_SUFFIXES:
        page = analyse(text, path.resolve().as_uri())
        return Document(text=page.text, id=path.stem, published=page.published, title=page.title,
                        source=str(path))
    return Document(text=text, id=path.stem, title=_headline(text), source=str(path))


def _headline(text: str) -> str | None:
    """The first line of a plain-text release, when it reads like a headline (short, no final period)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 200 and not first.endswith(".") else None


def _is_utf8(path: Path, block: int = 1 << 20) -> bool:
    """True when the whole file is valid UTF-8; checked in blocks, never holding the file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(block):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig") as fh:
        yield from fh


def _read_path(path: Path) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES and _is_utf8(path):
        # JSON is UTF-8: read line by line, so a JSONL file of any size streams in constant memory.
        yield from _documents_from_jsonl(_utf8_lines(path), str(path))
    elif path.stat().st_size > MAX_FILE_BYTES:
        yield InputError(str(path), f"skipped, larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    elif suffix in JSONL_SUFFIXES:
        try:
            text = decode_bytes(path.read_bytes())
        except UndecodableError as exc:
            yield InputError(str(path), f"skipped, not text: {exc}")
            return
        yield from _documents_from_jsonl(text.splitlines(), str(path))
    else:
        yield _document_from_file(path)


def read_sources(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Documents (and input errors) from files, folders (recursively, sorted) and ``-`` (stdin JSONL)."""
    for name in paths:
        if name == "-":
            yield from _documents_from_jsonl(sys.stdin, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield from _read_path(child)
        else:
            yield from _read_path(path)
