"""Common English words, from the WordNet index that ships with spaCy's English lemmatizer data.

A capitalised word that is also an ordinary English word ("Social", "Investment", "Waste")
is weak evidence that a phrase starts a new proper name; a word that is not ("Shinhan",
"Daewoo", "SSG.com") is strong evidence. The list is read from the base model's own
lemmatizer lookups on disk (the lemmatizer itself is not run), so it costs nothing per
document and needs no extra package; without it every word counts as distinctive.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def _index(model_path: str | None) -> dict[str, frozenset[str]]:
    """The lemma index of the model at ``model_path`` by part of speech; empty when it has none."""
    if not model_path:
        return {}
    path = Path(model_path) / "lemmatizer" / "lookups" / "lookups.bin"
    if not path.exists():
        return {}
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(path.parent)
    if not lookups.has_table("lemma_index"):
        return {}
    return {pos: frozenset(w.lower() for w in entries) for pos, entries in lookups.get_table("lemma_index").items()}


def common_words(model_path: str | None) -> frozenset[str]:
    """Lower-cased English lemmas (every part of speech) of the model at ``model_path``."""
    return frozenset().union(*_index(model_path).values())


def verbs(model_path: str | None) -> frozenset[str]:
    """Lower-cased English verb lemmas of the model at ``model_path``."""
    return _index(model_path).get("verb", frozenset())


__all__ = ["common_words", "verbs"]
