"""People and organizations on the hand-annotated dev releases stay above a floor.

The floors sit below the measured scores, so the test fails on a real regression of the
rules, not on a single changed item. Skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from release_miner.evaluate import score
from release_miner.pipeline import build_pipeline, mine_many

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev.jsonl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result():
    if not DEV.exists():
        pytest.skip("../shared/eval/dev.jsonl is not available")
    gold = {}
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[str(record["id"])] = record
    nlp = build_pipeline(components=("release_names",))
    docs = [{k: r.get(k) for k in ("id", "text", "published", "url", "title")} for r in gold.values()]
    predictions = {r.id: r.to_dict(include_text=False) for r in mine_many(docs, nlp=nlp)}
    return score(gold, predictions)


def test_people(result):
    assert result["people"]["f1"] >= 0.93


def test_titles(result):
    assert result["title_accuracy"] >= 0.90


def test_organizations(result):
    assert result["organizations"]["f1"] >= 0.85
