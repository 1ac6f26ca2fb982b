"""Training and grouped cross-validation of the policy model.

Honest numbers need every release's policies to be predicted by a model that never saw
that release, so `cross_validate` splits by release (``GroupKFold``), retrains the whole
model (filter, threshold, classifier) on the other releases, and scores the held-out
ones with the evaluation contract's matching (`release_miner.evaluate.score`). The
filter threshold is itself chosen by an inner grouped split of the training releases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold
from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate import norm_text, score
from .categories import rule_category
from .data import TrainingDoc, WrittenExample
from .detect import Candidate, candidates
from .embeddings import STATIC_MODEL
from .features import SpanContext
from .model import (REVIEW_THRESHOLD, PolicyModel, Prediction, context_for, filter_proba, filter_rows,
                    fit_classifier, fit_filter, new_meta, select)

THRESHOLDS: tuple[float, ...] = tuple(float(round(x, 2)) for x in np.arange(0.10, 0.91, 0.05))


@dataclass
class Parsed:
    """A training release, parsed once, with its rule candidates and their features."""

    doc: TrainingDoc
    spacy_doc: Doc
    cands: list[Candidate]
    rows: list[dict]
    y: list[float]


def parse(docs: Sequence[TrainingDoc], nlp: Language) -> list[Parsed]:
    out = []
    for tdoc, sdoc in zip(docs, nlp.pipe(d.text for d in docs)):
        cands = candidates(sdoc)
        # the filter's target: the best word-overlap Dice with a gold span (partial overlaps
        # below the match bar count too: they tell a near miss from an unrelated span)
        y = [max([overlap(g.text, c.text) for g in tdoc.policies] or [0.0]) for c in cands]
        out.append(Parsed(tdoc, sdoc, cands, filter_rows(sdoc, cands), y))
    return out


def overlap(gold: str, text: str) -> float:
    """Word-overlap Dice of a candidate with a gold span, on the evaluation's normalised words."""
    a, b = norm_text(gold).split(), norm_text(text).split()
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def _gold(parsed: Sequence[Parsed]) -> dict[str, dict]:
    return {p.doc.id: {"gold": {"policies": [{"text": x.text, "category": x.label} for x in p.doc.policies]}}
            for p in parsed}


def _contexts(parsed: Sequence[Parsed], written: Sequence[WrittenExample]) -> tuple[list[SpanContext], list[str]]:
    ctxs, labels = [], []
    for p in parsed:
        for lab in p.doc.policies:
            ctxs.append(context_for(p.spacy_doc, lab.start, lab.end))
            labels.append(lab.label)
    for w in written:
        ctxs.append(SpanContext(w.text, w.context or w.text, w.context or w.text, w.context))
        labels.append(w.label)
    return ctxs, labels


def _fit_filter(parsed: Sequence[Parsed]) -> dict[str, Any]:
    rows = [r for p in parsed for r in p.rows]
    y = [v for p in parsed for v in p.y]
    return fit_filter(rows, y, [c.text for p in parsed for c in p.cands], embedding=STATIC_MODEL)


def _scores(part: dict[str, Any], p: Parsed) -> np.ndarray:
    return filter_proba(part, p.rows, [c.text for c in p.cands])


def _detection_f1(parsed: Sequence[Parsed], probs: Sequence[np.ndarray], threshold: float) -> float:
    preds = {p.doc.id: {"policies": [{"text": c.text} for c, _ in select(p.cands, pr, threshold)]}
             for p, pr in zip(parsed, probs)}
    return score(_gold(parsed), preds)["policies"]["f1"]


def choose_threshold(parsed: Sequence[Parsed], n_splits: int = 5) -> float:
    """The filter threshold with the best detection F1 on out-of-fold scores of ``parsed``."""
    probs: list[np.ndarray] = [np.zeros(len(p.cands)) for p in parsed]
    groups = np.arange(len(parsed))
    for train, test in GroupKFold(n_splits=min(n_splits, len(parsed))).split(groups, groups=groups):
        part = _fit_filter([parsed[i] for i in train])
        for i in test:
            probs[i] = _scores(part, parsed[i])
    scores = {t: _detection_f1(parsed, probs, t) for t in THRESHOLDS}
    return max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))


def train(parsed: Sequence[Parsed], written: Sequence[WrittenExample], tune: bool = True,
          **meta: Any) -> PolicyModel:
    """Fit filter, threshold and classifier on ``parsed`` releases (+ written examples)."""
    threshold = choose_threshold(parsed) if tune else 0.5
    ctxs, labels = _contexts(parsed, written)
    return PolicyModel(_fit_filter(parsed), fit_classifier(ctxs, labels, embedding=STATIC_MODEL), threshold,
                       new_meta(threshold=threshold, **meta))


# ---- baselines -------------------------------------------------------------

def fit_span_baseline(ctxs: Sequence[SpanContext], labels: Sequence[str]) -> Callable[[list[SpanContext]], list[str]]:
    """TF-IDF word n-grams of the span alone + logistic regression."""
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
    clf.fit(vec.fit_transform([c.text for c in ctxs]), list(labels))
    return lambda cs: [str(x) for x in clf.predict(vec.transform([c.text for c in cs]))] if cs else []


def rule_baseline(cs: list[SpanContext]) -> list[str]:
    return [rule_category(c) for c in cs]


# ---- cross-validation -----------------------------------------------------

def _detect(model: PolicyModel, p: Parsed) -> tuple[list[tuple[Candidate, float]], list[SpanContext]]:
    """The candidates ``model`` keeps in a parsed release, with their contexts for the classifier."""
    found = select(p.cands, _scores(model.filter, p), model.threshold)
    return found, [context_for(p.spacy_doc, c.start, c.end) for c, _ in found]


def _predict(model: PolicyModel, p: Parsed) -> dict[str, list[dict]]:
    found, ctxs = _detect(model, p)
    return {"policies": [{"text": c.text, "category": x.category} for (c, _), x in zip(found, model.classify(ctxs))]}


def cross_validate(parsed: Sequence[Parsed], written: Sequence[WrittenExample], n_splits: int = 5,
                   progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Grouped-by-release CV of the model and the two baselines, scored with the contract's matching."""
    parsed = list(parsed)
    groups = np.arange(len(parsed))
    systems = ("model", "keyword_rules", "span_tfidf_lr")
    preds: dict[str, dict[str, dict]] = {s: {} for s in systems}
    gold_spans: dict[str, list[tuple[str, str]]] = {s: [] for s in systems}  # (gold, predicted) on gold spans
    thresholds = []
    review: list[tuple[str, Prediction]] = []  # (gold, model's prediction) on gold spans
    for fold, (train_idx, test_idx) in enumerate(GroupKFold(n_splits=n_splits).split(groups, groups=groups)):
        train_docs = [parsed[i] for i in train_idx]
        model = train(train_docs, written)
        thresholds.append(model.threshold)
        ctxs, labels = _contexts(train_docs, written)
        span_lr = fit_span_baseline(ctxs, labels)
        for i in test_idx:
            p = parsed[i]
            found, fctx = _detect(model, p)
            cats = {"model": [x.category for x in model.classify(fctx)],
                    "keyword_rules": rule_baseline(fctx), "span_tfidf_lr": span_lr(fctx)}
            for s in systems:
                preds[s][p.doc.id] = {"policies": [{"text": c.text, "category": k}
                                                   for (c, _), k in zip(found, cats[s])]}
            gctx = [context_for(p.spacy_doc, lab.start, lab.end) for lab in p.doc.policies]
            truth = [lab.label for lab in p.doc.policies]
            model_preds = model.classify(gctx)
            review.extend((t, x) for t, x in zip(truth, model_preds))
            for s, got in (("model", [x.category for x in model_preds]),
                           ("keyword_rules", rule_baseline(gctx)), ("span_tfidf_lr", span_lr(gctx))):
                gold_spans[s].extend(zip(truth, got))
        if progress:
            progress(f"fold {fold + 1}/{n_splits} done (threshold {model.threshold})")
    gold = _gold(parsed)
    out: dict[str, Any] = {"folds": n_splits, "documents": len(parsed),
                           "policies": sum(len(p.doc.policies) for p in parsed),
                           "written_examples": len(written), "fold_thresholds": thresholds}
    for s in systems:
        r = score(gold, preds[s])
        pairs = gold_spans[s]
        out[s] = {"policies": r["policies"], "policies+category": r["policies+category"],
                  "category_accuracy_on_matched": r["category_accuracy_on_matched"],
                  "category_accuracy_on_gold_spans": round(sum(a == b for a, b in pairs) / len(pairs), 4)}
    out["model"]["review_flag"] = review_flag_quality(review)
    return out


def review_flag_quality(pairs: Sequence[tuple[str, Prediction]]) -> dict[str, Any]:
    """How far a reviewer can trust the ``needs_review`` flag, from held-out (gold, prediction) pairs.

    A useful flag is rare, marks predictions that are often wrong, and leaves the
    unflagged ones mostly right; these four numbers say how rare and how well aimed.
    """
    flagged = [truth == pred.category for truth, pred in pairs if pred.needs_review]
    trusted = [truth == pred.category for truth, pred in pairs if not pred.needs_review]
    errors = len(flagged) - sum(flagged) + len(trusted) - sum(trusted)

    def rate(xs: list[bool]) -> float | None:
        return round(sum(xs) / len(xs), 4) if xs else None

    return {"threshold": REVIEW_THRESHOLD, "share_flagged": rate([p.needs_review for _, p in pairs]),
            "accuracy_unflagged": rate(trusted), "accuracy_flagged": rate(flagged),
            "errors_flagged": round((len(flagged) - sum(flagged)) / errors, 4) if errors else None}


# ---- the test set --------------------------------------------------------

def test_scores(model: PolicyModel, parsed: Sequence[Parsed]) -> dict[str, Any]:
    """Scores of a trained model on annotated releases it never saw (the test set), with the
    contract's matching; measured once per build, after every choice was made on the training set."""
    preds = {p.doc.id: _predict(model, p) for p in parsed}
    r = score(_gold(parsed), preds)
    return {"documents": len(parsed), "policies_annotated": sum(len(p.doc.policies) for p in parsed),
            "policies_predicted": sum(len(x["policies"]) for x in preds.values()),
            "policies": r["policies"], "policies+category": r["policies+category"],
            "category_accuracy_on_matched": r["category_accuracy_on_matched"]}


# ---- learning curve -------------------------------------------------------

def learning_curve(parsed: Sequence[Parsed], written: Sequence[WrittenExample],
                   fractions: Sequence[float] = (0.25, 0.5, 0.75, 1.0), seeds: Sequence[int] = (1, 2, 3),
                   n_splits: int = 5, progress: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """Grouped CV scores when every fold trains on only a share of its training releases.

    Answers "would more annotated releases help?": if the scores still rise between the
    last two shares, the model is limited by its data rather than by its features. Each
    seed shuffles the releases into ``n_splits`` folds (each release is its own group)
    and draws the training subset of every fold; the same folds serve every share, so
    the shares differ only in how much the model saw.
    """
    parsed = list(parsed)
    gold = _gold(parsed)
    points = []
    for fraction in fractions:
        runs = []
        for seed in seeds:
            rng = np.random.default_rng(seed)
            folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed).split(np.arange(len(parsed)))
            preds: dict[str, dict] = {}
            sizes = []
            for train_idx, test_idx in folds:
                keep = max(2, int(round(len(train_idx) * fraction)))  # the threshold search needs two
                subset = [parsed[i] for i in rng.permutation(train_idx)[:keep]]
                sizes.append(len(subset))
                model = train(subset, written)
                for i in test_idx:
                    preds[parsed[i].doc.id] = _predict(model, parsed[i])
            r = score(gold, preds)
            runs.append({"seed": seed, "training_releases": round(float(np.mean(sizes)), 1),
                         "policies_f1": r["policies"]["f1"], "policies+category_f1": r["policies+category"]["f1"]})
            if progress:
                progress(f"share {fraction:g}, seed {seed}: policies F1 {r['policies']['f1']:.3f}")
        points.append({
            "fraction": fraction, "training_releases": runs[0]["training_releases"],
            "policies_f1": round(float(np.mean([x["policies_f1"] for x in runs])), 4),
            "policies+category_f1": round(float(np.mean([x["policies+category_f1"] for x in runs])), 4),
            "runs": runs,
        })
    return points
