"""One canonical person per real person across releases, in a real SQLite dataset.

The releases are built from `Person` records (what extraction hands the store), so each
test states exactly which spellings, titles and affiliations reach the grouping. One
test also runs the real spaCy pipeline end to end.
"""

from __future__ import annotations

import json

import pytest

from release_miner.cli import main
from release_miner.people import (accept_suggestion, canonical_people, decide, link_people, open_suggestions,
                                  regroup, reject_suggestion)
from release_miner.extract.namekey import name_key
from release_miner.records import Person, Release
from release_miner.store import Store


def _release(n: int, *people: tuple[str, str | None, str | None]) -> Release:
    text = f"Release {n}. " + " ".join(name for name, _, _ in people)
    return Release(id=f"r{n}", text=text, people=[Person(name=name, title=title, affiliation=aff)
                                                  for name, title, aff in people])


#: Four spellings of one Busan mayor, a Changwon mayor with the same surname and title,
#: and two mayors with the same name in different cities.
RELEASES = [
    _release(1, ("Park Heongjoon", "Mayor", "Busan Metropolitan Government"),
             ("Ahn Seongmin", "Chairperson", "Busan Metropolitan Council")),
    _release(2, ("Park Heong-joon", "Mayor", "Busan Metropolitan City")),
    _release(3, ("Park Hyungjun", "Mayor", "Busan City")),
    _release(4, ("Park Hyungjoon", "Mayor", None)),
    _release(5, ("Park Wan-su", "Mayor", "Changwon Special City")),
    _release(6, ("Kim Young-soo", "Mayor", "Gimhae City")),
    _release(7, ("Kim Young-su", "Mayor", "Ulsan Metropolitan City")),
]


@pytest.fixture()
def dataset(tmp_path):
    path = tmp_path / "releases.sqlite"
    with Store(path) as store:
        store.after_add.append(link_people)
        for release in RELEASES:
            store.add(release)
    return path


def _by_name(conn) -> dict[str, object]:
    return {p.name: p for p in canonical_people(conn)}


def test_spelling_variants_become_one_person(dataset):
    with Store(dataset) as store:
        people = canonical_people(store.conn)
        parks = [p for p in people if {"Park Heongjoon", "Park Hyungjun"} & {p.name, *p.aliases}]
        assert len(parks) == 1
        mayor = parks[0]
        assert {mayor.name, *mayor.aliases} == {"Park Heongjoon", "Park Heong-joon", "Park Hyungjun",
                                                "Park Hyungjoon"}
        assert mayor.releases == 4
        assert mayor.titles == ["Mayor"]
        linked = store.conn.execute("SELECT count(*) FROM people WHERE person_id IS NULL").fetchone()[0]
        assert linked == 0


def test_same_surname_and_title_in_another_city_stays_apart(dataset):
    with Store(dataset) as store:
        people = _by_name(store.conn)
        assert "Park Wan-su" in people
        assert people["Park Wan-su"].releases == 1
        assert people["Park Wan-su"].affiliation == "Changwon Special City"
        # not even worth a review: the given names differ
        pairs = {frozenset((s["person"], s["other_person"])) for s in open_suggestions(store.conn)}
        assert not any("Park Wan-su" in pair for pair in pairs)


def test_same_name_in_different_cities_is_only_suggested(dataset):
    with Store(dataset) as store:
        kims = [p for p in canonical_people(store.conn) if p.name.startswith("Kim Young")]
        assert len(kims) == 2
        suggestions = open_suggestions(store.conn)
        assert len(suggestions) == 1
        s = suggestions[0]
        assert {s["person"], s["other_person"]} == {"Kim Young-soo", "Kim Young-su"}
        assert "affiliation" in s["reason"]


def test_accepting_and_rejecting_suggestions(dataset):
    with Store(dataset) as store:
        sid = open_suggestions(store.conn)[0]["id"]
        with store.transaction() as conn:
            reject_suggestion(conn, sid)
        assert open_suggestions(store.conn) == []
        # a regroup rebuilds everything but remembers the rejection
        with store.transaction() as conn:
            regroup(conn)
        assert open_suggestions(store.conn) == []
        assert len([p for p in canonical_people(store.conn) if p.name.startswith("Kim Young")]) == 2


def test_accepting_merges_and_survives_a_regroup(dataset):
    with Store(dataset) as store:
        sid = open_suggestions(store.conn)[0]["id"]
        with store.transaction() as conn:
            accept_suggestion(conn, sid)
        kims = [p for p in canonical_people(store.conn) if p.name.startswith("Kim Young")]
        assert len(kims) == 1 and kims[0].releases == 2
        with store.transaction() as conn:
            regroup(conn)
        kims = [p for p in canonical_people(store.conn) if p.name.startswith("Kim Young")]
        assert len(kims) == 1 and kims[0].releases == 2
        assert open_suggestions(store.conn) == []


def test_regroup_rebuilds_the_same_grouping(dataset):
    with Store(dataset) as store:
        before = sorted((p.name, tuple(p.aliases), p.releases) for p in canonical_people(store.conn))
        with store.transaction() as conn:
            n = regroup(conn)
        after = sorted((p.name, tuple(p.aliases), p.releases) for p in canonical_people(store.conn))
        assert before == after and n == len(after)


# (new name, title, affiliation, stored name, title, affiliation, expected action)
DECISIONS = [
    ("Park Hyung-jun", "Mayor", "Busan", "Park Heongjoon", "Mayor", "Busan Metropolitan City", "merge"),
    ("Park Hyung-jun", None, None, "Park Heongjoon", "Mayor", "Busan Metropolitan City", "merge"),
    ("Park Heongjoon", "Mayor", "Busan", "Park Heongjoon", "Mayor", "Ulsan", "suggest"),
    ("Park Heongjoon", "Vice Mayor", None, "Park Heongjoon", "Mayor", None, "suggest"),
    ("Seo Jae-hyun", "Mayor", "Daegu", "Seo Jae-hyung", "Mayor", "Daegu Metropolitan City", "merge"),
    ("Seo Jae-hyun", None, None, "Seo Jae-hyung", "Mayor", "Daegu Metropolitan City", "suggest"),
    ("Seo Jae-hyun", "Mayor", "Daegu", "Seo Jae-hyung", "Mayor", "Gwangju", "separate"),
    ("Park Wan-su", "Mayor", "Changwon", "Park Heongjoon", "Mayor", "Busan", "separate"),
    ("Sadiq Khan", "Mayor of London", None, "Sadiq Khan", "Mayor", "London", "merge"),
    ("Biden", "President", None, "Biden", "President", None, "suggest"),
    ("Biden", "President", None, "Joseph Biden", "President", None, "suggest"),
    ("Biden", None, None, "Joseph Biden", "President", None, "separate"),
]


@pytest.mark.parametrize("new,nt,na,old,ot,oa,action", DECISIONS)
def test_decisions(new, nt, na, old, ot, oa, action):
    assert decide(name_key(new), nt, na, name_key(old), ot, oa).action == action


def test_people_command_lists_canonical_people(dataset, capsys):
    assert main(["people", "--db", str(dataset), "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    top = rows[0]
    assert top["releases"] == 4 and top["titles"] == ["Mayor"]
    assert "Park Hyungjun" in {top["name"], *top["aliases"]}
    assert main(["people", "--db", str(dataset), "--suggestions"]) == 0
    assert "Kim Young" in capsys.readouterr().out


def test_people_command_reports_a_missing_dataset(tmp_path, capsys):
    assert main(["people", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no such dataset" in capsys.readouterr().err


@pytest.mark.slow
def test_mined_releases_are_grouped(tmp_path):
    from release_miner.pipeline import build_pipeline, mine

    nlp = build_pipeline(components=("release_names",))
    texts = [
        "Busan Metropolitan City (Mayor Park Heong-joon) announced a new fund for small firms.",
        "Busan Mayor Park Hyungjun met shipping companies on Monday. Mayor Park said support would grow.",
        "Changwon Special City (Mayor Park Wan-su) opened a hydrogen test centre.",
    ]
    with Store(tmp_path / "mined.sqlite") as store:
        store.after_add.append(link_people)
        for i, text in enumerate(texts):
            store.add(mine(text, id=str(i), nlp=nlp))
        people = {p.name: p for p in canonical_people(store.conn)}
    busan = [p for p in people.values() if "Park Hyungjun" in {p.name, *p.aliases}]
    assert len(busan) == 1 and busan[0].releases == 2
    assert people["Park Wan-su"].releases == 1
