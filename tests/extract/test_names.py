"""People and organizations from the real spaCy pipeline with the ``release_names`` component.

Each table row is a phrase written for these tests and what the component must find in it:
the role patterns of press releases, surname-only mentions joining the full name, spelling
variants within a release, the things that are not people (bylines, places, generic roles),
and organisation names with bracketed abbreviations.
"""

from __future__ import annotations

import pytest

from release_miner.pipeline import build_pipeline, mine
from release_miner.records import Release

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def names_nlp():
    """The base spaCy model with only the people/organizations component."""
    return build_pipeline(components=("release_names",))


def _mine(nlp, text: str) -> Release:
    release = mine(text, nlp=nlp)
    for item in (*release.people, *release.organizations):
        for start, end in item.mentions:
            assert text[start:end].strip() == text[start:end] and text[start:end], (item, start, end)
    return release


def _person(release: Release, name: str):
    found = [p for p in release.people if p.name == name or name in p.aliases]
    assert len(found) == 1, (name, release.people)
    return found[0]


# (text, person name, title, affiliation)
ROLE_PATTERNS = [
    ("The forum was opened by Mayor Kim Min-jun on Monday.",
     "Kim Min-jun", "Mayor", None),
    ("Guests included Daegu Metropolitan Council Chairperson Seo Jae-hyun and local business owners.",
     "Seo Jae-hyun", "Chairperson", "Daegu Metropolitan Council"),
    ("The keynote was given by Choi Hana, Vice President of the Korea Development Institute, in the main hall.",
     "Choi Hana", "Vice President", "Korea Development Institute"),
    ("The Gwangju Metropolitan Government (Mayor Kang Ki-jung) announced a new loan scheme today.",
     "Kang Ki-jung", "Mayor", "Gwangju Metropolitan Government"),
    ("Anne Hidalgo, the Mayor of Paris, opened the trade fair.",
     "Anne Hidalgo", "Mayor", "Paris"),
    ("\u201cSmall firms are the heart of our city,\u201d said Mayor Karen Bass.",
     "Karen Bass", "Mayor", None),
    ("The Mayor of Manchester, Andy Burnham, visited the site.",
     "Andy Burnham", "Mayor", "Manchester"),
    ("Director Jeon Min-ho of the Urban Planning Bureau explained the plan.",
     "Jeon Min-ho", "Director", "Urban Planning Bureau"),
    ("Daejeon's Vice Mayor for Economic Affairs Han Sung-ho chaired the meeting.",
     "Han Sung-ho", "Vice Mayor for Economic Affairs", "Daejeon"),
    ("Maria Lopez, president and CEO of the Harbor Business Alliance, praised the grant.",
     "Maria Lopez", "president and CEO", "Harbor Business Alliance"),
    ("Lord Mayor Jane Smith said the package would help traders.",
     "Jane Smith", "Lord Mayor", None),
    ("Mayor Kim Sun-ho told reporters on Monday that Governor Lee Min-ah agreed.",
     "Lee Min-ah", "Governor", None),
    ("Council Member Carlos Diaz, chair of the Finance Committee, spoke first.",
     "Carlos Diaz", "Council Member", None),
    ("The bill was signed in Sacramento. Gov. Gavin Newsom called it overdue.",
     "Gavin Newsom", "Governor", None),
]


@pytest.mark.parametrize("text,name,title,affiliation", ROLE_PATTERNS)
def test_role_patterns(names_nlp, text, name, title, affiliation):
    person = _person(_mine(names_nlp, text), name)
    assert person.title == title
    assert person.affiliation == affiliation


# (text, full name, surface forms that must all be mentions of that one person)
JOINED_MENTIONS = [
    ("Mayor Lee Jang-ho opened the forum. Later, Mayor Lee said the city would expand the fund.",
     "Lee Jang-ho", ["Lee Jang-ho", "Lee"]),
    ("Governor Gavin Reyes toured the port. Reyes said jobs come first.",
     "Gavin Reyes", ["Gavin Reyes", "Reyes"]),
    ("Park Jiwon met investors. In the afternoon Park Ji-won visited the startup campus.",
     "Park Jiwon", ["Park Jiwon", "Park Ji-won"]),
    ("President Joe Biden signed the law. Biden said it would help cities.",
     "Joe Biden", ["Joe Biden", "Biden"]),
    ("Lee Anderson, Chair of the Harbour Trust, spoke. Anderson praised the staff.",
     "Lee Anderson", ["Lee Anderson", "Anderson"]),
]


@pytest.mark.parametrize("text,name,forms", JOINED_MENTIONS)
def test_mentions_join_one_person(names_nlp, text, name, forms):
    release = _mine(names_nlp, text)
    person = _person(release, name)
    assert len(release.people) == 1
    surfaces = [text[s:e] for s, e in person.mentions]
    for form in forms:
        assert form in surfaces
    spellings = {person.name, *person.aliases}
    assert {f for f in forms if " " in f} <= spellings


# texts in which no person may be found
NOT_PEOPLE = [
    "[Seoul Daily, Reporter Han Soo-min] The city will expand its youth housing programme.",
    "By Jane Doe\nThe council approved the budget on Tuesday.",
    "\u00a9 The Harbor Times (www.example.com). All rights reserved.",
    "The mayor said the measures would take effect next month.",
    "Busan\u2019s exports grew for the third month in a row.",
    "Photo by Kim Tae-woo\nCitizens gathered at the plaza.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_not_people(names_nlp, text):
    assert _mine(names_nlp, text).people == []


# (text, organisation name, aliases it must carry)
ORGANIZATIONS = [
    ("The project is run with the Seoul Business Agency (SBA). SBA will screen applicants.",
     "Seoul Business Agency", ["SBA"]),
    ("Funding comes from the Ministry of Economy and Finance.", "Ministry of Economy and Finance", []),
    ("Officials from the Ministry of Oceans and Fisheries and the Busan Port Authority attended.",
     "Busan Port Authority", []),
    ("Students of Hanyang University\u2019s Graduate School of Urban Studies joined the survey.",
     "Graduate School of Urban Studies", []),
    ("Suwon City will open two new centres next year.", "Suwon City", []),
    ("The Ulsan Chamber of Commerce and Industry welcomed the decision.",
     "Ulsan Chamber of Commerce and Industry", []),
]


@pytest.mark.parametrize("text,name,aliases", ORGANIZATIONS)
def test_organizations(names_nlp, text, name, aliases):
    release = _mine(names_nlp, text)
    found = {o.name: o for o in release.organizations}
    assert name in found, [o.name for o in release.organizations]
    assert set(aliases) <= set(found[name].aliases)
    assert not any(o.name.lower().startswith("the ") for o in release.organizations)


def test_abbreviation_mentions_join_the_body(names_nlp):
    text = "The Seoul Business Agency (SBA) opened a desk. SBA staff will visit firms."
    org = next(o for o in _mine(names_nlp, text).organizations if o.name == "Seoul Business Agency")
    assert [text[s:e] for s, e in org.mentions] == ["Seoul Business Agency", "SBA", "SBA"]


# texts that name places, programmes or headlines, none of which is an organisation
NOT_ORGANIZATIONS = [
    ("Busan welcomed more visitors this summer.", "Busan"),
    ("KRW 5 billion will be spent on the Green Startup Fund.", "KRW"),
    ("Applicants can join the Youth Jobs Program from May.", "Youth Jobs Program"),
]


@pytest.mark.parametrize("text,name", NOT_ORGANIZATIONS)
def test_not_organizations(names_nlp, text, name):
    assert name not in {o.name for o in _mine(names_nlp, text).organizations}


def test_two_bodies_joined_by_and_are_split(names_nlp):
    text = "The Incheon Metropolitan City Government and Incheon Tourism Organization signed the deal."
    names = {o.name for o in _mine(names_nlp, text).organizations}
    assert {"Incheon Metropolitan City Government", "Incheon Tourism Organization"} <= names


def test_role_words_stay_out_of_organization_names(names_nlp):
    text = "The talk was given by Lee Joon, Vice President of the Korea Energy Institute, after lunch."
    names = {o.name for o in _mine(names_nlp, text).organizations}
    assert names == {"Korea Energy Institute"}
