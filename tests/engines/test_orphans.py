"""`run --workers 2` killed from outside: its worker processes end with it (real processes, real signals)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = Path(sys.executable).parent / "release-miner"
DEADLINE = 240  # seconds for the run to start its workers on a loaded machine


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_exit_when_the_run_is_killed(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{n}", "text": f"Seoul will spend {n} billion won on parks. " * 30})
                           + "\n" for n in range(3000)), encoding="utf-8")
    run = subprocess.Popen([str(CLI), "run", str(src), "--db", str(tmp_path / "d.sqlite"), "--workers", "2",
                            "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + DEADLINE
        while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.5)
            workers = {pid for pid in _children(run.pid) if _alive(pid)}
        assert len(workers) >= 2, "the run did not start its workers"
        os.kill(run.pid, sig)
        run.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        orphans = [pid for pid in workers if _alive(pid)]
        assert not orphans, f"workers {orphans} outlived their parent"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(timeout=30)
        for pid in workers:  # only the processes this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
