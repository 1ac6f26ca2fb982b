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
    ("Shops hit by the storm get local tax deferrals until spring.", "local tax deferrals", "chunk"),
    ("The city ordered inspections of high-risk areas after the rain.", "inspections of high-risk areas",
     "chunk+pp"),
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


@pytest.mark.parametrize("text,expected,absent", [
    ("The city will create a 150 Billion Won Youth Jobs Fund this year.", "Youth Jobs Fund",
     "150 Billion Won Youth Jobs Fund"),
    ("It announced $3 Million in Main Street Repair Grants.", "Main Street Repair Grants",
     "$3 Million in Main Street Repair Grants"),
    ("Mayor Announces $25 Million in Corner Shop Repair Grants", "Corner Shop Repair Grants",
     "Million in Corner Shop Repair Grants"),
])
def test_a_leading_amount_is_not_part_of_the_name(nlp, text: str, expected: str, absent: str) -> None:
    found = {c.text for c in candidates(nlp(text))}
    assert expected in found and absent not in found, sorted(found)


def test_a_quoted_remark_is_not_a_candidate_but_a_quoted_name_is(nlp) -> None:
    text = ('"We will stand by every small business owner," the mayor said, opening the '
            '"Corner Shop Lifeline" scheme.')
    found = {c.text for c in candidates(nlp(text))}
    assert "Corner Shop Lifeline" in found
    assert not any(t.startswith("We will stand by") for t in found), sorted(found)


def test_strip_amount_keeps_a_name_that_starts_with_a_number() -> None:
    from release_miner.classify.detect import _strip_amount

    assert _strip_amount("2030 Busan World Expo") == 0
    assert _strip_amount("3 New Parks Programme") == 0
    assert _strip_amount("150 Billion Won Youth Jobs Fund") == len("150 Billion Won ")
    assert _strip_amount("3 new parks") == 0


def test_a_fragment_across_a_clause_break_is_not_a_candidate(nlp) -> None:
    text = "The city opens a £12 million fund, delivered with local colleges across the capital."
    assert not any(c.text.startswith("fund,") for c in candidates(nlp(text)))
