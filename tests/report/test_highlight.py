"""Marking mentions in the text (the page script's one-sweep highlighter, run in chromium):
nothing lost or repeated, overlaps readable, everything text."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from release_miner.report import write_report
from release_miner.report.highlight import Span, spans_of, valid_spans

from .chromium import DevTools, needs_chromium
from .dataset import build_dataset, harbour_release
from .dom import covered_by_kind

TEXT = "The Harbour Fund of 120 billion won opens in Busan on June 3."


def _find(needle: str) -> tuple[int, int]:
    s = TEXT.index(needle)
    return s, s + len(needle)


CASES = {
    "none": [],
    "one": [Span(*_find("Busan"), "org", "organization: Busan")],
    "nested": [Span(*_find("Harbour Fund of 120 billion won"), "policy", "p"),
               Span(*_find("120 billion won"), "figure", "f")],
    "crossing": [Span(*_find("Fund of 120"), "policy", "p"), Span(*_find("120 billion"), "figure", "f")],
    "identical": [Span(*_find("June 3"), "date", "d"), Span(*_find("June 3"), "figure", "f")],
    "adjacent": [Span(*_find("Harbour"), "org", "o"), Span(*_find(" Fund"), "policy", "p")],
    "three deep": [Span(0, len(TEXT), "policy", "p"), Span(*_find("Harbour Fund of 120 billion won"), "org", "o"),
                   Span(*_find("120 billion won"), "figure", "f")],
}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if needs_chromium.args[0]:
        pytest.skip("Debian's chromium is not installed")
    tmp = tmp_path_factory.mktemp("hl")
    page = write_report(build_dataset(tmp / "d.sqlite"), tmp / "r.html")
    with DevTools() as b:
        b.open(page.as_uri())
        yield b


def _highlight(browser, text: str, spans: list[Span]):
    rows = [[s.start, s.end, s.kind, s.label, s.anchor] for s in spans]
    markup = browser.evaluate(
        f"(() => {{ const d = document.createElement('div'); d.append(window.releaseMiner.highlight("
        f"{json.dumps(text)}, {json.dumps(rows)})); return d.innerHTML; }})()")
    return markup, lxml_html.fragment_fromstring(markup, create_parent="div")


pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("name", CASES)
def test_text_survives_and_every_span_is_marked_by_its_kind(browser, name):
    _markup, root = _highlight(browser, TEXT, CASES[name])
    assert root.text_content() == TEXT
    covered = covered_by_kind(root)
    for span in CASES[name]:
        assert set(range(span.start, span.end)) <= covered.get(span.kind, set()), span
    marked: set[int] = set().union(*(range(s.start, s.end) for s in CASES[name]))
    assert set().union(*covered.values()) == marked  # and nothing outside the spans is marked


def test_the_shortest_span_colours_the_background_and_the_longer_one_underlines(browser):
    _markup, root = _highlight(browser, TEXT, CASES["nested"])
    (figure_mark,) = [m for m in root.iter("mark") if m.text == "120 billion won"]
    assert "k-figure" in figure_mark.get("class")
    wrapper = figure_mark.getparent()
    assert wrapper.tag == "span" and "k-policy" in wrapper.get("class") and "lvl1" in wrapper.get("class")
    assert figure_mark.get("title") == "f\np"  # the tooltip lists every span over this piece


def test_anchor_ids_sit_on_the_first_piece_of_their_span_only(browser):
    spans = [Span(*_find("Fund of 120"), "policy", "p", anchor="r1-policy-0"),
             Span(*_find("120 billion"), "figure", "f", anchor="r1-figure-0")]
    _markup, root = _highlight(browser, TEXT, spans)
    assert root.get_element_by_id("r1-policy-0").text_content() == "Fund of "
    assert root.get_element_by_id("r1-figure-0").text_content().startswith("120")
    assert len(root.xpath("//*[@id]")) == 2


def test_markup_in_text_and_labels_stays_text(browser):
    text = 'Fund <script>alert(1)</script> & <img src=x onerror="alert(2)">'
    spans = [Span(0, 4, "policy", '"><script>alert(3)</script>'), Span(5, 30, "figure", "x")]
    markup, root = _highlight(browser, text, spans)
    assert root.text_content() == text
    assert not root.xpath("//script | //img | //*[@onerror]")
    assert "&lt;script&gt;" in markup


def test_many_spans_over_a_long_text(browser):
    # 20,000 spans (every word, plus one over everything): one sweep, every character kept
    words = ["word%d" % i for i in range(20_000)]
    text = " ".join(words)
    spans, pos = [Span(0, len(text), "policy", "all")], 0
    for w in words:
        spans.append(Span(pos, pos + len(w), "figure", w))
        pos += len(w) + 1
    _markup, root = _highlight(browser, text, spans)
    assert root.text_content() == text
    assert len(root.xpath("//mark")) == 20_000 + 19_999  # each word, and each space under the long span


@pytest.mark.parametrize("bad", [(-1, 3), (5, 5), (10, 4), (0, len(TEXT) + 1)])
def test_offsets_outside_the_text_are_dropped_not_fatal(bad):
    spans = [Span(*bad, "figure", "bad"), Span(*_find("Busan"), "org", "ok")]
    good, dropped = valid_spans(TEXT, spans)
    assert dropped == 1 and [s.label for s in good] == ["ok"]


def test_spans_of_a_release_cover_every_record_mention():
    release = harbour_release()
    spans = spans_of(release, "r9")
    mentions = (len(release.figures) + len(release.dates) + len(release.policies)
                + sum(len(p.mentions) for p in release.people) + sum(len(o.mentions) for o in release.organizations))
    assert len(spans) == mentions
    assert {s.kind for s in spans} == {"figure", "date", "person", "org", "policy"}
    assert all(release.text[s.start:s.end] for s in spans)
    assert "r9-policy-0" in {s.anchor for s in spans}
