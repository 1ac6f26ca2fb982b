"""Fixtures for the policy tests: a parsed-spaCy pipeline and a tiny annotated set written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: Releases written for these tests (not taken from any real release), with their policies.
TINY_GOLD = [
    ("t1", "Riverton Launches Flood Recovery Fund\nAfter last month's flood, Riverton City will open the "
           "\"Riverbank Merchant Recovery Fund\" for shop owners in the inundated market. Support includes "
           "emergency repair grants, deferred local taxes and free legal advice.\nThe mayor said the city "
           "will act quickly.",
     [("Riverbank Merchant Recovery Fund", "shock_response"), ("emergency repair grants", "shock_response"),
      ("deferred local taxes", "shock_response"), ("free legal advice", "shock_response")]),
    ("t2", "Northvale Unveils Hydrogen Strategy\nNorthvale City announced the Northvale Hydrogen Valley Project "
           "to attract fuel-cell makers. The plan includes:\n● Hydrogen Startup Campus\n● Fuel Cell Research "
           "Centre\n● a venture fund for clean-tech startups\nThe first plant opens in 2027.",
     [("Northvale Hydrogen Valley Project", "innovative_growth"), ("Hydrogen Startup Campus", "innovative_growth"),
      ("Fuel Cell Research Centre", "innovative_growth"), ("venture fund for clean-tech startups",
                                                            "innovative_growth")]),
    ("t3", "Eastport Expands Youth Housing Support\nEastport City will expand the \"Youth Home Start Program\" "
           "for young tenants. The city also offers measures such as monthly rent support, deposit loan "
           "interest support and moving cost subsidies.\nApplications open in May.",
     [("Youth Home Start Program", "livelihood_stability"), ("monthly rent support", "livelihood_stability"),
      ("deposit loan interest support", "livelihood_stability"), ("moving cost subsidies",
                                                                  "livelihood_stability")]),
    ("t4", "Westfield Prepares for Election Day\nWestfield City will run the \"Safe Ballot Campaign\" with extra "
           "polling staff. The city will also launch the Night Streetlight Renewal Project on main roads.\n"
           "Residents can check polling stations online.",
     [("Safe Ballot Campaign", "none"), ("Night Streetlight Renewal Project", "none")]),
]


@pytest.fixture(scope="session")
def nlp():
    from release_miner.pipeline import build_pipeline

    return build_pipeline(components=())


@pytest.fixture()
def tiny_gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, text, policies in TINY_GOLD:
            fh.write(json.dumps({"id": doc_id, "text": text, "published": None, "gold": {
                "policies": [{"text": t, "target": None, "category": c} for t, c in policies]}}) + "\n")
    return path


@pytest.fixture(scope="session")
def written_model(tmp_path_factory) -> Path:
    """A category model fitted on the project's written examples only (fast), saved with skops."""
    from release_miner.classify import data
    from release_miner.classify.model import PolicyModel, fit_classifier, fit_filter
    from release_miner.classify.features import SpanContext

    written = data.load_written()
    ctxs = [SpanContext(w.text, w.context, w.context, w.context) for w in written]
    classifier = fit_classifier(ctxs, [w.label for w in written])
    rows = [{"src=quote": 1.0}, {"src=verb": 1.0}, {"src=quote": 1.0, "last_head": 1.0}, {"src=list": 1.0}]
    model = PolicyModel(fit_filter(rows, [1, 0, 1, 0]), classifier, threshold=0.5, meta={"version": "test"})
    return model.save(tmp_path_factory.mktemp("model") / "policies-test.skops")
