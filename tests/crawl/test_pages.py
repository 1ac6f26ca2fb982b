from __future__ import annotations

import pytest

from release_miner.crawl.adapters import adapter_named, load_adapters
from release_miner.crawl.pages import analyse, trafilatura_available
from release_miner.decoding import decode_bytes

from .site_server import FIXTURES
from .textscore import CASES, gold_text, page_file, precision_recall

ADAPTERS = load_adapters()


def _analyse(name: str, prefer: str = "auto", use_adapter: bool = True):
    site, path, adapter_name = CASES[name]
    html = decode_bytes(page_file(site, path).read_bytes())
    adapter = adapter_named(adapter_name, ADAPTERS) if adapter_name and use_adapter else None
    return analyse(html, f"https://{site}.example{path}", adapter, prefer=prefer)


@pytest.mark.parametrize("name", sorted(CASES))
def test_release_text_title_and_date(name):
    info = _analyse(name)
    precision, recall = precision_recall(info.text, gold_text(name))
    assert info.kind == "release"
    assert recall >= 0.97, (name, info.text)
    assert precision >= 0.9, (name, info.text)
    assert info.title and info.title.lower() in page_file(*CASES[name][:2]).read_bytes().decode("utf-8", "replace").lower() \
        or name.endswith("euckr")
    assert info.published and info.published.startswith(("2023", "2025"))


@pytest.mark.parametrize("name", sorted(n for n in CASES if n.startswith("riverton/")))
def test_generic_fallback_extractor(name):
    """The extractor used when trafilatura is not installed keeps the text and drops the furniture."""
    info = _analyse(name, prefer="generic")
    precision, recall = precision_recall(info.text, gold_text(name))
    assert info.extractor == "generic"
    assert recall >= 0.95 and precision >= 0.9, (name, info.text)
    for furniture in ("cookies", "Related news", "All rights reserved", "Share this page", "Privacy"):
        assert furniture not in info.text


@pytest.mark.skipif(not trafilatura_available(), reason="trafilatura (the crawl extra) is not installed")
def test_trafilatura_is_the_default_generic_extractor():
    assert _analyse("riverton/harbor-bridge").extractor == "trafilatura"
    # a layout-table page (old Korean boards) falls back to the generic extractor
    assert _analyse("riverton/euckr").extractor == "generic"


def test_adapter_takes_precedence_and_reads_busan_structure():
    info = _analyse("busan/1700101")
    assert info.extractor == "adapter"
    assert info.title == "Busan expands support for small business owners hit by high interest rates"
    assert info.published == "2025-06-26"
    assert info.text.startswith("◈ Special guarantee loans")
    assert "내용" not in info.text and "Views" not in info.text and "Haeundae" not in info.text
    assert [a.url for a in info.attachments] == [
        "https://busan.example/comm/getFile?fileNo=1&fileTy=ATTACH&srvcId=BBSTY1&upperNo=1700101"]
    generic = _analyse("busan/1700101", use_adapter=False)
    assert generic.extractor != "adapter"


def test_london_adapter_reads_created_on_date_and_standfirst():
    info = _analyse("london/new-cycleways-open-in-south-london")
    assert info.published == "2023-10-02"
    assert info.text.splitlines()[0] == "The new routes add 12 kilometres of protected cycle lanes."
    assert "Related press releases" not in info.text and "Topics" not in info.text


def _kind(site: str, path: str, adapter: str | None = None) -> str:
    html = decode_bytes(page_file(site, path).read_bytes())
    return analyse(html, f"https://{site}.example{path}",
                   adapter_named(adapter, ADAPTERS) if adapter else None).kind


@pytest.mark.parametrize("site, path, adapter, kind", [
    ("riverton", "/news/", None, "listing"),
    ("riverton", "/news/index.html@page=2", None, "listing"),
    ("riverton", "/", None, "other"),
    ("riverton", "/about.html", None, "other"),
    ("riverton", "/contact.html", None, "other"),
    ("riverton", "/news/harbor-bridge.html", None, "release"),
    ("busan", "/eng/ai-translated-press-releases/", None, "listing"),
    ("busan", "/eng/ai-translated-press-releases/", "busan-en", "listing"),
    ("london", "/media-centre/mayors-press-releases/", None, "listing"),
])
def test_page_kinds(site, path, adapter, kind):
    assert _kind(site, path, adapter) == kind


def test_links_pagination_and_item_dates():
    html = decode_bytes((FIXTURES / "busan/eng/ai-translated-press-releases/index.html").read_bytes())
    info = analyse(html, "https://www.busan.go.kr/eng/ai-translated-press-releases",
                   adapter_named("busan-en", ADAPTERS))
    items = [link for link in info.links if link.in_item]
    assert [link.url for link in items] == [
        f"https://www.busan.go.kr/eng/ai-translated-press-releases/{n}" for n in (1700105, 1700104, 1700103)]
    assert [link.item_date for link in items] == ["2025-07-24", "2025-07-17", "2025-07-10"]
    nexts = [link.url for link in info.links if link.is_next]
    assert nexts == ["https://www.busan.go.kr/eng/ai-translated-press-releases?curPage=2"]


def test_without_trafilatura_the_generic_extractor_serves(monkeypatch):
    """trafilatura is an optional extra: when it cannot be imported, extraction falls back quietly."""
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)   # makes ``import trafilatura`` fail
    assert not trafilatura_available()
    info = _analyse("riverton/harbor-bridge")
    assert info.extractor == "generic" and info.kind == "release"
    assert precision_recall(info.text, gold_text("riverton/harbor-bridge"))[1] >= 0.97
