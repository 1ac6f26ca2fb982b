"""First commands a new user types: extract on positional sources, text on stdin, CSV export paths, defaults."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from release_miner.cli import build_parser, main

from ..conftest import SAMPLES

CLI = Path(sys.executable).parent / "release-miner"


@pytest.fixture(autouse=True)
def _loaded(nlp):
    """Load the pipeline once for the session before the in-process CLI calls."""


def test_extract_takes_positional_sources_and_can_write_the_text(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SAMPLES), "--with-text", "--output", str(out), "--quiet"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    html = next(r for r in records if r["id"] == "nyc-summer-youth")
    assert html["figures"] and all(html["text"][f["start"]:f["end"]] == f["text"] for f in html["figures"])
    assert main(["extract", "--output", str(out), "--quiet"]) == 2
    assert "give SOURCE" in capsys.readouterr().err


def test_plain_text_on_stdin_is_one_release(tmp_path: Path) -> None:
    text = (SAMPLES / "busan-startup-fund.txt").read_bytes()
    proc = subprocess.run([str(CLI), "extract", "-", "--quiet"], input=text, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    [record] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["id"] == "stdin" and record["figures"]


def test_a_csv_export_to_a_csv_file_name_is_refused_before_anything_is_written(tmp_path: Path, capsys) -> None:
    db = tmp_path / "d.sqlite"
    (tmp_path / "in.txt").write_text("Busan will invest 6 trillion won.", encoding="utf-8")
    assert main(["run", str(tmp_path / "in.txt"), "--db", str(db), "--quiet"]) == 0
    target = tmp_path / "out.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--output", str(target)]) == 2
    assert "one file per table, written to a folder" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("command", ["run", "export"])
def test_db_help_shows_its_default(command: str) -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert "default: releases.sqlite" in " ".join(subparsers.choices[command].format_help().split())
