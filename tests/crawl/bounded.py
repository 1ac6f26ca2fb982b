"""Run a check in a child process with a hard time bound, so a regression to quadratic or exponential work
fails the test instead of hanging the suite.

The bound is a hang guard, not a speed target (those are measured by ``benchmarks/``): it is set many
times above what the linear code takes on a loaded machine and far below what the old code took.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable

import pytest


def _child(check: Callable[[], None], conn) -> None:
    try:
        check()
    except BaseException:  # noqa: BLE001 (the parent reports whatever went wrong)
        conn.send(traceback.format_exc())
    else:
        conn.send(None)
    finally:
        conn.close()


def within(seconds: float, check: Callable[[], None]) -> None:
    """Run ``check`` (a function, or a partial of one, that asserts) in a forked process; fail when it raises or does
    not finish within ``seconds``."""
    name = getattr(check, "__name__", None) or getattr(check, "func").__name__   # a function or a partial
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(check, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            pytest.fail(f"{name} did not finish within {seconds:g} s")
        outcome = parent.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join(10)
        parent.close()
    if outcome is not None:
        pytest.fail(f"{name} failed in its process:\n{outcome}")
