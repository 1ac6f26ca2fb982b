"""Finding release URLs: XML sitemaps (and indexes, gzipped or not), RSS and Atom feeds.

Links in HTML pages (listings, pagination, feed ``<link>``s) are read by `pages.analyse`;
this module reads the machine-readable documents sites publish for crawlers. Each parser
is tolerant (lxml's recovering parser) because real sitemaps and feeds are often invalid,
and gzip is inflated with a size cap so a small file cannot expand without bound.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import re
from dataclasses import dataclass

from lxml import etree

from .dates import find_date

#: Largest inflated size of a gzipped sitemap (the sitemaps.org limit is 50 MB uncompressed).
MAX_INFLATED = 50 * 1024 * 1024


@dataclass
class Entry:
    """A URL announced by a sitemap or feed, with its date when given (ISO)."""

    url: str
    date: str | None = None
    title: str | None = None


def inflate(body: bytes, limit: int = MAX_INFLATED) -> bytes:
    """``body`` un-gzipped when it is gzip (by magic number), at most ``limit`` bytes."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"gzipped document inflates beyond {limit // 2**20} MiB (the decompression limit); not read")
    return data


def _root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(inflate(body).strip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError, OSError, EOFError):
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def document_kind(body: bytes) -> str | None:
    """``sitemap``, ``sitemapindex``, ``feed`` or None, from the XML root element."""
    try:
        head = inflate(body)[:2048].lstrip()
    except (OSError, EOFError, ValueError):
        return None
    if not head.startswith(b"<"):
        return None
    root = _root(body)
    if root is None:
        return None
    name = _local(root.tag)
    if name == "urlset":
        return "sitemap"
    if name == "sitemapindex":
        return "sitemapindex"
    if name in ("rss", "feed", "rdf"):
        return "feed"
    return None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    found = find_date(value)
    if found:
        return found
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.date().isoformat()


def parse_sitemap(body: bytes) -> tuple[list[Entry], list[Entry]]:
    """(page entries, child sitemap entries) of a sitemap or sitemap index."""
    root = _root(body)
    if root is None:
        text = inflate(body).decode("utf-8", "replace")
        return [Entry(u) for u in re.findall(r"^\s*(https?://\S+)\s*$", text, re.M)], []
    pages: list[Entry] = []
    children: list[Entry] = []
    for node in root:
        name = _local(node.tag)
        if name not in ("url", "sitemap"):
            continue
        loc = lastmod = None
        for child in node:
            child_name = _local(child.tag)
            if child_name == "loc":
                loc = (child.text or "").strip()
            elif child_name == "lastmod":
                lastmod = _iso_date(child.text)
            elif child_name == "news" and lastmod is None:
                for sub in child.iter():
                    if _local(sub.tag) == "publication_date":
                        lastmod = _iso_date(sub.text)
        if loc:
            (pages if name == "url" else children).append(Entry(loc, lastmod))
    return pages, children


def parse_feed(body: bytes) -> list[Entry]:
    """Item links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, with their dates and titles."""
    root = _root(body)
    if root is None:
        return []
    entries: list[Entry] = []
    for node in root.iter():
        name = _local(node.tag)
        if name not in ("item", "entry"):
            continue
        link = date = title = None
        for child in node:
            child_name = _local(child.tag)
            if child_name == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = href.strip()
                elif not href and child.text and link is None:
                    link = child.text.strip()
            elif child_name == "guid" and link is None and child.get("isPermaLink", "true") == "true":
                if child.text and child.text.strip().startswith("http"):
                    link = child.text.strip()
            elif child_name in ("pubdate", "published", "date", "issued") and date is None:
                date = _iso_date(child.text)
            elif child_name == "updated" and date is None:
                date = _iso_date(child.text)
            elif child_name == "title":
                title = " ".join((child.text or "").split()) or None
        if link:
            entries.append(Entry(link, date, title))
    return entries
