"""Bytes of any common encoding become the right text; binary is refused."""

import codecs

import pytest

from release_miner.decoding import UndecodableError, declared_charset, decode_bytes

KOREAN = "부산광역시 소상공인 지원 내용"


@pytest.mark.parametrize(
    "data, declared, expected",
    [
        (f'<meta charset="euc-kr"><p>{KOREAN}</p>'.encode("euc-kr"), None, KOREAN),
        (f'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR"><p>{KOREAN}</p>'.encode("euc-kr"),
         None, KOREAN),
        # "똠" exists only in CP949, yet pages labelled EUC-KR use it
        ('<meta charset="euc-kr"><p>똠방각하</p>'.encode("cp949"), None, "똠방각하"),
        (KOREAN.encode("cp949"), "euc-kr", KOREAN),  # charset from the HTTP header only
        (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), None, KOREAN),
        (KOREAN.encode("utf-16"), None, KOREAN),
        ("café £12 million".encode("utf-8"), None, "café £12 million"),
        ("café £12 million".encode("cp1252"), "iso-8859-1", "café £12 million"),
    ],
)
def test_decodes(data, declared, expected):
    assert expected in decode_bytes(data, declared)


def test_undeclared_korean_is_detected():
    text = ("부산광역시는 올해 소상공인 지원 예산을 확대하고 전통시장 활성화를 위한 다양한 사업을 추진한다고 밝혔다. " * 5)
    assert "소상공인" in decode_bytes(text.encode("euc-kr"))


def test_wrong_declaration_falls_back():
    assert decode_bytes("plain ascii and café".encode("utf-8"), "no-such-charset") == "plain ascii and café"


def test_binary_is_refused():
    with pytest.raises(UndecodableError):
        decode_bytes(b"%PDF-1.7\x00\x01\x02\x03binary")


def test_declared_charset_reads_xml_declaration():
    assert declared_charset(b'<?xml version="1.0" encoding="EUC-KR"?><rss/>') == "cp949"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "UTF16"])
def test_a_utf16_declaration_in_an_ascii_compatible_body_means_utf8(label):
    """The HTML standard reads a <meta> UTF-16 declaration as UTF-8: the bytes were just read as ASCII."""
    page = f'<html><head><meta charset="{label}"><title>Seoul</title></head><body><p>{KOREAN} 2025</p></body></html>'
    assert declared_charset(page.encode("utf-8")) == "utf-8"
    assert KOREAN in decode_bytes(page.encode("utf-8"))
    ascii_page = f'<?xml version="1.0" encoding="{label}"?><p>Budget of 5 billion won</p>'.encode("ascii")
    assert decode_bytes(ascii_page).endswith("<p>Budget of 5 billion won</p>")


def test_a_utf16_page_with_its_bom_is_still_utf16():
    page = '<html><head><meta charset="utf-16"></head><body><p>부산</p></body></html>'
    assert "부산" in decode_bytes(page.encode("utf-16"))
