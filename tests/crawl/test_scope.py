"""Crawl scope and limits on a council site over real HTTP: only the part of the site the user named,
every release it lists, limits that stop and resume, and counts that add up."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from release_miner.cli import main
from release_miner.crawl import CrawlReport
from release_miner.crawl.crawler import DEFAULT_MAX_PAGES
from release_miner.crawl.scope import Scope, ScopeError, index_variants, path_prefix

from . import council
from .conftest import crawl, pages
from .site_server import SiteServer

NAVIGATION = {"/", "/bins", "/council-tax", "/cookies", "/privacy", "/accessibility", "/old-page",
              "/consultations/", "/events/"}
FAST = ["--delay", "0", "--backoff", "0.01", "-q"]


@dataclass
class Crawled:
    site: SiteServer
    db: Path
    report: CrawlReport


@pytest.fixture(scope="module")
def council_site(tmp_path_factory):
    root = council.build(tmp_path_factory.mktemp("council") / "site")
    with SiteServer(root) as site:
        yield site


@pytest.fixture(scope="module")
def press(council_site, tmp_path_factory):
    """One default crawl of the press section, shared by the tests that read its outcome."""
    council_site.log.clear()
    db = tmp_path_factory.mktemp("press") / "crawl.sqlite"
    report = crawl(db, [council_site.url("/press/")])
    return Crawled(council_site, db, report)


def _paths(site: SiteServer) -> Counter:
    return Counter(hit.path for hit in site.log)


def _releases(db: Path) -> set[str]:
    return {path for path, page in pages(db, "release").items() if page["duplicate_of"] is None}


def test_default_scope_is_the_start_path(press):
    fetched = _paths(press.site)
    assert not set(fetched) & NAVIGATION                      # navigation and footer pages are not fetched
    assert _releases(press.db) == council.press_releases()   # every release, also the one under /news/
    assert all(path.startswith("/press") or path in ("/robots.txt", "/news/view?id=3") for path in fetched)


def test_listing_recognised_and_fetched_once_under_its_variants(press):
    kinds = {path: page["kind"] for path, page in pages(press.db).items()}
    assert kinds["/press/"] == "listing"
    assert all(kinds[f"/press/?page={n}"] == "listing" for n in range(2, council.PRESS_PAGES + 1))
    fetched = _paths(press.site)
    assert fetched["/press/"] == 1 and "/press/index.html" not in fetched
    assert all(count == 1 for count in fetched.values())      # deep pagination: every page once


def test_summary_counts(press):
    report = press.report
    assert report.finished and not report.limit_reached
    assert report.releases == len(council.press_releases())
    assert report.listings == council.PRESS_PAGES
    assert (report.failed_releases, report.failed_other) == (1, 1)   # the withdrawn release; the archive link
    assert report.failure_reasons == {"HTTP 404": 1}
    assert report.skip_reasons["out of scope"] == len(NAVIGATION)
    assert report.skip_reasons["disallowed by robots.txt"] == 1
    assert report.skip_reasons["duplicate"] == 1 and report.skip_reasons["attachment"] == 1
    assert report.fetched == report.releases + report.listings + report.failed
    lines = report.summary()
    assert lines[0].startswith("crawl finished: ") and lines[0].endswith("1 duplicate, 1 attachment")
    assert "failed: 1 release, 1 other page (HTTP 404: 1)" in lines


def test_releases_come_before_the_next_listing_page(press):
    order = [hit.path for hit in press.site.log]
    assert order.index("/press/2025/item-1.html") < order.index("/press/?page=2")
    assert order.index(f"/press/2025/item-{council.PER_PAGE + 1}.html") < order.index("/press/?page=3")


def test_host_scope_takes_the_whole_site(council_site, tmp_path):
    council_site.log.clear()
    report = crawl(tmp_path / "c.sqlite", [council_site.url("/press/")], scope="host")
    fetched = _paths(council_site)
    assert {"/", "/bins", "/cookies", "/consultations/", "/consultations/c1.html"} <= set(fetched)
    assert report.failed_other == 2 and report.failed_releases == 1    # /old-page joins the archive link


def test_pattern_scope_include_and_exclude(council_site, tmp_path):
    council_site.log.clear()
    crawl(tmp_path / "a.sqlite", [council_site.url("/press/")], scope=r"/(press|consultations)/",
          exclude=[r"item-[0-9]*[02468]\.html"])
    fetched = _paths(council_site)
    assert "/consultations/" in fetched and "/bins" not in fetched
    assert "/press/2025/item-2.html" not in fetched and "/press/2025/item-3.html" in fetched
    council_site.log.clear()
    crawl(tmp_path / "b.sqlite", [council_site.url("/press/")], include=[r"/press/(\?|2025/item-1\.html)"])
    fetched = _paths(council_site)
    assert "/press/2025/item-1.html" in fetched and "/press/2025/item-3.html" not in fetched
    assert "/news/view?id=3" not in fetched


def test_depth_limits_links_not_listing_pages(council_site, tmp_path):
    council_site.log.clear()
    report = crawl(tmp_path / "c.sqlite", [council_site.url("/press/")], max_depth=0)
    fetched = _paths(council_site)
    assert fetched["/press/?page=12"] == 1 and report.releases == 0
    assert report.skip_reasons["too deep"] > 0


def test_max_pages_stops_and_the_next_invocation_resumes(council_site, tmp_path):
    db = tmp_path / "c.sqlite"
    council_site.log.clear()
    first = crawl(db, [council_site.url("/press/")], max_pages=10)
    assert first.limit_reached and not first.finished and first.pending > 0 and first.fetched == 10
    assert "pages still queued: run the same command to continue" in "\n".join(first.summary())
    second = crawl(db, [council_site.url("/press/")], max_pages=None)
    assert second.resumed and second.finished
    assert _releases(db) == council.press_releases()
    counts = _paths(council_site)
    assert all(count == 1 for path, count in counts.items() if path != "/robots.txt")   # nothing fetched twice


def test_a_limit_met_with_nothing_left_is_finished_not_paused(council_site, tmp_path):
    full = crawl(tmp_path / "a.sqlite", [council_site.url("/press/")])
    exact = crawl(tmp_path / "b.sqlite", [council_site.url("/press/")], max_pages=full.fetched)
    assert exact.finished and not exact.limit_reached and exact.pending == 0
    assert exact.summary()[0].startswith("crawl finished")
    assert not any("still queued" in line or "paused" in line for line in exact.summary())


def test_endless_listing_stops_when_it_lists_nothing_new(council_site, tmp_path):
    council_site.log.clear()
    report = crawl(tmp_path / "c.sqlite", [council_site.url("/events/")])
    fetched = _paths(council_site)
    assert report.finished and report.releases == 3
    assert sum(n for path, n in fetched.items() if path.startswith("/events/?page=")) <= 1


def test_endless_listing_with_new_items_does_not_starve_releases(tmp_path):
    """Each page of this listing names new releases, for ever: the releases are fetched as it goes."""
    root = tmp_path / "site"
    for number in range(1, 301):
        items = [(f"/board/r{number}-{k}.html", f"Notice {number}-{k} about road works") for k in (1, 2)]
        name = "index.html" if number == 1 else f"index.html@page={number}"
        (root / "board").mkdir(parents=True, exist_ok=True)
        (root / "board" / name).write_text(council.listing("Notices", items, f"/board/?page={number + 1}"))
    for number in range(1, 301):
        for k in (1, 2):
            (root / "board" / f"r{number}-{k}.html").write_text(council.release(number * 2 + k))
    with SiteServer(root) as site:
        report = crawl(tmp_path / "c.sqlite", [site.url("/board/")], max_pages=30)
    assert report.limit_reached and report.releases >= 18 and report.listings <= 11


def test_crawl_command_verbose_reasons_and_waiting_releases(council_site, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["crawl", council_site.url("/press/"), "--db", str(db), "-v", *FAST]) == 0
    err = capsys.readouterr().err.replace(council_site.base, "")
    assert "skip: /bins: out of scope (outside /press/)" in err
    assert "skip: /press/drafts/next.html: disallowed by robots.txt" in err
    assert "skip: /press/index.html: duplicate of /press/" in err
    assert "skip: /files/plan.pdf: attachment" in err
    assert "error: /press/2025/withdrawn.html: HTTP 404" in err
    assert "failed: /press/archive-2019.html: HTTP 404" in err
    waiting = f"{len(council.press_releases())} crawled releases wait to be extracted into the dataset"
    assert waiting in err and "run --crawled" in err
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(db), "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert "exported 0 releases" in err and waiting in err


def test_errors_are_printed_without_verbose_but_navigation_failures_are_not(council_site, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["crawl", council_site.url("/press/"), "--db", str(db), "--delay", "0"]) == 0
    err = capsys.readouterr().err.replace(council_site.base, "")
    assert "error: /press/2025/withdrawn.html: HTTP 404" in err
    assert "archive-2019" not in err and "skip:" not in err


def test_report_says_why_it_is_empty_after_a_crawl(council_site, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    crawl(db, [council_site.url("/consultations/")])
    assert main(["report", "--db", str(db), "--output", str(tmp_path / "r.html")]) == 0
    assert "3 crawled releases wait to be extracted" in capsys.readouterr().err


@pytest.mark.parametrize("url, prefix", [
    ("http://x/press/", "/press"), ("http://x/press", "/press"), ("http://x/news/index.html", "/news"),
    ("http://x/", ""), ("http://x/eng/ai-translated-press-releases", "/eng/ai-translated-press-releases"),
])
def test_path_prefix(url, prefix):
    assert path_prefix(url) == prefix


def test_scope_decisions():
    scope = Scope.of(["http://x/press/"], exclude=["/press/old/"])
    assert scope.refusal("http://x/press/a.html", "page", False) is None
    assert scope.refusal("http://x/pressroom", "page", False).startswith("out of scope")
    assert scope.refusal("http://x/news/view?id=3", "release", True) is None     # listed from inside
    assert scope.refusal("http://x/news/view?id=3", "release", False).startswith("out of scope")
    assert scope.refusal("http://x/bins", "page", True).startswith("out of scope")
    assert scope.refusal("http://www.x/press/a", "page", False) is None            # the www. twin
    assert scope.refusal("http://y/press/a", "release", True) == "off-site"
    assert scope.refusal("http://x/press/old/a", "release", True).startswith("excluded by --exclude")
    with pytest.raises(ScopeError):
        Scope.of(["http://x/"], scope="[")


def test_index_variants():
    variants = index_variants("http://x/news/index.html?lang=en")
    assert "http://x/news/?lang=en" in variants and "http://x/news?lang=en" in variants
    assert index_variants("http://x/")[0] == "http://x/"


def test_frontier_records_why_links_were_not_followed(press):
    conn = sqlite3.connect(press.db)
    try:
        notes = dict(conn.execute("SELECT url, note FROM crawl_frontier WHERE status = 'skipped'").fetchall())
    finally:
        conn.close()
    assert notes[press.site.url("/bins")].startswith("out of scope")
    assert notes[press.site.url("/press/drafts/next.html")] == "disallowed by robots.txt"


def test_endless_listing_stops_even_when_walked_in_full(council_site, tmp_path):
    """``--full`` walks a listing past its known releases; one that only repeats itself still ends."""
    council_site.log.clear()
    report = crawl(tmp_path / "c.sqlite", [council_site.url("/events/")], full=True)
    fetched = _paths(council_site)
    assert report.finished and report.releases == 3
    assert sum(n for path, n in fetched.items() if path.startswith("/events/?page=")) <= 1


@pytest.mark.parametrize("start, other", [("/news/", "/news"), ("/news", "/news/")])
def test_a_listing_linked_with_and_without_its_slash_is_fetched_once(start, other, tmp_path):
    items = [(f"/news/r{n}.html", f"Council approves plan number {n} for the borough") for n in (1, 2, 3)]
    back = f"<p><a href='{other}'>All news</a> or the <a href='/news/index.html'>news index</a></p>"
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "index.html").write_text(council.listing("News", items, None, back))
    for n in (1, 2, 3):
        (root / "news" / f"r{n}.html").write_text(council.release(n, extra=back))
    with SiteServer(root) as site:
        report = crawl(tmp_path / "c.sqlite", [site.url(start)])
        fetched = _paths(site)
    assert fetched[start] == 1 and other not in fetched and "/news/index.html" not in fetched
    assert report.finished and (report.releases, report.listings) == (3, 1)
    assert report.skip_reasons["duplicate"] == 2 and report.duplicates == 2   # each spelling once a run


def test_filters_repeat_and_the_page_limit_defaults_to_a_thousand(council_site, tmp_path):
    db = tmp_path / "c.sqlite"
    council_site.log.clear()
    assert main(["crawl", council_site.url("/press/"), "--db", str(db), "--exclude", r"item-1\.html",
                 "--exclude", r"item-2\.html", "--include", "/press/", "--include", "/news/", *FAST]) == 0
    fetched = _paths(council_site)
    assert "/press/2025/item-1.html" not in fetched and "/press/2025/item-2.html" not in fetched
    assert "/press/2025/item-3.html" in fetched and "/news/view?id=3" in fetched   # the second --include
    conn = sqlite3.connect(db)
    try:
        options = json.loads(conn.execute("SELECT options FROM crawl_runs").fetchone()[0])
    finally:
        conn.close()
    assert options["max_pages"] == DEFAULT_MAX_PAGES == 1000
    assert options["exclude"] == [r"item-1\.html", r"item-2\.html"] and options["include"] == ["/press/", "/news/"]
