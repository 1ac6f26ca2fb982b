"""The Dask engine on a real two-process `LocalCluster` (127.0.0.1): same releases as one process."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("dask.distributed")

from distributed import LocalCluster  # noqa: E402

from release_miner.cli import main  # noqa: E402
from release_miner.engines.dask_engine import DaskEngine  # noqa: E402
from release_miner.engines.partitions import read_output  # noqa: E402
from release_miner.pipeline import mine_many  # noqa: E402
from release_miner.store import Store  # noqa: E402

from .samples import SAMPLE_DOCS  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def engine(cluster):
    with DaskEngine(cluster.scheduler_address, batch_docs=2) as engine:
        yield engine


@pytest.fixture
def local_records(nlp) -> list[dict]:
    return [r.to_dict(include_text=False) for r in mine_many(SAMPLE_DOCS, nlp=nlp)]


def _write_jsonl(path, docs) -> None:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_mine_matches_single_process_in_order(engine, nlp):
    docs = SAMPLE_DOCS * 2
    expected = [r.to_dict() for r in mine_many(docs, nlp=nlp)]
    assert [r.to_dict() for r in engine.mine(docs)] == expected


def test_model_loads_once_per_worker(engine):
    list(engine.mine(SAMPLE_DOCS))
    list(engine.mine(SAMPLE_DOCS))
    loads = engine.pipeline_loads()
    assert len(loads) == 2 and set(loads.values()) == {1}


def test_model_versions_come_from_the_workers(engine, nlp):
    from release_miner.jobs import model_versions

    assert engine.model_versions() == model_versions(nlp)


def test_jsonl_partitions_in_and_out(engine, tmp_path, local_records):
    parts = tmp_path / "in"
    parts.mkdir()
    _write_jsonl(parts / "part-0.jsonl", SAMPLE_DOCS[:4])
    _write_jsonl(parts / "part-1.jsonl", SAMPLE_DOCS[4:])
    results = engine.extract_partitions([parts], tmp_path / "out")
    assert [r.releases for r in results] == [4, len(SAMPLE_DOCS) - 4]
    assert [p.name for p in sorted((tmp_path / "out").iterdir())] == ["part-0.jsonl", "part-1.jsonl"]
    got = read_output(tmp_path / "out" / "part-0.jsonl") + read_output(tmp_path / "out" / "part-1.jsonl")
    # ids missing in the input are numbered within their partition, as a separate extract of each file would
    assert [r["id"] for r in got] == ["water-1", "1", "transit-3", "youth-4", "0", "empty-6"]
    for record, expected in zip(got, local_records):
        assert {k: v for k, v in record.items() if k != "id"} == {k: v for k, v in expected.items() if k != "id"}


def test_parquet_partitions_in_and_out(engine, tmp_path, local_records):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    columns = ("id", "text", "published", "url", "title")
    table = pa.table({c: [d.get(c) for d in SAMPLE_DOCS] for c in columns},
                     schema=pa.schema([(c, pa.string()) for c in columns]))
    pq.write_table(table, tmp_path / "docs.parquet")
    [result] = engine.extract_partitions([tmp_path / "docs.parquet"], tmp_path / "out")
    assert result.releases == len(SAMPLE_DOCS) and not result.errors
    assert read_output(tmp_path / "out" / "docs.parquet") == local_records


def test_extract_cli_on_dask_equals_local(cluster, tmp_path):
    source = tmp_path / "docs.jsonl"
    _write_jsonl(source, SAMPLE_DOCS)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", "-q", "--input", str(source), "--output", str(local)]) == 0
    assert main(["extract", "-q", "--input", str(source), "--output", str(remote), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_extract_cli_partitions_folder(cluster, tmp_path):
    source = tmp_path / "docs.jsonl"
    _write_jsonl(source, SAMPLE_DOCS)
    out = tmp_path / "out"
    assert main(["extract", "-q", "--input", str(source), "--output", f"{out}/", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert len(read_output(out / "docs.jsonl")) == len(SAMPLE_DOCS)


def test_run_cli_on_dask_stores_the_same(cluster, tmp_path):
    source = tmp_path / "docs.jsonl"
    _write_jsonl(source, SAMPLE_DOCS)
    local_db, dask_db = tmp_path / "local.sqlite", tmp_path / "dask.sqlite"
    assert main(["run", "-q", str(source), "--db", str(local_db)]) == 0
    assert main(["run", "-q", str(source), "--db", str(dask_db), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    with Store(local_db) as a, Store(dask_db) as b:
        assert [r.to_dict() for r in b.releases()] == [r.to_dict() for r in a.releases()]


def test_missing_model_on_workers_is_a_one_line_error(cluster, tmp_path, capsys):
    """Runs last in this module: the failed plugin is left registered on the scheduler."""
    source = tmp_path / "docs.jsonl"
    _write_jsonl(source, SAMPLE_DOCS[:1])
    status = main(["extract", "-q", "--input", str(source), "--output", str(tmp_path / "o.jsonl"),
                   "--engine", "dask", "--scheduler", cluster.scheduler_address, "--spacy-model", "no_such_model"])
    assert status == 2
    err = capsys.readouterr().err
    assert "on the Dask workers" in err and "no_such_model" in err
    assert not (tmp_path / "o.jsonl").exists()
