"""A learned span detector for policies (spaCy NER, label POLICY), measured against the ranker.

    python training/policies_ner.py build --out DIR    # DocBins: train, heldout (checkpoints), test
    python -m spacy train training/policies-ner.cfg --paths.train DIR/train.spacy \\
        --paths.dev DIR/heldout.spacy --output DIR/model
    python training/policies_ner.py score --model DIR/model/model-best

``build`` reads the training releases (``../shared/eval/train.jsonl``: lines that annotate
policies) and keeps one release in five (by id) aside as the held-out set spaCy picks its
best checkpoint on, so the test file (``dev.jsonl``) is never seen during training.
``score`` runs the trained detector alone on the test file and prints its policies
precision / recall / F1 with the evaluation contract's matching. Nothing here runs at
release-miner's run time: the detector is a measured alternative, not a shipped part.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from release_miner.classify import data  # noqa: E402
from release_miner.evaluate import score  # noqa: E402

LABEL = "POLICY"


def _heldout(doc_id: str) -> bool:
    return zlib.crc32(doc_id.encode()) % 5 == 0


def _docbin(nlp, docs: list[data.TrainingDoc]) -> DocBin:
    out = DocBin()
    for tdoc, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        spans = [doc.char_span(p.start, p.end, label=LABEL, alignment_mode="contract") for p in tdoc.policies]
        doc.ents = filter_spans([s for s in spans if s is not None])
        out.add(doc)
    return out


def build(out: Path, gold: Path, test: Path) -> None:
    nlp = spacy.blank("en")
    docs = data.gold_training_docs(gold)[1]
    out.mkdir(parents=True, exist_ok=True)
    _docbin(nlp, [d for d in docs if not _heldout(d.id)]).to_disk(out / "train.spacy")
    _docbin(nlp, [d for d in docs if _heldout(d.id)]).to_disk(out / "heldout.spacy")
    _docbin(nlp, data.gold_training_docs(test)[1]).to_disk(out / "test.spacy")
    print(f"wrote {out}/train.spacy, heldout.spacy and test.spacy", file=sys.stderr)


def score_model(model: Path, test: Path) -> dict:
    nlp = spacy.load(model)
    docs = data.gold_training_docs(test)[1]
    gold = {d.id: {"gold": {"policies": [{"text": p.text, "category": p.label} for p in d.policies]}} for d in docs}
    preds = {d.id: {"policies": [{"text": e.text, "category": "none"} for e in doc.ents if e.label_ == LABEL]}
             for d, doc in zip(docs, nlp.pipe(d.text for d in docs))}
    return score(gold, preds)["policies"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--model", type=Path, required=True)
    for p in (b, s):
        p.add_argument("--gold", type=Path, default=data.DEFAULT_GOLD)
        p.add_argument("--test", type=Path, default=data.DEFAULT_TEST)
    args = parser.parse_args()
    if args.command == "build":
        build(args.out, args.gold, args.test)
    else:
        print(json.dumps(score_model(args.model, args.test)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
