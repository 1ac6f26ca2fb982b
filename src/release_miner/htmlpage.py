"""From an HTML page to the text of the release, its title and its publication date.

A small generic extractor used for HTML files given to ``extract`` and ``run``. Scripts,
styles and page furniture (navigation, headers, footers, forms, asides) are removed
before the text is read, so hostile or boilerplate markup never reaches extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "form",
         "aside", "button", "select", "head")
_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article",
           "dd", "dt", "blockquote", "pre", "table", "ul", "ol")
_DATE_META = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
              "og:published_time", "datePublished", "dcterms.created")
_ISO_DATE = re.compile(r"(\d{4})[-./]\s?(\d{1,2})[-./]\s?(\d{1,2})")


@dataclass
class Page:
    text: str
    title: str | None
    published: str | None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_DATE.search(value)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _published(soup: BeautifulSoup) -> str | None:
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.lower() in {k.lower() for k in _DATE_META}:
            found = _iso(meta.get("content"))
            if found:
                return found
    time_tag = soup.find("time")
    if time_tag is not None:
        return _iso(time_tag.get("datetime") or time_tag.get_text())
    return None


def parse_html(html: str) -> Page:
    """Main text (one block per line), title and publication date of an HTML page."""
    soup = BeautifulSoup(html, "lxml")
    title_tag = (soup.find("h1") or soup.select_one("h2.title, h3.title, h4.title, .view-title, .subject")
                 or soup.find("title"))
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else None
    published = _published(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in root.get_text().splitlines())
    text = "\n".join(line for line in lines if line)
    return Page(text=text, title=title or None, published=published)
