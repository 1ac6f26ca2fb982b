"""Vocabulary around numbers: measurement units, hedges, and the words that make a number a name or a date.

Kept as data so that adding a unit or an identifier word is a one-line change; the
scanner in `figure_scan` compiles these tables into regular expressions once.
"""

from __future__ import annotations

#: Units the registry of `unit_lexicon` (pint) does not spell the way releases do: Korean area
#: glyphs and the pyeong, shipping containers, multipliers, and hyphenated compound names.
#: Matched case-insensitively except the entries in CASED_UNITS; these win over the registry.
QUANTITY_UNITS: dict[str, str] = {
    "㎡": "m2", "sqm": "m2", "㎢": "km2", "㎥": "m3", "sq. ft.": "ft2", "sq. feet": "ft2",
    "pyeong": "pyeong", "pyung": "pyeong",
    "metric tons": "t", "metric tonnes": "t", "lbs": "lb",
    "kilowatt-hours": "kWh", "megawatt-hours": "MWh", "gigawatt-hours": "GWh", "terawatt-hours": "TWh",
    "kilowatt-hour": "kWh", "megawatt-hour": "MWh", "gigawatt-hour": "GWh",
    "TEU": "TEU", "TEUs": "TEU",
    "times": "times", "fold": "times", "-fold": "times",
}
#: Units whose case distinguishes them from ordinary words or scale letters.
CASED_UNITS: frozenset[str] = frozenset({"TEU", "TEUs"})

#: Percent signs and words -> unit.
PERCENT_UNITS: dict[str, str] = {
    "%p": "%p", "%pt": "%p", "%pts": "%p", "percentage points": "%p", "percentage point": "%p",
    "percent points": "%p", "percentage-point": "%p", "percentage-points": "%p", "per cent points": "%p", "pp": "%p", "p.p.": "%p",
    "%": "%", "％": "%", "percent": "%", "per cent": "%", "pct": "%",
}

#: Words before a number that hedge or bound it (the figure is then ``approx``).
APPROX_BEFORE: tuple[str, ...] = (
    "about", "around", "approximately", "approx.", "approx", "nearly", "almost", "some", "roughly",
    "more than", "over", "up to", "under", "less than", "fewer than", "at least", "at most",
    "upwards of", "upward of", "a minimum of", "a maximum of", "maximum of", "minimum of", "max.",
    "an estimated", "estimated", "as many as", "as much as", "as high as", "as low as", "close to",
    "just over", "just under", "below", "above", "exceeding", "in excess of", "no more than",
    "no less than", "not less than", "not more than", "well over", "a little over", "circa", "ca.",
    "an average of", "average of", "surpassed", "surpassing", "beyond", "~", "lower than", "higher than",
    "greater than", "cheaper than", "smaller than", "larger than", "bigger than", "not exceeding",
    "not to exceed", "at minimum", "at maximum",
)
#: Words after a number that bound it.
APPROX_AFTER: tuple[str, ...] = (
    "or more", "or less", "or above", "or over", "or higher", "or lower", "or fewer", "or so",
    "and over", "and above", "and older", "and up", "plus", "+", "range",
)
#: Words that open a range ("between 18 and 39", "from $25,000 to $100,000").
RANGE_JOINERS: tuple[str, ...] = ("to", "-", "–", "—", "~", "and", "through")

#: Verbs of change: "increased from X to Y" states two figures, not a range.
CHANGE_VERB_STEMS: tuple[str, ...] = (
    "increas", "rais", "rise", "rose", "risen", "rising", "grow", "grew", "declin", "drop", "fell",
    "fall", "decreas", "expand", "reduc", "jump", "climb", "surg", "soar", "shr", "cut", "boost",
    "went", "gone", "chang", "up", "down", "lower", "extend", "doubl", "tripl", "adjust", "improv",
    "upgrad", "revis", "slid", "plung", "dip", "hik", "lift", "widen", "narrow",
)

#: Month names and abbreviations: a number beside them is a date.
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)

#: Nouns of time: "10 days" is a duration and "the first half" a period, both belong to dates.
TIME_NOUNS: frozenset[str] = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
    "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "decade", "decades",
    "century", "centuries", "quarter", "quarters", "half", "halves", "semester", "semesters",
    "morning", "afternoon", "evening", "time", "times", "o'clock", "am", "pm", "a.m.", "p.m.",
    "midnight", "noon", "weekday", "weekdays", "yr", "yrs", "hrs", "hr", "mins", "min",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
})

#: Time nouns as a quantity's unit in a rate ("25 hours per week" -> h/week).
TIME_SYMBOLS: dict[str, str] = {
    "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "minute": "min", "minutes": "min", "mins": "min",
    "day": "days", "days": "days", "night": "nights", "nights": "nights", "week": "weeks", "weeks": "weeks",
}
#: Capitalised words of a title after which an ordinal word belongs to the title ("First Vice Mayor").
TITLE_WORDS: frozenset[str] = frozenset({
    "vice", "deputy", "lady", "gentleman", "secretary", "minister", "mayor", "lieutenant", "assistant",
    "president", "officer", "sergeant", "lord", "sea", "baron", "amendment", "avenue", "street",
})
#: Singular nouns that name an amount, so "the total was 1,200" counts something.
AMOUNT_NOUNS: frozenset[str] = frozenset({
    "number", "total", "count", "volume", "tally", "sum", "figure", "headcount", "attendance",
    "population", "turnout", "ridership", "enrollment", "enrolment", "membership", "workforce",
})

#: Nouns that name a number of people or things: "a population of 3.4 million" counts them.
COLLECTIVE_NOUNS: frozenset[str] = frozenset({
    "population", "workforce", "membership", "crowd", "attendance", "enrollment", "enrolment",
    "audience", "turnout", "headcount", "ridership", "footfall", "visitors", "residents",
})
#: Nouns that an ordinal right before them ranks even inside a longer phrase ("3rd floor conference room").
ORDINAL_DIRECT_NOUNS: frozenset[str] = frozenset({
    "floor", "place", "round", "term", "phase", "stage", "generation", "tier", "grade", "basement",
})

#: Ordinal words fixed in a compound that ranks nothing ("first responders", "third parties").
ORDINAL_IDIOMS: frozenset[tuple[str, str]] = frozenset({
    ("first", "responder"), ("first", "responders"), ("first", "aid"), ("first", "lady"),
    ("first", "language"), ("second", "language"), ("first", "name"), ("third", "party"),
    ("third", "parties"), ("second", "opinion"), ("second", "home"), ("second", "homes"),
    ("third", "sector"), ("first", "gentleman"), ("second", "nature"), ("second", "thoughts"),
})

#: Time nouns an ordinal may still rank ("its third year", "the 39th year in which ...").
ORDINAL_TIME_OK: frozenset[str] = frozenset({"year", "years"})

#: Words after which a number is an identifier or part of a name ("Phase 2", "Room 3", "No. 5").
ID_WORDS: frozenset[str] = frozenset({
    "no", "no.", "nos", "nos.", "number", "#", "phase", "room", "article", "art", "art.", "section",
    "sec", "sec.", "clause", "chapter", "gate", "exit", "line", "route", "lot", "block", "building",
    "bldg", "bldg.", "zone", "stage", "level", "grade", "class", "tier", "platform", "terminal",
    "unit", "ward", "vol", "vol.", "volume", "issue", "episode", "season", "version", "act", "part",
    "item", "table", "figure", "fig", "fig.", "annex", "appendix", "dock", "pier", "berth",
    "station", "bus", "highway", "hwy", "road", "street", "exhibit", "type", "track", "round",
    "paragraph", "para", "schedule", "form", "case", "ext", "ext.", "tel", "tel.", "fax", "ref",
    "ref.", "code", "id", "step", "pillar", "task", "goal", "rule", "box", "suite", "floor", "page",
    "p.", "pp.", "district", "division", "precinct", "sector", "series", "model", "group", "team",
    "cohort", "batch", "wave", "vision", "agenda", "expo", "fy", "gen", "category", "interstate",
    "i-", "us-", "sr", "ch.", "channel", "flight", "ver.", "v.", "photo", "image", "picture",
    "attachment", "rm", "rm.", "apt", "apt.", "ste", "ste.", "po box", "zip",
})

#: Nouns after which a bare count is not a count of things but a measure ("per cent", "times").
NON_COUNT_NOUNS: frozenset[str] = frozenset({
    "percent", "per", "cent", "times", "fold", "point", "points", "%", "of", "won", "dollars",
    "yen", "yuan", "euros", "pounds", "krw", "usd", "a.m.", "p.m.",
})

#: Nouns that count things although they do not end in "s".
PLURAL_INVARIANT: frozenset[str] = frozenset({
    "people", "children", "men", "women", "staff", "personnel", "police", "youth", "crew", "cattle",
    "livestock", "sheep", "fish", "aircraft", "offspring", "deer", "faculty", "clergy", "alumni",
    "media", "data", "criteria", "phenomena", "feet", "teeth", "geese", "mice", "persons", "pyeong",
    "won", "yen", "yuan",
})

#: Verbs after which a bare ordinal is a place in a ranking ("ranked third").
RANKING_VERBS: frozenset[str] = frozenset({
    "ranked", "ranks", "rank", "ranking", "placed", "places", "finished", "finishes", "came", "comes",
    "rated", "stood", "stands",
})

#: Hyphenated "four-person household" style compounds that count people or seats.
HYPHEN_COUNT_NOUNS: dict[str, str] = {
    "person": "persons", "member": "members", "seat": "seats", "bed": "beds", "room": "rooms",
    "story": "stories", "storey": "storeys", "household": "households", "child": "children",
    "unit": "units", "lane": "lanes", "team": "teams", "bedroom": "bedrooms",
}

__all__ = [
    "APPROX_AFTER",
    "APPROX_BEFORE",
    "CASED_UNITS",
    "AMOUNT_NOUNS",
    "COLLECTIVE_NOUNS",
    "TIME_SYMBOLS",
    "TITLE_WORDS",
    "CHANGE_VERB_STEMS",
    "HYPHEN_COUNT_NOUNS",
    "ID_WORDS",
    "MONTHS",
    "NON_COUNT_NOUNS",
    "PLURAL_INVARIANT",
    "RANKING_VERBS",
    "ORDINAL_DIRECT_NOUNS",
    "ORDINAL_IDIOMS",
    "ORDINAL_TIME_OK",
    "PERCENT_UNITS",
    "QUANTITY_UNITS",
    "TIME_NOUNS",
]
