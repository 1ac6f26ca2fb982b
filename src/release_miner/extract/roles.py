"""A person's title and affiliation, read from the words around one mention of the name.

Releases state a role in a handful of shapes, each handled by one pattern here:

- before the name: "Mayor Park Heongjoon", "said Mayor Brandon Johnson",
  "Busan Metropolitan Council Chairperson Ahn Seongmin", "Busan's Vice Mayor for
  Administrative Affairs Lee Joon-seung";
- in brackets after a body: "The Busan Metropolitan Government (Mayor Park Heongjoon)";
- before the name with a comma: "The Mayor of London, Sadiq Khan";
- after the name: "Lee Joon, Vice President of the Korea Institute ...", "Sadiq Khan, the
  Mayor of London", "Susan Moulton, Waste Management's Senior Director ...",
  "Director Park Hyun-ho of the Urban Policy Bureau".

Titles come from the `TITLES` gazetteer (whole words, any case), so a capitalised run that
merely precedes a name is never mistaken for a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteers import ORG_HEADS, PLACES_LOWER, TITLE_ABBREVIATIONS, TITLE_MODIFIERS, TITLES

_TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True))
#: One title, whole words, any case.
TITLE = rf"(?i:(?<![\w-])(?:{_TITLE_ALT})(?![\w-]))"

_MULTI_ALT = "|".join(
    # the plural of the first word is the same role ("Members of Parliament")
    re.escape(t.split(" ", 1)[0]) + r"s?\s+" + re.escape(t.split(" ", 1)[1]).replace(r"\ ", r"\s+")
    for t in sorted(TITLES, key=len, reverse=True) if " " in t and t[0].isupper())
#: Roles of two or more words, capitalised as written before a name ("Consul General", "Member of Parliament").
MULTIWORD_TITLE = re.compile(rf"(?<![\w-])(?:{_MULTI_ALT})(?![\w-])")

_CAP = r"[A-Z][\w.&'’\-]*"
#: A capitalised run that may hold "of", "and", "for", "&", "the" between capitalised words.
_CAPRUN = rf"{_CAP}(?:\s+(?:(?:of|and|for|in|on|&|the)\s+)*{_CAP})*"
#: The same, shortest first: a body right before a title must not swallow the title's first word.
_CAPRUN_LAZY = rf"{_CAP}(?:\s+(?:(?:of|and|for|in|on|&|the)\s+)*{_CAP})*?"
#: A role qualifier: "for Administrative Affairs", "of Strategy and Business Planning".
_QUALIFIER = rf"(?:\s+(?:for|of)\s+(?:the\s+)?{_CAPRUN})?"

_BEFORE_TITLE = re.compile(
    rf"(?:(?P<aff>{_CAPRUN_LAZY})\s+)?(?P<title>{TITLE}{_QUALIFIER})\s+$"
)
_BEFORE_BRACKET = re.compile(rf"(?P<aff>{_CAPRUN})\s*\(\s*(?P<title>{TITLE}{_QUALIFIER})\s+$")
_BEFORE_COMMA = re.compile(
    rf"(?:^|[\s(\"“])(?:[Tt]he\s+)?(?P<title>{TITLE})(?:\s+of\s+(?:the\s+)?(?P<aff>{_CAPRUN}))?\s*,\s*$"
)
_AFTER_APPOSITIVE = re.compile(
    rf"^\s*,\s+(?:(?:the|a|an|its|their)\s+)?(?:(?P<aff>{_CAPRUN})(?:'s|’s)\s+)?"
    rf"(?P<pre>(?:[\w-]+\s+){{0,3}}?)(?P<title>{TITLE}(?:\s+(?:and|&)\s+{TITLE})?)"
    rf"(?:\s+(?:of|at|with|for|in)\s+(?:the\s+)?(?:(?:city|state|country|county)['’]s\s+)?(?P<aff2>{_CAPRUN}))?"
)
#: A plural role before a list of names: "councillors Farkas, Sean Chu and Joe Magliocca".
_LISTED_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
_BEFORE_LIST = re.compile(
    rf"(?i:(?<![\w-])(?P<title>{_TITLE_ALT})s)[ \t]+(?:{_LISTED_NAME},[ \t]+)*(?:{_LISTED_NAME},?[ \t]+and[ \t]+)?$"
)
_AFTER_OF = re.compile(rf"\s+(?:of|at)\s+(?:the\s+)?(?P<aff>{_CAPRUN})")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:St|Dr|Mr|Ms|Co|No|Lt|Jr))(?<!\b(?:Gov|Sen|Rep|Sec|Amb|Mrs|Hon))"
                           r"(?<!\b(?:Supt|Pres|Prof))[.!?][\"”’']?\s+(?=[A-Z\"“‘])")
_LATER_BODY = re.compile(rf"\s+(?:at|of|with)\s+(?:the\s+)?(?P<aff>{_CAPRUN})")


@dataclass(frozen=True)
class Role:
    """A title (as written) and the body it belongs to, either may be None."""

    title: str | None
    affiliation: str | None
    #: how direct the evidence is (higher wins when mentions disagree)
    strength: int = 1


_TITLE_RE = re.compile(TITLE)
#: Styles written before a councillor's name in every mention, whatever their role: a role the
#: release states as well ("Councillor Jane Roe, Chair of the Finance Committee") says more.
_COURTESY_TITLES = frozenset({"cllr", "cr", "councillor", "councilor"})
_FUNCTION_WORDS = frozenset("as at in on the with by for and but to from of a an today yesterday tomorrow meanwhile "
                            "also then after before during under".split())


_CALENDAR_TAIL = re.compile(r"\s+(?:on|in|this|last|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                            r"Sunday|January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b.*$")


def _clean_aff(aff: str | None) -> str | None:
    if not aff:
        return None
    titled = list(_TITLE_RE.finditer(aff))
    head = aff[:titled[0].start()] if titled else ""
    if re.search(r"\s(?:and|&)\s*$", head):  # "of Seoul and Deputy Mayor Kim ...": the body before the next person
        aff = re.sub(r"\s(?:and|&)\s*$", "", head)
    elif titled:  # "Mayor Bowser and White House": the body after the other person
        rest = aff[titled[-1].end():]
        aff = rest.split(" and ", 1)[1] if " and " in rest else ""
    aff = re.split(r"(?<=[a-z]{2})[.!?]\s", aff)[0]  # a body never runs on past the end of its sentence
    aff = _CALENDAR_TAIL.split(aff)[0]  # "of Daegu on Monday": the body, not the day
    words = aff.split()
    while words and words[0].lower() in _FUNCTION_WORDS:
        words = words[1:]
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words = words[:-1]
    aff = " ".join(words)
    aff = re.sub(r"(?:'s|’s)$", "", aff).strip(" ,.-")
    return aff or None


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    return TITLE_ABBREVIATIONS.get(title.lower(), title)


def _split_role_words(title: str, aff: str | None) -> tuple[str, str | None]:
    """Move words of the role out of the body before it.

    "First Vice Mayor" keeps "First" in the title; "City Council Member" and "Library Director"
    name no body: a lone generic head noun ("City", "Library") before a role describes the role.
    """
    words = aff.split() if aff else []
    while words and words[-1].lower() in TITLE_MODIFIERS:
        title = f"{words.pop()} {title}"
    # "Lee Seong-gwon and City Council Member Caity Maple": the words before "and" end another
    # noun phrase, so only the last conjunct can describe this role
    joined = max((i for i, w in enumerate(words) if w in ("and", "&")), default=-1)
    tail = words[joined + 1:]
    if len(tail) == 1 and tail[0].rstrip(".") in ORG_HEADS | _GENERIC_NOUNS \
            and tail[0].lower() not in PLACES_LOWER:
        title = f"{tail[0]} {title}"
        words = [] if joined >= 0 else words[:-1]
    return title, " ".join(words) or None


#: Capitalised common nouns that, alone before a role, say what the role is about ("Library Director").
_GENERIC_NOUNS = frozenset("""City Town State County Library Program Programme Project Policy Planning Finance
Economic Economy Communications Operations Marketing Sales Research Technical Technology Policy Public Health
Housing Education Culture Tourism Transport Transportation Safety Welfare Labor Labour Youth Senior Community
Regional District Branch Team Division Unit Office Fire Police Water Parks Development Business""".split())


def _after_qualifier(text: str, end: int) -> str | None:
    m = _AFTER_OF.match(text, end)
    return m.group("aff") if m else None


def role_before(text: str, start: int, end: int) -> Role | None:
    """The role stated just before the mention ``text[start:end]`` (same line)."""
    line_start = text.rfind("\n", 0, start) + 1
    left = text[max(line_start, start - 200):start]
    sentence = list(_SENTENCE_END.finditer(left))
    if sentence:  # a body named in the previous sentence is not this person's
        left = left[sentence[-1].end():]
    m = _BEFORE_BRACKET.search(left)
    if m:
        return Role(_clean_title(m.group("title")), _clean_aff(m.group("aff")), 3)
    m = _BEFORE_TITLE.search(left)
    if m:
        title, aff = m.group("title"), m.group("aff")
        # "Lord Mayor", "Deputy Mayor for ...": the lazy body must not keep the title's first word
        while aff and _TITLE_RE.fullmatch(f"{aff.split()[-1]} {title.split(' for ')[0].split(' of ')[0]}"):
            words = aff.split()
            title = f"{words[-1]} {title}"
            aff = " ".join(words[:-1]) or None
        title, aff = _split_role_words(title, aff)
        aff = _after_qualifier(text, end) or aff  # "Director Park Hyun-ho of the Urban Policy Bureau"
        # "Cllr" / "Cr" is a courtesy style: any role the release states as well says more
        strength = 1 if title.lower().rstrip(".") in _COURTESY_TITLES else 3
        return Role(_clean_title(title), _clean_aff(aff), strength)
    m = _BEFORE_COMMA.search(left)
    if m:
        return Role(_clean_title(m.group("title")), _clean_aff(m.group("aff")), 2)
    m = _BEFORE_LIST.search(left)
    if m:
        return Role(_clean_title(m.group("title")), None, 2)
    return None


def role_after(text: str, end: int) -> Role | None:
    """The role stated in an appositive just after the mention ending at ``end``."""
    line_end = text.find("\n", end)
    right = text[end:line_end if line_end >= 0 else len(text)][:250]
    m = _AFTER_APPOSITIVE.match(right)
    if not m:
        return None
    aff = m.group("aff2")
    # "Director of Strategy and Business Planning at the American Chamber ...": the body comes last
    later = _LATER_BODY.search(right, m.end())
    if aff and later and later.start() == m.end():
        aff = later.group("aff")
    title = m.group("title")
    pre = (m.group("pre") or "").strip()
    if aff and re.match(r"\s+for\s", right[m.end("title"):]) and not later:
        title, aff = f"{title} for {aff}", None  # "Cabinet Member for Housing": a portfolio, not a body
    if not m.group("aff") and pre[:1].isupper() and not aff:
        title, aff = _split_role_words(title, pre)  # "Kim Du-gyeom, Ulsan Mayor"; "Cabinet Member"
    return Role(_clean_title(title), _clean_aff(m.group("aff") or aff), 2)


def role_of(text: str, start: int, end: int) -> Role | None:
    """The most direct role stated around one mention, or None."""
    before = role_before(text, start, end)
    if before is not None and before.strength > 1:
        return before
    # a courtesy style before the name ("Councillor Jane Roe (Ward 3), Chair of ..."): a role after it says more
    return _after_bracket(text, end) or before


def _after_bracket(text: str, end: int) -> Role | None:
    """The appositive role after the name, past a bracketed ward or party ("Jane Roe (Ward 3), Chair")."""
    bracket = re.match(r"[ \t]*\([^()\n]{1,60}\)", text[end:end + 62])
    return role_after(text, end + bracket.end() if bracket else end)


__all__ = ["MULTIWORD_TITLE", "Role", "TITLE", "role_after", "role_before", "role_of"]
