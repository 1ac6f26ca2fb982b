"""Which city a release comes from: decided once, at ingest, and stored in ``releases.city``.

A release's city is a property of where it was published, so it is read, in this order of trust, from

1. the site adapter of its URL (the shipped ``crawl/sites.toml`` names the city of each site);
2. the URL host: an official host from the gazetteer (``cities.json``; a host matches itself
   and its subdomains), or a host label equal to a city name (``english.seoul.go.kr`` -> Seoul);
3. the places the release names as its own: organizations and phrases such as "City of X",
   "X City Council", "X Metropolitan Government", "Mayor of X", and a dateline ("SACRAMENTO —").
   These work for any city, listed in the gazetteer or not; a named place that also appears in
   the URL host ("cityofsacramento.org") is preferred;
4. whole-word, case-sensitive mentions of gazetteer names in the title and the opening text.

Steps 3 and 4 pick the most frequent name, so a release that mentions another city in passing
still goes to its own. Names are canonicalised through the gazetteer ("PUSAN" -> Busan).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from .records import Release

#: How much of the text is read for places: datelines and the announcing body sit at the top.
OPENING_CHARS = 1500

_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|de|del|la|upon|on))*"
#: Phrases naming a release's own city, in any text (case-sensitive: place names are proper nouns).
_OWN_PLACE = [re.compile(p) for p in (
    rf"\bCity of ({_NAME})",
    rf"\b({_NAME}) (?:City Council|City Hall|City Government|Metropolitan (?:City|Government|Council)"
    rf"|Special (?:Self-Governing )?City|Metropolitan Area|City Mayor)\b",
    rf"\bMayor of ({_NAME})",
)]
#: A dateline at the start of a line: "SACRAMENTO, Calif. —", "CHICAGO -", "LOS ANGELES (AP) –".
_DATELINE = re.compile(r"(?m)^\s*([A-Z][A-Z .'’-]{1,40}?[A-Z])(?:,\s*[A-Z][A-Za-z. ]{1,24})?\s*(?:\([^)]{1,20}\)\s*)?"
                       r"(?:[—–]|-{1,2})\s")
#: Dateline-shaped headings that are not places.
_NOT_PLACES = frozenset({"FOR IMMEDIATE RELEASE", "IMMEDIATE RELEASE", "NEWS RELEASE", "PRESS RELEASE",
                         "MEDIA ADVISORY", "UPDATE", "UPDATED", "NEWS", "CONTACT", "EMBARGOED", "NOTE"})
#: Leading words that belong to the sentence, not to the name ("The Tacoma City Council").
_NOT_NAMES = frozenset({"The", "This", "That", "Our", "Your", "Each", "Every", "A", "An", "Its", "Their"})


@dataclass(frozen=True)
class City:
    name: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _key(name: str) -> str:
    """Compare names ignoring case, spacing and punctuation: "New York" ~ "new-york" ~ "NEWYORK"."""
    return re.sub(r"[\W_]+", "", name.casefold())


@lru_cache(maxsize=1)
def gazetteer() -> tuple[City, ...]:
    data = json.loads(resources.files(__package__).joinpath("cities.json").read_text(encoding="utf-8"))
    return tuple(City(c["name"], tuple(c.get("aliases", ())), tuple(c.get("hosts", ()))) for c in data["cities"])


@lru_cache(maxsize=1)
def _adapters() -> tuple:
    """The site adapters that name their city (none when the sites file is missing or broken)."""
    try:
        from .crawl.adapters import AdapterError, load_adapters
    except ImportError:  # the crawler's dependencies are not installed
        return ()
    try:
        return tuple(a for a in load_adapters() if a.city)
    except (AdapterError, OSError):
        return ()


def _host(url: str | None) -> str:
    try:
        return ((urlsplit(url.strip()).hostname or "") if url else "").lower().rstrip(".")
    except ValueError:  # malformed URL (e.g. an unclosed IPv6 bracket): no host to read
        return ""


def _host_labels(host: str) -> set[str]:
    labels = {_key(part) for part in re.split(r"[.\-]", host) if part}
    return labels | {_key(p.removeprefix("cityof")) for p in labels} | {p.removesuffix("city") for p in labels}


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in name.split())


@dataclass
class CityResolver:
    """Derives `city_of` a release from the gazetteer (or a given list of cities) and the release itself."""

    cities: list[City] = field(default_factory=lambda: list(gazetteer()))

    def __post_init__(self) -> None:
        # Case-sensitive on purpose: city names are proper nouns ("Reading" vs "reading"), but
        # datelines are often upper case ("CHICAGO —"), so the upper-case form is a name too.
        self._patterns = []
        for city in self.cities:
            forms = sorted({f for n in city.names for f in (n, n.upper())}, key=len, reverse=True)
            self._patterns.append(re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)"))
        self._by_key = {_key(n): c for c in self.cities for n in c.names}

    def canonical(self, name: str) -> City:
        """The gazetteer city for a name (any case or spelling), or a new city of that name."""
        return self._by_key.get(_key(name)) or City(_title_case(name.strip()))

    def from_adapter(self, url: str | None) -> City | None:
        if not url:
            return None
        from .crawl.adapters import adapter_for

        adapter = adapter_for(url, list(_adapters())) if _adapters() else None
        return self.canonical(adapter.city) if adapter else None

    def from_host(self, url: str | None) -> City | None:
        host = _host(url)
        if not host:
            return None
        for city in self.cities:
            if any(host == h or host.endswith("." + h) for h in city.hosts):
                return city
        labels = _host_labels(host)
        for city in self.cities:
            if any(_key(n) in labels for n in city.names):
                return city
        return None

    def named_places(self, release: Release) -> Counter[str]:
        """Places the release names as its own (see module docstring), canonicalised, with counts."""
        found: Counter[str] = Counter()
        texts = [o.name for o in release.organizations] + [release.title or "", release.text[:OPENING_CHARS]]
        for text in texts:
            for pattern in _OWN_PLACE:
                for m in pattern.finditer(text):
                    name_words = m.group(1).strip(" .-'’").split()
                    while name_words and name_words[0] in _NOT_NAMES:  # "The Tacoma City Council"
                        name_words.pop(0)
                    if name_words:
                        found[self.canonical(" ".join(name_words)).name] += 1
        opening = release.text[:300]
        for m in _DATELINE.finditer(opening):
            name = m.group(1).strip()
            if name not in _NOT_PLACES and len(name) >= 3:
                found[self.canonical(name).name] += 1
        return found

    def _most_mentioned(self, texts: list[str]) -> City | None:
        counts: Counter[int] = Counter()
        for i, pattern in enumerate(self._patterns):
            n = sum(len(pattern.findall(t)) for t in texts)
            if n:
                counts[i] = n
        if not counts:
            return None
        best = max(counts.items(), key=lambda item: (item[1], -item[0]))
        return self.cities[best[0]]

    def city_of(self, release: Release) -> str | None:
        """The release's city name, or None when nothing points at one."""
        city = self.from_adapter(release.url) or self.from_host(release.url)
        if city:
            return city.name
        places = self.named_places(release)
        labels = _host_labels(_host(release.url))
        in_host = [name for name in places if _key(name) in labels]
        if in_host:
            return max(in_host, key=lambda n: places[n])
        by_org = self._most_mentioned([o.name for o in release.organizations])
        if by_org:
            return by_org.name
        if places:
            return max(places.items(), key=lambda item: item[1])[0]
        city = self._most_mentioned([release.title or "", release.text[:OPENING_CHARS]])
        return city.name if city else None


@lru_cache(maxsize=1)
def _default_resolver() -> CityResolver:
    return CityResolver()


def city_of(release: Release) -> str | None:
    """The city of ``release`` with the default gazetteer (what the store records at ingest)."""
    return _default_resolver().city_of(release)


__all__ = ["City", "CityResolver", "city_of", "gazetteer"]
