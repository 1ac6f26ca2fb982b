"""Find dates, times, durations and ranges in text and normalise them to ISO 8601.

Why not a general parser: press releases say "at 2 p.m. on the 27th", "today (23rd)",
"January of this year" or "Sep. 21–Oct. 3", which general parsers misread (``1st`` becomes
January) or cannot anchor. This module is a small grammar instead:

1. *Atoms* are found by the compiled rules of `temporal_rules`, built from the word tables
   in `temporal_lexicon` (month names, units, modifiers). Each rule's handler turns its match
   into calendar `Point` values (`temporal_values`), resolving relative and partial forms
   against an `Anchor` (the publication date, possibly known only to the month or year).
2. Overlapping atoms are settled longest-first.
3. Adjacent atoms are *composed*: two dates joined by "to"/"–"/"until" become a range, a
   clock time next to a day ("2 p.m. on the 27th") becomes one date-time, and a clock time
   standing alone takes the day last mentioned before it (an event's schedule).

Everything here is pure: `find_dates(text, anchor)` returns `DateMention` records; the
spaCy component in `dates` only wires it into the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ..records import DateMention
from . import temporal_lexicon as lex
from .temporal_rules import RULE_ORDER, RULES, candidates
from .temporal_values import Anchor, Atom, Point

#: Text between two atoms that makes them one range ("2021 to 2024", "Sep. 21–Oct. 3").
RANGE_GAP = re.compile(r"\s*(?:-|–|—|~|to|through|thru|until|till)\s*", re.I)
RANGE_GAP_BETWEEN = re.compile(r"\s*and\s*", re.I)
RANGE_OPENERS = re.compile(r"(?:\b(?:from|between|beginning|starting|running)\s+)$", re.I)
#: Text between a day and a clock time that makes them one date-time ("27th at 2 p.m.").
DAY_THEN_CLOCK = re.compile(r"\s*(?:\([^()\n]{1,12}\))?\s*,?\s*(?:(?:at|from|,)\s*)?", re.I)
LIST_GAP = re.compile(r"\s*(?:\([^()\n]{1,12}\))?\s*,\s*")
CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?", re.I)
#: Words kept at the front of a mention ("by 2026", "at 2 p.m.", "the end of March").
def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


PREFIX = re.compile(
    rf"(?:(?:\b(?:the\s+)?(?:{_words(lex.PERIOD_EDGES)})\s+of\s+(?:the\s+)?)"
    rf"|(?:\b(?:{_words(lex.PERIOD_EDGE_ADVERBS)})[\s-]+)|(?:\b(?:{_words(lex.DATE_PREPOSITIONS)})\s+))+$",
    re.I,
)


def _settle(atoms: list[Atom]) -> list[Atom]:
    """Keep the longest of overlapping atoms (earlier rule on a tie)."""
    atoms.sort(key=lambda a: (-(a.end - a.start), RULE_ORDER.get(a.rule, 99), a.start))
    taken: list[Atom] = []
    for a in atoms:
        if all(a.end <= t.start or a.start >= t.end for t in taken):
            taken.append(a)
    return sorted(taken, key=lambda a: a.start)


def _rangeable(a: Atom, b: Atom) -> bool:
    if a.kind == "duration" or b.kind == "duration" or a.kind == "range" or b.kind == "range":
        return False
    if a.is_clock != b.is_clock:
        return False
    pa, pb = a.points[0], b.points[0]
    if a.is_clock:
        return pa.sort_key() < pb.sort_key() or _overnight(pa, pb)
    if a.kind != "date" or b.kind != "date":
        return False
    if pa.grain != pb.grain and {pa.grain, pb.grain} != {"month", "day"}:
        return False
    if pb.explicit_year and not pa.explicit_year and pa.month is not None and pb.year is not None:
        pa.year = pb.year if (pa.month, pa.day or 0) <= (pb.month or 0, pb.day or 0) else pb.year - 1
    elif b.rule == "stated_year" and pb.year is None:
        # "from October 1 2020 to March 31 this year" with no publication date: one range, no value
        return a.points[0].month is not None
    elif not pb.explicit_year and pa.year is not None and pb.month is not None:
        # the end of "Sep. 21–Oct. 3" follows its start, whatever year lies nearest the anchor
        pb.year = pa.year if (pb.month, pb.day or 0) >= (pa.month or 0, pa.day or 0) else pa.year + 1
    if pa.year is None or pb.year is None:
        return pa.year is None and pb.year is None and (pa.month or 0, pa.day or 0) < (pb.month or 0, pb.day or 0)
    return pa.sort_key() < pb.sort_key()


def _overnight(start: Point, end: Point) -> bool:
    """"from 10 p.m. to 5 a.m.", "between 4.30pm until 12.30am": an evening start and a morning
    end are one night, the end on the next day."""
    return start.hour is not None and end.hour is not None and start.hour >= 12 and end.hour < 12


def _merge_neighbours(atoms: list[Atom], merge: Callable[[Atom, Atom], list[Atom] | None]) -> list[Atom]:
    """Walk neighbouring atoms left to right; a pair ``merge`` replaces is consumed whole."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        merged = merge(atoms[i], atoms[i + 1]) if i + 1 < len(atoms) else None
        if merged is not None:
            out.extend(merged)
            i += 2
        else:
            out.append(atoms[i])
            i += 1
    return out


_YEAR_GAP = re.compile(r",?[ \t]+")


def _compose_stated_years(text: str, atoms: list[Atom]) -> list[Atom]:
    """"March 31 this year", "June 21 next year": a day or month without a year takes the
    relative year written after it (unresolved, with the value null, when the release has no date)."""
    def with_year(a: Atom, b: Atom) -> list[Atom] | None:
        if a.kind != "date" or b.kind != "date" or b.rule != "relperiod" or b.points[0].grain != "year" \
                or a.points[0].explicit_year or a.points[0].month is None \
                or not _YEAR_GAP.fullmatch(text[a.end:b.start]):
            return None
        year = b.points[0].year
        point = replace(a.points[0], year=year, explicit_year=year is not None)
        return [Atom(a.start, b.end, "date", [point], rule="stated_year")]

    return _merge_neighbours(atoms, with_year)


def _compose_ranges(text: str, atoms: list[Atom]) -> list[Atom]:
    def as_range(a: Atom, b: Atom) -> list[Atom] | None:
        gap = text[a.end : b.start]
        opener = RANGE_OPENERS.search(text[max(0, a.start - 12) : a.start])
        joined = RANGE_GAP.fullmatch(gap) or (
            opener and opener.group(0).lower().startswith("between") and RANGE_GAP_BETWEEN.fullmatch(gap)
        )
        if joined and _rangeable(a, b):
            return [Atom(a.start, b.end, "range", [a.points[0], b.points[0]], rule="range")]
        return None

    return _merge_neighbours(atoms, as_range)


def _with_day(clock: Atom, day: Atom, start: int, end: int) -> Atom:
    d = day.points[0]
    pts = [replace(p, year=d.year, month=d.month, day=d.day) if d.has_date else p for p in clock.points]
    if len(pts) == 2 and d.as_date is not None and _overnight(*clock.points):
        pts[1] = replace(pts[1], **_ymd(d.as_date + timedelta(days=1)))
    return Atom(start, end, clock.kind, pts, rule="datetime")


def _ymd(day: date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _compose_datetimes(text: str, atoms: list[Atom]) -> list[Atom]:
    def as_datetime(a: Atom, b: Atom) -> list[Atom] | None:
        gap = text[a.end : b.start]
        if a.is_day and b.is_clock and DAY_THEN_CLOCK.fullmatch(gap):
            if LIST_GAP.fullmatch(gap):
                # "Date/Time: September 18, 2025 (Thu), 9:00–10:00": two fields, one day
                return [a, _with_day(b, a, b.start, b.end)]
            return [_with_day(b, a, a.start, b.end)]
        if a.is_clock and b.is_day and CLOCK_THEN_DAY.fullmatch(gap):
            return [_with_day(a, b, a.start, b.end)]
        return None

    return _merge_neighbours(atoms, as_datetime)


#: A stretch of time counted from an event, not from a date: "ten days before the vote".
_FROM_EVENT = re.compile(r"\s+(?:before|after|prior\s+to|ahead\s+of|following)\s+(?!\d)(?:the\s+|a\s+|an\s+|its\s+)?[a-z]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _date_clocks(atoms: list[Atom], anchor: Anchor | None, text: str = "") -> None:
    """A single clock time alone takes the day last mentioned before it, else the anchor day.

    A range of clock times alone ("from 6 pm to midnight") reads as a schedule and keeps no day,
    unless a day was named earlier in its sentence.
    A clock time after a stretch counted from an event ("ten days before the vote, at 6 a.m.")
    is on a day the text does not give: until the sentence ends it keeps no day.
    """
    last_day: Point | None = None
    last_day_end = -1
    moved_until = -1
    for a in atoms:
        if a.kind == "duration" and _FROM_EVENT.match(text, a.end):
            end = _SENTENCE_END.search(text, a.end)
            moved_until = end.start() if end else len(text)
            continue
        if a.is_clock and a.kind == "time":
            if a.start < moved_until:
                continue  # the day moved by an event the text does not date
            day = last_day if last_day is not None else (Point.of(anchor.date) if anchor and anchor.date else None)
            if day is not None and day.has_date:
                a.points = [replace(p, year=day.year, month=day.month, day=day.day) for p in a.points]
        elif a.is_clock and a.kind == "range":
            # "playing on June 30th, and roads close between 4.30pm until 12.30am": the hours of
            # that day; with no day earlier in the sentence the range is a schedule
            if last_day is not None and last_day.has_date and a.start >= moved_until \
                    and not _SENTENCE_END.search(text, last_day_end, a.start):
                dated = _with_day(a, Atom(0, 0, "date", [last_day]), a.start, a.end)
                a.points = dated.points
        elif a.is_day or (a.kind == "time" and a.points[0].month is not None):
            last_day = a.points[0]
            last_day_end = a.end


def _extend_prefix(text: str, atoms: list[Atom]) -> None:
    prev_end = 0
    for a in atoms:
        if a.kind != "duration":
            window = text[max(prev_end, a.start - 40) : a.start]
            m = PREFIX.search(window)
            if m and m.group(0).strip():
                a.start -= len(window) - m.start()
        if a.kind == "range":
            window = text[max(prev_end, a.start - 14) : a.start]
            m = RANGE_OPENERS.search(window)
            if m:
                a.start -= len(window) - m.start()
        prev_end = a.end


def find_atoms(text: str, anchor: Anchor | None) -> list[Atom]:
    """Recognised and composed expressions, in text order."""
    atoms = _settle(candidates(text, anchor))
    atoms = _compose_stated_years(text, atoms)
    atoms = _compose_ranges(text, atoms)
    atoms = _compose_datetimes(text, atoms)
    _date_clocks(atoms, anchor, text)
    return atoms


def find_dates(
    text: str,
    anchor: Anchor | str | None = None,
    *,
    keep_unresolved: bool = False,
    vague_durations: bool = False,
) -> list[DateMention]:
    """Every date, time, duration and range in ``text``, normalised against ``anchor``.

    ``anchor`` is the publication date (`Anchor` or an ISO string; month/day may be missing).
    Mentions whose value cannot be resolved (a weekday with no known publication date) are
    dropped unless ``keep_unresolved``. Periods of unstated length ("several days", "recent
    weeks": ISO ``PXD``, ``PXW``) are vague words, which the annotation guidelines do not count
    as dates; ``vague_durations`` keeps them (as TimeML-style corpora annotate them).
    """
    if not isinstance(anchor, Anchor):
        anchor = Anchor.parse(anchor)
    atoms = find_atoms(text, anchor)
    if not vague_durations:
        atoms = [a for a in atoms if a.rule != "vague_duration"]
    _extend_prefix(text, atoms)
    mentions = [a.mention(text) for a in atoms]
    return [m for m in mentions if keep_unresolved or m.value is not None]


__all__ = ["Anchor", "Atom", "Point", "RULES", "find_atoms", "find_dates"]
