"""Policies: detection and outcome category (spaCy component ``release_policies``).

The component proposes candidate spans with general rules (`detect`), keeps those the
trained filter accepts and gives each a category with a calibrated confidence
(`model.PolicyModel`). The model is ``--policy-model PATH`` when given, else the newest
``models/policies-*.skops`` of the source tree, else ``$RELEASE_MINER_POLICY_MODEL``.
Without any model the component still reports rule candidates, each with category
``none`` and ``needs_review`` set, and warns once, rather than failing.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..records import Policy
from .detect import candidates
from .model import PolicyModel, load_default

#: Rules whose candidates are reported when no trained filter is available.
_FALLBACK_SOURCES = frozenset({"quote", "quote+noun", "title-head", "inline-bullet"})


@Language.factory("release_policies", default_config={"model_path": None})
def make_policies(nlp: Language, name: str, model_path: str | None) -> "PolicyExtractor":
    return PolicyExtractor(load_default(model_path))


class PolicyExtractor:
    """Writes ``doc._.policies``: every policy the release reports, with category and confidence."""

    def __init__(self, model: PolicyModel | None) -> None:
        self.model = model
        if model is None:
            warnings.warn("release-miner: no policy model found (train one with `release-miner train` or set "
                          "RELEASE_MINER_POLICY_MODEL); policies are reported uncategorised, needs_review=true",
                          stacklevel=3)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Batches of Docs share one call to each model (``nlp.pipe`` uses this)."""
        for batch in minibatch(docs, size=batch_size):
            if self.model is not None:
                for doc, policies in zip(batch, self.model.predict_many(batch)):
                    doc._.policies = without_organizations(doc, policies)
            else:
                for doc in batch:
                    doc._.policies = [Policy(text=c.text, start=c.start, end=c.end, category="none",
                                             confidence=None, needs_review=True) for c in _fallback(doc)]
            yield from batch


def _org_names(doc: Doc) -> set[str]:
    names: set[str] = set()
    orgs = getattr(doc._, "organizations", None) if Doc.has_extension("organizations") else None
    for org in orgs or []:
        for value in (getattr(org, "name", None), *(getattr(org, "aliases", None) or [])):
            if value:
                names.add(_norm(value))
    return names


def _norm(text: str) -> str:
    return " ".join(text.lower().removeprefix("the ").split())


def without_organizations(doc: Doc, policies: list[Policy]) -> list[Policy]:
    """Drop the policies that are exactly an organization the names component found in this release.

    A body ("Busan Technopark", "the Small Business Support Center") often looks like a programme
    name to the candidate rules; when the release itself uses the span as an organization, an
    annotator would not mark it as a policy.
    """
    names = _org_names(doc)
    return [p for p in policies if _norm(p.text) not in names] if names else policies


def _fallback(doc: Doc):
    """Candidates of the most reliable rules, longest first, without overlaps."""
    kept = []
    pool = [c for c in candidates(doc) if c.sources & _FALLBACK_SOURCES]
    for c in sorted(pool, key=lambda c: (-len(c.sources & _FALLBACK_SOURCES), -(c.end - c.start))):
        if not any(c.start < k.end and k.start < c.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
