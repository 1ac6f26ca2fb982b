"""Reading releases from the places users keep them: JSONL files, text and HTML files, folders, stdin.

Reading never stops at the first bad record: each problem becomes an `InputError` that
names the file and line, yielded in stream order beside the good documents, so the
caller can report it and carry on with the rest of the batch.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .decoding import UndecodableError, decode_bytes
from .jsonl import JsonlLineError, iter_jsonl
from .crawl.pages import analyse
from .pipeline import Document
from .records import FIELDS

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: Text and HTML files larger than this are refused rather than read into memory (bytes);
#: JSON Lines files stream, whatever their size, with a cap on each line (`jsonl.MAX_LINE_BYTES`).
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


class Skipped(InputError):
    """An input that is deliberately not read (empty, or written by release-miner itself): reported, not an error."""


#: A page release-miner's review report wrote (its generator tag, or the footer of reports made before the tag).
_OWN_REPORT = re.compile(r'<meta\s+name=["\']generator["\']\s+content=["\']release-miner'
                         r'|class="page-foot">release-miner review report')


def is_own_output_record(record: object) -> bool:
    """True for a line of release-miner's own output (``extract`` or ``export``): every extracted field, as lists.

    Inputs carry ``id``/``text``/``published``/``url``/``title``; reading an output back would store the same
    releases again (export) or fail on every line (extract writes no text).
    """
    return isinstance(record, dict) and all(isinstance(record.get(name), list) for name in FIELDS)


#: File headers of SQLite databases, their write-ahead logs and rollback journals (a dataset and its journal).
_SQLITE_HEADERS = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83",
                   b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")
#: Name endings of dataset files, noted (not read) when a folder holds them.
_DATASET_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db-wal",
                     ".db-shm", ".db-journal")
_DATASET_SKIPPED = "skipped: a dataset file (SQLite database or its journal), not a release"


def is_dataset_file(path: Path) -> bool:
    """True for a file named like a release-miner dataset or its journal (``releases.sqlite``, ``-wal``...)."""
    return path.name.lower().endswith(_DATASET_SUFFIXES)


def dataset_skipped(path: Path) -> Skipped:
    """The note for a dataset file met in a folder of inputs."""
    return Skipped(path_text(str(path)), _DATASET_SKIPPED)


def is_own_report(text: str) -> bool:
    """True for the HTML of a release-miner review report (which must never be read as a release)."""
    return _OWN_REPORT.search(text) is not None


class SourceNotFound(FileNotFoundError):
    """A path the user named does not exist."""


def check_paths(paths: Iterable[str]) -> None:
    """Fail before any work when a named path is missing, so nothing is half-done."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise SourceNotFound(f"{p}: no such file or directory")


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def published_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) as given, or the date of an ISO date-time.

    None when ``value`` is no such date: a release's date is filtered and grouped on, so text
    that is not a date must not be stored as one.
    """
    value = value.strip()
    if _PARTIAL_DATE.fullmatch(value):
        return value
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


_PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def record_problem(record: object) -> str | None:
    """Why a JSONL record cannot become a release (None when it can).

    Only ``text`` is required; ``title``, ``url`` and ``published`` are strings or null,
    ``published`` an ISO date, ``id`` a string or a whole number.
    """
    if not isinstance(record, dict):
        return "a JSON object is expected on each line"
    if not isinstance(record.get("text"), str):
        return "no `text` string in this record"
    for key in ("title", "url", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f"`{key}` must be a string or null, not {_kind(value)}"
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        return f"`id` must be a string or a whole number, not {_kind(ident)}"
    published = record.get("published")
    if published and published.strip() and published_date(published) is None:
        shown = published if len(published) <= 40 else published[:40] + "..."
        return f"`published` is not a date (YYYY-MM-DD): {shown!r}"
    return None


def record_key(record: dict, where: str | None, line: int | None) -> str | None:
    """A JSONL record's identity: its ``id``, else its ``url``, else its place (``where:line``) in a file.

    None for an anonymous record on standard input: it is then known by its text alone.
    """
    if record.get("id") is not None:
        return f"id:{record['id']}"
    if record.get("url"):
        return f"url:{record['url']}"
    return f"path:{where}:{line}" if where is not None else None


def _documents_from_jsonl(rows: Iterable[tuple[int | None, object]], source: str,
                          where: str | None = None) -> Iterator[Document | InputError]:
    """Documents of one JSONL stream; ``where`` is its path relative to the source root (None: stdin)."""
    seen = False
    for number, record in rows:
        if not seen and is_own_output_record(record):
            yield Skipped(source, "skipped: written by release-miner (an extract or export output), not releases")
            return
        seen = True
        if isinstance(record, JsonlLineError):
            yield InputError(source, record.message, record.line)
            continue
        problem = record_problem(record)
        if problem:
            yield InputError(source, problem, number)
            continue
        assert isinstance(record, dict)
        if isinstance(record.get("published"), str):
            record["published"] = published_date(record["published"]) if record["published"].strip() else None
        document = Document.from_record(record, source=f"{source}:{number}")
        document.key = record_key(record, where, number)
        yield document
    if not seen:
        yield Skipped(source, "empty, skipped")


def _read_capped(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | InputError:
    """The bytes of ``path``, reading at most ``limit`` + 1 of them: a size on disk is not trusted
    (devices, pipes and growing files have none), so the cap is on what is read."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return InputError(str(path), f"cannot be read: {exc.strerror or exc}")
    if len(data) > limit:
        return InputError(str(path), f"skipped, larger than {limit // (1024 * 1024)} MiB")
    return data


def path_text(name: str) -> str:
    """A file name as storable text: bytes that are not UTF-8 (kept by the OS as lone surrogates, which
    SQLite and JSON refuse) are written as ``\\xNN``, so two such names stay distinct and readable."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _document_from_file(path: Path, where: str) -> Document | InputError:
    """The release in one text or HTML file; ``where`` (its path relative to the source root) is its identity."""
    label = path_text(str(path))
    data = _read_capped(path)
    if isinstance(data, InputError):
        data.source = label
        return data
    if not data.strip():
        return Skipped(label, "empty, skipped")
    if data.startswith(_SQLITE_HEADERS):
        return Skipped(label, _DATASET_SKIPPED)
    try:
        text = decode_bytes(data)
    except UndecodableError as exc:
        return InputError(label, f"skipped, not text: {exc}")
    if not text.strip():
        return Skipped(label, "empty, skipped")
    if path.suffix.lower() in HTML_SUFFIXES:
        if is_own_report(text):
            return Skipped(label, "skipped: a review report written by release-miner, not a release")
        page = analyse(text, path.resolve().as_uri())
        if not page.text.strip():
            return Skipped(label, "no text found in the page, skipped")
        return Document(text=page.text, id=path_text(path.stem), published=page.published, title=page.title,
                        source=label, key=f"path:{where}")
    return Document(text=text, id=path_text(path.stem), title=_headline(text), source=label, key=f"path:{where}")


def _headline(text: str) -> str | None:
    """The first line of a plain-text release, when it reads like a headline (short, no final period)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 200 and not first.endswith(".") else None


def relative_name(path: Path, root: Path | None) -> str:
    """``path`` relative to the source ``root`` it was found under (a named file: its own name), with ``/``."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def _read_path(path: Path, root: Path | None = None) -> Iterator[Document | InputError]:
    where = path_text(relative_name(path, root))
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _documents_from_jsonl(iter_jsonl(path), path_text(str(path)), where)
    else:
        yield _document_from_file(path, where)


#: Bytes of standard input looked at to tell JSON Lines from plain text.
_STDIN_PEEK = 64 * 1024


def _read_stdin() -> Iterator[Document | InputError]:
    """Standard input: JSON Lines when it opens with ``{`` (or is empty), else one plain-text release.

    ``cat release.txt | release-miner extract -`` is a release, not a stream of "not valid JSON" lines.
    """
    stream = getattr(sys.stdin, "buffer", None)
    peek = getattr(stream, "peek", None)
    head = peek(_STDIN_PEEK)[:_STDIN_PEEK] if peek else b""
    stripped = head.lstrip().removeprefix(codecs.BOM_UTF8).lstrip()
    if stream is None or not stripped or stripped.startswith(b"{") or head[:2] in (codecs.BOM_UTF16_LE,
                                                                                   codecs.BOM_UTF16_BE):
        yield from _documents_from_jsonl(iter_jsonl("-"), "<stdin>")
        return
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield InputError("<stdin>", f"skipped, larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        return
    try:
        text = decode_bytes(data)
    except UndecodableError as exc:
        yield InputError("<stdin>", f"skipped, not text: {exc}")
        return
    yield Document(text=text, id="stdin", title=_headline(text), source="<stdin>")


def read_sources(paths: Iterable[str], *, root: str | Path | None = None) -> Iterator[Document | InputError]:
    """Documents (and input errors) from files, folders (recursively, sorted) and ``-`` (stdin: JSONL or a text).

    A release found in a folder is identified by its path relative to that folder (``root`` when a caller
    walks the folder itself), so ``2024/release.txt`` and ``2025/release.txt`` are two releases.
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield from _read_path(child, path)
                elif is_dataset_file(child):
                    yield dataset_skipped(child)
        else:
            yield from _read_path(path, Path(root) if root is not None else None)


#: Inputs larger than this in all are not counted ahead (the progress bar then has no total).
COUNT_AHEAD_BYTES = 256 * 1024 * 1024


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold, for a progress total; None when not cheaply known (stdin, huge inputs).

    A text or HTML file is one document, a JSON Lines file one per non-blank line.
    """
    files: list[Path] = []
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                         and not p.name.startswith("."))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)
        else:
            return None  # Parquet and other formats: not counted here
    try:
        if sum(p.stat().st_size for p in files if p.suffix.lower() in JSONL_SUFFIXES) > COUNT_AHEAD_BYTES:
            return None
        total = 0
        for p in files:
            if p.suffix.lower() not in JSONL_SUFFIXES:
                total += 1
                continue
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
    except OSError:
        return None
    return total
