"""``release-miner report``: the review report of a dataset as one self-contained HTML file."""

from __future__ import annotations

import argparse
import sys

from ..store import SchemaTooNew
from .common import CommandError, add_command


def register(subparsers) -> None:
    p = add_command(subparsers, "report", "write the review report (one offline HTML page) of a dataset", [
        "release-miner report --db releases.sqlite --output report.html",
        "release-miner report --db releases.sqlite --output busan.html --since 2025-06 --city Busan",
    ])
    p.add_argument("--db", default="releases.sqlite", help="the dataset file")
    p.add_argument("--output", "-o", default="report.html", metavar="HTML", help="where to write the page")
    p.add_argument("--since", metavar="DATE", help="only releases published on or after YYYY[-MM[-DD]]")
    p.add_argument("--city", metavar="NAME",
                   help="only releases from this city (as recorded when each release was stored: site, URL host, "
                        "places it names)")
    p.add_argument("--low-confidence", type=float, default=None, metavar="P",
                   help="policies below this confidence go to the review queue (default 0.7)")
    p.set_defaults(handler=handle)


def partial_date(value: str) -> str:
    """A ``--since`` value checked as a calendar date, a month or a year (``2025-13`` is refused
    before any work, not read as "no releases")."""
    import datetime as dt

    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        dt.datetime.strptime(value, formats[len(value)])
    except (KeyError, ValueError):
        raise CommandError(f"--since {value!r} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def handle(args: argparse.Namespace) -> int:
    from ..report import LOW_CONFIDENCE, write_report

    if args.since is not None:
        partial_date(args.since)
    try:
        target = write_report(args.db, args.output, since=args.since, city=args.city,
                              low_confidence=LOW_CONFIDENCE if args.low_confidence is None else args.low_confidence)
    except (FileNotFoundError, SchemaTooNew, ValueError) as exc:
        raise CommandError(str(exc)) from None
    print(f"report written to {target}", file=sys.stderr)
    from .crawl import print_waiting

    print_waiting(args.db)   # a report with no (or too few) releases after a crawl without --run says why
    return 0
