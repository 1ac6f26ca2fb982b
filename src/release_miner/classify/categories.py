"""The outcome categories, and a keyword-rule classifier over them.

The rule classifier is the reference baseline of the model card and the fallback of
the spaCy component when no trained model can be found. It follows the guideline's
decisions in order: a release that names the category decides; a named shock in the
span or its sentence (or a release framed by a shock) makes ``shock_response``;
otherwise the strongest of the growth / livelihood / non-economic cue lists wins.
"""

from __future__ import annotations

from ..records import CATEGORIES
from .features import SpanContext, cue_hits
from .lexicon import EXPLICIT_CATEGORY, GROWTH_CUES, LIVELIHOOD_CUES, NONE_CUES, SHOCK_CUES

__all__ = ["CATEGORIES", "rule_category"]


def rule_category(ctx: SpanContext) -> str:
    """The category the keyword rules give to a span in its context."""
    scope = (ctx.paragraph or ctx.sentence).lower()
    for category, phrases in EXPLICIT_CATEGORY.items():
        if any(p in scope for p in phrases):
            return category
    near = f"{ctx.text} {ctx.sentence}"
    if cue_hits(near, SHOCK_CUES) or len(cue_hits(ctx.document[:600], SHOCK_CUES)) >= 2:
        return "shock_response"
    scores = {
        "innovative_growth": len(cue_hits(ctx.text, GROWTH_CUES)) * 2 + len(cue_hits(ctx.sentence, GROWTH_CUES)),
        "livelihood_stability": len(cue_hits(ctx.text, LIVELIHOOD_CUES)) * 2
        + len(cue_hits(ctx.sentence, LIVELIHOOD_CUES)),
        "none": len(cue_hits(ctx.text, NONE_CUES)) * 2 + len(cue_hits(ctx.sentence, NONE_CUES)),
    }
    best = max(scores, key=lambda k: scores[k])
    if scores[best] > 0:
        return best
    # nothing said near the span: the release's overall vocabulary decides
    overall = {"innovative_growth": len(cue_hits(ctx.document, GROWTH_CUES)),
               "livelihood_stability": len(cue_hits(ctx.document, LIVELIHOOD_CUES)),
               "none": len(cue_hits(ctx.document, NONE_CUES))}
    best = max(overall, key=lambda k: overall[k])
    return best if overall[best] > 0 else "livelihood_stability"
