"""Given names from a maintained public list (the name dictionary that ships with ``gender-guesser``).

The dictionary (Jörg Michael's ``nam_dict.txt``, about 48,000 first names from many countries)
is read once; only the names are kept. A word that is a known given name is evidence that a
capitalised phrase names a person ("Paul Eagle"), where "Kerry Pike" or "Built Heritage"
needs other evidence. Romanised Korean given names are recognised by their syllables
instead (`namekey.is_korean_syllables`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names; empty when the data package is not installed."""
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    names = set()
    for line in data.splitlines():
        if line.startswith("#") or len(line) < 4:
            continue
        # columns: gender code (2 chars), a space, the name padded to column 30 ("+" joins compound names)
        name = line[3:29].strip()
        if name:
            names.add(name.replace("+", "-").lower())
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Is ``word`` (any case; a hyphenated pair counts by its first part) a known given name?"""
    low = word.strip(".,").lower()
    names = given_names()
    return low in names or low.split("-")[0] in names


__all__ = ["given_names", "is_given_name"]
