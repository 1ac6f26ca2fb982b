"""Outputs are checked before the work, written beside their targets and swapped in only when complete."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from release_miner.cli import main
from release_miner.outputs import OutputError, atomic_files, atomic_text
from release_miner.records import Policy, Release
from release_miner.store import Store, export_csv


def _dataset(path: Path, n: int = 5) -> Path:
    with Store(path) as store:
        for i in range(n):
            text = f"Busan opened youth job centre number {i}."
            store.add(Release(id=f"r{i}", text=text, policies=[Policy(text[6:], 6, len(text), "livelihood_stability")]))
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", [
    ["export", "--format", "jsonl", "--output", "{dir}"],
    ["report", "--output", "{dir}"],
])
def test_a_folder_given_as_an_output_file_is_refused_before_the_work(tmp_path: Path, capsys, command) -> None:
    db = _dataset(tmp_path / "d.sqlite")
    folder = tmp_path / "outdir"
    folder.mkdir()
    assert main([*(a.replace("{dir}", str(folder)) for a in command), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(folder) in err and "is a folder" in err
    assert list(folder.iterdir()) == [] and not [p for p in tmp_path.iterdir() if "partial" in p.name]


def test_run_checks_its_report_path_before_the_work(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "report.html"
    folder.mkdir()
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "Seoul will spend 4.5 billion won."}\n', encoding="utf-8")
    db = tmp_path / "d.sqlite"
    assert main(["run", str(src), "--db", str(db), "--report", str(folder), "--quiet"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not db.exists()


def test_csv_export_to_an_existing_file_is_refused_before_the_work(tmp_path: Path, capsys) -> None:
    db = _dataset(tmp_path / "d.sqlite")
    target = tmp_path / "out.csv"
    target.write_text("keep me\n", encoding="utf-8")
    assert main(["export", "--db", str(db), "--format", "csv", "--output", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(target) in err
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_a_csv_export_that_fails_part_way_leaves_the_previous_export_intact(tmp_path: Path, capsys) -> None:
    db = _dataset(tmp_path / "d.sqlite")
    out = tmp_path / "csv"
    (out / "notes.txt").parent.mkdir()
    (out / "notes.txt").write_text("the user's own file\n", encoding="utf-8")
    assert main(["export", "--db", str(db), "--format", "csv", "--output", str(out)]) == 0
    capsys.readouterr()
    before = _files(out)
    assert len(before["releases.csv"].splitlines()) == 6
    with Store(db) as store:  # more releases, and a policy text SQLite holds but cannot give back as UTF-8
        for i in range(5, 9):
            store.add(Release(id=f"r{i}", text=f"Release {i}."))
        store.conn.execute("INSERT INTO policies (release_id, text, start_char, end_char, category)"
                           " VALUES (1, CAST(X'FF' AS TEXT), 0, 1, 'none')")
    assert main(["export", "--db", str(db), "--format", "csv", "--output", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert _files(out) == before  # releases.csv was written again, but never swapped in; no partial files


def test_atomic_text_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as fh:
        fh.write("new, half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n" and [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    with atomic_text(target) as fh:
        fh.write(json.dumps({"new": True}))
    assert json.loads(target.read_text(encoding="utf-8")) == {"new": True}


def test_a_file_in_the_way_of_a_folder_output_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="blocker"):
        with atomic_files(tmp_path / "blocker" / "csv"):
            pass
    with pytest.raises(OutputError, match="is a file, not a folder"):
        with atomic_text(tmp_path / "blocker" / "a.jsonl"):
            pass


def test_jsonl_export_failing_part_way_leaves_no_partial(tmp_path: Path, capsys) -> None:
    db = _dataset(tmp_path / "d.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE releases SET title = CAST(X'FF' AS TEXT) WHERE doc_id = 'r3'")
    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db), "--output", str(out)]) == 2
    assert not out.exists() and not [p for p in tmp_path.iterdir() if "partial" in p.name]
    assert export_csv  # the CSV path is covered above
