"""Dataset files that are new, shared, locked, damaged, read-only or from a newer release-miner.

Every case is a real SQLite file (and real processes where two are involved); a file that
cannot be used is one line naming it, never a traceback, and never a changed file.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from release_miner import store as store_module
from release_miner.cli import main
from release_miner.people import link_people
from release_miner.records import Organization, Person, Release
from tests.store_race import open_and_add
from tests.store_versions import dataset_at_version
from release_miner.store import SCHEMA_VERSION, SchemaTooNew, Store, StoreError

CLI = Path(sys.executable).parent / "release-miner"


def _release(n: int) -> Release:
    text = f"Mayor Kim Min-ji said the Busan Metropolitan Council approved programme {n}. " * 40
    return Release(id=f"r{n}", text=text, published="2025-03-27",
                   people=[Person("Kim Min-ji", [], "Mayor", "Busan", [[6, 16]])],
                   organizations=[Organization("Busan Metropolitan Council", [], [[26, 52]])])


def _dataset(path: Path, n: int = 3) -> Path:
    with Store(path) as store:
        store.after_add.append(link_people)
        for i in range(n):
            store.add(_release(i))
    return path


def test_two_processes_creating_a_new_dataset_at_once_both_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    for attempt in range(8):
        path = str(tmp_path / f"new{attempt}.sqlite")
        barrier, results = context.Barrier(2), context.Queue()
        procs = [context.Process(target=open_and_add, args=(path, barrier, results)) for _ in range(2)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == ["ok", "ok"], outcomes
        with Store(path) as store:
            assert store.schema_version == SCHEMA_VERSION and store.count() == 2


def test_a_locked_dataset_is_one_line_naming_the_file(tmp_path: Path, monkeypatch, capsys) -> None:
    db = _dataset(tmp_path / "busy.sqlite")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match=r"busy\.sqlite: the dataset is locked by another process"):
            Store(db, timeout=0.2)
        monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
        src = tmp_path / "one.jsonl"
        src.write_text('{"id": "a", "text": "Seoul will spend 4.5 billion won."}\n', encoding="utf-8")
        assert main(["run", str(src), "--db", str(db), "--quiet"]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(db) in err and "locked" in err


def _truncated(path: Path) -> Path:
    _dataset(path, n=40)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _overwritten(path: Path) -> Path:
    _dataset(path, n=40)
    data = bytearray(path.read_bytes())
    data[4096:len(data)] = b"\x5a" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    return path


BROKEN = {
    "not sqlite": lambda p: (p.write_text("just some notes\n" * 50), p)[1],
    "truncated": _truncated,
    "corrupt": _overwritten,
    "a folder": lambda p: (p.mkdir(), p)[1],
    "empty header": lambda p: (p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200), p)[1],
}


@pytest.mark.parametrize("kind", list(BROKEN))
@pytest.mark.parametrize("command", [["export", "--output", "{out}"], ["people"], ["report", "--output", "{out}"]])
def test_an_unusable_dataset_is_one_line_naming_it(tmp_path: Path, capsys, kind: str, command: list[str]) -> None:
    db = BROKEN[kind](tmp_path / "data.sqlite")
    out = tmp_path / "out.file"
    args = [a.replace("{out}", str(out)) for a in command]
    status = main([*args, "--db", str(db)])
    captured = capsys.readouterr()
    assert status == 2, captured
    err = captured.err.strip()
    assert err.count("\n") == 0 and str(db) in err and "Traceback" not in err, err
    assert not out.exists()


@pytest.mark.parametrize("kind", ["not sqlite", "a folder", "corrupt"])
def test_run_into_an_unusable_dataset_is_one_line(tmp_path: Path, kind: str) -> None:
    db = BROKEN[kind](tmp_path / "data.sqlite")
    src = tmp_path / "one.jsonl"
    src.write_text('{"id": "a", "text": "Seoul will spend 4.5 billion won."}\n', encoding="utf-8")
    proc = subprocess.run([str(CLI), "run", str(src), "--db", str(db), "--quiet"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and str(db) in proc.stderr and "Traceback" not in proc.stderr


def _newer(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE releases (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 10}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [["run", "{src}"], ["export"], ["people"], ["report", "--output", "{out}"]])
def test_a_refused_newer_schema_file_is_left_byte_identical(tmp_path: Path, capsys, command: list[str]) -> None:
    db = _newer(tmp_path / "future.sqlite")
    before = db.read_bytes()
    src = tmp_path / "one.jsonl"
    src.write_text('{"id": "a", "text": "Seoul will spend 4.5 billion won."}\n', encoding="utf-8")
    args = [a.replace("{src}", str(src)).replace("{out}", str(tmp_path / "r.html")) for a in command]
    assert main([*args, "--db", str(db), "--quiet"] if command[0] == "run" else [*args, "--db", str(db)]) == 2
    assert "newer than this release-miner" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite", "one.jsonl"]
    with pytest.raises(SchemaTooNew):
        Store(db, readonly=True)
    assert db.read_bytes() == before


def _without_write_permission(cmd: list[str]) -> list[str]:
    """``cmd`` run so that file permissions bind (root is stripped of its override capabilities)."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to bind")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]


@pytest.fixture
def read_only_dataset():
    """A dataset in a folder and file nobody may write (made outside pytest's private tmp folder)."""
    folder = Path(tempfile.mkdtemp(prefix="rm-readonly-"))
    db = _dataset(folder / "shared.sqlite")
    outputs = Path(tempfile.mkdtemp(prefix="rm-outputs-"))
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db, outputs
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
        shutil.rmtree(outputs)


@pytest.mark.parametrize("command", [
    ["export", "--output", "{out}/all.jsonl"],
    ["export", "--format", "csv", "--output", "{out}/csv"],
    ["report", "--output", "{out}/report.html"],
    ["people"],
    ["people", "--suggestions"],
])
def test_read_only_commands_work_on_a_read_only_dataset(read_only_dataset, command: list[str]) -> None:
    db, outputs = read_only_dataset
    before = db.read_bytes()
    args = [a.replace("{out}", str(outputs)) for a in command]
    proc = subprocess.run(_without_write_permission([str(CLI), *args, "--db", str(db)]), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["shared.sqlite"]
    if command[0] == "people" and len(command) == 1:
        assert "Kim Min-ji" in proc.stdout
    if command[0] == "export" and "csv" not in command:
        assert len((outputs / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_writing_to_a_read_only_dataset_is_one_line(read_only_dataset) -> None:
    db, _ = read_only_dataset
    proc = subprocess.run(_without_write_permission([str(CLI), "people", "--regroup", "--db", str(db)]),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and str(db) in proc.stderr and "Traceback" not in proc.stderr


def test_a_read_only_open_of_an_older_schema_upgrades_it_when_it_may(tmp_path: Path) -> None:
    db = dataset_at_version(tmp_path / "old.sqlite", 3)
    with Store(db, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "value_max" in {c[1] for c in store.conn.execute("PRAGMA table_info(dates)")}
