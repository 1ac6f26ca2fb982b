"""Policies: detection and outcome category (spaCy component ``release_policies``)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Policy

_QUOTED = re.compile(r"[\"“]([A-Z][^\"”]{3,80})[\"”]")


@Language.factory("release_policies", default_config={"model_path": None})
def make_policies(nlp: Language, name: str, model_path: str | None) -> "PolicyExtractor":
    return PolicyExtractor()


class PolicyExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.policies = [
            Policy(text=m.group(1), start=m.start(1), end=m.end(1)) for m in _QUOTED.finditer(doc.text)
        ]
        return doc
