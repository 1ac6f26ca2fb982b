"""Dates that carry over to releases written anywhere: tense, durations, fiscal periods, decades,
and mentions kept without a value. Each case is (published, text, expected set of (kind, value)).
The sentences are written for this suite.
"""

from __future__ import annotations

import pytest

from release_miner.extract.temporal import find_dates

P = "2025-03-27"  # a Thursday
D, T, R, U = "date", "time", "range", "duration"

TENSE = [
    (P, "He told reporters in August that the plan would work.", {(D, "2024-08")}),
    (P, "The report was published in February.", {(D, "2025-02")}),
    (P, "The council will meet again in December.", {(D, "2025-12")}),
    (P, "The fair is expected to open in January.", {(D, "2026-01")}),
    (P, "Sales fell sharply in November.", {(D, "2024-11")}),
    (P, "The vote was postponed until Tuesday.", {(D, "2025-04-01")}),
    (P, "The office stays closed until Monday.", {(D, "2025-03-31")}),
    (P, "Starting in April, residents can apply.", {(D, "2025-04")}),
    (P, "The mayor said on Tuesday that fees will fall.", {(D, "2025-03-25")}),
    (P, "Rivals in May's election have criticised it.", {(D, "2025-05")}),
    (P, "The bridge opened last June.", {(D, "2024-06")}),
    (P, "Works began late last July.", {(D, "2024-07")}),
    (P, "The plan starts next March.", {(D, "2026-03")}),
    (P, "The library opens this June.", {(D, "2025-06")}),
]

DURATIONS = [
    (P, "The repair took a month.", {(U, "P1M")}),
    (P, "Consultation lasts a week.", {(U, "P1W")}),
    (P, "The hearing ran for an hour.", {(U, "PT1H")}),
    (P, "The fire burned for 5 1/2 hours.", {(U, "PT5.5H")}),
    (P, "She served 2 1/2 years on the board.", {(U, "P2.5Y")}),
    (P, "It took two and a half years to build.", {(U, "P2.5Y")}),
    (P, "Crews worked through the last twenty four hours.", {(U, "PT24H")}),
    (P, "Crews worked for twenty-four hours.", {(U, "PT24H")}),
    (P, "Permits are issued in less than 24 hours.", {(U, "PT24H")}),
    (P, "The winner finished in 3:07:35.", {(U, "PT3H7M35S")}),
    (P, "The hotline is open 24 hours a day.", set()),
    (P, "Trucks collect waste twice a week.", set()),
    (P, "The plan saves $3 million a year.", set()),
    (P, "A day-care centre opened.", set()),
    (P, "after a months-long search", set()),
]

PERIODS = [
    (P, "Revenue rose in the third quarter.", {(R, "2025-07/2025-09")}),
    (P, "Profit doubled from a year earlier.", {(D, "2024")}),
    (P, "The budget for fiscal 2024 was approved.", {(D, "2024")}),
    (P, "Spending in the 2021/2022 financial year fell.", {(R, "2021/2022")}),
    (P, "Income was lower than in the previous fiscal year.", {(D, "2024")}),
    (P, "Profit in the latest quarter rose.", {(R, "2024-10/2024-12")}),
    (P, "Sales in the most recent quarter fell.", {(R, "2024-10/2024-12")}),
    (P, "Sales rose 5% from the year-ago quarter.", {(R, "2023-10/2023-12")}),
    ("2025-11-05", "Third-quarter profit beat the year-ago quarter.", {(R, "2024-07/2024-09")}),
    ("2025-11-05", "Profit in the second quarter topped the same quarter last year.",
     {(R, "2025-04/2025-06"), (R, "2024-04/2024-06")}),
    ("2025-11-05", "Exports beat the prior-year month.", {(D, "2024-10")}),
    ("2021-12-01", "Works resume in the new year.", {(D, "2022")}),
    ("2022-02-10", "Since the new year, sales rose.", {(D, "2022")}),
    ("2021-12-01", "He sent New Year greetings.", set()),
    (P, "Grants this financial year reach 400 firms.", {(D, "2025")}),
    (P, "The district was built in the 1970s.", {(R, "1970/1979")}),
    (P, "In the early 2000s the port grew.", {(R, "2000/2009")}),
    (P, "No records exist before 1970.", {(D, "1970")}),
    # centuries take ISO 8601's two-digit century; an adjective or a name dates nothing
    (P, "Growth not seen since the early 20th century.", {(D, "19")}),
    (P, "In the nineteenth century the port grew.", {(D, "18")}),
    (P, "Skills for the twenty-first century are taught.", {(D, "20")}),
    (P, "It teaches 21st-century skills in a 19th-century building.", set()),
    (P, "The 19th Century Society met.", set()),
    (P, "The strategy will be presented by end of the year.", {(D, "2025")}),
    (P, "Works finish at the close of the year.", {(D, "2025")}),
    # a day without a year takes the relative year written after it
    (P, "The fair runs until June 21 next year.", {(D, "2026-06-21")}),
    (P, "It closed on March 3 last year.", {(D, "2024-03-03")}),
    (P, "Costs from October 1 2024 to March 31 this year are covered.", {(R, "2024-10-01/2025-03-31")}),
]

#: A capitalised relative day inside a name names no day; in running text or a headline it does.
NAMES = [
    (P, "Four goals: Happier Citizens and a Sustainable Tomorrow for all.", set()),
    (P, "She appeared on The Today Show.", set()),
    (P, "Tomorrow the council votes.", {(D, "2025-03-28")}),
    (P, "Council Votes On Budget Today", {(D, "2025-03-27")}),
    (P, "The mayor said the plan starts today.", {(D, "2025-03-27")}),
]

#: An evening start and a morning end are one night: the end falls on the next day.
OVERNIGHT = [
    (P, "The road is closed from 10 p.m. to 5 a.m.", {(R, "T22:00/T05:00")}),
    (P, "Crews work between 10pm and 5am on March 31.", {(R, "2025-03-31T22:00/2025-04-01T05:00")}),
    (P, "The market runs from 7 p.m. until 2 a.m. on the 31st.", {(R, "2025-03-31T19:00/2025-04-01T02:00")}),
    # a day named earlier in the sentence dates the hours; without one they are a schedule
    ("2022-06-28", "The band plays on June 30th, and roads close between 4.30pm until 12.30am.",
     {(D, "2022-06-30"), (R, "2022-06-30T16:30/2022-07-01T00:30")}),
    ("2022-06-28", "The band plays on June 30th. Pools open from 6 pm to midnight in summer.",
     {(D, "2022-06-30"), (R, "T18:00/T24:00")}),
    # a morning start and an afternoon end stay on one day; a backward day-time pair is no range
    (P, "Open 9 a.m. to 6 p.m. on March 30.", {(R, "2025-03-30T09:00/2025-03-30T18:00")}),
    (P, "The talk moved from 2 p.m. to 1 p.m.", {(T, "2025-03-27T14:00"), (T, "2025-03-27T13:00")}),
]

CASES = TENSE + DURATIONS + PERIODS + NAMES + OVERNIGHT


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_values(published, text, expected):
    got = {(m.kind, m.value) for m in find_dates(text, published)}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("The fire started Friday night.", "Friday night", "2025-03-21"),
        ("They met Tuesday morning.", "Tuesday morning", "2025-03-25"),
        ("The storm hit on Sunday evening.", "on Sunday evening", "2025-03-23"),
        ("It opened late last July.", "late last July", "2024-07"),
    ],
)
def test_parts_of_day_and_relative_months_stay_in_the_mention(text, mention, value):
    (m,) = find_dates(text, P)
    assert (m.text, m.value) == (mention, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The vote is tomorrow (Friday).", "2025-03-28"),
        ("The plan was announced yesterday (Wed.).", "2025-03-26"),
        ("The fair opens today (Thursday).", "2025-03-27"),
        ("It was signed today (March 20).", "2025-03-20"),
    ],
)
def test_a_weekday_in_brackets_confirms_the_day_the_word_gives(text, value):
    (m,) = find_dates(text, P)
    assert m.value == value


def test_before_keeps_its_preposition():
    (m,) = find_dates("No records exist before 1970.", P)
    assert m.text == "before 1970"


def test_a_range_ending_in_an_unresolvable_year_is_one_mention_without_value():
    got = find_dates("Costs from October 1 2024 to March 31 this year are covered.", None, keep_unresolved=True)
    assert [(m.text, m.kind, m.value) for m in got] == [("from October 1 2024 to March 31 this year", R, None)]


def test_periods_of_unstated_length_are_kept_only_on_request():
    text = "Prices rose in recent weeks and over the past several months, after several days of talks."
    assert find_dates(text, P) == []
    got = [(m.text, m.value) for m in find_dates(text, P, vague_durations=True)]
    assert got == [("recent weeks", "PXW"), ("the past several months", "PXM"), ("several days", "PXD")]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The mayor spoke on Tuesday.", ("on Tuesday", None)),
        ("Officials met last year.", ("last year", None)),
        ("Applications open on the 24th.", ("on the 24th", None)),
        ("Work starts in June.", ("in June", None)),
    ],
)
def test_relative_mentions_without_publication_date_keep_a_null_value(text, mention):
    got = [(m.text, m.value) for m in find_dates(text, None, keep_unresolved=True)]
    assert got == [mention]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met ten days before the vote at 6 a.m.", [("at 6 a.m.", "T06:00")]),
        ("Two hours after the blast, at 9 p.m., crews arrived. The office opens at 9 a.m.",
         [("at 9 p.m.", "T21:00"), ("at 9 a.m.", "2025-03-27T09:00")]),
        ("Doors open at 6 p.m. on Friday.", [("at 6 p.m. on Friday", "2025-03-21T18:00")]),
    ],
)
def test_a_time_after_a_stretch_counted_from_an_event_keeps_no_day(text, expected):
    got = [(m.text, m.value) for m in find_dates(text, P) if m.kind == "time"]
    assert got == expected
