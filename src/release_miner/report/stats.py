"""What the overview needs to know about each release's money: its outcome category.

The page's script adds the counted amounts (see `money`) of the releases the filters show,
never across currencies: every total is per ISO currency code.

Attributing money to an outcome category is a reading aid, not accounting: a money figure
belongs to the policy whose span contains it, else to the nearest classified policy in the
same sentence; a figure with neither is "unattributed".
"""

from __future__ import annotations

import re

from ..records import CATEGORIES, Figure, Policy, Release

#: The three outcome categories, in display order ("none" is not an outcome).
OUTCOMES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "none")
UNATTRIBUTED = "unattributed"

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences, cut after . ! ? ; and at line breaks (no model needed)."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def money_category(release: Release, figure: Figure, bounds: list[tuple[int, int]] | None = None) -> str:
    """The outcome category a money figure is reported under (see module docstring)."""
    classified = [p for p in release.policies if p.category in OUTCOMES]
    for p in classified:
        if p.start <= figure.start and figure.end <= p.end:
            return p.category
    bounds = bounds if bounds is not None else sentence_bounds(release.text)
    sentence = next(((s, e) for s, e in bounds if s <= figure.start < e), None)
    if sentence is None:
        return UNATTRIBUTED
    s, e = sentence
    near: list[tuple[int, Policy]] = []
    for p in classified:
        if p.start < e and p.end > s:
            distance = max(p.start - figure.end, figure.start - p.end, 0)
            near.append((distance, p))
    if not near:
        return UNATTRIBUTED
    return min(near, key=lambda item: (item[0], item[1].start))[1].category


#: Beyond this many months, the page's time charts switch to years so bars stay readable.
MAX_MONTHS = 48
