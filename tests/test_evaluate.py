"""Our scorer agrees with the shared reference scorer, field by field."""

import importlib.util
import json
import random

import pytest

from release_miner import mine_many
from release_miner.evaluate import format_table, score

from .conftest import SHARED


def _reference():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not available")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed_gold(dev_docs):
    """Predictions made from the gold with deterministic damage: drops, value shifts, renamed categories."""
    rng = random.Random(7)
    out = {}
    for doc in dev_docs:
        fields = json.loads(json.dumps(doc["gold"]))
        for name, items in fields.items():
            kept = [x for x in items if rng.random() > 0.2]
            for x in kept:
                if name == "figures" and rng.random() < 0.2:
                    x["value"] = (x.get("value") or 0) * 1.5
                if name == "policies" and rng.random() < 0.3:
                    x["category"] = "none"
                    x["text"] = x["text"] + " for everyone in the city"
            fields[name] = kept
        out[doc["id"]] = {"id": doc["id"], **fields}
    return out


def test_agrees_with_reference_scorer(dev_docs, nlp):
    reference = _reference()
    gold = {d["id"]: d for d in dev_docs}
    extracted = {r.id: r.to_dict(include_text=False)
                 for r in mine_many([{k: d.get(k) for k in ("id", "text", "published")} for d in dev_docs], nlp=nlp)}
    for predictions in (extracted, _perturbed_gold(dev_docs), {}):
        ours = score(gold, predictions)
        theirs = reference.score(gold, predictions)
        for key in ("figures", "money", "dates", "people", "organizations", "policies", "policies+category",
                    "count_unit_accuracy", "title_accuracy", "category_accuracy_on_matched"):
            assert ours[key] == theirs[key], key
    table = format_table(score(gold, extracted))
    assert table.splitlines()[0].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]


def test_only_the_fields_a_line_annotates_are_scored():
    gold = {"a": {"id": "a", "fields": ["people"],
                  "gold": {"people": [{"name": "Park Heongjoon"}], "figures": [], "policies": []}}}
    predictions = {"a": {"people": [{"name": "Park Heongjoon"}],
                         "figures": [{"text": "3 million won", "kind": "money", "value": 3e6, "unit": "KRW"}],
                         "policies": [{"text": "Youth Rent Support", "category": "livelihood_stability"}]}}
    result = score(gold, predictions)
    assert result["people"]["tp"] == 1
    # figures and policies are not annotated on this line: the predictions are not false positives
    assert result["figures"]["fp"] == 0 and result["policies"]["fp"] == 0
    gold["a"].pop("fields")
    result = score(gold, predictions)
    assert result["figures"]["fp"] == 1 and result["policies"]["fp"] == 1


def test_fields_agree_with_reference_scorer(train_docs):
    """On the training file, whose lines annotate different fields, our scores equal score.py's."""
    reference = _reference()
    partial = [d for d in train_docs if d.get("fields")]
    if not partial:
        pytest.skip("train.jsonl has no partially annotated lines")
    gold = {d["id"]: d for d in train_docs}
    predictions = _perturbed_gold(train_docs)
    ours, theirs = score(gold, predictions), reference.score(gold, predictions)
    for key in ("figures", "money", "dates", "people", "organizations", "policies", "policies+category",
                "title_accuracy", "category_accuracy_on_matched"):
        assert ours[key] == theirs[key], key
