"""The batch jobs behind the CLI: extract to JSONL, and run sources into a dataset.

Both stream: documents are read, mined and written one at a time, so a batch of any size
runs in constant memory. Input errors are collected (and reported by the caller) while
the rest of the batch goes through.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from spacy.language import Language

from .people import link_people
from .pipeline import Document, load_pipeline, mine_many
from .records import Release
from .sources import InputError, Skipped, read_sources
from .store import Store


@dataclass
class BatchReport:
    """What a batch did: counts, the input errors met on the way, and the inputs skipped on purpose."""

    read: int = 0
    extracted: int = 0
    added: int = 0
    updated: int = 0
    replaced: int = 0
    skipped_known: int = 0
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _where(source: str | None) -> tuple[str, int | None]:
    """``file.jsonl:12`` as (file, 12); a plain path as (path, None)."""
    name, _, line = (source or "").rpartition(":")
    return (name, int(line)) if name and line.isdigit() else (source or "?", None)


def _split_errors(items: Iterable[Document | InputError], report: BatchReport,
                  on_error: Callable[[InputError], None] | None,
                  tick: Callable[[], object] = lambda: None) -> Iterator[Document]:
    """The documents of a stream; errors and skips are recorded (and reported) as they come.

    One batch holds each release once: a second document with an identity already read in this
    batch (the same ``id`` twice, say) is an error naming its line and the first one's.
    """
    first_seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, InputError):
            (report.skipped if isinstance(item, Skipped) else report.errors).append(item)
            if on_error:
                on_error(item)
            if item.line is not None:  # a line of a counted file
                tick()
            continue
        identity = item.identity
        if identity is not None:
            if identity in first_seen:
                name, line = _where(item.source)
                kind, _, value = identity.partition(":")
                error = InputError(name, f"duplicate {'path' if kind == 'path' else kind} {value!r}"
                                         f" (first read at {first_seen[identity]}), skipped", line)
                report.errors.append(error)
                if on_error:
                    on_error(error)
                tick()
                continue
            first_seen[identity] = item.source or "?"
        report.read += 1
        yield item


def model_versions(nlp: Language) -> dict[str, str]:
    """Names and versions of the models behind a pipeline, for provenance."""
    versions = {"spacy_model": f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"}
    for _name, component in nlp.pipeline:
        describe = getattr(component, "model_version", None)
        if describe:
            versions.update(describe() if callable(describe) else describe)
    return versions


#: Turns a stream of documents into releases in input order (e.g. `DaskEngine.mine`).
Miner = Callable[[Iterable[Document]], Iterable[Release]]


def extract_to_jsonl(paths: list[str], out: IO[str], *, nlp: Language | None = None,
                     on_error: Callable[[InputError], None] | None = None,
                     wrap: Callable[[Iterator[Document]], Iterator[Document]] = lambda it: it,
                     n_process: int = 1, mine: Miner | None = None,
                     documents: Iterable[Document | InputError] | None = None,
                     include_text: bool = False, tick: Callable[[], object] = lambda: None) -> BatchReport:
    """Extract every document of ``paths`` and write one contract-format JSON line each.

    ``mine`` replaces the local pipeline (another engine); ``documents`` replaces reading ``paths``.
    ``include_text`` adds each release's ``text`` (what the offsets index: for HTML, the extracted text).
    ``tick`` is called once per input finished (written, or refused with an error), for a progress bar.
    """
    if mine is None:
        nlp = nlp or load_pipeline()
        mine = lambda docs: mine_many(docs, nlp=nlp, n_process=n_process)  # noqa: E731
    report = BatchReport()
    docs = wrap(_split_errors(documents if documents is not None else read_sources(paths), report, on_error, tick))
    for release in mine(docs):
        record = release.to_dict(include_text=include_text)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        report.extracted += 1
        tick()
    return report


def run_into_store(paths: list[str], store: Store, *, nlp: Language | None = None,
                   on_error: Callable[[InputError], None] | None = None,
                   wrap: Callable[[Iterator[Document]], Iterator[Document]] = lambda it: it,
                   reprocess: bool = False, n_process: int = 1,
                   documents: Iterable[Document] | None = None, mine: Miner | None = None,
                   versions: dict[str, str] | None = None, tick: Callable[[], object] = lambda: None) -> BatchReport:
    """Ingest, extract, classify and store. Releases already in the store are not extracted again.

    ``mine`` replaces the local pipeline (another engine), which then reports ``versions``.
    ``tick`` is called once per input finished (stored, already stored, skipped or an error), for a progress bar.
    """
    if mine is None:
        nlp = nlp or load_pipeline()
        versions = versions or model_versions(nlp)
        mine = lambda docs: mine_many(docs, nlp=nlp, n_process=n_process)  # noqa: E731
    report = BatchReport()
    versions = versions or {}
    source_docs = documents if documents is not None else read_sources(paths)
    if link_people not in store.after_add:
        store.after_add.append(link_people)  # one canonical person per real person, grouped as releases arrive

    def new_documents() -> Iterator[Document]:
        for document in wrap(_split_errors(source_docs, report, on_error, tick)):
            if not document.text.strip():  # nothing to mine or to find again: an empty release is no data
                name, line = _where(document.source)
                skipped = Skipped(name, "empty `text`, skipped", line)
                report.read -= 1  # counted with the skipped inputs, so that the summary adds up
                report.skipped.append(skipped)
                if on_error:
                    on_error(skipped)
                tick()
                continue
            if not reprocess and store.is_current(document.identity, document.text):
                report.skipped_known += 1
                tick()
                continue
            yield document

    for release in mine(new_documents()):
        report.extracted += 1
        result = store.add(release, source=release.source, models=versions, replace=reprocess)
        report.added += result.status == "added"
        report.updated += result.status == "updated"
        report.replaced += result.status == "replaced"
        # Stored by another run between the check above and now: already stored, so that
        # read = added + updated + replaced + already stored holds for runs that share a dataset.
        report.skipped_known += result.status == "unchanged"
        tick()
    return report


def stored_releases(store: Store) -> Iterator[Release]:
    return store.releases()
