"""Hostile or broken sites over real HTTP on 127.0.0.1: robots.txt that cannot be read, redirects to another
port of the start host, decompression bombs, oversized pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from release_miner.crawl import CrawlOptions, Crawler, FetchOptions, load_adapters
from release_miner.crawl.discover import MAX_INFLATED
from release_miner.store import Store

from . import council
from .conftest import crawl, pages
from .site_server import SiteServer


def _site(root: Path, behaviours: dict | None = None, files: dict[str, str | bytes] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for path, content in (files or {}).items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        (target.write_bytes if isinstance(content, bytes) else target.write_text)(content)
    if behaviours:
        (root / "_server.json").write_text(json.dumps(behaviours))
    return root


def _small_site(root: Path, behaviours: dict | None = None) -> Path:
    items = [(f"/news/{name}.html", f"Council approves plan number {n} for the borough")
             for n, name in enumerate("abc", 1)]
    return _site(root, behaviours, {"/news/index.html": council.listing("News", items, None),
                                    **{path: council.release(n) for n, (path, _text) in enumerate(items, 1)}})


@pytest.mark.parametrize("status, retry_after", [(503, "3600"), (429, "3600"), (429, None), (503, None)])
def test_unreadable_robots_txt_means_nothing_is_fetched_until_it_reads(status, retry_after, tmp_path):
    headers = {"Retry-After": retry_after} if retry_after else {}
    root = _small_site(tmp_path / "site", {"/robots.txt": {"fail": 10_000, "status": status, "headers": headers}})
    db = tmp_path / "c.sqlite"
    with SiteServer(root) as site:
        report = crawl(db, [site.url("/news/")])
        assert {hit.path for hit in site.log} == {"/robots.txt"}
        assert report.held and not report.finished and report.pending == 1
        assert any("robots.txt cannot be read" in line and "run the same command later" in line
                   for line in report.summary())
        site.behaviours.pop("/robots.txt")          # the site recovers: the same command now crawls
        again = crawl(db, [site.url("/news/")])
        assert again.resumed and again.finished and again.releases == 3


def test_redirect_to_another_port_of_the_start_host_is_not_followed(tmp_path):
    with SiteServer(_small_site(tmp_path / "other")) as other:
        behaviours = {"/news/hop": {"redirect": other.url("/news/a.html"), "status": 302},
                      "/start": {"redirect": other.url("/news/"), "status": 301}}
        root = _site(tmp_path / "site", behaviours, {
            "/news/index.html": council.listing("News", [("/news/hop", "Council approves the new park plan"),
                                                          ("/news/b.html", "Council opens the new library"),
                                                          ("/news/c.html", "Council repairs the old bridge")], None),
            "/news/b.html": council.release(2),
            "/news/c.html": council.release(3),
        })
        with SiteServer(root) as site:
            db = tmp_path / "c.sqlite"
            report = crawl(db, [site.url("/news/")])
            assert other.log == []                                   # another port is another, untrusted service
            assert set(pages(db, "release")) == {"/news/b.html", "/news/c.html"} and report.failed_releases == 1
            assert "non-public address" in report.errors[0]
            crawl(tmp_path / "d.sqlite", [site.url("/start")])       # a start URL redirecting there: same
            assert other.log == []


def test_gzip_bomb_sitemap_is_reported_as_such(tmp_path):
    bomb = gzip.compress(b"\0" * (MAX_INFLATED + 1024), compresslevel=1)
    root = _small_site(tmp_path / "site")
    _site(root, files={"/robots.txt": "User-agent: *\nSitemap: {{BASE}}/sitemap.xml.gz\n", "/sitemap.xml.gz": bomb})
    with SiteServer(root) as site:
        report = crawl(tmp_path / "c.sqlite", [site.url("/news/")])
    assert report.finished and report.releases == 3
    assert report.failure_reasons == {"unreadable gzip": 1}
    text = "\n".join(report.summary())
    assert "binary" not in text and "unreadable gzip: 1" in text


def test_oversized_page_is_a_failure_not_done(tmp_path):
    padding = "<p>" + "Filler words for a very long page. " * 2000 + "</p>"
    root = _small_site(tmp_path / "site")
    _site(root, files={"/news/a.html": council.release(1, extra=padding)})
    with SiteServer(root) as site, Store(tmp_path / "c.sqlite") as store:
        options = CrawlOptions(fetch=FetchOptions(delay=0, backoff=0.01, timeout=5, max_bytes=20_000))
        report = Crawler(store, [site.url("/news/")], options, load_adapters()).run()
        note = store.conn.execute("SELECT status, note FROM crawl_frontier WHERE url = ?",
                                  (site.url("/news/a.html"),)).fetchone()
    assert report.failed_releases == 1 and report.releases == 2
    assert tuple(note)[0] == "failed" and "larger than the --max-bytes limit of 20000 bytes" in note[1]
    assert "failed: 1 release, 0 other pages" in report.summary()


def test_a_start_url_redirecting_to_another_port_does_not_widen_the_scope(tmp_path):
    """Even where private addresses are allowed, another port is another service: the redirect is not taken
    as the start URL's new home, so nothing there is crawled."""
    with SiteServer(_small_site(tmp_path / "other")) as other:
        root = _site(tmp_path / "site", {"/start/": {"redirect": other.url("/news/"), "status": 301}})
        with SiteServer(root) as site:
            report = crawl(tmp_path / "c.sqlite", [site.url("/start/")], allow_private=True)
        assert [hit.path for hit in other.log] == ["/news/"]     # the one hop; no robots.txt, no releases there
    assert report.skip_reasons["redirected off-site"] == 1 and report.releases == 0
    assert pages(tmp_path / "c.sqlite") == {}


def test_a_page_declaring_utf16_in_utf8_bytes_is_crawled_as_utf8(tmp_path):
    """``<meta charset="utf-16">`` read from ASCII-compatible bytes cannot be true: the page is UTF-8."""
    prose = "부산시는 올해 청년 일자리 3천 개를 새로 만들고 창업 지원금을 두 배로 늘린다고 밝혔다. " * 6
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-16"><title>부산 청년 일자리 계획</title></head>'
            f"<body><main><article><h1>부산 청년 일자리 계획</h1><p>2025-06-02</p><p>{prose}</p>"
            f"<p>{prose}</p></article></main></body></html>")
    items = [("/news/jobs.html", "Busan announces its youth jobs plan"),
             ("/news/b.html", "Council opens the new library"), ("/news/c.html", "Council repairs the old bridge")]
    root = _site(tmp_path / "site", files={"/news/index.html": council.listing("News", items, None),
                                           "/news/jobs.html": page.encode("utf-8"),
                                           "/news/b.html": council.release(2), "/news/c.html": council.release(3)})
    db = tmp_path / "c.sqlite"
    with SiteServer(root) as site:
        report = crawl(db, [site.url("/news/")])
    release = pages(db, "release")["/news/jobs.html"]
    assert report.releases == 3 and release["title"] == "부산 청년 일자리 계획"
    assert "청년 일자리 3천 개" in release["text"]


@pytest.mark.parametrize("case", ["larger than --max-bytes", "larger than robots.txt's 500 KiB", "octet-stream"])
def test_robots_txt_rules_are_read_however_it_is_served(case, tmp_path):
    """A robots.txt too large for a page, past the parsed size, or labelled as binary still has rules: they
    apply (each used to be read as "no robots.txt", so everything was fetched)."""
    rules = "User-agent: *\nDisallow: /news/b.html\n"
    padding = "".join(f"# 부산 해운대 해수욕장 안내 {n}\n" for n in range(40_000))   # multi-byte, about 1.5 MB
    behaviours = None
    if case == "octet-stream":
        behaviours = {"/robots.txt": {"body": rules, "content_type": "application/octet-stream"}}
        files = {}
    else:
        files = {"/robots.txt": (rules + padding + "Disallow: /news/c.html\n").encode("utf-8")}
    root = _site(_small_site(tmp_path / "site"), behaviours, files)
    db = tmp_path / "c.sqlite"
    max_bytes = 20_000 if case == "larger than --max-bytes" else 10 * 1024 * 1024
    with SiteServer(root) as site, Store(db) as store:
        options = CrawlOptions(fetch=FetchOptions(delay=0, backoff=0.01, timeout=5, max_bytes=max_bytes))
        report = Crawler(store, [site.url("/news/")], options, load_adapters()).run()
        fetched = {hit.path for hit in site.log}
    assert "/news/b.html" not in fetched and "/news/a.html" in fetched
    assert report.skip_reasons["disallowed by robots.txt"] == 1 and report.finished
    if case != "octet-stream":    # the rule after the first 500 KiB is not read
        assert "/news/c.html" in fetched


def test_a_long_crawl_delay_is_honoured_and_said(tmp_path, capsys):
    """A Crawl-delay longer than --delay paces the crawl; the user is told why it is slow."""
    from release_miner.cli import main

    root = _site(_small_site(tmp_path / "site"), files={"/robots.txt": "User-agent: *\nCrawl-delay: 0.4\n"})
    with SiteServer(root) as site:
        assert main(["crawl", site.url("/news/"), "--db", str(tmp_path / "c.sqlite"), "--delay", "0"]) == 0
        times = [hit.at for hit in site.log]
    err = capsys.readouterr().err.replace(site.base, "")
    assert "robots: /robots.txt asks for 0.4 s between requests (Crawl-delay)" in err
    assert len(times) == 5 and all(b - a >= 0.39 for a, b in zip(times, times[1:]))
