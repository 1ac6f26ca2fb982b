"""Training data for the policy models: labelled spans, their releases, and written examples.

The model trains on the annotated training releases (``../shared/eval/train.jsonl`` by
default) and is tested once on a separate annotated file (``dev.jsonl``) it never trains on.
Lines of a gold file may annotate only some fields (``"fields": [...]``); only those that
annotate ``policies`` are training releases (a line without policies annotated says nothing
about which of its spans are policies). The annotated releases are third-party texts, so
the corpus keeps only a record of the labels with offsets and source ids
(``corpus/policies/labels.jsonl``, rewritten by each training run); the texts are read from
the gold file at training time. Examples
written for this project (``corpus/policies/written.jsonl``) carry their own short
context and serve the category classifier only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..jsonl import JsonlError, read_jsonl
from ..records import CATEGORIES

REPO_ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIR = REPO_ROOT / "corpus" / "policies"
LABELS_FILE = CORPUS_DIR / "labels.jsonl"
WRITTEN_FILE = CORPUS_DIR / "written.jsonl"
#: Annotated releases the model trains on.
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "eval" / "train.jsonl"
#: Annotated releases the model is tested on, never trained on.
DEFAULT_TEST = REPO_ROOT.parent / "shared" / "eval" / "dev.jsonl"
#: What to say when there is no annotated file to train on.
MISSING_GOLD = ("{path}: no annotated releases to train on; pass --gold FILE (JSON Lines of releases with "
                "gold policies, see docs/annotation.md)")


class TrainingDataError(RuntimeError):
    """The labels or the texts they point into are missing or inconsistent."""


@dataclass
class LabelledPolicy:
    """One annotated policy: where it is in which release, and its category."""

    source_id: str
    start: int
    end: int
    text: str
    label: str
    target: str | None = None


@dataclass
class TrainingDoc:
    """A release with its annotated policies."""

    id: str
    text: str
    policies: list[LabelledPolicy] = field(default_factory=list)


@dataclass
class WrittenExample:
    """A policy phrase written for the corpus, with its own context sentence."""

    text: str
    label: str
    context: str = ""
    source_id: str = "written"


def _read_jsonl(path: Path) -> list[dict]:
    try:
        return [row for _, row in read_jsonl(path)]
    except JsonlError as exc:
        raise TrainingDataError(str(exc)) from None


def annotates_policies(doc: dict) -> bool:
    """True when a gold line annotates policies (no ``fields`` list means it annotates everything)."""
    fields = doc.get("fields")
    return not fields or "policies" in fields


def labels_from_gold(gold_path: Path) -> list[LabelledPolicy]:
    """Locate every gold policy in its release text (first occurrence) and keep only offsets and labels."""
    out = []
    for doc in _read_jsonl(gold_path):
        if not annotates_policies(doc):
            continue
        text = doc.get("text") or ""
        for p in (doc.get("gold") or {}).get("policies") or []:
            start = text.find(p["text"])
            if start < 0:
                start = text.lower().find(p["text"].lower())
            if start < 0:
                raise TrainingDataError(f"{doc['id']}: policy {p['text']!r} is not in the text")
            out.append(LabelledPolicy(str(doc["id"]), start, start + len(p["text"]), p["text"],
                                      p.get("category") or "none", p.get("target")))
    return out


def write_labels(labels: list[LabelledPolicy], path: Path = LABELS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for lab in labels:
            fh.write(json.dumps(asdict(lab), ensure_ascii=False) + "\n")


def load_labels(path: Path = LABELS_FILE) -> list[LabelledPolicy]:
    labels = [LabelledPolicy(**{k: d.get(k) for k in ("source_id", "start", "end", "text", "label", "target")})
              for d in _read_jsonl(path)]
    bad = [lab for lab in labels if lab.label not in CATEGORIES]
    if bad:
        raise TrainingDataError(f"{path}: unknown category {bad[0].label!r} for {bad[0].text!r}")
    return labels


def load_written(path: Path = WRITTEN_FILE) -> list[WrittenExample]:
    if not path.exists():
        return []
    examples = [WrittenExample(d["text"], d["label"], d.get("context") or "", d.get("source_id") or "written")
                for d in _read_jsonl(path)]
    bad = [e for e in examples if e.label not in CATEGORIES]
    if bad:
        raise TrainingDataError(f"{path}: unknown category {bad[0].label!r} for {bad[0].text!r}")
    return examples


def training_docs(labels: list[LabelledPolicy], texts_path: Path = DEFAULT_GOLD) -> list[TrainingDoc]:
    """Join labels with the release texts, checking that every offset still points at its span.

    Every release of ``texts_path`` that annotates policies is a training release, those
    with no policy too (all their candidates are negatives)."""
    texts = {str(d["id"]): d.get("text") or "" for d in _read_jsonl(texts_path) if annotates_policies(d)}
    docs = {doc_id: TrainingDoc(doc_id, text) for doc_id, text in texts.items()}
    for lab in labels:
        doc = docs.get(lab.source_id)
        if doc is None:
            raise TrainingDataError(f"{texts_path}: no release with id {lab.source_id!r}")
        if doc.text[lab.start:lab.end] != lab.text:
            raise TrainingDataError(f"{lab.source_id}: offsets {lab.start}-{lab.end} do not point at {lab.text!r}")
        doc.policies.append(lab)
    return [d for d in docs.values() if d.text]


def gold_training_docs(gold_path: Path = DEFAULT_GOLD) -> tuple[list[LabelledPolicy], list[TrainingDoc]]:
    """The labels of an annotated file and its training releases, read in one go."""
    if not gold_path.is_file():
        raise TrainingDataError(MISSING_GOLD.format(path=gold_path))
    labels = labels_from_gold(gold_path)
    return labels, training_docs(labels, gold_path)


def reviewed_examples(source: str | Path | sqlite3.Connection,
                      dataset: sqlite3.Connection | None = None) -> list[WrittenExample]:
    """Categories a reviewer confirmed or changed in the report, as examples for the category classifier.

    ``source`` is a ``corrections.jsonl`` downloaded from the report or a dataset connection
    holding applied corrections; the release texts come from the dataset (``dataset``, or
    ``source`` itself), and each example's context is the line its span stands in. Rejected
    spans are left out: "not a policy" is evidence for the detection filter, which learns only
    from fully annotated releases, and not a category.
    """
    from ..corrections import reviewed_policies

    conn = source if isinstance(source, sqlite3.Connection) else dataset
    labels = reviewed_policies(source, rejected=False)
    texts: dict[str, str] = {}
    if conn is not None and labels:
        ids = sorted({lab.source_id for lab in labels})
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            texts.update(conn.execute(f"SELECT doc_id, text FROM releases WHERE doc_id IN "
                                      f"({','.join('?' * len(chunk))})", chunk).fetchall())
    out = []
    for lab in labels:
        text = texts.get(lab.source_id) or ""
        context = lab.text
        if text[lab.start:lab.end] == lab.text:
            line_start = text.rfind("\n", 0, lab.start) + 1
            line_end = text.find("\n", lab.end)
            context = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        out.append(WrittenExample(lab.text, lab.label, context, source_id=lab.source_id))
    return out
