"""Currency vocabulary from CLDR (via Babel): every ISO 4217 code, symbol and name, and which one a release means.

The tables are built once per process from Babel's copy of the Unicode CLDR: the codes of
every currency that is legal tender somewhere today, their English names and plurals
("Malaysian ringgit", "Kuwaiti dinars"), their English symbols ("HK$", "NT$", "€") and the
symbols the English locale of each country uses for its own money ("RM" in Malaysia, "Rs" in
Pakistan, "Rp" in Indonesia). Only a few colloquial forms CLDR does not record ("bucks",
"LE", "Rs" for India, "US$") are listed here by hand.

Some signs and words name several currencies: "$", "£", "Rs", "kr", "peso", "dinar",
"rupees". `Home` decides them once per release: the URL's country domain first, then the
countries (and their adjectives, "Egyptian", "Malaysian") the text names, then the currency
English-language news usually means (US dollar, pound sterling, Indian rupee ...).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlparse

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name

#: ISO codes that are also English words written in capitals ("TOP 10", "ALL 3 sites"):
#: read as currencies only when written out as names or symbols.
WORD_LIKE_CODES: frozenset[str] = frozenset(
    {"ALL", "TOP", "CUP", "PEN", "MAD", "SOS", "BOB", "MOP", "GEL", "NAD", "BAM", "LAK", "CVE"}
)
#: Last words of CLDR currency names that are ordinary English after a number ("3 real gains").
WORD_LIKE_NAMES: frozenset[str] = frozenset(
    {"mark", "marks", "real", "reals", "sol", "soles", "gold", "kina", "som", "soms", "tala", "pula", "pulas", "leone", "leones"}
)
#: Local symbols too short or too word-like to read before a number ("R", "K", "Le", "Ar").
WORD_LIKE_SYMBOLS: frozenset[str] = frozenset({"Le", "Ar", "SR", "RF", "Rf", "MK", "VT", "Nfk", "FBu", "kr."})

#: Country-code domains used worldwide as generic names (".tv", ".io"): they say nothing of a currency.
GENERIC_DOMAINS: frozenset[str] = frozenset({"tv", "io", "co", "me", "fm", "ws", "ai", "gg", "ly", "to", "cc", "nu", "am", "so"})

#: The currency an ambiguous word or sign means when the release gives no country.
DEFAULTS: dict[str, str] = {
    "dollar": "USD", "pound": "GBP", "peso": "PHP", "rupee": "INR", "franc": "CHF", "krone": "NOK",
    "dinar": "KWD", "dirham": "AED", "riyal": "SAR", "rial": "OMR", "shilling": "KES", "won": "KRW",
    "ruble": "RUB", "manat": "AZN", "kwacha": "ZMW", "leu": "RON", "£": "GBP", "Rs": "INR", "Rs.": "INR",
    "kr": "SEK",
}

#: Forms CLDR does not record (colloquial, or the prefixed dollars of English-language news).
#: ``None`` means "the dollar of this release".
EXTRA_SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "S$": "SGD", "SG$": "SGD", "AU$": "AUD", "C$": "CAD",
    "CAN$": "CAD", "R$": "BRL", "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY", "￥": "JPY", "￦": "KRW",
    "Rs.": "INR", "Rs": "INR", "LE": "EGP", "L.E.": "EGP", "$": None,
}
EXTRA_WORDS: dict[str, str | None] = {
    "won": "KRW", "korean won": "KRW", "원": "KRW", "bucks": None, "buck": None, "quid": "GBP",
    "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "hk dollars": "HKD", "taiwan dollars": "TWD", "sterling": "GBP", "pounds sterling": "GBP",
    "renminbi": "CNY", "rmb": "CNY", "roubles": "RUB", "rouble": "RUB", "swiss francs": "CHF",
    "egyptian pound": "EGP", "egyptian pounds": "EGP",
}
#: Sub-units: word or sign -> (currency or None for the release's dollar, factor).
SUBUNITS: dict[str, tuple[str | None, float]] = {
    "cents": (None, 0.01), "cent": (None, 0.01), "¢": (None, 0.01), "pennies": (None, 0.01),
    "penny": (None, 0.01), "pence": ("GBP", 0.01), "jeon": ("KRW", 0.01),
}

#: Places (cities and provinces) whose mention suggests which dollar a release uses; countries
#: come from CLDR's territory names.
PLACE_HINTS: dict[str, str] = {
    **{p: "CAD" for p in (
        "Ontario", "Toronto", "Montreal", "Montréal", "Quebec", "Québec", "Vancouver", "British Columbia",
        "Alberta", "Calgary", "Edmonton", "Ottawa", "Winnipeg", "Manitoba", "Saskatchewan", "Nova Scotia",
        "Halifax", "Mississauga", "Hamilton, Ontario",
    )},
    **{p: "AUD" for p in (
        "Melbourne", "Sydney", "Brisbane", "Perth", "Adelaide", "Canberra", "Queensland", "New South Wales",
        "Tasmania", "Hobart", "Darwin",
    )},
    **{p: "NZD" for p in ("Auckland", "Wellington", "Christchurch")},
    **{p: "TWD" for p in ("Taipei", "Kaohsiung", "Taichung")},
}
#: Signs of another home currency: their releases quote dollars as US dollars.
HOME_CURRENCY_SIGNS = re.compile(r"\b(?:KRW|won|yen|yuan|RMB|euros?|pounds)\b|[₩£€¥]")


@dataclass(frozen=True)
class Catalogue:
    """Every sign, code and word with the currencies it may mean (first = default)."""

    codes: dict[str, str]
    symbols: dict[str, tuple[str | None, ...]]
    words: dict[str, tuple[str | None, ...]]
    #: country names and adjectives -> the currency of that country
    places: dict[str, str]
    #: country-code top-level domain -> currency
    domains: dict[str, str]


def _ordered(key: str, codes: set[str]) -> tuple[str, ...]:
    default = DEFAULTS.get(key) or DEFAULTS.get(key.rstrip("s"))
    rest = sorted(codes - {default})
    return ((default,) if default in codes else ()) + tuple(rest)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Build the tables from CLDR (about 50 ms, once per process)."""
    en = Locale("en")
    current: dict[str, str] = {}  # code -> a territory using it
    home_of: dict[str, str] = {}  # territory -> its currency
    for territory, spans in get_global("territory_currencies").items():
        for code, _start, end, tender in spans:
            if tender and end is None:
                current.setdefault(code, territory)
                home_of.setdefault(territory, code)
    codes = {c: c for c in current if c not in WORD_LIKE_CODES}
    codes["RMB"] = "CNY"

    symbols: dict[str, set[str]] = {}
    dollar_homes: dict[str, str] = {}
    for code in current:
        sym = en.currency_symbols.get(code)
        if sym and sym != code and not sym.isalpha():
            symbols.setdefault(sym, set()).add(code)
    for lid in localedata.locale_identifiers():
        if not lid.startswith("en_") or lid.count("_") != 1:
            continue
        territory = lid[3:]
        code = home_of.get(territory)
        sym = localedata.load(lid, merge_inherited=False).get("currency_symbols", {}).get(code) if code else None
        if not sym or sym == code:
            continue
        if sym == "$":
            dollar_homes[territory] = code  # type: ignore[assignment]
        elif (len(sym) > 1 or not sym.isascii()) and sym not in WORD_LIKE_SYMBOLS:
            symbols.setdefault(sym, set()).add(code)  # type: ignore[arg-type]
    sym_table: dict[str, tuple[str | None, ...]] = {s: _ordered(s, c) for s, c in symbols.items()}
    for sym, code in EXTRA_SYMBOLS.items():
        if code is None:
            sym_table[sym] = (None,)
        elif sym not in sym_table or code not in sym_table[sym]:
            sym_table[sym] = (code,) + tuple(c for c in sym_table.get(sym, ()) if c != code)

    words: dict[str, set[str]] = {}
    places: dict[str, str] = {}
    for code, territory in current.items():
        singular, plural = en.currencies.get(code), get_currency_name(code, count=2, locale="en")
        for name in {singular, plural} - {None}:
            low = name.lower()  # type: ignore[union-attr]
            words.setdefault(low, set()).add(code)
            last = low.split()[-1]
            if last not in WORD_LIKE_NAMES:
                words.setdefault(last, set()).add(code)
        words_of_name = (singular or "").split()
        adjective = " ".join(words_of_name[:-1])  # "Malaysian ringgit" -> "Malaysian", "New Zealand"
        if adjective[:1].isupper() and len(adjective) > 3 and adjective.replace(" ", "").isalpha():
            places.setdefault(adjective, code)
    for territory, code in home_of.items():
        name = en.territories.get(territory)
        if name and name[:1].isupper():
            places.setdefault(name, code)
    word_table: dict[str, tuple[str | None, ...]] = {}
    for word, found in words.items():
        word_table[word] = (None,) if word in ("dollar", "dollars") else _ordered(word, found)
    for word, code in EXTRA_WORDS.items():
        word_table[word] = (code,)
    places.update(PLACE_HINTS)
    domains = {t.lower(): c for t, c in home_of.items()}
    domains.update({t.lower(): c for t, c in dollar_homes.items()})
    return Catalogue(codes, sym_table, word_table, places, domains)


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    names = sorted(map(re.escape, catalogue().places), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")


def _domain_currency(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld == "uk":
        return "GBP"
    if tld in GENERIC_DOMAINS:
        return None
    return catalogue().domains.get(tld) if len(tld) == 2 else None


def dollar_currency(text: str, url: str | None = None) -> str:
    """The ISO code a bare "$" or "dollars" stands for in this release.

    The URL's country domain decides first (when that country counts in dollars), unless the text
    names another dollar country at least three times and the domain's never; otherwise a
    dollar country named at least twice (and more than any other) decides, unless the release
    also counts in another home currency such as won, whose releases convert to US dollars.
    US dollars otherwise.
    """
    return Home(text, url).dollar


@dataclass
class Home:
    """Which currency this release means by an ambiguous sign or word (decided lazily, once)."""

    text: str
    url: str | None = None
    _votes: Counter | None = field(default=None, repr=False)
    _dollar: str | None = field(default=None, repr=False)

    @property
    def votes(self) -> Counter:
        if self._votes is None:
            places = catalogue().places
            self._votes = Counter(places[m.group(0)] for m in _place_re().finditer(self.text))
        return self._votes

    @property
    def dollar(self) -> str:
        if self._dollar is None:
            self._dollar = self._decide_dollar()
        return self._dollar

    def _decide_dollar(self) -> str:
        dollars = _all_dollars()
        by_domain = _domain_currency(self.url)
        votes = Counter({c: n for c, n in self.votes.items() if c in dollars and c != "USD"})
        if by_domain in dollars:
            # a site of one country reporting on another: the text's country wins when it is named
            # again and again and the site's own never
            (other, n), *_ = votes.most_common(1) or [("", 0)]
            if n >= 3 and other != by_domain and not self.votes.get(by_domain):  # type: ignore[arg-type]
                return other
            return by_domain  # type: ignore[return-value]
        if not votes or HOME_CURRENCY_SIGNS.search(self.text):
            return "USD"
        (best, n), *rest = votes.most_common(2) + [("", 0)]
        if n >= 2 and n > rest[0][1]:
            return best
        return "USD"

    def pick(self, candidates: tuple[str | None, ...]) -> str | None:
        """One code among ``candidates`` (None stands for this release's dollar)."""
        if not candidates:
            return None
        if len(candidates) == 1:
            return self.dollar if candidates[0] is None else candidates[0]
        by_domain = _domain_currency(self.url)
        if by_domain in candidates:
            return by_domain
        named = [(self.votes.get(c, 0), c) for c in candidates if c is not None]
        best = max(named, default=(0, None))
        if best[0] > 0:
            return best[1]
        return self.dollar if candidates[0] is None else candidates[0]


@lru_cache(maxsize=1)
def _all_dollars() -> frozenset[str]:
    cat = catalogue()
    found = {c for name, cs in cat.words.items() if name.endswith(("dollar", "dollars")) for c in cs if c}
    return frozenset(found)


def currency_code(sign: str, dollar: Home | str = "USD") -> str | None:
    """ISO code for a symbol, code or currency word as written (``"HK$"`` -> HKD, ``"won"`` -> KRW).

    ``dollar`` is the release's `Home` (or just the code of its dollar).
    """
    home = Home("", None, _dollar=dollar) if isinstance(dollar, str) else dollar
    cat = catalogue()
    s = " ".join(sign.split())
    if s in cat.symbols:
        return home.pick(cat.symbols[s])
    if s.upper() in cat.codes and (s.isupper() or len(s) > 3):
        return cat.codes[s.upper()]
    low = s.lower()
    if low in cat.words:
        return home.pick(cat.words[low])
    return None


__all__ = [
    "Catalogue",
    "Home",
    "SUBUNITS",
    "catalogue",
    "currency_code",
    "dollar_currency",
]
