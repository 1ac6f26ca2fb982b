"""Extraction in several processes on one machine (``--workers N``).

spaCy's own ``nlp.pipe(n_process=N)`` sends every processed Doc back through
``Doc.to_bytes``, whose msgpack encoding cannot carry the records our components leave in
``doc._`` (lists of dataclasses), and it ships tensors and parses the caller never reads.
Here each worker process runs the ordinary single-process `mine_many` on a batch of
documents and sends back only the finished `Release` records (plain picklable
dataclasses). The parent keeps at most a few batches per worker in flight and yields
results in input order, so memory stays flat however long the stream is.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from ..pipeline import Document
from ..records import Release
from .batching import batches, mine_batch, mined_in_order, numbered_documents

#: Batches queued per worker: enough to keep every worker busy while the parent writes.
BATCHES_PER_WORKER = 2

_worker_nlp: Language | None = None


#: Seconds between a worker's checks that its parent is still alive (where the OS cannot tell it).
PARENT_CHECK_SECONDS = 0.5

_PR_SET_PDEATHSIG = 1


def exit_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` (the process that started it) dies.

    A parent killed by SIGTERM or SIGKILL runs no clean-up, and the pool's pipes stay open
    in the other workers, so an orphaned worker would wait for work forever holding a whole
    pipeline in memory. On Linux the kernel sends SIGTERM at once (``PR_SET_PDEATHSIG``);
    everywhere, a daemon thread checks for a new parent and exits.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="release-miner-parent-watch", daemon=True).start()


def _init_worker(nlp: Language, parent: int) -> None:
    """Runs once in each worker: end with the parent; keep the pipeline (inherited on fork, unpickled otherwise)."""
    global _worker_nlp
    exit_with_parent(parent)
    _worker_nlp = nlp


def _mine_batch(batch: list[Document], batch_size: int) -> list[Release]:
    assert _worker_nlp is not None, "worker pipeline not initialised"
    return mine_batch(batch, _worker_nlp, batch_size)


def mine_in_processes(
    docs: Iterable[Document | dict | str],
    *,
    nlp: Language,
    n_process: int,
    batch_size: int = 16,
) -> Iterator[Release]:
    """Like `mine_many`, with the work spread over ``n_process`` worker processes."""
    if n_process < 1:
        raise ValueError("n_process must be at least 1")
    context = multiprocessing.get_context()
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker, initargs=(nlp, os.getpid()))
    try:
        yield from mined_in_order(batches(numbered_documents(docs), batch_size),
                                  lambda batch: pool.submit(_mine_batch, batch, batch_size),
                                  n_process * BATCHES_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
