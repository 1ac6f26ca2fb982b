"""Which city a release comes from, for the report's city filter.

The store has no city column: a release's city is a property of where it was published,
so it is derived, in this order of trust, from

1. the URL host: an official host from the gazetteer (``assets/cities.json``; a host
   matches itself and its subdomains), or a host label equal to a city name
   (``english.seoul.go.kr`` -> Seoul, ``www.city-of-foo.gov`` -> Foo when asked for Foo);
2. the organization names extracted from the release ("Busan Metropolitan Government");
3. the title and the opening of the text (datelines such as "CHICAGO —" or
   "Busan Metropolitan City announced").

Steps 2 and 3 count whole-word, case-sensitive mentions of each city name and alias and
pick the most frequent, so a release that mentions another city in passing still goes to
its own. A city asked for on the command line that the gazetteer does not know is added as
a candidate for the same three steps, which keeps the filter general.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ..records import Release

#: How much of the text step 3 reads: datelines and the announcing body sit at the top.
OPENING_CHARS = 1500


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
    data = json.loads(resources.files(__package__).joinpath("assets/cities.json").read_text(encoding="utf-8"))
    return tuple(City(c["name"], tuple(c.get("aliases", ())), tuple(c.get("hosts", ()))) for c in data["cities"])


@dataclass
class CityResolver:
    """Derives `city_of` a release from a list of candidate cities (the gazetteer by default)."""

    cities: list[City] = field(default_factory=lambda: list(gazetteer()))

    def __post_init__(self) -> None:
        # Case-sensitive on purpose: city names are proper nouns ("Reading" vs "reading"), but
        # datelines are often upper case ("CHICAGO —"), so the upper-case form is a name too.
        self._patterns = []
        for city in self.cities:
            forms = sorted({f for n in city.names for f in (n, n.upper())}, key=len, reverse=True)
            self._patterns.append(re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)"))

    def canonical(self, name: str) -> City:
        """The gazetteer city for a user-typed name, or a new candidate city (added to this resolver)."""
        key = _key(name)
        for city in self.cities:
            if key in {_key(n) for n in city.names}:
                return city
        new = City(name.strip())
        self.cities.append(new)
        self.__post_init__()
        return new

    def from_host(self, url: str | None) -> City | None:
        try:
            host = (urlsplit(url.strip()).hostname or "") if url else ""
        except ValueError:  # malformed URL (e.g. an unclosed IPv6 bracket): no host to read
            return None
        if not host:
            return None
        host = host.lower().rstrip(".")
        for city in self.cities:
            if any(host == h or host.endswith("." + h) for h in city.hosts):
                return city
        labels = {_key(part) for part in re.split(r"[.\-]", host) if part}
        labels |= {_key(part.removeprefix("cityof")) for part in labels}
        for city in self.cities:
            if any(_key(n) in labels for n in city.names):
                return city
        return None

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
        city = (self.from_host(release.url)
                or self._most_mentioned([o.name for o in release.organizations])
                or self._most_mentioned([release.title or "", release.text[:OPENING_CHARS]]))
        return city.name if city else None
