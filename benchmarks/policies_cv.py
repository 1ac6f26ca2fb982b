"""Grouped-by-release cross-validation of the policy model and its two baselines.

Every release's policies are predicted by a model trained without that release, and
scored with the evaluation contract's matching. Same numbers as
``release-miner train --cv-only``; this script adds a choice of fold count and seedless,
deterministic splits for comparing changes.

    python benchmarks/policies_cv.py [--gold ../shared/eval/train.jsonl] [--folds 5] [--learning-curve]

``--learning-curve`` adds the same CV with every fold trained on 25/50/75/100% of its
training releases (three shuffles each), to tell a data-limited model from a
feature-limited one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from release_miner.classify import data, training
from release_miner.pipeline import build_pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=data.DEFAULT_GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--learning-curve", action="store_true")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"{args.gold}: not found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    docs = data.gold_training_docs(args.gold)[1]
    parsed = training.parse(docs, build_pipeline(components=()))
    result = training.cross_validate(parsed, data.load_written(), n_splits=args.folds,
                                     progress=lambda m: print(m, file=sys.stderr))
    if args.learning_curve:
        result["learning_curve"] = training.learning_curve(parsed, data.load_written(), n_splits=args.folds,
                                                           progress=lambda m: print(m, file=sys.stderr))
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
