"""Fixtures for the report tests: a hand-made dataset in a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from .dataset import build_dataset


@pytest.fixture
def dataset(tmp_path) -> Path:
    return build_dataset(tmp_path / "releases.sqlite")
