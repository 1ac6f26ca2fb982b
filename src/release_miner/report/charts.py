"""Inline SVG charts: drawn here as markup, so the report needs no script library and no network.

Every label goes through `markupsafe.Markup.format`, which escapes its arguments: labels
may come from scraped data (currency codes, months) and must never become markup.
Each chart carries a ``<title>`` per mark (the exact value shows on hover) and an
``aria-label`` summary for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup

from .fmt import compact, exact

Formatter = Callable[[float], str]

#: Category colours, shared with the CSS (report.css uses the same values).
PALETTE: dict[str, str] = {
    "shock_response": "#d1495b",
    "innovative_growth": "#2a9d8f",
    "livelihood_stability": "#e9a03b",
    "none": "#9aa5b1",
    "unattributed": "#c3cad3",
}
DEFAULT_COLOUR = "#4c6ef5"
FONT = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px"


def _empty(message: str = "No data for this selection.") -> Markup:
    return Markup('<p class="empty">{}</p>').format(message)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def column_chart(items: Sequence[tuple[str, float]], *, label: str, colour: str = DEFAULT_COLOUR,
                 fmt: Formatter = compact, width: int = 560, height: int = 220) -> Markup:
    """Vertical bars, one per item, in the given order (months)."""
    if not items or not any(v for _, v in items):
        return _empty()
    left, bottom, top = 56, 54, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    vmax = _nice_max(max(v for _, v in items))
    slot = plot_w / len(items)
    bar_w = max(2.0, min(48.0, slot * 0.7))
    # at most ~12 axis labels (every step-th bar), tilted when they would touch
    step = max(1, math.ceil(len(items) / 12))
    rotate = len(items) / step > 8
    parts = [Markup('<svg class="chart" role="img" viewBox="0 0 {} {}" width="{}" height="{}" aria-label="{}"'
                    ' style="{}">').format(width, height, width, height, label, FONT)]
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        parts.append(Markup('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#dde1e6"/>'
                            '<text x="{}" y="{:.1f}" text-anchor="end" fill="#555">{}</text>').format(
            left, width - 8, y, y, left - 6, y + 4, fmt(vmax * frac)))
    for i, (name, value) in enumerate(items):
        x = left + slot * i + (slot - bar_w) / 2
        h = plot_h * (value / vmax)
        y = top + plot_h - h
        parts.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" rx="2">'
                            '<title>{}: {}</title></rect>').format(x, y, bar_w, h, colour, name, exact(value)))
        cx, ly = x + bar_w / 2, top + plot_h + 14
        if i % step:
            continue
        if rotate:
            parts.append(Markup('<text x="{:.1f}" y="{:.1f}" text-anchor="end" fill="#333"'
                                ' transform="rotate(-45 {:.1f} {:.1f})">{}</text>').format(cx, ly, cx, ly, name))
        else:
            parts.append(Markup('<text x="{:.1f}" y="{:.1f}" text-anchor="middle" fill="#333">{}</text>').format(
                cx, ly, name))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def bar_chart(items: Sequence[tuple[str, float]], *, label: str, colours: dict[str, str] | None = None,
              fmt: Formatter = compact, width: int = 440) -> Markup:
    """Horizontal bars with the label on the left and the value on the right."""
    if not items or not any(v for _, v in items):
        return _empty()
    row, left, right = 26, 170, 90
    height = row * len(items) + 8
    vmax = max(v for _, v in items) or 1
    plot_w = width - left - right
    parts = [Markup('<svg class="chart" role="img" viewBox="0 0 {} {}" width="{}" height="{}" aria-label="{}"'
                    ' style="{}">').format(width, height, width, height, label, FONT)]
    for i, (name, value) in enumerate(items):
        y = 4 + i * row
        w = max(1.0, plot_w * value / vmax) if value else 0
        colour = (colours or {}).get(name, DEFAULT_COLOUR)
        parts.append(Markup(
            '<text x="{}" y="{}" text-anchor="end" fill="#333">{}</text>'
            '<rect x="{}" y="{}" width="{:.1f}" height="{}" fill="{}" rx="2"><title>{}: {}</title></rect>'
            '<text x="{:.1f}" y="{}" fill="#333">{}</text>').format(
            left - 8, y + 16, name.replace("_", " "), left, y + 3, w, row - 8, colour, name, exact(value),
            left + w + 6, y + 16, fmt(value)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def donut_chart(items: Sequence[tuple[str, float]], *, label: str, colours: dict[str, str] | None = None,
                size: int = 180) -> Markup:
    """Shares of a whole as a ring (stroke-dasharray arcs), with a legend giving counts and percentages."""
    total = sum(v for _, v in items)
    if total <= 0:
        return _empty()
    r, stroke = size / 2 - 18, 28
    circumference = 2 * math.pi * r
    c = size / 2
    legend_x = size + 16
    width = legend_x + 260
    height = max(size, 24 * len(items) + 8)
    parts = [Markup('<svg class="chart" role="img" viewBox="0 0 {} {}" width="{}" height="{}" aria-label="{}"'
                    ' style="{}">').format(width, height, width, height, label, FONT),
             Markup('<circle cx="{}" cy="{}" r="{:.1f}" fill="none" stroke="#eef0f3" stroke-width="{}"/>').format(
                 c, c, r, stroke)]
    offset = 0.0
    for i, (name, value) in enumerate(items):
        colour = (colours or {}).get(name, DEFAULT_COLOUR)
        share = value / total
        if value:
            arc = circumference * share
            parts.append(Markup(
                '<circle cx="{}" cy="{}" r="{:.1f}" fill="none" stroke="{}" stroke-width="{}"'
                ' stroke-dasharray="{:.2f} {:.2f}" stroke-dashoffset="{:.2f}" transform="rotate(-90 {} {})">'
                '<title>{}: {} ({:.0%})</title></circle>').format(
                c, c, r, colour, stroke, arc, circumference - arc, -offset, c, c, name, exact(value), share))
            offset += arc
        y = 8 + i * 24
        parts.append(Markup('<rect x="{}" y="{}" width="14" height="14" fill="{}" rx="2"/>'
                            '<text x="{}" y="{}" fill="#333">{}: {} ({:.0%})</text>').format(
            legend_x, y, colour, legend_x + 20, y + 12, name.replace("_", " "), exact(value), share))
    parts.append(Markup('<text x="{}" y="{}" text-anchor="middle" font-size="20" font-weight="600"'
                        ' fill="#222">{}</text>').format(c, c + 7, exact(total)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


__all__ = ["PALETTE", "bar_chart", "column_chart", "donut_chart"]
