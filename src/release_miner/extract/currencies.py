"""Currency vocabulary: symbols, codes and words mapped to ISO 4217, and which dollar a release means.

A bare "$" is the one currency sign that needs context: Toronto's "$25,000" is Canadian,
Melbourne's is Australian. `dollar_currency` decides once per release from the URL's
country domain, else from the places the text names, else US dollars. Everything here is
data plus two pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

#: Signs written before (or glued to) the number, longest first when matched.
SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD",
    "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "SG$": "SGD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "NZ$": "NZD", "R$": "BRL", "MX$": "MXN",
    "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY",
    "$": None,  # resolved per release by `dollar_currency`
    "£": "GBP", "€": "EUR", "¥": "JPY", "￥": "JPY", "₩": "KRW", "￦": "KRW", "₹": "INR", "₱": "PHP",
    "฿": "THB", "₫": "VND", "₺": "TRY", "₽": "RUB", "₪": "ILS", "₦": "NGN", "Rs.": "INR", "Rs": "INR",
    "RM": "MYR", "Rp": "IDR",
}

#: ISO 4217 codes recognised when written out (plus the common non-ISO "RMB").
CODES: dict[str, str] = {
    code: code
    for code in (
        "KRW USD GBP EUR JPY CNY HKD TWD SGD AUD CAD NZD CHF INR PHP THB VND MYR IDR "
        "BRL MXN ZAR SEK NOK DKK AED SAR RUB TRY ILS NGN PLN CZK HUF"
    ).split()
}
CODES["RMB"] = "CNY"

#: Currency words written after the number (lower-case; singular and plural).
#: ``None`` means "the dollar of this release".
WORDS: dict[str, str | None] = {
    "won": "KRW", "korean won": "KRW",
    "dollar": None, "dollars": None,
    "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "singapore dollars": "SGD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "new zealand dollars": "NZD",
    "new taiwan dollars": "TWD", "taiwan dollars": "TWD",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "baht": "THB", "dong": "VND", "peso": "PHP", "pesos": "PHP",
    "rupiah": "IDR", "ringgit": "MYR", "rand": "ZAR", "swiss francs": "CHF", "francs": "CHF",
    "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "roubles": "RUB",
    "rubles": "RUB", "lira": "TRY", "shekels": "ILS", "naira": "NGN", "zloty": "PLN",
    "kronor": "SEK", "kroner": "NOK",
}
#: Sub-units: word -> (currency or None for the release's dollar, factor).
SUBUNITS: dict[str, tuple[str | None, float]] = {
    "cents": (None, 0.01), "cent": (None, 0.01), "pence": ("GBP", 0.01), "jeon": ("KRW", 0.01),
}

#: Country-code top-level domains and the dollar they imply.
DOMAIN_DOLLARS: dict[str, str] = {
    "ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD", "tw": "TWD",
}
#: Places (and demonyms) whose mention suggests which dollar a release uses.
PLACE_DOLLARS: dict[str, str] = {
    **{p: "CAD" for p in (
        "Canada", "Canadian", "Ontario", "Toronto", "Montreal", "Montréal", "Quebec", "Québec",
        "Vancouver", "British Columbia", "Alberta", "Calgary", "Edmonton", "Ottawa", "Winnipeg",
        "Manitoba", "Saskatchewan", "Nova Scotia", "Halifax", "Mississauga", "Hamilton, Ontario",
    )},
    **{p: "AUD" for p in (
        "Australia", "Australian", "Melbourne", "Sydney", "Brisbane", "Perth", "Adelaide",
        "Canberra", "Queensland", "New South Wales", "Tasmania", "Hobart", "Darwin",
    )},
    **{p: "NZD" for p in ("New Zealand", "Auckland", "Wellington", "Christchurch")},
    **{p: "SGD" for p in ("Singapore", "Singaporean")},
    **{p: "HKD" for p in ("Hong Kong",)},
    **{p: "TWD" for p in ("Taiwan", "Taiwanese", "Taipei", "Kaohsiung", "Taichung")},
}
#: Signs of another home currency: their releases quote dollars as US dollars.
HOME_CURRENCY_SIGNS = re.compile(r"\b(?:KRW|won|yen|yuan|RMB|euros?|pounds)\b|[₩£€¥]")

_PLACE_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, PLACE_DOLLARS), key=len, reverse=True)) + r")\b")


def dollar_currency(text: str, url: str | None = None) -> str:
    """The ISO code a bare "$" or "dollars" stands for in this release.

    The URL's country domain decides first; otherwise a dollar country named at least twice
    (and more than any other) decides, unless the release also counts in another home
    currency such as won, whose releases convert to US dollars. US dollars otherwise.
    """
    if url:
        host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        if tld in DOMAIN_DOLLARS:
            return DOMAIN_DOLLARS[tld]
    votes = Counter(PLACE_DOLLARS[m.group(0)] for m in _PLACE_RE.finditer(text))
    if not votes or HOME_CURRENCY_SIGNS.search(text):
        return "USD"
    (best, n), *rest = votes.most_common(2) + [("", 0)]
    if n >= 2 and n > rest[0][1]:
        return best
    return "USD"


def currency_code(sign: str, dollar: str = "USD") -> str | None:
    """ISO code for a symbol, code or currency word as written (``"HK$"`` -> HKD, ``"won"`` -> KRW)."""
    s = " ".join(sign.split())
    if s in SYMBOLS:
        return SYMBOLS[s] or dollar
    if s.upper() in CODES and (s.isupper() or len(s) > 3):
        return CODES[s.upper()]
    low = s.lower()
    if low in WORDS:
        return WORDS[low] or dollar
    return None


__all__ = [
    "CODES",
    "DOMAIN_DOLLARS",
    "PLACE_DOLLARS",
    "SUBUNITS",
    "SYMBOLS",
    "WORDS",
    "currency_code",
    "dollar_currency",
]
