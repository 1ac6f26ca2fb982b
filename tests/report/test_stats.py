"""The overview numbers: per-currency money, attribution to outcome categories, months."""

from __future__ import annotations

import pytest

from release_miner.records import Figure, Policy, Release
from release_miner.report.data import ReleaseView
from release_miner.report.stats import month_range, money_category, overview, sentence_bounds

from .dataset import figure, policy, release_set

T = ("The Flood Relief Fund gives 3 billion won to shops. Separately, the Startup Bridge scheme gets "
     "2 billion won and the Rent Support Grant gets 1 billion won. Another 5 million won was spent.")


def _r() -> Release:
    return Release(id="m", text=T, figures=[figure(T, "3 billion won", "money", 3e9, "KRW"),
                                            figure(T, "2 billion won", "money", 2e9, "KRW"),
                                            figure(T, "1 billion won", "money", 1e9, "KRW"),
                                            figure(T, "5 million won", "money", 5e6, "KRW")],
                   policies=[policy(T, "Flood Relief Fund gives 3 billion won", "shock_response", 0.9),
                             policy(T, "Startup Bridge scheme", "innovative_growth", 0.9),
                             policy(T, "Rent Support Grant", "livelihood_stability", 0.9)])


@pytest.mark.parametrize("needle,expected", [
    ("3 billion won", "shock_response"),        # inside the policy span
    ("2 billion won", "innovative_growth"),     # same sentence, nearest policy
    ("1 billion won", "livelihood_stability"),  # same sentence, the other policy is nearer
    ("5 million won", "unattributed"),          # no policy in its sentence
])
def test_money_category(needle, expected):
    release = _r()
    (fig,) = [f for f in release.figures if f.text == needle]
    assert money_category(release, fig) == expected


def test_unclassified_policies_do_not_attract_money():
    t = "The Quiet Plan costs 4 million dollars."
    r = Release(id="n", text=t, figures=[figure(t, "4 million dollars", "money", 4e6, "USD")],
                policies=[policy(t, "Quiet Plan", "none", 0.9)])
    assert money_category(r, r.figures[0]) == "unattributed"


def test_sentence_bounds_cover_the_text():
    bounds = sentence_bounds(T)
    assert len(bounds) == 3
    assert [T[s:e] for s, e in bounds][0] == "The Flood Relief Fund gives 3 billion won to shops."


def _views(releases: list[Release]) -> list[ReleaseView]:
    return [ReleaseView(i, r, None, r.published[:7] if r.published else "undated") for i, r in enumerate(releases, 1)]


def test_overview_never_adds_across_currencies():
    releases = release_set()
    ov = overview(_views(releases))
    expected: dict[str, float] = {}
    for r in releases:
        for f in r.figures:
            if f.kind == "money" and f.value is not None:
                expected[f.unit] = expected.get(f.unit, 0) + f.value
    assert {c: total for c, (total, _n) in ov.money_by_currency.items()} == expected
    for currency, by_cat in ov.money_by_category.items():
        assert sum(by_cat.values()) == pytest.approx(expected[currency])
    for currency, by_month in ov.money_by_month.items():
        assert sum(by_month.values()) == pytest.approx(expected[currency])
    assert ov.counts["releases"] == len(releases)
    assert ov.counts["figures"] == sum(len(r.figures) for r in releases)
    assert sum(ov.policy_categories.values()) == sum(len(r.policies) for r in releases)
    assert ov.currencies[0] in {"KRW", "USD"}  # the currencies with most figures come first


def test_money_without_a_value_is_counted_not_summed():
    t = "It costs some money and 7 euros."
    r = Release(id="u", text=t, published="2025-01-02",
                figures=[Figure("some money", 9, 19, "money", None, None), figure(t, "7 euros", "money", 7, "EUR")])
    ov = overview(_views([r]))
    assert ov.unvalued_money == 1 and ov.money_by_currency == {"EUR": (7.0, 1)}


def test_month_range_fills_gaps_and_keeps_undated_last():
    assert month_range(["2025-02", "undated", "2024-11"]) == ["2024-11", "2024-12", "2025-01", "2025-02", "undated"]
    assert month_range([]) == []


def test_long_ranges_are_charted_by_year():
    from release_miner.report.stats import MAX_MONTHS, by_period

    short = month_range(["2024-01", "2024-03"])
    assert by_period({"2024-03": 2}, short) == [("2024-01", 0), ("2024-02", 0), ("2024-03", 2)]
    long = month_range(["2015-06", "2025-01", "undated"])
    assert len(long) - 1 > MAX_MONTHS
    years = by_period({"2015-06": 1, "2015-07": 2, "2025-01": 4, "undated": 1}, long)
    assert years[0] == ("2015", 3) and years[-2:] == [("2025", 4), ("undated", 1)]
    assert [y for y, _ in years[:-1]] == [str(y) for y in range(2015, 2026)]
