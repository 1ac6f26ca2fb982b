"""Name keys: spelling variants of one name share a key; different names do not."""

from __future__ import annotations

import pytest

from release_miner.extract.namekey import family_name, is_korean_syllables, korean_parts, name_key

SAME = [
    ("Park Heongjoon", "Park Heong-joon"),
    ("Park Heongjoon", "Park Hyungjoon"),
    ("Park Heongjoon", "Park Hyungjun"),
    ("Park Hyung-jun", "Park Heong-joon"),
    ("Kim Doo-gyeom", "Kim Du-gyeom"),
    ("Dong Yeon Kim", "Kim Dong-yeon"),
    ("Jeong-bok Yoo", "Yoo Jeong-bok"),
    ("Lee Gangdeok", "Lee Kang-deok"),
    ("Yoon Suk-yeol", "Yoon Suk Yeol"),
    ("Yi Jae-joon", "Lee Jae-jun"),
    ("Jenny A. Durkan", "Jenny Durkan"),
]

DIFFERENT = [
    ("Park Heong-joon", "Park Seong-hoon"),
    ("Park Heong-joon", "Kim Heong-joon"),
    ("Lee Jae-myung", "Lee Jae-joon"),
    ("John Lee", "Lee John-ho"),
    ("Sadiq Khan", "Sadia Khan"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_names_differ(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("word,expected", [
    ("Heong-joon", True), ("Sukyeol", True), ("Gangdeok", True), ("John", False), ("Sadiq", False),
    ("Victoria", False),
])
def test_korean_syllables(word, expected):
    assert is_korean_syllables(word) is expected


def test_family_name_in_either_order():
    assert korean_parts("Dong Yeon Kim") == ("Kim", "Dong Yeon")
    assert family_name("Park Heong-joon") == "Park"
    assert family_name("Brandon Johnson") == "Johnson"
