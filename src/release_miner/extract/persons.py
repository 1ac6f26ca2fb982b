"""People in one release: find name mentions, clean them, and gather them into persons.

The small spaCy model finds most names but also tags places ("Busan"), headline words
("Gloria Earns") and reporters; it splits hyphenated Korean given names ("Kim Yong" for
"Kim Yong-woo") and misses names after some titles. So candidates come from three
sources, each general:

1. the model's PERSON entities;
2. a title followed by a capitalised name ("Mayor Park Heongjoon", "Councillor Chris Moise");
3. romanised Korean names: a common Korean family name and a given name that reads as
   romanised Korean syllables ("Lee Joon-seung", "Jeong-bok Yoo").

Each candidate is cleaned (titles in front, possessives, trailing headline verbs and
hyphen fragments) and rejected when it is a place, contains words that never name a
person, or sits in a byline or photo credit. Mentions are then grouped: spelling variants
by `namekey.name_key`, and bare surnames or "Mayor Park" attach to the full name they
abbreviate. A bare surname that abbreviates nothing is kept only when a title stands
before it ("President Biden").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc

from ..records import Person
from .gazetteers import (BYLINE_CUES, HONORIFICS, KOREAN_SURNAMES, NAME_PARTICLES, NOT_NAME_WORDS, PLACE_NAMES_OF_PEOPLE,
                         PLACES, PLACES_LOWER, TITLE_HEADS, TRAILING_VERBS)
from .given_names import is_given_name
from .lines import is_headline, line_at
from .namekey import affiliations_agree, fold, is_korean_syllables, korean_parts, name_key, surely_korean
from .roles import TITLE, Role, role_before, role_of
from .doctext import doc_text

_NAME_WORD = r"(?:[A-Z]\.|[A-Z][a-zA-Z]*(?:['’][A-Z][a-zA-Z]+)?(?:-[A-Za-z][a-z]*)*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})\s+)?{_NAME_WORD}){{0,3}}"
_TITLED_NAME = re.compile(rf"(?=[A-Z]){TITLE}[ \t]+(?P<name>{_NAME})")
_NAME2 = rf"{_NAME_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[ \t]+)?{_NAME_WORD}){{1,2}}"
#: "The Mayor of London, Sadiq Khan," and "Lee Joon, Vice President of ...": a name beside a role.
_APPOSED_NAME = re.compile(
    rf"(?:{TITLE}(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w]*(?:[ \t]+[A-Z][\w]*)*)?,[ \t]+(?P<name>{_NAME2})\b"
    rf"|(?<![\w-])(?P<name2>{_NAME2}),[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[\w'’-]+[ \t]+){{0,3}}?{TITLE})"
)
_SURNAME_ALT = "|".join(sorted(KOREAN_SURNAMES, key=len, reverse=True))
_KOREAN_NAME = re.compile(
    rf"(?<![\w-])(?:(?:{_SURNAME_ALT})[ \t]+(?P<given>[A-Z][a-z]+(?:-[a-z]+)?)"
    rf"|(?P<given2>[A-Z][a-z]+-[a-z]+)[ \t]+(?:{_SURNAME_ALT}))(?![\w-])"
)
#: "Minho Choi said": a Korean name written given name first, which the model often misses, where
#: what follows it only a person does
_SPEAKING_KOREAN_NAME = re.compile(
    rf"(?<![\w-])(?P<given>[A-Z][a-z]{{2,}})[ \t]+(?:{_SURNAME_ALT})(?=[ \t]+(?:said|says|stressed|stresses|"
    rf"explained|explains|added|adds|noted|notes|told|emphasi[sz]ed|emphasi[sz]es|asked|urged|urges)\b)"
)
_TITLE_PREFIX = re.compile(
    rf"^(?:[A-Z][\w’'.-]*\s+)*?{TITLE}\s+(?=[A-Z]|(?:{'|'.join(sorted(NAME_PARTICLES))})\s)")
_HONORIFIC = re.compile(r"^(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
                        + r")\s+(?=[A-Z])")
#: A byline cue, then only other credited names ("Reporters Jang Sehee and "), right before the name.
_BYLINE = re.compile(
    r"(?:^|[\[\](\s=])(?i:" + "|".join(re.escape(c) for c in BYLINE_CUES if c != "by")
    + r")\b[\s:=]*(?:(?:[A-Z][\w'’.-]*[ \t]*)+(?:,|\band\b)[ \t]*)*$|^\s*(?:[-–—|]\s*)?(?i:by)\s+$"
)
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion))[ \t]*$")
_EMAIL_AFTER = re.compile(r"^\s*[(\[]?\s*[\w.+-]+@[\w-]+\.[\w.]+")
_WORD = re.compile(r"\S+")

#: Role words (lower case): a name never ends in one ("Busan Mayor").
_ROLE_WORDS = frozenset(TITLE_HEADS)


@dataclass
class Mention:
    """One stretch of text naming a person."""

    start: int
    end: int
    text: str
    role: Role | None = None

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class _Group:
    full: list[Mention] = field(default_factory=list)
    short: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.full + self.short)


# ---- candidates -----------------------------------------------------------


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    """Raw name spans from titles, appositions and Korean name shapes (the model's are read apart)."""
    text = doc_text(doc)
    spans = [m.span("name") for m in _TITLED_NAME.finditer(text)]
    spans += [m.span("name") if m.group("name") else m.span("name2") for m in _APPOSED_NAME.finditer(text)]
    spans += [m.span() for m in _SPEAKING_KOREAN_NAME.finditer(text) if is_korean_syllables(m.group("given"))]
    for m in _KOREAN_NAME.finditer(text):
        given = m.group("given") or m.group("given2")
        # a hyphenated given name, or one long enough not to be an English word that happens to parse
        if ("-" in given or len(given) >= 5) and is_korean_syllables(given):
            spans.append(m.span())
    return spans


def _trim(text: str, start: int, end: int, verbs: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Tighten ``[start, end)`` to a clean name: no title in front, no possessive or verb behind.

    ``verbs`` are the offsets of words the tagger reads as finite verbs or gerunds: a name
    ends before one ("Minho Choi Stresses ...", "Kim Young-hwan Envisions ...").
    """
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and text[end - 1] in " \t.,;:!?\"'“”‘’)]–—-":
        if text[end - 1] == "." and end - start >= 2 and text[end - 3:end - 2] == " ":
            break  # a middle initial "A." stays
        end -= 1
    # a hyphenated given name the tokenizer cut: "Kim Yong" + "-woo"
    m = re.match(r"-[a-z]+\b", text[end:end + 12])
    if m:
        end += m.end()
    segment = text[start:end]
    if "\n" in segment:  # keep the longest line
        best = max(((start + mm.start(), start + mm.end()) for mm in re.finditer(r"[^\n]+", segment)),
                   key=lambda s: s[1] - s[0])
        start, end = best
        segment = text[start:end]
    m = _HONORIFIC.match(segment)
    if m and m.end() < len(segment):
        start += m.end()
        segment = text[start:end]
    m = _TITLE_PREFIX.match(segment)
    while m and m.end() < len(segment):
        start += m.end()
        segment = text[start:end]
        m = _TITLE_PREFIX.match(segment)
    m = re.search(r"(?:'s|’s|'|’)$", segment)
    if m:
        end = start + m.start()
        segment = text[start:end]
    words = list(_WORD.finditer(segment))
    cut = next((i for i, w in enumerate(words) if i > 0 and start + w.start() in verbs and w.group()[0].isupper()),
               None)
    if cut is not None:
        words = words[:cut]
        end = start + words[-1].end()
    if len(words) >= 3 and korean_parts(" ".join(w.group() for w in words[1:])) \
            and not is_korean_syllables(words[0].group()) and not is_given_name(words[0].group()):
        start += words[1].start()  # "Distribution Hong Nam-pyo": a word of the title before a Korean name
        segment = text[start:end]
        words = list(_WORD.finditer(segment))
    headline = is_headline(line_at(text, start))
    if len(words) >= 3 and (korean_parts(" ".join(w.group() for w in words[:2]))
                            and not is_korean_syllables(words[2].group())
                            or headline and is_given_name(words[0].group()) and not _name_word(words[2].group())):
        # "Kim Young-hwan Envisions ...", "Paul Young Weekly Update": the name is complete after two words
        words = words[:2]
        end = start + words[-1].end()
    while (len(words) > 2 or (headline and len(words) > 1)) and words[-1].group().lower() in TRAILING_VERBS:
        words.pop()
        end = start + words[-1].end()
    return start, end


def _plausible(text: str, start: int, end: int) -> bool:
    """Could ``text[start:end]`` name a person of the release (not a place, body, headline word or byline)?"""
    name = text[start:end]
    words = name.split()
    if not words or len(words) > 4 or re.search(r"\d", name):
        return False
    if name in PLACES or name.lower() in PLACES_LOWER:
        return False
    # "Betty Grant", "Tasha Dean": after a known given name, a last word that is itself a name
    # ("Grant", "Dean") is a family name, not a common noun or a role
    named = len(words) >= 2 and is_given_name(words[0])
    for w in words:
        bare = w.rstrip(".")
        if w in NAME_PARTICLES:
            continue
        if not w[0].isupper() or (len(bare) > 1 and bare.isupper() and not _INITIALS.fullmatch(w)):
            return False
        family = named and w is words[-1] and is_given_name(bare)
        if (bare in NOT_NAME_WORDS or bare.split("-")[0] in NOT_NAME_WORDS) and not family:
            return False
        low = bare.lower()
        if low in PLACES_LOWER and low not in PLACE_NAMES_OF_PEOPLE:
            return False
        if low in _ROLE_WORDS and len(words) > 1 and w is words[-1] and not family:
            return False  # "Busan Mayor"
    if words[0] in NAME_PARTICLES and len(words) < 2:
        return False
    if len(words) >= 2 and re.fullmatch(r"[A-Z]", words[-1]):
        return False  # a placeholder ("Company A", "Person B"): a name never ends in a bare letter
    if _AMOUNT_BEFORE.search(text[max(0, start - 20):start]):
        return False  # "150 Billion Won Ocean ...": a currency, not a family name
    return not _is_byline(text, start, end)


_VERB_TAGS = frozenset({"VBZ", "VBD", "VBG", "VBP"})
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _name_word(word: str) -> bool:
    """A word that can continue a name: a given name, an initial, a particle or a hyphenated name."""
    return is_given_name(word) or bool(_INITIALS.fullmatch(word)) or word in NAME_PARTICLES or "-" in word
#: A capitalised word right after an honorific or a title ("Mr Khan", "Mayor Moreno"): a family name.
_CUED_SURNAME = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?|" + TITLE + r")[ \t]+([A-Z][\w'’-]+)(?![ \t]+[A-Z])")


def name_shaped(name: str) -> bool:
    """Does ``name`` read as a person's name without any title or role beside it?

    It does when it opens with a known given name ("Paul Eagle"), is a romanised Korean
    name ("Lee Joon-seung", "Min-ji Kim"), or holds an initial ("T.C. Broadnax"). A single
    word never does ("System", "Unit"): it needs a title ("President Biden") or a fuller
    mention elsewhere, which the grouping checks.
    """
    words = name.split()
    if len(words) < 2:
        return True  # judged when grouping: a bare word must abbreviate a full name or follow a title
    if korean_parts(name) or any("-" in w and is_korean_syllables(w) for w in words):
        return True
    if any(re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        return True
    return is_given_name(words[0])


def _is_byline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    if _BYLINE.search(text[line_start:start]):
        return True
    return bool(_EMAIL_AFTER.match(text[end:end + 60]))


def find_mentions(doc: Doc) -> list[Mention]:
    """Clean, plausible person mentions, longest first where candidates overlap."""
    text = doc_text(doc)
    verbs = frozenset(t.idx for t in doc if t.tag_ in _VERB_TAGS)
    seen: list[Mention] = []
    cleaned: dict[tuple[int, int], bool] = {}  # span -> found by a rule (a title, an apposition, a Korean shape)
    model = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    for by_rule, candidates in ((False, model), (True, _candidates(doc))):
        for s, e in candidates:
            s, e = _trim(text, s, e, verbs)
            if e - s >= 2:
                cleaned[(s, e)] = cleaned.get((s, e), False) or by_rule
    cued = {m.group(1) for m in _CUED_SURNAME.finditer(text)}
    for (s, e), by_rule in sorted(cleaned.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])):
        if any(not (e <= m.start or s >= m.end) for m in seen):
            continue
        if not _plausible(text, s, e):
            continue
        role = role_of(text, s, e)
        if not by_rule and role is None and not name_shaped(text[s:e]) and text[s:e].split()[-1] not in cued:
            continue  # no title, no name shape, and never called "Mr ..." or "Mayor ..." by its last word
        seen.append(Mention(s, e, text[s:e], role))
    seen += _surname_mentions(text, seen)
    return sorted(seen, key=lambda m: m.start)


def _surname_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """Bare surnames of the full names found ("... Reyes said"), which the model often leaves untagged.

    A Korean family name is shared by many people, so it counts only after a title ("Mayor Lee").
    """
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in found]
    for full in [m for m in found if len(m.words) >= 2]:
        korean = surely_korean(full.text)
        surname = korean_parts(full.text)[0] if korean else full.words[-1]
        if len(surname) < 2 or surname in NAME_PARTICLES or "-" in surname:
            continue
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])(?![ \t]+[A-Z])", text):
            s, e = m.span()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            role = role_before(text, s, e)
            if korean and role is None:
                continue
            taken.append((s, e))
            out.append(Mention(s, e, surname, role))
    return out


# ---- grouping -------------------------------------------------------------


def _surname(m: Mention) -> str:
    parts = korean_parts(m.text)
    if parts:
        return fold(parts[0])
    return fold(m.words[-1])


def _matches_short(short: Mention, group: _Group) -> bool:
    word = fold(short.words[-1])
    for full in group.full:
        if word in (_surname(full), fold(full.words[-1])):
            return True
        if not surely_korean(full.text):
            if word == fold(full.words[0]) or (len(word) >= 5 and ratio(word, fold(full.words[-1])) >= 85):
                return True
    return False


def _title_of(m: Mention) -> str | None:
    return m.role.title.lower() if m.role and m.role.title else None


def _affiliation(m: Mention) -> str | None:
    return m.role.affiliation if m.role else None


def _group_key(groups: dict[str, _Group], key: str, m: Mention) -> str:
    """The group of a full-name mention: its name key, unless the people there belong to another body.

    "Deputy Mayor Kim Min-ji of Seoul" and "Deputy Mayor Kim Min-jee of Daegu" share a key
    (one romanisation folded), but two stated bodies that disagree make two people.
    """
    compatible = []
    n = 0
    while True:
        candidate = key if n == 0 else f"{key}#{n}"
        group = groups.get(candidate)
        if group is None:
            break
        if not any(affiliations_agree(_affiliation(m), _affiliation(o)) is False for o in group.full):
            compatible.append(candidate)
        n += 1
    if not compatible:
        return candidate
    # a later bare "Kim Min-jee" belongs with the person spelled exactly so, not the first variant
    spelled = [c for c in compatible if any(o.text == m.text for o in groups[c].full)]
    return (spelled or compatible)[0]


def group_mentions(mentions: list[Mention]) -> list[_Group]:
    """Spelling variants into one group; bare surnames onto the full name they abbreviate."""
    groups: dict[str, _Group] = {}
    shorts = []
    for m in mentions:
        if len([w for w in m.words if len(fold(w)) > 1 and w not in NAME_PARTICLES]) >= 2:
            groups.setdefault(_group_key(groups, name_key(m.text), m), _Group()).full.append(m)
        else:
            shorts.append(m)
    ordered = sorted(groups.values(), key=lambda g: g.first)
    for m in shorts:
        candidates = [g for g in ordered if _matches_short(m, g)]
        if not candidates:
            if m.role and m.role.title:  # "President Biden": named, though by surname only
                key = "solo|" + fold(m.text)
                groups.setdefault(key, _Group()).short.append(m)
                ordered = sorted(groups.values(), key=lambda g: g.first)
            continue
        title = _title_of(m)
        same_title = [g for g in candidates if title and any(_title_of(f) == title for f in g.full + g.short)]
        pool = same_title or candidates
        before = [g for g in pool if g.first <= m.start]
        chosen = before[-1] if before else pool[0]
        chosen.short.append(m)
    return sorted(groups.values(), key=lambda g: g.first)


def _pick_role(group: _Group) -> Role | None:
    roles = [m.role for m in sorted(group.full, key=lambda m: m.start) if m.role and m.role.title]
    roles += [m.role for m in sorted(group.short, key=lambda m: m.start) if m.role and m.role.title]
    if not roles:
        return None
    best = max(roles, key=lambda r: r.strength)
    affiliation = best.affiliation or next((r.affiliation for r in roles
                                            if r.affiliation and r.title == best.title), None)
    return Role(best.title, affiliation, best.strength)


def to_person(group: _Group) -> Person:
    spellings = Counter(m.text for m in group.full) or Counter(m.text for m in group.short)
    first_seen = {}
    for m in sorted(group.full + group.short, key=lambda m: m.start):
        first_seen.setdefault(m.text, m.start)
    name = max(spellings, key=lambda s: (spellings[s], -first_seen[s]))
    aliases = sorted({m.text for m in group.full if m.text != name}, key=lambda s: first_seen[s])
    role = _pick_role(group)
    mentions = sorted({(m.start, m.end) for m in group.full + group.short})
    return Person(name=name, aliases=aliases, title=role.title if role else None,
                  affiliation=role.affiliation if role else None, mentions=[list(s) for s in mentions])


def extract_people(doc: Doc) -> list[Person]:
    """Every named person in ``doc`` with title, affiliation and all mention offsets."""
    return [to_person(g) for g in group_mentions(find_mentions(doc))]


__all__ = ["Mention", "extract_people", "find_mentions", "group_mentions", "name_shaped", "to_person"]
