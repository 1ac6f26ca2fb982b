"""The mentions of a release as spans to mark in its text, in the spirit of displaCy.

Mentions overlap (a policy span often contains a figure and an organization; two
extractors may disagree), so marks cannot simply be nested. The page's script
(``assets/report.js``, ``highlight``) cuts the text at every span boundary in one sweep and
wraps each piece once per span covering it, the shortest span innermost: it colours the
background, every enclosing span adds an underline one level lower (CSS classes ``lvl1``,
``lvl2`` ...), so crossing spans stay readable and no piece of text is repeated or lost.

Offsets outside the text are dropped here (and counted): the report must render whatever
the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Release
from .fmt import confidence, exact

#: Mention kinds, in legend order, with their display names.
KINDS: dict[str, str] = {
    "figure": "figure",
    "date": "date",
    "person": "person",
    "org": "organization",
    "policy": "policy",
}
MAX_LEVELS = 4  #: underline levels the CSS draws; deeper wrappers reuse the last level


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  #: a key of `KINDS`
    label: str  #: what the mark's tooltip says
    anchor: str | None = None  #: element id for links from the review queue
    index: int = -1  #: position of its record in the release's list of that kind


def anchor_id(release_anchor: str, kind: str, index: int) -> str:
    return f"{release_anchor}-{kind}-{index}"


def spans_of(release: Release, release_anchor: str) -> list[Span]:
    """Every mention of ``release`` as a `Span`; the first mention of each record carries its anchor."""
    spans: list[Span] = []
    for i, f in enumerate(release.figures):
        value = "no value" if f.value is None else f"{exact(f.value)} {f.unit or ''}".strip()
        spans.append(Span(f.start, f.end, "figure", f"{f.kind}: {value}", anchor_id(release_anchor, "figure", i), i))
    for i, d in enumerate(release.dates):
        spans.append(Span(d.start, d.end, "date", f"{d.kind}: {d.value or 'no value'}",
                          anchor_id(release_anchor, "date", i), i))
    for i, p in enumerate(release.people):
        about = ", ".join(x for x in (p.title, p.affiliation) if x)
        label = f"person: {p.name}" + (f" ({about})" if about else "")
        for j, (s, e) in enumerate(p.mentions):
            spans.append(Span(s, e, "person", label, anchor_id(release_anchor, "person", i) if j == 0 else None, i))
    for i, o in enumerate(release.organizations):
        for j, (s, e) in enumerate(o.mentions):
            spans.append(Span(s, e, "org", f"organization: {o.name}",
                              anchor_id(release_anchor, "org", i) if j == 0 else None, i))
    for i, p in enumerate(release.policies):
        flag = ", needs review" if p.needs_review else ""
        spans.append(Span(p.start, p.end, "policy",
                          f"policy: {p.category} (confidence {confidence(p.confidence)}{flag})",
                          anchor_id(release_anchor, "policy", i), i))
    return spans


def valid_spans(text: str, spans: list[Span]) -> tuple[list[Span], int]:
    """The spans that lie inside ``text`` and are non-empty, and how many were dropped."""
    good = [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int)
            and 0 <= s.start < s.end <= len(text) and s.kind in KINDS]
    return good, len(spans) - len(good)
