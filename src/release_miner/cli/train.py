"""``release-miner train``: rebuild the policy model and its model card from the corpus."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .common import CommandError, add_command


def register(subparsers) -> None:
    p = add_command(subparsers, "train", "rebuild the policy model (models/) with grouped cross-validated metrics", [
        "release-miner train",
        "release-miner train --cv-only --folds 5",
        "release-miner train --learning-curve",
        "release-miner train --gold ../shared/eval/dev.jsonl --refresh-labels --output models",
    ])
    p.add_argument("--gold", metavar="JSONL", help="annotated releases the labels point into "
                   "(default: ../shared/eval/dev.jsonl beside the repository)")
    p.add_argument("--labels", metavar="JSONL", help="labelled policy spans (default: corpus/policies/labels.jsonl)")
    p.add_argument("--written", metavar="JSONL", help="written examples (default: corpus/policies/written.jsonl)")
    p.add_argument("--refresh-labels", action="store_true",
                   help="re-derive the labels file (offsets, categories, source ids) from --gold first")
    p.add_argument("--output", metavar="DIR", help="where the model and MODEL_CARD.md go (default: models/)")
    p.add_argument("--folds", type=int, default=5, help="grouped cross-validation folds (default 5)")
    p.add_argument("--no-cv", action="store_true", help="skip cross-validation (the card then has no metrics)")
    p.add_argument("--cv-only", action="store_true", help="only cross-validate and print the metrics as JSON")
    p.add_argument("--learning-curve", action="store_true",
                   help="also measure the learning curve (CV with 25/50/75/100%% of the training releases, "
                   "3 shuffles; a few minutes) and put it in the model card")
    p.add_argument("--spacy-model", metavar="NAME|PATH", help="spaCy pipeline used to parse the releases")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from ..classify import card, data, training
    from ..classify.model import MODEL_VERSION, MODELS_DIR
    from ..pipeline import ModelNotFound, build_pipeline

    gold = Path(args.gold) if args.gold else data.DEFAULT_TEXTS
    labels_path = Path(args.labels) if args.labels else data.LABELS_FILE
    try:
        if args.refresh_labels:
            data.write_labels(data.labels_from_gold(gold), labels_path)
        labels = data.load_labels(labels_path)
        written = data.load_written(Path(args.written) if args.written else data.WRITTEN_FILE)
        docs = data.training_docs(labels, gold)
    except data.TrainingDataError as exc:
        raise CommandError(str(exc)) from None
    try:
        nlp = build_pipeline(args.spacy_model, components=())
    except ModelNotFound as exc:
        raise CommandError(str(exc)) from None
    log = lambda msg: print(f"train: {msg}", file=sys.stderr)  # noqa: E731
    log(f"parsing {len(docs)} releases")
    parsed = training.parse(docs, nlp)
    cv = None
    if not args.no_cv:
        if args.folds < 2 or args.folds > len(parsed):
            raise CommandError(f"--folds must be between 2 and {len(parsed)}")
        cv = training.cross_validate(parsed, written, n_splits=args.folds, progress=log)
        if args.cv_only and not args.learning_curve:
            print(json.dumps(cv, indent=2))
            return 0
    curve = training.learning_curve(parsed, written, n_splits=args.folds, progress=log) \
        if args.learning_curve and not args.no_cv else None
    if curve and args.cv_only:
        print(json.dumps({"cross_validation": cv, "learning_curve": curve}, indent=2))
        return 0
    out_dir = Path(args.output) if args.output else MODELS_DIR
    target = out_dir / f"policies-{MODEL_VERSION}.skops"
    counts = Counter(lab.label for lab in labels)
    model = training.train(parsed, written, documents=len(docs), policies=len(labels),
                           label_counts=dict(counts), written_examples=len(written), file=target.name,
                           cv=cv)
    model.save(target)
    (out_dir / "MODEL_CARD.md").write_text(card.render(model.meta, cv, curve), encoding="utf-8")
    log(f"wrote {target} and {out_dir / 'MODEL_CARD.md'}")
    if cv:
        r = cv["model"]
        print(f"grouped CV ({cv['folds']} folds): policies F1 {r['policies']['f1']:.3f}, "
              f"category accuracy on matched {r['category_accuracy_on_matched']:.3f}, "
              f"policies+category F1 {r['policies+category']['f1']:.3f}")
    return 0
