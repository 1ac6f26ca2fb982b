"""robots.txt as RFC 9309 defines it: groups, longest match, ``*`` and ``$`` wildcards.

Python's ``urllib.robotparser`` predates the RFC: it matches prefixes only (no wildcards),
takes the first rule rather than the longest, and reads Crawl-delay as whole seconds.
This small parser does what the RFC and the major crawlers do, and also collects the
``Sitemap:`` lines, which are discovery hints independent of any group.

A robots.txt is input from the site, so its cost is bounded: only the first
`MAX_ROBOTS_BYTES` are read (the RFC's 500 KiB minimum), at most `MAX_RULES` rules are
kept, and a wildcard pattern is matched by a greedy left-to-right scan of its literal
pieces (linear in the path, never the backtracking a translated regular expression does
on ``/*a*a*a*...*b``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

#: How much of a robots.txt is parsed (RFC 9309: at least 500 KiB).
MAX_ROBOTS_BYTES = 500 * 1024

#: Rules kept for our group; real sites have tens, a few hundred at most.
MAX_RULES = 5000


@dataclass(frozen=True)
class Rule:
    """One Allow/Disallow line, pre-split into the literal pieces between its ``*`` wildcards."""

    allow: bool
    pattern: str
    pieces: tuple[str, ...]
    anchored: bool

    @classmethod
    def of(cls, allow: bool, pattern: str) -> Rule:
        anchored = pattern.endswith("$")
        body = unquote(pattern[:-1] if anchored else pattern)
        return cls(allow, pattern, tuple(body.split("*")), anchored)

    def matches(self, path: str) -> bool:
        """Greedy matching: the first piece is a prefix, each later piece is found leftmost after the
        previous one, and an anchored pattern's last piece must end the path. For patterns whose only
        wildcard is ``*`` the leftmost choice is always safe, so this is exact and linear."""
        pieces = self.pieces
        first = pieces[0]
        if not path.startswith(first):
            return False
        if len(pieces) == 1:
            return not self.anchored or len(path) == len(first)
        at = len(first)
        last = len(pieces) - 1
        for i in range(1, last):
            piece = pieces[i]
            if piece:
                found = path.find(piece, at)
                if found < 0:
                    return False
                at = found + len(piece)
        tail = pieces[last]
        if self.anchored:
            return len(path) - len(tail) >= at and path.endswith(tail)
        return not tail or path.find(tail, at) >= 0


@dataclass
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[tuple[bool, str]] = field(default_factory=list)  # (allow, pattern)
    delay: float | None = None


@dataclass
class Robots:
    """The parsed rules of one host, already narrowed to our user agent's group.

    ``unreadable`` says why a deny-all stands in for rules that could not be read (5xx, 429,
    no answer): RFC 9309 asks to assume complete disallow until robots.txt is readable.
    """

    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    disallow_all: bool = False
    unreadable: str | None = None
    truncated: bool = False

    @classmethod
    def allow_all(cls) -> Robots:
        return cls()

    @classmethod
    def deny_all(cls, reason: str = "robots.txt could not be read") -> Robots:
        """For a host whose robots.txt could not be read (5xx, 429, no answer): complete disallow."""
        return cls(disallow_all=True, unreadable=reason)

    @classmethod
    def parse(cls, text: str, agent: str) -> Robots:
        """Rules for ``agent`` (the product token, e.g. ``release-miner``) from a robots.txt body."""
        truncated = len(text) > MAX_ROBOTS_BYTES
        groups: list[_Group] = []
        sitemaps: list[str] = []
        current: _Group | None = None
        last_was_agent = False
        for raw in text[:MAX_ROBOTS_BYTES].splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key == "sitemap":
                if value and len(sitemaps) < MAX_RULES:
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
        rules = [Rule.of(allow, pattern) for g in chosen for allow, pattern in g.rules]
        if len(rules) > MAX_RULES:
            rules, truncated = rules[:MAX_RULES], True
        delays = [g.delay for g in chosen if g.delay is not None]
        return cls(rules=rules, crawl_delay=max(delays) if delays else None, sitemaps=sitemaps,
                   truncated=truncated)

    def allowed(self, url: str) -> bool:
        """True when the longest matching rule allows ``url`` (Allow wins ties; no rule means allowed)."""
        if self.disallow_all:
            return False
        parts = urlsplit(url)
        target = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        best_len, verdict = -1, True
        for rule in self.rules:
            length = len(rule.pattern)
            if length < best_len or (length == best_len and verdict):
                continue   # cannot change the verdict
            if rule.matches(target):
                best_len, verdict = length, rule.allow
        return verdict
