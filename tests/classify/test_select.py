"""The candidate filter (a regression on the overlap with annotated spans) and best-first selection."""

from __future__ import annotations

import numpy as np
import pytest

from release_miner.classify.detect import Candidate
from release_miner.classify.model import DUPLICATE_DICE, filter_proba, fit_filter, select, word_dice
from release_miner.classify.training import overlap


@pytest.mark.parametrize("a,b,expected", [
    ("Harbour Makers Fund", "the Harbour Makers Fund", 2 * 3 / 7),
    ("rent support", "rent support", 1.0),
    ("rent support", "utility vouchers", 0.0),
    ("", "anything", 0.0),
])
def test_word_dice(a: str, b: str, expected: float) -> None:
    assert word_dice(a, b) == pytest.approx(expected)


def test_overlap_uses_the_evaluation_words() -> None:
    assert overlap("Green Port Fund", "green port fund") == 1.0
    assert overlap("Green Port Fund", "Green Port") == pytest.approx(0.8)


def _cand(text: str, start: int) -> Candidate:
    return Candidate(start, start + len(text), text, {"test"})


def test_select_keeps_best_of_overlapping_variants_and_drops_repeats() -> None:
    cands = [
        _cand("the Harbour Makers Fund for founders", 0),  # a longer variant of the same mention
        _cand("Harbour Makers Fund", 4),
        _cand("Harbour Makers Fund programme", 100),  # the same measure named again later
        _cand("rent support for young tenants", 200),
        _cand("rent support for small shops", 300),  # another measure sharing some words
        _cand("city hall", 400),
    ]
    probs = [0.6, 0.9, 0.7, 0.8, 0.75, 0.2]
    kept = [c.text for c, _ in select(cands, probs, threshold=0.5)]
    assert word_dice("Harbour Makers Fund", "Harbour Makers Fund programme") >= DUPLICATE_DICE
    assert word_dice("rent support for young tenants", "rent support for small shops") < DUPLICATE_DICE
    assert kept == ["Harbour Makers Fund", "rent support for young tenants", "rent support for small shops"]


def test_select_keeps_the_best_candidate_when_it_is_fairly_likely() -> None:
    cands = [_cand("Night Market Voucher", 0), _cand("city hall", 40)]
    assert [c.text for c, _ in select(cands, [0.55, 0.1], threshold=0.8)] == ["Night Market Voucher"]
    assert select(cands, [0.3, 0.1], threshold=0.8) == []


def test_filter_regresses_the_overlap_and_scores_in_unit_range() -> None:
    rows = [{"src=quote": 1.0, "last_head": 1.0}, {"src=title": 1.0, "last_org": 1.0},
            {"src=quote": 1.0, "last_head": 1.0, "nwords": "<=3"}, {"src=verb": 1.0}] * 5
    y = [1.0, 0.0, 0.8, 0.2] * 5
    part = fit_filter(rows, y)
    scores = filter_proba(part, rows[:4])
    assert np.all((scores >= 0.0) & (scores <= 1.0))
    assert scores[0] > scores[3] > scores[1]
    assert filter_proba(part, []).shape == (0,)


@pytest.mark.parametrize("a,b,expected", [
    ("Youth Jobs Fund", "the Busan Youth Jobs Fund for graduates", True),
    ("Youth Jobs Fund", "Youth Housing Fund", False),
    ("rent support", "monthly rent support", False),  # no name: word overlap decides, not this rule
    ("Fund", "Youth Jobs Fund", False),  # one capitalised word is not a name
])
def test_same_name(a: str, b: str, expected: bool) -> None:
    from release_miner.classify.model import same_name

    assert same_name(a, b) is expected
    assert same_name(b, a) is expected


def test_select_keeps_one_mention_of_a_name() -> None:
    text = "Busan Youth Jobs Fund for graduates ... later the Youth Jobs Fund opens ... Youth Housing Fund"
    cands = [_cand("Busan Youth Jobs Fund for graduates", 0), _cand("Youth Jobs Fund", text.index("the Youth") + 4),
             _cand("Youth Housing Fund", text.index("Youth Housing"))]
    kept = [c.text for c, _ in select(cands, [0.9, 0.8, 0.7], threshold=0.5)]
    assert kept == ["Busan Youth Jobs Fund for graduates", "Youth Housing Fund"]


def test_an_amount_and_a_policy_noun_alone_refer_to_the_named_measure() -> None:
    cands = [_cand("£12 million fund", 0), _cand("Green Skills Academy fund", 100), _cand("housing grants", 200)]
    kept = [c.text for c, _ in select(cands, [0.9, 0.8, 0.7], threshold=0.5)]
    assert kept == ["Green Skills Academy fund", "housing grants"]


def test_an_amount_and_a_policy_noun_stay_when_nothing_else_names_the_measure() -> None:
    cands = [_cand("£12 million fund", 0), _cand("housing grants", 100)]
    assert [c.text for c, _ in select(cands, [0.9, 0.7], threshold=0.5)] == ["£12 million fund", "housing grants"]
