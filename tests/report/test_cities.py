"""Deriving a release's city from its URL host, its organizations and its opening text."""

from __future__ import annotations

import pytest

from release_miner.records import Organization, Release
from release_miner.report.cities import CityResolver, gazetteer


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
]


@pytest.mark.parametrize("why,release,expected", CASES, ids=[c[0] for c in CASES])
def test_city_of(why, release, expected):
    assert CityResolver().city_of(release) == expected


@pytest.mark.parametrize("typed,expected", [("busan", "Busan"), ("PUSAN", "Busan"), ("new-york", "New York City"),
                                            ("Washington DC", "Washington, D.C.")])
def test_typed_names_resolve_to_the_gazetteer(typed, expected):
    assert CityResolver().canonical(typed).name == expected


def test_a_city_missing_from_the_gazetteer_becomes_a_candidate():
    resolver = CityResolver()
    assert resolver.canonical("Gdansk").name == "Gdansk"
    assert resolver.city_of(_release("https://www.gdansk.example/news/1")) == "Gdansk"
    assert resolver.city_of(_release(None, orgs=["Gdansk City Council"])) == "Gdansk"
    assert CityResolver().city_of(_release(None, orgs=["Gdansk City Council"])) is None


def test_gazetteer_entries_are_well_formed():
    names = [c.name for c in gazetteer()]
    assert len(names) == len(set(names))
    for city in gazetteer():
        assert city.name.strip() == city.name and all("/" not in h and "." in h for h in city.hosts)
