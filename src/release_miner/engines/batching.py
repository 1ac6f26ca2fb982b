"""Cutting a document stream into numbered batches that any worker can mine on its own.

A worker sees only its batch, so everything that depends on the position of a document in
the whole stream (the fallback id of a document without one) is fixed here, before the
batch leaves the process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import replace
from itertools import islice

from spacy.language import Language

from ..pipeline import Document, as_document, memory_zone, mine_many
from ..records import Release


def numbered_documents(items: Iterable[Document | dict | str]) -> Iterator[Document]:
    """`Document` objects whose missing (or empty) ids are their 0-based position in the stream, as in `mine_many`."""
    for index, item in enumerate(items):
        document = as_document(item, index)
        yield document if document.id else replace(document, id=str(index))


def batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most ``size`` documents, read lazily from ``items``."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def mined_in_order(batched: Iterable[list[Document]], submit: Callable[[list[Document]], Future],
                   limit: int) -> Iterator[Release]:
    """Releases of every batch, in input order, with at most ``limit`` batches in flight.

    Batches are submitted lazily as earlier ones are collected, so the caller never holds
    the stream; whatever is still pending when the consumer stops is cancelled.
    """
    pending: deque[Future] = deque()
    try:
        for batch in batched:
            pending.append(submit(batch))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


#: Pipelines (by id) that have mined one batch outside a memory zone in this process.
_warmed: set[int] = set()


def mine_batch(batch: list[Document], nlp: Language, batch_size: int) -> list[Release]:
    """The releases of one batch, for a worker that mines many batches with one pipeline.

    After the first batch (which lets components finish any lazy set-up for good), each
    batch runs in a spaCy memory zone, so the worker's string store stays flat however many
    batches it is sent.
    """
    first = id(nlp) not in _warmed
    with nullcontext() if first else memory_zone(nlp):
        releases = list(mine_many(batch, nlp=nlp, batch_size=batch_size))
    _warmed.add(id(nlp))
    return releases
