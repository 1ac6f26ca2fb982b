"""Training data for the names NER, a short fine-tuning run, and loading the shipped weights.

The gold records here are written for these tests; the training run is two epochs over
three short paragraphs (a few seconds), enough to check the loop and that saved weights
load back into the base pipeline.
"""

from __future__ import annotations

import json

import pytest
import spacy

from release_miner.extract import ner_model
from release_miner.extract.ner_data import examples, family_name, gold_spans
from release_miner.extract.ner_training import save, train
from release_miner.pipeline import DEFAULT_SPACY_MODELS, build_pipeline

pytestmark = pytest.mark.slow

TEXT = ("Mayor Dana Whitfield of the Office of Mayor Dana Whitfield met the Harbor Port Authority on "
        "March 3, 2025.\nWhitfield said the Harbor Port Authority would invest $2 million.")
RECORD = {"id": "t1", "text": TEXT, "gold": {
    "people": [{"name": "Dana Whitfield", "aliases": [], "title": "Mayor"}],
    "organizations": [{"name": "Office of Mayor Dana Whitfield"}, {"name": "Harbor Port Authority"}]}}


def _labelled(text, spans):
    return [(text[s.start:s.end], s.label) for s in spans]


def test_gold_names_are_found_with_longer_names_first():
    spans = _labelled(TEXT, gold_spans(TEXT, RECORD["gold"]["people"], RECORD["gold"]["organizations"]))
    assert ("Dana Whitfield", "PERSON") in spans
    assert ("Office of Mayor Dana Whitfield", "ORG") in spans
    assert spans.count(("Dana Whitfield", "PERSON")) == 1  # the second one sits inside the office's name
    assert spans.count(("Harbor Port Authority", "ORG")) == 2
    assert ("Whitfield", "PERSON") in spans  # the family name alone on second mention


def test_family_names():
    assert family_name("Dana Whitfield") == "Whitfield"
    assert family_name("Lee Joon-seung") == "Lee"
    assert family_name("Cher") is None


def test_names_are_found_across_line_breaks_and_whole_words_only():
    text = "Thanks to Dana\nWhitfield and to Whitfields Ltd."
    spans = _labelled(text, gold_spans(text, [{"name": "Dana Whitfield"}], []))
    assert spans == [("Dana\nWhitfield", "PERSON")]


@pytest.fixture(scope="module")
def base_nlp():
    return spacy.load(DEFAULT_SPACY_MODELS[-1], exclude=["lemmatizer"])


def test_examples_keep_the_base_models_other_labels(base_nlp):
    with base_nlp.select_pipes(enable=["ner"]):
        made = examples(base_nlp, [RECORD])
    assert len(made) == 2  # one per paragraph
    ents = [(e.text, e.label_) for ex in made for e in ex.reference.ents]
    assert ("Harbor Port Authority", "ORG") in ents
    assert any(label in ("DATE", "MONEY") for _, label in ents)  # kept from the base model
    assert all(label != "PERSON" or text in ("Dana Whitfield", "Whitfield") for text, label in ents)


def test_records_without_people_annotations_are_skipped(base_nlp):
    record = dict(RECORD, fields=["figures", "dates"])
    assert examples(base_nlp, [record]) == []


def test_fine_tuning_runs_and_the_weights_load_back(tmp_path):
    config = {"base": {"model": DEFAULT_SPACY_MODELS[-1]},
              "training": {"seed": 1, "epochs": 2, "batch_size": 2, "dropout": 0.1, "learn_rate": 0.001}}
    lines = []
    nlp = train([RECORD], config, progress=lines.append)
    assert len(lines) == 2 and lines[0].startswith("epoch 1")
    target = save(nlp, tmp_path / "names-ner-test", {"version": "test", "architecture": ner_model.ner_architecture(nlp)})
    fresh = spacy.load(DEFAULT_SPACY_MODELS[-1], exclude=["lemmatizer"])
    before = fresh.get_pipe("ner").model.get_ref("upper").get_param("W").copy()
    assert ner_model.apply(fresh, target)
    after = fresh.get_pipe("ner").model.get_ref("upper").get_param("W")
    assert (before != after).any()
    assert fresh.meta["release_miner"]["names_ner"] == "test"


def test_weights_are_not_forced_onto_another_architecture(tmp_path):
    target = tmp_path / "names-ner-other"
    target.mkdir()
    (target / "meta.json").write_text(json.dumps({"version": "x", "architecture": {"width": 1}}))
    nlp = spacy.load(DEFAULT_SPACY_MODELS[-1], exclude=["lemmatizer"])
    assert not ner_model.fits(nlp, target)
    assert not ner_model.apply(nlp, target)
    assert not ner_model.fits(spacy.blank("en"), ner_model.model_path())


def test_the_pipeline_loads_the_shipped_model():
    assert (ner_model.model_path() / "meta.json").exists()
    nlp = build_pipeline(components=("release_names",))
    assert nlp.meta["release_miner"]["names_ner"] == json.loads(
        (ner_model.model_path() / "meta.json").read_text())["version"]
    assert "release_miner" not in build_pipeline(components=("release_dates",)).meta
