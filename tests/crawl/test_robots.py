from __future__ import annotations

import pytest

from release_miner.crawl.robots import Robots

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
