"""Library entry points for classifying policy phrases outside a full extraction."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .features import SpanContext
from .model import ModelError, load_default


def classify_texts(texts: Sequence[str], contexts: Sequence[str | None] | None = None,
                   model_path: str | Path | None = None) -> list[dict]:
    """Category, calibrated confidence and review flag for each policy phrase.

    ``contexts`` are optional surrounding sentences (or whole releases); without one the
    phrase is its own context, so a shock stated only elsewhere cannot be seen.
    """
    model = load_default(model_path)
    if model is None:
        raise ModelError("no policy model found: run `release-miner train`, pass --policy-model PATH, "
                         "or set RELEASE_MINER_POLICY_MODEL")
    contexts = list(contexts) if contexts is not None else [None] * len(texts)
    spans = [SpanContext(t, c or t, c or t, c or "") for t, c in zip(texts, contexts)]
    return [{"category": p.category, "confidence": p.confidence, "needs_review": p.needs_review}
            for p in model.classify(spans)]
