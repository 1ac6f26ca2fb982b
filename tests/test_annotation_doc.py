"""The annotation guidelines users need to write their own gold files ship with the project."""

from __future__ import annotations

import re

from release_miner.cli import build_parser
from release_miner.records import CATEGORIES
from tests.conftest import REPO


def _help(command: str) -> str:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    return subparsers.choices[command].format_help()


def test_evaluate_help_points_to_guidelines_that_exist():
    named = re.findall(r"[\w/.-]+\.md", _help("evaluate"))
    assert named and all((REPO / name).is_file() for name in named), named


def test_the_guidelines_cover_every_field_and_category():
    text = (REPO / "docs" / "annotation.md").read_text(encoding="utf-8")
    for heading in ("## Figures", "## Dates", "## People", "## Organizations", "## Policies"):
        assert heading in text
    assert all(f"`{category}`" in text for category in CATEGORIES)
