from __future__ import annotations

import pytest

from release_miner.crawl.urls import (AddressPolicy, UnsafeURL, canonical_url, is_attachment_url, is_public_address,
                                      twin_hosts)


@pytest.mark.parametrize("url, base, expected", [
    ("HTTP://Example.GOV:80/news/a.html#top", None, "http://example.gov/news/a.html"),
    ("https://example.gov:443/news", None, "https://example.gov/news"),
    ("https://example.gov:8443/news", None, "https://example.gov:8443/news"),
    ("/news/a.html?utm_source=x&utm_medium=email&id=7", "https://example.gov/", "https://example.gov/news/a.html?id=7"),
    ("a.html?fbclid=abc&gclid=1", "https://example.gov/news/", "https://example.gov/news/a.html"),
    ("/eng/board/1751134?&curPage=&srchYear=&srchKey=&check=", "https://www.busan.go.kr/",
     "https://www.busan.go.kr/eng/board/1751134"),
    ("?curPage=2&srchKey=", "https://www.busan.go.kr/eng/board", "https://www.busan.go.kr/eng/board?curPage=2"),
    ("/list?page=2&cat=b&a=1", "https://example.gov/", "https://example.gov/list?a=1&cat=b&page=2"),
    ("/news//a%7Eb.html", "https://example.gov/", "https://example.gov/news/a~b.html"),
    ("https://example.gov", None, "https://example.gov/"),
    ("mailto:press@example.gov", None, None),
    ("javascript:void(0)", "https://example.gov/", None),
    ("ftp://example.gov/file", None, None),
])
def test_canonical_url(url, base, expected):
    assert canonical_url(url, base) == expected


def test_canonical_url_is_idempotent():
    once = canonical_url("https://Example.gov/a b/c.html?z=1&utm_campaign=q&a=2#f")
    assert once == "https://example.gov/a%20b/c.html?a=2&z=1"
    assert canonical_url(once) == once


@pytest.mark.parametrize("url, expected", [
    ("https://x.gov/files/report.pdf", True),
    ("https://x.gov/files/notice.HWP", True),
    ("https://x.gov/files/data.xlsx", True),
    ("https://x.gov/news/report.html", False),
    ("https://x.gov/news/2025.03/item", False),
    ("https://x.gov/comm/getFile?fileNo=1", False),
])
def test_attachment_by_suffix(url, expected):
    assert is_attachment_url(url) is expected


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("8.8.8.8", True), ("203.250.1.1", True), ("2001:4860:4860::8888", True),
])
def test_public_addresses(address, public):
    assert is_public_address(address) is public


def test_policy_blocks_private_hosts_unless_named_or_allowed():
    policy = AddressPolicy({"127.0.0.1:8000"})
    policy.check("http://127.0.0.1:8000/news/")  # named as a start URL
    for url in ("http://localhost:8000/", "http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8000/"):
        with pytest.raises(UnsafeURL):
            policy.check(url)
    AddressPolicy(allow_private=True).check("http://10.0.0.7/admin")
    with pytest.raises(UnsafeURL):
        policy.check("file:///etc/passwd")


def test_twin_hosts():
    assert twin_hosts("busan.go.kr") == {"busan.go.kr", "www.busan.go.kr"}
    assert twin_hosts("www.london.gov.uk:8080") == {"www.london.gov.uk:8080", "london.gov.uk:8080"}


def test_policy_checks_the_address_actually_connected_to():
    policy = AddressPolicy({"127.0.0.1:8000"})
    policy.check_peer("https://city.example/news", "93.184.216.34")
    policy.check_peer("http://127.0.0.1:8000/", "127.0.0.1")         # a named host
    with pytest.raises(UnsafeURL, match="connected to non-public address"):
        policy.check_peer("https://city.example/news", "10.0.0.8")   # DNS changed its answer
    AddressPolicy(allow_private=True).check_peer("https://city.example/news", "10.0.0.8")


def test_trust_is_the_named_origin_not_the_hostname():
    policy = AddressPolicy({"http://127.0.0.1:8000/news/"})
    policy.check("http://127.0.0.1:8000/other")
    for url in ("http://127.0.0.1:8001/", "https://127.0.0.1:8000/", "http://127.0.0.1/"):
        assert not policy.is_trusted(url)
        with pytest.raises(UnsafeURL):
            policy.check(url)
    assert AddressPolicy({"http://127.0.0.1/"}).is_trusted("http://127.0.0.1:80/x")
    assert AddressPolicy({"127.0.0.1"}).is_trusted("https://127.0.0.1/x")
    assert not AddressPolicy({"127.0.0.1"}).is_trusted("http://127.0.0.1:8080/x")
