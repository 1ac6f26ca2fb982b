"""A long text in chunks: each chunk's Doc is freed once its records are taken, not kept to the last chunk."""

from __future__ import annotations

import gc
import weakref

from release_miner import pipeline
from release_miner.pipeline import Document, mine_many

PARAGRAPH = ("Mayor Jane Holloway said the city will spend $4.5 million on 12 new libraries by March 2026, "
             "and the Harbor Transit Authority will add 30 buses under the Clean Commute Program.\n\n")


def _alive_chunks(nlp, monkeypatch, text: str, batch_size: int):
    """The release, chunks made, and how many earlier chunk Docs were alive as each new chunk was made."""
    made: list[weakref.ref] = []
    alive: list[int] = []
    make_doc = nlp.make_doc

    def tracking_make_doc(piece: str):
        gc.collect()
        alive.append(sum(ref() is not None for ref in made))
        doc = make_doc(piece)
        made.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(nlp, "make_doc", tracking_make_doc)
    (release,) = mine_many([Document(text=text, id="long")], nlp=nlp, batch_size=batch_size)
    return release, len(made), alive


def test_chunk_docs_are_freed_as_the_release_is_built(nlp, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2000)
    text = PARAGRAPH * 400  # about 40 chunks
    release, chunks, alive = _alive_chunks(nlp, monkeypatch, text, batch_size=4)
    assert chunks >= 30
    assert max(alive) <= 12, alive
    # the records of every chunk are there, with offsets into the full text
    assert len([f for f in release.figures if f.text == "$4.5 million"]) == 400
    assert all(release.text[f.start:f.end] == f.text for f in release.figures)
    (holloway,) = [p for p in release.people if p.name == "Jane Holloway"]
    assert len(holloway.mentions) == 400


def test_a_batch_is_bounded_by_its_characters(nlp, monkeypatch) -> None:
    """Sixteen chunks of a long text are not one batch: the pipeline's memory grows with the text in it."""
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 4000)
    release, chunks, alive = _alive_chunks(nlp, monkeypatch, PARAGRAPH * 100, batch_size=16)
    assert chunks >= 9
    assert max(alive) <= 4, alive
    assert len([f for f in release.figures if f.text == "$4.5 million"]) == 100
