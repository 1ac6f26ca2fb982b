"""Fixture sites served over real HTTP on 127.0.0.1, and a helper to crawl them into a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from release_miner.crawl import CrawlOptions, Crawler, CrawlReport, FetchOptions, load_adapters
from release_miner.store import Store

from .site_server import FIXTURES, SiteServer


@pytest.fixture
def intranet() -> Iterator[SiteServer]:
    """A second server standing for a host on a private network; the crawler must never reach it."""
    with SiteServer(FIXTURES / "riverton") as server:
        yield server


@pytest.fixture
def riverton(intranet: SiteServer) -> Iterator[SiteServer]:
    """The generic city site (no adapter) with every case: pagination, feed, sitemap index (gzip),
    robots.txt disallow, 503 then 200, 429 with Retry-After, redirects, tracking-parameter and
    content duplicates, an EUC-KR page, attachments and a redirect into the intranet."""
    with SiteServer(FIXTURES / "riverton") as server:
        server.intranet = f"http://localhost:{intranet.httpd.server_address[1]}"
        yield server


@pytest.fixture
def busan() -> Iterator[SiteServer]:
    with SiteServer(FIXTURES / "busan") as server:
        yield server


@pytest.fixture
def london() -> Iterator[SiteServer]:
    with SiteServer(FIXTURES / "london") as server:
        yield server


def fast_options(**overrides) -> CrawlOptions:
    """No politeness delay and short backoffs: the servers are ours."""
    fetch = FetchOptions(delay=0, backoff=0.01, timeout=5)
    return CrawlOptions(fetch=fetch, **overrides)


def crawl(db: Path, seeds: list[str], **overrides) -> CrawlReport:
    with Store(db) as store:
        return Crawler(store, seeds, fast_options(**overrides), load_adapters()).run()


def pages(db: Path, kind: str | None = None) -> dict[str, dict]:
    """Stored crawl pages by path (host stripped), as dicts."""
    with Store(db) as store:
        query = "SELECT * FROM crawl_pages" + (" WHERE kind = ?" if kind else "")
        rows = store.conn.execute(query, (kind,) if kind else ()).fetchall()
        return {"/" + r["canonical_url"].split("/", 3)[3]: dict(r) for r in rows}
