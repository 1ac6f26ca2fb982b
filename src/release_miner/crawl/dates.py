"""Publication dates as city sites print them, normalised to ISO ``YYYY-MM-DD``.

Korean boards print ``2025.03.27``, ``2025. 6. 26`` or ``2025년 3월 27일``; English sites
print ``March 27, 2025`` or ``27 March 2025``; URLs carry ``/2025/03/27/``. Patterns are
kept as data here so a new site format is one line.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {name: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for name in names}
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

#: Date patterns in the order tried; each yields year, month (number or name) and day.
DATELINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<month>\d{1,2})\s*(?:[.\-/]|월)\s*"
               r"(?P<day>\d{1,2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.I),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})(?!\d)",
               re.I),
)

#: Dates in URL paths: ``/2025/03/27/``, ``/2025-03-27-slug``, ``/20250327/``.
URL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?:/|$|[-_.])"),
)


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        month = _MONTHS[groups["month_name"].lower()] if groups.get("month_name") else int(groups["month"])
        return date(year, month, int(groups["day"])).isoformat()
    except (KeyError, ValueError):
        return None


def find_date(text: str | None) -> str | None:
    """The earliest valid date printed in ``text`` (any supported format), as ISO."""
    if not text:
        return None
    found: list[tuple[int, str]] = []
    for pattern in DATELINE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def date_from_url(url: str) -> str | None:
    """A full date carried in a URL path, if any (month-only paths are not a publication date)."""
    for pattern in URL_DATE_PATTERNS:
        match = pattern.search(url)
        if match:
            iso = _iso(match)
            if iso:
                return iso
    return None
