"""A batch with hostile records: each is one `file:line` error, every other record is stored or written."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from release_miner.cli import main

BAD = [
    {"title": 7}, {"url": ["https://a.example", "https://b.example"]}, {"published": {"year": 2025}},
    {"published": "not a date"},
]


def _batch(path: Path) -> Path:
    lines = []
    for n in range(10):
        record = {"id": f"r{n}", "text": f"Seoul will spend {n + 1} billion won on parks in district {n}.",
                  "published": "2025-03-27"}
        if n in (2, 4, 6, 8):
            record.update(BAD[(n - 2) // 2])
        lines.append(json.dumps(record))
    lines[9] = '{"id": "r9", "text": "lone \\ud800 surrogate"}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


def test_run_stores_every_good_record_of_a_hostile_batch(tmp_path: Path, capsys) -> None:
    src = _batch(tmp_path / "batch.jsonl")
    db = tmp_path / "d.sqlite"
    assert main(["run", str(src), "--db", str(db), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line.split(": ")[1] for line in _error_lines(err)] == [f"{src}:{n}" for n in (3, 5, 7, 9, 10)]
    with sqlite3.connect(db) as conn:
        stored = [r[0] for r in conn.execute("SELECT doc_id FROM releases ORDER BY doc_id")]
        published = {r[0] for r in conn.execute("SELECT published FROM releases")}
    assert stored == ["r0", "r1", "r3", "r5", "r7"]
    assert published == {"2025-03-27"}


def test_extract_writes_every_good_record_of_a_hostile_batch(tmp_path: Path, capsys) -> None:
    src = _batch(tmp_path / "batch.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--input", str(src), "--output", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert len(_error_lines(err)) == 5 and "Traceback" not in err
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "r0", "r1", "r3", "r5", "r7"]


def test_a_file_name_that_is_not_utf8_is_stored_and_the_rest_of_the_folder_too(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))).write_text("Busan will invest 6 trillion won.",
                                                                     encoding="utf-8")
    (folder / "good.txt").write_text("Seoul hired 300 teachers.", encoding="utf-8")
    db = tmp_path / "d.sqlite"
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0, capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT doc_id, release_key FROM releases ORDER BY doc_id").fetchall()
    assert rows == [("caf\\xe9", "path:caf\\xe9.txt"), ("good", "path:good.txt")]
