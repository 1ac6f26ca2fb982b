"""What every benchmark script shares: the machine line and appending to RESULTS.md.

Kept beside the scripts (they put ``benchmarks/`` on ``sys.path``) so that each dated
entry in RESULTS.md describes its machine the same way.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def machine() -> str:
    """CPU model, cores, memory, OS and Python: enough to compare two dated entries."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def record(report: str, path: Path | None) -> None:
    """Append a Markdown report to ``path`` (a new file gets the results heading first)."""
    if path is None:
        return
    new_file = not path.exists()
    with path.open("a", encoding="utf-8") as fh:
        fh.write(("# Benchmark results\n" if new_file else "") + "\n" + report)
    print(f"appended to {path}", file=sys.stderr)
