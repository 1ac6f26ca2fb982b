"""The static embedding shipped in models/: real vectors, loaded without torch, used by both learned parts."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from release_miner.classify.embeddings import STATIC_MODEL, EmbeddingError, embedding_dir, encode
from release_miner.classify.features import SpanContext
from release_miner.classify.model import PolicyModel, classify_proba, filter_proba, fit_classifier, fit_filter


def test_the_shipped_embedding_is_safetensors_and_a_tokenizer():
    folder = embedding_dir(STATIC_MODEL)
    assert (folder / "model.safetensors").stat().st_size > 1_000_000
    assert (folder / "tokenizer.json").is_file()
    assert not list(folder.glob("*.py")) and not list(folder.glob("*.pkl")) and not list(folder.glob("*.bin"))


def test_vectors_are_unit_length_and_a_repeated_text_gets_the_same_row():
    vectors = encode(STATIC_MODEL, ["rent relief", "supermarket vouchers", "rent relief"])
    assert vectors.shape == (3, 256) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(vectors[0], vectors[2])


def test_measures_described_in_other_words_lie_close():
    a, b, c = encode(STATIC_MODEL, ["supermarket vouchers", "gift certificates for groceries",
                                    "the council meeting on Tuesday"])
    assert float(a @ b) > float(a @ c) + 0.1



def test_encoding_needs_neither_torch_nor_the_network():
    # ``sys.modules["torch"] = None`` makes every ``import torch`` fail, as on the light install;
    # any socket connection raises, so a download attempt would fail the run
    code = ("import sys, socket; sys.modules['torch'] = None\n"
            "def refuse(*a, **k): raise RuntimeError('network used')\n"
            "socket.socket.connect = refuse; socket.create_connection = refuse\n"
            "from release_miner.classify.embeddings import encode, STATIC_MODEL\n"
            "print(encode(STATIC_MODEL, ['interest-free loans']).shape)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "(1, 256)", out.stderr


def test_an_unknown_embedding_is_a_clear_error():
    with pytest.raises(EmbeddingError, match="not-an-embedding"):
        encode("not-an-embedding", ["x"])


def test_a_filter_with_embeddings_reads_the_candidates_texts():
    rows = [{"src=quote": 1.0}, {"src=verb": 1.0}] * 4
    texts = ["youth housing vouchers", "said on Tuesday"] * 4
    part = fit_filter(rows, [1.0, 0.0] * 4, texts, embedding=STATIC_MODEL)
    scores = filter_proba(part, rows[:2], texts[:2])
    assert scores[0] > scores[1]
    with pytest.raises(ValueError, match="texts"):
        filter_proba(part, rows[:2])


def test_a_model_with_embeddings_survives_a_skops_round_trip(tmp_path):
    ctxs = [SpanContext(t, t, t) for t in ("rent relief", "tariff shock loans", "AI start-up fund", "film night")] * 3
    labels = ["livelihood_stability", "shock_response", "innovative_growth", "none"] * 3
    classifier = fit_classifier(ctxs, labels, calibrate=False, embedding=STATIC_MODEL)
    part = fit_filter([{"src=quote": 1.0}, {"src=verb": 1.0}] * 2, [1.0, 0.0] * 2, ["a b", "c d"] * 2,
                      embedding=STATIC_MODEL)
    path = PolicyModel(part, classifier, 0.5, {"version": "test"}).save(tmp_path / "policies-test.skops")
    loaded = PolicyModel.load(path)
    assert loaded.classifier["embedding"] == {"name": STATIC_MODEL, "weight": 1.0}
    before = classify_proba(classifier, ctxs[:4])[1]
    after = classify_proba(loaded.classifier, ctxs[:4])[1]
    assert np.allclose(before, after)
