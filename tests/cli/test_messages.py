"""Messages and output formats of the small commands: classify files, people table, crawl URLs, report dates."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from release_miner.cli import main


def test_classify_output_format_follows_the_file_extension(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps({"text": "youth monthly rent support"}) + "\n", encoding="utf-8")
    out = tmp_path / "y.jsonl"
    assert main(["classify", "--input", str(src), "--output", str(out)]) == 0
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["text"] == "youth monthly rent support" and "category" in row
    out_csv = tmp_path / "y.csv"
    assert main(["classify", "--input", str(src), "--output", str(out_csv)]) == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert rows[0]["text"] == "youth monthly rent support" and rows[0]["category"] == row["category"]


def test_people_table_marks_cut_names_with_an_ellipsis() -> None:
    from release_miner.cli.people import clip

    assert clip("Kim", 28) == "Kim"
    cut = clip("Deputy Mayor for Economic Affairs Kim", 28)
    assert len(cut) == 28 and cut.endswith("\u2026")


def test_crawl_url_without_a_scheme_suggests_http(tmp_path: Path, capsys) -> None:
    db = tmp_path / "d.sqlite"
    assert main(["crawl", "127.0.0.1:8765", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert "http://127.0.0.1:8765" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("since", ["2025-13", "2025-02-30", "last year", "2025-1"])
def test_report_refuses_a_since_that_is_not_a_date(tmp_path, capsys, since):
    from release_miner.cli import main

    output = tmp_path / "report.html"
    assert main(["report", "--db", str(tmp_path / "none.sqlite"), "--output", str(output), "--since", since]) == 2
    err = capsys.readouterr().err.strip()
    assert "is not a date" in err and "expected YYYY" in err and "\n" not in err
    assert not output.exists() and not (tmp_path / "none.sqlite").exists()
