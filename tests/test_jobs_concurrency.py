"""Runs that share a dataset: each run's summary adds up, whoever stores a release first."""

from __future__ import annotations

from pathlib import Path

from release_miner.jobs import run_into_store
from release_miner.pipeline import Document
from release_miner.records import Release
from release_miner.store import Store


def test_a_release_stored_meanwhile_by_another_run_counts_as_already_stored(tmp_path: Path, nlp) -> None:
    db = tmp_path / "shared.sqlite"
    first = Document(text="Seoul will spend 4.5 billion won on parks.", id="a")
    second = Document(text="Busan opened 3 new libraries this spring.", id="b")

    def documents():
        yield first
        # another process stores the same release after this run checked for it, before it is mined
        with Store(db) as other:
            other.add(Release(id="a", text=first.text))
        yield second

    with Store(db) as store:
        report = run_into_store([], store, nlp=nlp, documents=documents())
        assert store.count() == 2
    assert report.read == 2
    assert (report.added, report.skipped_known) == (1, 1)
    assert report.read == report.added + report.skipped_known + len(report.errors)
