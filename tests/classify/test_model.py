"""Category classifier, skops persistence, model discovery, and training on a small annotated set."""

from __future__ import annotations

from pathlib import Path

import pytest

from release_miner.classify import data, model as model_mod
from release_miner.classify.categories import rule_category
from release_miner.classify.features import SpanContext
from release_miner.classify.model import ModelError, PolicyModel
from release_miner.records import CATEGORIES


@pytest.mark.parametrize("text,context,expected", [
    ("emergency loans for exporters", "Exporters hit by the new tariffs will get emergency loans.", "shock_response"),
    ("hydrogen fuel cell cluster", "The city will build a hydrogen fuel cell cluster for new industry.",
     "innovative_growth"),
    ("rent support for young tenants", "Young tenants can apply for monthly rent support.", "livelihood_stability"),
    ("ballot box security checks", "Police will run ballot box security checks before the election.", "none"),
])
def test_rule_category(text: str, context: str, expected: str) -> None:
    assert rule_category(SpanContext(text, context, context)) == expected


def test_release_naming_its_category_decides() -> None:
    para = "In terms of rapid response to economic shocks, efforts included the Harbour Venture Fund."
    assert rule_category(SpanContext("Harbour Venture Fund", para, para, para)) == "shock_response"


def test_saved_model_round_trips_and_classifies(written_model: Path) -> None:
    model = PolicyModel.load(written_model)
    assert model.meta["version"] == "test"
    preds = model.classify([
        SpanContext("special loans for firms", "Firms hurt by the pandemic get special loans.",
                    "The pandemic crisis hit firms hard. Firms hurt by the pandemic get special loans."),
        SpanContext("startup venture fund", "A startup venture fund will invest in AI firms.",
                    "A startup venture fund will invest in AI firms."),
    ])
    assert [p.category for p in preds] == ["shock_response", "innovative_growth"]
    for p in preds:
        assert 0.0 <= p.confidence <= 1.0
        assert p.needs_review == (p.confidence < model_mod.REVIEW_THRESHOLD)


def test_load_rejects_files_that_are_not_models(tmp_path: Path) -> None:
    bogus = tmp_path / "policies-9.skops"
    bogus.write_bytes(b"not a zip file")
    with pytest.raises(ModelError):
        PolicyModel.load(bogus)
    with pytest.raises(ModelError):
        PolicyModel.load(tmp_path / "missing.skops")


def test_default_model_path_prefers_models_dir_then_env(tmp_path: Path, monkeypatch, written_model: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setattr(model_mod, "MODELS_DIR", models)
    monkeypatch.setattr(model_mod, "PACKAGED_MODELS_DIR", tmp_path / "no-package-data")
    monkeypatch.delenv(model_mod.ENV_VAR, raising=False)
    assert model_mod.default_model_path() is None
    monkeypatch.setenv(model_mod.ENV_VAR, str(written_model))
    assert model_mod.default_model_path() == written_model
    for version in ("1.2.0", "1.10.0", "1.9.3"):
        (models / f"policies-{version}.skops").write_bytes(b"")
    assert model_mod.default_model_path() == models / "policies-1.10.0.skops"


def test_installed_package_finds_its_packaged_model(tmp_path: Path, monkeypatch, written_model: Path) -> None:
    packaged = tmp_path / "site-packages" / "release_miner" / "classify" / "models"
    packaged.mkdir(parents=True)
    monkeypatch.setattr(model_mod, "MODELS_DIR", tmp_path / "no-source-tree")
    monkeypatch.setattr(model_mod, "PACKAGED_MODELS_DIR", packaged)
    monkeypatch.setenv(model_mod.ENV_VAR, str(written_model))
    assert model_mod.default_model_path() == written_model
    shipped = packaged / "policies-2.0.0.skops"
    shipped.write_bytes(written_model.read_bytes())
    assert model_mod.default_model_path() == shipped
    assert PolicyModel.load(shipped).meta["version"] == "test"


def test_package_data_links_to_the_models_folder() -> None:
    assert model_mod.PACKAGED_MODELS_DIR.resolve() == model_mod.MODELS_DIR.resolve()


@pytest.mark.slow
def test_train_and_cross_validate_on_small_set(nlp, tiny_gold: Path, tmp_path: Path) -> None:
    from release_miner.classify import training

    labels = data.labels_from_gold(tiny_gold)
    docs = data.training_docs(labels, tiny_gold)
    assert len(docs) == 4 and all(d.text[p.start:p.end] == p.text for d in docs for p in d.policies)
    parsed = training.parse(docs, nlp)
    assert all(max(p.y) >= 0.5 for p in parsed)  # every release has a candidate matching a labelled policy
    written = data.load_written()
    model = training.train(parsed, written)
    saved = PolicyModel.load(model.save(tmp_path / "policies-0.skops"))
    found = saved.predict(parsed[1].spacy_doc)
    assert found and all(f.category in CATEGORIES for f in found)
    assert all(parsed[1].doc.text[f.start:f.end] == f.text for f in found)
    cv = training.cross_validate(parsed, written, n_splits=2)
    for system in ("model", "keyword_rules", "span_tfidf_lr"):
        assert 0.0 <= cv[system]["policies"]["f1"] <= 1.0
        # the baselines share the model's detection; only categories differ
        assert cv[system]["policies"] == cv["model"]["policies"]


@pytest.mark.slow
def test_learning_curve_trains_on_growing_shares(nlp, tiny_gold: Path) -> None:
    from release_miner.classify import card, training

    docs = data.training_docs(data.labels_from_gold(tiny_gold), tiny_gold)
    parsed = training.parse(docs, nlp)
    curve = training.learning_curve(parsed, data.load_written(), fractions=(0.34, 1.0), seeds=(1, 2), n_splits=4)
    assert [p["training_releases"] for p in curve] == [2, 3]
    for point in curve:
        assert len(point["runs"]) == 2
        assert 0.0 <= point["policies_f1"] <= 1.0 and 0.0 <= point["policies+category_f1"] <= point["policies_f1"]
        assert point["policies_f1"] == round(sum(r["policies_f1"] for r in point["runs"]) / 2, 4)
    table = "\n".join(card.curve_table(curve))
    assert "| 0.34 | 2 |" in table and "| 1 | 3 |" in table and "Mean of 2 shuffles" in table


def test_review_flag_quality_counts_flagged_and_trusted_predictions() -> None:
    from release_miner.classify.model import Prediction
    from release_miner.classify.training import review_flag_quality

    pairs = [("none", Prediction("none", 0.9)), ("none", Prediction("none", 0.8)),
             ("none", Prediction("shock_response", 0.95)),                     # confident and wrong
             ("none", Prediction("innovative_growth", 0.4)),                  # flagged and wrong
             ("livelihood_stability", Prediction("livelihood_stability", 0.5))]  # flagged and right
    q = review_flag_quality(pairs)
    assert q["share_flagged"] == 0.4
    assert q["accuracy_unflagged"] == round(2 / 3, 4) and q["accuracy_flagged"] == 0.5
    assert q["errors_flagged"] == 0.5
    assert review_flag_quality([])["share_flagged"] is None


def test_fast_dict_transform_builds_the_vectorizer_s_own_matrix() -> None:
    from sklearn.feature_extraction import DictVectorizer

    train = [{"a": 1.0, "kind": "x", "flag": True}, {"b": 0.5, "kind": "y"}, {"a": 0.0, "c": 2.0}]
    rows = [{"a": 0.25, "kind": "y", "unseen": 3.0}, {}, {"kind": "z", "c": 1.0, "flag": False}]
    vec = DictVectorizer().fit(train)
    fast = model_mod.transform_dicts(vec, rows)
    assert fast.shape == (3, len(vec.vocabulary_))
    assert (fast.toarray() == vec.transform(rows).toarray()).all()
