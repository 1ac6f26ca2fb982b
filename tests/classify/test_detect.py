"""Rule candidates: each detection rule finds the spans it is meant for, with exact offsets."""

from __future__ import annotations

import pytest

from release_miner.classify.detect import _trim, candidates

pytestmark = pytest.mark.slow

CASES = [
    # (text, expected candidate, rule)
    ('The city opened the “Harbour Makers Fund” for young founders.', "Harbour Makers Fund", "quote"),
    ("The council approved the Green Corridor Transit Project on Monday.", "Green Corridor Transit Project", "title"),
    ("It will expand low-interest loans for struggling bakeries next year.",
     "low-interest loans for struggling bakeries", "head+pp"),
    ("Measures include rent rebates, utility vouchers and free delivery apps for corner shops.",
     "utility vouchers", "list"),
    ("The package has three parts:\n● Night Market Revival\n● Shopfront Repair Grants\n", "Shopfront Repair Grants",
     "bullet"),
    ("Main tasks are ▲ expanding cargo routes ▲ building a drone test range.", "building a drone test range",
     "inline-bullet"),
    ("The city plans to build a marine robotics testbed near the harbour.",
     "build a marine robotics testbed near the harbour", "verb"),
    ("Key steps are the designation of a free trade zone for biotech firms.",
     "designation of a free trade zone for biotech firms", "action+pp"),
]


@pytest.mark.parametrize("text,expected,rule", CASES)
def test_rule_finds_span(nlp, text: str, expected: str, rule: str) -> None:
    found = {c.text: c for c in candidates(nlp(text))}
    assert expected in found, sorted(found)
    cand = found[expected]
    assert rule in cand.sources
    assert text[cand.start:cand.end] == cand.text


def test_offsets_always_point_at_text(nlp) -> None:
    text = ("Mayor Lee Announces “Blue Economy 2030” Plan\n- Smart Port Logistics Hub: a new terminal\n"
            "The plan, which includes ‘Ocean Data Platform’ and tax breaks for shipyards, starts in May.")
    cands = candidates(nlp(text))
    assert cands
    for c in cands:
        assert text[c.start:c.end] == c.text
        assert c.text == c.text.strip() and "\n" not in c.text


@pytest.mark.parametrize("raw,trimmed", [
    ("the new Startup Voucher,", "Startup Voucher"),
    ("“Clean Air Pledge", "Clean Air Pledge"),
    ("tax credits and", "tax credits"),
    ("Harbour Fund (100 billion won", "Harbour Fund"),
])
def test_trim(raw: str, trimmed: str) -> None:
    start, end = _trim(raw, 0, len(raw))
    assert raw[start:end] == trimmed


def test_no_candidates_in_plain_prose(nlp) -> None:
    assert candidates(nlp("it rained on tuesday and nobody came.")) == []
