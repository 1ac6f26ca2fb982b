"""Which money figures add up: distinct amounts once; per-unit amounts, rates, conversions and parts left out."""

from __future__ import annotations

import pytest

from release_miner.records import Figure, Release
from release_miner.report.money import money_mentions

from .dataset import span


def _release(text: str, *amounts: tuple[str, float, str] | tuple[str, float, str, int]) -> Release:
    figures = []
    for needle, value, unit, *nth in amounts:
        s, e = span(text, needle, nth[0] if nth else 0)
        figures.append(Figure(needle, s, e, "money", value, unit))
    return Release(id="m", text=text, figures=figures)


def _statuses(release: Release) -> list[tuple[str, str]]:
    return [(m.figure.text, m.status) for m in money_mentions(release)]


@pytest.mark.parametrize("sentence,needle", [
    ("Each shop gets up to $4,000 per store to repair windows.", "up to $4,000"),
    ("Vouchers worth 20,000 won each go to 900 families.", "20,000 won"),
    ("Crossing guards will earn $21 an hour from May.", "$21"),
    ("Trainees receive a monthly allowance of €600 for a year.", "€600"),
    ("The library pass costs £12/month for residents.", "£12"),
    ("Loans range from $5,000 to $50,000 depending on size.", "$5,000 to $50,000"),
    ("The operator is paid 3 million won annually for upkeep.", "3 million won"),
    # the rate inside the mention itself, as figures extraction keeps the "per" of a rate
    ("Job-search allowances of KRW 300,000 per month for three months.", "KRW 300,000 per month"),
    ("Crossing guards will earn $21/hour from May.", "$21/hour"),
    ("Parking costs $5 a day near the stadium.", "$5 a day"),
])
def test_per_unit_amounts_and_rates_are_left_out(sentence, needle):
    (status,) = _statuses(_release(sentence, (needle, 1.0, "USD")))
    assert status == (needle, "per_unit")


@pytest.mark.parametrize("sentence,needle", [
    ("The council approved $40 million for new bus lanes.", "$40 million"),
    ("A budget of 2.1 billion won was set for every district's clinics.", "2.1 billion won"),
    ("The grant of £8m is the largest in the region.", "£8m"),
])
def test_plain_amounts_are_counted(sentence, needle):
    assert _statuses(_release(sentence, (needle, 1.0, "USD"))) == [(needle, "counted")]


def test_a_headline_repeated_in_the_body_counts_once():
    t = "City Commits $9 Million to Parks\nThe city today committed $9 million to parks."
    r = _release(t, ("$9 Million", 9e6, "USD"), ("$9 million", 9e6, "USD"))
    assert _statuses(r) == [("$9 Million", "counted"), ("$9 million", "repeat")]


def test_a_repeat_of_a_per_unit_amount_stays_out():
    t = "Owners get up to $3,000 per shop. The $3,000 covers signage."
    r = _release(t, ("up to $3,000", 3000, "USD"), ("$3,000", 3000, "USD", 1))
    assert [s for _, s in _statuses(r)] == ["per_unit", "per_unit"]


@pytest.mark.parametrize("text,first,second", [
    ("The plant is worth €200 million (about 290 billion won) in total.", "€200 million", "about 290 billion won"),
    ("A port deal of 130 billion won (US$95 million) was signed.", "130 billion won", "US$95 million"),
    ("The plan costs $10 million, or roughly 13 billion won, over two years.", "$10 million", "roughly 13 billion won"),
])
def test_a_conversion_into_another_currency_is_left_out(text, first, second):
    r = _release(text, (first, 1.0, "EUR"), (second, 2.0, "KRW"))
    assert _statuses(r) == [(first, "counted"), (second, "conversion")]


def test_two_amounts_in_one_currency_side_by_side_are_not_a_conversion():
    t = "Phase one costs $5 million ($2 million from the state) and phase two more."
    r = _release(t, ("$5 million", 5e6, "USD"), ("$2 million", 2e6, "USD"))
    assert [s for _, s in _statuses(r)] == ["counted", "counted"]


def test_parts_that_add_up_to_a_whole_count_as_the_whole():
    t = ("A 60 billion won harbour fund opens. The city puts in 20 billion won and banks the other "
         "40 billion won. A separate 5 billion won goes to ferries.")
    r = _release(t, ("60 billion won", 60e9, "KRW"), ("20 billion won", 20e9, "KRW"),
                 ("40 billion won", 40e9, "KRW"), ("5 billion won", 5e9, "KRW"))
    assert _statuses(r) == [("60 billion won", "counted"), ("20 billion won", "part"), ("40 billion won", "part"),
                            ("5 billion won", "counted")]


def test_amounts_without_a_value_are_not_added():
    t = "Several million dollars and $7 million were set aside."
    r = Release(id="u", text=t, figures=[Figure("Several million dollars", 0, 23, "money", None, None),
                                         Figure("$7 million", 28, 38, "money", 7e6, "USD")])
    assert _statuses(r) == [("Several million dollars", "unvalued"), ("$7 million", "counted")]
