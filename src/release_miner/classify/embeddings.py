"""Static text embeddings: what a policy candidate means, beyond the words seen in training.

Measures described in plain words ("supermarket vouchers", "favorable financing") share
no capitals or policy nouns with the named ones the filter learns from; a pretrained
embedding places them near measures it did see ("gift vouchers", "low-interest loans").
The model is a model2vec distillation of all-MiniLM-L6-v2 shipped in ``models/``: a
lookup table and a tokenizer, so encoding needs numpy only (no torch), runs at tens of
thousands of phrases a second, and loading executes no code from the files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

#: The embedding the shipped policy model was trained with (a folder in ``models/``).
STATIC_MODEL = "static-minilm-256"
#: The same two folders as the policy model's (`model.MODELS_DIR`, `model.PACKAGED_MODELS_DIR`), named
#: here so that encoding does not import scikit-learn.
_FOLDERS = (Path(__file__).resolve().parents[3] / "models", Path(__file__).resolve().parent / "models")


class EmbeddingError(RuntimeError):
    """The embedding a policy model needs is not installed."""


def embedding_dir(name: str) -> Path:
    """The folder of embedding ``name``: beside the source tree, else in the installed package."""
    for folder in _FOLDERS:
        if (folder / name / "model.safetensors").is_file():
            return folder / name
    raise EmbeddingError(f"embedding {name!r} not found in {' or '.join(str(f) for f in _FOLDERS)}")


@lru_cache(maxsize=4)
def _model(name: str):
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(embedding_dir(name)))


def encode(name: str, texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (float32, one row each); repeated texts are encoded once."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = np.asarray(_model(name).encode(unique), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    where = {text: i for i, text in enumerate(unique)}
    return vectors[[where[t] for t in texts]]
