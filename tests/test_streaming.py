"""Streaming in flat memory: spaCy's string store does not grow with the number of documents."""

from __future__ import annotations

import pytest

from release_miner import pipeline
from release_miner.pipeline import mine_many

pytestmark = pytest.mark.slow


def _docs(start: int, count: int) -> list[dict]:
    """Releases that each bring new strings: amounts, codes and counts never seen before."""
    return [{"id": f"d{n}", "published": "2025-06-01",
             "text": f"Mayor Lena Ortiz approved a KRW {n * 7919 + 13},{n % 1000:03d} million plan, "
                     f"code QX{n * 104729}, for {n * 31 + 7} new homes by March {2030 + n % 20}."}
            for n in range(start, start + count)]


def _strings_after_first_group(nlp, docs, zone_docs: int) -> tuple[int, int, list[dict]]:
    releases, at_first = [], 0
    for n, release in enumerate(mine_many(docs, nlp=nlp, batch_size=2), 1):
        releases.append(release.to_dict())
        if n == zone_docs:
            at_first = len(nlp.vocab.strings)
    return at_first, len(nlp.vocab.strings), releases


def test_memory_zones_free_new_strings_and_change_nothing(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "MEMORY_ZONE_DOCS", 3)
    at_first, at_end, zoned = _strings_after_first_group(nlp, _docs(0, 12), 3)
    assert at_end == at_first  # the nine documents after the first zone left nothing behind

    monkeypatch.setattr(pipeline, "MEMORY_ZONE_DOCS", 10**9)
    fresh = _docs(1000, 12)
    at_first, at_end, _ = _strings_after_first_group(nlp, fresh, 3)
    assert at_end > at_first  # without zones the same kind of stream does grow the store

    monkeypatch.setattr(pipeline, "MEMORY_ZONE_DOCS", 3)
    again = [r.to_dict() for r in mine_many(_docs(0, 12), nlp=nlp, batch_size=2)]
    monkeypatch.setattr(pipeline, "MEMORY_ZONE_DOCS", 10**9)
    plain = [r.to_dict() for r in mine_many(_docs(0, 12), nlp=nlp, batch_size=2)]
    assert zoned == again == plain


def test_worker_batches_run_in_memory_zones(nlp):
    """A worker mines many small batches: after its first batch, none leaves strings behind."""
    from release_miner.engines.batching import mine_batch, numbered_documents

    docs = list(numbered_documents(_docs(2000, 12)))
    mine_batch(docs[:3], nlp, 2)
    before = len(nlp.vocab.strings)
    got = [r.to_dict() for i in range(3, 12, 3) for r in mine_batch(docs[i:i + 3], nlp, 2)]
    assert len(nlp.vocab.strings) == before
    assert got == [r.to_dict() for r in mine_many(docs[3:], nlp=nlp)]


def test_zones_do_not_nest(nlp, monkeypatch):
    """Inside an open zone (a caller's own), mining opens none: nesting would free the caller's strings."""
    monkeypatch.setattr(pipeline, "MEMORY_ZONE_DOCS", 2)
    with nlp.memory_zone():
        outer = nlp("Quorbelstadt unveiled 4,417 benches.")
        list(mine_many(_docs(3000, 5), nlp=nlp, batch_size=2))
        assert outer.text == "Quorbelstadt unveiled 4,417 benches."
        assert [t.text for t in outer][0] == "Quorbelstadt"
