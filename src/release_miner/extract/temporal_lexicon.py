"""Words of time as data: month and weekday names, number words, units, modifiers.

The date grammar in `temporal` is built from these tables, so supporting a new spelling
("Sept.", "Thurs") or a new unit is one entry here rather than a new regular expression.
"""

from __future__ import annotations

#: Month names and abbreviations -> month number. Abbreviations are only read when
#: followed by a dot or a number (see `temporal`), so "Mar" or "Jan" inside words never match.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

#: Full month names: these alone may stand as a date ("in June"). "May" is special-cased
#: because it is also a verb (`BARE_MAY_BEFORE`).
FULL_MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

#: Words right before a bare "May" that make it the month ("in May", "since May").
BARE_MAY_BEFORE: frozenset[str] = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "to", "of", "early", "late", "mid",
    "during", "and", "or", "before", "after", "end", "last", "this", "next", "between",
})

#: Weekday names and abbreviations -> ISO weekday index (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

#: Number words used with units of time ("four years", "two to three years").
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}

#: Ordinal words for halves and quarters ("the third quarter", "the latter half").
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}

#: Unit of a duration -> (ISO designator, multiplier, is a time-of-day unit).
DURATION_UNITS: dict[str, tuple[str, int, bool]] = {
    "year": ("Y", 1, False), "years": ("Y", 1, False), "yr": ("Y", 1, False), "yrs": ("Y", 1, False),
    "decade": ("Y", 10, False), "decades": ("Y", 10, False),
    "month": ("M", 1, False), "months": ("M", 1, False),
    "week": ("W", 1, False), "weeks": ("W", 1, False),
    "day": ("D", 1, False), "days": ("D", 1, False),
    "hour": ("H", 1, True), "hours": ("H", 1, True), "hr": ("H", 1, True), "hrs": ("H", 1, True),
    "minute": ("M", 1, True), "minutes": ("M", 1, True), "min": ("M", 1, True), "mins": ("M", 1, True),
}

#: Grain names of duration designators (for the `grain` field).
DURATION_GRAIN: dict[str, str] = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}

#: Relative words -> offset from the anchor ("last year" = -1).
RELATIVE_OFFSETS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0, "same": 0,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1,
    # the latest period is the last one complete before publication ("the latest quarter")
    "latest": -1, "most recent": -1,
}

#: Words before a time expression that belong to it as a bound or qualifier; they are
#: kept in the mention text but do not change the value.
QUALIFIERS: tuple[str, ...] = (
    "more than", "less than", "fewer than", "up to", "over", "about", "nearly", "almost",
    "at least", "approximately", "around", "some", "within", "for", "roughly",
)

#: Prepositions that open a date mention ("by 2026", "since 2013", "until April 20"); they are
#: kept in the mention text.
DATE_PREPOSITIONS: tuple[str, ...] = (
    "as of", "at", "on", "in", "since", "by", "until", "till", "through", "from", "within",
    "before", "after", "during", "starting", "beginning", "as early as",
)

#: Parts of a period named before it ("the end of March", "early next year"); the value keeps
#: the period's own grain, as the annotation guidelines do.
PERIOD_EDGES: tuple[str, ...] = ("end", "beginning", "start", "middle", "close", "turn")
PERIOD_EDGE_ADVERBS: tuple[str, ...] = ("early", "late", "mid")

#: Words after which "the 27th" is still a day of the month; any other word makes the
#: ordinal rank a noun ("the 8th popularly elected term", "the 12th floor").
DAY_ORDINAL_FOLLOWERS: frozenset[str] = frozenset({
    "at", "in", "on", "to", "and", "or", "from", "until", "till", "through", "with", "when", "by",
    "for", "that", "the", "a", "an", "it", "he", "she", "they", "we", "this", "which", "where",
    "while", "after", "before", "as", "announced", "said", "held", "will", "was", "were", "is",
    "are", "has", "had", "last", "next", "morning", "afternoon", "evening", "night",
    "local", "according", "during", "under", "saying", "stating", "via", "officials",
    "regarding", "concerning", "about", "including", "following", "amid", "ahead", "despite",
    "alongside", "among", "against", "toward", "towards", "into", "over", "per", "than", "but",
    "so", "because", "since", "if", "then", "there", "his", "her", "their", "its", "our",
    "unveiled", "revealed", "reported", "stated", "explained", "added", "noted", "confirmed",
    "attended", "visited", "signed", "met", "hosted", "launched", "opened", "released", "began",
    "started", "ended", "closed", "marked", "between", "kst",
})

#: Capitalised words after "the 27th" that still start a new clause ("On the 12th The city ...").
DAY_ORDINAL_CAPITALISED_FOLLOWERS: frozenset[str] = frozenset({"the", "a", "an", "it", "he", "she", "we", "this"})

#: Capitalised words that may precede a bare year without making it part of a name.
YEAR_LEFT_OK: frozenset[str] = frozenset({
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "through", "of",
    "the", "as", "for", "between", "and", "to", "early", "late", "mid", "fiscal", "fy", "year",
    "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "start", "around",
    "within", "also", "then", "but", "yet", "so", "that", "when", "while", "unlike",
    "compared", "than", "starting", "past", "last", "this", "next",
}) | {m.lower() for m in FULL_MONTHS}

#: Nouns counted right after a number: "2000 people" is a count, not a year.
COUNT_NOUNS: frozenset[str] = frozenset({
    "people", "persons", "won", "dollars", "yen", "yuan", "euros", "pounds", "units", "cases",
    "jobs", "households", "companies", "businesses", "firms", "participants", "visitors",
    "members", "residents", "citizens", "tourists", "students", "workers", "employees", "beds",
    "seats", "items", "sites", "stores", "shops", "km", "m", "m2", "tons", "tonnes", "kg",
    "square", "hectares", "ha", "pyeong", "times", "applicants", "teams", "projects", "copies",
    "points", "meters", "metres", "vehicles", "cars", "buses", "houses", "homes", "apartments",
})

#: Time zones printed after a clock time ("1:30 PM KST"); kept in the mention text.
TIME_ZONES: tuple[str, ...] = (
    "KST", "JST", "CST", "CDT", "EST", "EDT", "PST", "PDT", "MST", "MDT", "GMT", "UTC", "BST",
    "CET", "CEST", "HKT", "SGT", "AEST", "AEDT", "IST", "local time",
)

#: Words that put a weekday or month in the future ("will meet on Tuesday").
FUTURE_MARKERS: tuple[str, ...] = (
    "will", "shall", "to be held", "scheduled", "plans to", "plan to", "planned", "is to",
    "are to", "upcoming", "going to", "expected to", "set to", "opens", "runs", "begins",
    "starts", "takes place", "kicks off", "is held", "are held", "closes", "ends", "'ll",
)

#: Words that put a weekday in the past ("announced on Tuesday"); any "-ed" verb counts too.
PAST_MARKERS: tuple[str, ...] = (
    "said", "was", "were", "had", "did", "met", "held", "took", "gave", "made", "began", "spoke",
    "told", "wrote", "went", "came", "saw", "won", "ran", "left", "led", "sent", "paid", "brought",
    "last", "earlier", "ago",
)

#: Vague numbers of time that are never a duration value ("24-hour city", "24/7").
ROUND_THE_CLOCK: tuple[str, ...] = ("24-hour", "24 hour", "24-hours", "24 hours a day")

#: Words before a number that make it an identifier, not a year ("ext. 2024", "Room 2010").
NUMBER_LABELS: frozenset[str] = frozenset({
    "no", "nos", "number", "ext", "extension", "tel", "phone", "fax", "room", "rm", "suite",
    "phase", "article", "art", "section", "sec", "clause", "chapter", "route", "line", "gate",
    "exit", "lot", "block", "unit", "vol", "volume", "issue", "episode", "page", "p", "pp",
    "item", "table", "figure", "fig", "annex", "appendix", "code", "id", "ref", "case", "bill",
    "ordinance", "resolution", "order", "model", "version", "v", "flight", "bus", "platform",
})
