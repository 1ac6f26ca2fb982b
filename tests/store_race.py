"""A process body for concurrency tests: open a dataset and store one release (imports no spaCy)."""

from __future__ import annotations

import os
import traceback

from release_miner.records import Release
from release_miner.store import Store


def open_and_add(path: str, barrier, results) -> None:
    """Wait for the other processes, then open ``path`` and add a release; put "ok" or the traceback."""
    barrier.wait(timeout=60)
    try:
        with Store(path) as store:
            store.add(Release(id=f"p{os.getpid()}", text=f"Release stored by process {os.getpid()}."))
        results.put("ok")
    except Exception:  # reported to the test, which shows it
        results.put(traceback.format_exc())
