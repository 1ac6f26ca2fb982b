"""The ``release_policies`` spaCy component with and without a trained model."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from release_miner.classify import model as model_mod
from release_miner.pipeline import build_pipeline, mine
from release_miner.records import CATEGORIES

pytestmark = pytest.mark.slow

TEXT = ("Harbourtown Announces Storm Relief Package\nAfter the typhoon, the city will open the "
        "“Harbourtown Storm Relief Fund” for fishing households. Other measures include emergency boat repair "
        "grants and deferred water charges.\n● Coastal Shop Reopening Vouchers\n")


def test_without_a_model_policies_are_flagged_for_review(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(model_mod, "MODELS_DIR", tmp_path)
    monkeypatch.setattr(model_mod, "PACKAGED_MODELS_DIR", tmp_path)
    monkeypatch.delenv(model_mod.ENV_VAR, raising=False)
    with pytest.warns(UserWarning, match="no policy model"):
        nlp = build_pipeline()
    release = mine(TEXT, nlp=nlp)
    texts = [p.text for p in release.policies]
    assert "Harbourtown Storm Relief Fund" in texts
    assert all(p.category == "none" and p.needs_review and p.confidence is None for p in release.policies)
    assert release.mentions_consistent()


def test_with_a_given_model(written_model: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp = build_pipeline(policy_model=written_model)
    release = mine(TEXT, nlp=nlp)
    assert release.policies
    assert release.mentions_consistent()
    for p in release.policies:
        assert p.category in CATEGORIES and 0.0 <= p.confidence <= 1.0


def test_default_model_is_used_when_present() -> None:
    if model_mod.default_model_path() is None:
        pytest.skip("no trained model in models/ (run `release-miner train`)")
    release = mine(TEXT, nlp=build_pipeline())
    assert release.mentions_consistent()
    assert any("Storm Relief Fund" in p.text for p in release.policies)
    assert any(p.category == "shock_response" for p in release.policies)


def test_batched_prediction_equals_one_release_at_a_time() -> None:
    """``nlp.pipe`` hands the component batches; each release must come out as if alone."""
    if model_mod.default_model_path() is None:
        pytest.skip("no trained model in models/ (run `release-miner train`)")
    nlp = build_pipeline()
    others = [TEXT.replace("typhoon", "earthquake"), "Quiet day.\n", TEXT + "The city will also expand the "
              "Youth Job Guarantee Program for 2,000 young residents.\n"]
    docs = [TEXT, *others]
    batched = [[p.to_dict() for p in doc._.policies] for doc in nlp.pipe(docs, batch_size=4)]
    alone = [[p.to_dict() for p in nlp(text)._.policies] for text in docs]
    assert batched == alone
    assert any(batched)


def test_a_policy_that_is_an_organization_of_the_release_is_dropped(nlp) -> None:
    from release_miner.classify.component import without_organizations
    from release_miner.records import Organization, Policy
    from release_miner.extensions import register_extensions

    register_extensions()
    doc = nlp("The Busan Technopark runs the Smart Factory Fund.")
    doc._.organizations = [Organization(name="Busan Technopark", aliases=["BTP"])]
    policies = [Policy(text="the Busan Technopark", start=0, end=20, category="innovative_growth"),
                Policy(text="BTP", start=0, end=3, category="none"),
                Policy(text="Smart Factory Fund", start=30, end=48, category="innovative_growth")]
    assert [p.text for p in without_organizations(doc, policies)] == ["Smart Factory Fund"]
    doc._.organizations = []
    assert len(without_organizations(doc, policies)) == 3
