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

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from ..pipeline import Document
from ..records import Release
from .batching import batches, mine_batch, mined_in_order, numbered_documents

#: Batches queued per worker: enough to keep every worker busy while the parent writes.
BATCHES_PER_WORKER = 2

_worker_nlp: Language | None = None


def _init_worker(nlp: Language) -> None:
    """Runs once in each worker: keep the pipeline (inherited on fork, unpickled otherwise)."""
    global _worker_nlp
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
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker, initargs=(nlp,))
    try:
        yield from mined_in_order(batches(numbered_documents(docs), batch_size),
                                  lambda batch: pool.submit(_mine_batch, batch, batch_size),
                                  n_process * BATCHES_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
