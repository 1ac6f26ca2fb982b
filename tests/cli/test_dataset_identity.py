"""The main job re-run on real folders into a real SQLite file: one release per identity, updates in place,
release-miner's own outputs never read back, empty inputs reported."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from release_miner.cli import main
from release_miner.records import content_hash

from ..conftest import SAMPLES


@pytest.fixture(autouse=True)
def _loaded(nlp):
    """Load the pipeline once for the session before the in-process CLI calls."""


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_rerun_in_a_folder_holding_its_own_outputs_adds_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "work"
    shutil.copytree(SAMPLES, folder)
    monkeypatch.chdir(folder)
    assert main(["run", ".", "--db", "mine.sqlite", "--report", "mine-report.html", "--quiet"]) == 0
    assert main(["export", "--db", "mine.sqlite", "--format", "jsonl", "--output", "mine.jsonl"]) == 0
    assert main(["extract", "--input", "toronto-housing.txt", "--output", "extracted.jsonl", "--quiet"]) == 0
    stored = _rows(folder / "mine.sqlite", "SELECT id, content_hash, revision FROM releases ORDER BY id")
    capsys.readouterr()
    assert main(["run", ".", "--db", "mine.sqlite", "--report", "mine-report.html", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "mine-report.html: skipped: a review report written by release-miner" in err
    assert "mine.jsonl: skipped: written by release-miner" in err
    assert "extracted.jsonl: skipped: written by release-miner" in err
    assert "mine.sqlite: skipped: a dataset file" in err
    assert main(["run", "mine.sqlite", "--db", "other.sqlite", "--quiet"]) == 1  # named: skipped, so nothing found
    assert "mine.sqlite: skipped: a dataset file" in capsys.readouterr().err
    assert " 0 added" in err and "error" not in err.replace(" 0 errors", "")
    assert _rows(folder / "mine.sqlite", "SELECT id, content_hash, revision FROM releases ORDER BY id") == stored


def test_an_edited_file_updates_its_release_in_place(tmp_path: Path, capsys) -> None:
    folder, db = tmp_path / "in", tmp_path / "d.sqlite"
    folder.mkdir()
    release = folder / "sacramento-housing.txt"
    release.write_text("Sacramento Opens Housing Fund\nMayor Jane Doe said the city will spend $5 million.",
                       encoding="utf-8")
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    old_hash = content_hash(release.read_text(encoding="utf-8"))
    (rid, _), = _rows(db, "SELECT id, processed_at FROM releases")
    release.write_text("Sacramento Opens Housing Fund\nMayor Jane Doe said the city will spend $7 million.",
                       encoding="utf-8")
    capsys.readouterr()
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    assert "1 updated" in capsys.readouterr().err
    rows = _rows(db, "SELECT id, doc_id, revision, previous_hash, text FROM releases")
    assert len(rows) == 1
    assert rows[0][:4] == (rid, "sacramento-housing", 2, old_hash) and "$7 million" in rows[0][4]
    assert _rows(db, "SELECT value FROM figures WHERE release_id = %d AND kind = 'money'" % rid) == [(7000000,)]
    mentions = _rows(db, "SELECT m.start_char, m.end_char, m.text FROM mentions m")
    assert mentions and all(rows[0][4][s:e] == t for s, e, t in mentions)
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    assert "0 added, 1 already stored" in capsys.readouterr().err
    assert _rows(db, "SELECT revision FROM releases") == [(2,)]


def test_the_same_name_in_two_folders_is_two_releases(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "d.sqlite"
    (folder / "2024").mkdir(parents=True)
    (folder / "2025").mkdir()
    (folder / "2024" / "release.txt").write_text("Busan opened a library in 2024.", encoding="utf-8")
    (folder / "2025" / "release.html").write_text(
        "<html><body><article><p>Busan opened a museum in 2025 for all residents of the city.</p>"
        "</article></body></html>", encoding="utf-8")
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    keys = _rows(db, "SELECT release_key FROM releases ORDER BY release_key")
    assert keys == [("path:2024/release.txt",), ("path:2025/release.html",)]


def test_a_jsonl_record_edited_under_its_id_is_updated_and_duplicate_ids_are_errors(tmp_path: Path, capsys) -> None:
    src, db = tmp_path / "news.jsonl", tmp_path / "d.sqlite"
    lines = [{"id": "a", "text": "Busan will invest 6 trillion won."},
             {"id": "b", "text": "Seoul hired 300 teachers."},
             {"id": "a", "text": "Busan will invest 9 trillion won."}]
    src.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    assert main(["run", str(src), "--db", str(db), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{src}:3: duplicate id 'a' (first read at {src}:1), skipped" in err
    assert _rows(db, "SELECT doc_id, text FROM releases ORDER BY doc_id") == [
        ("a", lines[0]["text"]), ("b", lines[1]["text"])]
    src.write_text("\n".join(json.dumps(r) for r in [lines[2], lines[1]]) + "\n", encoding="utf-8")
    assert main(["run", str(src), "--db", str(db), "--quiet"]) == 0
    assert _rows(db, "SELECT doc_id, revision, text FROM releases ORDER BY doc_id") == [
        ("a", 2, lines[2]["text"]), ("b", 1, lines[1]["text"])]


def test_reprocess_says_replaced(tmp_path: Path, capsys) -> None:
    src, db = tmp_path / "news.jsonl", tmp_path / "d.sqlite"
    src.write_text(json.dumps({"id": "a", "text": "Busan will invest 6 trillion won."}) + "\n", encoding="utf-8")
    assert main(["run", str(src), "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["run", str(src), "--db", str(db), "--quiet", "--reprocess"]) == 0
    err = capsys.readouterr().err
    assert "0 added, 1 replaced" in err
    assert _rows(db, "SELECT count(*), max(revision) FROM releases") == [(1, 1)]


def test_empty_files_are_reported_and_not_stored(tmp_path: Path, capsys) -> None:
    folder, db = tmp_path / "in", tmp_path / "d.sqlite"
    folder.mkdir()
    (folder / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "good.txt").write_text("Incheon planted 500 trees.", encoding="utf-8")
    (folder / "news.jsonl").write_text(json.dumps({"id": "blank", "text": " \n"}) + "\n", encoding="utf-8")
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'blank.txt'}: empty, skipped" in err and f"{folder / 'empty.jsonl'}: empty, skipped" in err
    assert f"{folder / 'news.jsonl'}:1: empty `text`, skipped" in err
    assert "1 read, 1 added, 0 already stored, 3 skipped, 0 errors" in err
    assert _rows(db, "SELECT doc_id FROM releases") == [("good",)]


def test_an_empty_folder_says_no_releases_found(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["run", str(folder), "--db", str(tmp_path / "d.sqlite"), "--quiet"]) == 1
    assert "no releases found in" in capsys.readouterr().err
    assert main(["extract", "--input", str(folder), "--output", str(tmp_path / "o.jsonl"), "--quiet"]) == 1
    assert "no releases found in" in capsys.readouterr().err


def test_a_published_value_that_is_not_a_date_is_an_error_naming_the_line(tmp_path: Path, capsys) -> None:
    src, db = tmp_path / "news.jsonl", tmp_path / "d.sqlite"
    src.write_text(json.dumps({"id": "a", "text": "Busan hired 30 nurses.", "published": "not a date"}) + "\n"
                   + json.dumps({"id": "b", "text": "Seoul hired 40 nurses.", "published": "2025-03-27"}) + "\n",
                   encoding="utf-8")
    assert main(["run", str(src), "--db", str(db), "--quiet"]) == 1
    assert f"{src}:1: `published` is not a date" in capsys.readouterr().err
    assert _rows(db, "SELECT doc_id, published FROM releases") == [("b", "2025-03-27")]
