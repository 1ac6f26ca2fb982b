"""Time and peak memory of mining one very long release (1, 5 and 50 MB of text by default).

Usage (from the repository root)::

    python benchmarks/long_release.py                                  # print the Markdown report
    python benchmarks/long_release.py --sizes 1 5 --record benchmarks/RESULTS.md

Each size runs in a fresh process, so its peak RSS (``ru_maxrss``, model load included)
is its own. The text is written for the benchmark: paragraphs of release-like sentences
with varying names, sums, dates and programmes, so that chunks bring new strings as real
text does. A long text is mined in paragraph-aligned chunks; the peak should stay well
below what keeping every chunk's Doc to the end would cost (gigabytes at 50 MB).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from results import machine, record  # noqa: E402

FIRST = ["Jane", "Min-ji", "Carlos", "Amara", "Hiroshi", "Olivia", "Tomasz", "Leila", "Sung-ho", "Grace"]
LAST = ["Holloway", "Kim", "Ortega", "Okafor", "Tanaka", "Brennan", "Nowak", "Haddad", "Park", "Whitfield"]
PLACES = ["Harbor", "Riverside", "Northgate", "Eastfield", "Lakeshore", "Hillcrest", "Westbrook", "Southpoint"]
THINGS = ["libraries", "bus routes", "housing units", "clinics", "parks", "job centres", "bike lanes", "schools"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def synthetic_text(megabytes: float, seed: int = 7) -> str:
    """About ``megabytes`` MB of release-like prose, deterministic for a seed."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs, size, n = [], 0, 0
    while size < target:
        n += 1
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        place = rng.choice(PLACES)
        para = (f"Deputy Mayor {who} said the {place} District Council approved ${rng.randint(1, 900)}.{rng.randint(1, 9)}"
                f" million for {rng.randint(2, 400)} new {rng.choice(THINGS)} under programme {n}, starting in "
                f"{rng.choice(MONTHS)} {rng.randint(2024, 2030)}. The {place} Transit Authority will add "
                f"{rng.randint(3, 90)} buses, and {rng.randint(5, 60)}% of residents will live within 500 metres "
                f"of a stop by {rng.randint(2026, 2035)}.")
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs)


def measure_one(megabytes: float) -> dict:
    """Mine one release of ``megabytes`` MB in this process; time and peak RSS."""
    sys.path.insert(0, str(REPO / "src"))
    from release_miner.pipeline import Document, load_pipeline, mine_many

    nlp = load_pipeline()
    text = synthetic_text(megabytes)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    cpu = time.process_time()
    (release,) = mine_many([Document(text=text, id="long")], nlp=nlp)
    return {"mb": megabytes, "chars": len(text), "seconds": time.perf_counter() - start,
            "cpu_seconds": time.process_time() - cpu, "peak_rss_mib": resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_after_load_mib": loaded,
            "figures": len(release.figures), "people": len(release.people)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 50], help="release sizes in MB")
    parser.add_argument("--record", type=Path, help="append the report to this Markdown file")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # internal: measure one size, print JSON
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return
    rows = []
    for size in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True,
                              check=True)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"{size} MB done: {rows[-1]}", file=sys.stderr)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## One long release: time and peak memory ({when})", "", f"Machine: {machine()}", "",
             "Each size in a fresh process; peak RSS includes the loaded pipeline. Chunk Docs are freed as each"
             " chunk's records are taken.", "",
             "| release | characters | wall s | CPU s | RSS after load MiB | peak RSS MiB | figures | people |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['mb']:g} MB | {r['chars']:,} | {r['seconds']:.0f} | {r['cpu_seconds']:.0f} | "
                     f"{r['rss_after_load_mib']:.0f} | {r['peak_rss_mib']:.0f} | {r['figures']:,} | {r['people']:,} |")
    report = "\n".join(lines) + "\n"
    print(report)
    record(report, args.record)


if __name__ == "__main__":
    main()
