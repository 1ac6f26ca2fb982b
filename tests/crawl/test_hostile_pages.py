"""Hostile HTML read in bounded, linear work: deep nesting, tens of thousands of links, local files in a batch.

Speed itself is measured by ``benchmarks/hostile_pages.py``; these tests check the properties that make
the work linear (a depth-bounded tree, one pass per measure) and that nothing of the text is lost.
"""

from __future__ import annotations

import functools

from bs4 import BeautifulSoup

from release_miner.crawl.boilerplate import generic_main_text, main_nodes, strip_furniture
from release_miner.crawl.html import MAX_DEPTH, TextStats, block_text, parse_html
from release_miner.crawl.pages import analyse, main_text
from release_miner.sources import read_sources

from .bounded import within

PROSE = ("Northbrook Council will open a new library in ward nine next spring, with study rooms, a children's "
         "corner and late opening on weekdays, at a cost of four million pounds, the council said on Monday.")


def nested(depth: int, inner: str = f"<p>{PROSE}</p>") -> str:
    return "<html><head><title>Deep</title></head><body>" + "<div>" * depth + inner + "</div>" * depth + \
        "<p>After the nest: the council meets again on Thursday.</p></body></html>"


def _depth(soup) -> int:
    deepest = 0
    for tag in soup.find_all(True):
        deepest = max(deepest, sum(1 for _ in tag.parents))
    return deepest


def test_the_tree_is_depth_bounded_and_keeps_all_text():
    soup = parse_html(nested(5000))
    assert _depth(soup) <= MAX_DEPTH + 2 and soup.flattened > 4000
    text = " ".join(soup.get_text(" ").split())
    assert PROSE in text and text.endswith("the council meets again on Thursday.")


def test_shallow_pages_parse_as_before():
    html = "<html><body><main><div><p>One, two.</p><ul><li>a</li></ul></div></main></body></html>"
    assert str(parse_html(html)) == str(BeautifulSoup(html, "lxml")) and parse_html(html).flattened == 0


def _read_deep_page() -> None:
    info = analyse(nested(100_000), "https://city.example/news/deep.html")
    assert PROSE in info.text
    assert PROSE in generic_main_text(nested(100_000))


def test_deeply_nested_page_is_read():
    """100,000 nested divs: seconds in linear work, more than 300 s for the quadratic readers."""
    within(150, _read_deep_page)


def test_text_stats_match_get_text():
    html = ("<html><body><div id='a'><p>Hello,   world, <a href='/x'>a link  here</a></p><!-- hidden, comment -->"
            "<script>var a = 1, b = 2;</script><div><p>More <b>bold,</b> text</p></div></div></body></html>")
    soup = parse_html(html)
    stats = TextStats(soup)
    for tag in soup.find_all(True):
        if tag.name == "script":
            continue   # get_text of a script element itself reads its code; of any parent, not
        assert stats.text_len(tag) == len(" ".join(tag.get_text(" ").split())), tag.name
        assert stats.link_len(tag) == sum(len(" ".join(a.get_text(" ").split())) for a in tag.find_all("a"))
        assert stats.commas(tag) == tag.get_text().count(",")


def test_block_text_is_one_block_per_line():
    soup = parse_html("<div><h2>Title</h2><p>First <b>para</b>.</p>tail<ul><li>one</li><li>two</li></ul></div>")
    assert block_text(soup.div) == ["Title", "First para.", "tail", "one", "two"]


def _read_page_of_forty_thousand_links() -> None:
    links = "".join(f'<li><a href="/files/doc{i}.pdf">Annual report number {i}</a></li>' for i in range(40_000))
    html = (f"<html><head><title>Files</title></head><body><main><h1>Council documents</h1><p>2025-06-01</p>"
            f"<p>{PROSE} {PROSE}</p><ul>{links}</ul></main></body></html>")
    info = analyse(html, "https://city.example/news/files.html")
    assert len(info.attachments) == 40_000 and len({a.url for a in info.attachments}) == 40_000
    assert PROSE in info.text
    text, extractor = main_text(html, "https://city.example/news/files.html")
    assert extractor == "generic" and PROSE in text   # too many elements for trafilatura's pace


def test_forty_thousand_attachment_links():
    """A page of 40,000 attachment links: tens of seconds at most, not the quadratic readers' many minutes."""
    within(300, _read_page_of_forty_thousand_links)


def test_furniture_is_removed_in_one_pass():
    soup = parse_html("<html><body><nav><a href='/'>Home</a></nav><div class='cookie-banner'><p>We use cookies"
                      "</p></div><article><p>" + PROSE + "</p><div class='share'>Share</div></article></body></html>")
    strip_furniture(soup)
    text = soup.get_text(" ")
    assert PROSE in text and "cookies" not in text and "Home" not in text and "Share" not in text
    assert main_nodes(soup)


def _batch_through(folder: str) -> None:
    documents = list(read_sources([folder]))
    assert [getattr(d, "id", None) for d in documents] == ["a-deep", "b-good"]
    assert all(PROSE in d.text for d in documents)


def test_a_batch_of_local_html_files_goes_through_a_hostile_one(tmp_path):
    (tmp_path / "a-deep.html").write_text(nested(100_000))
    (tmp_path / "b-good.html").write_text(f"<html><head><title>Library</title></head><body><h1>New library"
                                          f"</h1><p>{PROSE}</p></body></html>")
    within(150, functools.partial(_batch_through, str(tmp_path)))
