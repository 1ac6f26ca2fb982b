"""Train the names NER shipped in ``models/`` and measure it with grouped cross-validation.

    python training/train_names_ner.py --gold ../shared/eval/train.jsonl            # train and ship
    python training/train_names_ner.py --gold ../shared/eval/train.jsonl --cv 5     # measure only

The gold file is JSON Lines of annotated releases (``text`` and ``gold.people`` /
``gold.organizations``; lines whose ``fields`` leave either out are skipped). Whatever
releases it holds are used: nothing here is keyed to a particular file.

``--cv K`` splits the releases into K folds (by release: all paragraphs of one release
stay in one fold), fine-tunes on K-1 folds, runs the whole names extraction (model plus
rules) on the held-out fold and scores people, titles and organizations with the
evaluation contract's matching; the same folds are also scored with the base model, so
the two columns compare like with like. Training is not needed at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import spacy  # noqa: E402

from release_miner.evaluate import score  # noqa: E402
from release_miner.extract import ner_model  # noqa: E402
from release_miner.extract.ner_training import DEFAULT_CONFIG, load_records, read_config, save, train  # noqa: E402
from release_miner.pipeline import mine_many  # noqa: E402

def _names_pipeline(nlp: spacy.language.Language) -> spacy.language.Language:
    import release_miner.extract.names  # noqa: F401  (registers the factory)

    if "release_names" not in nlp.pipe_names:
        nlp.add_pipe("release_names")
    return nlp


def _predict(nlp, records: list[dict]) -> dict[str, dict]:
    docs = [{k: r.get(k) for k in ("id", "text", "published", "url", "title")} for r in records]
    return {p.id: p.to_dict(include_text=False) for p in mine_many(docs, nlp=nlp)}


def _score(records: list[dict], predictions: dict[str, dict]) -> dict:
    result = score({str(r["id"]): r for r in records}, predictions)
    return {"people": result["people"], "organizations": result["organizations"],
            "title_accuracy": result["title_accuracy"] or 0.0}


def _summary(result: dict) -> str:
    p, o = result["people"], result["organizations"]
    return (f"people P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} | titles {result['title_accuracy']:.3f}"
            f" | organizations P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}")


def _fold_model(rest: list[dict], config: dict, saved: Path | None, k: int) -> spacy.language.Language:
    """The model of fold ``k``: trained on ``rest``, or read back from ``saved`` when kept there before."""
    if saved is not None and (saved / f"fold-{k}" / "meta.json").exists():
        nlp = spacy.load(config["base"]["model"], exclude=["lemmatizer"])
        ner_model.apply(nlp, saved / f"fold-{k}")
        return nlp
    nlp = train(rest, config)
    if saved is not None:
        save(nlp, saved / f"fold-{k}", _meta(nlp, rest, config))
    return nlp


def _meta(nlp: spacy.language.Language, records: list[dict], config: dict) -> dict:
    return {"name": "names-ner", "version": ner_model.MODEL_NAME.rsplit("-", 1)[1],
            "base": {"name": nlp.meta.get("name"), "version": nlp.meta.get("version")},
            "architecture": ner_model.ner_architecture(nlp), "labels": list(nlp.get_pipe("ner").labels),
            "releases": len(records), "training": config["training"]}


def cross_validate(records: list[dict], folds: int, config: dict, saved: Path | None = None,
                   predictions: Path | None = None) -> tuple[dict, dict]:
    """Pooled held-out scores of the base model and of the fine-tuned one (every release predicted once)."""
    ids = sorted(str(r["id"]) for r in records)
    fold_of = {doc_id: i % folds for i, doc_id in enumerate(ids)}
    base = _names_pipeline(spacy.load(config["base"]["model"], exclude=["lemmatizer"]))
    tuned_all: dict[str, dict] = {}
    base_all = _predict(base, records)
    for k in range(folds):
        held = [r for r in records if fold_of[str(r["id"])] == k]
        rest = [r for r in records if fold_of[str(r["id"])] != k]
        started = time.perf_counter()
        predicted = _predict(_names_pipeline(_fold_model(rest, config, saved, k)), held)
        tuned_all.update(predicted)
        print(f"fold {k + 1}/{folds} ({len(held)} releases, {time.perf_counter() - started:.0f} s)\n"
              f"  base  {_summary(_score(held, {i: base_all[i] for i in predicted}))}\n"
              f"  tuned {_summary(_score(held, predicted))}", file=sys.stderr)
    if predictions is not None:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in tuned_all.values()),
                               encoding="utf-8")
    return _score(records, base_all), _score(records, tuned_all)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="annotated releases (JSON Lines)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--cv", type=int, default=0, help="measure with K folds instead of training the model")
    parser.add_argument("--fold-models", type=Path, help="keep the fold models here and reuse them (rule changes)")
    parser.add_argument("--predictions", type=Path, help="write the held-out predictions here (JSON Lines)")
    parser.add_argument("--output", type=Path, default=ner_model.model_path())
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"{args.gold}: not found", file=sys.stderr)
        return 2
    config = read_config(args.config)
    records = load_records(args.gold)
    if args.cv:
        base, tuned = cross_validate(records, args.cv, config, args.fold_models, args.predictions)
        print(f"grouped {args.cv}-fold CV over {len(records)} releases")
        print(f"  base model:  {_summary(base)}")
        print(f"  fine-tuned:  {_summary(tuned)}")
        return 0
    nlp = train(records, config, progress=lambda m: print(m, file=sys.stderr))
    print(f"saved {save(nlp, args.output, _meta(nlp, records, config))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
