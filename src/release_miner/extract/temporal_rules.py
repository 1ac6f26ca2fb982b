"""The date grammar: patterns built from `temporal_lexicon`, each with a handler.

A handler turns one regex match into an `Atom` whose calendar values are already resolved
against the anchor (`temporal_values`). Each rule also names a cheap trigger so that its
full pattern only runs near the words or digits it needs (see `Rule`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from . import temporal_lexicon as lex
from .lines import is_headline, line_at
from .numbers import parse_number, parse_ordinal_word
from .temporal_values import (
    Anchor,
    Atom,
    Point,
    bare_month,
    day_of_month,
    is_future,
    tense,
    month_day,
    period,
    quarter,
    relative_day,
    shift_month,
    valid_day,
    weekday,
)


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


def _month_re(name: str = "mon") -> str:
    full = [m for m in lex.FULL_MONTHS] + [m.upper() for m in lex.FULL_MONTHS]
    abbr = [a.capitalize() for a in lex.MONTHS if a.capitalize() not in lex.FULL_MONTHS]
    abbr += [a.upper() for a in abbr]
    return rf"(?P<{name}>(?:{_alt(full)})(?![a-z])|(?:{_alt(abbr)})(?:\.|(?=\s*\d)))"


_WD_FULL = [w.capitalize() for w, i in lex.WEEKDAYS.items() if len(w) > 4]
_WD_ABBR = [w.capitalize() for w, i in lex.WEEKDAYS.items() if len(w) <= 5 and w.capitalize() not in _WD_FULL]
_WD = rf"(?:{_alt(_WD_FULL)}|(?:{_alt(_WD_ABBR)})\.?(?![a-z]))"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_W = "one|two|three|four|five|six|seven|eight|nine"
#: Numbers of a duration: digits, mixed fractions ("5 1/2", "2½"), words ("twenty four", "two and a half").
_NUMW = (
    rf"(?:\d+\s+[1-9]/(?:2|3|4|8)(?!\d)|\d+[½¼¾⅓]|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
    rf"|(?i:(?:{_TENS_W})[\s-](?:{_ONES_W})\b|(?:{_alt(lex.NUMBER_WORDS)})(?:\s+and\s+a\s+half)?))"
)
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)"
_MER = r"(?P<mer>(?i:[ap]\.\s?m\.?|[ap]m)(?![A-Za-z]))"
_TZ = rf"(?P<tz>\s*\(?(?:{_alt(lex.TIME_ZONES)})\)?(?![A-Za-z]))?"
_REL = r"(?P<rel>(?i:this|last|next|the\s+previous|the\s+following|the\s+same|previous|current|the\s+current))"
_UNITS = _alt(lex.DURATION_UNITS)
_QUAL = _alt(lex.QUALIFIERS)

Handler = Callable[[re.Match[str], "Context"], "Atom | None"]


@dataclass
class Context:
    """What every handler may consult: the whole text (for context words) and the anchor."""

    text: str
    anchor: Anchor | None


def _month(m: re.Match[str], group: str = "mon") -> int:
    return lex.MONTHS[m.group(group).rstrip(".").lower()]


def _num(word: str) -> float:
    word = " ".join(word.lower().split())
    if word in lex.NUMBER_WORDS:
        return lex.NUMBER_WORDS[word]
    if word in ("a", "an"):
        return 1
    value = parse_number(word)
    if value is None:
        raise ValueError(word)
    return value


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def h_iso(m: re.Match[str], ctx: Context) -> Atom | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not valid_day(y, mo, d):
        return None
    if m.group("H"):
        p = Point(y, mo, d, int(m.group("H")), int(m.group("M")), grain="minute", explicit_year=True)
        return Atom(m.start(), m.end(), "time", [p], rule="iso")
    return Atom(m.start(), m.end(), "date", [Point(y, mo, d, explicit_year=True)], rule="iso")


def h_mdy(m: re.Match[str], ctx: Context) -> Atom | None:
    """"April 4, 2025", "Wednesday, Aug. 4, 2021", "June 11 (Wednesday)", "4 April 2025"."""
    month, day = _month(m), int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else None
    p = month_day(ctx.anchor, month, day, year)
    if p == Point():
        return None
    return Atom(m.start(), m.end(), "date", [p], rule="mdy")


def h_my(m: re.Match[str], ctx: Context) -> Atom | None:
    """"April 2021", "January of this year", "May last year"."""
    month = _month(m)
    if m.groupdict().get("y"):
        return Atom(m.start(), m.end(), "date", [Point(int(m.group("y")), month, grain="month", explicit_year=True)])
    rel = re.sub(r"\s+", " ", m.group("rel").lower()).replace("the ", "")
    off = lex.RELATIVE_OFFSETS.get(rel, 0)
    year = ctx.anchor.year + off if ctx.anchor else None
    return Atom(m.start(), m.end(), "date", [Point(year, month, grain="month", explicit_year=year is not None)])


def _may_is_verb(text: str, start: int) -> bool:
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 20) : start])
    return not (before and before[-1].lower() in lex.BARE_MAY_BEFORE)


def h_month(m: re.Match[str], ctx: Context) -> Atom | None:
    """A month named alone ("in June", "September–November")."""
    word = m.group("mon")
    if word.lower() == "may" and _may_is_verb(ctx.text, m.start()):
        return None
    after = ctx.text[m.end() : m.end() + 2]
    if after[:1] == "-" and after[1:2].isalpha():  # "March-based" (but "April's" is the month)
        return None
    # "May's election" names an event by its month: the nearest one, whatever the tense
    possessive = ctx.text[m.end() : m.end() + 2] in ("'s", "’s")
    future = None if possessive else tense(ctx.text, m.start(), m.end())
    return Atom(m.start(), m.end(), "date", [bare_month(ctx.anchor, lex.MONTHS[word.lower()], future)], rule="month")


def h_md_range(m: re.Match[str], ctx: Context) -> Atom | None:
    """"March 3-7", "Sep. 17–26", "3–7 March 2025"."""
    month, d1, d2 = _month(m), int(m.group("d1")), int(m.group("d2"))
    if d2 <= d1:
        return None
    year = int(m.group("y")) if m.group("y") else None
    a = month_day(ctx.anchor, month, d1, year)
    if a == Point():
        return None
    b = replace(a, day=d2) if a.year is None or valid_day(a.year, month, d2) else None
    if b is None:
        return None
    return Atom(m.start(), m.end(), "range", [a, b], rule="md_range")


def h_ord_range(m: re.Match[str], ctx: Context) -> Atom | None:
    """"from the 15th to 18th"."""
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31) or _ranks_a_noun(ctx.text, m.end()):
        return None
    a = _day_in_month(m, ctx, d1)
    b = replace(a, day=d2)
    if a.year is not None and not valid_day(a.year, a.month, d2):  # type: ignore[arg-type]
        return None
    return Atom(m.start(), m.end(), "range", [a, b], rule="ord_range")


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|[^\sA-Za-z]|$)")
_AND_ORDINAL = re.compile(r"\s*(?:and|or|to|&|,)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b", re.I)


def _ranks_a_noun(text: str, end: int) -> bool:
    """Is the ordinal ending at ``end`` followed by a noun it ranks ("the 8th popularly elected term")?"""
    pair = _AND_ORDINAL.match(text, end)
    if pair:  # "the 3rd and 4th rounds": decided by the last ordinal of the list
        return _ranks_a_noun(text, pair.end())
    nxt = _NEXT_WORD.match(text, end)
    word = nxt.group(1) if nxt else ""
    if word[:1].isalpha():
        if word.lower() not in lex.DAY_ORDINAL_FOLLOWERS:
            return True
        return word[0].isupper() and word.lower() not in lex.DAY_ORDINAL_CAPITALISED_FOLLOWERS
    return word in ("-", "–") or word.isdigit()


def h_ord_day(m: re.Match[str], ctx: Context) -> Atom | None:
    """"on the 27th", "the afternoon of the 2nd" (but not "the 8th popularly elected term")."""
    d = int(m.group("d"))
    if not 1 <= d <= 31 or _ranks_a_noun(ctx.text, m.end()):
        return None
    return Atom(m.start(), m.end(), "date", [_day_in_month(m, ctx, d)], rule="ord_day")


def _day_in_month(m: re.Match[str], ctx: Context, day: int) -> Point:
    """Day ``day`` of the month the match names ("of next month", "of May"), else of the anchor's."""
    if m.groupdict().get("mon"):
        return month_day(ctx.anchor, _month(m), day)
    if m.groupdict().get("mrel"):
        if ctx.anchor is None or ctx.anchor.month is None:
            return Point(None, None, day)
        off = lex.RELATIVE_OFFSETS.get(m.group("mrel").lower(), 0)
        y, mo = shift_month(ctx.anchor.year, ctx.anchor.month, off)
        return Point(y, mo, day) if valid_day(y, mo, day) else Point()
    return day_of_month(ctx.anchor, day)


def _paren_date(inner: str, ctx: Context) -> Point | None:
    """The date written in brackets after "today": "(27th)", "(Nov. 10)", "(July 17)"."""
    sub = sorted(candidates(inner, ctx.anchor), key=lambda a: a.start - a.end)
    for a in sub:
        if a.kind == "date" and a.points[0].grain == "day":
            return a.points[0]
    d = re.fullmatch(r"\s*(\d{1,2})" + _ORD + r"?\s*", inner)
    if d:
        return day_of_month(ctx.anchor, int(d.group(1)))
    return None


_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;])\b[A-Z][\w'’-]*[ \t]+$")


def _in_a_name(text: str, start: int) -> bool:
    """A capitalised word right after another capitalised word, in running text (not a title-case
    headline, where every word is capitalised), belongs to a name."""
    if not text[start:start + 1].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line = line_at(text, start)
    return bool(_CAPITALISED_BEFORE.search(text, line_start, start)) and not is_headline(line) \
        and not line.isupper()


def h_relday(m: re.Match[str], ctx: Context) -> Atom | None:
    """"today", "yesterday", "tomorrow", "today (23rd)", "today (Nov. 10)"."""
    word = m.group("w").lower()
    if _in_a_name(ctx.text, m.start()):
        return None  # "Sustainable Tomorrow", "The Today Show": a name's word, no day
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    end = m.end()
    point = relative_day(ctx.anchor, offset)
    if m.group("par"):
        inner = m.group("par").strip()[1:-1]
        weekday_only = re.fullmatch(r"\s*" + _WD + r"\.?\s*", inner) is not None
        # a weekday in brackets only names the day the word already gives ("tomorrow (Wednesday)");
        # a calendar date in brackets says which day it is ("today (July 17)")
        given = None if weekday_only else _paren_date(inner, ctx)
        if given is not None:
            if given.has_date or not point.has_date:
                point = given
        elif not re.fullmatch(r"\s*" + _WD + r"\s*", inner):
            end = m.start("par")
    return Atom(m.start(), end, "date", [point], rule="relday")


_WEEKDAY_SPAN = re.compile(rf"\s*(?:-|–|—|~|to|through|thru)\s*(?:{'|'.join(_WD_FULL)})\b", re.I)
_WEEKDAY_SPAN_LEFT = re.compile(rf"\b(?:{'|'.join(_WD_FULL)})\s*(?:-|–|—|~|to|through|thru)\s*$", re.I)


def h_weekday(m: re.Match[str], ctx: Context) -> Atom | None:
    """"on Wednesday", "last Friday": resolved by tense around it."""
    if re.search(r"\b(?:every|each)\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I):
        return None  # "every Tuesday" recurs; it is no date
    if _WEEKDAY_SPAN.match(ctx.text, m.end()) or _WEEKDAY_SPAN_LEFT.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None  # "Monday through Friday": opening days, not a date
    wd = lex.WEEKDAYS[m.group("wd").rstrip(".").lower()]
    rel = (m.group("rel") or "").lower()
    if rel in ("last", "past", "next", "coming"):
        p = weekday(ctx.anchor, wd, -1 if rel in ("last", "past") else 1, same_day=False)
    else:
        p = weekday(ctx.anchor, wd, 1 if is_future(ctx.text, m.start(), m.end()) else -1)
    return Atom(m.start(), m.end(), "date", [p], rule="weekday")


def h_rel_month(m: re.Match[str], ctx: Context) -> Atom | None:
    """"last June", "late last July", "next March", "this June": the month before, after or of the anchor's year."""
    month = lex.MONTHS[m.group("mon").lower()]
    rel = m.group("rel").lower()
    a = ctx.anchor
    if a is None:
        return Atom(m.start(), m.end(), "date", [Point(None, month, grain="month")], rule="rel_month")
    if rel == "this" or a.month is None:
        year = a.year + (lex.RELATIVE_OFFSETS.get(rel, 0) if a.month is None else 0)
    elif rel in ("last", "past"):
        year = a.year if month < a.month else a.year - 1
    else:
        year = a.year if month > a.month else a.year + 1
    return Atom(m.start(), m.end(), "date", [Point(year, month, grain="month")], rule="rel_month")


def h_relperiod(m: re.Match[str], ctx: Context) -> Atom | None:
    """"last year", "this month", "next week", "this quarter", "last fiscal year", "the past year"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    possessive = re.match(r"['’]s\b", ctx.text[m.end() : m.end() + 3]) is not None
    fiscal = unit.endswith(" year") and unit != "year"
    if rel.startswith("the ") and rel[4:] in ("previous", "following", "same", "preceding") and not fiscal:
        return None  # anaphoric: relative to a time the text set up, not to the publication date
    if rel.startswith("the ") and rel[4:] in ("past", "last", "next", "coming") and not possessive and not fiscal:
        code = {"year": "P1Y", "month": "P1M", "week": "P1W", "quarter": "P3M", "decade": "P10Y"}[unit]
        return Atom(m.start(), m.end(), "duration", duration=code, rule="relperiod")
    if unit == "decade":
        return None
    off = lex.RELATIVE_OFFSETS.get(rel.replace("the ", "").replace("past", "last"), 0)
    points = period(ctx.anchor, "year" if fiscal else unit, off)
    if not points:
        return None
    return Atom(m.start(), m.end(), "range" if len(points) == 2 else "date", points, rule="relperiod")


def h_year_part(m: re.Match[str], ctx: Context) -> Atom | None:
    """"by the end of the year", "year-end": the anchor's year."""
    if ctx.anchor is None:
        return Atom(m.start(), m.end(), "date", [Point(grain="year")], rule="year_part")
    return Atom(m.start(), m.end(), "date", [Point(ctx.anchor.year, grain="year")], rule="year_part")


def h_new_year(m: re.Match[str], ctx: Context) -> Atom | None:
    """"in the new year" (lower case; "New Year" is the holiday): the coming year late in a year,
    the year begun early in one."""
    if ctx.anchor is None or ctx.anchor.month is None:
        return Atom(m.start(), m.end(), "date", [Point(grain="year")], rule="new_year")
    year = ctx.anchor.year + (1 if ctx.anchor.month >= 7 else 0)
    return Atom(m.start(), m.end(), "date", [Point(year, grain="year")], rule="new_year")


def h_decade(m: re.Match[str], ctx: Context) -> Atom | None:
    return Atom(m.start(), m.end(), "duration", duration="P10Y", rule="decade")


def h_ago(m: re.Match[str], ctx: Context) -> Atom | None:
    """"two years ago", "three months ago"."""
    n = _num(m.group("n"))
    unit = lex.DURATION_UNITS[m.group("u").lower()][0]
    if not float(n).is_integer() or ctx.anchor is None or not 0 < n <= 500:
        return None
    n = int(n)
    a = ctx.anchor
    if unit == "Y":
        return Atom(m.start(), m.end(), "date", [Point(a.year - n, grain="year")], rule="ago")
    if unit == "M" and a.month:
        y, mo = shift_month(a.year, a.month, -n)
        return Atom(m.start(), m.end(), "date", [Point(y, mo, grain="month")], rule="ago")
    if unit in ("D", "W") and a.date:
        return Atom(m.start(), m.end(), "date", [Point.of(a.date - timedelta(days=n * (7 if unit == "W" else 1)))])
    return None


def h_part(m: re.Match[str], ctx: Context) -> Atom | None:
    """"the third quarter of this year", "the first half of next year", "Q3 2024", "H1 2025"."""
    g = m.groupdict()
    if g.get("q"):
        index, parts = int(g["q"]), 4
    elif g.get("h"):
        index, parts = int(g["h"]), 2
    else:
        index = lex.ORDINAL_WORDS[g["ord"].lower()]
        parts = 2 if g["unit"].lower() == "half" else 4
    if index > parts:
        return None
    if g.get("y"):
        year: int | None = int(g["y"])
    elif g.get("rel"):
        rel = re.sub(r"\s+", " ", g["rel"].lower()).replace("the ", "")
        year = ctx.anchor.year + lex.RELATIVE_OFFSETS.get(rel, 0) if ctx.anchor else None
    else:
        year = ctx.anchor.year if ctx.anchor else None
    return Atom(m.start(), m.end(), "range", quarter(year, index, parts), rule="part")


_QUARTER_NAMED = re.compile(r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b|\bQ(?P<q>[1-4])\b", re.I)


def h_year_ago(m: re.Match[str], ctx: Context) -> Atom | None:
    """"the year-ago quarter", "the same month last year": the reported period one year back.

    The reported period is the quarter the text named last before the mention ("third-quarter
    sales rose ... from the year-ago quarter"), else the last one completed before publication.
    """
    unit = (m.group("unit") or m.group("unit2")).lower()
    a = ctx.anchor
    if a is None or a.month is None:
        return Atom(m.start(), m.end(), "date", [Point(grain="month")], rule="year_ago")
    if unit == "month":
        y, mo = shift_month(a.year, a.month, -13)
        return Atom(m.start(), m.end(), "date", [Point(y, mo, grain="month")], rule="year_ago")
    named = list(_QUARTER_NAMED.finditer(ctx.text, max(0, m.start() - 600), m.start()))
    if named:
        g = named[-1]
        current = (a.month - 1) // 3 + 1
        index = int(g.group("q")) if g.group("q") else lex.ORDINAL_WORDS[g.group("ord").lower()]
        year = a.year if index <= current else a.year - 1
        return Atom(m.start(), m.end(), "range", quarter(year - 1, index, 4), rule="year_ago")
    # the last completed quarter, a year back: five quarters before the current one
    return Atom(m.start(), m.end(), "range", period(a, "quarter", -5), rule="year_ago")


def _full_year(two: str, base: int) -> int | None:
    if len(two) == 4:
        return int(two)
    y = base // 100 * 100 + int(two)
    return y if y > base else (y + 100 if y + 100 - base < 50 else None)


def h_fy(m: re.Match[str], ctx: Context) -> Atom | None:
    """"FY2024", "FY 2005-06", "fiscal year 2024"."""
    y = m.group("y")
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if m.group("y2"):
        y2 = _full_year(m.group("y2"), year)
        if y2 is None or y2 <= year:
            return None
        return Atom(m.start(), m.end(), "range", [Point(year, grain="year"), Point(y2, grain="year")], rule="fy")
    return Atom(m.start(), m.end(), "date", [Point(year, grain="year", explicit_year=True)], rule="fy")


def h_year_range(m: re.Match[str], ctx: Context) -> Atom | None:
    """"2021-2024", "2005–06"."""
    year = int(m.group("y"))
    y2 = _full_year(m.group("y2") or m.group("y3"), year)
    if y2 is None or not year < y2 <= year + 50:
        return None
    return Atom(m.start(), m.end(), "range", [Point(year, grain="year"), Point(y2, grain="year")], rule="year_range")


def h_year(m: re.Match[str], ctx: Context) -> Atom | None:
    """A bare year, unless it is part of a name ("2030 World Expo") or counts something."""
    text = ctx.text
    year = int(m.group("y"))
    if not 1900 <= year <= 2100:
        return None
    after = re.match(r"\s*([A-Za-z][A-Za-z.]*)", text[m.end() :])
    right = after.group(1) if after else ""
    gap = text[m.end() : m.end() + (after.start(1) if after else 0)]
    if right and not gap.strip(" ") and right.lower().rstrip(".") in lex.COUNT_NOUNS:
        return None
    if right[:1].isupper() and not gap.strip(" ") and right.lower().rstrip(".") not in lex.MONTHS:
        # "2030 World Expo", "2021 Commitment": a year opening a name; but a single capitalised
        # modifier before a lower-case noun ("the 1997 Asian financial crisis") is not a name
        if not re.match(r"[A-Za-z]+\s+[a-z]", text[m.end() + len(gap) :]):
            return None
    if COPYRIGHT.search(text, max(0, m.start() - 14), m.start()):
        return None
    label = re.search(r"([A-Za-z]+)\.?\s*(?:#\s*)?$", text[max(0, m.start() - 12) : m.start()])
    if label and label.group(1).lower() in lex.NUMBER_LABELS:
        return None
    before = re.search(r"([A-Za-z][A-Za-z'’]*)\s*$", text[max(0, m.start() - 30) : m.start()])
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in lex.YEAR_LEFT_OK:
        prior = text[: m.start() - len(before.group(0))].rstrip()
        sentence_start = not prior or prior[-1] in '.!?\n"“(:'
        if not sentence_start:
            return None
    return Atom(m.start(), m.end(), "date", [Point(year, grain="year", explicit_year=True)], rule="year")


FREQUENCY = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b", re.I)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*$", re.I)


_ONCE_BEFORE = re.compile(
    rf"(?:\b(?:once|twice|thrice|times|per|each|every|{_UNITS}|hundred|thousand|million|billion|trillion|dollars|won|"
    rf"euros|pounds|yen|percent)|\d|%)\s+$",
    re.I,
)  # "twice a week", "24 hours a day", "$3.5 billion a year": a frequency or a rate
_GLUED_AFTER = re.compile(r"-(?!long\b)[A-Za-z]")


def h_duration(m: re.Match[str], ctx: Context) -> Atom | None:
    """"the past four years", "6 months", "two-year", "from two to 15 months", "more than two hours", "a week"."""
    span = m.group(0).lower()
    if any(span.endswith(r) for r in lex.ROUND_THE_CLOCK) or "24/7" in ctx.text[m.end() : m.end() + 5]:
        return None
    if m.group("n1").lower() in ("a", "an"):
        if m.group("u").lower().endswith("s") or m.group("n2"):
            return None  # "a months-long search"
        if _ONCE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start("n1")) or _GLUED_AFTER.match(ctx.text, m.end()):
            return None  # "twice a week" recurs; "a day-care centre" names a thing
    if re.search(r"\b(?:aged?|ages|every|each)\s*$", ctx.text[max(0, m.start() - 8) : m.start()], re.I):
        return None  # an age ("aged 19 to 34 years") or a frequency ("every 2 years")
    if FREQUENCY.match(ctx.text, m.end()):
        return None  # "seven days a week", "24 hours a day": a frequency, not a period
    code, mult, clock = lex.DURATION_UNITS[m.group("u").lower()]
    n1 = _num(m.group("n1")) * mult
    n2 = _num(m.group("n2")) * mult if m.group("n2") else None
    if n2 is not None and n2 <= n1:
        return None
    prefix = "PT" if clock else "P"
    value = f"{prefix}{_fmt(n1)}{code}"
    value_max = f"{prefix}{_fmt(n2)}{code}" if n2 is not None else None
    return Atom(m.start(), m.end(), "duration", duration=value, duration_max=value_max, rule="duration")


def h_vague_duration(m: re.Match[str], ctx: Context) -> Atom | None:
    """"several days", "recent weeks", "the past several months", "a few hours": a period of unstated length."""
    code, _mult, clock = lex.DURATION_UNITS[m.group("u").lower()]
    if m.group("u").lower().startswith("decade"):
        code = "DE"
    return Atom(m.start(), m.end(), "duration", duration=f"{'PT' if clock else 'P'}X{code}", rule="vague_duration")


def h_hms(m: re.Match[str], ctx: Context) -> Atom | None:
    """"3:07:35" (a race time, a running time): hours, minutes and seconds elapsed; "at 14:30:00" is a clock time."""
    h, mi, sec = int(m.group("h")), int(m.group("mi")), int(m.group("s"))
    if re.search(r"\b(?:at|from|until|by|to)\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I):
        c = _clock(h, mi, None)
        return Atom(m.start(), m.end(), "time", [Point(hour=c[0], minute=c[1], grain="minute")], rule="time") if c else None
    parts = "".join(f"{n}{u}" for n, u in ((h, "H"), (mi, "M"), (sec, "S")) if n)
    return Atom(m.start(), m.end(), "duration", duration=f"PT{parts or '0S'}", rule="hms")


def h_decade_years(m: re.Match[str], ctx: Context) -> Atom | None:
    """"the 1970s", "the early 2000s": the ten years of the decade."""
    y = int(m.group("y"))
    return Atom(m.start(), m.end(), "range", [Point(y, grain="year"), Point(y + 9, grain="year")], rule="decade_years")


def h_century(m: re.Match[str], ctx: Context) -> Atom | None:
    """"the 20th century", "the early twenty-first century": ISO's century, "19" and "20"
    (the 20th century is the years 1900-1999). "21st-century skills" describes, it dates nothing."""
    n = int(m.group("n")) if m.group("n") else parse_ordinal_word(m.group("w").replace("-", " "))
    if not n or not 1 <= n <= 30:
        return None
    if "-" in m.group("sep") or re.match(r"\s+[A-Z]", ctx.text[m.end():m.end() + 2]):
        return None  # "21st-century skills" describes; "the 19th Century Society" is a name
    return Atom(m.start(), m.end(), "date", [Point((n - 1) * 100, grain="century")], rule="century")


def _clock(hour: int, minute: int, mer: str | None) -> tuple[int, int] | None:
    if mer:
        pm = mer.lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = (hour % 12) + (12 if pm else 0)
    if not (0 <= hour <= 24 and 0 <= minute <= 59) or (hour == 24 and minute):
        return None
    return hour, minute


def h_time(m: re.Match[str], ctx: Context) -> Atom | None:
    """"2 p.m.", "9:30 AM", "14:00", "1:30 PM KST"."""
    c = _clock(int(m.group("h")), int(m.group("mi") or 0), m.groupdict().get("mer"))
    if c is None:
        return None
    return Atom(m.start(), m.end(), "time", [Point(hour=c[0], minute=c[1], grain="minute")], rule="time")


def h_time_range(m: re.Match[str], ctx: Context) -> Atom | None:
    """"2 to 4 p.m.", "9–11 am": one meridiem for both ends."""
    mer = m.group("mer")
    h1, h2 = int(m.group("h1")), int(m.group("h2"))
    b = _clock(h2, int(m.group("m2") or 0), mer)
    a = _clock(h1, int(m.group("m1") or 0), mer)
    if a is None or b is None:
        return None
    if a > b and mer.lower().startswith("p"):
        a = _clock(h1, int(m.group("m1") or 0), "am")
    if a is None or a >= b:
        return None
    pts = [Point(hour=a[0], minute=a[1], grain="minute"), Point(hour=b[0], minute=b[1], grain="minute")]
    return Atom(m.start(), m.end(), "range", pts, rule="time_range")


def h_noon(m: re.Match[str], ctx: Context) -> Atom | None:
    """"noon"/"midnight" only as a clock reading ("at noon", "to midnight")."""
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    if not re.search(r"(?:\b(?:at|to|until|till|by|from)\s+|[–-]\s*)$", before):
        return None
    hour = 12 if m.group("w").lower() == "noon" else 24
    return Atom(m.start(), m.end(), "time", [Point(hour=hour, minute=0, grain="minute")], rule="noon")


_MON = _month_re()
_DASH = r"(?:-|–|—|~)"
_WD_PAREN = rf"(?:\s*\((?:{_WD})\))?"
_OF_MONTH = rf"(?:\s+of\s+(?:(?P<mrel>(?i:this|next|last))\s+(?i:month)|{_MON}(?!\s*\d)))?"



@dataclass(frozen=True)
class Words:
    """A cheap trigger: any of these whole words, found with `str.find` on the lower-cased text."""

    words: tuple[str, ...]

    def finditer(self, text: str, lower: str) -> Iterable[tuple[int, int]]:
        hits = []
        for w in self.words:
            i = lower.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or not lower[i - 1].isalpha()) and (j == len(lower) or not lower[j].isalpha()):
                    hits.append((i, j))
                i = lower.find(w, j)
        return sorted(hits)


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar.

    Running every pattern over the whole text is slow (the engine tries each alternation at
    every position), so each rule names a cheap ``trigger`` (whole words, or a regex that starts
    with a digit) that any match must contain, and how far a match may reach ``back`` before and
    ``ahead`` after it; the full pattern only runs in those windows.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    trigger: re.Pattern[str] | Words
    back: int
    ahead: int

    def _hits(self, text: str, lower: str) -> Iterable[tuple[int, int]]:
        if isinstance(self.trigger, Words):
            return self.trigger.finditer(text, lower)
        return (t.span() for t in self.trigger.finditer(text))

    def matches(self, text: str, lower: str | None = None) -> Iterable[re.Match[str]]:
        windows: list[list[int]] = []
        for start, end in self._hits(text, text.lower() if lower is None else lower):
            lo, hi = max(0, start - self.back), end + self.ahead
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        seen: set[tuple[int, int]] = set()
        for lo, hi in windows:
            stop = _WORD_END.search(text, min(hi, len(text)))
            for m in self.pattern.finditer(text, lo, stop.start() if stop else len(text)):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m


_WORD_END = re.compile(r"\s|$")
_MONTH_HINT = Words(tuple(lex.MONTHS))

#: The grammar in priority order; among overlapping matches the longest wins, ties go to the
#: earlier rule. (name, pattern, handler) + the trigger each match contains and its reach.
_MERIDIEM_HINT = Words(("am", "pm", "a.m", "p.m", "a. m", "p. m"))
_TRIGGERS: dict[str, tuple[str | Words, int, int]] = {
    "iso": (r'(?:19|20)\d\d-', 6, 24),
    "dotted": (r'(?:19|20)\d\d\.', 6, 24),
    "korean": (r'년', 8, 12),
    "slash_ymd": (r'(?:19|20)\d\d/', 6, 12),
    "slash_mdy": (r'/(?:19|20)\d\d', 10, 6),
    "md_range": (_MONTH_HINT, 2, 45),
    "dm_range": (_MONTH_HINT, 16, 12),
    "mdy": (_MONTH_HINT, 16, 45),
    "dmy": (_MONTH_HINT, 30, 30),
    "my": (_MONTH_HINT, 2, 30),
    "my_rel": (_MONTH_HINT, 2, 45),
    "ord_range": (r'\d(?:st|nd|rd|th)\b', 12, 48),
    "ord_day": (r'\d(?:st|nd|rd|th)\b', 45, 24),
    "ord_tail": (r'\d(?:st|nd|rd|th)\b', 10, 24),
    "relday": (Words(("today", "tonight", "tomorrow", "yesterday")), 2, 32),
    "part": (Words(("half", "quarter")), 20, 40),
    "part_bare": (Words(("quarter",)), 20, 4),
    "quarter_code": (r'[QH][1-4]', 2, 14),
    "half_code": (r'[QH][1-4]', 2, 14),
    "fy": (r'FY', 2, 16),
    "fiscal": (Words(("fiscal",)), 2, 28),
    "ago": (Words(("ago", "earlier")), 60, 4),
    "relperiod": (Words(("year", "month", "week", "quarter")), 32, 6),
    "year_ago": (r'(?i:year-(?:ago|earlier)|prior-year|\bsame\s+(?:quarter|month))', 8, 40),
    "year_part": (Words(("year", "year-end")), 40, 4),
    "new_year": (Words(("year",)), 10, 2),
    "decade": (Words(("decade", "decades")), 20, 4),
    "year_range": (r'(?:19|20)\d\d', 2, 12),
    "year": (r'(?:19|20)\d\d', 6, 6),
    "duration": (Words(tuple(lex.DURATION_UNITS)), 95, 14),
    "vague_duration": (Words(("several", "few", "many", "recent")), 30, 20),
    "century": (Words(("century",)), 50, 2),
    "hms": (r'\d:[0-5]\d:[0-5]\d', 2, 8),
    "decade_years": (r'(?:1[89]|20)\d0s', 20, 4),
    "time_range": (_MERIDIEM_HINT, 26, 20),
    "time12": (_MERIDIEM_HINT, 12, 20),
    "time24": (r'\d:[0-5]\d', 4, 20),
    "noon": (Words(("noon", "midnight")), 2, 10),
    "month": (_MONTH_HINT, 2, 12),
    "weekday": (Words(tuple(w for w in lex.WEEKDAYS if len(w) > 5)), 20, 12),
    "rel_month": (_MONTH_HINT, 16, 2),
}

def _trigger(spec: str | Words) -> re.Pattern[str] | Words:
    return spec if isinstance(spec, Words) else re.compile(spec)


RULES: tuple[Rule, ...] = tuple(
    Rule(name, re.compile(pattern), handler, _trigger(_TRIGGERS[name][0]), *_TRIGGERS[name][1:])
    for name, pattern, handler in (
        ("iso", rf"(?<![\d.\-/])(?P<y>{_YEAR})-(?P<m>\d\d?)-(?P<d>\d\d?)"
                rf"(?:(?:\s+|T)(?P<H>[01]\d|2[0-4]):(?P<M>[0-5]\d))?(?![\d\-])", h_iso),
        ("dotted", rf"(?<![\d.])(?P<y>{_YEAR})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<d>\d{{1,2}})(?![\d])(?:\.(?!\d))?"
                   r"(?:\s+(?P<H>[01]\d|2[0-4]):(?P<M>[0-5]\d)(?!\d))?", h_iso),
        ("korean", rf"(?P<y>{_YEAR})년\s*(?P<m>\d{{1,2}})월\s*(?P<d>\d{{1,2}})일(?P<H>)?(?P<M>)?", h_iso),
        ("slash_ymd", rf"(?<![\d/])(?P<y>{_YEAR})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\d/])(?P<H>)?(?P<M>)?", h_iso),
        ("slash_mdy", rf"(?<![\d/])(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>{_YEAR})(?![\d/])(?P<H>)?(?P<M>)?", h_iso),
        ("md_range", rf"{_MON}\s+(?P<d1>\d{{1,2}}){_ORD}?{_WD_PAREN}\s*(?:{_DASH}|\s(?:to|through|until)\s)\s*"
                     rf"(?P<d2>\d{{1,2}}){_ORD}?(?![\d:]){_WD_PAREN}(?!\s*(?i:[ap]\.?m\b))(?:,?\s+(?P<y>{_YEAR})(?!\d))?", h_md_range),
        ("dm_range", rf"(?<![\d.,])(?P<d1>\d{{1,2}}){_ORD}?\s*{_DASH}\s*(?P<d2>\d{{1,2}}){_ORD}?\s+{_MON}"
                     rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?", h_md_range),
        ("mdy", rf"(?:(?P<wd>{_WD}),?\s+)?{_MON}\s+(?P<d>\d{{1,2}}){_ORD}?(?![\d:])(?:,?\s+(?P<y>{_YEAR})(?!\d))?"
                rf"(?:\s*\((?:{_WD})\)?)?", h_mdy),
        ("dmy", rf"(?:(?P<wd>{_WD}),?\s+)?(?<![\d.,])(?P<d>\d{{1,2}}){_ORD}?\s+(?:of\s+)?{_MON}"
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?(?:\s*\((?:{_WD})\))?", h_mdy),
        ("my", rf"{_MON},?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\d])", h_my),
        ("my_rel", rf"{_MON}\s+(?:of\s+)?{_REL}\s+(?i:year)\b", h_my),
        ("ord_range", rf"\b(?i:the)\s+(?P<d1>\d{{1,2}}){_ORD}\s*(?:{_DASH}|\s(?:to|through|until)\s)\s*(?:the\s+)?"
                      rf"(?P<d2>\d{{1,2}}){_ORD}\b{_OF_MONTH}", h_ord_range),
        ("ord_day", rf"\b(?i:the)\s+(?:(?i:early\s+|late\s+)?(?i:morning|afternoon|evening|night)\s+of\s+the\s+)?"
                    rf"(?P<d>\d{{1,2}}){_ORD}\b{_OF_MONTH}", h_ord_day),
        ("ord_tail", rf"(?<=\d(?:st|nd|rd|th) and )(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\b{_OF_MONTH}", h_ord_day),
        ("relday", r"\b(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:'s|’s)?\b(?P<par>\s*\([^()\n]{1,24}\)?)?", h_relday),
        ("part", rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latter|final))\s+"
                 rf"(?P<unit>(?i:half|quarter))\s+of\s+(?:{_REL}\s+(?i:year)|(?i:the\s+year)|"
                 rf"(?:(?i:fiscal\s+)(?:(?i:year)\s+)?)?(?P<y>{_YEAR}))\b", h_part),
        ("part_bare", r"\b(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?P<unit>(?i:quarter))"
                      r"\b(?!\s+of\b|-)", h_part),
        ("quarter_code", rf"\bQ(?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_YEAR})?\b", h_part),
        ("half_code", rf"\bH(?P<h>[12])\s+(?P<y>{_YEAR})\b", h_part),
        ("fy", rf"\bFY\s?'?(?P<y>{_YEAR}|\d\d)(?:\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d))?(?![\d])", h_fy),
        ("fiscal", rf"\b(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<y>{_YEAR})(?:\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d))?(?![\d])", h_fy),
        ("ago", rf"\b(?P<n>{_NUMW}|(?i:an?))\s+(?P<u>(?i:years?|months?|weeks?|days?))\s+(?i:ago|earlier)\b", h_ago),
        ("relperiod", r"\b(?P<rel>(?i:the\s+(?:past|last|next|coming|previous|following|same|current|latest|most\s+recent)|this|last|next|"
                      r"past|coming|following|previous|current))\s+(?P<unit>(?i:year|month|week|quarter|(?:fiscal|financial)\s+year))\b",
         h_relperiod),
        ("year_ago", r"\b(?:(?i:the)\s+)?(?:(?i:year-ago|year-earlier|prior-year)\s+(?P<unit>(?i:quarter|month))\b"
                     r"|(?i:same)\s+(?P<unit2>(?i:quarter|month))\s+(?:(?i:of\s+)?(?i:last\s+year|the\s+previous\s+year)"
                     r"|(?i:a\s+year\s+(?:ago|earlier))))", h_year_ago),
        ("year_part", r"\b(?i:(?:the\s+)?(?:end|beginning|start|middle|close|rest|remainder)\s+of\s+the\s+year|year-end)\b",
         h_year_part),
        ("new_year", r"\b(?i:the)\s+new\s+year\b(?!['’]s|\s+[A-Z])", h_new_year),
        ("decade", r"\b(?i:(?:the\s+)?(?:past|last|next|coming)|a)\s+(?i:decade)\b", h_decade),
        ("year_range", rf"(?<![\w$£€¥₩.,/:#+\-])(?P<y>{_YEAR})\s*(?:{_DASH}\s*(?P<y2>{_YEAR}|\d\d)|/(?P<y3>{_YEAR}|\d\d))(?![\d%]|[.,\-/]\d)", h_year_range),
        ("year", rf"(?:(?<=mid-)|(?<![\w$£€¥₩.,/:#+\-]))(?P<y>{_YEAR})(?!s\b)(?![\w%]|[.,:/]\d|\s*%|-\d)", h_year),
        ("duration", rf"(?:\b(?i:{_QUAL})\s+)?(?:(?i:the)\s+)?(?:(?i:past|last|next|coming|following|first|previous|"
                     rf"initial|remaining|additional|another)\s+)?(?<![\d.,])\b(?P<n1>{_NUMW}|(?i:an?)(?=\s))(?:\s*(?:(?i:to|or)|{_DASH})\s*"
                     rf"(?P<n2>{_NUMW}))?(?:\s+|-)(?:(?i:consecutive|straight|full|more|additional|successive)\s+)?"
                     rf"(?P<u>(?i:{_UNITS}))\b(?!-old|\s+old\b|\s+of\s+age|\s+ago\b|\s+earlier\b)", h_duration),
        ("vague_duration", r"(?:(?i:the)\s+)?(?:(?i:past|last|next|coming|previous|following)\s+)?"
                           r"(?:(?i:several|a\s+few|few|many|recent)\s+)"
                           r"(?P<u>(?i:years|months|weeks|days|hours|minutes|decades))\b(?!\s+ago\b|\s+old\b)", h_vague_duration),
        ("century", r"(?:(?i:the)\s+)?(?:(?i:early|late|mid|turn\s+of\s+the)[\s-]+)?"
                    r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>(?i:(?:twenty|thirty)-)?(?i:first|second|third|fourth|fifth|sixth|"
                    r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                    r"eighteenth|nineteenth|twentieth)))(?P<sep>[\s-]+)(?i:century)\b(?!-)", h_century),
        ("hms", r"(?<![\d:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])(?!\s*(?i:[ap]\.?m\b))", h_hms),
        ("decade_years", r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?<![\d])(?P<y>(?:1[89]|20)\d0)s\b", h_decade_years),
        ("time_range", rf"(?<![\d:.,])(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?:{_DASH}|\sto\s)\s*"
                       rf"(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?\s*{_MER}{_TZ}", h_time_range),
        ("time12", rf"(?<![\d:.,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*{_MER}{_TZ}", h_time),
        ("time24", rf"(?<![\d:.,$])(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?![\d:])(?!\s*(?i:[ap]\.?m\b)){_TZ}", h_time),
        ("noon", r"\b(?P<w>(?i:noon|midnight))\b", h_noon),
        ("month", rf"\b(?P<mon>{_alt(lex.FULL_MONTHS)})\b(?!\s*\d)", h_month),
        ("weekday", rf"\b(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{_alt(_WD_FULL)})\b"
                    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?", h_weekday),
        ("rel_month", rf"(?:\b(?i:early|late|mid)[\s-]+)?\b(?P<rel>(?i:last|next|this|coming|past))\s+"
                      rf"(?P<mon>{_alt(lex.FULL_MONTHS)})\b(?!\s*\d)", h_rel_month),
    )
)

RULE_ORDER = {rule.name: i for i, rule in enumerate(RULES)}


def candidates(text: str, anchor: Anchor | None) -> list[Atom]:
    """Every atom any rule finds in ``text`` (overlapping; `temporal` settles them)."""
    ctx = Context(text, anchor)
    lower = text.lower()
    found: list[Atom] = []
    for rule in RULES:
        for m in rule.matches(text, lower):
            atom = rule.handler(m, ctx)
            if atom is not None and atom.end > atom.start:
                atom.rule = rule.name
                found.append(atom)
    return found
