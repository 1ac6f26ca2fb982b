"""Crawl speed: pages per second against a local server with no politeness delay.

Usage (from the repository root)::

    python benchmarks/crawl_speed.py                                 # print the Markdown report
    python benchmarks/crawl_speed.py --releases 400 --record benchmarks/RESULTS.md

A synthetic city site is written to a temporary folder from the fixture templates
(``--releases`` release pages, ten to a listing page with "Next" links) and served by
the test suite's HTTP server on 127.0.0.1. It is crawled into a fresh SQLite file with
``--delay 0``, once per main-text extractor (trafilatura, the generic fallback); a
second, incremental crawl of the unchanged site shows what a re-visit costs; and plain
fetching of the same URLs (no parsing, no storage) gives the ceiling set by HTTP.

What a crawl does per page: fetch, decode, parse, extract title/date/text, classify,
compress the raw page and commit page + links + frontier in one SQLite transaction.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from release_miner.crawl import CrawlOptions, Crawler, FetchOptions, PoliteSession  # noqa: E402
from release_miner.crawl.urls import AddressPolicy  # noqa: E402
from release_miner.store import Store  # noqa: E402
from tests.crawl.site_server import FIXTURES, SiteServer  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from results import machine, record  # noqa: E402

TEMPLATES = ["harbor-bridge", "youth-jobs", "heat-shelters", "water-main", "busy", "flaky"]


def build_site(root: Path, releases: int) -> list[str]:
    """Write the synthetic site; returns the paths of its release pages."""
    source = FIXTURES / "riverton"
    shutil.copy(source / "robots.txt", root / "robots.txt")
    (root / "news").mkdir()
    paths = []
    for i in range(releases):
        template = (source / "news" / f"{TEMPLATES[i % len(TEMPLATES)]}.html").read_text(encoding="utf-8")
        page = template.replace("Riverton", f"Riverton district {i}").replace("</h1>", f" (no. {i})</h1>")
        name = f"/news/r{i:05d}.html"
        (root / name.lstrip("/")).write_text(page, encoding="utf-8")
        paths.append(name)
    per_page = 10
    pages = (releases + per_page - 1) // per_page
    for n in range(pages):
        items = "\n".join(
            f'<li class="item"><a href="{p}">Release number {i} of the synthetic city site</a> '
            f'<span class="date">2025-05-{1 + i % 28:02d}</span></li>'
            for i, p in enumerate(paths[n * per_page:(n + 1) * per_page], n * per_page))
        nxt = f'<a class="next" href="/news/?page={n + 2}">Next</a>' if n + 1 < pages else ""
        body = (f"<html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav><main>"
                f"<h1>{html.escape('Press releases')}</h1><ul>{items}</ul><div class='pagination'>{nxt}</div>"
                f"</main></body></html>")
        target = root / "news" / ("index.html" if n == 0 else f"index.html@page={n + 1}")
        target.write_text(body, encoding="utf-8")
    return paths


def crawl_once(db: Path, seed: str, extractor: str) -> tuple[int, float, float]:
    with Store(db) as store:
        options = CrawlOptions(extractor=extractor, max_pages=None, fetch=FetchOptions(delay=0, backoff=0.01))
        start, cpu = time.perf_counter(), time.process_time()
        report = Crawler(store, [seed], options).run()
        return report.fetched, time.perf_counter() - start, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=300, help="release pages in the synthetic site")
    parser.add_argument("--record", type=Path, help="append the Markdown report to this file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        paths = build_site(root, args.releases)
        with SiteServer(root) as site:
            seed = site.url("/news/")
            session = PoliteSession(FetchOptions(delay=0), AddressPolicy({site.base.split("//")[1]}))
            start, cpu = time.perf_counter(), time.process_time()
            for path in paths:
                session.fetch(site.url(path))
            rows.append(("fetch only (HTTP ceiling)", len(paths), time.perf_counter() - start,
                         time.process_time() - cpu))
            for extractor in ("trafilatura", "generic"):
                db = Path(tmp) / f"{extractor}.sqlite"
                rows.append((f"full crawl, {extractor} extractor", *crawl_once(db, seed, extractor)))
                if extractor == "trafilatura":
                    rows.append(("incremental re-crawl (nothing new)", *crawl_once(db, seed, extractor)))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## Crawl speed — {stamp}", "",
             f"Machine: {machine()}. Synthetic site of {args.releases} releases, 10 per listing page, "
             "local server on 127.0.0.1, `--delay 0` (`benchmarks/crawl_speed.py`).", "",
             "CPU is this process's (crawler and server threads together): the steadier number on a shared "
             "machine.", "",
             "| run | requests | wall s | pages/s (wall) | CPU ms/page |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, fetched, elapsed, cpu in rows:
        lines.append(f"| {name} | {fetched} | {elapsed:.2f} | {fetched / elapsed:.1f} | {cpu / fetched * 1000:.1f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    record(report, args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
