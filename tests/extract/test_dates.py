"""Dates, times, durations and ranges normalised against a fixed publication date.

Each case is (published, text, expected) where expected is the exact set of (kind, value)
pairs the extractor must return for the text: a missing pair is a recall error and an extra
pair a precision error. The phrases are written for these tests.
"""

from __future__ import annotations

import pytest

from release_miner.extract.temporal import Anchor, find_dates

P = "2025-03-27"  # a Thursday
P2 = "2024-01-15"  # a Monday
P3 = "2023-11-02"  # a Thursday

D, T, R, U = "date", "time", "range", "duration"

ABSOLUTE = [
    (P, "The plan was approved on April 4, 2024.", {(D, "2024-04-04")}),
    (P, "It was signed on 4 April 2024 in Seoul.", {(D, "2024-04-04")}),
    (P, "Posted 2025.03.21 by the city.", {(D, "2025-03-21")}),
    (P, "Posted 2025. 3. 21 by the city.", {(D, "2025-03-21")}),
    (P, "The ordinance took effect 2024-12-01.", {(D, "2024-12-01")}),
    (P, "Registered 2024-12-01 09:15 by the office.", {(T, "2024-12-01T09:15")}),
    (P, "The centre opened in March 2019.", {(D, "2019-03")}),
    (P, "The fund was created in 2019.", {(D, "2019")}),
    (P, "Applications closed Sept. 25.", {(D, "2025-09-25")}),
    (P, "The deadline is Sept. 25, 2024.", {(D, "2024-09-25")}),
    (P, "The council met on Wednesday, Aug. 7, 2024.", {(D, "2024-08-07")}),
    (P, "The bridge opened on the 3rd of May 2022.", {(D, "2022-05-03")}),
    (P, "Work began in January of 2021.", {(D, "2021-01")}),
    (P, "The tower was finished in DECEMBER 2020.", {(D, "2020-12")}),
    (P, "The law of 12/31/2023 applies.", {(D, "2023-12-31")}),
    (P, "The board met on 2024/06/30.", {(D, "2024-06-30")}),
    (P, "Friday 14 February 2025 was the launch.", {(D, "2025-02-14")}),
    (P, "The survey ran in the spring of 2023.", {(D, "2023")}),
    (P, "Results of the 2022 survey are out.", {(D, "2022")}),
    (P, "Since 2013 the scheme has grown.", {(D, "2013")}),
    (P, "The target is to finish by 2030.", {(D, "2030")}),
    (P, "Jobs rose until 2019 and fell in 2020.", {(D, "2019"), (D, "2020")}),
    (P, "In 2005, the city counted 15 million visitors.", {(D, "2005")}),
    (P, "The 2008 global financial crisis hit exports.", {(D, "2008")}),
    (P, "Exports fell during the 1997 Asian financial crisis.", {(D, "1997")}),
    (P, "Growth slowed in mid-2024.", {(D, "2024")}),
]

TIMES = [
    (P, "The meeting will be held at 2 p.m. on the 27th at City Hall.", {(T, "2025-03-27T14:00")}),
    (P, "The ceremony starts at 9:30 a.m. on March 28.", {(T, "2025-03-28T09:30")}),
    (P, "On March 28 at 10:00, the mayor visits the port.", {(T, "2025-03-28T10:00")}),
    (P, "It opens at 14:00 today.", {(T, "2025-03-27T14:00")}),
    (P, "He arrived at 10 am yesterday.", {(T, "2025-03-26T10:00")}),
    (P, "The mayor spoke today (27th) at 3:00 p.m. in the hall.", {(T, "2025-03-27T15:00")}),
    (P, "The briefing is at 11 a.m. today (March 27).", {(T, "2025-03-27T11:00")}),
    (P, "Residents registered before 24:00 on March 23, 2025 qualify.", {(T, "2025-03-23T24:00")}),
    (P, "The tour begins at 9:30 AM (1:30 PM KST).", {(T, "2025-03-27T09:30"), (T, "2025-03-27T13:30")}),
    (P, "On the 25th, the delegation landed. The talks began at 4 pm.",
     {(D, "2025-03-25"), (T, "2025-03-25T16:00")}),
    (P, "A morning session on the 26th at 9 a.m. followed.", {(T, "2025-03-26T09:00")}),
    (P, "The forum runs on the morning of the 28th.", {(D, "2025-03-28")}),
    (P, "Doors open at noon.", {(T, "2025-03-27T12:00")}),
    (P, "Date: March 28, 2025 (Fri), 10:30 AM, City Hall", {(D, "2025-03-28"), (T, "2025-03-28T10:30")}),
    (P, "Tomorrow at 8 pm the lights go on.", {(T, "2025-03-28T20:00")}),
    (P, "Registration is from 9:00 to 12:00 on March 30.", {(R, "2025-03-30T09:00/2025-03-30T12:00")}),
    (P, "Shops may open from 6 pm to midnight in summer.", {(R, "T18:00/T24:00")}),
    (P, "The desk is staffed 2 to 4 p.m.", {(R, "T14:00/T16:00")}),
]

RELATIVE = [
    (P, "The meeting was held on the 25th.", {(D, "2025-03-25")}),
    (P, "On the 21st, the mayor announced the plan.", {(D, "2025-03-21")}),
    (P, "The city held a meeting today.", {(D, "2025-03-27")}),
    (P, "The agreement was signed yesterday.", {(D, "2025-03-26")}),
    (P, "The results come out tomorrow.", {(D, "2025-03-28")}),
    (P, "Sales fell last year.", {(D, "2024")}),
    (P, "The budget this year is larger.", {(D, "2025")}),
    (P, "The fund opens next year.", {(D, "2026")}),
    (P, "The survey ended last month.", {(D, "2025-02")}),
    (P, "Payments start next month.", {(D, "2025-04")}),
    (P, "Visitors rose this month.", {(D, "2025-03")}),
    (P, "Grants will be paid next week.", {(R, "2025-03-31/2025-04-06")}),
    (P, "Inspections took place last week.", {(R, "2025-03-17/2025-03-23")}),
    (P, "The fair runs this week.", {(R, "2025-03-24/2025-03-30")}),
    (P, "The second round follows early next year.", {(D, "2026")}),
    (P, "Construction ends in the first half of next year.", {(R, "2026-01/2026-06")}),
    (P, "Design work ends in the second half of 2025.", {(R, "2025-07/2025-12")}),
    (P, "Employment rose in the third quarter of this year.", {(R, "2025-07/2025-09")}),
    (P, "Exports rose in Q2 2024.", {(R, "2024-04/2024-06")}),
    (P, "Sales peaked in the fourth quarter of last year.", {(R, "2024-10/2024-12")}),
    (P, "Revenue last quarter was flat.", {(R, "2024-10/2024-12")}),
    (P, "Shipments fell 12% in the first quarter.", {(R, "2025-01/2025-03")}),
    (P, "In the latter half of the term, it grew.", set()),
    (P, "Work began in January of this year.", {(D, "2025-01")}),
    (P, "The contest was held in November of last year.", {(D, "2024-11")}),
    (P, "Prices rose since June last year.", {(D, "2024-06")}),
    (P, "A meeting was held in March this year.", {(D, "2025-03")}),
    (P, "It launches in January next year.", {(D, "2026-01")}),
    (P, "The rate was 0.4% at the end of February this year.", {(D, "2025-02")}),
    (P, "The plan will be complete within this year.", {(D, "2025")}),
    (P, "Sales were down on this time last year.", {(D, "2024")}),
    (P, "The fair opens April 4.", {(D, "2025-04-04")}),
    (P, "The clusters were designated in December.", {(D, "2024-12")}),
    (P, "The festival takes place in June.", {(D, "2025-06")}),
    (P, "Requests gathered in June and July were reviewed.", {(D, "2024-06"), (D, "2024-07")}),
    (P2, "The fair was held on December 28.", {(D, "2023-12-28")}),
    (P2, "Reports were filed on the 30th.", {(D, "2023-12-30")}),
    (P, "The office opened two years ago.", {(D, "2023")}),
    (P, "The budget for the last fiscal year was balanced.", {(D, "2024")}),
    (P, "Spending in FY2024 fell.", {(D, "2024")}),
    (P, "The FY 2025-26 budget was tabled.", {(R, "2025/2026")}),
    (P, "Revenue in fiscal year 2023 grew.", {(D, "2023")}),
    (P3, "Next year's budget hits a record.", {(D, "2024")}),
    (P3, "Compared with this year's plan, the new one is larger.", {(D, "2023")}),
]

WEEKDAYS = [
    (P, "The mayor announced the plan on Thursday.", {(D, "2025-03-27")}),
    (P, "The mayor announced the plan on Tuesday.", {(D, "2025-03-25")}),
    (P, "The mayor will visit Busan on Monday.", {(D, "2025-03-31")}),
    (P, "The council will vote on Saturday.", {(D, "2025-03-29")}),
    (P, "The city said Friday that sales rose.", {(D, "2025-03-21")}),
    (P, "The panel met last Friday.", {(D, "2025-03-21")}),
    (P, "The panel meets next Tuesday.", {(D, "2025-04-01")}),
    (P2, "Officials said on Wednesday that jobs grew.", {(D, "2024-01-10")}),
]

DURATIONS = [
    (P, "A budget was spent over the past four years.", {(U, "P4Y")}),
    (P, "The loan is interest free for 6 months.", {(U, "P6M")}),
    (P, "Applicants must finish within 10 days.", {(U, "P10D")}),
    (P, "The term is 2 years, renewable once.", {(U, "P2Y")}),
    (P, "It will run for two to three years.", {(U, "P2Y")}),
    (P, "Youths are hired from two to 15 months.", {(U, "P2M")}),
    (P, "The two-year programme helps 1,000 people.", {(U, "P2Y")}),
    (P, "It offers an 11-week course and a six-week internship.", {(U, "P11W"), (U, "P6W")}),
    (P, "The hearing lasted more than two hours.", {(U, "PT2H")}),
    (P, "The city has grown over the past decade.", {(U, "P10Y")}),
    (P, "Sales doubled during the past year.", {(U, "P1Y")}),
    (P, "Firms younger than seven years may apply.", {(U, "P7Y")}),
    (P, "Projects shorten by up to 10 years.", {(U, "P10Y")}),
    (P, "The tour lasts 45 minutes.", {(U, "PT45M")}),
    (P, "Waste Management has sponsored it for more than 29 years.", {(U, "P29Y")}),
    (P, "The city has changed over three decades.", {(U, "P30Y")}),
    (P, "Visitors stay 7 days on average.", {(U, "P7D")}),
    (P, "A 7-Day Stay goal was set.", {(U, "P7D")}),
    (P, "Spending will rise over the next four years.", {(U, "P4Y")}),
]

RANGES = [
    (P, "The scheme ran from 2021 to 2024.", {(R, "2021/2024")}),
    (P, "The plan covers 2021-2024.", {(R, "2021/2024")}),
    (P, "The festival runs March 3-7.", {(R, "2025-03-03/2025-03-07")}),
    (P, "The film festival (Sep. 17–26) returns.", {(R, "2025-09-17/2025-09-26")}),
    (P, "The festival (Sep. 21–Oct. 3) returns.", {(R, "2025-09-21/2025-10-03")}),
    (P, "The show runs 3–7 June 2025.", {(R, "2025-06-03/2025-06-07")}),
    (P, "Reports are heard from the 15th to 18th.", {(R, "2025-03-15/2025-03-18")}),
    (P, "Peak season is September–November.", {(R, "2025-09/2025-11")}),
    (P, "Payments run from January next year to December 2027.", {(R, "2026-01/2027-12")}),
    (P, "Applications are accepted beginning today until April 16.", {(R, "2025-03-27/2025-04-16")}),
    (P, "The survey ran between 2019 and 2022.", {(R, "2019/2022")}),
    (P, "Office hours are 9:00–18:00.", {(R, "T09:00/T18:00")}),
    ("2025-09-18", "The event (Oct. 31–Nov. 5) draws crowds.", {(R, "2025-10-31/2025-11-05")}),
    (P, "The fair (Dec. 28–Jan. 3) drew crowds.", {(R, "2024-12-28/2025-01-03")}),
    (P, "Shows in October drew more visitors than in April.", {(D, "2024-10"), (D, "2025-04")}),
    (P, "Applications are open until April 20.", {(D, "2025-04-20")}),
    (P, "The discount is extended through June 2025.", {(D, "2025-06")}),
    (P, "The museum was closed from May 2 to May 9, 2024.", {(R, "2024-05-02/2024-05-09")}),
    (P, "Period: March 26 (Wed) – 28 (Fri), 2025", {(R, "2025-03-26/2025-03-28")}),
    (P, "It runs from the 3rd to the 7th of next month.", {(R, "2025-04-03/2025-04-07")}),
    (P, "The 2023/24 budget was tabled.", {(R, "2023/2024")}),
    (P, "Monday, June 2 through Friday, June 6 are exam days.", {(R, "2025-06-02/2025-06-06")}),
]

MORE = [
    (P, "It opens on the 5th of next month.", {(D, "2025-04-05")}),
    (P, "Sales fell for 18 consecutive months.", {(U, "P18M")}),
    (P, "It took over 1,000 days.", {(U, "P1000D")}),
    (P, "The office opened a year ago.", {(D, "2024")}),
    (P, "The design will be done by the end of the year.", {(D, "2025")}),
    (P, "The café opened at 10.30am.", {(T, "2025-03-27T10:30")}),
    (P, "Published : Feb. 12, 2025 - 15:43", {(D, "2025-02-12"), (T, "2025-02-12T15:43")}),
    (P, "On Tuesday, the mayor visited the port.", {(D, "2025-03-25")}),
    (P, "On Saturday, the mayor will visit the port.", {(D, "2025-03-29")}),
    (P, "Busan said on Wednesday it plans to inject funds.", {(D, "2025-03-26")}),
    (P, "The council voted on Monday to approve it.", {(D, "2025-03-24")}),
    (P, "The centre is open 9 a.m. to 6 p.m. Monday through Friday.", {(R, "T09:00/T18:00")}),
    (P, "The market is held every Tuesday.", set()),
    (P, "The line is staffed seven days a week.", set()),
    (P, "The plan is revised every 2 years.", set()),
    (P, "Residents aged 19 to 34 years may apply.", set()),
    (P, "Copyright © 2025 Busan Metropolitan City.", set()),
    (P, "Results were released on 2025-3-7.", {(D, "2025-03-07")}),
]

NOT_DATES = [
    (P, "In the latter half of the 8th popularly elected term, the city acted.", set()),
    (P, "The Policy Fund Phase 2 measures were adopted.", set()),
    (P, "Recovery from the COVID-19 pandemic continues.", set()),
    (P, "The helpline works 24/7.", set()),
    (P, "The city bids to host the 2030 World Expo.", set()),
    (P, "It joined the Recharge 2021 Commitment.", set()),
    (P, "Busan is a 24-hour city.", set()),
    (P, "The meeting was held on the 12th floor.", set()),
    (P, "The 50th meeting reviewed 396 policies.", set()),
    (P, "She met the 9th Consul General.", set()),
    (P, "It was the 2nd regular meeting of the council.", set()),
    (P, "About 2000 people attended the show.", set()),
    (P, "The fund may be used for rent.", set()),
    (P, "Residents aged 18 to 39 may apply.", set()),
    (P, "The event was held on this day in history.", set()),
    (P, "It costs $11 an hour.", set()),
    (P, "The fund gives 3 million won per year to each firm.", set()),
    (P, "Residents aged 65 years or older get a pass.", set()),
    (P, "A 10-year-old boy won.", set()),
    (P, "Call 051-888-2024 for details.", set()),
    (P, "Dial 02-120 for help, ext. 2024.", set()),
    (P, "Version 3.0 of the app was released recently.", set()),
    (P, "The festival is held every summer.", set()),
    (P, "The (1st) Economic Innovation sector leads.", set()),
    (P, "It won for the 2nd time.", set()),
    (P, "It is the 1st of its kind.", set()),
    (P, "The 3rd and 4th rounds were held.", set()),
    (P, "Exams were held on the 24th and 25th.", {(D, "2025-03-24"), (D, "2025-03-25")}),
    (P, "The score was 2:1 in the end.", set()),
]

UNRESOLVED = [
    (None, "The city held a meeting today.", set()),
    (None, "The mayor announced on Wednesday that jobs grew.", set()),
    (None, "Applications are open until April 20.", set()),
    (None, "The survey ended last year.", set()),
    (None, "The city will host it at 2 p.m. today (Nov. 10).", {(T, "T14:00")}),
    (None, "The launch is today (23rd) at 3:00 p.m.", {(T, "T15:00")}),
    (None, "The briefing is on June 11 (Wednesday) from 14:00 to 16:00.", {(R, "T14:00/T16:00")}),
    (None, "The ordinance was promulgated July 9, 2025.", {(D, "2025-07-09")}),
    (None, "The term is 2 years.", {(U, "P2Y")}),
    (None, "Support continues through June 2025.", {(D, "2025-06")}),
    ("2023-09", "Busan aims to attract 3 million tourists this year.", {(D, "2023")}),
    ("2023-09", "The plan was unveiled on Tuesday.", set()),
    ("2023", "Sales fell last month.", set()),
    ("2023", "Sales fell last year.", {(D, "2022")}),
]

CASES = ABSOLUTE + TIMES + RELATIVE + WEEKDAYS + DURATIONS + RANGES + MORE + NOT_DATES + UNRESOLVED


def test_enough_cases():
    assert len(CASES) >= 120


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_values(published, text, expected):
    found = find_dates(text, published)
    assert {(m.kind, m.value) for m in found} == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The meeting will be held at 2 p.m. on the 27th.", "at 2 p.m. on the 27th"),
        ("It has grown over the past four years.", "over the past four years"),
        ("The fund started in April 2021.", "in April 2021"),
        ("It runs from 2021 to 2024.", "from 2021 to 2024"),
        ("The aim is to finish by 2030.", "by 2030"),
        ("It was at the end of March this year.", "at the end of March this year"),
    ],
)
def test_mention_text(text, mention):
    (found,) = find_dates(text, P)
    assert found.text == mention


@pytest.mark.parametrize(
    ("text", "grain"),
    [
        ("in 2021", "year"),
        ("in April 2021", "month"),
        ("on April 4, 2021", "day"),
        ("at 2 p.m. on April 4, 2021", "minute"),
        ("for 10 days", "day"),
        ("for 3 years", "year"),
        ("in Q3 2024", "month"),
    ],
)
def test_grain(text, grain):
    (found,) = find_dates(text, P)
    assert found.grain == grain


def test_duration_range_keeps_upper_end():
    (found,) = find_dates("It runs over the next two to three years.", P)
    assert (found.value, found.value_max) == ("P2Y", "P3Y")


def test_unresolved_kept_on_request():
    found = find_dates("The mayor spoke on Tuesday.", None, keep_unresolved=True)
    assert [(m.text, m.value) for m in found] == [("on Tuesday", None)]


def test_anchor_parsing():
    assert Anchor.parse("2025-03-27") == Anchor(2025, 3, 27)
    assert Anchor.parse("2025-03-27T10:00:00") == Anchor(2025, 3, 27)
    assert Anchor.parse("2023-09") == Anchor(2023, 9)
    assert Anchor.parse("2023") == Anchor(2023)
    assert Anchor.parse("2025-02-30") is None
    assert Anchor.parse(None) is None
