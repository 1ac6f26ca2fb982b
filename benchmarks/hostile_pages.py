"""Hostile input for the crawler's readers: time and peak memory must grow linearly with the input.

Usage (from the repository root)::

    python benchmarks/hostile_pages.py                                # print the Markdown report
    python benchmarks/hostile_pages.py --record benchmarks/RESULTS.md

Cases, each at three sizes, each size in a fresh process (so peak RSS is that case's own):

- ``nested``: a page of N nested ``<div>`` elements around one paragraph, read by
  `pages.analyse` (what the crawler and local ``.html`` files use);
- ``links``: a page listing N attachment links, read by `pages.analyse`;
- ``robots-wildcards``: a ``Disallow: /*a*a*...*b`` rule with 40 wildcards checked against
  100 paths of N ``a`` characters (a translated regular expression backtracks exponentially);
- ``robots-rules``: a robots.txt of N rules parsed, then 1,000 URLs checked (rules are capped).

Linear work shows as time roughly doubling when N doubles; the machine line says what ran it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from results import machine, record  # noqa: E402

PROSE = ("Northbrook Council will open a new library in ward nine next spring, with study rooms, a children's "
         "corner and late opening on weekdays, at a cost of four million pounds, the council said on Monday.")

SIZES = {"nested": (25_000, 50_000, 100_000), "links": (10_000, 20_000, 40_000),
         "robots-wildcards": (2_500, 5_000, 10_000), "robots-rules": (62_500, 125_000, 250_000)}


def _nested(n: int) -> str:
    return f"<html><body>{'<div>' * n}<p>{PROSE}</p>{'</div>' * n}</body></html>"


def _links(n: int) -> str:
    items = "".join(f'<li><a href="/files/doc{i}.pdf">Annual report number {i}</a></li>' for i in range(n))
    return (f"<html><head><title>Files</title></head><body><main><h1>Council documents</h1><p>2025-06-01</p>"
            f"<p>{PROSE}</p><ul>{items}</ul></main></body></html>")


def run_case(case: str, size: int) -> dict:
    """One case at one size, in this process; returns seconds, CPU seconds and a check value."""
    if case in ("nested", "links"):
        from release_miner.crawl.pages import analyse

        html = _nested(size) if case == "nested" else _links(size)
        start, cpu = time.perf_counter(), time.process_time()
        info = analyse(html, "https://city.example/news/page.html")
        check = f"text {len(info.text)} chars, {len(info.attachments)} attachments"
    else:
        from release_miner.crawl.robots import Robots

        start, cpu = time.perf_counter(), time.process_time()
        if case == "robots-wildcards":
            robots = Robots.parse("User-agent: *\nDisallow: /" + "*a" * 40 + "*b\n", "release-miner")
            allowed = sum(robots.allowed(f"https://x/{'a' * size}{k}") for k in range(100))
            check = f"{allowed}/100 allowed"
        else:
            body = "User-agent: *\n" + "".join(f"Disallow: /section{n}/*/page$\n" for n in range(size))
            robots = Robots.parse(body, "release-miner")
            allowed = sum(robots.allowed(f"https://x/news/{k}/page") for k in range(1000))
            check = f"{len(robots.rules)} rules kept, {allowed}/1000 allowed"
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "check": check}


def measure(case: str, size: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", case, "--size", str(size)], capture_output=True,
                         text=True, check=True, timeout=1800)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="append the Markdown report to this file")
    parser.add_argument("--case", choices=sorted(SIZES), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.size)))
        return
    rows = []
    for case, sizes in SIZES.items():
        for size in sizes:
            result = measure(case, size)
            rows.append(f"| {case} | {size:,} | {result['seconds']:.2f} | {result['cpu']:.2f} | "
                        f"{result['peak_mib']:.0f} | {result['check']} |")
            print(rows[-1], file=sys.stderr)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = (f"## Hostile pages and robots.txt ({when})\n\n"
              f"Machine: {machine()}. `benchmarks/hostile_pages.py`; each row a fresh process "
              "(peak RSS includes Python, lxml, BeautifulSoup and trafilatura).\n\n"
              "| case | N | wall s | CPU s | peak RSS MiB | check |\n|---|---|---|---|---|---|\n"
              + "\n".join(rows) + "\n")
    print(report)
    record(report, args.record)


if __name__ == "__main__":
    main()
