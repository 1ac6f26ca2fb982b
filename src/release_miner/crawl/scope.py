"""Which URLs a crawl may fetch: the part of the site the user named, and the user's own filters.

A council site is large (bins, council tax, planning, cookies, privacy...), and a crawl
that starts at ``/press/`` is a request for the press releases, not for the whole site
at one request per second. So the default scope is the start URL's path: ``/press/``
admits ``/press/...`` and nothing else on the host, except what a page inside vouches
for: a release or a listing page linked from inside (a release at ``/news/view?id=3``
listed on ``/press/``, the second page of that listing), and the entries of a feed
linked from inside. Navigation, footer and sidebar links outside the path are not
fetched.

``--scope host`` widens the inside to the whole host (and its ``www.`` twin),
``--scope REGEX`` makes it the URLs the expression matches (searched in the full URL).
``--include`` / ``--exclude`` are hard filters on top, applied to every URL but the start
URLs (``--include`` spares sitemaps and feeds, which only announce URLs that are then
filtered themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .urls import host_of, twin_hosts

#: Kinds of frontier items a page inside the scope can vouch for outside it.
VOUCHABLE = frozenset({"release", "listing", "feed", "sitemap"})

#: Kinds of machine-readable discovery documents (spared by --include).
DISCOVERY = frozenset({"sitemap", "feed"})

#: Index-file names that serve the same page as their directory (``/news/`` and ``/news/index.html``).
INDEX_FILES = ("index.html", "index.htm", "index.php", "index.asp", "index.aspx", "index.jsp", "index.cfm",
               "default.asp", "default.aspx", "default.htm", "default.html")


class ScopeError(ValueError):
    """An unusable ``--scope``, ``--include`` or ``--exclude`` value."""


def path_prefix(url: str) -> str:
    """The path a start URL names: its directory for a file (``/news/index.html`` -> ``/news``), else the
    path itself without a trailing slash (``/press/`` -> ``/press``; the root is ``""``)."""
    path = urlsplit(url).path or "/"
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        path = path[: len(path) - len(last)]
    return path.rstrip("/")


def _compile(pattern: str, option: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ScopeError(f"{option} {pattern!r}: not a regular expression ({exc})") from None


@dataclass
class Scope:
    """The crawl's scope; build with `Scope.of`."""

    mode: str = "path"
    hosts: set[str] = field(default_factory=set)
    prefixes: list[tuple[set[str], str]] = field(default_factory=list)
    pattern: re.Pattern[str] | None = None
    include: list[re.Pattern[str]] = field(default_factory=list)
    exclude: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def of(cls, seeds: list[str], scope: str = "path", include: list[str] | None = None,
           exclude: list[str] | None = None) -> Scope:
        """``scope`` is ``path`` (the default), ``host`` or a regular expression."""
        made = cls(mode=scope if scope in ("path", "host") else "pattern",
                   include=[_compile(p, "--include") for p in include or []],
                   exclude=[_compile(p, "--exclude") for p in exclude or []])
        if made.mode == "pattern":
            made.pattern = _compile(scope, "--scope")
        for seed in seeds:
            made.add_start(seed)
        return made

    def add_start(self, url: str) -> None:
        """A start URL (or where one redirected to): its host and path become inside."""
        hosts = twin_hosts(host_of(url))
        self.hosts |= hosts
        self.prefixes.append((hosts, path_prefix(url)))

    def describe(self) -> str:
        if self.mode == "host":
            return "the start hosts"
        if self.mode == "pattern":
            return f"URLs matching {self.pattern.pattern!r}"
        return ", ".join(sorted({prefix + "/" for _hosts, prefix in self.prefixes}))

    def on_site(self, url: str) -> bool:
        """On one of the start hosts (or their ``www.`` twins)."""
        return host_of(url) in self.hosts

    def inside(self, url: str) -> bool:
        """In the part of the site the user named."""
        if not self.on_site(url):
            return False
        if self.mode == "host":
            return True
        if self.mode == "pattern":
            return self.pattern.search(url) is not None
        host, path = host_of(url), urlsplit(url).path
        return any(host in hosts and (not prefix or path == prefix or path.startswith(prefix + "/"))
                   for hosts, prefix in self.prefixes)

    def refusal(self, url: str, kind: str, vouched: bool) -> str | None:
        """Why ``url`` (to be queued as ``kind``) is not fetched, or None when it may be.

        ``vouched``: the link comes from a page inside the scope (or from a listing or feed
        admitted from inside), so a release, listing or feed outside it is still fine.
        """
        if not self.on_site(url):
            return "off-site"
        for rx in self.exclude:
            if rx.search(url):
                return f"excluded by --exclude {rx.pattern!r}"
        if self.include and kind not in DISCOVERY and not any(rx.search(url) for rx in self.include):
            return "not matched by --include"
        if self.inside(url) or (vouched and kind in VOUCHABLE):
            return None
        return f"out of scope (outside {self.describe()})"


def index_variants(url: str) -> list[str]:
    """The spellings of one directory page: ``/news``, ``/news/``, ``/news/index.html``... (same query)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    last = path.rsplit("/", 1)[-1]
    if last.lower() in INDEX_FILES:
        path = path[: len(path) - len(last)]
    base = path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    origin = f"{parts.scheme}://{parts.netloc}"
    spellings = [base + "/"] + ([base] if base else []) + [f"{base}/{name}" for name in INDEX_FILES]
    return [origin + spelling + query for spelling in spellings]
