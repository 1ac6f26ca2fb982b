from __future__ import annotations

import pytest
import soupsieve

from release_miner.crawl.adapters import AdapterError, adapter_for, adapter_named, load_adapters
from release_miner.crawl.urls import canonical_url

ADAPTERS = load_adapters()


def test_shipped_adapters_are_valid():
    names = {a.name for a in ADAPTERS}
    assert {"busan-en", "london"} <= names
    for adapter in ADAPTERS:
        assert adapter.start_urls and adapter.release_path is not None and adapter.listing_path is not None
        for key, selector in adapter.selectors.items():
            soupsieve.compile(selector)   # raises on an invalid CSS selector
        for url in adapter.start_urls:
            assert adapter_for(url, ADAPTERS) is adapter and adapter.is_listing(url), (adapter.name, url)


@pytest.mark.parametrize("url, name", [
    ("https://www.busan.go.kr/eng/ai-translated-press-releases/1751134", "busan-en"),
    ("https://www.busan.go.kr/eng/ai-translated-press-releases?curPage=3", "busan-en"),
    ("https://www.busan.go.kr/depart/envnews?curPage=2", "busan-ko-dept"),
    ("https://www.busan.go.kr/nbtnewsBU/1234567", "busan-ko-dept"),
    ("https://www.london.gov.uk/media-centre/mayors-press-releases/mayor-opens-new-park", "london"),
    ("https://www.london.gov.uk/press-releases-7123", "london"),
    ("https://www.nyc.gov/office-of-the-mayor/news/123-25/mayor-announces-plan", "nyc"),
    ("https://www.toronto.ca/news/some-release/", None),
])
def test_adapter_for_url(url, name):
    found = adapter_for(url, ADAPTERS)
    assert (found.name if found else None) == name


def test_release_urls_lose_listing_state():
    busan = adapter_named("busan-en", ADAPTERS)
    linked = canonical_url("https://www.busan.go.kr/eng/ai-translated-press-releases/1751134?&curPage=4&srchYear="
                           "2025&srchKey=&srchText=&check=")
    assert busan.clean(linked) == "https://www.busan.go.kr/eng/ai-translated-press-releases/1751134"
    listing = canonical_url("https://www.busan.go.kr/eng/ai-translated-press-releases?curPage=4&srchKey=")
    assert busan.clean(listing) == listing   # listing pages keep their page number


@pytest.mark.parametrize("toml, message", [
    ('[[site]]\nhosts = ["a.example"]\n', "needs a name"),
    ('[[site]]\nname = "a"\nhosts = []\n', "hosts must be"),
    ('[[site]]\nname = "a"\nhosts = ["a.example"]\nrelease_path = "("\n', "not a valid regular expression"),
    ('[[site]]\nname = "a"\nhosts = ["a.example"]\n[site.selectors]\nheadline = "h1"\n', "unknown selector"),
    ('[[site]]\nname = "a"\nhosts = ["a.example"]\n[[site]]\nname = "a"\nhosts = ["b.example"]\n', "unique"),
    ('[[site]\n', "sites.toml"),
])
def test_malformed_sites_file(tmp_path, toml, message):
    path = tmp_path / "sites.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(AdapterError, match=message):
        load_adapters(path)


def test_unknown_adapter_name_lists_known_ones():
    with pytest.raises(AdapterError, match="busan-en"):
        adapter_named("paris", ADAPTERS)
