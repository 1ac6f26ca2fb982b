"""The pure figure normaliser: one phrase in, kind / value / unit / approx / value_max out.

Every phrase here is written for this suite; none is taken from a release.
"""

from __future__ import annotations

import pytest

from release_miner.extract.currencies import currency_code, dollar_currency
from release_miner.extract.figure_scan import normalise, scan
from release_miner.extract.numbers import parse_digits, parse_number, parse_ordinal_word, parse_words

# (phrase, kind, value, unit, approx, value_max)
MONEY = [
    ("3.2 trillion won", "money", 3_200_000_000_000, "KRW", False, None),
    ("8.15 Trillion Won", "money", 8_150_000_000_000, "KRW", False, None),
    ("KRW 41.3 billion", "money", 41_300_000_000, "KRW", False, None),
    ("KRW 250,000", "money", 250_000, "KRW", False, None),
    ("KRW68.8 billion", "money", 68_800_000_000, "KRW", False, None),
    ("900 million won", "money", 900_000_000, "KRW", False, None),
    ("150 billion KRW", "money", 150_000_000_000, "KRW", False, None),
    ("₩12,000", "money", 12_000, "KRW", False, None),
    ("₩ 3.5 billion", "money", 3_500_000_000, "KRW", False, None),
    ("W2.4 trillion", "money", 2_400_000_000_000, "KRW", False, None),
    ("35,000 Korean won", "money", 35_000, "KRW", False, None),
    ("1 trillion 200 billion won", "money", 1_200_000_000_000, "KRW", False, None),
    ("KRW 4 trillion 50 billion", "money", 4_050_000_000_000, "KRW", False, None),
    ("300-million-won", "money", 300_000_000, "KRW", False, None),
    ("a 1.5-trillion-won project", "money", 1_500_000_000_000, "KRW", False, None),
    ("$7.5 million", "money", 7_500_000, "USD", False, None),
    ("$640,000", "money", 640_000, "USD", False, None),
    ("$3M", "money", 3_000_000, "USD", False, None),
    ("$2.25bn", "money", 2_250_000_000, "USD", False, None),
    ("$45k", "money", 45_000, "USD", False, None),
    ("US$ 12 million", "money", 12_000_000, "USD", False, None),
    ("US$900,000", "money", 900_000, "USD", False, None),
    ("USD 2.1 billion", "money", 2_100_000_000, "USD", False, None),
    ("4 million USD", "money", 4_000_000, "USD", False, None),
    ("seven million dollars", "money", 7_000_000, "USD", False, None),
    ("90 US dollars", "money", 90, "USD", False, None),
    ("75 cents", "money", 0.75, "USD", False, None),
    ("£18m", "money", 18_000_000, "GBP", False, None),
    ("£4.6 billion", "money", 4_600_000_000, "GBP", False, None),
    ("£1.25bn", "money", 1_250_000_000, "GBP", False, None),
    ("GBP 700,000", "money", 700_000, "GBP", False, None),
    ("a quarter of a million", None, None, None, None, None),
    ("half a million pounds", "money", 500_000, "GBP", False, None),
    ("three million pounds", "money", 3_000_000, "GBP", False, None),
    ("€9.4m", "money", 9_400_000, "EUR", False, None),
    ("€ 250 million", "money", 250_000_000, "EUR", False, None),
    ("12 million euros", "money", 12_000_000, "EUR", False, None),
    ("EUR 5 billion", "money", 5_000_000_000, "EUR", False, None),
    ("¥800 million", "money", 800_000_000, "JPY", False, None),
    ("2 billion yen", "money", 2_000_000_000, "JPY", False, None),
    ("60 million yuan", "money", 60_000_000, "CNY", False, None),
    ("RMB 1.8 billion", "money", 1_800_000_000, "CNY", False, None),
    ("HK$4.2 billion", "money", 4_200_000_000, "HKD", False, None),
    ("HK$ 600 million", "money", 600_000_000, "HKD", False, None),
    ("S$35 million", "money", 35_000_000, "SGD", False, None),
    ("A$1.2 billion", "money", 1_200_000_000, "AUD", False, None),
    ("C$80 million", "money", 80_000_000, "CAD", False, None),
    ("NZ$15 million", "money", 15_000_000, "NZD", False, None),
    ("NT$ 2.7 billion", "money", 2_700_000_000, "TWD", False, None),
    ("NT$450 million", "money", 450_000_000, "TWD", False, None),
    ("Rs 500 crore", "money", 5_000_000_000, "INR", False, None),
    ("2 million Hong Kong dollars", "money", 2_000_000, "HKD", False, None),
    ("40 million Canadian dollars", "money", 40_000_000, "CAD", False, None),
    ("373,5 billion won", "money", 373_500_000_000, "KRW", False, None),
    # hedges and bounds
    ("about 2.3 trillion won", "money", 2_300_000_000_000, "KRW", True, None),
    ("around KRW 5 billion", "money", 5_000_000_000, "KRW", True, None),
    ("up to KRW 3 million", "money", 3_000_000, "KRW", True, None),
    ("Up to $15,000", "money", 15_000, "USD", True, None),
    ("more than $40 million", "money", 40_000_000, "USD", True, None),
    ("nearly £2 billion", "money", 2_000_000_000, "GBP", True, None),
    ("over NT$3 million", "money", 3_000_000, "TWD", True, None),
    ("some 45 billion won", "money", 45_000_000_000, "KRW", True, None),
    ("approximately 1.1 trillion won", "money", 1_100_000_000_000, "KRW", True, None),
    ("approx. KRW 700 million", "money", 700_000_000, "KRW", True, None),
    ("at least $250,000", "money", 250_000, "USD", True, None),
    ("less than €1 million", "money", 1_000_000, "EUR", True, None),
    ("300 billion won or more", "money", 300_000_000_000, "KRW", True, None),
    ("an estimated $1.9 billion", "money", 1_900_000_000, "USD", True, None),
    # ranges
    ("3 to 5 billion won", "money", 3_000_000_000, "KRW", False, 5_000_000_000),
    ("KRW 2,000 to 20,000", "money", 2_000, "KRW", False, 20_000),
    ("$10,000 to $50,000", "money", 10_000, "USD", False, 50_000),
    ("between $2 million and $4 million", "money", 2_000_000, "USD", False, 4_000_000),
    ("$5-10 million", "money", 5_000_000, "USD", False, 10_000_000),
    ("2 million to 6 million won", "money", 2_000_000, "KRW", False, 6_000_000),
    ("£100,000–£250,000", "money", 100_000, "GBP", False, 250_000),
    ("500,000 to 2 million won", "money", 500_000, "KRW", False, 2_000_000),
]

PERCENT = [
    ("48.5%", "percent", 48.5, "%", False, None),
    ("12 percent", "percent", 12, "%", False, None),
    ("3.2 per cent", "percent", 3.2, "%", False, None),
    ("7 pct", "percent", 7, "%", False, None),
    ("a 4-percent rise", "percent", 4, "%", False, None),
    ("0.75%", "percent", 0.75, "%", False, None),
    ("100%", "percent", 100, "%", False, None),
    ("1.8 percentage points", "percent", 1.8, "%p", False, None),
    ("2.4%p", "percent", 2.4, "%p", False, None),
    ("0.5 percentage point", "percent", 0.5, "%p", False, None),
    ("about 35%", "percent", 35, "%", True, None),
    ("more than 60 percent", "percent", 60, "%", True, None),
    ("up to 90%", "percent", 90, "%", True, None),
    ("a minimum of 25%", "percent", 25, "%", True, None),
    ("40% or less", "percent", 40, "%", True, None),
    ("20 to 30 percent", "percent", 20, "%", False, 30),
    ("5-8%", "percent", 5, "%", False, 8),
    ("twenty percent", "percent", 20, "%", False, None),
    ("an estimated 55.2 percent", "percent", 55.2, "%", True, None),
]

QUANTITY = [
    ("12,500㎡", "quantity", 12_500, "m2", False, None),
    ("3,300 m²", "quantity", 3_300, "m2", False, None),
    ("2 million m2", "quantity", 2_000_000, "m2", False, None),
    ("45,000 square meters", "quantity", 45_000, "m2", False, None),
    ("900 square metres", "quantity", 900, "m2", False, None),
    ("60 hectares", "quantity", 60, "ha", False, None),
    ("14.5 ha", "quantity", 14.5, "ha", False, None),
    ("250 acres", "quantity", 250, "acre", False, None),
    ("18,000 pyeong", "quantity", 18_000, "pyeong", False, None),
    ("40 km", "quantity", 40, "km", False, None),
    ("about 410 kilometers", "quantity", 410, "km", True, None),
    ("12.3 kilometres", "quantity", 12.3, "km", False, None),
    ("800 meters", "quantity", 800, "m", False, None),
    ("5 miles", "quantity", 5, "mi", False, None),
    ("3,000 tons", "quantity", 3_000, "t", False, None),
    ("120 tonnes", "quantity", 120, "t", False, None),
    ("40 pounds of produce", "quantity", 40, "lb", False, None),
    ("20 MW", "quantity", 20, "MW", False, None),
    ("1.5 GW", "quantity", 1.5, "GW", False, None),
    ("350kW", "quantity", 350, "kW", False, None),
    ("40 megawatts", "quantity", 40, "MW", False, None),
    ("2.3 million TEU", "quantity", 2_300_000, "TEU", False, None),
    ("8 square kilometers", "quantity", 8, "km2", False, None),
    ("under 5,000㎡", "quantity", 5_000, "m2", True, None),
    # multipliers
    ("3.5 times", "quantity", 3.5, "times", False, None),
    ("four times", "quantity", 4, "times", False, None),
    ("twofold", "quantity", 2, "times", False, None),
    ("tenfold", "quantity", 10, "times", False, None),
    ("2-3 times", "quantity", 2, "times", False, 3),
    # ages and rates
    ("aged 19 to 34", "quantity", 19, "years", False, 34),
    ("aged between 20 and 45", "quantity", 20, "years", False, 45),
    ("aged 60 and older", "quantity", 60, "years", True, None),
    ("70 years old", "quantity", 70, "years", False, None),
    ("about 90,000 visitors per day", "quantity", 90_000, "visitors/day", True, None),
    ("5,000 passengers a day", "quantity", 5_000, "passengers/day", False, None),
]

COUNT = [
    ("2,340 participants", "count", 2_340, "participants", False, None),
    ("about 60 business owners attended", "count", 60, "business owners", True, None),
    ("417 companies", "count", 417, "companies", False, None),
    ("eight districts", "count", 8, "districts", False, None),
    ("Eleven teams", "count", 11, "teams", False, None),
    ("seventy-two local projects", "count", 72, "local projects", False, None),
    ("twenty-five experts", "count", 25, "experts", False, None),
    ("four hundred volunteers", "count", 400, "volunteers", False, None),
    ("two hundred and fifty seats", "count", 250, "seats", False, None),
    ("3.4 million residents", "count", 3_400_000, "residents", False, None),
    ("1.2 Million Tourists", "count", 1_200_000, "tourists", False, None),
    ("two million visitors", "count", 2_000_000, "visitors", False, None),
    ("a million visitors", "count", 1_000_000, "visitors", False, None),
    ("about 120 attendees", "count", 120, "attendees", True, None),
    ("more than 3,500 jobs", "count", 3_500, "jobs", True, None),
    ("nearly 900 households", "count", 900, "households", True, None),
    ("some 40 startups", "count", 40, "startups", True, None),
    ("approximately 75 delegates", "count", 75, "delegates", True, None),
    ("upwards of 600 volunteers", "count", 600, "volunteers", True, None),
    ("as many as 80 vendors", "count", 80, "vendors", True, None),
    ("200 businesses or more", "count", 200, "businesses", True, None),
    ("150 to 200 young people", "count", 150, "young people", False, 200),
    ("12,000 people", "count", 12_000, "people", False, None),
    ("the three-person household", "count", 3, "persons", False, None),
    ("a five-member panel", "count", 5, "members", False, None),
    ("a dozen ships", "count", 12, "ships", False, None),
    ("9 SMEs", "count", 9, "smes", False, None),
    ("3 ex-offenders", "count", 3, "ex-offenders", False, None),
]

ORDINAL = [
    ("the 43rd session", "ordinal", 43, "session", False, None),
    ("the 2nd round", "ordinal", 2, "round", False, None),
    ("the 101st festival", "ordinal", 101, "festival", False, None),
    ("the 9th term", "ordinal", 9, "term", False, None),
    ("its first meeting", "ordinal", 1, "meeting", False, None),
    ("the third phase", "ordinal", 3, "phase", False, None),
    ("the twenty-first edition", "ordinal", 21, "edition", False, None),
    ("the fortieth anniversary", "ordinal", 40, "anniversary", False, None),
    ("the second-largest port", "ordinal", 2, "port", False, None),
    ("the 15th year", "ordinal", 15, "year", False, None),
    ("on the 5F", "ordinal", 5, "floor", False, None),
    ("fourth place", "ordinal", 4, "place", False, None),
    ("the 6th-floor hall", "ordinal", 6, "floor", False, None),
    ("a second-round review", "ordinal", 2, "round", False, None),
]

NOT_FIGURES = [
    "COVID-19",
    "the G20 summit",
    "the G7 meeting",
    "the 2030 World Expo",
    "in 2024",
    "FY2025",
    "FY 2026",
    "March 14",
    "14 March",
    "on Sep. 3",
    "on the 21st",
    "the 15th to the 18th",
    "from the 3rd to the 5th",
    "2025-04-01",
    "2025. 4. 1",
    "4/15/2025",
    "at 3 p.m.",
    "10:30 AM",
    "at 9 am",
    "14:00",
    "call 051-888-1234",
    "+82-2-120-4567",
    "(02) 2133-7890",
    "Room 3",
    "Phase 2",
    "Article 12",
    "No. 7",
    "Gate 4",
    "Interstate 95",
    "5G networks",
    "3D printing",
    "a one-stop service",
    "a 24-hour hotline",
    "a 7-day trip",
    "for three years",
    "10 days",
    "two months",
    "the first half",
    "the third quarter",
    "for the first time",
    "a first-class venue",
    "1. Overview",
    "2) Background",
    "the 1990s",
    "24/7 support",
    "a 1:1 consultation",
    "Web 3.0 projects",
    "the 50 were",
    "1 in 4 shops",
    "nine out of ten residents",
    "the 43rd Street corridor",
    "3-7 March",
    "12–14 October",
    "10-11 a.m.",
    "[Photo 2] the opening ceremony",
    "the second-half results",
    "one of the cities",
    "zero emissions",
    "the event was opened by First Lady Jill Smith on behalf of the city",
    "visitors crossed the Seven Seas Bridge during the festival",
    "the 1905 Harbour platform opened in the old warehouse district",
]


def _rows():
    for table in (MONEY, PERCENT, QUANTITY, COUNT, ORDINAL):
        yield from table


@pytest.mark.parametrize(("phrase", "kind", "value", "unit", "approx", "value_max"), list(_rows()))
def test_normalise(phrase, kind, value, unit, approx, value_max):
    got = normalise(phrase)
    if kind is None:
        assert got is None
        return
    assert got is not None, phrase
    assert got["kind"] == kind
    assert got["value"] == pytest.approx(value)
    assert got["unit"] == unit
    assert got["approx"] is approx
    if value_max is None:
        assert got["value_max"] is None
    else:
        assert got["value_max"] == pytest.approx(value_max)
    assert phrase[got["start"] : got["end"]] == got["text"]


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_not_a_figure(phrase):
    assert normalise(phrase) is None


def test_suite_is_large_enough():
    assert len(list(_rows())) + len(NOT_FIGURES) >= 150


def test_parenthesised_conversion_is_two_figures_in_us_dollars():
    text = "a budget of 2.4 trillion won (about $1.8 billion) this year"
    found = [(c.kind, c.value, c.unit) for c in scan(text, dollar="CAD")]
    assert found == [("money", 2_400_000_000_000, "KRW"), ("money", 1_800_000_000, "USD")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the cap rose from KRW 20,000 to KRW 40,000", [20_000, 40_000]),
        ("the rate increased from 4% to 6%", [4, 6]),
        ("grants from $5,000 to $20,000 are available", [5_000]),
        ("spending of 2 to 4 billion won", [2_000_000_000]),
    ],
)
def test_change_is_two_figures_but_span_is_a_range(text, values):
    assert [c.value for c in scan(text)] == values


def test_headline_and_sentence_casing_agree():
    assert normalise("4.5 Trillion Won")["value"] == normalise("4.5 trillion won")["value"]
    assert normalise("KRW 4.5 TRILLION")["value"] == 4_500_000_000_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,160", 1160),
        ("7.2749", 7.2749),
        ("12,345,678", 12345678),
        ("12,5", 12.5),
        ("0.5", 0.5),
    ],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one", 1),
        ("Twelve", 12),
        ("seventy-one", 71),
        ("ninety nine", 99),
        ("three hundred", 300),
        ("a hundred", 100),
        ("two hundred and six", 206),
        ("a dozen", 12),
        ("half a", 0.5),
        ("lots", None),
    ],
)
def test_parse_words(text, value):
    assert parse_words(text) == value


@pytest.mark.parametrize(
    ("text", "scale", "value"),
    [("2.5", "billion", 2.5e9), ("half a", "million", 5e5), ("three", "thousand", 3e3), ("4", "bn", 4e9), ("9", None, 9)],
)
def test_parse_number(text, scale, value):
    assert parse_number(text, scale) == pytest.approx(value)


@pytest.mark.parametrize(("word", "value"), [("first", 1), ("Ninth", 9), ("twenty-third", 23), ("hundredth", 100)])
def test_parse_ordinal_word(word, value):
    assert parse_ordinal_word(word) == value


@pytest.mark.parametrize(
    ("sign", "code"),
    [("HK$", "HKD"), ("₩", "KRW"), ("won", "KRW"), ("Won", "KRW"), ("RMB", "CNY"), ("£", "GBP"), ("$", "AUD"),
     ("dollars", "AUD"), ("US dollars", "USD"), ("yen", "JPY"), ("krw", None), ("bananas", None)],
)
def test_currency_code(sign, code):
    assert currency_code(sign, dollar="AUD") == code


@pytest.mark.parametrize(
    ("text", "url", "code"),
    [
        ("The council approved $4 million.", "https://www.example.gov.au/news/1", "AUD"),
        ("The council approved $4 million.", "https://city.example.ca/news", "CAD"),
        ("Toronto and Ontario officials said $4 million would go to Toronto firms.", None, "CAD"),
        ("Auckland will spend $3 million; Auckland Council agreed.", None, "NZD"),
        ("Seattle will spend $3 million downtown.", "https://www.seattle.gov/x", "USD"),
        ("Busan will invest 10 billion won ($8 million); Toronto and Canada were visited.", None, "USD"),
        ("A single mention of Sydney does not decide: $5 million.", None, "USD"),
    ],
)
def test_dollar_currency(text, url, code):
    assert dollar_currency(text, url) == code


def test_bare_dollar_follows_release_currency():
    assert normalise("$12 million", dollar="CAD")["unit"] == "CAD"
    assert normalise("US$12 million", dollar="CAD")["unit"] == "USD"
