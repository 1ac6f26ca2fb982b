"""Extraction on a Dask cluster (``--engine dask --scheduler ADDRESS``).

Each worker process loads the spaCy pipeline once: a `PipelinePlugin` loads it when the
worker joins, into the same per-process cache (`release_miner.pipeline.load_pipeline`)
that the tasks read, so no task ever reloads a model. Work is shipped in one of two ways:

- `DaskEngine.mine`: the client reads documents from any source, sends batches to the
  cluster and yields `Release` records in input order, keeping only a bounded number of
  batches in flight (constant memory on the client, however long the stream);
- `DaskEngine.extract_partitions`: each JSONL/Parquet partition file is read and written
  by a worker (the cluster must see the same paths), one output partition per input.

Both run the single-process `mine_many` on each batch (`mine_batch`), so results are identical to a
local run. Dask is an optional extra (``pip install 'release-miner[dask]'``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..pipeline import Document, load_pipeline
from ..records import Release
from ..sources import InputError
from .batching import batches, mine_batch, mined_in_order, numbered_documents
from .partitions import PartitionWriter, is_parquet, output_record, partition_files, read_documents

#: Documents per task: large enough that scheduling overhead is small against mining time.
DEFAULT_BATCH_DOCS = 32

#: Tasks kept in flight per worker thread, so workers never wait for the client.
TASKS_PER_THREAD = 2

#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT = 15


class EngineUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True)
class PipelineSpec:
    """Which pipeline the workers build: names/paths that every worker resolves itself."""

    spacy_model: str | None = None
    policy_model: str | None = None

    def load(self) -> Language:
        return load_pipeline(self.spacy_model, policy_model=self.policy_model)


# One model load and one pipeline user at a time per worker process: spaCy pipelines are not
# documented as thread-safe, and a worker started with several threads must not load twice.
_load_lock = threading.Lock()
_use_lock = threading.Lock()


def worker_pipeline(spec: PipelineSpec) -> Language:
    """The pipeline of this worker process, loaded on first use and cached for the process."""
    with _load_lock:
        return spec.load()


def _mine_batch(batch: list[Document], spec: PipelineSpec) -> list[Release]:
    nlp = worker_pipeline(spec)
    with _use_lock:
        return mine_batch(batch, nlp, len(batch))


@dataclass
class PartitionResult:
    """What one partition task did: the file written, releases in it, and input errors met."""

    source: str
    target: str
    releases: int = 0
    errors: list[InputError] = field(default_factory=list)


def _mine_partition(source: str, target: str, spec: PipelineSpec, batch_docs: int) -> PartitionResult:
    result = PartitionResult(source, target)
    nlp = worker_pipeline(spec)

    def documents() -> Iterator[Document]:
        for item in read_documents([source]):
            if isinstance(item, InputError):
                result.errors.append(item)
            else:
                yield item

    Path(target).parent.mkdir(parents=True, exist_ok=True)
    # Written under a hidden name with the same suffix (it picks the format), renamed when complete.
    partial = Path(target).with_name(f".{Path(target).stem}.partial{Path(target).suffix}")
    with _use_lock, PartitionWriter(partial) as writer:
        for batch in batches(numbered_documents(documents()), batch_docs):
            for release in mine_batch(batch, nlp, batch_docs):
                writer.write(output_record(release))
    partial.replace(target)
    result.releases = writer.count
    return result


def _model_versions(spec: PipelineSpec) -> dict[str, str]:
    from ..jobs import model_versions

    return model_versions(worker_pipeline(spec))


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineUnavailable(
            "the dask engine needs dask.distributed: `pip install 'release-miner[dask]'`"
        ) from None
    return distributed


try:  # the plugin base class only exists with dask installed; the engine checks before use
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised only without the dask extra
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(_WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the pipeline when a worker starts (and on every worker that joins later)."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.spec)


def _pipeline_loads() -> int:
    from ..pipeline import _cached_pipeline

    return _cached_pipeline.cache_info().misses


class DaskEngine:
    """A connection to a Dask scheduler whose workers mine releases.

    ``scheduler`` is an address (``tcp://host:8786``) or an existing ``distributed.Client``.
    Use as a context manager; a client the engine opened is closed on exit.
    """

    def __init__(self, scheduler: str | Any, spec: PipelineSpec | None = None, *,
                 batch_docs: int = DEFAULT_BATCH_DOCS, preload: bool = True) -> None:
        distributed = _distributed()
        self.spec = spec or PipelineSpec()
        self.batch_docs = batch_docs
        if isinstance(scheduler, distributed.Client):
            self.client, self._owns_client = scheduler, False
        else:
            try:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            self._owns_client = True
        if preload:
            name = f"release-miner-pipeline:{self.spec.spacy_model}:{self.spec.policy_model}"
            try:  # a worker that cannot build the pipeline (e.g. ModelNotFound) fails here, before any work
                self.client.register_plugin(PipelinePlugin(self.spec), name=name)
            except BaseException:
                self.close()
                raise

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _in_flight(self) -> int:
        threads = sum(self.client.nthreads().values())
        return max(2, TASKS_PER_THREAD * threads)

    def mine(self, docs: Iterable[Document | dict | str]) -> Iterator[Release]:
        """`Release` records for ``docs``, in input order, mined on the cluster."""
        yield from mined_in_order(batches(numbered_documents(docs), self.batch_docs),
                                  lambda batch: self.client.submit(_mine_batch, batch, self.spec, pure=False),
                                  self._in_flight())

    def extract_partitions(self, inputs: Iterable[str | Path], output_dir: str | Path,
                           suffix: str | None = None) -> list[PartitionResult]:
        """Mine each input partition on a worker into ``output_dir/<input stem><suffix>``.

        ``suffix`` defaults to the input's own format (``.jsonl`` or ``.parquet``). Results
        come back in input order; concatenated, the outputs equal a single-process
        ``extract`` of the inputs in the same order.
        """
        sources = partition_files(inputs)
        out = Path(output_dir)
        targets: dict[str, Path] = {}
        for source in sources:
            ext = suffix or (".parquet" if is_parquet(source) else ".jsonl")
            target = out / (source.stem + ext)
            if str(target) in targets:
                raise ValueError(f"{source} and {targets[str(target)]} would both be written to {target}")
            targets[str(target)] = source
        futures = [
            self.client.submit(_mine_partition, str(source.resolve()), str(Path(target).resolve()), self.spec,
                               self.batch_docs, pure=False)
            for target, source in targets.items()
        ]
        return self.client.gather(futures)

    def model_versions(self) -> dict[str, str]:
        """Names and versions of the models the workers run, for provenance."""
        return self.client.submit(_model_versions, self.spec, pure=False).result()

    def pipeline_loads(self) -> dict[str, int]:
        """How many pipelines each worker process has loaded (1 each when the model loads once per worker)."""
        return self.client.run(_pipeline_loads)
