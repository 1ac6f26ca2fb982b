"""Inline SVG charts: valid markup, escaped labels, honest proportions."""

from __future__ import annotations

import math

import pytest
from lxml import etree

from release_miner.report.charts import bar_chart, column_chart, donut_chart

HOSTILE = '<script>alert(1)</script>"&'


def _svg(markup) -> etree._Element:
    return etree.fromstring(str(markup).encode())  # strict XML: any unescaped label breaks parsing


@pytest.mark.parametrize("chart", [column_chart, bar_chart, donut_chart])
def test_labels_are_escaped_and_markup_is_well_formed(chart):
    root = _svg(chart([(HOSTILE, 3), ("b", 1)], label=HOSTILE))
    assert root.tag.endswith("svg") and root.get("aria-label") == HOSTILE
    assert not root.xpath("//*[local-name()='script']")
    assert any(HOSTILE in "".join(t.itertext()) for t in root.iter())


@pytest.mark.parametrize("chart", [column_chart, bar_chart, donut_chart])
def test_empty_data_says_so(chart):
    assert 'class="empty"' in str(chart([], label="x")) and 'class="empty"' in str(chart([("a", 0)], label="x"))


def test_bars_are_proportional():
    root = _svg(bar_chart([("a", 10), ("b", 5), ("c", 0)], label="x"))
    widths = [float(r.get("width")) for r in root.iter("{*}rect")]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] == 0


def test_columns_share_one_scale():
    root = _svg(column_chart([("2025-01", 4), ("2025-02", 2)], label="x"))
    heights = [float(r.get("height")) for r in root.iter("{*}rect")]
    assert heights[0] == pytest.approx(2 * heights[1])


def test_many_columns_get_thinned_labels():
    items = [(f"m{i}", i + 1) for i in range(40)]
    root = _svg(column_chart(items, label="x"))
    labels = [t.text for t in root.iter("{*}text") if t.text and t.text.startswith("m")]
    assert 6 <= len(labels) <= 12 and labels[0] == "m0"


def test_donut_arcs_add_up_to_the_ring():
    root = _svg(donut_chart([("a", 1), ("b", 2), ("c", 1)], label="x"))
    arcs = [c for c in root.iter("{*}circle") if c.get("stroke-dasharray")]
    r = float(arcs[0].get("r"))
    lengths = [float(c.get("stroke-dasharray").split()[0]) for c in arcs]
    assert sum(lengths) == pytest.approx(2 * math.pi * r, rel=1e-3)
    assert lengths[1] == pytest.approx(2 * lengths[0], rel=1e-3)
