"""Fixtures shared by the whole suite: the real spaCy pipeline (loaded once) and the shared eval data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "dev.jsonl"
TRAIN = SHARED / "eval" / "train.jsonl"
SAMPLES = REPO / "corpus" / "samples"


@pytest.fixture(scope="session")
def nlp():
    """The full release-miner pipeline on the installed spaCy model."""
    from release_miner import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def dev_docs() -> list[dict]:
    """The hand-annotated dev releases; tests that need them skip when ../shared is absent."""
    if not DEV.exists():
        pytest.skip("../shared/eval/dev.jsonl is not available")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def train_docs() -> list[dict]:
    """The annotated training releases (some annotate only the fields listed in ``fields``)."""
    if not TRAIN.exists():
        pytest.skip("../shared/eval/train.jsonl is not available")
    return [json.loads(line) for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()]
