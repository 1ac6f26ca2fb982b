"""The CLI end to end on real files and a real SQLite dataset: extract, run, export, evaluate."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from release_miner.cli import build_parser, main

from ..conftest import DEV, SAMPLES


@pytest.fixture(autouse=True)
def _loaded(nlp):
    """Load the pipeline once for the session before the in-process CLI calls."""


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_command_has_an_example_in_its_help():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert {"run", "extract", "export", "evaluate"} <= set(subparsers.choices)
    for name, sub in subparsers.choices.items():
        assert "Examples:" in sub.format_help() and f"release-miner {name}" in sub.format_help(), name


def test_extract_reports_bad_lines_and_writes_the_rest(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": "Busan will invest 6 trillion won.", "published": "2025-03-27"}),
        "this is not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": ""}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["extract", "--input", str(src), "--output", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{src}:2:" in err and f"{src}:3:" in err and "Traceback" not in err
    records = _jsonl(out)
    assert [r["id"] for r in records] == ["a", "d"]
    assert set(records[0]) >= {"figures", "dates", "people", "organizations", "policies"}
    assert all(records[1][k] == [] for k in ("figures", "dates", "people", "organizations", "policies"))


def test_run_is_idempotent_and_adds_new_documents(tmp_path, capsys):
    db = tmp_path / "releases.sqlite"
    folder = tmp_path / "src"
    shutil.copytree(SAMPLES, folder)
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    first = sqlite3.connect(db).execute("SELECT count(*) FROM releases").fetchone()[0]
    assert first == len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    (folder / "extra.txt").write_text("Gwangju Opens AI Data Center\nGwangju will invest 2 billion won.",
                                      encoding="utf-8")
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM releases").fetchone()[0] == first + 1
    assert conn.execute("SELECT count(DISTINCT content_hash) FROM releases").fetchone()[0] == first + 1
    assert "1 added" in capsys.readouterr().err


def test_euc_kr_sample_is_decoded(tmp_path):
    db = tmp_path / "d.sqlite"
    assert main(["run", str(SAMPLES / "busan-closure-support-euckr.html"), "--db", str(db), "--quiet"]) == 0
    text = sqlite3.connect(db).execute("SELECT text FROM releases").fetchone()[0]
    assert "Busan Metropolitan City (Mayor Park Heong-joon)" in text
    assert "내용" in text and "\ufffd" not in text


def test_missing_source_leaves_the_dataset_untouched(tmp_path, capsys):
    db = tmp_path / "d.sqlite"
    assert main(["run", str(SAMPLES / "toronto-housing.txt"), "--db", str(db), "--quiet"]) == 0
    before = db.read_bytes()
    status = main(["run", str(SAMPLES), str(tmp_path / "missing.jsonl"), "--db", str(db), "--quiet"])
    err = capsys.readouterr().err
    assert status == 2 and "missing.jsonl" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_export_jsonl_and_csv(tmp_path):
    db = tmp_path / "d.sqlite"
    main(["run", str(SAMPLES / "toronto-housing.txt"), str(SAMPLES / "nyc-summer-youth.html"), "--db", str(db),
          "--quiet"])
    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--output", str(out)]) == 0
    records = _jsonl(out)
    assert len(records) == 2
    assert {"id", "url", "title", "published", "text", "figures", "dates", "people"} <= set(records[0])
    assert main(["export", "--db", str(db), "--format", "csv", "--output", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "releases.csv").exists() and (tmp_path / "csv" / "figures.csv").exists()


def test_export_of_a_missing_dataset_is_an_error(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "none.sqlite" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()


def test_evaluate_prints_the_table(capsys):
    if not DEV.exists():
        pytest.skip("../shared/eval/dev.jsonl is not available")
    assert main(["evaluate", "--gold", str(DEV), "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["field", "P", "R", "F1"]
    assert {line.split()[0] for line in lines[1:8]} == {"figures", "money", "dates", "people", "organizations",
                                                        "policies", "policies+category"}


def test_console_script_reads_stdin_and_writes_stdout(tmp_path):
    exe = shutil.which("release-miner")
    if exe is None:
        pytest.skip("release-miner is not installed as a console script")
    doc = json.dumps({"id": "s1", "text": "Seoul will spend 4.5 billion won.", "published": "2024-08-06"})
    proc = subprocess.run([exe, "extract", "--input", "-", "--output", "-", "--quiet"], input=doc + "\n",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "s1"
    assert not proc.stderr.strip() or "Traceback" not in proc.stderr
    assert sys.executable  # the same interpreter family runs the script
