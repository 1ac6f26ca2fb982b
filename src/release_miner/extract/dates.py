"""Dates and times normalised against the publication date (spaCy component ``release_dates``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import DateMention


@Language.factory("release_dates")
def make_dates(nlp: Language, name: str) -> "DateExtractor":
    return DateExtractor()


class DateExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = [
            DateMention(text=e.text, start=e.start_char, end=e.end_char, kind=e.label_.lower(), value=None)
            for e in doc.ents
            if e.label_ in ("DATE", "TIME")
        ]
        return doc
