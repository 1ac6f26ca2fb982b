"""``release-miner classify`` and ``release-miner train`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from release_miner.cli import main


def test_classify_texts_prints_categories(written_model: Path, capsys) -> None:
    status = main(["classify", "--policy-model", str(written_model), "--json",
                   "emergency loans for exporters hit by tariffs", "AI startup campus"])
    assert status == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["text"] for x in lines] == ["emergency loans for exporters hit by tariffs", "AI startup campus"]
    assert lines[0]["category"] == "shock_response"
    assert lines[1]["category"] == "innovative_growth"
    assert all(0 <= x["confidence"] <= 1 and isinstance(x["needs_review"], bool) for x in lines)


def test_classify_input_file_with_context(written_model: Path, tmp_path: Path, capsys) -> None:
    src = tmp_path / "policies.jsonl"
    src.write_text(json.dumps({"text": "wage support", "context": "Because of the pandemic, hotel staff get "
                                                                 "wage support."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["classify", "--policy-model", str(written_model), "--input", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").split()[0] == "shock_response"


@pytest.mark.parametrize("content,message", [("{not json\n", "not valid JSON"), ('{"context": "x"}\n', '"text"')])
def test_classify_bad_input_is_one_line_error(written_model: Path, tmp_path: Path, capsys, content: str,
                                              message: str) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text(content, encoding="utf-8")
    assert main(["classify", "--policy-model", str(written_model), "--input", str(src)]) == 2
    assert message in capsys.readouterr().err


def test_classify_without_texts_is_an_error(capsys) -> None:
    assert main(["classify"]) == 2
    assert "give policy phrases" in capsys.readouterr().err


@pytest.mark.slow
def test_train_writes_model_card_labels_and_test_scores(tiny_gold: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "models"
    labels = tmp_path / "labels.jsonl"
    test = tmp_path / "test.jsonl"
    test.write_text(tiny_gold.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    status = main(["train", "--gold", str(tiny_gold), "--test", str(test), "--labels", str(labels),
                   "--output", str(out), "--folds", "2"])
    assert status == 0
    artifacts = list(out.glob("policies-*.skops"))
    assert len(artifacts) == 1
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Grouped cross-validation" in card and "keyword rules" in card and "span alone" in card
    assert "## Test set" in card and "`test.jsonl`: 1 annotated releases with 4 policies" in card
    printed = capsys.readouterr().out
    assert "policies F1" in printed and "test set (test.jsonl, 1 releases)" in printed
    recorded = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines()]
    assert len(recorded) == 14 and {"source_id", "start", "end", "text", "label"} <= set(recorded[0])
    assert all(len(x["text"]) < 80 for x in recorded)  # spans only, never the release text
    assert main(["classify", "--policy-model", str(artifacts[0]), "youth rent support"]) == 0


def test_train_refuses_the_training_file_as_test_set(tiny_gold: Path, capsys) -> None:
    assert main(["train", "--gold", str(tiny_gold), "--test", str(tiny_gold)]) == 2
    assert "must not be the training set" in capsys.readouterr().err


def test_train_without_annotated_releases_says_what_is_needed(tmp_path: Path, capsys) -> None:
    assert main(["train", "--gold", str(tmp_path / "missing.jsonl"), "--no-test"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.jsonl" in err[0] and "--gold" in err[0] and "docs/annotation.md" in err[0]


def test_only_lines_that_annotate_policies_are_training_releases(tiny_gold: Path, tmp_path: Path) -> None:
    from release_miner.classify import data

    gold = tmp_path / "mixed.jsonl"
    lines = tiny_gold.read_text(encoding="utf-8").splitlines()
    partial = json.loads(lines[1])
    partial["id"], partial["fields"] = "people-only", ["people"]
    gold.write_text("\n".join(lines + [json.dumps(partial)]) + "\n", encoding="utf-8")
    labels, docs = data.gold_training_docs(gold)
    assert "people-only" not in {d.id for d in docs} and len(docs) == 4
    assert "people-only" not in {lab.source_id for lab in labels}


def _decisions(path: Path) -> Path:
    rows = [
        {"field": "policy", "release": "r1", "start": 10, "end": 28, "text": "harbour wage top-up",
         "before": {"category": "none"}, "after": {"status": "accepted", "category": "shock_response"},
         "when": "2026-01-02T10:00:00Z"},
        {"field": "policy", "release": "r1", "start": 40, "end": 52, "text": "Harbour Fair",
         "before": {"category": "none"}, "after": {"status": "rejected"}, "when": "2026-01-02T10:01:00Z"},
        {"field": "policy", "release": "r2", "start": 0, "end": 18, "text": "robotics test bed",
         "before": {"category": "none"}, "after": {"status": "accepted", "category": "innovative_growth"},
         "when": "2026-01-02T10:02:00Z"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_reviewed_categories_become_classifier_examples_and_rejections_do_not(tmp_path: Path) -> None:
    from release_miner.classify import data

    examples = data.reviewed_examples(_decisions(tmp_path / "corrections.jsonl"))
    assert sorted((e.text, e.label) for e in examples) == [("harbour wage top-up", "shock_response"),
                                                          ("robotics test bed", "innovative_growth")]


@pytest.mark.slow
def test_train_learns_from_corrections(tiny_gold: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "models"
    status = main(["train", "--gold", str(tiny_gold), "--no-test", "--no-cv", "--labels",
                   str(tmp_path / "labels.jsonl"), "--output", str(out),
                   "--corrections", str(_decisions(tmp_path / "corrections.jsonl"))])
    assert status == 0
    assert "2 reviewed policies from 1 corrections source" in capsys.readouterr().err
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "2 policies a reviewer accepted or re-categorised" in card
    assert main(["train", "--gold", str(tiny_gold), "--no-test", "--no-cv", "--output", str(out),
                 "--labels", str(tmp_path / "labels.jsonl"), "--corrections", str(tmp_path / "missing.jsonl")]) == 2
