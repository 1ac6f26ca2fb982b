"""The review report: one self-contained HTML page for checking what was extracted.

    >>> from release_miner.report import write_report
    >>> write_report("releases.sqlite", "report.html", since="2025-01-01", city="Busan")

The page opens with a review queue (low-confidence policies, suggested person merges,
figures without a value) where a reviewer records decisions, then an overview with SVG
charts, then the releases with their text highlighted by mention kind and tables of
everything extracted. The queue, the overview and the release list follow the search and
filters; releases render a page at a time from JSON embedded in the page, so large datasets
open fast. Nothing is fetched from the network.

Modules: `data` reads and filters the store (with reviewers' decisions laid over it),
`money` decides which amounts add up, `stats` attributes money to categories, `review` the
queue threshold, `highlight` the spans to mark, `render` the page data and
``assets/report.html.j2``; ``assets/report.js`` draws it.
"""

from __future__ import annotations

from pathlib import Path

from ..outputs import atomic_text, check_output_file
from .data import ReportData, load_report_data
from .render import render_report
from .review import LOW_CONFIDENCE, ReviewQueue, review_queue


def build_report(db_path: str | Path, *, since: str | None = None, city: str | None = None,
                 low_confidence: float = LOW_CONFIDENCE, csp: bool = True) -> str:
    """The report for the dataset at ``db_path`` as an HTML string."""
    data = load_report_data(db_path, since=since, city=city)
    return render_report(data, review_queue(data, low_confidence=low_confidence), csp=csp)


def write_report(db_path: str | Path, output_path: str | Path, *, since: str | None = None,
                 city: str | None = None, low_confidence: float = LOW_CONFIDENCE) -> Path:
    """Write the report to ``output_path`` (atomically: a partial file never replaces a good one).

    ``since`` (``YYYY[-MM[-DD]]``) keeps releases published on or after that date; ``city`` keeps
    releases from that city (``releases.city``, recorded at ingest: see `release_miner.cities`).
    Raises FileNotFoundError when the dataset does not exist, ValueError for a malformed ``since``.
    """
    check_output_file(output_path)
    html = build_report(db_path, since=since, city=city, low_confidence=low_confidence)
    with atomic_text(output_path) as fh:
        fh.write(html)
    return Path(output_path)


__all__ = ["LOW_CONFIDENCE", "ReportData", "ReviewQueue", "build_report", "load_report_data", "render_report",
           "review_queue", "write_report"]
