"""Find figures in plain text and normalise them, without spaCy.

The scanner reads the characters around every number once: a currency sign or word
before or after makes it money, a percent sign a percent, a unit a quantity, an ordinal
suffix an ordinal; hedges ("about", "up to", "or more") make it approximate and a joiner
("2 to 3 billion won") makes two numbers one range. Numbers that belong to dates, times,
phone numbers, identifiers, names ("COVID-19", "G20") or list markers are dropped here.

What a *count* counts and what an *ordinal* ranks is a question for the parse, so the
scanner leaves those candidates open (`Candidate.unit` is None) and tells the spaCy
component where the number ends; `normalise` answers it with a plain word heuristic so
the whole normaliser stays a pure, testable function.

All patterns are compiled once at import.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .currencies import SUBUNITS, Home, catalogue, currency_code
from .numbers import (
    FOLD_WORDS,
    FRACTION,
    VULGAR_FRACTIONS,
    ORDINAL_TENS,
    ORDINAL_UNITS,
    TENS,
    UNITS,
    WORD_NUMBER,
    WORD_ORDINAL,
    parse_number,
    parse_ordinal_word,
    scale_of,
    tidy,
)
from .unit_lexicon import unit_forms
from .units import (
    APPROX_AFTER,
    APPROX_BEFORE,
    CASED_UNITS,
    CHANGE_VERB_STEMS,
    HYPHEN_COUNT_NOUNS,
    ID_WORDS,
    MONTHS,
    ORDINAL_TIME_OK,
    PERCENT_UNITS,
    PLURAL_INVARIANT,
    QUANTITY_UNITS,
    TIME_NOUNS,
)


def _alt(words, escape: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


# ---- patterns (compiled once) ------------------------------------------------------------

#: Where an atom may start: a run of digits, or a word that can open a number in words.
_FRACTION_FULL_RE = re.compile(FRACTION, re.I)
_START_RE = re.compile(rf"\d+|[A-Za-z]+|[{VULGAR_FRACTIONS}]")
_START_WORDS = frozenset(
    [*UNITS, *TENS, *FOLD_WORDS, *ORDINAL_UNITS, *ORDINAL_TENS, "a", "an", "half"]
)
_SCALE_WORDS = r"thousand|million|billion|trillion|mn|bn|tn|mln|bln|mil|bil|lakh|lakhs|crore|crores|만|억|조"
_CAT = catalogue()
#: Currency words and codes a space-grouped amount may precede ("10 000 dollars").
_GROUPED_CURRENCY_WORDS = [*_CAT.codes, *_CAT.words]
#: Currency symbols a space-grouped amount may follow ("€10 000").
_GROUP_SIGNS = "$€£¥₩₹"
#: A number atom: ordinal digits, fold words, ordinal words, or a cardinal with an optional scale.
_ATOM_RE = re.compile(
    rf"(?P<ordd>(?<![\w.,])\d+(?:st|nd|rd|th)(?![A-Za-z]))"
    rf"|(?P<fold>\b(?:{_alt(FOLD_WORDS)})\b)"
    rf"|(?P<ordw>\b{WORD_ORDINAL}\b)"
    rf"|(?P<num>(?<![\d.,/])(?:(?<![\w/])(?:{FRACTION})(?=\s?[A-Za-z-]|\s?[{VULGAR_FRACTIONS}]?\s?[A-Za-z])|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+(?![\d,])"
    rf"|\d{{1,3}}(?:\.\d{{3}}){{2,}}(?![\d,.])(?=\s)|\d{{1,3}}\.000(?![\d,.])(?=\s+[A-Za-z])"
    rf"|(?<=[{_GROUP_SIGNS}])\d{{1,3}}(?: \d{{3}})+(?![\d,])|\d{{1,3}}(?: \d{{3}})+(?=\s?(?:{_alt(_GROUPED_CURRENCY_WORDS)})\b)"
    rf"|\d+,\d{{1,2}}(?=\s*(?:thousand|million|billion|trillion)\b)|\d+(?:\.\d+)?)"
    rf"|\b(?:(?:a|an|half\s+a)(?=\s+(?:thousand|million|billion|trillion|dollar|euro|buck|penny|cent|dinar|rupee|peso|pound\b(?!\s+of)))|{WORD_NUMBER})\b)"
    rf"(?:(?P<sep>\s*-\s*|\s*)(?P<scale>{_SCALE_WORDS})(?:\b|(?=원))(?:\s+(?P<scale2>thousand|million|billion)\b)?"
    rf"|(?P<short>[kKmMbBT])(?![\w]))?",
    re.I,
)

#: Signs with a non-letter in them ("$", "HK$", "Rs.") and signs written in letters ("RM", "Rp").
_SYMBOL_ALT = _alt(k for k in _CAT.symbols if not k.isalpha())
_CODE_ALT = _alt(list(_CAT.codes) + [k for k in _CAT.symbols if k.isalpha()])
#: Currency written before the number ("KRW 68.8", "US$ 5", "£62", "P500" in a Philippine release).
_CUR_BEFORE_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{_SYMBOL_ALT})\s?|\b(?P<code>{_CODE_ALT})\s?|(?<![A-Za-z])(?P<won>[WP]))\Z"
)
#: Letters glued before an amount that stand for a currency only in that currency's country.
_GLUED_LETTERS = {"W": "KRW", "P": "PHP"}
#: Currency signs written after the number ("7€", "10$", "3.14US$", "10¢").
_CUR_AFTER_SYMBOL_RE = re.compile(rf"\A ?(?P<sym>{_alt([*(k for k in _CAT.symbols if not k.isalpha()), '¢'])})(?![\w$])")
#: A negative amount in an accounts table: "($99.99)" standing alone in its cell.
_NEGATIVE_BEFORE_RE = re.compile(r"(?:^|[\t|:=]|\s{2,}|\d)[ \t]?\(\Z", re.M)
#: "$20 and 43 cents", "3 GBP 1 pence": a whole amount and its sub-units.
_AND_CENTS_RE = re.compile(r"(?:\s+and|,)?\s+(?P<n>\d{1,2})\s*(?P<w>cents?|pence|p\b|¢)", re.I)
#: Text between an amount and a parenthesised conversion of it.
_CONVERSION_GAP_RE = re.compile(r"\s*\(\s*(?:about|approximately|approx\.|around|some|roughly|or|~|US)?\s*")
_RATIO_RE = re.compile(r"\A:\d")
_SLOGAN_AFTER_RE = re.compile(r"\A[·・]\d")
_SLOGAN_BEFORE_RE = re.compile(r"\d[·・]\Z")
_CUR_WORDS_ALT = _alt([*_CAT.words, *(w for w in SUBUNITS if w.isalpha())])
#: Currency written after the number ("100 million won", "50 billion KRW", "two million dollars").
_CUR_AFTER_WORD_RE = re.compile(rf"\A[\s-]*(?P<word>{_CUR_WORDS_ALT})\b", re.I)
_CUR_AFTER_CODE_RE = re.compile(rf"\A[\s-]*(?P<code>{_alt(_CAT.codes)})\b")
#: "20p": pence glued to the number.
_PENCE_RE = re.compile(r"\Ap(?![\w.])")
_PERCENT_RE = re.compile(rf"\A(?:\s?|-)(?P<unit>{_alt(PERCENT_UNITS)})(?![A-Za-z])", re.I)


@dataclass(frozen=True)
class _Units:
    """Unit patterns and their normalised symbols, built on first use from pint (`unit_lexicon`)."""

    names: dict[str, str]
    symbols: dict[str, str]
    name_re: re.Pattern[str]
    symbol_re: re.Pattern[str]

    def symbol(self, written: str) -> str:
        return self.symbols.get(written) or self.names.get(" ".join(written.lower().split())) or written


@lru_cache(maxsize=1)
def _units() -> _Units:
    names, symbols = unit_forms()
    names = {**names, **{k.lower(): v for k, v in QUANTITY_UNITS.items() if k not in CASED_UNITS}}
    symbols = {**symbols, **{k: v for k, v in QUANTITY_UNITS.items() if k in CASED_UNITS}}
    name_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    return _Units(
        names,
        symbols,
        re.compile(rf"\A(?:\s?|-)(?P<unit>{name_alt})(?![A-Za-z0-9²³])", re.I),
        re.compile(rf"\A\s?(?P<unit>{_alt(symbols)})(?![A-Za-z0-9²³])"),
    )
#: "71.5 F", "30 C": a bare scale letter is a temperature only where the text speaks of one
#: (otherwise it is a grade, a class or a footnote).
_BARE_TEMPERATURE_RE = re.compile(r"\A ?(?P<unit>[FC])(?![\w'’-])")
_TEMPERATURE_CONTEXT_RE = re.compile(
    r"temperat|degree|\bheat|\bhighs?\b|\blows?\b|\bwarm|\bcold|\bchill|thermometer|weather|forecast|freez|\bhot\b",
    re.I)
_APPROX_BEFORE_RE = re.compile(rf"(?<![\w])(?P<w>{_alt(APPROX_BEFORE)})\s*\Z", re.I)
_APPROX_AFTER_RE = re.compile(rf"\A\s*(?P<w>{_alt(APPROX_AFTER)})(?![A-Za-z])", re.I)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?\Z", re.I)
_AGE_AFTER_RE = re.compile(r"\A(?:[\s-]+years?[\s-]+old|[\s-]+years?\s+of\s+age)\b", re.I)
_PER_TIME_RE = re.compile(r"\s+(?:per|a|an|each|every)\s+(?P<t>day|week|month|year|hour)\b", re.I)
_JOIN_RE = re.compile(r"\A-?\s*(?P<j>to|through|and|or|-|–|—|~)\s*\Z", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\s+\Z", re.I)
#: "from" and what may name the starting level before its number ("from its original scale of 3.1 billion won")
_FROM_LEVEL = r"\bfrom(?:\s+[a-z]+){0,5}?\s+"
_FROM_RE = re.compile(_FROM_LEVEL + r"\Z", re.I)
_CHANGED_BY_RE = re.compile(rf"\b(?:{_alt(CHANGE_VERB_STEMS)})\w*(?:\s+by)?\s+\Z", re.I)
_CHANGE_RE = re.compile(rf"\b(?:{_alt(CHANGE_VERB_STEMS)})\w*\b(?:\W+\w+){{0,4}}?\W+{_FROM_LEVEL}\Z", re.I)

#: Month names as written in text: capitalised or upper-case ("may" in lower case is a verb).
_MONTH_ALT = _alt([m.capitalize() for m in MONTHS] + [m.upper() for m in MONTHS])
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_ALT})\.?\s*(?:\d{{1,2}}\s*(?:-|–|~|to|and)\s*)?\Z")
_MONTH_AFTER_RE = re.compile(
    rf"\A(?:st|nd|rd|th)?(?:\s*(?:-|–|~|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s*(?:of\s+)?(?:{_MONTH_ALT})\b"
)
_TIME_AFTER_RE = re.compile(
    r"\A(?:\s*(?:[-–~]|to)\s*\d{1,2}(?::\d\d)?)?(?:\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|hrs\b|h\b)|:\d\d)", re.I
)
_TIME_BEFORE_RE = re.compile(r"\d:\Z|\d:\d\d\s*(?:-|–|~|to)\s*\Z")
#: Dates in digits, times and phone numbers: every number inside these spans is skipped.
_MASK_RE = re.compile(
    r"(?=[\d+(Ff])(?:\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b"  # 2025-03-27, 2025.03.27
    r"|\b\d{4}\.\s\d{1,2}\.\s\d{1,2}\b"  # 2025. 3. 27
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # 3/27, 3/27/2025
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # 14:00
    r"|(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{2,4}[\s.-])\d{3,4}[.-]\d{4}\b"  # phone numbers
    r"|\b(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b"  # 2024-25, 2013-2015
    r"|\b(?:FY|fy)\s?\d{2,4}\b)"
)
_LIST_MARKER_RE = re.compile(r"(?:^|\n)[ \t•●○◦▲△■□◆◇▶►◈※*\-–]*\(?\Z")
_LIST_AFTER_RE = re.compile(r"\A[.)](?:\s|\Z)")
_GLUED_LIST_RE = re.compile(r"\A\.(?=[A-Z][a-z])")
#: Letters glued before or after digits make a name or a code ("COVID-19", "G20", "5G", "#3").
_NAME_BEFORE_RE = re.compile(r"[A-Za-z]-?\Z|#\s?\Z")
_HYPHEN_BEFORE_RE = re.compile(r"[A-Za-z]-\Z")
_NAME_AFTER_RE = re.compile(r"\A(?:-[A-Za-z]|[A-Za-z])")
_ID_BEFORE_RE = re.compile(rf"(?<![\w])(?:{_alt(ID_WORDS)})\s*\Z", re.I)
_FLOOR_RE = re.compile(r"\A(?:F|/F)\b")
_DECADE_RE = re.compile(r"\A'?s\b")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_WEIGHT_POUNDS_RE = re.compile(r"\A\s*pounds\s+of\b", re.I)
_HYPHEN_NOUN_RE = re.compile(rf"\A-(?P<noun>{_alt(HYPHEN_COUNT_NOUNS)})\b", re.I)
_HYPHEN_WORD_RE = re.compile(r"\A-[A-Za-z]")
_SUPERLATIVE_RE = re.compile(
    r"\A-(?:largest|biggest|highest|lowest|most|best|busiest|ranked|fastest|oldest|smallest)\b", re.I
)
#: "the 8th-floor room", "a second-round review": the ranked noun is glued by a hyphen.
_HYPHEN_RANKED_RE = re.compile(
    r"\A-(?P<noun>floor|storey|story|generation|tier|round|place|term|phase|stage|grade|half|quarter)\b", re.I
)
_STREET_RE = re.compile(r"\A\s+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way)\b")
_RATIO_BEFORE_RE = re.compile(r"(?:\b(?:1|one)\s+in|\b\w+\s+out\s+of)\s+\Z", re.I)
_RATIO_AFTER_RE = re.compile(
    r"\A\s+(?:out\s+of\s+\w|in\s+(?:\d{1,3}\b(?![,.]\d)|two|three|four|five|six|seven|eight|nine|ten)\b)", re.I
)

#: Words that end a plain-text counted noun (used by `normalise`, not by the spaCy component).
_STOP_WORDS = frozenset(
    "of to in on at for from by with and or the a an this that these those per each every as is are was "
    "were be been will would can could than which who whose including include includes such it its".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w’'-]*)")
_QUOTE_CHARS = frozenset("\"'“”‘’`")


@dataclass
class Candidate:
    """A figure found in text; ``unit`` is None for counts and ordinals until a noun is found."""

    start: int
    end: int
    kind: str
    value: float | int | None
    unit: str | None = None
    approx: bool = False
    value_max: float | int | None = None
    #: where the (last) number ends: a counted or ranked noun starts after this
    num_start: int = 0
    num_end: int = 0
    #: unit a count must carry per time ("visitors per day" -> quantity "visitors/day")
    per: str | None = None
    #: the number follows an identifier word ("Room 2") and may not stand as a bare count
    after_id: bool = False
    #: parenthesised right after another amount: a currency conversion ("(about $1.1 billion)")
    conversion: bool = False
    flags: set[str] = field(default_factory=set)


@dataclass
class _Atom:
    start: int
    end: int
    kind: str  # "num", "ordinal", "fold"
    value: float | None
    scaled: bool = False
    short_scale: bool = False
    currency: str | None = None
    cur_start: int | None = None
    cur_end: int | None = None
    percent: str | None = None
    unit: str | None = None
    unit_end: int | None = None
    approx: bool = False
    approx_start: int | None = None
    approx_end: int | None = None
    age: bool = False
    per: str | None = None
    after_id: bool = False
    skip: bool = False
    hyphen_noun: str | None = None
    subunit: float = 1.0
    dollar_word: bool = False
    flags: set[str] = field(default_factory=set)

    @property
    def left(self) -> int:
        return min(x for x in (self.start, self.cur_start, self.approx_start) if x is not None)

    @property
    def right(self) -> int:
        return max(x for x in (self.end, self.cur_end, self.unit_end, self.approx_end) if x is not None)

    @property
    def measured(self) -> bool:
        return bool(self.currency or self.percent or self.unit or self.age)


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASK_RE.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _read_atom(m: re.Match, text: str, home: Home) -> _Atom:
    """Classify one number by the characters around it."""
    s, e = m.span()
    left = text[max(0, s - 40) : s]
    if m.group("ordd"):
        atom = _Atom(s, e, "ordinal", float(int(m.group("ordd")[:-2])))
        ranked = _HYPHEN_RANKED_RE.match(text[e : e + 20])
        if ranked:
            atom.unit = ranked.group("noun").lower()
            atom.unit_end = e + ranked.end()
    elif m.group("fold"):
        atom = _Atom(s, e, "fold", float(FOLD_WORDS[m.group("fold").lower()]), unit="times")
    elif m.group("ordw"):
        atom = _Atom(s, e, "ordinal", float(parse_ordinal_word(m.group("ordw")) or 0))
        sup = _SUPERLATIVE_RE.match(text[e : e + 20])
        ranked = _HYPHEN_RANKED_RE.match(text[e : e + 20])
        if ranked:
            atom.unit = ranked.group("noun").lower()
            atom.unit_end = e + ranked.end()
        if sup:
            atom.flags.add("superlative")
            atom.unit_end = e + sup.end()
    else:
        scale = m.group("scale")
        value = parse_number(m.group("num"), scale)
        if value is not None and m.group("scale2"):
            value *= scale_of(m.group("scale2"))
        atom = _Atom(s, e, "num", value, scaled=bool(scale))
        raw_num = m.group("num") or ""
        if _FRACTION_FULL_RE.fullmatch(raw_num):
            atom.flags.add("fraction")
        if m.group("short"):
            atom.short_scale = True
            atom.scaled = True
            atom.value = (value or 0) * scale_of(m.group("short"))

    right = text[atom.end : atom.end + 40]
    floor = _FLOOR_RE.match(right) if atom.kind == "num" and not atom.scaled else None
    if floor and text[s:e].isdigit():
        # "7F", "12/F": a floor is ranked, not counted
        atom.kind = "ordinal"
        atom.flags.add("floor")
        atom.end += floor.end()
        right = text[atom.end : atom.end + 40]
    if atom.kind == "num":
        cur = _CUR_BEFORE_RE.search(left)
        if cur and cur.group("won"):
            letter = cur.group("won")
            if letter == "W" and not (atom.scaled or "," in text[s:e]):
                cur = None  # "W1" is an identifier; "W1.5 trillion" and "W500,000" are won
            elif letter == "P" and (home.pick(("", "PHP")) != "PHP" or "." in text[s:e] and not atom.scaled):
                cur = None  # "P500" is pesos only in a Philippine release
        if cur:
            sign = cur.group("sym") or cur.group("code")
            code = currency_code(sign.strip(), home) if sign else _GLUED_LETTERS[cur.group("won")]
            if code:
                atom.currency = code
                atom.cur_start = s - (len(left) - cur.start())
                atom.dollar_word = bool(sign) and _CAT.symbols.get(sign.strip()) == (None,)
        after = _CUR_AFTER_CODE_RE.match(right) or _CUR_AFTER_WORD_RE.match(right)
        sym_after = _CUR_AFTER_SYMBOL_RE.match(right) if not after and not atom.currency else None
        if sym_after:
            sign = sym_after.group("sym")
            if sign in SUBUNITS:
                code, factor = SUBUNITS[sign]
                atom.currency, atom.subunit = code or home.dollar, factor
            else:
                atom.currency = currency_code(sign, home)
                atom.dollar_word = _CAT.symbols.get(sign) == (None,)
            if atom.currency:
                atom.cur_end = atom.end + sym_after.end()
        elif not after and not atom.currency and _PENCE_RE.match(right) and not atom.scaled and ("£" in home.text or home.pick(("", "GBP")) == "GBP"):
            atom.currency, atom.subunit, atom.cur_end = "GBP", 0.01, atom.end + 1  # "20p"
        if after and not atom.currency:
            word = after.groupdict().get("word") or after.group("code")
            low = word.lower()
            if low in SUBUNITS:
                code, factor = SUBUNITS[low]
                atom.currency = code or home.dollar
                atom.subunit = factor
            elif low == "pounds" and not atom.scaled and _WEIGHT_POUNDS_RE.match(right):
                atom.unit = "lb"  # "5 pounds of rice" is a weight
                atom.unit_end = atom.end + after.end()
            else:
                code = currency_code(word, home)
                atom.currency = code
                atom.dollar_word = _CAT.words.get(low) == (None,)
            if atom.currency:
                atom.cur_end = atom.end + after.end()
        if atom.currency and atom.subunit == 1 and not atom.scaled and atom.value is not None:
            _add_subunits(atom, text)
        if atom.short_scale and not atom.currency:
            # "500m" without a currency is a length, not half a billion
            atom.value = parse_number(m.group("num"))
            atom.short_scale = atom.scaled = False
            atom.end -= 1
            right = text[atom.end : atom.end + 40]
        if not atom.currency:
            pct = _PERCENT_RE.match(right)
            if pct:
                atom.percent = PERCENT_UNITS.get(pct.group("unit").lower(), "%")
                atom.unit_end = atom.end + pct.end()
            else:
                units = _units()
                unit = units.symbol_re.match(right) or units.name_re.match(right)
                if unit:
                    raw = unit.group("unit")
                    atom.unit = units.symbol(raw)
                    atom.unit_end = atom.end + unit.end()
                elif (bare := _BARE_TEMPERATURE_RE.match(right)) and _TEMPERATURE_CONTEXT_RE.search(
                        text[max(0, atom.start - 120) : atom.end + 60]):
                    atom.unit = "°" + bare.group("unit")
                    atom.unit_end = atom.end + bare.end()
                elif _AGE_AFTER_RE.match(right):
                    atom.age = True
                    atom.unit = "years"
                    atom.unit_end = atom.end + _AGE_AFTER_RE.match(right).end()
        if not atom.measured and _AGE_BEFORE_RE.search(left):
            atom.age = True
            atom.unit = "years"
        per = _PER_TIME_RE.match(text, atom.end) if not atom.measured else None
        if per:
            atom.per = per.group("t").lower()
        hy = _HYPHEN_NOUN_RE.match(right)
        if hy and not atom.measured:
            atom.hyphen_noun = HYPHEN_COUNT_NOUNS[hy.group("noun").lower()]
            atom.unit_end = atom.end + hy.end()
        elif _HYPHEN_WORD_RE.match(right) and not atom.measured:
            atom.skip = True  # "one-stop", "7-day", "24-hour": an adjective, not a figure

    # hedges before the figure (before its currency sign, if any)
    head = atom.cur_start if atom.cur_start is not None else atom.start
    hedge = _APPROX_BEFORE_RE.search(text[max(0, head - 30) : head])
    if hedge:
        atom.approx = True
        atom.approx_start = head - (min(30, head) - hedge.start())
    tail = atom.right
    hedge = _APPROX_AFTER_RE.match(text[tail : tail + 20])
    if hedge:
        atom.approx = True
        atom.approx_end = tail + hedge.end()
    atom.after_id = bool(_ID_BEFORE_RE.search(text[max(0, head - 20) : head]))
    return atom


def _add_subunits(atom: _Atom, text: str) -> None:
    """ "$20 and 43 cents" is 20.43; "($99.99)" alone in a table cell is -99.99."""
    cents = _AND_CENTS_RE.match(text, atom.right)
    if cents and atom.currency in ("USD", "GBP", "EUR", "CAD", "AUD", "NZD", "SGD", "HKD") or (
        cents and atom.currency is not None and cents.group("w").lower().startswith("cent")
    ):
        atom.value = (atom.value or 0) + int(cents.group("n")) / 100  # type: ignore[union-attr]
        atom.cur_end = cents.end()
    if atom.cur_start is not None and text[atom.cur_start - 1 : atom.cur_start] == "(":
        close = atom.right
        if text[close : close + 1] == ")" and _NEGATIVE_BEFORE_RE.search(text, max(0, atom.cur_start - 4), atom.cur_start):
            atom.value = -(atom.value or 0)
            atom.cur_start -= 1
            atom.cur_end = close + 1


def _excluded(atom: _Atom, text: str, masked: list[tuple[int, int]]) -> bool:
    """Numbers of dates, times, names, identifiers and list markers are not figures."""
    if "fraction" in atom.flags:
        return not (atom.unit or atom.currency)  # "1/4 inch", "two and a half miles"; a bare "1/2" is no figure
    if atom.skip or atom.value is None or _inside(atom.start, masked):
        return True
    s, e = atom.start, atom.end
    left = text[max(0, s - 30) : s]
    right = text[e : e + 30]
    if atom.kind == "ordinal":
        if "floor" in atom.flags:
            return False
        if atom.unit in ("half", "quarter") or _STREET_RE.match(right):
            return True  # "the second-half", "43rd Street"
        return bool(_MONTH_BEFORE_RE.search(left) or _MONTH_AFTER_RE.match(right))
    if atom.kind == "fold":
        return False
    raw = text[s:e]
    if atom.currency or atom.percent:
        return False
    if _MONTH_BEFORE_RE.search(left) or _MONTH_AFTER_RE.match(right):
        return True
    if _TIME_AFTER_RE.match(right) or _TIME_BEFORE_RE.search(left) or _RATIO_RE.match(right):
        return True
    ratio = _RATIO_AFTER_RE.match(right)
    if ratio and (raw.lower() in ("1", "one") or "out" in ratio.group(0).lower()):
        return True
    if _RATIO_BEFORE_RE.search(left):
        return True  # "1 in 4 restaurants": a proportion, not a count
    if not raw[:1].isdigit() and _HYPHEN_BEFORE_RE.search(left):
        return True  # "one-on-one", "twenty-first-century": inside a hyphenated compound
    if raw[:1].isdigit() and (_NAME_BEFORE_RE.search(left) or _NAME_AFTER_RE.match(right)):
        if not atom.unit and not _FLOOR_RE.match(right):
            return True
    if _DECADE_RE.match(right):
        return True
    if _YEAR_RE.fullmatch(raw) and not atom.unit:
        return True  # a year
    if _LIST_MARKER_RE.search(left) and _LIST_AFTER_RE.match(right):
        return True
    if _GLUED_LIST_RE.match(right) or _SLOGAN_AFTER_RE.match(right) or _SLOGAN_BEFORE_RE.search(left):
        return True  # "2.Advancement" (a list marker), "3·3·7·7" (a slogan)
    return False


def _joinable(a: _Atom, b: _Atom, text: str) -> bool:
    """Do two neighbouring numbers form one range ("2 to 3 billion won", "between 18 and 39")?"""
    if a.kind != "num" or b.kind != "num":
        return False
    if a.unit_end and not a.percent and not a.unit:
        return False
    # the gap must be a bare joiner (a's own unit/currency may sit before it)
    gap_start = max(x for x in (a.end, a.cur_end, a.unit_end) if x is not None)
    gap = text[gap_start : b.left]
    j = _JOIN_RE.match(gap)
    if not j:
        return False
    joiner = j.group("j").lower()
    before = text[max(0, a.left - 60) : a.left]
    if joiner in ("and", "or"):
        if not _BETWEEN_RE.search(before):
            return False
    if _FROM_RE.search(before) and _CHANGE_RE.search(before):
        return False  # "increased from X to Y": two figures
    if _CHANGED_BY_RE.search(before):
        return False  # "rose 5% to 7%", "grew by 3 to 4": an amount of change, then a level
    # units must agree (or the first borrows the second's)
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.percent and b.percent != a.percent:
        return False
    if (a.unit or b.unit) and a.unit and b.unit and a.unit != b.unit:
        return False
    if a.currency and not b.currency and (b.percent or b.unit):
        return False
    if a.age and not b.measured:
        return True  # "aged 19 to 34": the second number is an age too
    if (a.percent or a.unit or (a.currency and a.cur_start is None)) and not b.measured:
        return False  # "rose 2.5 times to 60": the second number is another figure
    if b.currency and not a.currency and (a.percent or a.unit):
        return False
    if joiner in ("-", "–", "—", "~") and not (a.measured or b.measured or b.scaled):
        # bare "3-7" is usually a date, a score or an identifier, unless it counts something or
        # is a rate ("10-12 homes", "10-12 per week"): ascending plain integers before a lower-case noun
        return _counted_range(a, b, text)
    return True


_COUNTED_AFTER_RE = re.compile(r"[ \t]+(?:(?:per|a|an|each|every)[ \t]+[a-z]+|(?P<noun>[a-z][a-z’'-]{2,}))")


def _counted_range(a: _Atom, b: _Atom, text: str) -> bool:
    """Is a hyphenated pair of plain numbers a range of a count or rate ("10-12 homes", "3–5 per day")?"""
    plain = re.compile(r"\d{1,3}(?:,\d{3})*|\d+")
    if not (plain.fullmatch(text[a.start:a.end]) and plain.fullmatch(text[b.start:b.end])) \
            or a.value is None or b.value is None or not 0 <= a.value < b.value:
        return False  # "2024-25", "3-1" (a score), "0.5-1" stays what it was
    if re.search(r"[\w/.#-]\Z", text[max(0, a.left - 1):a.left]):
        return False  # part of a code or an identifier ("No.3-7", "A10-12")
    m = _COUNTED_AFTER_RE.match(text, b.right)
    return bool(m) and (m.group("noun") is None or m.group("noun").lower() not in _STOP_WORDS)


def _candidate(atoms: list[_Atom], text: str) -> Candidate:
    """One candidate from an atom or a joined range of two."""
    a, b = atoms[0], atoms[-1]
    value, value_max = a.value, (b.value if len(atoms) > 1 else None)
    if len(atoms) > 1 and b.scaled and not a.scaled and value is not None and b.value is not None:
        factor = _scale_factor(b, text)
        if value < b.value / factor:
            # a bare low end borrows the scale of the high end: "2 to 3 billion won"
            # (but not "500,000 to 3 million", whose low end is already whole)
            value = value * factor
    currency = a.currency or b.currency
    subunit = b.subunit if b.currency else a.subunit
    if currency:
        kind, unit = "money", currency
        value = value * subunit if value is not None else None
        value_max = value_max * subunit if value_max is not None else None
    elif a.percent or b.percent:
        kind, unit = "percent", a.percent or b.percent
    elif a.kind == "fold":
        kind, unit = "quantity", "times"
    elif a.kind == "ordinal":
        kind, unit = "ordinal", ("floor" if "floor" in a.flags else a.unit)
    elif a.unit or b.unit:
        kind, unit = "quantity", a.unit or b.unit
    else:
        kind, unit = "count", b.hyphen_noun
    start = min(x.left for x in atoms)
    end = max(x.right for x in atoms)
    cand = Candidate(
        start=start,
        end=end,
        kind=kind,
        value=tidy(value),
        unit=unit,
        approx=any(x.approx for x in atoms),
        value_max=tidy(value_max),
        num_start=b.start,
        num_end=b.unit_end if "superlative" in b.flags and b.unit_end else b.end,
        per=b.per,
        after_id=a.after_id,
        flags=set().union(*(x.flags for x in atoms)),
    )
    if b.hyphen_noun:
        cand.flags.add("hyphen")
    if a.dollar_word or b.dollar_word:
        cand.flags.add("dollar")
    return cand


_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000")


def _countable(cand: Candidate, atom: _Atom, text: str) -> bool:
    """Zero things and fractional things are not counts ("zero emissions", "Web 3.0 projects")."""
    if not cand.value:
        return False
    raw = text[atom.start : atom.end]
    return atom.scaled or "." not in raw or bool(_DOT_THOUSANDS_RE.fullmatch(raw))


def _is_headline(text: str, pos: int) -> bool:
    """Is the line around ``pos`` title-cased (a headline), where capitals say nothing about names?"""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in text[lo : hi if hi >= 0 else len(text)].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _titled_name(text: str, atom: _Atom) -> bool:
    """A number inside a name: "the Seven Bridges Tour", "said First Lady ...", "the 1876 Busan platform"."""
    raw = text[atom.start : atom.end]
    nxt = _NEXT_WORD_RE.match(text, atom.right)
    if not nxt or not nxt.group(1)[0].isupper() or _is_headline(text, atom.start):
        return False
    if raw.isdigit():
        return len(raw) == 4  # a year-like number before a capitalised word names something
    if not raw[:1].isupper() or raw.isupper():
        return False
    before = text[max(0, atom.start - 3) : atom.start]
    if before.strip()[-1:] in _QUOTE_CHARS:
        return True
    prev = text[: atom.start].rstrip()
    return bool(prev) and prev[-1] not in ".!?:;•●○▲■◆※*-–)" and "\n" not in text[len(prev) : atom.start]


def _merge_compound_scales(atoms: list[_Atom], text: str) -> list[_Atom]:
    """ "1 trillion 500 billion won" is one amount (Korean style): add descending scales."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == atom.kind == "num"
            and prev.scaled
            and atom.scaled
            and not (prev.percent or prev.unit or prev.age or prev.cur_end is not None)
            and not (atom.cur_start is not None and prev.currency)
            and prev.approx_end is None
            and not text[prev.end : atom.start].strip()
            and _scale_factor(prev, text) > _scale_factor(atom, text)
            and prev.value is not None
            and atom.value is not None
        ):
            atom.value += prev.value
            atom.start = prev.start
            atom.approx = atom.approx or prev.approx
            atom.approx_start = prev.approx_start
            if atom.cur_start is None and prev.cur_start is not None:
                atom.cur_start, atom.currency = prev.cur_start, prev.currency
            out[-1] = atom
            continue
        out.append(atom)
    return out


def _scale_factor(atom: _Atom, text: str) -> float:
    m = _ATOM_RE.match(text, atom.start)
    if not m:
        return 1.0
    factor = scale_of(m.group("scale")) if m.group("scale") else 1
    if m.group("scale2"):
        factor *= scale_of(m.group("scale2"))
    if atom.short_scale and m.group("short"):
        factor *= scale_of(m.group("short"))
    return float(factor)


def _atom_matches(text: str):
    """Matches of the atom pattern, tried only where a digit or a number word starts (fast)."""
    last_end = 0
    for m in _START_RE.finditer(text):
        pos = m.start()
        if pos < last_end:
            continue
        word = m.group(0)
        if not word[0].isdigit() and word[0] not in VULGAR_FRACTIONS and word.lower() not in _START_WORDS:
            continue
        atom = _ATOM_RE.match(text, pos)
        if atom:
            last_end = atom.end()
            yield atom


def scan(text: str, dollar: str | Home = "USD") -> list[Candidate]:
    """Every figure candidate in ``text``, in order, with exact character offsets.

    ``dollar`` is the release's `Home` (which currency an ambiguous sign means), or just the
    ISO code a bare "$" or "dollars" stands for.
    Counts and ordinals come back with ``unit=None``: the caller decides what they count.
    """
    home = dollar if isinstance(dollar, Home) else Home(text, None, _dollar=dollar)
    masked = _masked_spans(text)
    atoms: list[_Atom] = []
    for m in _atom_matches(text):
        if atoms and m.start() < atoms[-1].right:
            continue  # inside the previous figure ("43" of "$20 and 43 cents")
        atom = _read_atom(m, text, home)
        if not _excluded(atom, text, masked):
            atoms.append(atom)
    out: list[Candidate] = []
    i = 0
    atoms = _merge_compound_scales(atoms, text)
    while i < len(atoms):
        if i + 1 < len(atoms) and _joinable(atoms[i], atoms[i + 1], text):
            group = [atoms[i], atoms[i + 1]]
            i += 2
        else:
            group = [atoms[i]]
            i += 1
        cand = _candidate(group, text)
        if cand.kind == "count" and not cand.unit and not _countable(cand, group[-1], text):
            continue
        if cand.kind in ("count", "ordinal") and _titled_name(text, group[0]):
            continue
        if out and cand.kind == "money" and "dollar" in cand.flags and out[-1].kind == "money":
            prev = out[-1]
            between = text[prev.end : cand.start]
            if _CONVERSION_GAP_RE.fullmatch(between):
                # "1.5 trillion won (about $1.1 billion)": conversions are quoted in US dollars
                cand.unit = "USD"
                cand.conversion = True
        out.append(cand)
    return out


_BOUND_AFTER_NOUN_RE = re.compile(r"\s*(?:or\s+(?:more|less|fewer|above|over|higher|lower|so))\b", re.I)


def bound_after(text: str, pos: int) -> int | None:
    """End of an "or more" / "or fewer" written after a counted noun at ``pos`` (the count is then approx)."""
    m = _BOUND_AFTER_NOUN_RE.match(text, pos)
    return m.end() if m else None


def per_time_match(text: str, pos: int) -> re.Match | None:
    """The "per day" / "each day" written at ``pos``, if any."""
    return _PER_TIME_RE.match(text, pos)


def per_time(text: str, pos: int) -> str | None:
    """The time unit of a rate written at ``pos`` ("per day", "each day" -> "day"), if any."""
    m = _PER_TIME_RE.match(text, pos)
    return m.group("t").lower() if m else None


def _plain_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The words after ``pos`` up to a stop word, and where they end: a parse-free counted noun."""
    words = []
    end = pos
    for m in _WORD_RE.finditer(text, pos):
        gap = text[end : m.start()]
        if gap.strip(" \"'“”‘’") or (words and not gap):
            break
        word = m.group(0)
        if word.lower() in _STOP_WORDS:
            break
        words.append(word)
        end = m.end()
        low = word.lower()
        if low.endswith("s") and not low.endswith(("ss", "us", "is")) or low in PLURAL_INVARIANT:
            break  # the first plural closes the noun phrase ("1,160 participants attended")
    return (" ".join(words).lower(), end) if words else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def normalise(phrase: str, dollar: str = "USD") -> dict | None:
    """Normalise one figure phrase into ``kind``, ``value``, ``unit``, ``approx`` and ``value_max``.

    A pure function: ``normalise("about 1.5 trillion won")`` ->
    ``{"kind": "money", "value": 1500000000000, "unit": "KRW", "approx": True, "value_max": None, ...}``.
    Counts take the words after the number as their unit ("1,160 participants" -> "participants"),
    ordinals the singular of the noun they rank. Returns None when the phrase states no figure
    (a date, a name, a bare number with nothing counted).
    """
    for cand in scan(phrase, dollar):
        if cand.kind in ("count", "ordinal") and cand.unit is None:
            found = _plain_noun(phrase, cand.num_end)
            if found is None:
                continue
            noun, noun_end = found
            last = noun.split()[-1]
            if cand.kind == "ordinal":
                if last in TIME_NOUNS - ORDINAL_TIME_OK:
                    continue
                cand.unit = _singular(last)
            else:
                if last in TIME_NOUNS:
                    continue
                cand.unit = noun
                bound = bound_after(phrase, noun_end)
                if bound:
                    cand.approx, noun_end = True, bound
                per = cand.per or per_time(phrase, noun_end)
                if per:
                    cand.kind, cand.unit = "quantity", f"{noun}/{per}"
            cand.end = max(cand.end, noun_end)
        elif cand.per and cand.kind == "count":
            cand.kind, cand.unit = "quantity", f"{cand.unit}/{cand.per}"
        return {
            "text": phrase[cand.start : cand.end],
            "start": cand.start,
            "end": cand.end,
            "kind": cand.kind,
            "value": cand.value,
            "unit": cand.unit,
            "approx": cand.approx,
            "value_max": cand.value_max,
        }
    return None


__all__ = ["Candidate", "bound_after", "normalise", "per_time", "per_time_match", "scan"]
