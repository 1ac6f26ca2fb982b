"""robots.txt as RFC 9309 defines it: groups, longest match, ``*`` and ``$`` wildcards.

Python's ``urllib.robotparser`` predates the RFC: it matches prefixes only (no wildcards),
takes the first rule rather than the longest, and reads Crawl-delay as whole seconds.
This small parser does what the RFC and the major crawlers do, and also collects the
``Sitemap:`` lines, which are discovery hints independent of any group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[tuple[bool, str]] = field(default_factory=list)  # (allow, pattern)
    delay: float | None = None


@dataclass
class Robots:
    """The parsed rules of one host, already narrowed to our user agent's group."""

    rules: list[tuple[bool, str]] = field(default_factory=list)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    disallow_all: bool = False

    @classmethod
    def allow_all(cls) -> Robots:
        return cls()

    @classmethod
    def deny_all(cls) -> Robots:
        """For a host whose robots.txt could not be read (5xx): RFC 9309 says assume complete disallow."""
        return cls(disallow_all=True)

    @classmethod
    def parse(cls, text: str, agent: str) -> Robots:
        """Rules for ``agent`` (the product token, e.g. ``release-miner``) from a robots.txt body."""
        groups: list[_Group] = []
        sitemaps: list[str] = []
        current: _Group | None = None
        last_was_agent = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key == "sitemap":
                if value:
                    sitemaps.append(value)
                continue
            if key == "user-agent":
                if current is None or not last_was_agent:
                    current = _Group()
                    groups.append(current)
                current.agents.append(value.lower())
                last_was_agent = True
                continue
            last_was_agent = False
            if current is None:
                continue
            if key in ("allow", "disallow"):
                if value:
                    current.rules.append((key == "allow", value))
            elif key == "crawl-delay":
                try:
                    current.delay = max(0.0, float(value))
                except ValueError:
                    pass
        token = re.match(r"[A-Za-z0-9_-]*", agent.strip()).group(0).lower()   # the product token
        chosen = [g for g in groups if token in g.agents]
        if not chosen:
            chosen = [g for g in groups if "*" in g.agents]
        rules = [r for g in chosen for r in g.rules]
        delays = [g.delay for g in chosen if g.delay is not None]
        return cls(rules=rules, crawl_delay=max(delays) if delays else None, sitemaps=sitemaps)

    def allowed(self, url: str) -> bool:
        """True when the longest matching rule allows ``url`` (Allow wins ties; no rule means allowed)."""
        if self.disallow_all:
            return False
        parts = urlsplit(url)
        target = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        best_len, verdict = -1, True
        for allow, pattern in self.rules:
            if _match(pattern, target):
                length = len(pattern)
                if length > best_len or (length == best_len and allow):
                    best_len, verdict = length, allow
        return verdict


def _match(pattern: str, path: str) -> bool:
    anchored = pattern.endswith("$")
    body = unquote(pattern[:-1] if anchored else pattern)
    regex = "".join(".*" if ch == "*" else re.escape(ch) for ch in body)
    return re.match(regex + ("$" if anchored else ""), path) is not None
