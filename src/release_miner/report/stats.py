"""The overview's numbers: counts, money by currency, outcome category and month, category shares.

Money is never added across currencies: every total is per ISO currency code. Money figures
without a normalised value are counted (they are in the review queue) but add nothing.

Attributing money to an outcome category is a reading aid, not accounting: a money figure
belongs to the policy whose span contains it, else to the nearest classified policy in the
same sentence; a figure with neither is "unattributed".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..records import CATEGORIES, Figure, Policy, Release
from .data import ReleaseView

#: The three outcome categories, in display order ("none" is not an outcome).
OUTCOMES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "none")
UNATTRIBUTED = "unattributed"
UNKNOWN_CURRENCY = "unknown"

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass
class Overview:
    counts: dict[str, int]
    #: currency -> (total, number of valued money figures)
    money_by_currency: dict[str, tuple[float, int]]
    #: currency -> category (an outcome or UNATTRIBUTED) -> total
    money_by_category: dict[str, dict[str, float]]
    #: month ("YYYY-MM" or "undated") -> number of releases
    releases_by_month: dict[str, int]
    #: currency -> month -> total
    money_by_month: dict[str, dict[str, float]]
    #: category (including "none") -> number of policies
    policy_categories: dict[str, int]
    unvalued_money: int = 0
    currencies: list[str] = field(default_factory=list)  #: by number of figures, most first


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


def overview(views: list[ReleaseView]) -> Overview:
    counts = Counter(releases=len(views))
    by_currency: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    by_category: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_month_money: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    releases_by_month: Counter[str] = Counter()
    categories: Counter[str] = Counter({c: 0 for c in CATEGORIES})
    unvalued = 0
    for view in views:
        r = view.release
        for name in ("figures", "dates", "people", "organizations", "policies"):
            counts[name] += len(getattr(r, name))
        releases_by_month[view.month] += 1
        categories.update(p.category for p in r.policies)
        bounds = None
        for f in r.figures:
            if f.kind != "money":
                continue
            if f.value is None:
                unvalued += 1
                continue
            bounds = bounds if bounds is not None else sentence_bounds(r.text)
            currency = f.unit or UNKNOWN_CURRENCY
            by_currency[currency][0] += float(f.value)
            by_currency[currency][1] += 1
            by_category[currency][money_category(r, f, bounds)] += float(f.value)
            by_month_money[currency][view.month] += float(f.value)
    currencies = sorted(by_currency, key=lambda c: (-by_currency[c][1], c))
    return Overview(
        counts=dict(counts),
        money_by_currency={c: (by_currency[c][0], int(by_currency[c][1])) for c in currencies},
        money_by_category={c: dict(by_category[c]) for c in currencies},
        releases_by_month=dict(sorted(releases_by_month.items(), key=_month_key)),
        money_by_month={c: dict(sorted(by_month_money[c].items(), key=_month_key)) for c in currencies},
        policy_categories=dict(categories),
        unvalued_money=unvalued,
        currencies=currencies,
    )


def _month_key(item: tuple[str, object]) -> tuple[int, str]:
    """Months in calendar order, "undated" last."""
    return (1, "") if item[0] == "undated" else (0, item[0])


def fill_months(series: dict[str, float], months: list[str]) -> list[tuple[str, float]]:
    """A series over every month of the report, zero where it has no value (gaps stay visible)."""
    return [(m, series.get(m, 0)) for m in months]


def month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last dated one (plus "undated" when present)."""
    dated = sorted(m for m in months if m != "undated")
    out: list[str] = []
    if dated:
        y, mo = map(int, dated[0].split("-"))
        end = tuple(map(int, dated[-1].split("-")))
        while (y, mo) <= end and len(out) < 600:
            out.append(f"{y:04d}-{mo:02d}")
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    if "undated" in months:
        out.append("undated")
    return out


#: Beyond this many months, time charts switch to years so bars stay readable.
MAX_MONTHS = 48


def by_period(series: dict[str, float], months: list[str]) -> list[tuple[str, float]]:
    """``series`` over ``months`` (from `month_range`), summed into years when the range is long."""
    if sum(m != "undated" for m in months) <= MAX_MONTHS:
        return fill_months(series, months)
    years: dict[str, float] = {}
    for m in months:
        key = m if m == "undated" else m[:4]
        years[key] = years.get(key, 0) + series.get(m, 0)
    return list(years.items())
