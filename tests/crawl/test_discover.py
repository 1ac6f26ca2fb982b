from __future__ import annotations

import gzip

import pytest

from release_miner.crawl.discover import document_kind, inflate, parse_feed, parse_sitemap

from .site_server import FIXTURES

RIVERTON = FIXTURES / "riverton"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City news</title>
<entry><title>Ferry timetable changes</title><link rel="alternate" href="https://city.example/news/ferry"/>
<link rel="enclosure" href="https://city.example/files/ferry.pdf"/><published>2025-02-01T08:00:00Z</published></entry>
<entry><title>Second</title><link href="https://city.example/news/second"/><updated>2025-02-03T08:00:00Z</updated></entry>
</feed>"""


def test_sitemap_index_and_gzipped_sitemap():
    index = (RIVERTON / "sitemap-index.xml").read_bytes()
    assert document_kind(index) == "sitemapindex"
    pages, children = parse_sitemap(index)
    assert pages == [] and [c.url for c in children] == ["{{BASE}}/sitemap-news.xml.gz"]
    packed = gzip.compress((RIVERTON / "sitemap-news.xml").read_bytes())
    assert document_kind(packed) == "sitemap"
    pages, children = parse_sitemap(packed)
    assert [(p.url, p.date) for p in pages] == [("{{BASE}}/archive/sitemap-only.html", "2025-06-18"),
                                              ("{{BASE}}/news/youth-jobs.html", "2025-04-02")]


def test_rss_feed_links_and_dates():
    body = (RIVERTON / "feed.xml").read_bytes()
    assert document_kind(body) == "feed"
    entries = parse_feed(body)
    assert [(e.url, e.date) for e in entries] == [
        ("{{BASE}}/updates/feed-only.html", "2025-06-12"),
        ("{{BASE}}/news/harbor-bridge.html?utm_source=rss", "2025-03-14")]


def test_atom_feed_prefers_alternate_links():
    entries = parse_feed(ATOM)
    assert [(e.url, e.date, e.title) for e in entries] == [
        ("https://city.example/news/ferry", "2025-02-01", "Ferry timetable changes"),
        ("https://city.example/news/second", "2025-02-03", "Second")]


def test_html_is_not_a_machine_document():
    assert document_kind((RIVERTON / "index.html").read_bytes()) is None
    assert document_kind(b"%PDF-1.4 binary") is None


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"\0" * 100_001)
    assert len(inflate(bomb, limit=100_001)) == 100_001
    with pytest.raises(ValueError):
        inflate(bomb, limit=100_000)
