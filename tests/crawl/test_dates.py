from __future__ import annotations

import pytest

from release_miner.crawl.dates import date_from_url, find_date


@pytest.mark.parametrize("text, expected", [
    ("2025.03.27", "2025-03-27"),
    ("Posted 2025. 6. 26  12 Views", "2025-06-26"),
    ("2025-06-26T09:00:00+09:00", "2025-06-26"),
    ("2025년 3월 27일 (목)", "2025-03-27"),
    ("March 27, 2025", "2025-03-27"),
    ("Sept. 3, 2024 — NEW YORK", "2024-09-03"),
    ("Created on 15 November 2023", "2023-11-15"),
    ("1st June 2022", "2022-06-01"),
    ("Views 2025.13.40 then 2025.02.03", "2025-02-03"),   # invalid month skipped
    ("No date here 12,500 people", None),
    ("", None),
])
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_earliest_mention_wins():
    assert find_date("Updated June 5, 2025. First published 2025.06.01") == "2025-06-05"


@pytest.mark.parametrize("url, expected", [
    ("https://x.gov/news/2025/06/03/library-hours.html", "2025-06-03"),
    ("https://x.gov/press/2025-03-27-budget", "2025-03-27"),
    ("https://x.gov/bbs/20250327/view", "2025-03-27"),
    ("https://www.chicago.gov/city/en/depts/mayor/press_room/press_releases/2023/october/x.html", None),
    ("https://x.gov/eng/ai-translated-press-releases/1751134", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected
