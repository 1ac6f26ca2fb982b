"""Reading JSON Lines: streamed, line by line, in bounded memory, every problem tied to its line.

JSON is UTF-8 (RFC 8259), so each line is decoded as strict UTF-8 on its own: one bad byte
spoils its line only, never the encoding of the whole file (a UTF-8 BOM is dropped, and a
file that opens with a UTF-16 BOM, as some Windows tools write, is read as UTF-16). Lines
are read with a cap (`MAX_LINE_BYTES`), so a file of any size streams and an endless
input (a device, a pipe with no newline) is stopped instead of filling memory.

Two readers share this: `iter_jsonl` is lenient (release batches: a bad line becomes a
`JsonlLineError` in the stream and reading goes on), `read_jsonl` is strict (gold sets,
labels, classifier inputs a person prepares: the first bad line stops the read).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: The longest line read (bytes); a longer one is reported and skipped. A release of tens of
#: megabytes fits; a stream with no newline at all is not read past this.
MAX_LINE_BYTES = 64 * 1024 * 1024

#: Bytes read at a time while skipping the rest of an over-long line.
_SKIP_BLOCK = 1 << 20

#: A ``\\uD800``-``\\uDFFF`` escape: only escapes can put a surrogate into parsed JSON text.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class JsonlError(ValueError):
    """A JSON Lines file that cannot be read, or a line of it that is not JSON; names file and line."""


@dataclass
class JsonlLineError:
    """A line that could not be read or parsed (``line`` is 1-based; None for the whole file)."""

    line: int | None
    message: str


def json_error_message(exc: json.JSONDecodeError) -> str:
    """``exc`` as one phrase: the reason and the column (some reasons already end in "at")."""
    reason = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"not valid JSON ({reason} at column {exc.colno})"


def lone_surrogate(value: Any, where: str = "") -> str | None:
    """Where in ``value`` a string holds an unpaired surrogate (such text cannot be stored or written)."""
    if isinstance(value, str):
        for i, ch in enumerate(value):
            if "\ud800" <= ch <= "\udfff":
                return f"a lone surrogate \\u{ord(ch):04x} in {where or 'the value'} at character {i + 1}"
        return None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((f"{i}", v) for i, v in enumerate(value))
    else:
        return None
    for key, item in items:
        found = lone_surrogate(key, "a key") or lone_surrogate(item, f"`{key}`" if not where else f"{where}.{key}")
        if found:
            return found
    return None


def parse_line(raw: bytes | str) -> Any:
    """One JSON Lines line parsed; raises ValueError with a one-phrase reason."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line)"
                             ) from None
        might_hold_surrogate = _SURROGATE_ESCAPE.search(raw) is not None
    else:
        text, might_hold_surrogate = raw, True
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(json_error_message(exc)) from None
    problem = lone_surrogate(value) if might_hold_surrogate else None
    if problem:
        raise ValueError(f"not valid Unicode: {problem}")
    return value


def _bounded_lines(fh: IO, endless: bool) -> Iterator[bytes | str | None]:
    """Lines of ``fh`` (bytes or str) of at most `MAX_LINE_BYTES`; None stands for an over-long line."""
    newline = b"\n" if isinstance(fh.read(0), bytes) else "\n"
    while line := fh.readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line.endswith(newline):
            yield line
            continue
        yield None
        if endless:  # a device or pipe may never send a newline: stop rather than read on forever
            return
        while (more := fh.readline(_SKIP_BLOCK)) and not more.endswith(newline):
            pass


def _is_endless(fh: IO) -> bool:
    """True unless ``fh`` is a regular file (whose end is known to come)."""
    try:
        return not stat.S_ISREG(os.fstat(fh.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return True


def _text_if_utf16(fh: IO[bytes]) -> IO | None:
    """A UTF-16 text view of ``fh`` when the file starts with a UTF-16 BOM (else None; nothing is consumed)."""
    peek = getattr(fh, "peek", None)
    head = peek(2)[:2] if peek else b""
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return io.TextIOWrapper(fh, encoding="utf-16", errors="strict", newline="")
    return None


def iter_lines(fh: IO) -> Iterator[tuple[int, Any | JsonlLineError]]:
    """Every non-blank line of an open file (binary or text), parsed, with its 1-based number."""
    endless = _is_endless(fh)
    if isinstance(fh.read(0), bytes):
        fh = _text_if_utf16(fh) or fh
    number = 0
    lines = _bounded_lines(fh, endless)
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:  # only a UTF-16 view decodes ahead of the line split
            yield number + 1, JsonlLineError(number + 1, f"not valid UTF-16 ({exc.reason}); the rest of the file"
                                                         " is skipped")
            return
        number += 1
        if raw is None:
            stop = " (no line end in sight, stopped)" if endless else ""
            yield number, JsonlLineError(number, f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB,"
                                                 f" skipped{stop}")
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        if not raw.strip():
            continue
        try:
            yield number, parse_line(raw)
        except ValueError as exc:
            yield number, JsonlLineError(number, str(exc))


def iter_jsonl(path: str | Path) -> Iterator[tuple[int | None, Any | JsonlLineError]]:
    """Every non-blank line of ``path`` (``-`` is standard input) parsed, streamed; errors stay in the stream."""
    if str(path) == "-":
        yield from iter_lines(getattr(sys.stdin, "buffer", sys.stdin))
        return
    try:
        fh = Path(path).open("rb")
    except OSError as exc:
        yield None, JsonlLineError(None, f"cannot be read: {exc.strerror or exc}")
        return
    with fh:
        try:
            yield from iter_lines(fh)
        except OSError as exc:
            yield None, JsonlLineError(None, f"reading stopped: {exc.strerror or exc}")


def read_jsonl(path: str | Path) -> list[tuple[int, Any]]:
    """Every non-blank line of ``path`` (``-`` is standard input) parsed, with its 1-based line number.

    Strict: raises `JsonlError` naming ``file:line`` at the first line that cannot be read.
    """
    out = []
    for number, value in iter_jsonl(path):
        if isinstance(value, JsonlLineError):
            where = f"{path}:{value.line}" if value.line is not None else str(path)
            message = value.message.removeprefix("cannot be read: ")
            raise JsonlError(f"{where}: {message}")
        out.append((number, value))
    return out
