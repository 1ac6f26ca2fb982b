"""The learned half of policy mining: a candidate filter and a category classifier.

- The *filter* scores each rule candidate (`detect.candidates`) by how well it would
  match an annotated policy: a ridge regression over `features.candidate_features`
  predicts the candidate's word-overlap Dice with the best-matching gold span (0 when
  none overlaps). Regressing the overlap rather than a yes/no label ranks the variants
  of one mention by their boundaries, so the best-bounded variant wins its cluster.
  The best-scoring candidates above a threshold are kept; spans that overlap a kept one,
  or repeat most of its words elsewhere in the release, are dropped.
- The *classifier* gives the outcome category: TF-IDF word and character n-grams of
  the span, word n-grams of its sentence, the words of the whole release, and cue-word
  counts of span, sentence and release (a shock framing is usually stated once for the
  whole release), feeding a logistic regression whose probabilities are calibrated by
  cross-validation.

The artifact is a dict of stock scikit-learn objects saved with skops, so loading it
executes no code from the file; `PolicyModel.load` refuses any type skops does not trust.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from spacy.tokens import Doc

from ..records import Policy
from .categories import rule_category
from .lexicon import POLICY_HEADS
from .detect import Candidate, candidates
from .features import SpanContext, candidate_features, cue_features, paragraph_of, sentence_of, verb_mask
from ..extract.sentences import EntityIndex, SentenceIndex
from .target import find_target
from ..extract.doctext import doc_text

#: Version of the artifact layout, training recipe and training data; bump when any changes.
MODEL_VERSION = "1.3.0"
#: Environment variable naming a model file, used when none is found beside the source tree.
ENV_VAR = "RELEASE_MINER_POLICY_MODEL"
MODELS_DIR = Path(__file__).resolve().parents[3] / "models"
#: The copy shipped inside the wheel: ``classify/models`` is a link to the repository's
#: ``models/`` folder, and package data includes it, so an installed package finds its model.
PACKAGED_MODELS_DIR = Path(__file__).resolve().parent / "models"
MODEL_GLOB = "policies-*.skops"
#: Predictions whose calibrated confidence is below this are flagged ``needs_review``. Measured
#: on held-out annotated spans (grouped CV), 0.6 flagged 13% of predictions and caught 30% of the
#: category errors; 0.7 flags 26% (right 65% of the time, against 89% for the rest) and catches
#: 52%, a better use of a reviewer's time. The report's queue uses the same value.
REVIEW_THRESHOLD = 0.7
#: The best candidate of a release is kept even below the threshold when its score reaches this.
KEEP_ONE_FLOOR = 0.5
#: Default filter threshold before training has tuned one.
FILTER_THRESHOLD = 0.4
#: Ridge penalty of the filter: strong, because the candidate features overlap a lot and
#: grouped CV favours a smooth model (alpha 1: F1 0.48, 10: 0.51, 30: 0.49).
FILTER_ALPHA = 10.0
#: A candidate sharing this much of its words (Dice) with a kept one names the same
#: measure again (a repeat mention, with or without "the", "programme" ...), so it is dropped.
DUPLICATE_DICE = 0.75


class ModelError(RuntimeError):
    """The policy model file is missing, unreadable or of an untrusted kind."""


def _version_key(path: Path) -> tuple:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"[.-]", path.stem.removeprefix("policies-")))


def default_model_path() -> Path | None:
    """The newest ``policies-*.skops`` in ``models/`` beside the source tree, else in the installed
    package's data, else ``$RELEASE_MINER_POLICY_MODEL``."""
    for folder in (MODELS_DIR, PACKAGED_MODELS_DIR):
        found = sorted(folder.glob(MODEL_GLOB), key=_version_key) if folder.is_dir() else []
        if found:
            return found[-1]
    env = os.environ.get(ENV_VAR)
    if env and Path(env).is_file():
        return Path(env)
    return None


# ---- the candidate filter ------------------------------------------------

def _doc_counts(text: str, cands: Sequence[Candidate]) -> dict[str, int]:
    low = text.lower()
    return {key: low.count(key) for key in {c.text.lower() for c in cands}}


def filter_rows(doc: Doc, cands: Sequence[Candidate]) -> list[dict]:
    return _filter_rows(doc, cands, doc_text(doc))


def _filter_rows(doc: Doc, cands: Sequence[Candidate], text: str) -> list[dict]:
    counts = _doc_counts(text, cands)
    sentences, entities, verbs = SentenceIndex(doc), EntityIndex(doc), verb_mask(doc)
    cache: dict = {}
    return [candidate_features(doc, c, counts, text, sentences, entities, verbs, cache) for c in cands]


def transform_dicts(vec: DictVectorizer, rows: Sequence[dict]) -> sparse.csr_matrix:
    """``vec.transform(rows)`` for rows of numbers and strings, the same matrix built faster.

    DictVectorizer checks each value's type through the ``numbers`` ABCs, which made the
    vectoriser a tenth of the whole extraction; feature rows here hold only str, float and bool.
    """
    vocab, sep = vec.vocabulary_, vec.separator
    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    for row in rows:
        for key, value in row.items():
            if isinstance(value, str):
                key, value = f"{key}{sep}{value}", 1.0
            index = vocab.get(key)
            if index is not None:
                indices.append(index)
                values.append(value)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(values, dtype=vec.dtype), np.asarray(indices, dtype=np.int32),
                              np.asarray(indptr, dtype=np.int32)), shape=(len(rows), len(vocab)))


#: Weight of the candidate's embedding beside the filter's sparse features (grouped CV on the
#: training releases, best detection F1 over three shuffles: without 0.492, 0.5: 0.502, 1: 0.499).
EMBEDDING_WEIGHT = 0.5


def _filter_matrix(part: dict[str, Any], rows: list[dict], texts: Sequence[str] | None,
                   fit: bool = False) -> sparse.csr_matrix:
    X = part["vectorizer"].fit_transform(rows) if fit else transform_dicts(part["vectorizer"], rows)
    embedding = part.get("embedding")
    if not embedding:  # artifacts before 1.3.0 use the sparse features only
        return X
    if texts is None or len(texts) != len(rows):
        raise ValueError("this filter reads the candidates' texts too")
    from .embeddings import encode

    dense = encode(embedding["name"], list(texts)) * embedding["weight"]
    return sparse.hstack([X, sparse.csr_matrix(dense)]).tocsr()


def fit_filter(rows: list[dict], y: Sequence[float], texts: Sequence[str] | None = None,
               embedding: str | None = None) -> dict[str, Any]:
    """Fit the filter on candidate features (and, with ``embedding``, the embeddings of their
    ``texts``) to each candidate's overlap (Dice, 0..1) with the gold."""
    part: dict[str, Any] = {"vectorizer": DictVectorizer()}
    if embedding:
        part["embedding"] = {"name": embedding, "weight": EMBEDDING_WEIGHT}
    X = _filter_matrix(part, rows, texts, fit=True)
    reg = Ridge(alpha=FILTER_ALPHA)
    reg.fit(X, np.asarray(y, dtype=float))
    part["classifier"] = reg
    return part


def filter_proba(part: dict[str, Any], rows: list[dict], texts: Sequence[str] | None = None) -> np.ndarray:
    """Each candidate's score in [0, 1]: its predicted overlap with a policy an annotator would mark."""
    if not rows:
        return np.zeros(0)
    est = part["classifier"]
    X = _filter_matrix(part, rows, texts)
    if hasattr(est, "predict_proba"):  # artifacts of 1.0.x hold a classifier
        return est.predict_proba(X)[:, 1]
    return np.clip(est.predict(X), 0.0, 1.0)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().removeprefix("the ")))


def word_dice(a: str, b: str) -> float:
    """Word-overlap Dice of two spans (lower-cased words; the measure annotations are matched by)."""
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not wa or not wb:
        return 0.0
    return 2 * sum((Counter(wa) & Counter(wb)).values()) / (len(wa) + len(wb))


def _capitalised_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", text) if w[:1].isupper()]


def same_name(a: str, b: str) -> bool:
    """True when one span repeats the other's name: every capitalised word of the shorter one
    (at least two) is among the longer one's ("Youth Jobs Fund" in "the Busan Youth Jobs Fund
    for graduates"). A second mention of a named measure is one policy, not two."""
    wa, wb = _capitalised_words(a), _capitalised_words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short) >= 2 and not Counter(short) - Counter(long_)


def select(cands: Sequence[Candidate], probs: Sequence[float], threshold: float) -> list[tuple[Candidate, float]]:
    """Best candidates first; skip any that overlaps a kept one or repeats most of its words."""
    kept: list[tuple[Candidate, float]] = []
    seen: set[str] = set()
    for rank, i in enumerate(sorted(range(len(cands)), key=lambda k: -probs[k])):
        # a release reports at least one measure: keep the best candidate if it is at all likely
        if probs[i] < threshold and not (rank == 0 and probs[i] >= KEEP_ONE_FLOOR):
            break
        c = cands[i]
        key = _norm(c.text)
        if key in seen or any(c.start < k.end and k.start < c.end for k, _ in kept) \
                or any(word_dice(c.text, k.text) >= DUPLICATE_DICE or same_name(c.text, k.text) for k, _ in kept):
            continue
        seen.add(key)
        kept.append((c, float(probs[i])))
    kept = [(c, p) for c, p in kept if not _refers_to_another(c.text, [k.text for k, _ in kept if k is not c])]
    return sorted(kept, key=lambda t: t[0].start)


#: Words that only quantify or point at a measure: "the £12 million fund", "this new programme".
_POINTING = re.compile(r"^(?:the|a|an|this|that|these|its|their|new|\W+|[$£€₩¥]?\d[\d.,]*\w{0,2}|"
                       r"thousand|million|billion|trillion|won|dollars?|pounds?|euros?|m|bn|k)$", re.I)


def _head_key(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _refers_to_another(text: str, others: Sequence[str]) -> bool:
    """A mention made of an amount or pointer and a policy noun alone ("£12 million fund", "the
    programme") names no measure of its own: it refers to a named one with the same head noun, when
    the release reports one ("£12 million Green Skills Academy fund")."""
    words = re.findall(r"[$£€₩¥]?\d[\d.,]*\w{0,2}|[\w'’-]+", text)
    if len(words) < 2 or not all(_POINTING.match(w) for w in words[:-1]) or words[-1].lower() not in POLICY_HEADS:
        return False
    head = _head_key(words[-1])
    return any(len(o.split()) > 1 and _head_key(o.split()[-1]) == head and o.lower() != text.lower() for o in others)


# ---- the category classifier --------------------------------------------

def context_for(doc: Doc, start: int, end: int, text: str | None = None,
                sentences: SentenceIndex | None = None) -> SpanContext:
    text = doc_text(doc) if text is None else text
    return SpanContext(text[start:end], sentence_of(doc, start, end, sentences, text), text,
                       paragraph_of(text, start, end))


#: Weight of each feature block of the category classifier (span words, span characters,
#: sentence words, cue counts): cue words carry the release-level framing, so they weigh more.
BLOCK_WEIGHTS: dict[str, float] = {"span_word": 1.0, "span_char": 0.5, "sent_word": 0.7, "cues": 1.0, "rule": 3.0,
                                   "doc_word": 5.0}
#: The release's own words decide much of a category (a release about tariffs frames all its
#: measures as shock response), so the release's TF-IDF weighs most. Grouped CV on the training
#: releases, category accuracy on annotated spans: without it 0.645; weight 1: 0.654, 2: 0.675,
#: 3: 0.683, 5: 0.701.


#: Weight of the static embeddings of span, sentence and headline in the category classifier
#: (grouped CV, category accuracy on annotated spans: 0.5: 0.669, 1: 0.693, 2: 0.686).
CLASSIFIER_EMBEDDING_WEIGHT = 1.0


def _cue_row(ctx: SpanContext, rule_weight: float) -> dict[str, float]:
    """Cue-word features, plus the keyword-rule verdict as one more (weighted) feature."""
    row = cue_features(ctx)
    if rule_weight:
        row[f"rule={rule_category(ctx)}"] = rule_weight
    return row


def _blocks(parts: dict[str, Any], contexts: Sequence[SpanContext], fit: bool) -> sparse.csr_matrix:
    weights = parts["weights"]
    inputs = {
        "span_word": [c.text for c in contexts],
        "span_char": [c.text for c in contexts],
        "sent_word": [c.sentence for c in contexts],
        "cues": [_cue_row(c, weights.get("rule", 0.0)) for c in contexts],
    }
    if "doc_word" in parts:  # artifacts before 1.2.0 have no release block
        inputs["doc_word"] = [c.document for c in contexts]
    mats = []
    for name, values in inputs.items():
        vec = parts[name]
        if fit:
            mat = vec.fit_transform(values)
        elif isinstance(vec, DictVectorizer):
            mat = transform_dicts(vec, values)
        else:  # a release's policies share its text and often a sentence: analyse each once
            unique = list(dict.fromkeys(values))
            where = {value: i for i, value in enumerate(unique)}
            mat = vec.transform(unique)[[where[value] for value in values]]
        mats.append(mat * weights[name])
    embedding = parts.get("embedding")
    if embedding:  # artifacts before 1.3.0 have no embedding block
        from .embeddings import encode

        for texts in ([c.text for c in contexts], [c.sentence[:500] for c in contexts],
                      [c.document[:300].split("\n", 1)[0] for c in contexts]):
            mats.append(sparse.csr_matrix(encode(embedding["name"], texts) * embedding["weight"]))
    return sparse.hstack(mats).tocsr()


def fit_classifier(contexts: Sequence[SpanContext], labels: Sequence[str], calibrate: bool = True,
                   weights: dict[str, float] | None = None, C: float = 4.0,
                   embedding: str | None = None) -> dict[str, Any]:
    """Fit the category classifier; with ``embedding``, the static embeddings of span, sentence and
    headline join the TF-IDF blocks (grouped CV, category accuracy on annotated spans: 0.701 -> 0.709)."""
    parts: dict[str, Any] = {
        "span_word": TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True),
        "span_char": TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                                     max_features=12000),
        "sent_word": TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english",
                                     max_features=8000),
        "cues": DictVectorizer(),
        "doc_word": TfidfVectorizer(min_df=2, sublinear_tf=True, stop_words="english", max_features=5000),
        "weights": dict(weights or BLOCK_WEIGHTS),
    }
    if embedding:
        parts["embedding"] = {"name": embedding, "weight": CLASSIFIER_EMBEDDING_WEIGHT}
    X = _blocks(parts, contexts, fit=True)
    for name in ("span_word", "span_char", "sent_word", "doc_word"):
        parts[name].stop_words_ = None  # the pruned-term set is only for inspection and is large
    base = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    smallest = min(Counter(labels).values())
    if calibrate and smallest >= 3:
        clf = CalibratedClassifierCV(base, method="sigmoid", cv=min(3, smallest))
    else:
        clf = base
    clf.fit(X, np.asarray(labels))
    parts["classifier"] = clf
    return parts


def classify_proba(parts: dict[str, Any], contexts: Sequence[SpanContext]) -> tuple[list[str], np.ndarray]:
    clf = parts["classifier"]
    return [str(c) for c in clf.classes_], clf.predict_proba(_blocks(parts, contexts, fit=False))


# ---- the model -----------------------------------------------------------

@dataclass
class Prediction:
    """A category with its calibrated probability."""

    category: str
    confidence: float

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD


class PolicyModel:
    """Detect and classify the policies of a parsed release; save and load as a skops artifact."""

    def __init__(self, filter_part: dict[str, Any], classifier_part: dict[str, Any],
                 threshold: float = FILTER_THRESHOLD, meta: dict[str, Any] | None = None) -> None:
        self.filter = filter_part
        self.classifier = classifier_part
        self.threshold = threshold
        self.meta = dict(meta or {})
        self.meta.setdefault("version", MODEL_VERSION)

    # -- prediction
    def classify(self, contexts: Sequence[SpanContext]) -> list[Prediction]:
        if not contexts:
            return []
        classes, proba = classify_proba(self.classifier, contexts)
        best = proba.argmax(axis=1)
        return [Prediction(classes[k], round(float(proba[i, k]), 4)) for i, k in enumerate(best)]

    def scored_candidates(self, doc: Doc) -> tuple[list[Candidate], np.ndarray]:
        cands = candidates(doc)
        return cands, filter_proba(self.filter, filter_rows(doc, cands), [c.text for c in cands])

    def detect(self, doc: Doc, threshold: float | None = None) -> list[tuple[Candidate, float]]:
        cands, probs = self.scored_candidates(doc)
        return select(cands, probs, self.threshold if threshold is None else threshold)

    def predict(self, doc: Doc) -> list[Policy]:
        return self.predict_many([doc])[0]

    def predict_many(self, docs: Sequence[Doc]) -> list[list[Policy]]:
        """The policies of each Doc, with one call to each scikit-learn model for the whole batch.

        Per-call overhead (input validation, vectoriser set-up) dominates on release-sized
        inputs, so batching the filter and the classifier across Docs is what makes the
        component cheap; the results are the same as Doc by Doc.
        """
        texts = [doc_text(doc) for doc in docs]  # Doc.text is built anew on every access: read it once
        cands = [candidates(doc, text) for doc, text in zip(docs, texts)]
        rows = [row for doc, text, cs in zip(docs, texts, cands) for row in _filter_rows(doc, cs, text)]
        scores = filter_proba(self.filter, rows, [c.text for cs in cands for c in cs])
        found, offset = [], 0
        for cs in cands:
            found.append(select(cs, scores[offset:offset + len(cs)], self.threshold))
            offset += len(cs)
        contexts = []
        for doc, text, kept in zip(docs, texts, found):
            sentences = SentenceIndex(doc)
            contexts.extend(context_for(doc, c.start, c.end, text, sentences) for c, _ in kept)
        predictions = iter(self.classify(contexts))
        out = []
        for text, kept in zip(texts, found):
            policies = []
            for cand, _ in kept:
                pred = next(predictions)
                line_end = text.find("\n", cand.end)
                after = text[cand.end:line_end if line_end >= 0 else None]
                policies.append(Policy(text=cand.text, start=cand.start, end=cand.end, category=pred.category,
                                       confidence=pred.confidence, target=find_target(cand.text, after),
                                       needs_review=pred.needs_review))
            out.append(policies)
        return out

    # -- persistence
    def to_state(self) -> dict[str, Any]:
        return {"format": "release-miner-policies", "meta": self.meta, "threshold": float(self.threshold),
                "filter": self.filter, "classifier": self.classifier}

    def save(self, path: Path) -> Path:
        import skops.io as sio

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        sio.dump(self.to_state(), partial, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
        partial.replace(path)
        return path

    @classmethod
    def load(cls, path: str | Path) -> PolicyModel:
        import skops.io as sio

        path = Path(path)
        if not path.is_file():
            raise ModelError(f"{path}: no such policy model file")
        try:
            untrusted = sio.get_untrusted_types(file=path)
            allowed = [t for t in untrusted if t.startswith(("sklearn.", "numpy.", "scipy.", "builtins."))]
            if len(allowed) != len(untrusted):
                raise ModelError(f"{path}: refusing to load untrusted types "
                                 f"{sorted(set(untrusted) - set(allowed))}")
            state = sio.load(path, trusted=allowed)
        except ModelError:
            raise
        except Exception as exc:  # skops raises many kinds for a corrupt or foreign file
            raise ModelError(f"{path}: not a readable policy model ({type(exc).__name__}: {exc})") from None
        if not isinstance(state, dict) or state.get("format") != "release-miner-policies":
            raise ModelError(f"{path}: not a release-miner policy model")
        return cls(state["filter"], state["classifier"], float(state["threshold"]), state.get("meta"))


def new_meta(**extra: Any) -> dict[str, Any]:
    return {"version": MODEL_VERSION, "created": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **extra}


def load_default(path: str | Path | None = None) -> PolicyModel | None:
    """The model at ``path`` (errors raised), else the default one (None when there is none)."""
    if path:
        return PolicyModel.load(path)
    found = default_model_path()
    if found is None:
        return None
    try:
        return PolicyModel.load(found)
    except ModelError as exc:
        warnings.warn(f"release-miner: default policy model unusable: {exc}", stacklevel=2)
        return None
