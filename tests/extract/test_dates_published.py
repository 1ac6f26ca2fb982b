"""The publication date when the input lacks one, and the ``release_dates`` spaCy component."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy

import release_miner.extract.dates  # noqa: F401  (registers the factory)
from release_miner import extensions  # noqa: F401  (registers Doc._ attributes)
from release_miner.extract.published import from_dateline, from_url, infer_anchor
from release_miner.extract.temporal import Anchor, find_dates

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2025/03/27/city-opens-fund/", Anchor(2025, 3, 27)),
        ("https://example.org/en/article/2025032709072621408", Anchor(2025, 3, 27)),
        ("https://radio.example.hk/en/component/k2/1823214-20250917.htm", Anchor(2025, 9, 17)),
        ("http://www.example.com/view.php?ud=20200212000668", Anchor(2020, 2, 12)),
        ("https://example.org/news/2022-05-18-mayor-tours/", Anchor(2022, 5, 18)),
        ("https://www.example.co.kr/www/culture/2023/09/141_223943.html", Anchor(2023, 9)),
        ("https://city.example.gov/press_releases/2023/october/budget.html", Anchor(2023, 10)),
        ("https://www.example.go.kr/eng/press-releases/1675992", None),
        ("https://example.gov/News_Content.aspx?n=5BF7C75C6F31E455&s=7BB05042E70BDD84", None),
        ("https://example.org/bbs/view.do?bbsId=BBS_0000000000000081&mId=001006001000000000", None),
        (None, None),
    ],
)
def test_from_url(url, expected):
    assert from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("News\n\nCity launches fund\n\nNov 27, 2025 33  Views\n◈ The city will ...", Anchor(2025, 11, 27)),
        ("News\n\nYouth agreement signed\n\n2025. 5. 13 21  Views\nThe city ...", Anchor(2025, 5, 13)),
        ("Title March News\nPosting Date 2025.03.24\nHits 52\nThe city ...", Anchor(2025, 3, 24)),
        ("Mayor invests in firms\n\nCreated on\n15 November 2023\n\nThe mayor ...", Anchor(2023, 11, 15)),
        ("News Release\nJanuary 19, 2023\n\nToday, the mayor announced ...", Anchor(2023, 1, 19)),
        ("Plan outlines investments\n\n  • Wednesday 25 November 2020\n\nMore Articles", Anchor(2020, 11, 25)),
        ("City welcomes package\n   Media release, Friday 10 July 2020\n   The city ...", Anchor(2020, 7, 10)),
        ("SEATTLE (June 23, 2021) – The mayor today announced a plan.", Anchor(2021, 6, 23)),
        ("Mayor backs fund\nLondon, 15 January 2024 – The Mayor has today confirmed funds.", Anchor(2024, 1, 15)),
        ("SEOUL, March 27, 2025 (Yonhap) -- The city said on Thursday ...", Anchor(2025, 3, 27)),
        ("In Seoul, the forum met on March 27, 2025 to discuss the plan.", None),
        ("date 2022-11-05 The mayor met the consul general on the 2nd.", Anchor(2022, 11, 5)),
        ("Writer : Free Economic Zone Authority 작성일 : 2024-02-12 16:02\nText", Anchor(2024, 2, 12)),
        ("FOR IMMEDIATE RELEASE\nWednesday, Aug. 4, 2021\nCONTACT:", Anchor(2021, 8, 4)),
        # event dates inside the body are not the publication date
        ("The city will hold a briefing on June 11 (Wednesday) from 14:00 to 16:00.", None),
        ("The ordinance was promulgated July 9, 2025 and took effect at once.", None),
        ("Overview\nThe committee met.\n- Date: September 18, 2025 (Thu), 9:00–10:00", None),
        ("Application Information in September 2017!\nThe loan opened on April 26, 2011.", None),
    ],
)
def test_from_dateline(text, expected):
    assert from_dateline(text) == expected


def test_dateline_beats_url_month():
    text = "October 11, 2023\nMayor releases budget\nOn Wednesday, the mayor spoke."
    assert infer_anchor(text, "https://city.example.gov/2023/october/budget.html") == Anchor(2023, 10, 11)


def test_url_month_anchors_this_year_only():
    anchor = infer_anchor("Busan aims to draw 3 million tourists this year, it said on Tuesday.",
                          "https://www.example.co.kr/www/culture/2023/09/141_223943.html")
    assert {(m.text, m.value) for m in find_dates("It said on Tuesday it grew this year.", anchor)} == {
        ("this year", "2023")
    }


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("release_dates")
    return nlp


def _run(nlp, text, published=None, url=None):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.url = url
    return nlp(doc)


def test_component_uses_given_published(blank_nlp):
    doc = _run(blank_nlp, "The meeting was held at 2 p.m. on the 27th.", "2025-03-27")
    assert [(d.text, d.kind, d.value) for d in doc._.dates] == [("at 2 p.m. on the 27th", "time", "2025-03-27T14:00")]
    assert doc._.published == "2025-03-27"


def test_component_infers_and_writes_back_published(blank_nlp):
    text = "City News\nMarch 27, 2025\n\nThe city said yesterday that sales rose last year."
    doc = _run(blank_nlp, text)
    assert doc._.published == "2025-03-27"
    assert {d.value for d in doc._.dates} == {"2025-03-27", "2025-03-26", "2024"}


def test_component_partial_url_anchor_is_not_written_back(blank_nlp):
    doc = _run(blank_nlp, "The city aims to grow this year.", url="https://example.org/news/2023/09/story.html")
    assert doc._.published is None
    assert [d.value for d in doc._.dates] == ["2023"]


def test_component_without_any_anchor_keeps_unresolved_with_null_value(blank_nlp):
    doc = _run(blank_nlp, "The mayor spoke on Tuesday about the plan for 2026.")
    assert [(d.text, d.value) for d in doc._.dates] == [("on Tuesday", None), ("2026", "2026")]


def test_component_drops_unresolved_when_configured():
    nlp = spacy.blank("en")
    nlp.add_pipe("release_dates", config={"keep_unresolved": False, "infer_published": False})
    doc = _run(nlp, "The mayor spoke on Tuesday.")
    assert doc._.dates == []


def test_unresolved_date_is_stored_as_null(tmp_path, blank_nlp):
    from release_miner.records import Release
    from release_miner.store import Store

    doc = _run(blank_nlp, "The mayor spoke on Tuesday.")
    release = Release(id="r1", text=doc.text, dates=list(doc._.dates))
    path = tmp_path / "d.sqlite"
    with Store(path) as store:
        store.add(release)
    import sqlite3

    rows = sqlite3.connect(path).execute("SELECT text, value FROM dates").fetchall()
    assert rows == [("on Tuesday", None)]
    # the exports carry the NULL through: an empty CSV cell, a JSON null
    import csv
    import io
    import json

    from release_miner.store import export_csv, export_jsonl

    with Store(path) as store:
        (dates_csv,) = [p for p in export_csv(store, tmp_path / "csv") if p.name == "dates.csv"]
        buf = io.StringIO()
        export_jsonl(store, buf)
    row = next(csv.DictReader(dates_csv.open(encoding="utf-8")))
    assert (row["text"], row["value"]) == ("on Tuesday", "")
    assert json.loads(buf.getvalue().splitlines()[0])["dates"][0]["value"] is None


def test_mine_sets_release_published(nlp):
    from release_miner import mine

    release = mine("City News\nJune 4, 2020\n\nToday, the mayor announced grants for next year.", nlp=nlp)
    assert release.published == "2020-06-04"
    assert {d.value for d in release.dates} == {"2020-06-04", "2021"}
    assert release.mentions_consistent()


def _load_scorer():
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_dev_dates_f1():
    """The normaliser alone (no spaCy) on the hand-annotated dev set."""
    dev = SHARED / "eval" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/eval/dev.jsonl is not available")
    scorer = _load_scorer()
    gold = {}
    pred = {}
    for line in dev.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        gold[doc["id"]] = doc
        anchor = Anchor.parse(doc["published"]) or infer_anchor(doc["text"], doc.get("url"), doc.get("title"))
        pred[doc["id"]] = {"id": doc["id"], "dates": [m.to_dict() for m in find_dates(doc["text"], anchor)]}
    assert scorer.score(gold, pred)["dates"]["f1"] >= 0.88
