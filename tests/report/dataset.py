"""A small hand-made dataset for the report tests: real SQLite file, records written by `Store`.

The texts are written for these tests; offsets are computed from the text so they are
always consistent, and the dataset covers what the report must show: several months and
cities, three currencies, every outcome category, overlapping mentions, a figure without a
value, low-confidence policies and person-merge suggestions.
"""

from __future__ import annotations

from pathlib import Path

from release_miner.records import DateMention, Figure, Organization, Person, Policy, Release
from release_miner.store import Store


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def figure(text, needle, kind, value, unit=None, **kw) -> Figure:
    s, e = span(text, needle)
    return Figure(needle, s, e, kind, value, unit, **kw)


def date(text, needle, value, kind="date", grain="day") -> DateMention:
    s, e = span(text, needle)
    return DateMention(needle, s, e, kind, value, grain)


def policy(text, needle, category, confidence, **kw) -> Policy:
    s, e = span(text, needle)
    return Policy(needle, s, e, category, confidence, **kw)


def person(text, name, *mentions, title=None, affiliation=None, aliases=()) -> Person:
    """``mentions`` are needles, or ``(needle, nth)`` for a later occurrence."""
    spans = [list(span(text, *(m if isinstance(m, tuple) else (m,)))) for m in (name, *mentions)]
    return Person(name, list(aliases), title, affiliation, spans)


def org(text, name, *mentions, aliases=()) -> Organization:
    return Organization(name, list(aliases), [list(span(text, m)) for m in (name, *mentions)])


def harbour_release() -> Release:
    t = ("Busan Metropolitan City announced on June 3, 2025 a Harbour Recovery Fund of 120 billion won "
         "to support shipbuilding suppliers hit by the export slump.\n"
         "Mayor Kim Minjun said the fund would reach 300 companies. Kim added that Busan Port Authority "
         "will open a help desk by July.")
    return Release(
        id="busan-1", text=t, published="2025-06-04", title="Harbour Recovery Fund for shipbuilding suppliers",
        url="https://www.busan.go.kr/eng/press/101",
        figures=[figure(t, "120 billion won", "money", 120_000_000_000, "KRW"),
                 figure(t, "300 companies", "count", 300, "companies")],
        dates=[date(t, "June 3, 2025", "2025-06-03"), date(t, "July", "2025-07", grain="month")],
        people=[person(t, "Kim Minjun", ("Kim", 1), title="Mayor", affiliation="Busan Metropolitan City")],
        organizations=[org(t, "Busan Metropolitan City"), org(t, "Busan Port Authority")],
        policies=[policy(t, "Harbour Recovery Fund of 120 billion won", "shock_response", 0.91)],
    )


def startup_release() -> Release:
    t = ("Busan will invest 45 billion won in an AI Startup Campus in Centum, Busan Metropolitan City said "
         "on 12 May 2025. The campus plans to host about 150 start-ups and a pilot data centre of several "
         "hundred servers.")
    return Release(
        id="busan-2", text=t, published="2025-05-12", title="AI Startup Campus",
        url="https://english.busan.go.kr/news/7",
        figures=[figure(t, "45 billion won", "money", 45_000_000_000, "KRW"),
                 figure(t, "about 150 start-ups", "count", 150, "start-ups", approx=True),
                 figure(t, "several hundred servers", "count", None)],
        dates=[date(t, "12 May 2025", "2025-05-12")],
        organizations=[org(t, "Busan Metropolitan City")],
        policies=[policy(t, "AI Startup Campus", "innovative_growth", 0.55),
                  policy(t, "pilot data centre", "innovative_growth", 0.42, needs_review=True)],
    )


def london_release() -> Release:
    t = ("The Mayor of London, Sadiq Rahman, today confirmed £25 million for a Warm Homes Grant that "
         "will insulate 4,000 homes by March 2026. Deputy Mayor Ana Ruiz said Londoners on low incomes "
         "come first. Transport for London (TfL) will also freeze fares.")
    return Release(
        id="london-1", text=t, published="2025-06-20", title="Warm Homes Grant",
        url="https://www.london.gov.uk/media-centre/mayors-press-releases/warm-homes",
        figures=[figure(t, "£25 million", "money", 25_000_000, "GBP"),
                 figure(t, "4,000 homes", "count", 4000, "homes")],
        dates=[date(t, "March 2026", "2026-03", grain="month")],
        people=[person(t, "Sadiq Rahman", title="Mayor of London"),
                person(t, "Ana Ruiz", title="Deputy Mayor")],
        organizations=[org(t, "Transport for London", "TfL", aliases=["TfL"])],
        policies=[policy(t, "Warm Homes Grant", "livelihood_stability", 0.88),
                  policy(t, "freeze fares", "livelihood_stability", 0.81)],
    )


def chicago_release() -> Release:
    t = ("CHICAGO — The city will spend $8.5 million on a Small Business Relief Program after the winter "
         "storm, and a further $2 million for street repairs.")
    return Release(
        id="chicago-1", text=t, published="2024-12-15", title="Storm relief for small businesses",
        url=None,
        figures=[figure(t, "$8.5 million", "money", 8_500_000, "USD"),
                 figure(t, "$2 million", "money", 2_000_000, "USD")],
        policies=[policy(t, "Small Business Relief Program", "shock_response", 0.77)],
    )


def release_set() -> list[Release]:
    return [harbour_release(), startup_release(), london_release(), chicago_release()]


def build_dataset(path: Path, releases: list[Release] | None = None, *, merges: bool = True) -> Path:
    """Store ``releases`` (default `release_set`) in a new SQLite file, plus canonical people and a merge suggestion."""
    with Store(path) as store:
        for r in release_set() if releases is None else releases:
            store.add(r)
        if merges:
            conn = store.conn
            with store.transaction():
                conn.execute("INSERT INTO persons (id, name, name_key, title, affiliation) VALUES"
                             " (1, 'Kim Minjun', 'kim minjun', 'Mayor', 'Busan Metropolitan City'),"
                             " (2, 'Minjun Kim', 'minjun kim', NULL, NULL),"
                             " (3, 'Sadiq Rahman', 'sadiq rahman', 'Mayor of London', NULL)")
                conn.execute("UPDATE people SET person_id = 1 WHERE name = 'Kim Minjun'")
                conn.execute("UPDATE people SET person_id = 3 WHERE name = 'Sadiq Rahman'")
                conn.execute("INSERT INTO person_merge_suggestions (person_id, other_person_id, score, reason)"
                             " VALUES (1, 2, 0.93, 'same name, order swapped')")
                conn.execute("INSERT INTO person_merge_suggestions (person_id, other_person_id, score, reason,"
                             " status) VALUES (3, 2, 0.40, 'rejected before', 'rejected')")
    return path


#: What a hostile page would try: each payload, if it ever ran, marks the document.
HOSTILE_TITLE = "<script>document.title='PWNED';document.body.dataset.pwned='title'</script>Budget"
HOSTILE_TEXT = ("Mayor <b>Eve</b> Hacker approved 5 billion won <img src=x onerror=\"document.body.dataset.pwned='img'\">"
                " for a <script>document.documentElement.dataset.pwned='text'</script> Safe Streets Fund "
                "\"><svg onload=\"document.body.dataset.pwned='svg'\"></svg> on 2025-07-01.")


def hostile_release() -> Release:
    """A release whose every field carries markup that must show as text and never run."""
    t = HOSTILE_TEXT
    name = "Eve</td><script>document.body.dataset.pwned='name'</script>"
    return Release(
        id="hostile\"><script>document.body.dataset.pwned='id'</script>", text=t, published="2025-07-01",
        title=HOSTILE_TITLE, url="javascript:document.body.dataset.pwned='url'",
        figures=[figure(t, "5 billion won", "money", 5_000_000_000, "KRW<script>x</script>"),
                 figure(t, "<img src=x onerror=\"document.body.dataset.pwned='img'\">", "count", None)],
        dates=[date(t, "2025-07-01", "2025-07-01\"><script>document.body.dataset.pwned='date'</script>")],
        people=[Person(name, ["<i onmouseover=alert(1)>E</i>"], "<script>x</script>", "\" onclick=\"x",
                       [list(span(t, "<b>Eve</b> Hacker"))])],
        organizations=[Organization("<style>body{display:none}</style>Org", [], [])],
        policies=[policy(t, "<script>document.documentElement.dataset.pwned='text'</script> Safe Streets Fund",
                         "shock_response\" onmouseover=\"x", 0.3, target="<iframe src=//example.org>")],
    )
