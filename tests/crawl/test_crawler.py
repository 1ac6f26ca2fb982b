"""Whole crawls of the fixture sites over real HTTP, into real SQLite files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from release_miner.crawl import CrawlReport, crawled_documents, load_adapters
from release_miner.crawl.adapters import adapter_named
from release_miner.store import Store

from .conftest import crawl, pages
from .site_server import FIXTURES, SiteServer

RIVERTON_RELEASES = {
    "/news/harbor-bridge.html", "/news/youth-jobs.html", "/news/heat-shelters.html", "/news/water-main.html",
    "/news/flaky.html", "/news/busy.html", "/news/2025/06/03/library-hours.html", "/news/euckr.html",
    "/updates/feed-only.html", "/archive/sitemap-only.html",
}
BUDGET = {"/news/budget-2025.html", "/news/budget-2025-copy.html"}


@dataclass
class Crawled:
    site: SiteServer
    intranet: SiteServer
    db: Path
    report: CrawlReport


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One full crawl of the generic site, shared by the tests that only read its outcome."""
    with SiteServer(FIXTURES / "riverton") as intranet, SiteServer(FIXTURES / "riverton") as site:
        site.intranet = f"http://localhost:{intranet.httpd.server_address[1]}"
        db = tmp_path_factory.mktemp("crawl") / "crawl.sqlite"
        report = crawl(db, [site.url("/")])
        yield Crawled(site, intranet, db, report)


def _originals(db) -> dict[str, dict]:
    return {path: page for path, page in pages(db, "release").items() if page["duplicate_of"] is None}


def test_generic_site_crawl_finds_every_release_once(crawled):
    db = crawled.db
    assert crawled.report.finished
    originals = _originals(db)
    # listings (numbered pages and Next), the RSS feed and the gzipped sitemap behind a sitemap index
    assert set(originals) - BUDGET == RIVERTON_RELEASES
    # the same budget text at two URLs is stored once as a release, the other page marked as its duplicate
    budget = {p: v for p, v in pages(db, "release").items() if p in BUDGET}
    assert len(budget) == 2 and sum(v["duplicate_of"] is None for v in budget.values()) == 1
    # listing, navigation and about pages are not releases
    kinds = {p: v["kind"] for p, v in pages(db).items()}
    assert kinds["/news/"] == kinds["/news/?page=2"] == kinds["/news/?page=3"] == "listing"
    assert kinds["/"] == kinds["/about.html"] == kinds["/contact.html"] == "other"
    assert kinds["/feed.xml"] == "feed" and kinds["/sitemap-news.xml.gz"] == "sitemap"


def test_crawl_obeys_robots_and_never_reaches_private_hosts(crawled):
    db, riverton, intranet = crawled.db, crawled.site, crawled.intranet
    assert riverton.hits("/robots.txt") and riverton.hits("/private/secret.html") == []
    assert intranet.log == []   # /go/intranet redirects to localhost: refused
    assert all("example.org" not in url for url in pages(db))


def test_retries_redirects_and_tracking_duplicates(crawled):
    db, riverton = crawled.db, crawled.site
    assert [h.status for h in riverton.hits("/news/flaky.html")] == [503, 200]
    assert [h.status for h in riverton.hits("/news/busy.html")] == [429, 200]
    stored = pages(db)
    assert "/news/water-main.html" in stored and "/old/water-main" not in stored
    # linked with utm_* parameters and a fragment from a listing and from the feed: fetched once each
    assert len(riverton.hits("/news/budget-2025.html")) == 1
    assert len(riverton.hits("/news/harbor-bridge.html")) == 1
    for hit in riverton.log:
        assert "utm_" not in hit.path


def test_euc_kr_page_with_charset_only_in_meta(crawled):
    db = crawled.db
    page = pages(db)["/news/euckr.html"]
    assert page["title"] == "리버턴시, 전통시장 상품권 10% 할인 판매"
    assert "전통시장 상품권을 10% 할인된 가격으로" in page["text"] and page["published"] == "2025-06-10"
    assert page["content_type"] == "text/html"   # no charset in the header


def test_attachments_are_recorded_not_parsed(crawled):
    db, riverton = crawled.db, crawled.site
    with Store(db) as store:
        rows = store.conn.execute(
            "SELECT p.canonical_url AS page, a.url FROM crawl_attachments a JOIN crawl_pages p ON p.id = a.page_id"
        ).fetchall()
    found = {(r["page"].split("/", 3)[3], r["url"].split("/", 3)[3]) for r in rows}
    assert {url for _page, url in found} == {"files/budget-2025.pdf", "files/download?id=7"}
    assert {page for page, _url in found} <= {"news/budget-2025.html", "news/budget-2025-copy.html"}
    assert riverton.hits("/files/budget-2025.pdf") == []       # known by its suffix: never downloaded
    assert "/files/download?id=7" not in pages(db)              # PDF by content type: not stored as a page


def test_raw_html_is_kept_compressed(crawled):
    import zlib

    db = crawled.db
    page = pages(db)["/news/harbor-bridge.html"]
    raw = zlib.decompress(page["raw_html"])
    assert raw.startswith(b"<!DOCTYPE html>") and len(page["raw_html"]) < len(raw)


def test_second_crawl_is_incremental(riverton, intranet, tmp_path):
    db = tmp_path / "crawl.sqlite"
    crawl(db, [riverton.url("/")])
    before = len(riverton.log)
    report = crawl(db, [riverton.url("/")])
    again = riverton.log[before:]
    assert report.finished and not report.resumed and report.releases == 0
    fetched_again = {h.path for h in again}
    assert not fetched_again & RIVERTON_RELEASES            # known releases are not downloaded again
    listing = [h for h in again if h.path == "/news/"]
    assert listing and listing[0].headers.get("if-none-match") and listing[0].status == 304
    assert "/news/?page=2" not in fetched_again              # page 1 lists only known releases: stop there


def test_refresh_revalidates_known_releases(riverton, intranet, tmp_path):
    db = tmp_path / "crawl.sqlite"
    crawl(db, [riverton.url("/")])
    before = len(riverton.log)
    report = crawl(db, [riverton.url("/")], refresh=True, full=True)
    again = [h for h in riverton.log[before:] if h.path == "/news/harbor-bridge.html"]
    assert [h.status for h in again] == [304] and again[0].headers["if-none-match"]
    assert report.not_modified >= len(RIVERTON_RELEASES)


def test_since_stops_walking_the_listing(riverton, intranet, tmp_path):
    db = tmp_path / "crawl.sqlite"
    crawl(db, [riverton.url("/")], since="2025-06-01")
    assert set(_originals(db)) == {"/news/euckr.html", "/news/2025/06/03/library-hours.html",
                                   "/updates/feed-only.html", "/archive/sitemap-only.html"}
    assert riverton.hits("/news/?page=2") and riverton.hits("/news/?page=3") == []   # page 2 lists only older
    assert riverton.hits("/news/harbor-bridge.html") == []                            # older feed entry


def test_busan_adapter_crawl(busan, tmp_path):
    db = tmp_path / "crawl.sqlite"
    site = adapter_named("busan-en", load_adapters())
    report = crawl(db, [busan.url("/eng/ai-translated-press-releases")], site=site)
    releases = _originals(db)
    assert set(releases) == {f"/eng/ai-translated-press-releases/{n}" for n in range(1700101, 1700106)}
    first = releases["/eng/ai-translated-press-releases/1700101"]
    assert first["published"] == "2025-06-26" and first["site"] == "busan-en"
    assert first["title"] == "Busan expands support for small business owners hit by high interest rates"
    assert first["text"].startswith("◈") and "Contact: Small Business Support Division" in first["text"]
    # focused: menus outside the adapter's patterns are not fetched; curPage pages once each
    assert busan.hits("/eng/bsevents") == [] and busan.hits("/eng/main") == []
    assert len(busan.hits("/eng/ai-translated-press-releases?curPage=2")) == 1
    assert report.attachments == 1


def test_london_adapter_crawl(london, tmp_path):
    db = tmp_path / "crawl.sqlite"
    site = adapter_named("london", load_adapters())
    crawl(db, [london.url("/media-centre/mayors-press-releases")], site=site)
    releases = _originals(db)
    assert len(releases) == 3
    dates = sorted(r["published"] for r in releases.values())
    assert dates == ["2023-09-20", "2023-10-02", "2023-11-15"]
    assert london.hits("/who-we-are") == []
    # robots.txt asks for 0.2 s between requests: honoured although --delay is 0
    times = [h.at for h in london.log]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.19


def test_crawled_documents(crawled):
    db = crawled.db
    with Store(db) as store:
        docs = list(crawled_documents(store))
        recent = list(crawled_documents(store, since="2025-06-01"))
        assert [d.url for d in crawled_documents(store, batch=2)] == [d.url for d in docs]
    assert len(docs) == len(RIVERTON_RELEASES) + 1
    assert all(d.url and d.title and d.text and d.id == d.url for d in docs)
    assert {d.published for d in recent} == {"2025-06-10", "2025-06-03", "2025-06-12", "2025-06-18"}


def test_numbered_pagination_without_next_links(tmp_path):
    """A board with only page numbers (``?page=N``) is walked forward, each page once."""
    root = tmp_path / "site"
    (root / "board").mkdir(parents=True)
    body = ("The district office will repair {n} footbridges over the canal this autumn, at a cost of {n}00 million "
            "won, and will close each one for about two weeks while the work is done. Residents can follow the "
            "schedule on the district website and use temporary crossings set up nearby during the repairs.")
    for n in range(1, 7):
        (root / "board" / f"item{n}.html").write_text(
            f"<html><head><title>Notice {n}</title></head><body><main><h1>Footbridge repairs, phase {n}</h1>"
            f"<p>2025.0{n}.15</p><p>{body.format(n=n)}</p></main></body></html>", encoding="utf-8")
    for page in (1, 2, 3):
        items = "".join(f'<li><a href="/board/item{n}.html">Footbridge repairs, phase {n} notice</a></li>'
                        for n in range(2 * page - 1, 2 * page + 1))
        numbers = " ".join(f'<a href="/board/?page={k}">{k}</a>' for k in (1, 2, 3))
        html = f"<html><body><main><h1>Notices</h1><ul>{items}</ul><p class='paging'>{numbers}</p></main></body></html>"
        (root / "board" / ("index.html" if page == 1 else f"index.html@page={page}")).write_text(html)
    (root / "board" / "index.html@page=1").write_text((root / "board" / "index.html").read_text())
    with SiteServer(root) as site:
        db = tmp_path / "crawl.sqlite"
        crawl(db, [site.url("/board/")])
        assert set(_originals(db)) == {f"/board/item{n}.html" for n in range(1, 7)}
        for page in (1, 2, 3):
            assert len(site.hits(f"/board/?page={page}")) <= 1
        assert len(site.hits("/board/?page=3")) == 1


@pytest.mark.parametrize("root, seed, count", [
    ("busan", "/eng/ai-translated-press-releases", 5),
    ("london", "/media-centre/mayors-press-releases", 3),
])
def test_sites_crawl_without_their_adapter(root, seed, count, tmp_path):
    """Without an adapter (a redesigned or unknown site) the generic rules still find every release."""
    with SiteServer(FIXTURES / root) as site:
        db = tmp_path / "crawl.sqlite"
        crawl(db, [site.url(seed)])
        releases = _originals(db)
        kinds = {path: page["kind"] for path, page in pages(db).items()}
    assert len(releases) == count
    assert all(r["published"] and r["title"] and r["site"] is None for r in releases.values())
    assert [k for p, k in kinds.items() if p.startswith(seed + "?")] == ["listing"]   # last page: one or two items
