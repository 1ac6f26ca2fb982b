"""The ``release_figures`` spaCy component on the real pipeline: counted nouns from the parse,
ordinals with what they rank, release-level currency, exclusions and exact offsets.

Sentences are written for these tests; the dev-set check at the end reads ../shared when present.
"""

from __future__ import annotations

import pytest

from release_miner.evaluate import score
from release_miner.pipeline import load_pipeline, mine, mine_many


@pytest.fixture(scope="module")
def fig_nlp():
    return load_pipeline(components=("release_figures",))


def figures(nlp, text: str, url: str | None = None) -> list:
    release = mine(text, url=url, nlp=nlp)
    for f in release.figures:
        assert text[f.start : f.end] == f.text
    return release.figures


def facts(nlp, text: str, url: str | None = None) -> set[tuple]:
    return {(f.kind, f.value, f.unit) for f in figures(nlp, text, url)}


CASES = [
    (
        "The city will support 1,250 small merchants and 38 traditional markets with KRW 12.5 billion.",
        {("count", 1250, "small merchants"), ("count", 38, "traditional markets"),
         ("money", 12_500_000_000, "KRW")},
    ),
    (
        "About 40 entrepreneurs and investors attended the forum at City Hall.",
        {("count", 40, "entrepreneurs and investors")},
    ),
    (
        "Officials reviewed six strategies, twelve initiatives and eighty-four detailed tasks.",
        {("count", 6, "strategies"), ("count", 12, "initiatives"), ("count", 84, "detailed tasks")},
    ),
    (
        "The 27th Harbour Festival opens on the 14th at 7 p.m. in front of the station.",
        {("ordinal", 27, "festival")},
    ),
    (
        "Sessions ran from the second to the 12th round of the review.",
        {("ordinal", 2, "round"), ("ordinal", 12, "round")},
    ),
    (
        "The new fund totals 800 billion won (about $600 million), officials said.",
        {("money", 800_000_000_000, "KRW"), ("money", 600_000_000, "USD")},
    ),
    (
        "On March 3, 2025, at 10:30 a.m., the COVID-19 response team No. 4 met in Room 201.",
        set(),
    ),
    ("For inquiries, please call 051-888-1234 or visit the G20 pavilion.", set()),
    (
        "The plan creates 12,000 jobs: 4,000 in 2025, 3,500 in 2026 and 4,500 in 2027.",
        {("count", 12000, "jobs"), ("count", 4000, "jobs"), ("count", 3500, "jobs"), ("count", 4500, "jobs")},
    ),
    ("Ridership grew to 52,000 passengers per day last spring.", {("quantity", 52000, "passengers/day")}),
    ("The city ranked second in the national competitiveness survey.", {("ordinal", 2, "place")}),
    ("Tickets for the Three Rivers Marathon are free for residents.", set()),
    (
        "The programme runs for six months and covers 200 households in the district.",
        {("count", 200, "households")},
    ),
    (
        "The employment rate rose 1.2 percentage points to 67.4% in the survey.",
        {("percent", 1.2, "%p"), ("percent", 67.4, "%")},
    ),
    ("Seven individuals and two teams were selected by the committee.", {("count", 7, "individuals"), ("count", 2, "teams")}),
    (
        "Residents aged 19 to 34 may apply for grants of up to KRW 2 million.",
        {("quantity", 19, "years"), ("money", 2_000_000, "KRW")},
    ),
    ("The site covers 4,200㎡ and the lake about 3 hectares.", {("quantity", 4200, "m2"), ("quantity", 3, "ha")}),
    ("Exports grew 3.5 times while imports rose fivefold.", {("quantity", 3.5, "times"), ("quantity", 5, "times")}),
    ("She is the city's first female mayor in its 70-year history.", {("ordinal", 1, "mayor")}),
    ("The number of startups in the district rose to 140 last year.", {("count", 140, "startups")}),
    ("Mayor Announces 2.1 Trillion Won Package for 3,400 Small Firms", {("money", 2_100_000_000_000, "KRW"), ("count", 3400, "small firms")}),
    ("The 1.8 km bridge has 4 lanes and cost £95m to build.", {("quantity", 1.8, "km"), ("count", 4, "lanes"), ("money", 95_000_000, "GBP")}),
    (
        "The board has 15 members (3 ex officio, 12 elected) and meets monthly.",
        {("count", 15, "members"), ("count", 3, "members"), ("count", 12, "members")},
    ),
    ("The county has a population of 2.6 million and 1 in 5 residents is over 65.", {("count", 2_600_000, "population")}),
    ("The expo features 60 booths, 8 keynote speeches and one-on-one meetings.", {("count", 60, "booths"), ("count", 8, "keynote speeches")}),
    ("Residents may apply until the 30th, and 25 may be selected.", set()),
    ("The city thanked first responders and third parties for their help.", set()),
    ("The 30 finalists include Lee Min-ji (27), a designer from Suwon.", {("count", 30, "finalists")}),
    ("A 5-minute walk from the 43rd Street station, the 24-hour center serves 900 families.", {("count", 900, "families")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_figures_in_sentences(fig_nlp, text, expected):
    assert facts(fig_nlp, text) == expected


def test_bare_dollar_follows_the_release_domain(fig_nlp):
    text = "The council approved $3.5 million for laneway businesses."
    assert facts(fig_nlp, text, url="https://www.example.vic.gov.au/news") == {("money", 3_500_000, "AUD")}
    assert facts(fig_nlp, text, url="https://www.example.gov/news") == {("money", 3_500_000, "USD")}


def test_hedges_and_ranges_are_kept(fig_nlp):
    found = {f.value: f for f in figures(fig_nlp, "Some 300 to 500 young adults will earn about 1.5 million won a month.")}
    assert found[300].value_max == 500 and found[300].approx and found[300].unit == "young adults"
    assert found[1_500_000].approx and found[1_500_000].unit == "KRW"


def test_counted_span_covers_the_noun(fig_nlp):
    (fig,) = figures(fig_nlp, "Nearly 2,000 volunteers joined the clean-up.")
    assert fig.text == "Nearly 2,000 volunteers"
    assert fig.approx is True


def test_dev_set_targets(fig_nlp, dev_docs):
    inputs = [{k: d.get(k) for k in ("id", "text", "published", "url", "title")} for d in dev_docs]
    predictions = {}
    for release in mine_many(inputs, nlp=fig_nlp):
        assert release.mentions_consistent()
        predictions[release.id] = {"figures": [f.to_dict() for f in release.figures]}
    result = score({d["id"]: d for d in dev_docs}, predictions)
    assert result["figures"]["f1"] >= 0.92
    assert result["money"]["f1"] >= 0.97
    assert result["count_unit_accuracy"] >= 0.85
