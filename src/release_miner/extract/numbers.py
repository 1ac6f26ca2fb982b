"""Turn written numbers into values: digits, number words and scale words.

Press releases write the same amount as "1,160", "one thousand one hundred and sixty",
"7.2749 Trillion", "£62m" or "half a million". This module owns only that arithmetic,
as pure functions over strings, so that it can be tested on its own and reused by any
extractor. The vocabulary lives in the tables below, not in the code.
"""

from __future__ import annotations

import re

#: Cardinal number words and their values.
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Words that stand for a number on their own ("a dozen", "half a million").
SPECIAL: dict[str, float] = {"a": 1, "an": 1, "a dozen": 12, "dozen": 12, "half a": 0.5, "half": 0.5}

#: Scale words and abbreviations (lower-case) and their multipliers.
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000, "k": 1_000,
    "million": 1_000_000, "mn": 1_000_000, "mil": 1_000_000, "m": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "bil": 1_000_000_000, "b": 1_000_000_000,
    "bln": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "tril": 1_000_000_000_000,
    "t": 1_000_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    # Korean myriad scales, written in English text as "120억 원" or "1조 2,000억 원"
    "만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000,
}
#: Scale abbreviations that are ambiguous with units ("500m" may be metres): accepted only next to a currency.
SHORT_SCALES: frozenset[str] = frozenset({"k", "m", "b", "t"})

#: Ordinal words and their values ("twenty-first" is composed from TENS and these).
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
#: Multiplier words ("fivefold" -> 5).
FOLD_WORDS: dict[str, int] = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
    "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100, "thousandfold": 1000,
}


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_UNIT_WORDS = _alternation(UNITS)
_TEN_WORDS = _alternation(TENS)
#: A number in words up to 999 ("seventy-one", "two hundred and fifty").
_BELOW_HUNDRED = rf"(?:(?:{_TEN_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
WORD_NUMBER = (
    rf"(?:(?:{_BELOW_HUNDRED}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?"
    rf"|{_BELOW_HUNDRED}|a\s+dozen)"
)
#: Digits: grouped thousands, a decimal comma before a scale word ("373,3 billion"), plain.
DIGIT_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+,\d{1,2}(?=\s*(?:thousand|million|billion|trillion)\b)"
    r"|\d+(?:\.\d+)?)"
)
_ORD_UNITS = _alternation(ORDINAL_UNITS)
_ORD_TENS = _alternation(ORDINAL_TENS)
WORD_ORDINAL = rf"(?:(?:{_TEN_WORDS})[-\s](?:{_ORD_UNITS})|{_ORD_TENS}|{_ORD_UNITS})"

_WORD_NUMBER_RE = re.compile(rf"^{WORD_NUMBER}$", re.I)
_SPACE_RE = re.compile(r"[\s-]+")


_DOT_GROUPS_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000")


def parse_digits(text: str) -> float | None:
    """Value of a digit string: ``"1,160"`` -> 1160, ``"373,3"`` -> 373.3 (decimal comma), ``"7.2749"``."""
    s = text.strip()
    if not s:
        return None
    s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if _DOT_GROUPS_RE.fullmatch(s):
        s = s.replace(".", "")  # "220.000", "1.250.000": dots group thousands (European style)
    if "," in s:
        groups = s.split(",")
        if len(groups) == 2 and len(groups[1]) in (1, 2) and "." not in s:
            s = groups[0] + "." + groups[1]
        else:
            s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """Value of a number written in words (up to 999): ``"seventy-one"`` -> 71, ``"a dozen"`` -> 12."""
    s = _SPACE_RE.sub(" ", text.strip().lower())
    if s in SPECIAL:
        return SPECIAL[s]
    if not _WORD_NUMBER_RE.match(s):
        return None
    total = 0
    current = 0
    for word in s.split(" "):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a", "an"):
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            return None
    return float(total + current)


def parse_ordinal_word(text: str) -> int | None:
    """Value of an ordinal word: ``"first"`` -> 1, ``"twenty-first"`` -> 21, ``"fiftieth"`` -> 50."""
    s = _SPACE_RE.sub(" ", text.strip().lower())
    if s in ORDINAL_UNITS:
        return ORDINAL_UNITS[s]
    if s in ORDINAL_TENS:
        return ORDINAL_TENS[s]
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_UNITS:
        return TENS[parts[0]] + ORDINAL_UNITS[parts[1]]
    return None


def scale_of(word: str | None) -> int:
    """Multiplier of a scale word or abbreviation (``"bn"`` -> 1e9); 1 for none."""
    if not word:
        return 1
    return SCALES.get(word.strip().strip("-").strip().lower(), 1)


#: Vulgar fraction characters ("⅓ cup", "2½ miles").
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
#: A fraction in digits or words: "1/4", "5 1/2", "2½", "⅓", "two and a half", "a quarter".
FRACTION = (
    rf"(?:\d+[ \u00a0]?[{VULGAR_FRACTIONS}]|[{VULGAR_FRACTIONS}]|\d+[ \u00a0-][1-9]/(?:2|3|4|8|16)(?!\d)"
    rf"|[1-9]/(?:2|3|4|8|16)(?![\d/])"
    rf"|(?:{WORD_NUMBER}|\d+)\s+and\s+(?:a|one)[\s-](?:half|quarter|third)"
    rf"|(?:(?:three|two)[\s-]quarters|(?:one|a)[\s-](?:half|quarter|third)))"
)
_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.25}
_FRACTION_RE = re.compile(
    r"^(?:(?P<whole>\S+?)(?:[ \u00a0-]+(?:and\s+)?)??)?(?:(?P<num>[1-9])/(?P<den>\d+)|(?P<vulgar>[" + VULGAR_FRACTIONS + r"])"
    r"|(?P<count>a|one|two|three)[\s-](?P<part>half|quarter|quarters|third))$",
    re.I,
)


def parse_fraction(text: str) -> float | None:
    """Value of a fraction: ``"5 1/2"`` -> 5.5, ``"⅓"`` -> 0.333..., ``"two and a half"`` -> 2.5."""
    import unicodedata

    s = " ".join(text.strip().split())
    m = _FRACTION_RE.match(s)
    if not m:
        return None
    whole = 0.0
    if m.group("whole"):
        w = parse_digits(m.group("whole")) if m.group("whole")[:1].isdigit() else parse_words(m.group("whole"))
        if w is None:
            return None
        whole = w
    if m.group("num"):
        part = int(m.group("num")) / int(m.group("den"))
    elif m.group("vulgar"):
        part = unicodedata.numeric(m.group("vulgar"))
    else:
        count = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group("count").lower()]
        part = count * _FRACTION_WORDS[m.group("part").lower()]
    return whole + part


def parse_number(text: str, scale: str | None = None) -> float | None:
    """Value of a number in digits or words, times an optional scale word.

    ``parse_number("7.2749", "trillion")`` -> 7274900000000.0;
    ``parse_number("half a", "million")`` -> 500000.0; ``parse_number("two")`` -> 2.0.
    """
    s = text.strip()
    if "/" in s or " and " in s.lower() or any(c in VULGAR_FRACTIONS for c in s) or s.lower().endswith(("half", "quarter", "quarters", "third")):
        value = parse_fraction(s)
    else:
        value = None
    if value is None:
        value = parse_digits(s) if s[:1].isdigit() or s[:1] == "." else parse_words(s)
    if value is None:
        return None
    return value * scale_of(scale)


def tidy(value: float | None) -> float | int | None:
    """Integral floats become ints (1160.0 -> 1160); float noise from scaling is rounded away."""
    if value is None:
        return None
    rounded = round(value, 6)
    if rounded == int(rounded):
        return int(rounded)
    return rounded


__all__ = [
    "DIGIT_NUMBER",
    "FRACTION",
    "VULGAR_FRACTIONS",
    "parse_fraction",
    "FOLD_WORDS",
    "ORDINAL_TENS",
    "ORDINAL_UNITS",
    "SCALES",
    "SHORT_SCALES",
    "WORD_NUMBER",
    "WORD_ORDINAL",
    "parse_digits",
    "parse_number",
    "parse_ordinal_word",
    "parse_words",
    "scale_of",
    "tidy",
]
