"""``--workers N``: several local processes give the same releases as one, in input order."""

from __future__ import annotations

import json

import pytest

from release_miner.cli import main
from release_miner.engines import batches, numbered_documents
from release_miner.pipeline import Document, mine_many
from release_miner.store import Store

from .engines.samples import SAMPLE_DOCS


def _dicts(releases) -> list[dict]:
    return [r.to_dict() for r in releases]


@pytest.mark.slow
def test_processes_match_one_process_in_order(nlp):
    docs = SAMPLE_DOCS * 3  # more batches than workers, so results must be put back in order
    single = _dicts(mine_many(docs, nlp=nlp))
    several = _dicts(mine_many(docs, nlp=nlp, n_process=2, batch_size=2))
    assert several == single
    assert [r["id"] for r in several][:6] == ["water-1", "1", "transit-3", "youth-4", "4", "empty-6"]


@pytest.mark.slow
def test_doc_attributes_cross_the_process_boundary(nlp):
    """The publication date set on each Doc before the pipeline runs reaches the workers."""
    [release] = list(mine_many(SAMPLE_DOCS[:1], nlp=nlp, n_process=2))
    assert release.published == "2025-03-04"
    assert release.url == "https://city.example/news/1"
    assert release.figures and all(release.text[f.start:f.end] == f.text for f in release.figures)


@pytest.mark.parametrize("ids, expected", [
    ([None, None, None], ["0", "1", "2"]),
    (["a", None, "c"], ["a", "1", "c"]),
    ([None, "b"], ["0", "b"]),
])
def test_missing_ids_are_stream_positions(ids, expected):
    docs = [Document(text="x", id=i) for i in ids]
    assert [d.id for d in numbered_documents(docs)] == expected


@pytest.mark.parametrize("count, size, sizes", [(0, 3, []), (5, 2, [2, 2, 1]), (4, 4, [4]), (3, 10, [3])])
def test_batches(count, size, sizes):
    got = list(batches(iter(range(count)), size))
    assert [len(b) for b in got] == sizes
    assert [x for b in got for x in b] == list(range(count))


def test_batches_are_read_lazily():
    def endless():
        n = 0
        while True:
            yield n
            n += 1

    first = next(batches(endless(), 3))
    assert first == [0, 1, 2]


@pytest.fixture
def docs_file(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in SAMPLE_DOCS), encoding="utf-8")
    return path


@pytest.mark.slow
def test_extract_cli_workers_identical(docs_file, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", "-q", "--input", str(docs_file), "--output", str(one)]) == 0
    assert main(["extract", "-q", "--input", str(docs_file), "--output", str(two), "--workers", "2"]) == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    assert len(one.read_text(encoding="utf-8").splitlines()) == len(SAMPLE_DOCS)


@pytest.mark.slow
def test_run_cli_workers_stores_the_same(docs_file, tmp_path):
    db1, db2 = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    assert main(["run", "-q", str(docs_file), "--db", str(db1)]) == 0
    assert main(["run", "-q", str(docs_file), "--db", str(db2), "--workers", "2"]) == 0
    with Store(db1) as a, Store(db2) as b:
        assert _dicts(b.releases()) == _dicts(a.releases())
        assert b.count() == len([d for d in SAMPLE_DOCS if d["text"].strip()])  # an empty text is not stored


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--engine", "dask"], "--engine dask needs --scheduler"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler is only used with --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "--workers is for the local"),
])
def test_engine_option_errors(docs_file, tmp_path, capsys, args, message):
    status = main(["extract", "-q", "--input", str(docs_file), "--output", str(tmp_path / "o.jsonl"), *args])
    assert status == 2
    assert message in capsys.readouterr().err


def test_folder_output_needs_the_dask_engine(docs_file, tmp_path, capsys):
    status = main(["extract", "-q", "--input", str(docs_file), "--output", f"{tmp_path}/out/"])
    assert status == 2
    assert "needs --engine dask" in capsys.readouterr().err
