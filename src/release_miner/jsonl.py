"""Strict reading of small JSON Lines files (gold sets, labels, classifier inputs).

Strict means the first unreadable line stops the read with ``file:line`` in the message:
these files are inputs a person prepares, so a bad line is a mistake to fix, not
something to skip. (Release batches are read leniently, line by line, in `sources`.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


class JsonlError(ValueError):
    """A JSON Lines file that cannot be read, or a line of it that is not JSON; names file and line."""


def read_jsonl(path: str | Path) -> list[tuple[int, Any]]:
    """Every non-blank line of ``path`` (``-`` is standard input) parsed, with its 1-based line number."""
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise JsonlError(f"{path}: {exc.strerror or exc}") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise JsonlError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    return out
