"""Size and speed of the review report at scale, in headless chromium; and highlighting of very long releases.

Usage (from the repository root)::

    python benchmarks/report_speed.py                                   # 2,000 releases, print the report
    python benchmarks/report_speed.py --releases 2000 10000 --record benchmarks/RESULTS.md

What it measures:

- a dataset of N releases built from the sample corpus mined once by the real pipeline: each
  synthetic release joins three mined samples (their records moved with their text), with its
  own id, date and text, stored through `Store` like any other release;
- the time to write the report (`write_report`) and the page size;
- in headless chromium (a fresh profile per load, so nothing is cached), from navigation start:
  first contentful paint (the page head), the first frame after the script drew the overview and
  the review queue (``body[data-painted-ms]``), and the first frame after the first page of
  releases was drawn and highlighted (``body[data-releases-ms]``);
- highlighting of one very long release (1 MB and 5 MB of text, a mention every 60 characters):
  report write time, peak Python heap while writing it, and the time until chromium has drawn it.

Targets: page < 15 MB and first paint < 2 s at 2,000 releases. Load on a shared machine moves the
times; the sizes do not move.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from results import machine, record  # noqa: E402

from release_miner.records import Figure, Organization, Person, Policy, Release  # noqa: E402
from release_miner.report import write_report  # noqa: E402
from release_miner.report.render import PAGE_SIZE  # noqa: E402
from release_miner.store import Store  # noqa: E402
from tests.report.chromium import DevTools  # noqa: E402

SAMPLES = REPO / "corpus" / "samples"


def mined_samples(workdir: Path) -> list[Release]:
    from release_miner.cli import main

    db = workdir / "samples.sqlite"
    if main(["run", str(SAMPLES), "--db", str(db), "-q"]) != 0:
        raise SystemExit("mining the samples failed")
    with Store(db) as store:
        return list(store.releases())


def _shift(release: Release, by: int) -> dict:
    def mentions(ms):
        return [[s + by, e + by] for s, e in ms]

    return {
        "figures": [replace(f, start=f.start + by, end=f.end + by) for f in release.figures],
        "dates": [replace(d, start=d.start + by, end=d.end + by) for d in release.dates],
        "people": [replace(p, mentions=mentions(p.mentions)) for p in release.people],
        "organizations": [replace(o, mentions=mentions(o.mentions)) for o in release.organizations],
        "policies": [replace(p, start=p.start + by, end=p.end + by) for p in release.policies],
    }


def synthetic(samples: list[Release], n: int) -> list[Release]:
    """``n`` distinct releases of three joined samples each, dated over two years."""
    out = []
    start = date(2024, 1, 1)
    for i in range(n):
        parts = [samples[(i + k) % len(samples)] for k in range(3)]
        text, fields = "", {"figures": [], "dates": [], "people": [], "organizations": [], "policies": []}
        for part in parts:
            shifted = _shift(part, len(text))
            for key in fields:
                fields[key].extend(shifted[key])
            text += part.text + "\n\n"
        text += f"Release number {i}."
        out.append(Release(id=f"synthetic-{i}", text=text, title=f"{parts[0].title or parts[0].id} ({i})",
                           published=(start + timedelta(days=i * 730 // max(n, 1))).isoformat(),
                           url=f"https://www.example-city{i % 7}.gov/news/{i}", **fields))
    return out


def long_release(size: int) -> Release:
    """One release of ``size`` characters with a figure every 60 characters and a policy over every tenth."""
    sentence = "The harbour fund adds 12 million won for the district. "
    text = (sentence * (size // len(sentence) + 1))[:size]
    figures, policies = [], []
    pos = text.find("12 million won")
    i = 0
    while pos >= 0 and pos + 14 <= len(text):
        figures.append(Figure("12 million won", pos, pos + 14, "money", 12_000_000, "KRW"))
        if i % 10 == 0:
            policies.append(Policy("harbour fund adds 12 million won", pos - 17, pos + 14, "shock_response", 0.9))
        pos = text.find("12 million won", pos + 1)
        i += 1
    return Release(id=f"long-{size}", text=text, title=f"{size // 1_000_000} MB release", published="2025-01-01",
                   figures=figures, policies=policies,
                   people=[Person("Kim Minjun", mentions=[[0, 3]])], organizations=[Organization("Harbour", [], [])])


def chromium_times(page: Path, rounds: int) -> dict[str, float]:
    """Median over ``rounds`` fresh browsers: first contentful paint, overview painted, releases painted (ms)."""
    fcp, overview, releases = [], [], []
    for _ in range(rounds):
        with DevTools() as browser:
            browser.open(page.as_uri())
            for _ in range(60000):
                drawn = browser.evaluate("document.body && document.body.dataset.releasesMs")
                if drawn:
                    break
                time.sleep(0.01)
            fcp.append(browser.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || "
                                        "{startTime: -1}).startTime"))
            overview.append(float(browser.evaluate("document.body.dataset.paintedMs")))
            releases.append(float(drawn))
    return {"fcp": statistics.median(fcp), "overview": statistics.median(overview),
            "releases": statistics.median(releases)}


def bench_scale(samples: list[Release], n: int, workdir: Path, rounds: int) -> dict:
    db = workdir / f"scale-{n}.sqlite"
    with Store(db) as store:
        for r in synthetic(samples, n):
            store.add(r)
    t0 = time.perf_counter()
    page = write_report(db, workdir / f"scale-{n}.html")
    write_s = time.perf_counter() - t0
    return {"n": n, "write_s": write_s, "mb": page.stat().st_size / 1e6, **chromium_times(page, rounds)}


def bench_long(size: int, workdir: Path) -> dict:
    db = workdir / f"long-{size}.sqlite"
    with Store(db) as store:
        store.add(long_release(size))
    t0 = time.perf_counter()
    page = write_report(db, workdir / f"long-{size}.html")
    write_s = time.perf_counter() - t0
    tracemalloc.start()  # a second write, traced (tracing slows it, so it is not the timed one)
    write_report(db, workdir / f"long-{size}.html")
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    times = chromium_times(page, 1)
    return {"size": size, "write_s": write_s, "peak_mb": peak, "mb": page.stat().st_size / 1e6, **times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--releases", type=int, nargs="+", default=[2000])
    parser.add_argument("--long", type=int, nargs="*", default=[1_000_000, 5_000_000],
                        help="sizes of single long releases to highlight (characters)")
    parser.add_argument("--rounds", type=int, default=3, help="browser loads per page (median reported)")
    parser.add_argument("--record", type=Path, help="append the report to this Markdown file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rm-report-bench-") as tmp:
        work = Path(tmp)
        samples = mined_samples(work)
        example = synthetic(samples, len(samples))
        avg_chars = sum(len(r.text) for r in example) // len(example)
        avg_mentions = sum(len(r.figures) + len(r.dates) + len(r.policies) + sum(len(p.mentions) for p in r.people)
                           + sum(len(o.mentions) for o in r.organizations) for r in example) // len(example)
        scale = [bench_scale(samples, n, work, args.rounds) for n in args.releases]
        long = [bench_long(size, work) for size in args.long]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## Review report size and speed — {now}", "",
             f"Machine: {machine()}; Debian chromium headless, fresh profile per load "
             f"(`benchmarks/report_speed.py`, median of {args.rounds} loads).", "",
             f"Synthetic datasets: each release joins three mined sample releases (about {avg_chars:,} characters "
             f"of text and {avg_mentions} mentions). Times are from navigation start: first contentful paint "
             "(the page head), the first frame with the overview and the review queue drawn, and the first "
             f"frame with the first {PAGE_SIZE} releases drawn and highlighted.", "",
             "| releases | write report s | page MB | first contentful paint ms | overview painted ms "
             "| first releases painted ms |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in scale:
        lines.append(f"| {s['n']:,} | {s['write_s']:.2f} | {s['mb']:.2f} | {s['fcp']:.0f} | {s['overview']:.0f} "
                     f"| {s['releases']:.0f} |")
    if long:
        lines += ["", "One long release, a money figure every 60 characters and a policy over every tenth "
                  "(highlighting is one sweep over the span boundaries, in the page's script):", "",
                  "| text | mentions | write report s | peak Python heap MB | page MB | release painted in chromium ms |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: |"]
        for s in long:
            mentions = len(long_release(s["size"]).figures) * 11 // 10
            lines.append(f"| {s['size'] / 1e6:.0f} MB | {mentions:,} | {s['write_s']:.2f} | {s['peak_mb']:.0f} "
                         f"| {s['mb']:.1f} | {s['releases']:.0f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    record(report, args.record)


if __name__ == "__main__":
    main()
