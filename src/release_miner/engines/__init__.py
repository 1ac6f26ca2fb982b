"""Ways to run extraction over many documents: local worker processes, or a Dask cluster.

Every engine maps batches of `Document` to `Release` records with the same single-process
code (`release_miner.pipeline.mine_many`), and yields them in input order, so the results
are identical whichever engine runs them. Engines keep a bounded number of batches in
flight: a batch of any size streams through in constant memory.
"""

from __future__ import annotations

from .batching import batches, numbered_documents

#: Engine names accepted by ``--engine``.
ENGINES: tuple[str, ...] = ("local", "dask")

__all__ = ["ENGINES", "batches", "numbered_documents"]
