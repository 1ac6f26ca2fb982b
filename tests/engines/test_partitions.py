"""Partition files in and out: JSONL always, Parquet when pyarrow is installed."""

from __future__ import annotations

import json
import sys

import pytest

from release_miner.cli import main
from release_miner.engines.partitions import (ParquetUnavailable, PartitionWriter, read_documents, read_output)
from release_miner.records import Figure, Release
from release_miner.sources import InputError

RECORDS = [
    {"id": "a", "text": "Mayor Ines Park opened 3 libraries.", "published": "2025-02-01"},
    {"id": "b", "text": "Der Rat bewilligte 5 Mio. € für Brücken.", "title": "Brücken"},
    {"id": "c", "text": "시는 2025년에 공원 12곳을 새로 연다."},
]


def _jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")])
def test_jsonl_with_or_without_a_bom_reads_the_same(tmp_path, encoding, prefix):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(prefix + _jsonl(RECORDS).encode(encoding))
    docs = list(read_documents([path]))
    assert [(d.id, d.text, d.published, d.title) for d in docs] == [
        (r["id"], r["text"], r.get("published"), r.get("title")) for r in RECORDS]
    assert docs[0].source == f"{path}:1"


def test_jsonl_is_utf8_and_never_charset_guessed(tmp_path):
    """A line in another encoding is an error naming it; the other lines are read as UTF-8."""
    path = tmp_path / "docs.jsonl"
    path.write_bytes(_jsonl(RECORDS[:1]).encode("cp949") + _jsonl(RECORDS[2:]).encode("cp949")
                     + _jsonl(RECORDS[1:2]).encode("utf-8"))
    items = list(read_documents([path]))
    assert [(type(i).__name__, i.line if isinstance(i, InputError) else i.id) for i in items] == [
        ("Document", "a"), ("InputError", 2), ("Document", "b")]
    assert "not valid UTF-8" in items[1].message and items[2].text == RECORDS[1]["text"]


def test_bad_jsonl_lines_are_errors_with_line_numbers(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(_jsonl(RECORDS[:1]) + "{not json\n" + '{"id": "x"}\n' + _jsonl(RECORDS[1:2]), encoding="utf-8")
    items = list(read_documents([path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert [i.line for i in items if isinstance(i, InputError)] == [2, 3]


def _release(n: int) -> Release:
    text = f"Item {n}: the council approved {n} grants."
    start = text.index(f"approved {n}") + len("approved ")
    return Release(id=str(n), text=text, published="2025-01-01" if n % 2 else None,
                   figures=[Figure(text=str(n), start=start, end=start + len(str(n)), kind="count", value=n)])


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_writer_round_trips_contract_records(tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    records = [_release(n).to_dict(include_text=False) for n in range(5)]
    path = tmp_path / f"out{suffix}"
    with PartitionWriter(path) as writer:
        for record in records:
            writer.write(record)
    assert writer.count == 5
    assert read_output(path) == records


def test_parquet_input_reads_like_jsonl(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "text": r["text"], "published": r.get("published")}
                                         for r in RECORDS]), tmp_path / "docs.parquet")
    (tmp_path / "more.jsonl").write_text(_jsonl(RECORDS[:1]), encoding="utf-8")
    docs = list(read_documents([tmp_path]))  # a folder: files in sorted order
    assert [d.id for d in docs] == ["a", "b", "c", "a"]
    assert docs[0].published == "2025-02-01" and docs[1].published is None


def test_empty_parquet_writes_a_readable_file(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "none.parquet"
    PartitionWriter(path).close()
    assert read_output(path) == []


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails as if not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    path = tmp_path / "docs.parquet"
    path.write_bytes(b"PAR1")
    with pytest.raises(ParquetUnavailable, match="pip install pyarrow"):
        list(read_documents([path]))
    assert main(["extract", "-q", "--input", str(path), "--output", str(tmp_path / "o.jsonl")]) == 2
    assert "Parquet files need pyarrow" in capsys.readouterr().err
