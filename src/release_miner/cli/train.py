"""``release-miner train``: rebuild the policy model and its model card from annotated releases.

The model trains on ``--gold`` (default ``../shared/eval/train.jsonl``) and every choice it makes
(filter threshold, and the figures of the model card) comes from grouped cross-validation inside
that file. ``--test`` (default ``../shared/eval/dev.jsonl`` when present) is scored once, after
training, and never trained on; its scores go into the model card beside the cross-validated ones.
"""

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
        "release-miner train --learning-curve --curve-seeds 3",
        "release-miner train --gold my-annotated.jsonl --test my-held-out.jsonl --output models",
    ])
    p.add_argument("--gold", metavar="JSONL", help="annotated releases to train on; lines whose \"fields\" "
                   "leave out policies are skipped (default: ../shared/eval/train.jsonl beside the repository)")
    p.add_argument("--test", metavar="JSONL", help="annotated releases to test on once, never trained on "
                   "(default: ../shared/eval/dev.jsonl when present); --no-test skips it")
    p.add_argument("--no-test", action="store_true", help="do not score a test set")
    p.add_argument("--ship-with-test", action="store_true",
                   help="after scoring the test set with a model trained on --gold only, train the shipped model "
                   "on --gold and the test set together (more data; the card then says its test scores come "
                   "from the model that never saw the test set)")
    p.add_argument("--labels", metavar="JSONL", help="where the record of the training labels (span, offsets, "
                   "category, source id; no texts) is written (default: corpus/policies/labels.jsonl)")
    p.add_argument("--written", metavar="JSONL", help="written examples (default: corpus/policies/written.jsonl)")
    p.add_argument("--corrections", metavar="FILE|DATASET", action="append", default=[],
                   help="reviewer decisions to learn categories from as well (repeatable): a corrections.jsonl "
                   "downloaded from the report, or a dataset with applied corrections; accepted and "
                   "re-categorised policies teach the category classifier")
    p.add_argument("--db", metavar="DATASET", help="dataset holding the releases of a --corrections file, so "
                   "each reviewed policy is learnt in its line of text")
    p.add_argument("--output", metavar="DIR", help="where the model and MODEL_CARD.md go (default: models/)")
    p.add_argument("--folds", type=int, default=5, help="grouped cross-validation folds (default 5)")
    p.add_argument("--no-cv", action="store_true", help="skip cross-validation (the card then has no CV metrics)")
    p.add_argument("--cv-only", action="store_true", help="only cross-validate and print the metrics as JSON")
    p.add_argument("--learning-curve", action="store_true",
                   help="also measure the learning curve (CV with 25/50/75/100%% of the training releases) "
                   "and put it in the model card")
    p.add_argument("--curve-seeds", type=int, default=3, metavar="N",
                   help="shuffles of the releases per learning-curve point (default 3)")
    p.add_argument("--spacy-model", metavar="NAME|PATH", help="spaCy pipeline used to parse the releases")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from ..classify import card, data, training
    from ..classify.model import MODEL_VERSION, MODELS_DIR
    from ..pipeline import ModelNotFound, build_pipeline

    gold = Path(args.gold) if args.gold else data.DEFAULT_GOLD
    test_path = None if args.no_test else Path(args.test) if args.test else \
        (data.DEFAULT_TEST if data.DEFAULT_TEST.is_file() else None)
    if test_path is not None and test_path.resolve() == gold.resolve():
        raise CommandError(f"{test_path}: the test set must not be the training set")
    try:
        labels, docs = data.gold_training_docs(gold)
        if not docs:
            raise data.TrainingDataError(f"{gold}: no line annotates policies")
        written = data.load_written(Path(args.written) if args.written else data.WRITTEN_FILE)
        test_docs = data.gold_training_docs(test_path)[1] if test_path is not None else []
    except data.TrainingDataError as exc:
        raise CommandError(str(exc)) from None
    reviewed = _reviewed_examples(args.corrections, args.db)
    written = written + reviewed
    try:
        nlp = build_pipeline(args.spacy_model, components=())
    except ModelNotFound as exc:
        raise CommandError(str(exc)) from None
    log = lambda msg: print(f"train: {msg}", file=sys.stderr)  # noqa: E731
    log(f"parsing {len(docs)} training releases ({len(labels)} policies) from {gold}")
    parsed = training.parse(docs, nlp)
    cv = None
    if not args.no_cv:
        if args.folds < 2 or args.folds > len(parsed):
            raise CommandError(f"--folds must be between 2 and {len(parsed)}")
        cv = training.cross_validate(parsed, written, n_splits=args.folds, progress=log)
        if args.cv_only and not args.learning_curve:
            print(json.dumps(cv, indent=2))
            return 0
    curve = None
    if args.learning_curve and not args.no_cv:
        curve = training.learning_curve(parsed, written, n_splits=args.folds,
                                        seeds=tuple(range(1, max(1, args.curve_seeds) + 1)), progress=log)
    if curve and args.cv_only:
        print(json.dumps({"cross_validation": cv, "learning_curve": curve}, indent=2))
        return 0
    out_dir = Path(args.output) if args.output else MODELS_DIR
    target = out_dir / f"policies-{MODEL_VERSION}.skops"
    counts = Counter(lab.label for lab in labels)
    model = training.train(parsed, written, documents=len(docs), policies=len(labels),
                           label_counts=dict(counts), written_examples=len(written) - len(reviewed),
                           reviewed_examples=len(reviewed), file=target.name, training_file=gold.name, cv=cv)
    if test_docs:
        log(f"scoring the test set: {len(test_docs)} releases from {test_path}")
        parsed_test = training.parse(test_docs, nlp)
        test = dict(training.test_scores(model, parsed_test), file=test_path.name)
        if args.ship_with_test:
            log("training the shipped model on the training and the test releases together")
            test_labels = [lab for d in test_docs for lab in d.policies]
            labels = labels + test_labels
            model = training.train(parsed + parsed_test, written, documents=len(docs) + len(test_docs),
                                   policies=len(labels), label_counts=dict(Counter(lab.label for lab in labels)),
                                   written_examples=len(written) - len(reviewed), reviewed_examples=len(reviewed),
                                   file=target.name, training_file=f"{gold.name} + {test_path.name}",
                                   cv_file=gold.name, cv=cv)
            test["scored_model"] = f"trained on {gold.name} only, before the test set was added"
        model.meta["test"] = test
    model.save(target)
    (out_dir / "MODEL_CARD.md").write_text(card.render(model.meta, cv, curve), encoding="utf-8")
    labels_path = Path(args.labels) if args.labels else data.LABELS_FILE
    data.write_labels(labels, labels_path)
    log(f"wrote {target}, {out_dir / 'MODEL_CARD.md'} and {labels_path}")
    if cv:
        r = cv["model"]
        print(f"grouped CV ({cv['folds']} folds): policies F1 {r['policies']['f1']:.3f}, "
              f"category accuracy on matched {r['category_accuracy_on_matched']:.3f}, "
              f"policies+category F1 {r['policies+category']['f1']:.3f}")
    if "test" in model.meta:
        t = model.meta["test"]
        print(f"test set ({t['file']}, {t['documents']} releases): policies F1 {t['policies']['f1']:.3f}, "
              f"category accuracy on matched {t['category_accuracy_on_matched']}, "
              f"policies+category F1 {t['policies+category']['f1']:.3f}")
    return 0


def _open_dataset(path: Path):
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("SELECT 1 FROM corrections LIMIT 1")
        return conn
    except sqlite3.DatabaseError as exc:
        raise CommandError(f"{path}: not a release-miner dataset with corrections ({exc})") from None


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _reviewed_examples(sources: list[str], db: str | None) -> list:
    """Reviewer decisions from corrections files or datasets, as category examples."""
    from ..classify import data

    dataset = _open_dataset(Path(db)) if db else None
    out = []
    for source in map(Path, sources):
        if not source.is_file():
            raise CommandError(f"{source}: no such corrections file or dataset")
        if _is_sqlite(source):
            conn = _open_dataset(source)
            out.extend(data.reviewed_examples(conn))
            conn.close()
        else:
            out.extend(data.reviewed_examples(source, dataset))
    if sources:
        print(f"train: {len(out)} reviewed policies from {len(sources)} corrections source(s)", file=sys.stderr)
    return out
