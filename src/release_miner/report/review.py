"""The review queue: what a person should check before trusting the dataset, shown first."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Figure, Policy
from .data import MergeSuggestion, ReportData, ReleaseView
from .highlight import anchor_id

#: Policies below this classifier confidence go to the queue (as do those flagged needs_review).
#: The same value as the classifier's review threshold (`classify.model.REVIEW_THRESHOLD`), kept
#: here so that reading a dataset does not import scikit-learn.
LOW_CONFIDENCE = 0.7


@dataclass
class QueuedPolicy:
    view: ReleaseView
    index: int
    policy: Policy

    @property
    def anchor(self) -> str:
        return anchor_id(self.view.anchor, "policy", self.index)


@dataclass
class QueuedFigure:
    view: ReleaseView
    index: int
    figure: Figure

    @property
    def anchor(self) -> str:
        return anchor_id(self.view.anchor, "figure", self.index)


@dataclass
class ReviewQueue:
    policies: list[QueuedPolicy] = field(default_factory=list)
    merges: list[MergeSuggestion] = field(default_factory=list)
    figures: list[QueuedFigure] = field(default_factory=list)
    low_confidence: float = LOW_CONFIDENCE

    @property
    def total(self) -> int:
        return len(self.policies) + len(self.merges) + len(self.figures)

    def release_ids(self) -> set[int]:
        """Releases with something to review (for the page's "needs review" filter)."""
        ids = {q.view.db_id for q in self.policies} | {q.view.db_id for q in self.figures}
        for m in self.merges:
            ids.update(m.person.release_ids)
            ids.update(m.other.release_ids)
        return ids


def is_low_confidence(policy: Policy, threshold: float = LOW_CONFIDENCE) -> bool:
    return policy.needs_review or policy.confidence is None or policy.confidence < threshold


def review_queue(data: ReportData, *, low_confidence: float = LOW_CONFIDENCE) -> ReviewQueue:
    queue = ReviewQueue(merges=list(data.merges), low_confidence=low_confidence)
    for view in data.releases:
        for i, p in enumerate(view.release.policies):
            if is_low_confidence(p, low_confidence):
                queue.policies.append(QueuedPolicy(view, i, p))
        for i, f in enumerate(view.release.figures):
            if f.value is None:
                queue.figures.append(QueuedFigure(view, i, f))
    queue.policies.sort(key=lambda q: (q.policy.confidence is not None, q.policy.confidence or 0.0))
    return queue
