"""Site adapters: what the crawler knows about one city's press-release pages, kept as data.

An adapter (one ``[[site]]`` table in ``sites.toml``, shipped in this package) says which URLs of a host are
releases and which are listings, and gives CSS selectors for the parts of a page: list
items and their dates, the title, the date, the body, the next-page link, and furniture
to drop. Where an adapter applies its selectors take precedence; each selector falls
back to the generic extractor when it matches nothing, so a redesign of the site degrades
to generic extraction instead of empty releases.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: The adapters shipped with release-miner: package data, so an installed (non-editable) copy has them.
DEFAULT_SITES = Path(__file__).resolve().with_name("sites.toml")

_SELECTOR_KEYS = ("list_item", "list_link", "list_date", "title", "date", "body", "next_page", "attachments",
                  "drop")


class AdapterError(ValueError):
    """sites.toml is malformed (the message names the site and the key)."""


@dataclass
class SiteAdapter:
    """One site's URL patterns and CSS selectors (see ``sites.toml`` beside this module for each key's meaning)."""

    name: str
    hosts: list[str]
    city: str | None = None
    start_urls: list[str] = field(default_factory=list)
    release_path: re.Pattern[str] | None = None
    listing_path: re.Pattern[str] | None = None
    page_param: str | None = None
    release_drop_params: frozenset[str] = frozenset()
    selectors: dict[str, str] = field(default_factory=dict)

    def clean(self, url: str) -> str:
        """``url`` without the parameters that do not select a release (e.g. the listing page it was
        linked from), so one release has one URL however it was reached."""
        if not self.release_drop_params or not self.is_release(url):
            return url
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                 if k.lower() not in self.release_drop_params]
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))

    def matches_host(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return host in self.hosts

    def path_of(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def is_release(self, url: str) -> bool:
        return bool(self.release_path and self.release_path.search(self.path_of(url)))

    def is_listing(self, url: str) -> bool:
        return bool(self.listing_path and self.listing_path.search(self.path_of(url)))

    def selector(self, key: str) -> str | None:
        return self.selectors.get(key) or None


def _compile(site: str, key: str, value: object) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise AdapterError(f"site {site!r}: {key} must be a string (a regular expression)")
    try:
        return re.compile(value)
    except re.error as exc:
        raise AdapterError(f"site {site!r}: {key} is not a valid regular expression ({exc})") from None


def _adapter(entry: dict) -> SiteAdapter:
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise AdapterError("every [[site]] needs a name")
    hosts = entry.get("hosts") or []
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts) or not hosts:
        raise AdapterError(f"site {name!r}: hosts must be a non-empty list of host names")
    selectors = entry.get("selectors") or {}
    unknown = set(selectors) - set(_SELECTOR_KEYS)
    if unknown:
        raise AdapterError(f"site {name!r}: unknown selector keys {sorted(unknown)}")
    joined = {k: ", ".join(v) if isinstance(v, list) else str(v) for k, v in selectors.items()}
    return SiteAdapter(
        name=name, hosts=[h.lower() for h in hosts], city=entry.get("city"),
        start_urls=list(entry.get("start_urls") or []),
        release_path=_compile(name, "release_path", entry.get("release_path")),
        listing_path=_compile(name, "listing_path", entry.get("listing_path")),
        page_param=entry.get("page_param"), selectors=joined,
        release_drop_params=frozenset(p.lower() for p in entry.get("release_drop_params") or []),
    )


def load_adapters(path: str | Path | None = None) -> list[SiteAdapter]:
    """Adapters from ``path`` (default: the shipped ``sites.toml``); none when the default file is absent."""
    target = Path(path) if path else DEFAULT_SITES
    if not target.exists():
        if path:
            raise AdapterError(f"{target}: no such file")
        return []
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise AdapterError(f"{target}: {exc}") from None
    adapters = [_adapter(entry) for entry in data.get("site", [])]
    names = [a.name for a in adapters]
    if len(names) != len(set(names)):
        raise AdapterError(f"{target}: site names must be unique")
    return adapters


def adapter_for(url: str, adapters: list[SiteAdapter]) -> SiteAdapter | None:
    """The adapter for ``url``: first one of its host whose release or listing pattern matches, else the
    first one of its host (several boards of one site share a host)."""
    same_host = [a for a in adapters if a.matches_host(url)]
    for adapter in same_host:
        if adapter.is_release(url) or adapter.is_listing(url):
            return adapter
    return same_host[0] if same_host else None


def adapter_named(name: str, adapters: list[SiteAdapter]) -> SiteAdapter:
    for adapter in adapters:
        if adapter.name == name:
            return adapter
    known = ", ".join(a.name for a in adapters) or "none"
    raise AdapterError(f"no site adapter named {name!r} (known: {known})")
