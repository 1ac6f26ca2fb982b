"""Attributing money to outcome categories."""

from __future__ import annotations

import pytest

from release_miner.records import Release
from release_miner.report.stats import money_category, sentence_bounds

from .dataset import figure, policy

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
