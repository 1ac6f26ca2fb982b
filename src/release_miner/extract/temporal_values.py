"""Calendar values and their resolution against the publication date.

`Anchor` is the date a release was published (its month or day may be unknown); `Point` is
a calendar value at some grain; `Atom` is one recognised expression. The functions here
resolve partial and relative forms ("April 4", "the 27th", "last week", "on Tuesday")
against an anchor, so the grammar in `temporal_rules` stays a matter of patterns.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..records import DateMention
from . import temporal_lexicon as lex

# ---------------------------------------------------------------------------
# values


@dataclass(frozen=True)
class Anchor:
    """The date relative expressions are resolved against; month and day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (anything after the date is ignored)."""
        if not value:
            return None
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value))
        if not m:
            return None
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if not 1000 <= year <= 9000:
            return None
        try:
            if day:
                date(year, int(month), int(day))
                return cls(year, int(month), int(day))
            if month and 1 <= int(month) <= 12:
                return cls(year, int(month))
        except ValueError:
            return None
        return cls(year)

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@dataclass
class Point:
    """A calendar value at some grain; ``year`` None means it could not be resolved."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    grain: str = "day"
    explicit_year: bool = False

    @classmethod
    def of(cls, d: date, grain: str = "day") -> Point:
        return cls(d.year, d.month, d.day, grain=grain, explicit_year=True)

    @property
    def has_date(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.has_date else None  # type: ignore[arg-type]

    def iso(self) -> str | None:
        if self.grain == "minute":
            clock = f"T{self.hour:02d}:{self.minute:02d}"
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}{clock}" if self.has_date else clock
        if self.year is None:
            return None
        if self.grain == "century":
            return f"{self.year // 100:02d}"  # ISO 8601's century: "19" is 1900-1999
        if self.grain == "year":
            return f"{self.year:04d}"
        if self.month is None:
            return None
        if self.grain == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def sort_key(self) -> tuple:
        return (self.year or 0, self.month or 0, self.day or 0, self.hour or 0, self.minute or 0)


@dataclass
class Atom:
    """One recognised expression (before or after composition)."""

    start: int
    end: int
    kind: str  # date | time | duration | range
    points: list[Point] = field(default_factory=list)
    duration: str | None = None
    duration_max: str | None = None
    rule: str = ""

    @property
    def grain(self) -> str | None:
        if self.kind == "duration":
            unit = (self.duration or "")[-1:]
            if self.duration and self.duration.startswith("PT"):
                return "hour" if unit == "H" else "minute"
            return lex.DURATION_GRAIN.get(unit)
        return self.points[0].grain if self.points else None

    @property
    def value(self) -> str | None:
        if self.kind == "duration":
            return self.duration
        if self.kind == "range":
            a, b = (p.iso() for p in self.points)
            return f"{a}/{b}" if a and b else None
        return self.points[0].iso() if self.points else None

    @property
    def is_day(self) -> bool:
        """A date at day grain (resolved or not): a clock time can attach to it."""
        return self.kind == "date" and self.points[0].grain == "day"

    @property
    def is_clock(self) -> bool:
        """A clock time (or range of clock times) with no day of its own."""
        return self.kind in ("time", "range") and all(
            p.grain == "minute" and not p.has_date and p.month is None for p in self.points
        )

    def mention(self, text: str) -> DateMention:
        return DateMention(
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            kind=self.kind,
            value=self.value,
            grain=self.grain,
            value_max=self.duration_max,
        )


# ---------------------------------------------------------------------------
# resolution against the anchor


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + offset
    return total // 12, total % 12 + 1


_FUTURE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex.FUTURE_MARKERS) + r")\b", re.I)
_PAST_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in lex.PAST_MARKERS) + r"|[a-z]{3,}ed)\b(?!\s+(?:to|by)\b)", re.I
)


_TOWARD_RE = re.compile(
    r"\b(?:until|till|through|thru|ahead\s+of|no\s+later\s+than|(?:starting|beginning|effective)(?:\s+(?:in|on|from))?)"
    r"\s+(?:next\s+|this\s+)?$",
    re.I,
)


def tense(text: str, start: int, end: int | None = None) -> bool | None:
    """True when the sentence around ``start`` speaks of the future, False of the past, None when it does not say.

    A bound ahead ("closed until Tuesday", "postponed till December") points forward whatever
    the verb's tense; otherwise the tense marker nearest the expression decides ("said on
    Wednesday it plans to ..." is past).
    """
    if _TOWARD_RE.search(text, max(0, start - 24), start):
        return True
    return _nearest_tense(text, start, end)


def is_future(text: str, start: int, end: int | None = None) -> bool:
    """Does the sentence around ``start`` speak of the future ("will visit ... on Tuesday")?

    With no marker at all the report is read as past, as news usually is.
    """
    return bool(tense(text, start, end))


def _nearest_tense(text: str, start: int, end: int | None = None) -> bool | None:
    end = start if end is None else end
    lo = max(0, start - 200)
    left = text[lo:start]
    cut = max(left.rfind(". "), left.rfind("\n"))
    lo = lo + cut + 1
    right = text[end : end + 200]
    stop = min((i for i in (right.find(". "), right.find("\n")) if i >= 0), default=len(right))
    hi = end + stop
    best: tuple[int, bool] | None = None
    for regex, future in ((_PAST_RE, False), (_FUTURE_RE, True)):
        for m in regex.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue
            gap = start - m.end() if m.end() <= start else m.start() - end
            if best is None or gap < best[0]:
                best = (gap, future)
    return best[1] if best else None


def month_day(anchor: Anchor | None, month: int, day: int, year: int | None = None) -> Point:
    """A month and day; without a year, the year that puts it nearest the anchor."""
    if year is not None:
        return Point(year, month, day, explicit_year=True) if valid_day(year, month, day) else Point()
    if anchor is None:
        return Point(None, month, day)
    pivot = anchor.date or date(anchor.year, anchor.month or 7, 15 if anchor.month else 1)
    best: tuple[int, int] | None = None
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        if valid_day(y, month, day):
            gap = abs((date(y, month, day) - pivot).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return Point(best[1], month, day) if best else Point()


def bare_month(anchor: Anchor | None, month: int, future: bool | None = None) -> Point:
    """A month named alone: in a past-tense sentence the latest such month up to the anchor's,
    in a future-tense one the next from the anchor's on, otherwise the nearest (same year on a tie)."""
    if anchor is None:
        return Point(None, month, grain="month")
    if anchor.month is None:
        return Point(anchor.year, month, grain="month")
    if future is True:
        return Point(anchor.year if month >= anchor.month else anchor.year + 1, month, grain="month")
    if future is False:
        return Point(anchor.year if month <= anchor.month else anchor.year - 1, month, grain="month")
    here = anchor.year * 12 + anchor.month
    year = min((anchor.year, anchor.year - 1, anchor.year + 1), key=lambda y: abs(y * 12 + month - here))
    return Point(year, month, grain="month")


def day_of_month(anchor: Anchor | None, day: int) -> Point:
    """"The 27th": that day of the anchor's month (of the previous month when it is well past)."""
    if anchor is None or anchor.month is None:
        return Point(None, None, day)
    year, month = anchor.year, anchor.month
    if anchor.day is not None and day > anchor.day + 14:
        year, month = shift_month(year, month, -1)
    return Point(year, month, day) if valid_day(year, month, day) else Point()


def relative_day(anchor: Anchor | None, offset: int) -> Point:
    if anchor is None or anchor.date is None:
        return Point()
    return Point.of(anchor.date + timedelta(days=offset))


def weekday(anchor: Anchor | None, wd: int, direction: int, *, same_day: bool = True) -> Point:
    """The weekday ``wd`` nearest the anchor in ``direction`` (-1 past, +1 future).

    A release dated Thursday that says "on Thursday" means that very day (``same_day``);
    "last Thursday" and "next Thursday" do not.
    """
    if anchor is None or anchor.date is None:
        return Point()
    base = anchor.date
    if base.weekday() == wd and same_day:
        return Point.of(base)
    if direction > 0:
        return Point.of(base + timedelta(days=(wd - base.weekday()) % 7 or 7))
    return Point.of(base - timedelta(days=(base.weekday() - wd) % 7 or 7))


def period(anchor: Anchor | None, unit: str, offset: int) -> list[Point] | None:
    """"last year", "this month", "next week", "this quarter" relative to the anchor."""
    if anchor is None:
        return [Point(grain="year")]
    if unit == "year":
        return [Point(anchor.year + offset, grain="year")]
    if anchor.month is None:
        return [Point(grain="month")]
    if unit == "month":
        y, m = shift_month(anchor.year, anchor.month, offset)
        return [Point(y, m, grain="month")]
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + offset
        y, q = anchor.year + q // 4, q % 4 + 1
        return quarter(y, q, 4)
    if unit == "week":
        if anchor.date is None:
            return [Point()]
        monday = anchor.date - timedelta(days=anchor.date.weekday()) + timedelta(weeks=offset)
        return [Point.of(monday), Point.of(monday + timedelta(days=6))]
    return None


def quarter(year: int | None, index: int, parts: int) -> list[Point]:
    """Quarter (parts=4) or half (parts=2) ``index`` of ``year`` as a month range."""
    size = 12 // parts
    first = (index - 1) * size + 1
    return [Point(year, first, grain="month"), Point(year, first + size - 1, grain="month")]
