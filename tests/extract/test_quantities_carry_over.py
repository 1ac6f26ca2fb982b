"""Quantities with units from the units registry, fractions, ranges, rates, and numbers that are not figures.

The pure rows run through `normalise`; the rows that need the parse (rates of counted things,
titles, sentences with nothing counted) run through the full pipeline. Sentences are written
for this suite.
"""

from __future__ import annotations

import pytest

from release_miner.extract.figure_scan import normalise
from release_miner.extract.unit_lexicon import unit_forms

# (phrase, value, unit, value_max)
QUANTITIES = [
    ("6 gallons of water", 6, "gal", None),
    ("44 ml of oil", 44, "mL", None),
    ("44 millilitres", 44, "mL", None),
    ("32 degrees Celsius", 32, "°C", None),
    ("a high of 95 °F", 95, "°F", None),
    ("4 cubic kilometers", 4, "km3", None),
    ("116,347 sq mi", 116_347, "mi2", None),
    ("2 km²", 2, "km2", None),
    ("930,000 mi", 930_000, "mi", None),
    ("278,000 t of cargo", 278_000, "t", None),
    ("a 2 in. pipe", 2, "in", None),
    ("12 inches of snow", 12, "in", None),
    ("44 mg of zinc", 44, "mg", None),
    ("500 MB of data", 500, "MB", None),
    ("a 3.2 GHz chip", 3.2, "GHz", None),
    ("15 terabytes", 15, "TB", None),
    ("70 mph winds", 70, "mph", None),
    ("3 ounces", 3, "oz", None),
    ("40 barrels", 40, "bbl", None),
    ("2 metric tons", 2, "t", None),
    ("300 square meters", 300, "m2", None),
    ("12 pyeong", 12, "pyeong", None),
    ("5,000 TEU", 5_000, "TEU", None),
    ("40 kilowatt-hours", 40, "kWh", None),
    # a bare scale letter where the text speaks of temperature
    ("temperatures reached 71.5 F", 71.5, "°F", None),
    ("highs of 30 C are expected", 30, "°C", None),
    # fractions
    ("a 1/4 inch groove", 0.25, "in", None),
    ("two and a half miles", 2.5, "mi", None),
    ("⅓ cup of sugar", 1 / 3, "cup", None),
    ("2½ miles", 2.5, "mi", None),
    ("5 1/2 gallons", 5.5, "gal", None),
    # ranges keep both ends
    ("8- to 16-meter towers", 8, "m", 16),
    ("between 3 and 5 kilometres", 3, "km", 5),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "value_max"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_quantities(phrase, value, unit, value_max):
    got = normalise(phrase)
    assert got is not None, phrase
    assert (got["kind"], got["unit"], got["value_max"]) == ("quantity", unit, value_max)
    assert got["value"] == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize(
    ("phrase", "value", "value_max", "approx"),
    [
        ("10-12 homes", 10, 12, False),
        ("about 10-12 visitors per week", 10, 12, True),
        ("3–5 trucks", 3, 5, False),
    ],
)
def test_hyphenated_counts_keep_both_ends(phrase, value, value_max, approx):
    got = normalise(phrase)
    assert (got["value"], got["value_max"], got["approx"]) == (value, value_max, approx)


@pytest.mark.parametrize("phrase", ["the 2024-25 season", "a 3-1 win", "Room 10-12 is shut", "on 3-7 March"])
def test_hyphenated_numbers_that_are_no_range(phrase):
    got = normalise(phrase)
    assert got is None or got["value_max"] is None


@pytest.mark.parametrize("phrase", ["5 points", "3 quarters", "2 hands", "a bare 1/2", "on 3/4 of days", "scored 2 in the final"])
def test_unit_words_that_are_ordinary_words(phrase):
    got = normalise(phrase)
    assert got is None or got["kind"] != "quantity"


def test_dot_grouped_thousands_count():
    assert normalise("220.000 flats")["value"] == 220_000
    assert normalise("Web 3.0 projects") is None


def test_unit_table_comes_from_the_registry():
    names, symbols = unit_forms()
    # names and plurals pint defines, with SI prefixes, map to one symbol
    assert names["gallons"] == "gal" and names["fluid ounces"] == "floz"
    assert names["kilograms"] == names["kilogram"] == "kg"
    assert symbols["GHz"] == "GHz" and symbols["mg"] == "mg"
    # time belongs to the dates, English words are not units
    assert "hours" not in names and "point" not in names and "in" not in symbols


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The city will build 2,500 homes each year.", [("2,500 homes each year", "quantity", 2500, "homes/year")]),
        ("Workers earn $16 per hour.", [("$16 per hour", "money", 16, "USD")]),
        ("Volunteers give up to 25 hours per week.", [("up to 25 hours per week", "quantity", 25, "h/week")]),
        ("First Vice Mayor Kim Sung-ho opened the event.", []),
        ("Second Deputy Mayor Lee spoke at the forum.", []),
        ("The answer is 42.", []),
        ("The total was 1,200.", [("1,200", "count", 1200, "total")]),
        ("It is the city's third library.", [("third library", "ordinal", 3, "library")]),
        ("THE TEAM WON FIRST PLACE", [("FIRST PLACE", "ordinal", 1, "place")]),
        # a century is a date, also as an adjective
        ("Skills for the twenty-first century city.", []),
        ("It teaches 21st-century skills.", []),
        # how often is a count of times; a multiplier compares or follows a change
        ("Applications open six times a year.", [("six times a year", "count", 6, "times")]),
        ("Support is limited to a maximum of four times.", [("a maximum of four times", "count", 4, "times")]),
        ("Visitors rose 2.5 times.", [("2.5 times", "quantity", 2.5, "times")]),
        ("The new hall is 3 times larger.", [("3 times", "quantity", 3, "times")]),
        # a list of ordinals ranks the noun after the last one
        ("Homes go up in the 2nd, 3rd and 10th districts.",
         [("2nd", "ordinal", 2, "district"), ("3rd and 10th districts", "ordinal", 3, "district"),
          ("10th districts", "ordinal", 10, "district")]),
        # a change from one level to another is two figures, however the first level is named
        ("The fund grows from its original scale of 3.1 billion won to 3.5 billion won.",
         [("3.1 billion won", "money", 3_100_000_000, "KRW"), ("3.5 billion won", "money", 3_500_000_000, "KRW")]),
    ],
)
def test_rates_and_not_figures(nlp, sentence, expected):
    doc = nlp(sentence)
    assert [(f.text, f.kind, f.value, f.unit) for f in doc._.figures] == expected


@pytest.mark.parametrize("phrase", ["a grade of 3 F in maths", "Building 5 C opens"])
def test_a_bare_scale_letter_without_talk_of_temperature_is_no_unit(phrase):
    got = normalise(phrase)
    assert got is None or got["unit"] not in ("°F", "°C"), got
