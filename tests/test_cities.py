"""A release's city: from its site adapter, URL host, the places it names and its dateline; stored at ingest."""

from __future__ import annotations

import sqlite3

import pytest

from tests.store_versions import dataset_at_version
from release_miner.records import Organization, Release
from release_miner.cities import CityResolver, city_of, gazetteer
from release_miner.store import Store


def _release(url=None, orgs=(), title=None, text="A city announced a new programme."):
    return Release(id="x", text=text, url=url, title=title,
                   organizations=[Organization(name) for name in orgs])


CASES = [
    # (why, release, expected city)
    ("official host", _release("https://www.busan.go.kr/eng/press/1"), "Busan"),
    ("subdomain of an official host", _release("http://english.seoul.go.kr/some-slug/"), "Seoul"),
    ("host beats text", _release("https://www.london.gov.uk/x", text="Seoul and Seoul and Seoul."), "London"),
    ("host label names the city", _release("https://news.toronto.example.org/a"), "Toronto"),
    ("cityof host label", _release("https://www.cityofboston.example/a"), "Boston"),
    ("organizations when the host says nothing",
     _release("https://example.org/1", orgs=["Busan Metropolitan Government", "Seoul Fire Department",
                                             "Busan Port Authority"]), "Busan"),
    ("upper-case dateline", _release(None, text="CHICAGO — The city will spend more."), "Chicago"),
    ("alias in the title", _release(None, title="NYC opens new ferry route"), "New York City"),
    ("common word is not a city", _release(None, text="Reading the budget, a nice day in paris."), None),
    ("nothing to go on", _release(None), None),
    ("site adapter of the URL", _release("https://www.busan.go.kr/eng/ai-translated-press-releases/12"), "Busan"),
    # cities the gazetteer does not list
    ("dateline with a state", _release(None, text="SACRAMENTO, Calif. — The city opened a cooling centre."),
     "Sacramento"),
    ("City of X in an organization", _release("https://example.org/n/1", orgs=["City of Fresno"]), "Fresno"),
    ("X City Council in the text", _release(None, text="The Tacoma City Council voted on Monday."), "Tacoma"),
    ("named place agreeing with the host", _release("https://www.cityofsacramento.gov/news/2",
                                                   text="The City of Sacramento and Mayor of Davis met."),
     "Sacramento"),
    ("Metropolitan Government", _release(None, orgs=["Changsha Metropolitan Government"]), "Changsha"),
    ("a heading is not a dateline", _release(None, text="FOR IMMEDIATE RELEASE — The Mayor spoke."), None),
]


@pytest.mark.parametrize("why,release,expected", CASES, ids=[c[0] for c in CASES])
def test_city_of(why, release, expected):
    assert CityResolver().city_of(release) == expected


@pytest.mark.parametrize("typed,expected", [("busan", "Busan"), ("PUSAN", "Busan"), ("new-york", "New York City"),
                                            ("Washington DC", "Washington, D.C.")])
def test_typed_names_resolve_to_the_gazetteer(typed, expected):
    assert CityResolver().canonical(typed).name == expected


def test_a_typed_city_missing_from_the_gazetteer_keeps_its_name():
    assert CityResolver().canonical("gdansk").name == "Gdansk"


def test_the_city_is_stored_at_ingest(tmp_path):
    with Store(tmp_path / "c.sqlite") as store:
        store.add(_release(None, text="SACRAMENTO — The council approved a park."))
        store.add(_release("https://www.london.gov.uk/p/1", text="A different release."))
        rows = store.conn.execute("SELECT city FROM releases ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["Sacramento", "London"]


def test_migration_fills_the_city_of_releases_stored_before(tmp_path):
    path = dataset_at_version(tmp_path / "old.sqlite", 4)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO releases (doc_id, content_hash, text, processed_at, toolkit_version)"
                 " VALUES ('old', 'h', 'Busan Metropolitan City said so.', '2025-01-01', '0.0.1')")
    conn.execute("INSERT INTO organizations (release_id, name) VALUES (1, 'Busan Metropolitan City')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version >= 6
        assert store.conn.execute("SELECT city FROM releases").fetchone()[0] == "Busan"


def test_city_of_is_the_default_resolver():
    assert city_of(_release("https://english.seoul.go.kr/x")) == "Seoul"


def test_gazetteer_entries_are_well_formed():
    names = [c.name for c in gazetteer()]
    assert len(names) == len(set(names))
    for city in gazetteer():
        assert city.name.strip() == city.name and all("/" not in h and "." in h for h in city.hosts)
