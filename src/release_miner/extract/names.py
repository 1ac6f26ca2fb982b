"""People and organizations (spaCy component ``release_names``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Organization, Person


@Language.factory("release_names")
def make_names(nlp: Language, name: str) -> "NameExtractor":
    return NameExtractor()


class NameExtractor:
    def __call__(self, doc: Doc) -> Doc:
        people: dict[str, Person] = {}
        orgs: dict[str, Organization] = {}
        for e in doc.ents:
            if e.label_ == "PERSON":
                people.setdefault(e.text, Person(name=e.text)).mentions.append([e.start_char, e.end_char])
            elif e.label_ == "ORG":
                orgs.setdefault(e.text, Organization(name=e.text)).mentions.append([e.start_char, e.end_char])
        doc._.people = list(people.values())
        doc._.organizations = list(orgs.values())
        return doc
