"""People and organizations (spaCy component ``release_names``).

The component reads the base model's entities and corrects them with the general rules
in `persons` (names, titles, affiliations, grouping of mentions) and `orgs` (named bodies
and their abbreviations). People are found first: their names and the roles written
before them are then kept out of organisation names ("Busan Metropolitan Council
Chairperson Ahn Seongmin" yields the council, not a council called "... Ahn Seongmin").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Organization, Person
from .english_words import common_words, verbs
from .orgs import extract_organizations, set_common_words
from .persons import find_mentions, group_mentions, to_person
from .roles import MULTIWORD_TITLE, role_before
from .doctext import doc_text


#: Roles that belong to the local government a release speaks for, when no body is named beside them.
LOCAL_GOVERNMENT_ROLES = frozenset({"mayor", "lord mayor", "deputy mayor", "vice mayor", "acting mayor", "governor",
                                    "vice governor", "lieutenant governor"})
_GOVERNMENT_NAME = re.compile(r"\b(?:City|Government|Province|County)\b|^City of ")


def _default_affiliations(people: list[Person], organizations: list[Organization]) -> None:
    """A mayor named without a body belongs to the city government the release names first."""
    government = next((o.name for o in sorted(organizations, key=lambda o: o.mentions[0] if o.mentions else [0])
                       if _GOVERNMENT_NAME.search(o.name) and "Council" not in o.name), None)
    if government is None:
        return
    for person in people:
        if person.affiliation is None and person.title:
            head = re.split(r"\s+(?:of|for)\s+", person.title.lower())[0]
            if head in LOCAL_GOVERNMENT_ROLES and " of " not in person.title:
                person.affiliation = government


@Language.factory("release_names")
def make_names(nlp: Language, name: str) -> "NameExtractor":
    # the base model's English lexicon tells ordinary words from names in coordinated bodies
    model_path = str(nlp.path) if nlp.path else None
    set_common_words(common_words(model_path), verbs(model_path))
    return NameExtractor()


class NameExtractor:
    """Writes ``doc._.people`` and ``doc._.organizations``."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc)
        people: list[Person] = [to_person(g) for g in group_mentions(mentions)]
        blocked = [(m.start, m.end) for m in mentions]
        text = doc_text(doc)  # Doc.text joins every token anew: read it once
        for m in mentions:
            role = role_before(text, m.start, m.end)
            if role and role.title:
                # the title words themselves (not the body before them) are no organisation
                title_start = text.rfind(role.title.split()[0], 0, m.start)
                if title_start >= 0:
                    blocked.append((title_start, m.start))
        # multi-word roles are never part of an organisation's name ("Chinese Consul General", "Member of Parliament")
        blocked += [m.span() for m in MULTIWORD_TITLE.finditer(text)]
        person_words = {w for p in people for n in (p.name, *p.aliases) for w in n.split()}
        organizations: list[Organization] = extract_organizations(doc, blocked, person_words)
        _default_affiliations(people, organizations)
        doc._.people = people
        doc._.organizations = organizations
        return doc
