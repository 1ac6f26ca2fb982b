"""Records serialise exactly to the contract's output format and back."""

from release_miner.records import DateMention, Figure, Organization, Person, Policy, Release, content_hash


def _release() -> Release:
    text = "Three No Special Fund secured 7.2749 trillion won at 2 p.m. on the 27th."
    return Release(
        id="r1", text=text, published="2025-03-27",
        figures=[Figure("7.2749 trillion won", 30, 49, "money", 7274900000000, "KRW")],
        dates=[DateMention("2 p.m. on the 27th", 53, 71, "time", "2025-03-27T14:00", "minute")],
        people=[Person("Park Heongjoon", ["Park Heong-joon"], "Mayor", None, [[6, 20]])],
        organizations=[Organization("Busan Metropolitan Council", ["BMC"], [])],
        policies=[Policy("Three No Special Fund", 0, 21, "shock_response", 0.91, "small business owners")],
    )


def test_contract_shape():
    out = _release().to_dict(include_text=False)
    assert set(out) == {"id", "published", "url", "title", "figures", "dates", "people", "organizations", "policies"}
    assert out["figures"][0] == {"text": "7.2749 trillion won", "start": 30, "end": 49, "kind": "money",
                                 "value": 7274900000000, "unit": "KRW", "approx": False, "value_max": None}
    assert out["dates"][0]["value"] == "2025-03-27T14:00"
    assert out["people"][0] == {"name": "Park Heongjoon", "aliases": ["Park Heong-joon"], "title": "Mayor",
                                "affiliation": None, "mentions": [[6, 20]]}
    assert out["policies"][0]["category"] == "shock_response"
    assert out["policies"][0]["target"] == "small business owners"


def test_round_trip():
    release = _release()
    again = Release.from_dict(release.to_dict())
    assert again == release
    assert again.mentions_consistent()
    again.figures[0].start += 1
    assert not again.mentions_consistent()


def test_unknown_keys_are_ignored():
    data = _release().to_dict()
    data["figures"][0]["confidence"] = 0.5
    data["gold"] = {"figures": []}
    assert Release.from_dict(data).figures[0].value == 7274900000000


def test_content_hash_ignores_whitespace_only():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")
