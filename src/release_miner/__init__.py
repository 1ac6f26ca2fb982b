"""release-miner: figures, dates, people, organizations and policies from city-government press releases.

    >>> import release_miner
    >>> release = release_miner.mine("Mayor Park Heongjoon announced 7.2749 trillion won ...",
    ...                              published="2025-03-27")
    >>> [(f.kind, f.value, f.unit) for f in release.figures]

`mine` handles one text; `mine_many` streams many through spaCy's ``nlp.pipe``; the
pipeline (spaCy plus release-miner's components) is loaded once per process by
`load_pipeline`. `Store` keeps results in a SQLite dataset.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import Document, ModelNotFound, build_pipeline, load_pipeline, mine, mine_many
from .records import CATEGORIES, DateMention, Figure, Organization, Person, Policy, Release
from .store import Store

__all__ = [
    "CATEGORIES",
    "DateMention",
    "Document",
    "Figure",
    "ModelNotFound",
    "Organization",
    "Person",
    "Policy",
    "Release",
    "Store",
    "__version__",
    "build_pipeline",
    "load_pipeline",
    "mine",
    "mine_many",
]
