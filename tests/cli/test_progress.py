"""The progress bar in a real terminal (a pty): it advances with the work and shows a total when known."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from ..conftest import SAMPLES

CLI = Path(sys.executable).parent / "release-miner"


def _terminal_output(args: list[str], timeout: float = 300) -> tuple[int, str]:
    """Run ``args`` with stderr on a pty (stdout too); everything the terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a size
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_the_run_bar_advances_to_its_total(tmp_path: Path) -> None:
    total = len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    status, screen = _terminal_output([str(CLI), "run", str(SAMPLES), "--db", str(tmp_path / "d.sqlite")])
    assert status == 0, screen
    counts = [int(n) for n in re.findall(rf"run:.*?\b(\d+)/{total}\b", screen)]
    # the total is shown, and the bar moves while releases are mined (not only as the input is read ahead)
    assert counts and max(counts) > 0, screen


def test_quiet_shows_no_bar(tmp_path: Path) -> None:
    status, screen = _terminal_output([str(CLI), "run", str(SAMPLES), "--db", str(tmp_path / "d.sqlite"), "-q"])
    assert status == 0 and "run:" not in screen, screen
