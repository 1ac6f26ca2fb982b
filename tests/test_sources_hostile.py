"""Hostile JSON Lines: every bad record is one `file:line` error, and everything else is read."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from release_miner import jsonl
from release_miner.jsonl import JsonlError, read_jsonl
from release_miner.pipeline import Document
from release_miner.sources import InputError, read_sources

KOREAN = "부산광역시는 소상공인 지원 예산을 확대한다고 밝혔다."


def _read(*paths):
    items = list(read_sources([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)])


def _good(n: int) -> str:
    return json.dumps({"id": f"r{n}", "text": f"Release number {n}.", "published": "2025-03-27"})


BAD_FIELDS = [
    {"title": 5}, {"title": ["a", "list"]}, {"url": {"an": "object"}}, {"url": 3.5},
    {"published": 20250327}, {"published": ["2025-03-27"]}, {"published": "not a date"},
    {"published": "2025-13-40"}, {"id": {"x": 1}}, {"id": True},
]


@pytest.mark.parametrize("fields", BAD_FIELDS, ids=lambda f: json.dumps(f))
def test_a_record_with_a_wrongly_typed_field_is_an_error_naming_the_line(tmp_path: Path, fields: dict) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([_good(1), json.dumps({"text": "Bad record.", **fields}), _good(3)]) + "\n",
                    encoding="utf-8")
    docs, errors = _read(path)
    assert [d.id for d in docs] == ["r1", "r3"]
    assert len(errors) == 1 and errors[0].line == 2
    key = next(iter(fields))
    assert str(errors[0]).startswith(f"{path}:2: `{key}`")
    assert "\n" not in str(errors[0])


def test_published_dates_are_iso_dates(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    rows = [("a", "2025-03-27"), ("b", "2025-03"), ("c", "2025"), ("d", "2025-03-27T09:30:00+09:00"),
            ("e", "2025-03-27T00:00:00Z"), ("f", ""), ("g", None)]
    path.write_text("".join(json.dumps({"id": i, "text": "x", "published": p}) + "\n" for i, p in rows),
                    encoding="utf-8")
    docs, errors = _read(path)
    assert not errors
    assert [d.published for d in docs] == ["2025-03-27", "2025-03", "2025", "2025-03-27", "2025-03-27", None, None]


def test_a_lone_surrogate_is_an_error_and_later_lines_and_files_are_read(tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(_good(1) + "\n" + '{"id": "s", "text": "broken \\ud800 text"}\n'
                     + '{"id": "t", "title": "\\udfff", "text": "x"}\n'
                     + '{"id": "pair", "text": "a paired surrogate is fine: \\ud83d\\ude00"}\n', encoding="utf-8")
    second = tmp_path / "b.jsonl"
    second.write_text(_good(2) + "\n", encoding="utf-8")
    docs, errors = _read(first, second)
    assert [d.id for d in docs] == ["r1", "pair", "r2"]
    assert docs[1].text.endswith("\U0001f600")
    assert [(e.source, e.line) for e in errors] == [(str(first), 2), (str(first), 3)]
    assert "lone surrogate \\ud800 in `text`" in errors[0].message
    assert "`title`" in errors[1].message


def test_one_invalid_byte_spoils_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "korean.jsonl"
    lines = [json.dumps({"id": f"k{n}", "text": KOREAN}, ensure_ascii=False).encode("utf-8") for n in range(4)]
    lines[2] = lines[2].replace("소상공인".encode("utf-8"), b"\xff\xfe")
    path.write_bytes(b"\n".join(lines) + b"\n")
    docs, errors = _read(path)
    assert [d.id for d in docs] == ["k0", "k1", "k3"]
    assert all(d.text == KOREAN for d in docs)  # UTF-8, not a guessed charset
    assert len(errors) == 1 and errors[0].line == 3 and "not valid UTF-8 (byte 0xff" in errors[0].message


def test_a_jsonl_file_over_64_mib_with_a_bad_line_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "word " * (1024 * 1024 // 5)
    with path.open("wb") as fh:
        for n in range(66):
            line = json.dumps({"id": f"b{n}", "text": text}).encode()
            fh.write((line.replace(b"word", b"w\xffrd", 1) if n == 40 else line) + b"\n")
    assert path.stat().st_size > 64 * 1024 * 1024
    count, errors = 0, []
    for item in read_sources([str(path)]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            count += 1
    assert count == 65
    assert [e.line for e in errors] == [41]


def test_an_over_long_line_is_skipped_and_the_next_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_text(_good(1) + "\n" + json.dumps({"text": "y" * 5000}) + "\n" + _good(3) + "\n", encoding="utf-8")
    docs, errors = _read(path)
    assert [d.id for d in docs] == ["r1", "r3"]
    assert [e.line for e in errors] == [2] and "longer than" in errors[0].message


def test_an_endless_jsonl_stream_is_cut_off(tmp_path: Path, monkeypatch) -> None:
    """A pipe that never sends a newline is read up to the cap, then reported, not read forever."""
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1 << 20)
    fifo = tmp_path / "endless.jsonl"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        with fifo.open("wb") as fh:
            try:
                while not stop.is_set():
                    fh.write(b'{"text": "' + b"z" * 65536)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        docs, errors = _read(fifo)
    finally:
        stop.set()
        writer.join(timeout=10)
    assert docs == [] and len(errors) == 1 and "stopped" in errors[0].message
    assert not writer.is_alive()


def test_dev_zero_is_not_read_without_limit() -> None:
    """/dev/zero has no size on disk; what is read is capped."""
    docs, errors = _read("/dev/zero")
    assert docs == [] and len(errors) == 1 and "larger than 64 MiB" in errors[0].message


def test_json_errors_say_at_once(tmp_path: Path) -> None:
    path = tmp_path / "ctl.jsonl"
    path.write_bytes(b'{"text": "a\tb"}\n')
    _, errors = _read(path)
    assert "Invalid control character at column" in errors[0].message
    assert "at at" not in errors[0].message


def test_utf16_with_a_bom_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes((_good(1) + "\r\n" + json.dumps({"id": "k", "text": KOREAN}, ensure_ascii=False) + "\r\n")
                     .encode("utf-16"))
    docs, errors = _read(path)
    assert not errors and [d.text for d in docs] == ["Release number 1.", KOREAN]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _good(1).encode() + b"\n")
    docs, errors = _read(path)
    assert not errors and docs[0].id == "r1"


def test_strict_reader_names_the_undecodable_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"id": 1}\n{"id": "\xff"}\n')
    with pytest.raises(JsonlError, match=r"gold\.jsonl:2: not valid UTF-8"):
        read_jsonl(path)


def test_an_html_file_declaring_utf16_in_a_utf8_body_reads_as_utf8(tmp_path: Path) -> None:
    page = tmp_path / "seoul.html"
    body = "".join(f"<p>{KOREAN} 서울시는 청년 일자리 {n}만 개를 만든다고 발표했다.</p>" for n in range(5))
    page.write_bytes(f'<html><head><meta charset="utf-16"><title>서울</title></head><body><main>{body}</main>'
                     "</body></html>".encode("utf-8"))
    docs, errors = _read(page)
    assert not errors and KOREAN in docs[0].text
