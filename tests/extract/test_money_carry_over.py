"""Money written the many ways English text writes it, in any ISO 4217 currency.

Each row is (phrase, value, currency, approx). The phrases are written for this suite.
"""

from __future__ import annotations

import pytest

from release_miner.extract.currencies import Home, catalogue, currency_code, dollar_currency
from release_miner.extract.figure_scan import normalise

AMOUNTS = [
    # codes, symbols and names of currencies beyond the usual few
    ("a fee of EGP 250", 250, "EGP", False),
    ("KWD 1.5 million", 1_500_000, "KWD", False),
    ("RM 40 million", 40_000_000, "MYR", False),
    ("300 million ringgit", 300_000_000, "MYR", False),
    ("Rp 5 billion", 5_000_000_000, "IDR", False),
    ("₹12 crore", 120_000_000, "INR", False),
    ("Rs 3 lakh", 300_000, "INR", False),
    ("15 crore rupees", 150_000_000, "INR", False),
    ("₦2 billion", 2_000_000_000, "NGN", False),
    ("R$ 80 million", 80_000_000, "BRL", False),
    ("CHF 12 million", 12_000_000, "CHF", False),
    ("4,000 Swedish kronor", 4_000, "SEK", False),
    ("9 million Norwegian kroner", 9_000_000, "NOK", False),
    ("70 million Egyptian pounds", 70_000_000, "EGP", False),
    ("LE 600", 600, "EGP", False),
    ("2 million Kuwaiti dinars", 2_000_000, "KWD", False),
    ("500 Philippine pesos", 500, "PHP", False),
    ("50 million Mexican pesos", 50_000_000, "MXN", False),
    ("HK$ 30 million", 30_000_000, "HKD", False),
    ("NT$1.2 billion", 1_200_000_000, "TWD", False),
    ("S$75,000", 75_000, "SGD", False),
    # signs after the number
    ("tickets at 7€", 7, "EUR", False),
    ("a 10$ voucher", 10, "USD", False),
    ("3.14US$ per unit", 3.14, "USD", False),
    ("a 10¢ deposit", 0.10, "USD", False),
    # whole units and sub-units
    ("$20 and 43 cents", 20.43, "USD", False),
    ("3 GBP 1 pence", 3.01, "GBP", False),
    ("nine dollars and 5 cents", 9.05, "USD", False),
    ("it costs a dollar", 1, "USD", False),
    ("fifty bucks", 50, "USD", False),
    ("40 pennies", 0.40, "USD", False),
    # grouping and suffixes
    ("10 000 dollars", 10_000, "USD", False),
    ("€25 000", 25_000, "EUR", False),
    ("12\u00a0500 euros", 12_500, "EUR", False),
    ("$2.174T", 2_174_000_000_000, "USD", False),
    ("£62m", 62_000_000, "GBP", False),
    ("€1.2bn", 1_200_000_000, "EUR", False),
    ("1.250.000 euros", 1_250_000, "EUR", False),
    # Korean notation in English text
    ("120억 원", 12_000_000_000, "KRW", False),
    ("1조 2,000억 원", 1_200_000_000_000, "KRW", False),
    ("3,500만 원", 35_000_000, "KRW", False),
    # comparatives are bounded amounts
    ("lower than 7€", 7, "EUR", True),
    ("at most 7€", 7, "EUR", True),
    ("greater than $5 million", 5_000_000, "USD", True),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "approx"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_amounts(phrase, value, unit, approx):
    got = normalise(phrase)
    assert got is not None, phrase
    assert (got["kind"], got["unit"], got["approx"]) == ("money", unit, approx)
    assert got["value"] == pytest.approx(value)


def test_negative_in_an_accounts_line():
    got = normalise("Net result:\t($99.99)")
    assert (got["text"], got["value"]) == ("($99.99)", -99.99)
    # a parenthesised amount inside a sentence is an aside, not a negative
    assert normalise("the fee ($99.99) applies")["value"] == 99.99
    # a conversion after another amount stays positive
    assert [c["value"] for c in _all("1.5 trillion won ($1.1 billion)")] == [1_500_000_000_000, 1_100_000_000]


def _all(text):
    from release_miner.extract.figure_scan import scan

    return [{"value": c.value, "unit": c.unit} for c in scan(text)]


def test_codes_that_are_words_are_not_money():
    assert normalise("TOP 10 cities")["kind"] == "count"
    assert normalise("ALL 3 sites")["kind"] == "count"


def test_catalogue_covers_every_current_iso_currency():
    cat = catalogue()
    assert len(cat.codes) > 140
    for code in ("EGP", "KWD", "MYR", "INR", "PKR", "NGN", "KES", "VND", "UAH", "ZAR", "ISK"):
        assert cat.codes.get(code) == code
    assert "DEM" not in cat.codes  # no longer legal tender
    assert cat.symbols["RM"] == ("MYR",)
    assert cat.symbols["Rp"] == ("IDR",)
    assert cat.symbols["Rs"][0] == "INR" and "PKR" in cat.symbols["Rs"]
    assert set(cat.words["dinars"]) >= {"KWD", "JOD", "BHD"}


@pytest.mark.parametrize(
    ("text", "url", "sign", "code"),
    [
        ("Prices in Jordan rose; the Jordanian fund gave 300 dinars.", None, "dinars", "JOD"),
        ("A grant for Bahrain.", None, "dinar", "BHD"),
        ("Nothing said of a country.", None, "dinar", "KWD"),
        ("Karachi traders in Pakistan were paid Rs 500.", None, "Rs", "PKR"),
        ("Paid Rs 500.", None, "Rs", "INR"),
        ("A Mexican programme pays 500 pesos.", None, "pesos", "MXN"),
        ("Residents got £50.", "https://www.example.gov.gi/news/1", "£", "GIP"),
        ("Residents got £50.", None, "£", "GBP"),
        ("Kroner for Oslo, Norway.", None, "kr", "NOK"),
    ],
)
def test_ambiguous_signs_follow_the_release(text, url, sign, code):
    assert currency_code(sign, Home(text, url)) == code


def test_release_dollar_from_domain_of_any_dollar_country():
    assert dollar_currency("Grants of $500.", "https://www.kingston.gov.jm/x") == "JMD"
    assert dollar_currency("Grants of $500.", "https://news.example.tv/x") == "USD"  # .tv is a generic name
    assert dollar_currency("The New York office gave $500.", None) == "USD"  # "New" is no country
    about_nz = "Auckland and Wellington councils; Wellington pays $5m."
    assert dollar_currency(about_nz, "https://news.example.com.au/nz") == "NZD"
    assert dollar_currency("Wellington pays $5m.", "https://news.example.com.au/nz") == "AUD"


def test_peso_and_pence_letters_need_their_country():
    assert normalise("P500 for each family") is None
    ph = "A P500 voucher for each family in Manila, the Philippines."
    assert normalise(ph, Home(ph))["unit"] == "PHP"
    uk = "Fares rise by 20p; a £2 cap stays."
    assert normalise(uk, Home(uk))["value"] == 0.2
