"""From a fetched HTML page to what the crawler needs: title, date, main text, kind, links.

Precedence for each part: the site adapter's selector when one applies and matches, then
page metadata, then the generic extractor. For the main text the generic extractor is
trafilatura when installed (the ``crawl`` extra): it is the reference extractor, scoring
F1 0.909 on its own 750-page benchmark, and on our fixture pages it is at least as good
as our fallback (see ``benchmarks/RESULTS.md``). Without it, `boilerplate.generic_main_text`
serves.

The page kind decides what is stored as a release: ``release`` (a dated or substantial
article), ``listing`` (a board or index: many item links, little prose of its own) or
``other`` (about, contact, navigation pages).

Every step is linear in the page: the tree is depth-bounded (`html.parse_html`), facts
about an element's ancestors (inside furniture? inside a list item?) are computed once
top-down, and a page too big for trafilatura's pace (`TRAFILATURA_MAX_ELEMENTS`) goes to
the built-in extractor. A hostile page costs seconds, not hours, and the next file of a
batch is read.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from .adapters import SiteAdapter
from .boilerplate import BOILERPLATE_WORDS, attr_words, generic_main_text, strip_furniture
from .html import block_text, parse_html
from .dates import date_from_url, find_date
from .urls import canonical_url, is_attachment_url

#: ``<meta>`` names and properties that carry the publication date, most specific first.
DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "publishdate",
             "publish-date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
             "date", "sailthru.date", "parsely-pub-date")

#: Last path segments (without suffix) of pages that are never releases, whatever their text.
NON_RELEASE_PAGE = re.compile(
    r"^(index|home|main|default|about|about-us|contact|contacts|contact-us|privacy|privacy-policy|terms|"
    r"accessibility|sitemap|search|login|signup|faq|help|directory|organization|organisation|departments?|"
    r"profile|history|vision|greeting|copyright|rss|feeds?|tags?|categories)$", re.I)


def _page_name(path: str) -> str:
    last = [part for part in path.split("/") if part][-1:] or [""]
    return last[0].rsplit(".", 1)[0]


#: Link texts of pagination controls.
NEXT_TEXTS = re.compile(r"^(next|next page|older|older posts|more|다음|다음 페이지|›|»|>|>>|→)$", re.I)

#: Words a page needs before it counts as a release.
MIN_RELEASE_WORDS = 40

#: Pages with more elements than this (or nested beyond `html.MAX_DEPTH`) skip trafilatura, which
#: spends about half a millisecond per link: a 40,000-link page would take 20 s there.
TRAFILATURA_MAX_ELEMENTS = 20_000

#: Elements a link's "list item" can be.
ITEM_TAGS = ("li", "tr", "article", "dt")


@dataclass
class Link:
    """An ``<a href>`` of a page, canonicalised, with what the crawler reads from its surroundings."""

    url: str
    text: str
    rel: str = ""
    in_item: bool = False
    item_date: str | None = None
    is_next: bool = False


@dataclass
class PageInfo:
    """Everything read from one HTML page."""

    url: str
    title: str | None
    published: str | None
    text: str
    kind: str
    canonical: str | None = None
    links: list[Link] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    attachments: list[Link] = field(default_factory=list)
    extractor: str = "generic"


def _select_text(soup: BeautifulSoup | Tag, selector: str | None) -> str | None:
    if not selector:
        return None
    parts = [" ".join(tag.get_text(" ").split()) for tag in soup.select(selector)]
    text = " ".join(p for p in parts if p)
    return text or None


def _meta_date(soup: BeautifulSoup) -> str | None:
    wanted = {k.lower(): i for i, k in enumerate(DATE_META)}
    best: tuple[int, str] | None = None
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted:
            found = find_date(meta.get("content"))
            if found and (best is None or wanted[key] < best[0]):
                best = (wanted[key], found)
    if best:
        return best[1]
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                found = find_date(str(item["datePublished"]))
                if found:
                    return found
    return None


@dataclass
class _Head:
    """What is read from the page before its furniture is removed (``<head>`` is furniture, and an
    adapter's selectors address the whole page)."""

    page_title: str
    og_title: str | None
    meta_date: str | None
    adapter_title: str | None
    adapter_date: str | None

    @classmethod
    def read(cls, soup: BeautifulSoup, adapter: SiteAdapter | None) -> _Head:
        meta = soup.find("meta", property="og:title")
        return cls(page_title=" ".join(soup.title.get_text(" ").split()) if soup.title else "",
                   og_title=" ".join(meta["content"].split()) if meta and meta.get("content") else None,
                   meta_date=_meta_date(soup),
                   adapter_title=_select_text(soup, adapter.selector("title")) if adapter else None,
                   adapter_date=find_date(_select_text(soup, adapter.selector("date"))) if adapter else None)


def _title(head: _Head, furnished: BeautifulSoup) -> str | None:
    """The headline: adapter selector, else the heading the ``<title>`` repeats, else the first ``h1``
    outside page furniture, else ``og:title``, else the ``<title>`` up to its site-name suffix."""
    if head.adapter_title:
        return head.adapter_title
    page_title = head.page_title
    headings = [" ".join(h.get_text(" ").split()) for h in furnished.find_all(("h1", "h2", "h3"))]
    headings = [h for h in headings if len(h) > 3]
    for heading in headings:
        if page_title and heading in page_title:
            return heading
    h1 = furnished.find("h1")
    if h1 is not None and " ".join(h1.get_text(" ").split()):
        return " ".join(h1.get_text(" ").split())
    if head.og_title:
        return head.og_title
    for tag in furnished.find_all(class_=re.compile(r"(^|[-_])(title|subject|tit)($|[-_])", re.I)):
        text = " ".join(tag.get_text(" ").split())
        if 3 < len(text) < 300:
            return text
    if page_title:
        return re.split(r"\s+[|\-–—:]\s+", page_title)[0] or None
    return headings[0] if headings else None


def _dateline_near_title(soup: BeautifulSoup, title: str | None) -> str | None:
    """A dateline printed next to the headline (before or just after it), read from the page text."""
    text = " ".join(soup.get_text("\n").split())
    if title:
        at = text.find(title)
        if at >= 0:
            found = find_date(text[max(0, at - 200): at + len(title) + 300])
            if found:
                return found
    return None


def _published(head: _Head, furnished: BeautifulSoup, url: str, title: str | None) -> str | None:
    if head.adapter_date:
        return head.adapter_date
    if head.meta_date:
        return head.meta_date
    for time_tag in furnished.find_all("time"):
        found = find_date(time_tag.get("datetime")) or find_date(time_tag.get_text(" "))
        if found:
            return found
    return _dateline_near_title(furnished, title) or date_from_url(url)


def _adapter_body(soup: BeautifulSoup, adapter: SiteAdapter) -> str | None:
    selector = adapter.selector("body")
    if not selector:
        return None
    for drop in soup.select(adapter.selector("drop") or "x-none"):
        drop.decompose()
    blocks = []
    for tag in soup.select(selector):
        for script in tag.find_all(("script", "style", "noscript")):
            script.decompose()
        blocks.append("\n".join(block_text(tag, blocks=ADAPTER_BLOCKS)))
    text = "\n".join(b for b in blocks if b)
    return text or None


#: Elements that are lines of their own in an adapter's body.
ADAPTER_BLOCKS = frozenset({"p", "li", "div", "br", "tr", "dd", "dt", "h2", "h3", "h4", "table"})


def trafilatura_available() -> bool:
    """True when trafilatura (the ``crawl`` extra) imports; a broken install counts as missing."""
    try:
        importlib.import_module("trafilatura")
    except ImportError:
        return False
    return True


def trafilatura_text(html: str, url: str | None = None) -> str | None:
    """trafilatura's main text (None when it is not installed or finds nothing)."""
    try:
        import trafilatura
    except ImportError:
        return None
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True, deduplicate=False,
                               favor_precision=False, with_metadata=False, output_format="txt")
    return text.strip() if text else None


def _table_dump(text: str) -> bool:
    """True when most of trafilatura's output is table rows: a layout-table page (old Korean boards),
    where its table rendering mixes menus and footers into the text."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and sum(line.lstrip().startswith("|") for line in lines) >= 0.5 * len(lines)


def main_text(html: str, url: str | None = None, *, prefer: str = "auto",
              soup: BeautifulSoup | None = None) -> tuple[str, str]:
    """(text, extractor name) by the best generic extractor available; ``prefer`` is auto|trafilatura|generic.

    ``auto`` uses trafilatura unless it is missing, finds nothing, or renders a layout table.
    Pages too large or too deeply nested for it are read by the built-in extractor (``soup``, a
    fresh `html.parse_html` tree of ``html``, saves parsing again).
    """
    soup = soup if soup is not None else parse_html(html)
    huge = getattr(soup, "flattened", 0) or len(soup.find_all(True)) > TRAFILATURA_MAX_ELEMENTS
    if prefer in ("auto", "trafilatura") and not huge:
        text = trafilatura_text(html, url)
        if text and (prefer == "trafilatura" or not _table_dump(text)):
            return text, "trafilatura"
    return generic_main_text(soup), "generic"


def _strip_heading(text: str, title: str | None) -> str:
    """Drop leading lines that only repeat the headline or print the date (extractors differ in keeping
    them; both are stored in their own fields)."""
    lines = text.split("\n")
    while lines:
        first = " ".join(lines[0].split())
        if not first or (title and first == title) or (len(first) <= 40 and find_date(first)
                                                        and len(re.sub(r"[\W\d_]", "", first)) <= 20):
            lines = lines[1:]
            continue
        break
    return "\n".join(lines).strip()


def _links(soup: BeautifulSoup, base: str, adapter: SiteAdapter | None) -> tuple[list[Link], list[Link]]:
    links: list[Link] = []
    attachments: list[Link] = []
    attachment_urls: set[str] = set()
    seen: dict[str, Link] = {}
    item_of: dict[int, Tag] = {}
    if adapter and adapter.selector("list_item"):
        for item in soup.select(adapter.selector("list_item") or ""):
            for a in item.find_all("a", href=True):
                item_of[id(a)] = item
    next_hrefs: set[int] = set()
    if adapter and adapter.selector("next_page"):
        next_hrefs = {id(a) for a in soup.select(adapter.selector("next_page") or "") if a.name == "a"}
    furniture, item_above = _ancestry(soup)
    item_dates: dict[int, str | None] = {}
    for a in soup.find_all("a", href=True):
        url = canonical_url(a["href"], base)
        if not url:
            continue
        if adapter:
            url = adapter.clean(url)
        text = " ".join(a.get_text(" ").split()) or (a.get("title") or "").strip()
        rel = " ".join(a.get("rel") or [])
        item = item_of.get(id(a))
        if item is None and len(text.split()) >= 3 and not furniture.get(id(a), False):
            item = item_above.get(id(a))
            if item is None and a.parent is not None and a.parent.name == "div" and len(a.parent.find_all("a")) == 1:
                item = a.parent
        is_next = (id(a) in next_hrefs or "next" in rel.split() or bool(NEXT_TEXTS.match(text))
                   or bool(re.search(r"(?:^|\s)next(?:$|\s|-)", " ".join(a.get("class") or []), re.I)))
        link = Link(url=url, text=text, rel=rel, in_item=item is not None, is_next=is_next)
        if item is not None:
            if id(item) not in item_dates:   # one item may hold many links: read its date once
                date_text = _select_text(item, adapter.selector("list_date")) if adapter else None
                item_dates[id(item)] = find_date(date_text or item.get_text(" "))
            link.item_date = item_dates[id(item)]
        if is_attachment_url(url) or a.has_attr("download"):
            if url not in attachment_urls:
                attachment_urls.add(url)
                attachments.append(link)
            continue
        earlier = seen.get(url)
        if earlier is not None:   # one entry per URL, with what every link to it says
            earlier.is_next = earlier.is_next or link.is_next
            earlier.in_item = earlier.in_item or link.in_item
            earlier.item_date = earlier.item_date or link.item_date
            continue
        seen[url] = link
        links.append(link)
    for tag in soup.find_all("link", href=True):
        if "next" in (tag.get("rel") or []):
            url = canonical_url(tag["href"], base)
            if url and url not in seen:
                seen[url] = Link(url=url, text="", rel="next", is_next=True)
                links.append(seen[url])
    return links, attachments


def _ancestry(soup: BeautifulSoup) -> tuple[dict[int, bool], dict[int, Tag]]:
    """For every element, in one top-down pass: is it inside page furniture (navigation, header,
    footer, aside, menu, or an element named like furniture), and its nearest list-item ancestor."""
    furniture: dict[int, bool] = {}
    item_above: dict[int, Tag] = {}
    for tag in soup.find_all(True):
        parent = tag.parent
        if parent is None or not isinstance(parent, Tag) or parent.name in ("[document]",):
            furniture[id(tag)] = False
            continue
        key = id(parent)
        inherited = furniture.get(key, False)
        if not inherited and parent.name not in ("html", "body"):
            inherited = parent.name in ("nav", "header", "footer", "aside", "menu") or bool(
                BOILERPLATE_WORDS.search(attr_words(parent)))
        furniture[id(tag)] = inherited
        if parent.name in ITEM_TAGS:
            item_above[id(tag)] = parent
        elif key in item_above:
            item_above[id(tag)] = item_above[key]
    return furniture, item_above


def _feeds(soup: BeautifulSoup, base: str) -> list[str]:
    feeds = []
    for tag in soup.find_all("link", href=True):
        rel = [r.lower() for r in tag.get("rel") or []]
        kind = (tag.get("type") or "").lower()
        if "alternate" in rel and kind in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
            url = canonical_url(tag["href"], base)
            if url:
                feeds.append(url)
    return feeds


def classify(url: str, text: str, published: str | None, links: list[Link], adapter: SiteAdapter | None,
             listing_hint: bool = False) -> str:
    """``release``, ``listing`` or ``other``: adapter URL patterns first, then page evidence.

    A listing is a page whose own text is mostly the titles of the items it links to; a
    release is a page with prose of its own and a date (or a lot of prose); the rest
    (about, contact, home and navigation pages) is ``other``.
    """
    words = len(text.split())
    if adapter:
        if adapter.is_release(url):
            return "release" if words else "other"
        if adapter.is_listing(url):
            return "listing"
    path = urlsplit(url).path
    items = [link for link in links if link.in_item and not link.is_next]
    item_words = sum(len(link.text.split()) for link in items)
    titles = {link.text for link in items}
    prose = sum(len(line.split()) for line in text.split("\n") if len(line.split()) >= 8 and line not in titles)
    # the last page of a listing may hold a single item; reached by pagination, that is enough
    needed = 1 if listing_hint else 2 if any(link.is_next for link in links) else 3
    if len(items) >= needed and (item_words >= 0.5 * words or prose < MIN_RELEASE_WORDS):
        return "listing"
    if path in ("", "/") or NON_RELEASE_PAGE.match(_page_name(path)):
        return "other"
    if words >= MIN_RELEASE_WORDS and (published or words >= 150):
        return "release"
    return "other"


def analyse(html: str, url: str, adapter: SiteAdapter | None = None, *, prefer: str = "auto",
            listing_hint: bool = False) -> PageInfo:
    """Title, date, main text, kind, links, feeds and attachments of one HTML page.

    ``listing_hint``: the page was reached as the next page of a listing.
    """
    soup = parse_html(html)   # read whole first, then stripped of its furniture in place
    canonical_tag = soup.find("link", rel="canonical", href=True)
    canonical = canonical_url(canonical_tag["href"], url) if canonical_tag else None
    head = _Head.read(soup, adapter)
    links, attachments = _links(soup, url, adapter)
    if adapter and adapter.selector("attachments"):
        known = {x.url for x in attachments}
        moved: set[str] = set()
        for a in soup.select(adapter.selector("attachments") or ""):
            target = canonical_url(a.get("href") or "", url)
            if target and target not in known:
                known.add(target)
                moved.add(target)
                attachments.append(Link(url=target, text=" ".join(a.get_text(" ").split())))
        links = [link for link in links if link.url not in moved]
    feeds = _feeds(soup, url)
    text, extractor = None, "adapter"
    if adapter and (adapter.is_release(url) or not adapter.is_listing(url)):
        text = _adapter_body(parse_html(html), adapter)
    furnished = soup
    strip_furniture(furnished)
    title = _title(head, furnished)
    published = _published(head, furnished, url, title)
    if not text:
        text, extractor = main_text(html, url, prefer=prefer, soup=furnished)   # already without furniture
    text = _strip_heading(text, title)
    kind = classify(url, text, published, links, adapter, listing_hint)
    return PageInfo(url=url, title=title, published=published, text=text, kind=kind, canonical=canonical,
                    links=links, feeds=feeds, attachments=attachments, extractor=extractor)
