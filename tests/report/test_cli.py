"""``release-miner report`` and ``run --report``: thin commands over `write_report`."""

from __future__ import annotations

import pytest
from release_miner.cli import main

from .dom import page_data


def _titles(path):
    return sorted(r["title"] for r in page_data(path.read_text(encoding="utf-8"))["releases"])


def test_report_command_writes_the_page(dataset, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "--db", str(dataset), "--output", str(out)]) == 0
    assert len(_titles(out)) == 4
    assert "report written to" in capsys.readouterr().err


def test_report_command_filters(dataset, tmp_path):
    out = tmp_path / "busan.html"
    assert main(["report", "--db", str(dataset), "-o", str(out), "--since", "2025-06", "--city", "busan"]) == 0
    assert _titles(out) == ["Harbour Recovery Fund for shipbuilding suppliers"]


@pytest.mark.parametrize("args,message", [
    (["--db", "{tmp}/missing.sqlite"], "no such dataset"),
    (["--db", "{db}", "--since", "yesterday"], "expected YYYY"),
])
def test_report_command_errors_are_one_line(dataset, tmp_path, capsys, args, message):
    argv = ["report", *(a.format(tmp=tmp_path, db=dataset) for a in args), "--output", str(tmp_path / "r.html")]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and err.startswith("release-miner report:")
    assert not (tmp_path / "r.html").exists()


@pytest.mark.slow
def test_run_writes_the_report_when_asked(tmp_path):
    import json

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({
        "id": "t1", "published": "2025-04-02", "url": "https://www.toronto.ca/news/ferry/", "title": "Ferry plan",
        "text": "Toronto City Council approved a 12 million dollar Ferry Renewal Plan on April 1, 2025.",
    }) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["run", str(source), "--db", str(tmp_path / "d.sqlite"), "--report", str(out), "-q"]) == 0
    (release,) = page_data(out.read_text(encoding="utf-8"))["releases"]
    assert release["title"] == "Ferry plan" and release["city"] == "Toronto"
