"""Organizations in one release: named bodies, normalised, with bracketed abbreviations as aliases.

Two sources, both general:

1. **Head-noun runs.** A run of capitalised words (joined by "of", "and", "for", "in",
   "&", "the" after "of") that contains an organisation head noun from the gazetteer
   ("Council", "Ministry", "Chamber", "Institute", "City" after a place ...) is cut after
   its last head noun plus an "of/for/in ..." complement. This recovers names the small
   model truncates ("Ministry of SMEs and Startups") and stops at headline verbs
   ("Busan Metropolitan City Launches ..." gives "Busan Metropolitan City"). A possessive
   after a head noun splits two bodies ("Drexel University's Goodwin College").
2. **The model's ORG entities** without a head noun (companies, brand-like names:
   "Metrolinx", "KPMG"), kept only when they are not a place, a currency or common
   abbreviation, a programme or event (word lists), a person or role, quoted, or a
   fragment of a title-case headline.

Two names joined by "and" are two bodies when each opens with a word that is only a name
(not an English word of the base model's WordNet lemma index): "Daewoo Securities and Shinhan
Bank", but "Korea Trade and Investment Promotion Agency" stays one. An upper-case headline is
read in title case and its verb ends the name before it. "City Council" on its own is the council
of the place written before it or of the release's one named city government.

Names lose a leading "the", ordinals ("the 50th ... Meeting") and possessives. An
abbreviation in brackets right after a name becomes its alias, and later mentions of the
abbreviation count as mentions of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..records import Organization
from .gazetteers import (LEADING_JUNK, NOT_ORG_ACRONYMS, NOT_ORG_WORDS, ORG_HEADS, ORG_OPENERS, PLACES,
                         PLACES_LOWER, TITLE_HEADS, TRAILING_VERBS, VENUE_CENTRE_WORDS, VENUE_HEADS)
from .lines import is_headline, line_at
from .namekey import fold, is_korean_syllables
from .roles import TITLE
from .doctext import doc_text

#: A word (letters of any script: "Ōtautahi", "Médecins"), an ampersand, or one other character.
_TOKEN = re.compile(r"[^\W_][^\W_&.\-]*(?:[&.\-][^\W_&.\-]*)*(?:['’][^\W\d_]+)*['’]?|&|[^\s\w]|_")
#: Lower-case words inside a name, English and the common ones of other languages ("Médecins sans Frontières").
_CONNECTORS = frozenset({"of", "and", "for", "in", "on", "&", "the", "de", "du", "des", "sans", "pour", "et", "für",
                         "und", "voor", "van", "der", "del", "di", "y", "la", "le", "les", "el"})
#: Articles that may follow a connector inside a name ("of the", "pour la").
_ARTICLES = frozenset({"the", "la", "le", "les", "el", "der", "die", "das", "des", "du"})
#: Connectors after which an article stays inside a name ("Bank of the West", "Association pour la ..."),
#: unlike "on the 30th".
_ARTICLE_AFTER = frozenset({"of", "pour", "sans", "für", "de", "voor", "van"})
#: Connectors that open the complement of a head noun ("Association pour ...", "Institut für ...").
_COMPLEMENT = frozenset({"of", "for", "on", "in", "pour", "sans", "für", "de", "du", "des", "voor", "van"})
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
                      re.I)
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*(?P<abbr>[A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,6})\s*[),]")
_LOWER_CITY_OF = re.compile(r"\b[Cc]ity of (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_BYLINE_OR_COPYRIGHT = re.compile(
    r"\[[^\]\n]*(?:[Rr]eporter|[Cc]orrespondent|기자)[^\]\n]*\]|^.*(?:©|\([Cc]\)|[Cc]opyright|All rights reserved).*$"
    # photo credits: "(Photo: Getty Images)", "Courtesy of Getty Images", "Image by ..."
    r"|(?:\b[Pp]hotos?|\b[Ii]mages?|\b[Cc]redit)(?:\s+(?:by|courtesy(?:\s+of)?|credit))?\s*[:=]\s*[^\n)\]]*"
    r"|\b(?:[Pp]hotos?|[Ii]mages?)\s+(?:by|courtesy(?:\s+of)?)\s+[^\n)\]]*|(?:^|[(\[]\s*)[Cc]ourtesy\s+of\s+[^\n)\]]*",
    re.M)
_ROLE_DOMAIN = re.compile(rf"{TITLE}\s+(?:of|for)\s+(?:the\s+)?$")
_CALENDAR = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
#: A name used as a programme's name: "the Green Skills Academy fund".
_PROGRAMME_AFTER = re.compile(r"[ \t]+(?:fund|funds|program|programs|programme|programmes|project|projects|"
                              r"initiative|scheme|grant|grants|campaign|pilot|plan|award|awards)\b")
_CLEAN_NAME = re.compile(r"[\w&.,'’ \-]+")
_NOT_ORG_LOWER = frozenset(w.lower() for w in NOT_ORG_WORDS)
#: Government levels that do not name a body on their own ("the State Government", "City Council").
_GENERIC_LEVELS = frozenset({"State", "City", "Provincial", "Federal", "Central", "National", "Local", "Municipal",
                             "Regional", "County", "Metropolitan", "District", "Town"})
_QUOTES = "\"“”‘’'「」『』<>《》"
#: Heads that need a place or name before them ("Busan City"), never standing alone.
_NEEDS_PREFIX = frozenset({"city", "province", "county", "government", "council", "office", "inc", "ltd", "llc",
                           "meeting", "group", "team", "works", "exchange", "party", "force", "service",
                           "services", "trust", "network", "command", "court", "house"})


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    verb: bool = False
    #: the run ended here because a role or a person's name follows ("White House Infrastructure | Coordinator")
    role_next: bool = False
    #: opens a name split off a coordination that stands on its own without a head noun ("Daewoo Securities")
    sole: bool = False

    @property
    def bare(self) -> str:
        return re.sub(r"(?:['’]s|['’])$", "", self.text)

    @property
    def possessive(self) -> bool:
        return bool(re.search(r"['’]s?$", self.text)) and len(self.text) > 2

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or (self.text[:1].isdigit() and any(c.isalpha() for c in self.text))

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class OrgSpan:
    start: int
    end: int
    name: str
    aliases: list[str] = field(default_factory=list)
    from_heads: bool = True


#: Heads after which "in <place>" is part of the name ("Chinese Consulate General in Busan").
_IN_PLACE_HEADS = frozenset({"General", "Consulate", "Embassy", "Office", "Chapter", "Chamber", "Commerce"})
_TRAILERS = frozenset({"General", "Inc.", "Inc", "Ltd.", "Ltd", "Co.", "LLC", "Corp."})
_COMPANY_SUFFIXES = frozenset({"Inc.", "Inc", "Ltd.", "Ltd", "Co.", "LLC", "Corp.", "Corp", "PLC", "plc", "LLP"})
_ABBREVIATIONS = frozenset({"Inc.", "Co.", "Ltd.", "Corp.", "St.", "Dr.", "Mt.", "Jr.", "Bros.", "U.S.", "D.C."})
#: Single-word roles that end an organisation's name ("... Committee Chair", "Director of the ...").
_ROLE_WORDS = frozenset(t.lower() for t in TITLE_HEADS if " " not in t) - {
    "justice", "principal", "partner", "founder", "officer", "chief", "trustee", "delegate", "exchange"}


def _head_word(tok: _Tok) -> str:
    return tok.bare if tok.bare in _ABBREVIATIONS else tok.bare.rstrip(".")


def _place_like(tok: _Tok) -> bool:
    word = tok.bare
    return word.lower() in PLACES_LOWER or (len(word) >= 5 and is_korean_syllables(word))


def _valid_head(run: list[_Tok], i: int) -> bool:
    """Is ``run[i]`` the head noun of an organisation name (not a modifier, not alone)?"""
    tok = run[i]
    word = _head_word(tok)
    if word not in ORG_HEADS and word + "." not in ORG_HEADS:
        return False
    prev = run[i - 1] if i > 0 and run[i - 1].low not in _CONNECTORS else None
    if word.lower() in _NEEDS_PREFIX and prev is None and not (
            i + 2 < len(run) and run[i + 1].low == "of"):
        return False
    if word in ("City", "Province"):
        # a government only when a place names it: "Busan City", "Changwon Special City", "City of Toronto"
        j = i - 1
        while j >= 0 and run[j].bare in ("Metropolitan", "Special", "Self-Governing", "Autonomous"):
            j -= 1
        before_ok = j >= 0 and _place_like(run[j])
        after_ok = i + 2 < len(run) and run[i + 1].low == "of" and _place_like(run[i + 2])
        if not (before_ok or after_ok):
            return False
    nxt = run[i + 1] if i + 1 < len(run) else None
    before_role = run[-1].role_next and i >= len(run) - 3
    if nxt is not None and nxt.capitalised and not tok.possessive and nxt.bare not in _TRAILERS \
            and not nxt.verb and nxt.low not in _CONNECTORS and nxt.text != "," and not before_role:
        # "Conference Room", "Center Index", "Organization Heads": the head modifies a noun after it (a longer
        # name then ends at a later head: "Busan Metropolitan City Artificial Intelligence Committee")
        return False
    return True


def _list_tail(toks: list[_Tok]) -> list[_Tok]:
    """The words after a comma up to the end of the list they close: "Sports and Tourism" of
    "Ministry of Culture, Sports and Tourism and the Ministry of Land" (the last item ends at the
    next connector; a second "and" begins another name)."""
    out: list[_Tok] = []
    closed = False
    for t in toks:
        if t.text == ",":
            break
        if t.low in ("and", "&"):
            if closed:
                break
            closed = True
        elif not t.capitalised and (closed or t.low not in _CONNECTORS):
            break
        out.append(t)
    return out


def _runs(text: str, line_start: int, line: str, blocked: list[tuple[int, int]],
          verbs: set[int]) -> list[list[_Tok]]:
    """Capitalised runs of one line, broken at blocked spans (people and their titles), roles and quotes."""
    toks = [_Tok(m.group(), line_start + m.start(), line_start + m.end()) for m in _TOKEN.finditer(line)]
    caps = _all_caps(line)
    if caps:
        # an upper-case headline: its words read as their title-case selves ("BUSAN CITY COUNCIL"),
        # small words in lower case, and its verb ends the name before it
        for t in toks:
            low = t.text.lower()
            t.text = low if low in _CONNECTORS or low in _HEADLINE_SMALL_WORDS else t.text.capitalize()
            t.verb = t.verb or (t.text[:1].isalpha() and _headline_verb(t.text))
    # only the blocked spans that touch this line matter (a long release has thousands)
    line_end = line_start + len(line)
    blocked = [(s, e) for s, e in blocked if s <= line_end and e > line_start]
    for t in toks:
        t.verb = t.verb or t.start in verbs or t.low in TRAILING_VERBS
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []

    def close(role: bool = False) -> None:
        while cur and (cur[-1].low in _CONNECTORS or not cur[-1].capitalised):
            cur.pop()
            role = False
        if cur and role:
            cur[-1].role_next = True
        if cur:
            runs.append(list(cur))
        cur.clear()

    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if any(s <= tok.start < e for s, e in blocked):
            close(role=True)
            continue
        if caps and tok.verb:
            close()
            continue
        if tok.capitalised and tok.text not in _QUOTES:
            if tok.low in _ROLE_WORDS and not tok.possessive:
                close(role=True)  # "Lee Joon, Vice President of the ...": a role, not part of a name
                continue
            if tok.text.endswith(".") and tok.text not in _ABBREVIATIONS and len(tok.text) > 2:
                cur.append(_Tok(tok.text[:-1], tok.start, tok.end - 1, tok.verb))
                close()  # the end of a sentence
                continue
            cur.append(tok)
            if tok.possessive and _head_word(tok) in ORG_HEADS:
                close()  # "Drexel University's Goodwin College": two bodies
            continue
        low = tok.low
        if cur and low in _CONNECTORS and nxt is not None and (nxt.capitalised or nxt.low in _ARTICLES):
            if low in _ARTICLES and cur[-1].low not in _ARTICLE_AFTER:
                close()
                continue
            cur.append(tok)
            continue
        if cur and tok.text == "," and nxt is not None and nxt.text in _COMPANY_SUFFIXES:
            cur.append(tok)  # "Waste Management, Inc."
            continue
        if cur and tok.text == "," and nxt is not None and nxt.capitalised and any(t.text == "of" for t in cur):
            # "Ministry of Trade, Industry and Energy": a comma inside a list of fields
            tail = toks[i + 1:i + 6]
            words = [t.text for t in tail]
            # ... unless what follows names a body of its own: it opens with a place or holds a head noun
            # ("Busan Chamber of Commerce and Industry, Busan Regional Employment and Labor Office")
            after = _list_tail(toks[i + 1:i + 12])
            own_body = _place_like(tail[0]) or any(_head_word(t) in ORG_HEADS for t in after)
            if not own_body and "and" in words and all(t.capitalised or t.text == ","
                                                       for t in tail[:words.index("and")]):
                cur.append(tok)
                continue
        close()
    close()
    return runs


_CAPS_WORD = re.compile(r"[A-Za-z]{2,}")
#: Words a title-case headline writes in lower case.
_HEADLINE_SMALL_WORDS = frozenset("a an as at but by from into or over to with via vs".split())


def _all_caps(line: str) -> bool:
    """A line written in capitals (three words or more, nearly all of them upper-case)."""
    words = _CAPS_WORD.findall(line)
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 0.9 * len(words)


def caps_name(name: str) -> str:
    """The name an upper-case headline writes in capitals, in title case ("BUSAN CITY COUNCIL")."""
    words = name.split(" ")
    if len(words) < 2 or not name.isupper():
        return name
    return " ".join(w.lower() if w.lower() in _CONNECTORS and i else w.capitalize() for i, w in enumerate(words))


def _strip_front(run: list[_Tok]) -> list[_Tok]:
    """Drop what cannot open a name: articles, ordinals ("the 50th"), connectors, verbs."""
    while run and (run[0].text in LEADING_JUNK or _ORDINAL.match(run[0].text) or run[0].low in _CONNECTORS
                   or run[0].verb or run[0].text == ","):
        run = run[1:]
    return run


#: English words of the base model's lexicon (set by `set_common_words`); see `english_words`.
_COMMON: frozenset[str] = frozenset()


#: English verb lemmas of the base model's lexicon (set by `set_common_words`).
_VERBS: frozenset[str] = frozenset()


def set_common_words(words: frozenset[str], verb_lemmas: frozenset[str] = frozenset()) -> None:
    """Use ``words`` as the ordinary English words that do not open a proper name on their own,
    and ``verb_lemmas`` to find the verb of an upper-case headline."""
    global _COMMON, _VERBS
    _COMMON, _VERBS = words, verb_lemmas


def _headline_verb(word: str) -> bool:
    """A finite verb form ("Passes", "Approved") of an English verb: the tagger cannot read capitals."""
    low = word.lower()
    for suffix, stem_end in (("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ies", "y")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2 and low[:-len(suffix)] + stem_end in _VERBS:
            return True
    return False


def _distinctive(tok: _Tok) -> bool:
    """A word that is a name and nothing else: not an English word, a place or a calendar word."""
    word = tok.bare.rstrip(".")
    if not word[:1].isupper() and not word[:1].isdigit():
        return False
    if "." in word[1:] or re.search(r"[a-z][A-Z]", word):
        return True  # "SSG.com", "eBay": a brand's own spelling
    if 2 <= len(word) <= 4 and word.isupper() and word.isalpha():
        # an initialism ("LG", "SK") is a name, whatever lower-case word it spells
        return word not in PLACES and word.upper() not in NOT_ORG_ACRONYMS
    low = word.lower()
    # the index holds lemmas: "Visitors" is the English "visitor"
    forms = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low,
             low[:-3] + "y" if low.endswith("ies") else low}
    return bool(_COMMON) and not forms & _COMMON and low not in PLACES_LOWER \
        and word not in PLACES and word not in _CALENDAR


def _coordinated_names(left: list[_Tok], right: list[_Tok]) -> bool:
    """Are both sides of "and" whole names of their own ("Daewoo Securities and Shinhan Bank")?

    Each side must open with a word that is only a name; the left side must be a run of
    capitalised words without connectors whose last word is no place (else the places share
    the head: "Daegu Gyeongbuk and Gwangju Jeonnam Offices"). A word that is also ordinary English
    ("Korea Trade and Investment Promotion Agency") keeps the name whole.
    """
    if not (_distinctive(left[0]) and _distinctive(right[0])):
        return False
    if any(t.low in _CONNECTORS or t.text == "," or not t.capitalised for t in left):
        return False
    if len(left) == 1:
        word = left[0].bare
        return "." in word[1:] or bool(re.search(r"[a-z][A-Z]", word))
    return not _place_like(left[-1])


def _split(run: list[_Tok]) -> list[list[_Tok]]:
    """Split a run that names two bodies: "X Government and Y Organization", "X Committee of the Y Chamber"."""
    heads = [i for i in range(len(run)) if _valid_head(run, i)]
    if not heads:
        return []
    if len(run) > 2 and run[1].low == "and" and _head_word(run[0]).lower() in _NEEDS_PREFIX:
        return _split(run[2:])  # "the City and Busan Regional ... Office"
    for i, tok in enumerate(run):
        if 0 < i < len(run) - 1 and tok.low == "in" and _valid_head(run[:i], i - 1) \
                and run[i - 1].bare in ("City", "Province", "County") and any(
                    _valid_head(run[i + 1:], j) for j in range(len(run) - i - 1)):
            return _split(run[:i])  # "Gangneung City in Gangwon Province": the body, not its region
        if 0 < i < len(run) - 1 and tok.low in ("and", "&"):
            left, right = run[:i], run[i + 1:]
            right_heads = [j for j in range(len(right)) if _valid_head(right, j)]
            if right_heads and right[0].bare in PLACES:  # "... Fund and Busan Bank": a second body by its place
                return _split(left) + _split(right)
            left_heads = [j for j in range(len(left)) if _valid_head(left, j)]
            # "X Chapter of Associated Builders and Contractors": "and" inside the complement joins fields
            in_complement = bool(left_heads) and any(t.low == "of" for t in left[left_heads[-1]:])
            left_done = (bool(left_heads) and not in_complement) or (len(left) == 1 and left[0].text.isupper())
            if left_done and any(_valid_head(right, j) for j in range(len(right))):
                return _split(left) + _split(right)
            if right_heads and _coordinated_names(left, right):
                left[0].sole = True
                return [left] + _split(right)
        if 0 < i < len(run) - 2 and tok.low == "of" and run[i + 1].low == "the" and i - 1 in heads \
                and any(h > i for h in heads):
            return _split(run[:i]) + _split(run[i + 2:])
    return [run]


def _coordinated_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A model entity that coordinates two names of their own ("LG Energy Solution and SK On") is two
    bodies; one whose words are also ordinary English ("Trade and Investment ...") stays whole."""
    toks = [_Tok(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]
    for i, tok in enumerate(toks):
        left, right = toks[:i], toks[i + 1:]
        # a model entity has no shared head to lose, so only a place named on the left keeps it whole
        if 0 < i < len(toks) - 1 and tok.low in ("and", "&") and _distinctive(left[0]) and _distinctive(right[0]) \
                and all(t.capitalised and t.low not in _CONNECTORS for t in left) \
                and left[-1].bare.lower() not in PLACES_LOWER:
            return [(toks[0].start, toks[i - 1].end), *_coordinated_parts(text, toks[i + 1].start, end)]
    return [(start, end)]


def _head_spans(text: str, run: list[_Tok]) -> list[tuple[int, int]]:
    """Organisation spans within one capitalised run."""
    out = []
    for seg in _split(_strip_front(run)):
        seg = _strip_front(seg)
        heads = [i for i in range(len(seg)) if _valid_head(seg, i)]
        if not heads and seg and seg[0].sole:
            out.append((seg[0].start, seg[-1].end))  # a company named beside another ("Daewoo Securities")
            continue
        if not heads:
            continue
        # "Courtesy of Busan Metropolitan City", "Promotion of ... in Busan Metropolitan City": a body
        # named after "of"/"in" starts there unless the word before "of" is itself a head or opener
        start = 0
        for i in range(1, heads[0]):
            if seg[i].low in ("of", "for", "in", "on", "at") and seg[i - 1].bare not in ORG_OPENERS:
                start = i + 1
        for i in range(start, heads[0]):
            if seg[i].verb:
                start = i + 1  # "Daegu Forms Tariff Response Headquarters": the name follows the verb
        while start < len(seg) and (seg[start].low in _CONNECTORS or seg[start].text in LEADING_JUNK):
            start += 1
        end = heads[-1]
        while end + 1 < len(seg) and (seg[end + 1].bare in _TRAILERS or seg[end + 1].text == ","):
            end += 1
        if end + 2 < len(seg) and seg[end + 1].low in _COMPLEMENT \
                and not any(t.bare in _CALENDAR for t in seg[end + 2:]):
            complement = seg[end + 2:]
            if seg[end + 1].low != "in" or (seg[end].bare in _IN_PLACE_HEADS
                                            and all(_place_like(t) for t in complement if t.low not in _CONNECTORS)):
                end = len(seg) - 1
        first_head = seg[heads[0]]
        if first_head.bare in ("City", "Province") and heads[0] > 0:
            j = heads[0] - 1  # "... New Year Blueprint Ulsan City": a city government starts at its place
            while j > 0 and seg[j].bare in ("Metropolitan", "Special", "Self-Governing", "Autonomous"):
                j -= 1
            start = max(start, j)
        span = seg[start:end + 1]
        while span and span[-1].text == ",":
            span = span[:-1]
        if len(span) == 1 and _head_word(span[0]) in ORG_HEADS and span[0].bare not in SOLE_LEGISLATURES:
            continue  # a head noun alone ("Department:") names no body (but "Parliament" does)
        if span and start <= heads[-1]:
            out.append((span[0].start, span[-1].end))
    return out


#: Heads of national bodies that "National", "State" or "Federal" alone do name ("National Assembly").
LEGISLATURES = frozenset({"Assembly", "Parliament", "Congress", "Senate", "Cabinet"})
#: Bodies a capitalised head noun alone names in running text ("approved by Parliament", "the Cabinet").
SOLE_LEGISLATURES = frozenset({"Parliament", "Congress", "Cabinet"})


#: Words that say what kind of meeting or body, not which one ("Ordinary Council Meeting", "Full Council").
_KIND_WORDS = frozenset(w.lower() for w in _GENERIC_LEVELS) | frozenset(
    "full ordinary regular special extraordinary annual general plenary joint councillors councilors members "
    "officials staff and of the & meeting meetings session sessions new main".split())


def _generic_only(name: str) -> bool:
    """A name made only of kind words and head nouns names no particular body ("Council Meeting")."""
    words = name.split()
    if words[-1] in LEGISLATURES:
        return False  # "National Assembly"
    return all(w.lower() in _KIND_WORDS or w in ORG_HEADS for w in words)


def _venue(name: str) -> bool:
    """A facility or venue ("Daejeon Convention Center", "... Incineration Plant"), not a body."""
    words = name.split()
    if words[-1] in VENUE_HEADS:
        return True
    return len(words) >= 2 and words[-1] in ("Center", "Centre", "Centers", "Centres") and words[-2] in VENUE_CENTRE_WORDS


def _clean_name(name: str) -> str:
    """The name as a name: no leading "the" or ordinal, no possessive, no surrounding punctuation."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–—" + _QUOTES)
    words = name.split(" ")
    while words and (words[0] in LEADING_JUNK or _ORDINAL.match(words[0])):
        words = words[1:]
    name = " ".join(words)
    name = re.sub(r"(?:'s|’s|'|’)$", "", name).strip(" ,;:-–—" + _QUOTES)
    last = name.rsplit(" ", 1)[-1]
    if last + "." in _ABBREVIATIONS:
        name += "."  # "Waste Management, Inc." keeps its full stop
    return name


def _is_place_only(name: str) -> bool:
    """A place rather than a body: "Busan", "Seoul Metropolitan" (but not "Busan City")."""
    if name in PLACES or name.lower() in PLACES_LOWER:
        return True
    words = name.split()
    return all(w.lower() in PLACES_LOWER or w.lower() in ("metropolitan", "special", "city") for w in words) \
        and not name.lower().endswith((" city", " province", " county"))


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` sits inside a short quoted phrase (a title) on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    for open_q, close_q in (("“", "”"), ("‘", "’"), ('"', '"')):
        opened = before.rfind(open_q)
        closed = after.find(close_q)
        if opened < 0 or closed < 0 or (open_q != close_q and before.rfind(close_q) > opened):
            continue
        if open_q == close_q and before.count(open_q) % 2 == 0:
            continue
        if (len(before) - opened) + (end - start) + closed < 100:  # a short quoted title, not a quoted speech
            return True
    return False


def _model_org_ok(doc_text: str, start: int, end: int, name: str, verbs: set[int],
                  person_words: set[str]) -> bool:
    """A model ORG entity without a head noun: keep only what looks like a body's proper name."""
    if not name or "\n" in doc_text[start:end] or not _CLEAN_NAME.fullmatch(name):
        return False
    if name in person_words or start in verbs:
        return False  # "Marks" of "John Marks"; "Stabilize Livelihoods"
    last = name.split()[-1]
    if last in ORG_HEADS or last.rstrip("s") in ORG_HEADS:
        return False  # the head-noun rules saw this name and turned it down
    if name.isupper() and re.search(r"\(\s*" + re.escape(name) + r"\s*\)", doc_text):
        return False  # an abbreviation of something that is not a body ("Smart Center Index (SCI)")
    after = re.match(r"[ \t]+([A-Za-z][\w-]*)(?:[ \t]+(?:the[ \t]+)?([A-Z]))?", doc_text[end:end + 40])
    if after and (after.group(1)[0].isupper() or after.group(1) in _NOT_ORG_LOWER
                  or (after.group(1) in ("of", "in", "for", "on") and after.group(2))):
        # cut short ("Global Financial Centers" Index, "Eviction Prevention" in the Community) or a programme
        return False  # ("TechWorks program")
    if _inside_quotes(doc_text, start, end):
        return False  # a quoted title of a talk, event or document
    words = name.split()
    if len(words) == 1 and doc_text[end:end + 1] == ":":
        return False  # a field label ("Attendees:")
    if len(words) == 1 and not name.isupper() and is_korean_syllables(name) \
            and re.search(r"\b(?:in|at|near|from|to|around)\s+(?:the\s+)?$", doc_text[max(0, start - 12):start]):
        return False  # a romanised Korean place ("in Onsan")
    if len(words) > 6 or _is_place_only(name) or _venue(name) or _generic_only(name):
        return False
    if name.upper() in NOT_ORG_ACRONYMS or name in NOT_ORG_ACRONYMS:
        return False
    if any(w.strip(_QUOTES).rstrip("s") in NOT_ORG_WORDS or w.strip(_QUOTES) in NOT_ORG_WORDS for w in words):
        return False
    if any(not (w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS) for w in words):
        return False
    if words[0].lower() in TITLE_HEADS or any(w.lower() in TITLE_HEADS for w in words[-1:]):
        return False
    if re.search(r"\d", name) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", name):
        return False
    before = doc_text[max(0, start - 1):start]
    if before and before in _QUOTES:
        return False
    if is_headline(line_at(doc_text, start)) and not name.isupper():
        return False
    return True


def extract_organizations(doc: Doc, blocked: list[tuple[int, int]],
                          person_words: set[str] = frozenset()) -> list[Organization]:
    """Every named organisation in ``doc``; ``blocked`` spans (people, roles) never belong to one."""
    text = doc_text(doc)
    verbs = {t.idx for t in doc if t.tag_.startswith("VB")}
    blocked = blocked + [m.span() for m in _BYLINE_OR_COPYRIGHT.finditer(text)]
    spans: list[OrgSpan] = []
    pos = 0
    for line in text.split("\n"):
        for run in _runs(text, pos, line, blocked, verbs):
            for s, e in _head_spans(text, run):
                name = caps_name(_clean_name(text[s:e]))
                words = name.split()
                generic = len(words) == 2 and words[0] in _GENERIC_LEVELS and words[1] not in LEGISLATURES
                truncated = e >= len(text.rstrip())
                programme = bool(_PROGRAMME_AFTER.match(text, e))
                if name and not generic and not truncated and not programme and not _is_place_only(name) \
                        and not _venue(name) and not _generic_only(name):
                    spans.append(OrgSpan(s, e, name))
        pos += len(line) + 1
    for m in _LOWER_CITY_OF.finditer(text):
        if m.group("place") in PLACES or m.group("place").lower() in PLACES_LOWER:
            spans.append(OrgSpan(m.start(), m.end(), "City of " + m.group("place")))
    spans += _city_councils(doc, spans, blocked)
    covered = [(o.start, o.end) for o in spans]
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        if any(not (ent.end_char <= s or ent.start_char >= e) for s, e in covered + blocked):
            continue
        name = _clean_name(ent.text)
        if ent.end_char >= len(text.rstrip()) or _ROLE_DOMAIN.search(text[max(0, ent.start_char - 60):ent.start_char]):
            continue  # cut off at the end, or the field of a role ("Minister of the Interior and Safety")
        if not any(t.tag_ in ("NNP", "NNPS") for t in ent):
            continue  # a common noun the model took for a name ("Attendees included ...")
        for s, e in _coordinated_parts(text, ent.start_char, ent.end_char):
            part = _clean_name(text[s:e])
            if _model_org_ok(text, s, e, part, verbs, person_words):
                spans.append(OrgSpan(s, e, part, from_heads=False))
    return _merge(text, _districts_as_governments(doc, spans, blocked))


#: A Korean district, county, city or province by its romanised name: "Busanjin-gu", "Gijang-gun",
#: "Changwon-si", "Gyeongsangnam-do".
_KOREAN_DIVISION = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?-(?:gu|gun|si|do)\b")
#: A province or county named by its place: "Gyeonggi Province", "Sacramento County". Like a district,
#: a body where it acts ("Gyeonggi Province announced"), a place where it is only where something is
#: ("Suwon, the capital of Gyeonggi Province").
_PROVINCE = re.compile(r"(?:[A-Z][\w.\-]* )+(?:Province|County|Prefecture)")
#: A head of government in brackets after a body's name: "Busanjin-gu (Mayor Kim Young-wook)".
_HEAD_IN_BRACKETS = re.compile(r"[ \t]*\((?:[A-Z][\w.\-]*[ \t]+)*?(?:Mayor|Governor|Head|Chief|Commissioner)\b")
#: Verbs whose subject is described, not acting: "Busanjin-gu recorded the most births".
_DESCRIPTIVE_VERBS = frozenset("""is was are were be been has had have record recorded records rank ranked ranks
account accounted accounts show showed shows saw see sees top topped tops follow followed follows reach reached
reaches post posted posts remain remained remains lie lies lay border borders bordered include included includes
contain contains contained become became becomes""".split())


def _acts(doc: Doc, start: int, end: int, text: str) -> bool:
    """True when the division at ``text[start:end]`` acts as a government rather than naming a place.

    A division's name is a place ("a company in Gangseo-gu", "Haeundae-gu (1,430)") unless its
    head of government is named with it, or it is the subject of what the sentence says is done
    ("Gijang-gun announced", "Busanjin-gu was selected"), not of a statistic ("recorded", "ranked").
    """
    if _HEAD_IN_BRACKETS.match(text, end):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "Busan City and Haeundae-gu announced":
        root = root.head  # the first conjunct's role
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.pos_ not in ("VERB", "AUX"):
        return False
    return root.head.lower_ not in _DESCRIPTIVE_VERBS


def _named_as_body(doc: Doc, start: int, end: int, text: str, bodies: list[OrgSpan]) -> bool:
    """A place's name used as a body's: it owns something ("Travis County's wage determination") or
    stands in one coordination with another organization ("the Housing Agency and Sacramento County")."""
    if text.startswith(("'s", "’s"), end) or text[start:end].endswith(("'s", "’s")):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [t for t in root.children if t.dep_ == "conj"]
    return any(o.start <= t.idx < o.end for t in partners for o in bodies)


def _districts_as_governments(doc: Doc, spans: list[OrgSpan], blocked: list[tuple[int, int]]) -> list[OrgSpan]:
    """Korean divisions named alone are organizations only where they act (see `_acts`).

    The guidelines count a government as a body when it acts and its name as a place otherwise,
    as for cities; a gazetteer cannot tell the two uses apart, the sentence can.
    """
    text = doc_text(doc)
    bodies = [o for o in spans if not (_KOREAN_DIVISION.fullmatch(o.name) or _PROVINCE.fullmatch(o.name))]
    kept = bodies + [o for o in spans if o not in bodies and (_acts(doc, o.start, o.end, text)
                                                               or _named_as_body(doc, o.start, o.end, text, bodies))]
    taken = [(o.start, o.end) for o in kept]
    for m in _KOREAN_DIVISION.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken + blocked):
            continue
        if _acts(doc, s, e, text):
            kept.append(OrgSpan(s, e, m.group()))
    return kept


#: A city's council or commission named by its kind only: "City Council", "Calgary city council".
_CITY_BODY = re.compile(r"(?:(?P<place>\b[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?)(?:['’]s)? )?\b(?P<kind>[Cc]ity [Cc]ouncil|"
                        r"[Cc]ity [Cc]ommission)\b(?! [A-Z])")


def _city_councils(doc: Doc, spans: list[OrgSpan], blocked: list[tuple[int, int]]) -> list[OrgSpan]:
    """A city council named by its kind alone is the council of the city before it or the release's city.

    "Calgary city council approved ..." is Calgary City Council; "the Mayor and City Council" in a
    release of the City of Pittsburgh is Pittsburgh City Council. Without a place before it and with
    no single city government named in the release, the body stays unnamed.
    """
    text = doc_text(doc)
    places = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "GPE"}
    governments = {key[4:] for key in (_city_government(o.name) for o in spans) if key}
    named = {o.name.lower() for o in spans}
    out = []
    for m in _CITY_BODY.finditer(text):
        if any(s <= m.start("kind") < e for s, e in blocked):
            continue  # part of a role ("City Council Member Dara Okafor")
        kind = m.group("kind").title()
        place = m.group("place")
        if place and " " in place and not ((m.start("place"), m.end("place")) in places
                                           or place.lower() in PLACES_LOWER):
            place = place.split(" ")[1]  # "After Denver's city council": the place is the last word
        place_start = m.end("place") - len(place) if place else -1
        if place and ((place_start, m.end("place")) in places or place.lower() in PLACES_LOWER):
            start = place_start
        elif place and place[:1].isupper() and place not in ("The", "A", "Our", "His", "Her", "Their", "Its"):
            continue  # another name before it ("Suwon Special City Council" is found as a whole)
        elif len(governments) == 1 and kind[0] == "C" and m.group("kind")[0] == "C":
            place, start = next(iter(governments)).title(), m.start("kind")
        else:
            continue
        name = f"{place} {kind}"
        if any(n.startswith(place.lower()) and n.endswith("council") and n != name.lower() for n in named):
            continue  # the release names its council otherwise ("Busan Metropolitan Council")
        out.append(OrgSpan(start, m.end("kind"), name))
    return out


def _norm(name: str) -> str:
    return fold(re.sub(r"^the\s+", "", name, flags=re.I))


_GOV_FORM = re.compile(
    r"^(?:City of (?P<p1>.+)|(?P<p2>.+?)(?: Metropolitan| Special(?: Self-Governing)?)?(?: City)?(?: Government)?)$")


def _city_government(name: str) -> str | None:
    """A key shared by the names of one city's government: "Busan City", "City of Busan", "Busan Metropolitan Government"."""
    if not re.search(r"\b(?:City|Government)$|^City of ", name):
        return None
    m = _GOV_FORM.match(name)
    place = m and (m.group("p1") or m.group("p2"))
    if place and (place in PLACES or place.lower() in PLACES_LOWER) and not place.endswith(" City"):
        return "gov:" + place.lower()
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _alias_target(org: Organization, others: list[Organization]) -> Organization | None:
    """The longer name ``org`` abbreviates, if any: a suffix ("Task Force"), a subset ("Daegu City"),
    a prefix before a complement, a plural ("... Meetings"), or the initials ("ULP")."""
    words = org.name.split()
    low = _norm(org.name)
    for other in others:
        if other is org:
            continue
        ow = other.name.split()
        olow = _norm(other.name)
        if len(ow) <= len(words):
            if low == olow + "s" and len(ow) == len(words):
                return other
            continue
        if len(words) >= 2 and (olow.endswith(low) or olow.rstrip("s").endswith(low.rstrip("s"))):
            return other
        if len(words) >= 2 and words[0] == ow[0] and words[-1] == ow[-1] and set(words) <= set(ow):
            return other
        if len(words) >= 2 and ow[:len(words)] == words and ow[len(words)] in ("for", "of", "in", "on"):
            return other  # "X Committee" for "X Committee for Y"
        if org.name.isupper() and 2 < len(org.name) == len(_initials(other.name)) and \
                org.name == _initials(other.name):
            return other
    return None


def _merge(text: str, spans: list[OrgSpan]) -> list[Organization]:
    by_key: dict[str, Organization] = {}
    alias_of: dict[str, Organization] = {}
    for span in sorted(spans, key=lambda o: o.start):
        key = _city_government(span.name) or _norm(span.name)
        org = by_key.get(key) or alias_of.get(span.name)
        if org is None:
            org = Organization(name=span.name)
            by_key[key] = org
        elif span.name != org.name and span.name not in org.aliases and _norm(span.name) != _norm(org.name):
            org.aliases.append(span.name)
        if [span.start, span.end] not in org.mentions:
            org.mentions.append([span.start, span.end])
        m = _ACRONYM_AFTER.match(text[span.end:span.end + 16])
        if m and m.group("abbr") not in NOT_ORG_ACRONYMS - {"TF"}:
            abbr = m.group("abbr")
            if abbr not in org.aliases:
                org.aliases.append(abbr)
            alias_of[abbr] = org
    orgs = list(by_key.values())
    # standalone abbreviations and short forms: mentions of the body they abbreviate
    out: list[Organization] = []
    for org in orgs:
        target = alias_of.get(org.name)
        if target is None or target is org:
            target = _alias_target(org, orgs)
        if target is not None and target is not org:
            target.mentions.extend(org.mentions)
            for a in [org.name, *org.aliases]:
                if a not in target.aliases and a != target.name:
                    target.aliases.append(a)
            continue
        out.append(org)
    for org in out:
        _abbreviation_mentions(text, org)
        org.mentions.sort()
    return out


def _abbreviation_mentions(text: str, org: Organization) -> None:
    """Every standalone use of a body's abbreviation ("SBA staff will ...") is a mention of the body."""
    for abbr in [a for a in org.aliases if a.isupper() and len(a) >= 2]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
            span = [m.start(), m.end()]
            if not any(s <= span[0] < e for s, e in org.mentions):
                org.mentions.append(span)


__all__ = ["extract_organizations"]
