"""Keys that make spelling variants of one person's name compare equal.

Romanised Korean names reach English releases in several systems at once: "Park
Heong-joon", "Park Heongjoon", "Park Hyung-joon", "Park Hyungjun" are one mayor. No
library normalises this, so the key here folds the differences those systems make
(hyphens and spaces, ``eo``/``u``/``yu``, ``oo``/``u``, ``g``/``k``, ``j``/``ch``, ``r``/``l``
...) and reads the family name first whichever order the text used ("Dong Yeon Kim" and
"Kim Dong-yeon"). Other names get a plain key: lower-case letters of the given and
family names, middle initials dropped. Within one release the key groups a person's
spellings; across releases it is the first filter before fuzzy matching (`people.py`).
"""

from __future__ import annotations

import re
import unicodedata

from .gazetteers import KOREAN_SURNAMES

_SURNAMES_LOWER = frozenset(s.lower() for s in KOREAN_SURNAMES)

#: Family names whose romanisations differ beyond what the phonetic folding below evens out.
_SURNAME_CANON: dict[str, str] = {
    "yi": "lee", "rhee": "lee", "ri": "lee", "i": "lee",
    "pak": "park", "bak": "park",
    "choe": "choi", "chey": "choi",
    "jeong": "jung", "chung": "jung", "cheong": "jung",
    "o": "oh",
    "an": "ahn", "ahm": "ahn",
    "roh": "noh", "no": "noh",
    "koh": "ko", "go": "ko",
    "yu": "yoo", "you": "yoo",
    "rim": "lim", "im": "lim", "yim": "lim",
    "sin": "shin", "gwon": "kwon", "gang": "kang", "kahng": "kang",
    "jo": "cho", "joe": "cho", "gim": "kim", "hahn": "han",
    "sohn": "son", "suh": "seo", "hur": "heo", "huh": "heo",
    "mun": "moon", "yun": "yoon", "youn": "yoon",
    "jun": "jeon", "chun": "jeon", "cheon": "jeon",
    "paik": "baek", "paek": "baek", "pae": "bae",
    "sung": "seong", "um": "eom", "uhm": "eom",
}

#: Romanised syllable: optional onset, vowel cluster, optional coda. Used to tell Korean given names.
_SYLLABLE = re.compile(
    r"(?:kk|gg|tt|dd|pp|bb|ss|jj|ch|sh|[gkndtrlmbpsjhyw])?"
    r"(?:yeo|yae|wae|weo|eo|ae|ya|ye|yo|yu|wa|we|wi|wo|oe|ui|eu|oo|ee|ou|ai|a|e|i|o|u)"
    r"(?:ng|[kgnldtmpbr])?"
)


def fold(text: str) -> str:
    """Lower-case ASCII letters only (accents removed): the scorer's notion of the same spelling."""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text or "").lower())


def is_korean_syllables(word: str) -> bool:
    """True when ``word`` (hyphens ignored) reads as a sequence of romanised Korean syllables."""
    w = fold(word)
    return bool(w) and len(w) <= 12 and _parses(w, 0)


def _candidates(word: str, pos: int) -> list[int]:
    out = []
    for end in range(pos + 1, min(len(word), pos + 7) + 1):
        if _SYLLABLE.fullmatch(word, pos, end):
            out.append(end)
    return out


def _parses(word: str, pos: int, depth: int = 0) -> bool:
    if pos == len(word):
        return True
    if depth > 6:
        return False
    return any(_parses(word, end, depth + 1) for end in _candidates(word, pos))


def korean_parts(name: str) -> tuple[str, str] | None:
    """``(family, given)`` when ``name`` looks like a romanised Korean name, in either order."""
    tokens = [t for t in re.split(r"\s+", name.strip()) if t]
    if not 2 <= len(tokens) <= 3:
        return None
    first, last = tokens[0], tokens[-1]
    if first.lower() in _SURNAMES_LOWER and "-" not in first:
        given = tokens[1:]
        if all(is_korean_syllables(g) for g in given):
            return first, " ".join(given)
    if last.lower() in _SURNAMES_LOWER and "-" not in last:
        given = tokens[:-1]
        if all(is_korean_syllables(g) for g in given) and (len(given) > 1 or "-" in given[0]):
            return last, " ".join(given)
    return None


#: Spellings that only romanised Korean given names tend to have (a lone "Biden" or "Anderson" has none).
_KOREAN_MARKERS = re.compile(r"eo|eu|ae|oo|ui|yu|yo|ya|ye|wo|wa|ng|ee|kk|ss|jj|hy|ky|gy")


def surely_korean(name: str) -> bool:
    """A Korean-looking name whose given part is unmistakably Korean (hyphenated or with Korean spellings).

    "Joe Biden" parses as a Korean family name and syllables; this tells such names apart
    where it matters which word is the surname.
    """
    parts = korean_parts(name)
    if parts is None:
        return False
    given = parts[1]
    return "-" in given or " " in given or bool(_KOREAN_MARKERS.search(fold(given)))


def phonetic(part: str) -> str:
    """Fold the differences between romanisation systems out of one name part."""
    s = fold(part)
    for a, b in (("ee", "i"), ("oo", "u"), ("eo", "u"), ("eu", "u"), ("ou", "u"), ("ae", "e"), ("ai", "e"),
                 ("wu", "u"), ("ch", "j"), ("sh", "s"), ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"),
                 ("f", "p"), ("yi", "i"), ("ui", "i")):
        s = s.replace(a, b)
    s = re.sub(r"(?<=[kntlmpsjh])y", "", s)  # Hyung ~ Heong once "eo" became "u"
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled consonants and vowels
    return s


def surname_key(family: str) -> str:
    f = fold(family)
    return phonetic(_SURNAME_CANON.get(f, f))


def name_key(name: str) -> str:
    """A key equal for spelling variants of one name: ``family|given`` (Korean) or folded words."""
    parts = korean_parts(name)
    if parts:
        family, given = parts
        return f"{surname_key(family)}|{phonetic(given)}"
    tokens = [t for t in re.split(r"[\s]+", name.strip()) if t]
    kept = [t for t in tokens if len(fold(t)) > 1] or tokens
    if len(kept) >= 2:
        return f"{fold(kept[-1])}|{fold(' '.join(kept[:-1]))}"
    return fold(" ".join(kept))


def family_name(name: str) -> str:
    """The family name as written: first word of a Korean name, last word otherwise."""
    parts = korean_parts(name)
    if parts:
        return parts[0]
    tokens = name.split()
    return tokens[-1] if tokens else name


#: Words of an affiliation that say what kind of body it is, not which one.
_GENERIC_AFFILIATION = frozenset("""
the of and for in metropolitan special city government council office municipal provincial province county
state national federal local regional administration department ministry bureau district town self governing
autonomous hall
""".split())


def affiliation_words(affiliation: str | None) -> frozenset[str]:
    """The words that tell which body: "Busan Metropolitan City" -> {"busan"}."""
    words = re.findall(r"[a-z]+", fold_words(affiliation))
    return frozenset(w for w in words if w not in _GENERIC_AFFILIATION and len(w) > 1)


def fold_words(text: str | None) -> str:
    return " ".join(fold(w) for w in (text or "").split())


def affiliations_agree(a: str | None, b: str | None) -> bool | None:
    """True when both name the same body or place, False when they name different ones, None when unknown."""
    wa, wb = affiliation_words(a), affiliation_words(b)
    if not wa or not wb:
        return None
    return bool(wa & wb)


__all__ = ["affiliation_words", "affiliations_agree", "family_name", "fold", "fold_words", "is_korean_syllables",
           "korean_parts", "name_key", "phonetic", "surely_korean", "surname_key"]
