"""Figures: money, counts, percents, ordinals and quantities (spaCy component ``release_figures``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Figure

_KINDS = {"MONEY": "money", "PERCENT": "percent", "CARDINAL": "count", "ORDINAL": "ordinal", "QUANTITY": "quantity"}


@Language.factory("release_figures")
def make_figures(nlp: Language, name: str) -> "FigureExtractor":
    return FigureExtractor()


class FigureExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = [
            Figure(text=e.text, start=e.start_char, end=e.end_char, kind=_KINDS[e.label_], value=None)
            for e in doc.ents
            if e.label_ in _KINDS
        ]
        return doc
