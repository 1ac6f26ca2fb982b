"""Marking mentions in the text: nothing lost or repeated, overlaps readable, everything escaped."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from release_miner.report.highlight import Span, highlight, spans_of, valid_spans

from .dataset import harbour_release
from .dom import covered_by_kind

TEXT = "The Harbour Fund of 120 billion won opens in Busan on June 3."


def _find(needle: str) -> tuple[int, int]:
    s = TEXT.index(needle)
    return s, s + len(needle)


def _parse(markup: str):
    return lxml_html.fragment_fromstring(markup, create_parent="div")


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


@pytest.mark.parametrize("name", CASES)
def test_text_survives_highlighting_exactly(name):
    root = _parse(highlight(TEXT, CASES[name]))
    assert root.text_content() == TEXT


@pytest.mark.parametrize("name", CASES)
def test_every_character_of_a_span_is_inside_a_mark_of_its_kind(name):
    root = _parse(highlight(TEXT, CASES[name]))
    covered = covered_by_kind(root)
    for span in CASES[name]:
        assert set(range(span.start, span.end)) <= covered.get(span.kind, set()), span
    marked: set[int] = set().union(*(range(s.start, s.end) for s in CASES[name]))
    assert set().union(*covered.values()) == marked  # and nothing outside the spans is marked


def test_the_shortest_span_colours_the_background_and_the_longer_one_underlines():
    root = _parse(highlight(TEXT, CASES["nested"]))
    (figure_mark,) = [m for m in root.iter("mark") if m.text == "120 billion won"]
    assert "k-figure" in figure_mark.get("class")
    wrapper = figure_mark.getparent()
    assert wrapper.tag == "span" and "k-policy" in wrapper.get("class") and "lvl1" in wrapper.get("class")
    assert figure_mark.get("title") == "f\np"  # the tooltip lists every span over this piece


def test_anchor_ids_sit_on_the_first_piece_of_their_span_only():
    spans = [Span(*_find("Fund of 120"), "policy", "p", anchor="r1-policy-0"),
             Span(*_find("120 billion"), "figure", "f", anchor="r1-figure-0")]
    root = _parse(highlight(TEXT, spans))
    policy_el = root.get_element_by_id("r1-policy-0")
    figure_el = root.get_element_by_id("r1-figure-0")
    assert policy_el.text_content() == "Fund of "
    assert figure_el.text_content().startswith("120")
    assert len(root.xpath("//*[@id]")) == 2


@pytest.mark.parametrize("bad", [(-1, 3), (5, 5), (10, 4), (0, len(TEXT) + 1)])
def test_offsets_outside_the_text_are_dropped_not_fatal(bad):
    spans = [Span(*bad, "figure", "bad"), Span(*_find("Busan"), "org", "ok")]
    good, dropped = valid_spans(TEXT, spans)
    assert dropped == 1 and [s.label for s in good] == ["ok"]
    assert _parse(highlight(TEXT, spans)).text_content() == TEXT


def test_markup_in_text_and_labels_is_escaped():
    text = 'Fund <script>alert(1)</script> & <img src=x onerror="alert(2)">'
    spans = [Span(0, 4, "policy", '"><script>alert(3)</script>'), Span(5, 30, "figure", "x")]
    markup = str(highlight(text, spans))
    root = _parse(markup)
    assert root.text_content() == text
    assert not root.xpath("//script | //img | //*[@onerror]")
    assert "&lt;script&gt;" in markup


def test_spans_of_a_release_cover_every_record_mention():
    release = harbour_release()
    spans = spans_of(release, "r9")
    mentions = (len(release.figures) + len(release.dates) + len(release.policies)
                + sum(len(p.mentions) for p in release.people) + sum(len(o.mentions) for o in release.organizations))
    assert len(spans) == mentions
    assert {s.kind for s in spans} == {"figure", "date", "person", "org", "policy"}
    assert all(release.text[s.start:s.end] for s in spans)
    assert "r9-policy-0" in {s.anchor for s in spans}
