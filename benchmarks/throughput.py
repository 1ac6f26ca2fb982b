"""Throughput of the full extraction against plain spaCy, per-component times, and memory.

Usage (from the repository root, with ``../shared`` beside it)::

    python benchmarks/throughput.py                       # print the Markdown report
    python benchmarks/throughput.py --record benchmarks/RESULTS.md   # ...and append it there

What it measures, on the texts of ``dev.jsonl`` repeated to at least ``--min-words`` words:

- words per second of plain spaCy (the base model as shipped, ``nlp.pipe``) and of the full
  release-miner extraction (``mine_many``: figures, dates, names, policies, records built),
  both timed on the same small slices one right after the other (so both see the same load
  on a shared machine), best of ``--rounds`` per slice, in wall time and in CPU time of this
  process (CPU time is the steadier number on a shared machine);
- time per pipeline component (the tokenizer, each base component, each release-miner
  component and the assembly of `Release` records), by running the components one after
  another over the same batches, the way ``nlp.pipe`` does;
- memory: process RSS after each quarter of the corpus (flat means nothing accumulates),
  the peak traced Python heap (spaCy's string store included) while streaming N and then
  4N documents that bring new strings, and peak RSS;
- optionally (``--workers N``) the same extraction spread over N local processes.

The run takes a few minutes on two cores. Numbers vary with machine load: compare ratios
from one run, not absolute rates from different runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import minibatch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from release_miner import pipeline as rm_pipeline  # noqa: E402
from release_miner.pipeline import Document, load_pipeline, mine_many, release_from_docs  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from results import machine, record  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "dev.jsonl"
PAGE = os.sysconf("SC_PAGE_SIZE")


# ---- corpus -------------------------------------------------------------

def load_documents(path: Path) -> list[Document]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            docs.append(Document(text=record["text"], id=str(record.get("id")), published=record.get("published"),
                                 url=record.get("url"), title=record.get("title")))
    return docs


def repeated(docs: list[Document], min_words: int) -> list[Document]:
    """The documents repeated (whole passes) until they hold at least ``min_words`` words."""
    words = sum(len(d.text.split()) for d in docs)
    passes = max(1, -(-min_words // words))
    return [Document(text=d.text, id=f"{d.id}#{p}", published=d.published, url=d.url, title=d.title)
            for p in range(passes) for d in docs]


def prefix_with_words(docs: list[Document], words: int) -> list[Document]:
    """The first documents of ``docs`` holding at least ``words`` words."""
    out, total = [], 0
    for d in docs:
        if total >= words:
            break
        out.append(d)
        total += len(d.text.split())
    return out


def word_count(docs: Iterable[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


# ---- measuring ----------------------------------------------------------

def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE / 2**20


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0


def _run(stream: Iterable[object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in stream:
        pass
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def interleaved(plain: Language, full: Language, docs: list[Document], batch_size: int,
                rounds: int) -> tuple[Timing, Timing, list[list[float]]]:
    """Time plain spaCy and the full extraction slice by slice over ``docs``.

    On a shared machine the load changes from second to second; timing the two pipelines on
    the same small slice one right after the other (in alternating order) lets both see the
    same load, and keeping each slice's best of ``rounds`` runs drops the worst disturbances.
    Also returns the process RSS after each quarter of the slices, per round.
    """
    slices = list(minibatch(docs, 2 * batch_size))
    best: dict[str, list[Timing | None]] = {"plain": [None] * len(slices), "full": [None] * len(slices)}
    marks = {max(0, len(slices) * q // 4 - 1) for q in (1, 2, 3, 4)}
    rss: list[list[float]] = []
    for r in range(rounds):
        print(f"round {r + 1}/{rounds}", file=sys.stderr)
        rss.append([])
        for i, piece in enumerate(slices):
            runs = [("plain", lambda: plain.pipe((d.text for d in piece), batch_size=batch_size)),
                    ("full", lambda: mine_many(piece, nlp=full, batch_size=batch_size))]
            for name, make in runs if (i + r) % 2 == 0 else runs[::-1]:
                t = _run(make())
                kept = best[name][i]
                if kept is None or t.cpu < kept.cpu:
                    best[name][i] = t
            if i in marks:
                rss[-1].append(rss_mib())
    totals = {name: Timing(sum(t.wall for t in ts if t), sum(t.cpu for t in ts if t)) for name, ts in best.items()}
    return totals["plain"], totals["full"], rss


def full_run(nlp: Language, docs: list[Document], batch_size: int, n_process: int = 1) -> Timing:
    return _run(mine_many(docs, nlp=nlp, batch_size=batch_size, n_process=n_process))


def _stage_times(nlp: Language, batch: list[Document], batch_size: int, assemble: bool,
                 times: dict[str, float]) -> None:
    t = time.process_time()
    spacy_docs = []
    for d in batch:
        doc = nlp.make_doc(d.text)
        doc._.published, doc._.url, doc._.title = d.published, d.url, d.title
        spacy_docs.append(doc)
    times["tokenizer"] = times.get("tokenizer", 0.0) + time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        if hasattr(proc, "pipe"):
            spacy_docs = list(proc.pipe(spacy_docs, batch_size=batch_size))
        else:
            spacy_docs = [proc(doc) for doc in spacy_docs]
        times[name] = times.get(name, 0.0) + time.process_time() - t
    if assemble:
        t = time.process_time()
        for d, doc in zip(batch, spacy_docs):
            release_from_docs(d, [(0, doc)], d.id or "")
        times["records"] = times.get("records", 0.0) + time.process_time() - t


def component_times(plain: Language, full: Language, docs: list[Document],
                    batch_size: int) -> tuple[dict[str, float], dict[str, float]]:
    """CPU seconds per stage (tokenizer, each component, building releases) of each pipeline.

    The components run one after another over each batch, as ``nlp.pipe`` runs them; the two
    pipelines take turns batch by batch so that both see the same machine load.
    """
    plain_times: dict[str, float] = {}
    full_times: dict[str, float] = {}
    for i, batch in enumerate(minibatch(docs, batch_size)):
        runs = [(plain, False, plain_times), (full, True, full_times)]
        for nlp, assemble, times in runs if i % 2 == 0 else runs[::-1]:
            _stage_times(nlp, batch, batch_size, assemble, times)
    return plain_times, full_times


def with_new_numbers(docs: Iterable[Document]) -> Iterator[Document]:
    """Copies whose digits differ from copy to copy, so every copy brings spaCy new strings (as real releases do)."""
    for n, d in enumerate(docs):
        shift = n % 9 + 1
        text = re.sub(r"\d", lambda m: str((int(m.group()) + shift) % 10), d.text)
        yield Document(text=text, id=f"{d.id}~{n}", published=d.published, url=d.url, title=d.title)


def traced_peak(nlp: Language, docs: Iterable[Document], batch_size: int, zone_docs: int) -> float:
    """Peak Python heap (MiB) allocated while streaming ``docs`` (spaCy's string store included)."""
    saved, rm_pipeline.MEMORY_ZONE_DOCS = rm_pipeline.MEMORY_ZONE_DOCS, zone_docs
    gc.collect()
    tracemalloc.start()
    try:
        for _ in mine_many(docs, nlp=nlp, batch_size=batch_size):
            pass
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
        rm_pipeline.MEMORY_ZONE_DOCS = saved


# ---- report -------------------------------------------------------------

def git_revision() -> str:
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="JSONL of releases (default: dev.jsonl)")
    parser.add_argument("--min-words", type=int, default=100_000, help="words in the benchmark corpus")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds; each slice keeps its best")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both pipelines")
    parser.add_argument("--spacy-model", help="base spaCy model (default: the one release-miner loads)")
    parser.add_argument("--workers", type=int, default=2, help="also time N local processes (0 or 1: skip)")
    parser.add_argument("--sample-words", type=int, default=25_000,
                        help="words of the corpus used for per-component times and the multi-process run")
    parser.add_argument("--record", type=Path, help="append the Markdown report to this file")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = parser.parse_args(argv)

    if not args.gold.exists():
        print(f"{args.gold}: not found (the eval data lives in ../shared/eval)", file=sys.stderr)
        return 2
    base_docs = load_documents(args.gold)
    docs = repeated(base_docs, args.min_words)
    words = word_count(docs)
    print(f"corpus: {len(docs)} documents, {words} words ({len(base_docs)} releases repeated)", file=sys.stderr)

    full = load_pipeline(args.spacy_model)
    model_name = args.spacy_model or next(
        name for name in rm_pipeline.DEFAULT_SPACY_MODELS if spacy.util.is_package(name))
    plain = spacy.load(model_name)
    warm = docs[:len(base_docs)]
    for _ in plain.pipe((d.text for d in warm), batch_size=args.batch_size):
        pass
    for _ in mine_many(warm, nlp=full, batch_size=args.batch_size):
        pass

    best_plain, best_full, rss_rounds = interleaved(plain, full, docs, args.batch_size, args.rounds)

    sample = prefix_with_words(docs, args.sample_words)
    sample_words = word_count(sample)
    print("per-component times", file=sys.stderr)
    comp_plain, comp_full = component_times(plain, full, sample, args.batch_size)

    # The traced heap peaks within one nlp.pipe batch, so N must span several batches; a
    # small batch keeps this pass short (tracemalloc slows Python down several times). The
    # documents carry new numbers, and memory zones are shortened to match, so growth of
    # spaCy's string store would show here.
    print("memory", file=sys.stderr)
    trace_batch = 4
    n_small = 3 * trace_batch
    peak_n = traced_peak(full, with_new_numbers(islice(iter(docs), n_small)), trace_batch, 2 * trace_batch)
    peak_4n = traced_peak(full, with_new_numbers(islice(iter(docs), 4 * n_small)), trace_batch, 2 * trace_batch)

    workers_t = one_t = None
    if args.workers > 1:
        print(f"{args.workers} processes", file=sys.stderr)
        one_t = full_run(full, sample, args.batch_size)
        workers_t = full_run(full, sample, args.batch_size, n_process=args.workers)
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # ---- report ---------------------------------------------------------
    ratio_cpu = best_full.cpu / best_plain.cpu
    ratio_wall = best_full.wall / best_plain.wall
    rows = [
        [f"plain `{model_name}` nlp.pipe ({', '.join(plain.pipe_names)})", f"{words / best_plain.wall:,.0f}",
         f"{words / best_plain.cpu:,.0f}", f"{best_plain.wall:.1f}", f"{best_plain.cpu:.1f}", "1.00"],
        [f"full extraction ({', '.join(full.pipe_names)})", f"{words / best_full.wall:,.0f}",
         f"{words / best_full.cpu:,.0f}", f"{best_full.wall:.1f}", f"{best_full.cpu:.1f}",
         f"{ratio_cpu:.2f} (wall {ratio_wall:.2f})"],
    ]
    if workers_t and one_t:
        rows.append([f"full extraction, 1 process, first {sample_words:,} words", f"{sample_words / one_t.wall:,.0f}",
                     f"{sample_words / one_t.cpu:,.0f}", f"{one_t.wall:.1f}", f"{one_t.cpu:.1f}", "-"])
        rows.append([f"full extraction, {args.workers} processes (`--workers {args.workers}`), same words",
                     f"{sample_words / workers_t.wall:,.0f}", "-", f"{workers_t.wall:.1f}", "-",
                     f"speed-up {one_t.wall / workers_t.wall:.2f}x (wall)"])
    speed = table(rows, ["pipeline", "words/s (wall)", "words/s (CPU)", "wall s", "CPU s", "time vs plain"])

    total_full = sum(comp_full.values())
    total_plain = sum(comp_plain.values())
    names = list(comp_full) + [n for n in comp_plain if n not in comp_full]
    comp_rows = []
    for name in names:
        f, p = comp_full.get(name), comp_plain.get(name)
        comp_rows.append([
            name,
            "-" if p is None else f"{p:.2f}", "-" if p is None else f"{100 * p / total_plain:.1f}%",
            "-" if f is None else f"{f:.2f}", "-" if f is None else f"{100 * f / total_full:.1f}%",
            "-" if f is None else f"{1e6 * f / sample_words:.1f}",
        ])
    comp_rows.append(["total", f"{total_plain:.2f}", "100%", f"{total_full:.2f}", "100%",
                      f"{1e6 * total_full / sample_words:.1f}"])
    components = table(comp_rows, ["stage", "plain CPU s", "plain share", "full CPU s", "full share",
                                   "full ms / 1k words"])

    rss_rows = [[f"round {i + 1}", *[f"{r:.0f}" for r in quarters], *["-"] * (4 - len(quarters))]
                for i, quarters in enumerate(rss_rounds)]
    memory = table(rss_rows, ["process RSS MiB", "after 1/4 of the corpus", "2/4", "3/4", "4/4"])
    memory += (f"\n\nPeak traced Python heap (spaCy's string store included) while streaming documents with "
               f"new numbers in each, batch size {trace_batch}, memory zones of {2 * trace_batch} documents: "
               f"N={n_small} documents: {peak_n:.1f} MiB; 4N={4 * n_small} documents: {peak_4n:.1f} MiB. "
               f"Peak RSS of the whole benchmark process (both models loaded): {max_rss:.0f} MiB.")

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = "\n".join([
        f"## Extraction throughput — {stamp}",
        "",
        f"Machine: {machine()}, spaCy {spacy.__version__}. Code {git_revision()}, "
        f"model `{model_name}` {plain.meta.get('version', '?')}. "
        f"Corpus: the `{args.gold.name}` texts repeated, {len(docs)} documents, {words:,} words "
        f"(`benchmarks/throughput.py`).",
        "",
        f"Batch size {args.batch_size}. Both pipelines are timed on the same slices of {2 * args.batch_size} "
        f"documents, one right after the other, best of {args.rounds} rounds per slice. CPU is this process's: "
        "the steadier number on a shared machine.",
        "",
        speed,
        "",
        f"Full extraction takes **{ratio_cpu:.2f}x** the CPU time of plain `{model_name}` "
        f"(goal: at most 1.3x); wall-clock ratio {ratio_wall:.2f}x.",
        "",
        f"Time per stage (one pass over the first {sample_words:,} words, CPU seconds; `records` is building "
        "`Release` objects from the Docs):",
        "",
        components,
        "",
        "Memory (flat RSS across the quarters means nothing accumulates per document):",
        "",
        memory,
        "",
    ])
    print(report)
    record(report, args.record)
    if args.json:
        args.json.write_text(json.dumps({
            "date": stamp, "machine": f"{machine()}, spaCy {spacy.__version__}", "words": words,
            "documents": len(docs),
            "plain": vars(best_plain), "full": vars(best_full), "ratio_cpu": ratio_cpu, "ratio_wall": ratio_wall,
            "components_full": comp_full, "components_plain": comp_plain,
            "traced_peak_mib": {str(n_small): peak_n, str(4 * n_small): peak_4n}, "max_rss_mib": max_rss,
            "workers": None if workers_t is None else {"n": args.workers, "words": sample_words,
                                                       "one_process": vars(one_t), "n_processes": vars(workers_t)},
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
