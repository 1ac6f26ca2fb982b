"""Strict JSON Lines reading: line numbers for every row, file:line for the first bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from release_miner.jsonl import JsonlError, read_jsonl


def test_rows_keep_their_line_numbers_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 1}\n\n  \n[2, 3]\n"x"\n', encoding="utf-8")
    assert read_jsonl(path) == [(1, {"id": 1}), (4, [2, 3]), (5, "x")]


def test_first_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": 1}\n{"id": \n{oops}\n', encoding="utf-8")
    with pytest.raises(JsonlError, match=r"b\.jsonl:2: not valid JSON"):
        read_jsonl(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(JsonlError, match=r"nope\.jsonl: "):
        read_jsonl(tmp_path / "nope.jsonl")


def test_dash_reads_standard_input(monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "a"}\n'))
    assert read_jsonl("-") == [(1, {"text": "a"})]
