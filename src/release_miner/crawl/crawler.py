"""The crawl loop: take the next URL from the frontier, fetch it politely, store what it is.

One URL at a time, in priority order (robots sitemaps and feeds, then release candidates,
then the next listing page, then other pages), so the releases a listing page names are
fetched before its next page: an endless listing cannot starve them. What is fetched is
decided by the `Scope` (the start URL's path by default; see `scope`), ``--include`` /
``--exclude``, ``--depth`` and robots.txt; ``--max-pages`` bounds one invocation (1,000 by
default). Each URL is settled in one transaction together with its page and the links it
yields (see `state`), so the crawl can stop at any moment and resume where it was; links
not followed are recorded with the reason (``-v`` prints them).

Incremental by design: a release already stored is not fetched again (unless
``refresh``); listings, feeds and sitemaps are re-read with conditional requests, and a
listing whose releases are all known (or older than ``since``), or that lists nothing new,
is not paginated further.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from urllib.parse import parse_qsl, urlsplit

from ..decoding import UndecodableError, decode_bytes
from ..records import content_hash
from ..store import Store
from .adapters import SiteAdapter, adapter_for
from .discover import Entry, document_kind, inflate, parse_feed, parse_sitemap
from .fetch import FetchError, FetchOptions, FetchResult, PoliteSession
from .pages import Link, PageInfo, analyse
from .robots import MAX_ROBOTS_BYTES, Robots
from .scope import Scope, index_variants
from .state import CrawlState, FrontierItem, compress, decompress, now
from .urls import AddressPolicy, canonical_url, host_of, is_attachment_url, origin_of

#: Frontier priorities: lower is fetched first. Releases come before the next listing page.
PRIORITY = {"sitemap": 1, "feed": 1, "seed": 2, "release": 3, "listing": 4, "page": 6}

#: Pages fetched by one invocation unless ``max_pages`` says otherwise (run again to continue).
DEFAULT_MAX_PAGES = 1000

#: Query parameters that number the pages of a listing.
PAGE_PARAMS = ("page", "curpage", "pageindex", "pageno", "pagenum", "p", "start", "offset", "cpage", "pg")


@dataclass
class CrawlOptions:
    """What to crawl and how (each one a ``release-miner crawl`` option)."""

    max_pages: int | None = DEFAULT_MAX_PAGES   # None or 0: no limit
    since: str | None = None
    site: SiteAdapter | None = None
    allow_private: bool = False
    full: bool = False
    refresh: bool = False
    max_depth: int = 6
    scope: str = "path"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    extractor: str = "auto"
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass
class CrawlReport:
    """Counts of what one invocation did."""

    run_id: int = 0
    resumed: bool = False
    finished: bool = False
    limit_reached: bool = False
    max_pages: int | None = None
    pending: int = 0
    fetched: int = 0
    releases: int = 0
    updated: int = 0
    not_modified: int = 0
    listings: int = 0
    other: int = 0
    duplicates: int = 0
    attachments: int = 0
    failed_releases: int = 0
    failed_other: int = 0
    skip_reasons: Counter = field(default_factory=Counter)
    failure_reasons: Counter = field(default_factory=Counter)
    held: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(self.skip_reasons.values())

    @property
    def failed(self) -> int:
        return self.failed_releases + self.failed_other

    def summary(self) -> list[str]:
        """The lines ``release-miner crawl`` prints: state, counts, and what failed or was left aside."""
        if self.held:
            state = "paused"
        elif self.finished:
            state = "finished"
        elif self.limit_reached:
            state = f"stopped at --max-pages {self.max_pages}"
        else:
            state = "stopped"
        lines = [f"crawl {state}{' (resumed)' if self.resumed else ''}: {self.fetched} fetched, "
                 f"{_count(self.releases, 'new release')}, {self.updated} updated, {self.not_modified} not modified, "
                 f"{self.listings} listings/feeds, {_count(self.other, 'other page')}, "
                 f"{_count(self.duplicates, 'duplicate')}, {_count(self.attachments, 'attachment')}"]
        if self.failed_releases or self.failed_other:
            other = ", ".join(f"{reason}: {n}" for reason, n in self.failure_reasons.most_common())
            lines.append(f"failed: {_count(self.failed_releases, 'release')}, "
                         f"{_count(self.failed_other, 'other page')}"
                         + (f" ({other})" if other else ""))
        if self.skip_reasons:
            lines.append("not fetched: " + ", ".join(f"{reason}: {n}" for reason, n in self.skip_reasons.most_common())
                         + " (-v lists them)")
        for origin, reason in self.held.items():
            lines.append(f"paused: {origin}/robots.txt cannot be read ({reason}); nothing there is fetched until "
                         f"it can: run the same command later ({self.pending} pages wait)")
        if self.limit_reached and not self.held:
            lines.append(f"{self.pending} pages still queued: run the same command to continue "
                         "(--max-pages N sets the limit, 0 for none)")
        return lines


def seed_urls(seeds: Iterable[str]) -> list[str]:
    """The canonical start URLs, or ValueError naming the first that is not one.

    Separate from `Crawler` so that a command can refuse a mistyped URL before it creates a
    database for a crawl that cannot start.
    """
    urls = []
    for seed in seeds:
        url = canonical_url(seed)
        if not url:
            hint = f"; did you mean http://{seed.strip()}?" if "://" not in seed and seed.strip() else ""
            raise ValueError(f"{seed}: not an http(s) URL{hint}")
        urls.append(url)
    return urls


class Crawler:
    """Crawls from start URLs into a `Store`; `run` may be called again to resume."""

    def __init__(self, store: Store, seeds: list[str], options: CrawlOptions | None = None,
                 adapters: list[SiteAdapter] | None = None, *,
                 on_event: Callable[[str, str], None] | None = None) -> None:
        self.store = store
        # WAL with synchronous=NORMAL: a commit survives the process being killed (only a power cut
        # can lose the last commits, which the frontier then simply fetches again); one fsync per
        # page would otherwise dominate the cost of a crawl.
        store.conn.execute("PRAGMA synchronous = NORMAL")
        self.state = CrawlState(store)
        self.options = options or CrawlOptions()
        self.adapters = adapters or []
        self.seeds = seed_urls(seeds)
        self.scope = Scope.of(self.seeds, self.options.scope, self.options.include, self.options.exclude)
        # trust (private addresses allowed) is the origin the user named: scheme, host and port
        self.session = PoliteSession(self.options.fetch,
                                     AddressPolicy(set(self.seeds), allow_private=self.options.allow_private))
        self.robots: dict[str, Robots] = {}
        self.held: dict[str, str] = {}
        self._listed: set[str] = set()
        self.on_event = on_event or (lambda kind, message: None)
        self.report = CrawlReport(max_pages=self.options.max_pages or None)

    # -- helpers ------------------------------------------------------------

    def adapter(self, url: str) -> SiteAdapter | None:
        return self.options.site or adapter_for(url, self.adapters)

    def in_scope(self, url: str) -> bool:
        """On one of the start hosts (the path scope is applied when links are queued)."""
        return self.scope.on_site(url)

    def _robots(self, url: str) -> Robots:
        origin = _origin(url)
        if origin not in self.robots:
            robots_url = f"{origin}/robots.txt"
            try:
                result = self.session.fetch(robots_url, head=MAX_ROBOTS_BYTES)   # its rules, however served
            except FetchError as exc:
                robots = Robots.deny_all(str(exc).removeprefix(f"{robots_url}: "))
            else:
                if result.status == 200 and result.body is not None:
                    body = result.body
                    if result.truncated:   # only whole lines of the part read (never half a character)
                        body = body[: body.rfind(b"\n") + 1]
                    try:
                        text = decode_bytes(body, result.charset)
                    except UndecodableError:
                        text = ""   # not a robots.txt at all: no rules
                    robots = Robots.parse(text, self.options.fetch.user_agent)
                elif result.status == 429 or result.status >= 500:
                    robots = Robots.deny_all(f"HTTP {result.status}")
                else:
                    robots = Robots.allow_all()   # 4xx: there is no robots.txt
            if robots.unreadable:
                self.on_event("robots", f"{robots_url}: cannot be read ({robots.unreadable}); nothing on "
                                        f"{origin} is fetched until it can")
            self.session.set_host_delay(host_of(url), robots.crawl_delay)
            if robots.crawl_delay is not None and robots.crawl_delay > self.options.fetch.delay:
                # honoured, but said: a long Crawl-delay would otherwise look like a hung crawl
                self.on_event("robots", f"{robots_url} asks for {robots.crawl_delay:g} s between requests "
                                        f"(Crawl-delay): {origin} is crawled at that pace")
            self.robots[origin] = robots
        return self.robots[origin]

    def _skipped(self, url: str, reason: str) -> None:
        self.report.skip_reasons[_reason_key(reason)] += 1
        self.on_event("skip", f"{url}: {reason}")

    def _admit(self, conn, run_id: int, url: str, kind: str, depth: int, referrer: str | None,
               vouched: bool) -> bool:
        """Queue ``url`` as ``kind``, or record why it is not fetched (once per run)."""
        reason = self.scope.refusal(url, kind, vouched)
        if reason is None and depth > self.options.max_depth and kind in ("release", "page"):
            reason = "too deep"
        if reason is None:
            return self.state.enqueue(conn, run_id, url, kind, PRIORITY[kind], depth, referrer)
        if self.state.skip(conn, run_id, url, kind, depth, referrer, reason):
            self._skipped(url, reason)
        return False

    def _fail(self, item: FrontierItem, message: str, reason: str) -> None:
        """A page that could not be had: a release is an error worth reading; a navigation link that
        answers 404 is counted apart (and printed with -v)."""
        if item.kind == "release":
            self.report.failed_releases += 1
            self.report.errors.append(message)
            self.on_event("error", message)
        else:
            self.report.failed_other += 1
            self.report.failure_reasons[reason] += 1
            self.on_event("error" if item.kind == "seed" else "failed", message)
        self._settle(item, "failed", message[:500])

    # -- the loop -----------------------------------------------------------

    def run(self) -> CrawlReport:
        options = {k: v for k, v in asdict(self.options).items() if k not in ("site", "fetch")}
        options["site"] = self.options.site.name if self.options.site else None
        run_id, resumed = self.state.open_run(self.seeds, options)
        self.report.run_id, self.report.resumed = run_id, resumed
        if not resumed:
            with self.store.transaction() as conn:
                for seed in self.seeds:
                    self.state.enqueue(conn, run_id, seed, "seed", PRIORITY["seed"], 0, None)
        for seed in self.seeds:
            moved = self.state.redirect_target(seed)
            if moved and self._follows_start(seed, moved):
                self.scope.add_start(moved)   # where a start URL redirected in an earlier invocation
            robots = self._robots(seed)
            with self.store.transaction() as conn:
                for sitemap in robots.sitemaps:
                    url = canonical_url(sitemap, seed)
                    if url:
                        self._admit(conn, run_id, url, "sitemap", 0, None, vouched=True)
        limit = self.options.max_pages or None
        try:
            while True:
                item = self.state.next_item(run_id, tuple(self.held))
                if item is None:
                    break
                # at the limit, URLs settled without a request (robots, duplicates, known) still are,
                # so a crawl whose remaining work needs no fetch finishes instead of pausing
                may_fetch = limit is None or self.report.fetched < limit
                if not self._process(run_id, item, may_fetch=may_fetch):
                    self.report.limit_reached = True
                    break
            self.report.pending = self.state.pending(run_id)
            if self.report.pending == 0:   # nothing left: finished, even when the limit was just reached
                self.state.finish_run(run_id)
                self.report.finished, self.report.limit_reached = True, False
            self.report.held = dict(self.held)
        finally:
            self.session.close()
        return self.report

    def _settle(self, item: FrontierItem, status: str, note: str | None = None) -> None:
        with self.store.transaction() as conn:
            self.state.settle(conn, item.id, status, note)

    def _skip_item(self, item: FrontierItem, reason: str) -> None:
        self._skipped(item.url, reason)
        self._settle(item, "skipped", reason)

    def _follows_start(self, url: str, final: str) -> bool:
        """A start URL's redirect that widens the scope: http -> https, the ``www.`` twin, a new domain;
        never another (non-default) port, which is another service (and is not trusted)."""
        before, after = origin_of(url), origin_of(final)
        if before is None or after is None:
            return False
        return after[2] == before[2] or after[2] in (80, 443)

    def _process(self, run_id: int, item: FrontierItem, *, may_fetch: bool = True) -> bool:
        """Settle one frontier item; False (item left pending) when it needs a request and ``may_fetch``
        is off."""
        url = item.url
        if not self.in_scope(url):
            self._skip_item(item, "off-site")
            return True
        robots = self._robots(url)
        if robots.unreadable:
            self.held[_origin(url)] = robots.unreadable   # left pending: fetched once robots.txt reads
            return True
        if not robots.allowed(url):
            self._skip_item(item, "disallowed by robots.txt")
            return True
        known = self.state.page(url)
        if known is not None and known["kind"] == "release" and not self.options.refresh and item.kind != "seed":
            self._skip_item(item, "known release")
            return True
        twin = self.state.done_variant(run_id, url, index_variants(url))
        if twin is not None:
            self.report.duplicates += 1
            self._skip_item(item, f"duplicate of {twin}")
            return True
        if not may_fetch:
            return False
        try:
            result = self.session.fetch(url, etag=known["etag"] if known else None,
                                        last_modified=known["last_modified"] if known else None)
        except FetchError as exc:
            self.report.fetched += 1
            self._fail(item, str(exc), "not reachable")
            return True
        self.report.fetched += 1
        final = result.final_url
        if item.kind == "seed" and final != url and self._follows_start(url, final):
            self.scope.add_start(final)
        if not self.in_scope(final):
            self._skip_item(item, f"redirected off-site to {final}")
            return True
        if result.status == 304 and known is not None:
            self._not_modified(run_id, item, known)
            return True
        if result.status != 200:
            self._fail(item, f"{url}: HTTP {result.status}", f"HTTP {result.status}")
            return True
        if result.truncated:
            self._fail(item, f"{url}: larger than the --max-bytes limit of {self.options.fetch.max_bytes} bytes; "
                             "not read", "too large")
            return True
        if result.body is None:
            self._attachment(item, result)
            return True
        if result.body.startswith(b"\x1f\x8b"):
            try:
                inflate(result.body)
            except (OSError, EOFError, ValueError) as exc:
                self._fail(item, f"{url}: {exc}", "unreadable gzip")
                return True
        kind = document_kind(result.body) if result.content_type != "text/html" else None
        if kind:
            self._machine_document(run_id, item, result, kind)
        else:
            self._html(run_id, item, result)
        return True

    # -- outcomes -----------------------------------------------------------

    def _attachment(self, item: FrontierItem, result: FetchResult) -> None:
        note = f"attachment ({result.content_type})"
        with self.store.transaction() as conn:
            if item.referrer:
                parent = self.state.page(item.referrer)
                if parent is not None and parent["kind"] == "release":
                    self.state.add_attachment(conn, parent["id"], result.final_url, None)
                    self.report.attachments += 1
            self.state.settle(conn, item.id, "done", note)

    def _not_modified(self, run_id: int, item: FrontierItem, known) -> None:
        """304: the stored copy is current; its links are read again from the stored raw page."""
        self.report.not_modified += 1
        raw = decompress(known["raw_html"])
        with self.store.transaction() as conn:
            self.state.touch_page(conn, known["id"])
            if raw is not None and known["kind"] in ("listing", "feed", "sitemap", "other"):
                if known["kind"] in ("feed", "sitemap"):
                    kind = document_kind(raw) or known["kind"]
                    self._queue_entries(conn, run_id, item, raw, kind)
                else:
                    text = decode_bytes(raw, _charset(known["content_type"]))
                    info = analyse(text, known["url"], self.adapter(known["url"]), prefer=self.options.extractor,
                                   listing_hint=known["kind"] == "listing")
                    self._queue_links(conn, run_id, item, info, known["canonical_url"])
            self.state.settle(conn, item.id, "done", "not modified")

    def _machine_document(self, run_id: int, item: FrontierItem, result: FetchResult, kind: str) -> None:
        stored_kind = "feed" if kind == "feed" else "sitemap"
        with self.store.transaction() as conn:
            self.state.save_page(
                conn, url=result.final_url, canonical_url=item.url, status=result.status, kind=stored_kind,
                site=None, content_type=result.headers.get("content-type"), etag=result.headers.get("etag"),
                last_modified=result.headers.get("last-modified"), raw_hash=content_hash_bytes(result.body),
                fetched_at=now(), raw_html=compress(result.body))
            self._queue_entries(conn, run_id, item, result.body or b"", kind)
            self.state.settle(conn, item.id, "done", kind)
        self.report.listings += 1

    def _queue_entries(self, conn, run_id: int, item: FrontierItem, body: bytes, kind: str) -> None:
        if kind == "feed":
            entries, children = parse_feed(body), []
        else:
            try:
                entries, children = parse_sitemap(inflate(body))
            except (OSError, EOFError, ValueError) as exc:
                self.report.errors.append(f"{item.url}: {exc}")
                return
        vouched = kind == "feed"   # a feed reached from inside vouches for its entries; a sitemap covers the site
        for child in children:
            url = canonical_url(child.url, item.url)
            if url and not self._too_old(child):
                self._admit(conn, run_id, url, "sitemap", item.depth + 1, item.url, vouched=True)
        for entry in entries:
            url = canonical_url(entry.url, item.url)
            if not url or self._too_old(entry):
                continue
            adapter = self.adapter(url)
            url = adapter.clean(url) if adapter else url
            if self._known(url) or is_attachment_url(url):
                continue
            if adapter and adapter.release_path and not (adapter.is_release(url) or adapter.is_listing(url)):
                continue
            self._admit(conn, run_id, url, "release", item.depth + 1, item.url, vouched)

    def _too_old(self, entry: Entry) -> bool:
        return bool(self.options.since and entry.date and entry.date < self.options.since)

    def _known(self, url: str) -> bool:
        return not self.options.refresh and self.state.known_release(url)

    def _html(self, run_id: int, item: FrontierItem, result: FetchResult) -> None:
        try:
            text = decode_bytes(result.body or b"", result.charset)
        except UndecodableError as exc:
            self._fail(item, f"{item.url}: undecodable: {exc}", "undecodable")
            return
        final = result.final_url
        adapter = self.adapter(final)
        info = analyse(text, final, adapter, prefer=self.options.extractor, listing_hint=item.kind == "listing")
        key = item.url if item.url == final else final
        if (info.canonical and info.canonical != key and self.in_scope(info.canonical)
                and urlsplit(info.canonical).path not in ("", "/") and info.canonical not in self.seeds):
            key = info.canonical   # (a CMS that points every page at the home page is not believed)
        text_hash = content_hash(info.text) if info.kind == "release" else None
        with self.store.transaction() as conn:
            existing = self.state.page(key)
            if key != item.url and existing is not None and existing["kind"] == "release" \
                    and not self.options.refresh:
                self.report.duplicates += 1
                self.state.add_alias(conn, item.url, existing["id"])
                self.state.settle(conn, item.id, "done", f"duplicate of {key}")
                return
            duplicate_of = self.state.release_with_hash(conn, text_hash, key) if text_hash else None
            page_id = self.state.save_page(
                conn, url=final, canonical_url=key, status=result.status, kind=info.kind,
                site=adapter.name if adapter else None, content_type=result.headers.get("content-type"),
                etag=result.headers.get("etag"), last_modified=result.headers.get("last-modified"),
                raw_hash=content_hash_bytes(result.body), content_hash=text_hash, duplicate_of=duplicate_of,
                fetched_at=now(), raw_html=compress(result.body), title=info.title, published=info.published,
                text=info.text, extractor=info.extractor)
            if key != item.url:
                self.state.add_alias(conn, item.url, page_id)
            if info.kind == "release":
                for attachment in info.attachments:
                    self.state.add_attachment(conn, page_id, attachment.url, attachment.text)
                self.report.attachments += len(info.attachments)
                if duplicate_of is not None:
                    self.report.duplicates += 1
                elif existing is not None and existing["kind"] == "release":
                    self.report.updated += 1
                else:
                    self.report.releases += 1
            elif info.kind == "listing":
                self.report.listings += 1
            else:
                self.report.other += 1
            self._queue_links(conn, run_id, item, info, key)
            self.state.settle(conn, item.id, "done", info.kind if duplicate_of is None else "duplicate content")
        self.on_event(info.kind, f"{key} {info.published or ''} {info.title or ''}".strip())

    # -- link policy --------------------------------------------------------

    def _queue_links(self, conn, run_id: int, item: FrontierItem, info: PageInfo, referrer: str) -> None:
        """Queue what a page links to, by the link policy (each link then passes the `Scope`):

        - feeds linked from any page;
        - from a listing: its release items, and its next page, unless every release listed is
          already known or older than ``since`` (the rest of the listing is older still), or the
          page lists nothing it has not listed before (an endless or looping listing). When a
          "Next" link exists only it is followed, so the listing is walked page by page;
        - with an adapter, only URLs matching its release and listing patterns (a focused crawl);
        - without one, other pages too (up to ``max_depth`` links from the start).

        A page inside the scope (or a listing admitted from it) vouches for the releases and
        listings it links to, wherever on the site they are.
        """
        depth = item.depth + 1
        vouched = self.scope.inside(info.url) or item.kind in ("seed", "listing") or info.kind == "listing"
        for feed in info.feeds:
            self._admit(conn, run_id, feed, "feed", depth, referrer, vouched)
        for attachment in info.attachments:
            if self.state.skip(conn, run_id, attachment.url, "attachment", depth, referrer, "attachment"):
                self._skipped(attachment.url, "attachment" + (" (recorded with its release)"
                                                              if info.kind == "release" else ""))
        adapter = self.adapter(info.url)
        focused = adapter is not None and adapter.release_path is not None
        links = [link for link in info.links if link.url != info.url]
        in_site = [link for link in links if self.in_scope(link.url)]
        pagination = [link for link in in_site
                      if _is_pagination(link, info.url) or (focused and adapter.is_listing(link.url))]
        if any(link.is_next for link in pagination):
            pagination = [link for link in pagination if link.is_next]
        else:   # numbered pages only: walk forward, never back to pages already behind us
            here = _page_number(info.url)
            pagination = [link for link in pagination
                          if here is None or (_page_number(link.url) or 0) > here]
        paging_urls = {link.url for link in pagination}
        if focused:
            items = [link for link in in_site if adapter.is_release(link.url)]
        else:
            items = [link for link in in_site if link.in_item and link.url not in paging_urls]
        paginate = info.kind == "listing" or item.kind == "seed"
        if items and not self.options.full and all(self._known(link.url) or self.state.settled_before(link.url, run_id)
                                                   for link in items):
            paginate = False  # every release listed here is known: the rest of the listing is older
        if info.kind == "listing" or item.kind == "listing":
            fresh = {link.url for link in items} - self._listed
            if not fresh and (items or item.kind == "listing"):
                paginate = False  # lists nothing it has not listed before: a looping or endless listing
            self._listed |= fresh
        if items and self.options.since:
            dated = [link for link in items if link.item_date]
            if dated and all(link.item_date < self.options.since for link in dated):
                paginate = False
        if paginate:   # the pages of one listing are one step from the start, however long it is
            for link in pagination:
                self._admit(conn, run_id, link.url, "listing", item.depth, referrer, vouched)
        all_paging = {link.url for link in in_site if _is_pagination(link, info.url)
                      or (focused and adapter.is_listing(link.url))}
        if info.kind == "release" and self.options.since:
            return  # with --since, listings, feeds and sitemaps lead; a release's related links lead backwards
        for link in links:
            url = link.url
            if url in all_paging or self._known(url):
                continue
            if link.item_date and self.options.since and link.item_date < self.options.since:
                continue
            if focused and self.in_scope(url):
                if adapter.is_release(url):
                    self._admit(conn, run_id, url, "release", depth, referrer, vouched)
                elif self.state.skip(conn, run_id, url, "page", depth, referrer, "not a release of the site adapter"):
                    self._skipped(url, f"not a release of the {adapter.name} adapter")
            elif link.in_item and info.kind == "listing":
                self._admit(conn, run_id, url, "release", depth, referrer, vouched)
            else:
                self._admit(conn, run_id, url, "page", depth, referrer, vouched)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of a canonical URL: robots.txt and trust belong to an origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _reason_key(reason: str) -> str:
    """The summary's name for a skip reason (``duplicate of X`` -> ``duplicate``)."""
    for key in ("duplicate", "excluded", "out of scope", "redirected off-site", "not a release of the"):
        if reason.startswith(key):
            return "not a release of the site adapter" if key == "not a release of the" else key
    return reason.split(" (")[0]


def _is_pagination(link: Link, page_url: str) -> bool:
    """A link to another page of the same listing: "Next", a page number, or ``?page=N`` on the same path."""
    if link.is_next:
        return True
    target, here = urlsplit(link.url), urlsplit(page_url)
    keys = {k.lower() for k, _ in parse_qsl(target.query)}
    same_path = target.path.rstrip("/") == here.path.rstrip("/")
    if keys & set(PAGE_PARAMS) and same_path:
        return True
    if re.fullmatch(r"\d{1,4}", link.text) and (same_path or keys & set(PAGE_PARAMS)):
        return True
    return bool(re.search(r"/page/\d+/?$", target.path)) and target.path.startswith(here.path.rstrip("/"))


def _page_number(url: str) -> int | None:
    """The value of a listing's page-number parameter (None when the URL has none)."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key.lower() in PAGE_PARAMS and value.isdigit():
            return int(value)
    match = re.search(r"/page/(\d+)/?$", urlsplit(url).path)
    return int(match.group(1)) if match else None


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def content_hash_bytes(body: bytes | None) -> str | None:
    return hashlib.sha256(body).hexdigest() if body is not None else None


def reextract(store: Store, adapters: list[SiteAdapter], *, site: SiteAdapter | None = None,
              prefer: str = "auto") -> int:
    """Extract every stored HTML page again from its kept raw bytes (after an extractor or adapter change).

    No network: this is why the raw page is kept. Kinds, titles, dates, texts and content
    hashes are updated; returns the number of pages re-read.
    """
    state = CrawlState(store)
    rows = store.conn.execute(
        "SELECT id, url, canonical_url, kind, content_type, raw_html FROM crawl_pages"
        " WHERE kind IN ('release', 'listing', 'other') AND raw_html IS NOT NULL ORDER BY id").fetchall()
    count = 0
    for row in rows:
        raw = decompress(row["raw_html"]) or b""
        try:
            html = decode_bytes(raw, _charset(row["content_type"]))
        except UndecodableError:
            continue
        info = analyse(html, row["url"], site or adapter_for(row["url"], adapters), prefer=prefer,
                       listing_hint=row["kind"] == "listing")
        text_hash = content_hash(info.text) if info.kind == "release" else None
        with store.transaction() as conn:
            duplicate_of = state.release_with_hash(conn, text_hash, row["canonical_url"]) if text_hash else None
            if duplicate_of is not None and duplicate_of > row["id"]:
                duplicate_of = None  # the older page keeps the text; the newer one is the duplicate
            conn.execute(
                "UPDATE crawl_pages SET kind = ?, title = ?, published = ?, text = ?, content_hash = ?,"
                " duplicate_of = ?, extractor = ? WHERE id = ?",
                (info.kind, info.title, info.published, info.text, text_hash, duplicate_of, info.extractor,
                 row["id"]))
        count += 1
    return count
