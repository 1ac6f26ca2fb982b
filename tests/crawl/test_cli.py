"""``release-miner crawl`` end to end: crawl into a dataset, re-extract offline, run and export."""

from __future__ import annotations

import json
import sqlite3

import pytest

from release_miner.cli import main

from .test_crawler import BUDGET, RIVERTON_RELEASES

FAST = ["--delay", "0", "--backoff", "0.01", "-q"]


def _count(db, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_crawl_command_stores_releases_and_reports(riverton, intranet, tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    assert main(["crawl", riverton.url("/"), "--db", str(db), *FAST]) == 0
    err = capsys.readouterr().err
    assert "crawl finished" in err and f"{len(RIVERTON_RELEASES) + 1} new releases" in err
    assert _count(db, "SELECT count(*) FROM crawl_pages WHERE kind = 'release' AND duplicate_of IS NULL") == \
        len(RIVERTON_RELEASES) + 1
    agent = riverton.hits("/robots.txt")[0].headers["user-agent"]
    assert agent.startswith("release-miner/") and "+https://" in agent


def test_max_pages_pauses_and_the_next_invocation_continues(riverton, intranet, tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    assert main(["crawl", riverton.url("/"), "--db", str(db), "--max-pages", "5", *FAST]) == 0
    err = capsys.readouterr().err
    assert "crawl stopped at --max-pages 5" in err and "pages still queued: run the same command" in err
    assert _count(db, "SELECT count(*) FROM crawl_frontier WHERE status = 'pending'") > 0
    assert main(["crawl", riverton.url("/"), "--db", str(db), *FAST]) == 0
    assert "crawl finished (resumed)" in capsys.readouterr().err
    assert _count(db, "SELECT count(*) FROM crawl_pages WHERE kind = 'release'") == len(RIVERTON_RELEASES | BUDGET)


def test_reextract_needs_no_network(riverton, intranet, tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    main(["crawl", riverton.url("/"), "--db", str(db), *FAST])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE crawl_pages SET text = 'stale', title = NULL WHERE kind = 'release'")
    conn.commit()
    conn.close()
    hits = len(riverton.log)
    assert main(["crawl", "--reextract", "--db", str(db), "--extractor", "generic"]) == 0
    assert len(riverton.log) == hits
    assert _count(db, "SELECT count(*) FROM crawl_pages WHERE kind = 'release' AND (text = 'stale' OR title IS NULL)") == 0
    assert _count(db, "SELECT count(*) FROM crawl_pages WHERE extractor = 'generic'") > 0


@pytest.mark.parametrize("args, message", [
    (["crawl", "--db", "x.sqlite"], "give start URLs"),
    (["crawl", "http://127.0.0.1:9/", "--site", "nowhere"], "no site adapter named 'nowhere'"),
    (["crawl", "http://127.0.0.1:9/", "--since", "June"], "expected YYYY-MM-DD"),
    (["crawl", "ftp://example.org/", "--db", "x.sqlite"], "not an http(s) URL"),
    (["crawl", "127.0.0.1:8765"], "did you mean http://127.0.0.1:8765?"),
    (["crawl", "localhost:8765/press/"], "did you mean http://localhost:8765/press/?"),
    (["crawl", "http://127.0.0.1:9/", "--exclude", "("], "--exclude '(': not a regular expression"),
    (["crawl", "http://127.0.0.1:9/", "--max-pages", "-1"], "--max-pages and --depth"),
])
def test_usage_errors(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # refused before any database is created


@pytest.mark.slow
def test_crawl_run_and_export(riverton, intranet, tmp_path, capsys):
    """crawl -> extract -> classify -> store in one command; export includes the crawled releases."""
    db = tmp_path / "r.sqlite"
    assert main(["crawl", riverton.url("/"), "--db", str(db), "--since", "2025-06-01", "--run", *FAST]) == 0
    assert main(["run", "--crawled", "--db", str(db), "-q"]) == 0     # already stored: nothing new
    assert "0 added, 4 already stored" in capsys.readouterr().err
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(db), "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["url"].replace(riverton.base, "") for r in records} == {
        "/news/euckr.html", "/news/2025/06/03/library-hours.html", "/updates/feed-only.html",
        "/archive/sitemap-only.html"}
    by_url = {r["url"].replace(riverton.base, ""): r for r in records}
    feed_only = by_url["/updates/feed-only.html"]
    assert feed_only["title"] == "Riverton joins the regional carbon-neutral cities network"
    assert feed_only["published"] == "2025-06-12" and "greenhouse gas emissions" in feed_only["text"]
    assert any(f["kind"] == "percent" for f in feed_only["figures"])
