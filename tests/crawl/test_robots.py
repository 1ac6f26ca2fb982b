from __future__ import annotations

import pytest

from release_miner.crawl.robots import Robots

from .bounded import within

ROBOTS = """
# comment
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/press/
Crawl-delay: 2.5

User-agent: release-miner
User-agent: other-bot
Disallow: /search
Allow: /search/releases$
Crawl-delay: 0.5

User-agent: BadBot
Disallow: /

Sitemap: https://city.example/sitemap.xml
Sitemap: https://city.example/news-sitemap.xml.gz
"""


@pytest.mark.parametrize("agent, path, allowed", [
    ("SomeBot/1.0", "/news/a.html", True),
    ("SomeBot/1.0", "/private/x.html", False),
    ("SomeBot/1.0", "/private/press/x.html", True),     # longer Allow wins
    ("SomeBot/1.0", "/files/a.pdf", False),             # $ anchors the wildcard
    ("SomeBot/1.0", "/files/a.pdf?x=1", True),
    ("release-miner/0.1 (+https://x)", "/private/x.html", True),   # our own group replaces *
    ("release-miner/0.1 (+https://x)", "/search?q=a", False),
    ("release-miner/0.1 (+https://x)", "/search/releases", True),
    ("BadBot", "/anything", False),
])
def test_rules(agent, path, allowed):
    robots = Robots.parse(ROBOTS, agent)
    assert robots.allowed("https://city.example" + path) is allowed


def test_delay_and_sitemaps():
    ours = Robots.parse(ROBOTS, "release-miner/0.1")
    anyone = Robots.parse(ROBOTS, "SomeBot")
    assert ours.crawl_delay == 0.5 and anyone.crawl_delay == 2.5
    assert ours.sitemaps == ["https://city.example/sitemap.xml", "https://city.example/news-sitemap.xml.gz"]


def test_empty_and_unreachable():
    assert Robots.parse("", "release-miner").allowed("https://x/any")
    assert Robots.parse("User-agent: *\nDisallow:\n", "release-miner").allowed("https://x/any")
    assert not Robots.deny_all().allowed("https://x/any")


@pytest.mark.parametrize("pattern, path, matched", [
    ("/a*b", "/axxb", True), ("/a*b", "/ab", True), ("/a*b", "/axx", False),
    ("/a*b$", "/axbyb", True), ("/a*b$", "/axbyc", False), ("/*.pdf$", "/x.pdf", True),
    ("/*.pdf$", "/x.pdf.html", False), ("/a$", "/a", True), ("/a$", "/ab", False),
    ("/*", "/", True), ("*", "/anything", True), ("/a**b", "/ab", True), ("/ab*ba$", "/aba", False),
    ("/x*y*z", "/xzyz", True), ("/x*y*z", "/xzy", False), ("/%61", "/a", True),
])
def test_wildcard_matching(pattern, path, matched):
    robots = Robots.parse(f"User-agent: *\nDisallow: {pattern}\n", "release-miner")
    assert robots.allowed("https://x" + path) is not matched


def _wildcards_against_long_paths() -> None:
    pattern = "/" + "*a" * 40 + "*b"
    robots = Robots.parse(f"User-agent: *\nDisallow: {pattern}\n", "release-miner")
    assert robots.allowed("https://x/" + "a" * 5000)
    assert not robots.allowed("https://x/" + "a" * 5000 + "b")


def test_wildcards_match_in_linear_time():
    """``/*a*a*...*b`` against a long path of ``a``s: a translated regex backtracks exponentially (32 ``a``s
    took 47 s); matched in linear time this is milliseconds, so a minute bounds it."""
    within(60, _wildcards_against_long_paths)


def test_rules_and_size_are_capped():
    from release_miner.crawl.robots import MAX_ROBOTS_BYTES, MAX_RULES

    body = "User-agent: *\n" + "".join(f"Disallow: /p{n}/\n" for n in range(250_000))
    robots = Robots.parse(body, "release-miner")
    assert len(robots.rules) <= MAX_RULES and robots.truncated
    assert not robots.allowed("https://x/p1/a") and robots.allowed("https://x/p249999/a")
    assert len(body) > MAX_ROBOTS_BYTES


def test_unreadable_is_deny_all_with_a_reason():
    robots = Robots.deny_all("HTTP 503")
    assert not robots.allowed("https://x/") and robots.unreadable == "HTTP 503"
