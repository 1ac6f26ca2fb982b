"""Main-text quality as precision and recall of word tokens against a hand-made gold text.

Bag-of-words overlap (multiset), as in main-text extraction benchmarks: precision is the
share of extracted tokens that belong to the gold text, recall the share of gold tokens
that were extracted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .site_server import FIXTURES

GOLD = FIXTURES / "gold"

#: gold name -> (site root, URL path, adapter name or None)
CASES: dict[str, tuple[str, str, str | None]] = {}
for _file in sorted(GOLD.glob("riverton/*.txt")):
    _paths = {"feed-only": "updates/feed-only.html", "sitemap-only": "archive/sitemap-only.html",
              "library-hours": "news/2025/06/03/library-hours.html"}
    CASES[f"riverton/{_file.stem}"] = ("riverton", "/" + _paths.get(_file.stem, f"news/{_file.stem}.html"), None)
for _file in sorted(GOLD.glob("busan/*.txt")):
    CASES[f"busan/{_file.stem}"] = ("busan", f"/eng/ai-translated-press-releases/{_file.stem}", "busan-en")
for _file in sorted(GOLD.glob("london/*.txt")):
    CASES[f"london/{_file.stem}"] = ("london", f"/media-centre/mayors-press-releases/{_file.stem}", "london")


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def precision_recall(extracted: str, gold: str) -> tuple[float, float]:
    got, want = tokens(extracted), tokens(gold)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 1.0
    return precision, recall


def gold_text(name: str) -> str:
    return (GOLD / f"{name}.txt").read_text(encoding="utf-8")


def page_file(site: str, path: str) -> Path:
    target = FIXTURES / site / path.lstrip("/")
    return target / "index.html" if target.is_dir() else target
