"""The publication date of a release when the input does not give one.

A release states its own date in a *dateline* near the top ("Nov 27, 2025 33 Views",
"Posting Date 2025.03.24", "SEATTLE (June 23, 2021) –", "Media release, Friday 10 July 2020")
or in its URL ("/2025/03/27/", article ids such as ``2025032709072621408``). A date written
anywhere else in the text is an event, not the publication, so only dateline-shaped lines
count. A URL that gives only the year and month ("/2023/09/") still anchors "this year";
it yields a partial `Anchor` that is not written back as the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from .temporal import Anchor, find_atoms
from .temporal_lexicon import MONTHS

#: How far into the text a dateline may sit (characters and lines).
DATELINE_CHARS = 700
DATELINE_LINES = 14

#: Labels that introduce a publication date on the same line.
DATELINE_LABELS = re.compile(
    r"(?:posting\s+date|posted(?:\s+on)?|published(?:\s+on)?|created(?:\s+on|\s+date)?|release\s+date|"
    r"date\s+of\s+(?:issue|release|publication)|updated(?:\s+on)?|issued(?:\s+on)?|media\s+release|news\s+release|"
    r"press\s+release|for\s+immediate\s+release|작성일|등록일|게시일)\s*[:：,]?\s*$",
    re.I,
)
#: A bare "date" label counts only on the first line: further down it heads an event's details.
FIRST_LINE_LABEL = re.compile(r"^\s*date\s*[:：]?\s*$", re.I)
#: What may stand beside a dateline on its line: view counters, bullets, bracketed place names.
DATELINE_REST = re.compile(r"^[\s•·|\-–—,:()\[\]]*(?:\d+\s*(?:views?|hits)?)?[\s•·|\-–—,:()\[\]]*$", re.I)
#: "SEATTLE (June 23, 2021) –", "London, 15 January 2024 –": a place opening the first
#: paragraph, then the date (in brackets or after a comma).
PLACE_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'\-]{1,40}\(|[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2},)$")

URL_FULL = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(r"(?<![\dA-Za-z])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{0,12})(?!\d)"),
)
URL_MONTH = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<mon>[a-z]{3,9})(?:/|$)", re.I),
)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def from_url(url: str | None) -> Anchor | None:
    """A full date in the URL, else a year and month, else None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in URL_FULL:
        for m in pattern.finditer(path):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if _valid(y, mo, d) and y <= date.today().year + 1:
                return Anchor(y, mo, d)
    for pattern in URL_MONTH:
        m = pattern.search(path)
        if m:
            mon = m.groupdict().get("mon")
            month = MONTHS.get(mon.lower()) if mon else int(m.group("m"))
            if month:
                return Anchor(int(m.group("y")), month)
    return None


def from_dateline(text: str) -> Anchor | None:
    """The date of a dateline-shaped line near the top of ``text``."""
    head = "\n".join(text[:DATELINE_CHARS].split("\n")[:DATELINE_LINES])
    for atom in find_atoms(head, None):
        p = atom.points[0] if atom.points else None
        if atom.kind not in ("date", "time") or p is None or not p.has_date or not p.explicit_year:
            continue
        line_start = head.rfind("\n", 0, atom.start) + 1
        line_end = head.find("\n", atom.end)
        line_end = len(head) if line_end < 0 else line_end
        left, right = head[line_start : atom.start], head[atom.end : line_end]
        left_core = re.sub(r"^[\s•·|\-–—]+", "", left)
        if not left_core.strip() and DATELINE_REST.match(right):
            return Anchor(p.year, p.month, p.day)  # type: ignore[arg-type]
        if DATELINE_LABELS.search(left_core) or (line_start == 0 and FIRST_LINE_LABEL.match(left_core)):
            return Anchor(p.year, p.month, p.day)  # type: ignore[arg-type]
        if PLACE_DATELINE.match(left_core.rstrip()):
            return Anchor(p.year, p.month, p.day)  # type: ignore[arg-type]
    return None


def infer_anchor(text: str, url: str | None = None, title: str | None = None) -> Anchor | None:
    """The best anchor the release itself offers: its dateline, else its URL."""
    found = from_dateline(text) or (from_dateline(title) if title else None)
    return found or from_url(url)


__all__ = ["from_dateline", "from_url", "infer_anchor"]
