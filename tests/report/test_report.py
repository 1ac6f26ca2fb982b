"""The report page built from a real SQLite dataset: content, filters, queue, self-containment, escaping."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from lxml import html as lxml_html

from release_miner.report import LOW_CONFIDENCE, build_report, load_report_data, review_queue, write_report
from release_miner.report.render import safe_url

from release_miner.records import Figure, Release

from .chromium import CHROMIUM, dump_dom
from .dataset import HOSTILE_TEXT, HOSTILE_TITLE, build_dataset, figure, hostile_release, policy, release_set
from .dom import page_data


def _page(db, **kw):
    return lxml_html.document_fromstring(build_report(db, **kw))


@pytest.fixture
def rendered(dataset, tmp_path):
    """The page's DOM after its script drew it, in headless chromium."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    return lxml_html.document_fromstring(dump_dom(write_report(dataset, tmp_path / "r.html").as_uri()))


def _articles(doc):
    return doc.xpath("//article[contains(@class, 'release')]")


def test_releases_newest_first(dataset):
    titles = [r["title"] for r in page_data(build_report(dataset))["releases"]]
    by_date = sorted(release_set(), key=lambda r: r.published, reverse=True)
    assert titles == [r.title for r in by_date]


@pytest.mark.browser
def test_each_section_shows_text_link_and_tables(rendered):
    doc = rendered
    for release in release_set():
        (article,) = [a for a in _articles(doc) if a.xpath("string(.//h3)") == release.title]
        (text,) = article.xpath(".//div[@class='text']")
        assert text.text_content() == release.text
        marks = text.xpath(".//mark")
        assert {m.get("class").split()[1] for m in marks} >= {"k-figure"}
        links = article.xpath(".//a[@class='source']/@href")
        assert links == ([release.url] if release.url else [])
        captions = [c.text for c in article.xpath(".//table/caption")]
        expected = [name for name, field in (("Figures", "figures"), ("Dates", "dates"), ("People", "people"),
                                              ("Organizations", "organizations"), ("Policies", "policies"))
                    if getattr(release, field)]
        assert captions == expected
        if release.policies:
            table = article.xpath(".//table[caption='Policies']")[0]
            rows = table.xpath("./tbody/tr")
            assert [r.xpath("string(td[1])") for r in rows] == [p.text for p in release.policies]
            assert [r.xpath("string(td[3])") for r in rows] == [f"{p.confidence:.2f}" for p in release.policies]


@pytest.mark.browser
def test_overview_counts_match_the_dataset(rendered):
    doc = rendered
    cards = {c.get("data-count"): c.xpath("string(span[@class='n'])") for c in doc.xpath("//div[@data-count]")}
    releases = release_set()
    assert cards["releases"] == str(len(releases))
    assert cards["figures"] == str(sum(len(r.figures) for r in releases))
    assert cards["policies"] == str(sum(len(r.policies) for r in releases))
    # distinct people: Kim Minjun and Sadiq Rahman are grouped persons, Ana Ruiz is not linked;
    # distinct organizations: Busan Metropolitan City is named by two releases but counts once
    assert cards["people"] == "3" and cards["organizations"] == "3"
    currencies = doc.xpath("//table[contains(@class,'money')]/tbody/tr/@data-currency")
    assert sorted(currencies) == ["GBP", "KRW", "USD"]
    assert len(doc.xpath("//svg[contains(@class,'chart')]")) == 2 + 2 * len(currencies)  # every currency charted


@pytest.mark.browser
def test_review_queue_comes_first_and_lists_the_three_kinds(rendered):
    doc = rendered
    sections = [s.get("id") for s in doc.xpath("//body/section")]
    assert sections == ["queue", "overview", "releases"]
    queue = doc.get_element_by_id("queue")
    policies, merges, figures = (queue.xpath(f".//details[@id='queue-{n}']//tbody/tr")
                                 for n in ("policies", "merges", "figures"))
    low = [p for r in release_set() for p in r.policies if p.needs_review or p.confidence < LOW_CONFIDENCE]
    assert sorted(r.xpath("string(td[1]/a)") for r in policies) == sorted(p.text for p in low)
    assert [r.xpath("string(td[1]/strong)") + "|" + r.xpath("string(td[2]/strong)") for r in merges] == \
        ["Kim Minjun|Minjun Kim"]  # the rejected suggestion is not in the queue
    unvalued = [f.text for r in release_set() for f in r.figures if f.value is None]
    assert [r.xpath("string(td[1]/a)") for r in figures] == unvalued
    badges = [queue.xpath(f"string(.//details[@id='queue-{n}']//span[@class='badge'])")
              for n in ("policies", "merges", "figures")]
    assert badges == [str(len(low)), "1", str(len(unvalued))]
    assert queue.xpath("string(h2/span)") == str(len(low) + 1 + len(unvalued))
    for link in queue.xpath(".//td[1]/a/@href"):  # every queue link points at a mark in the text
        assert doc.get_element_by_id(link[1:]).tag in ("mark", "span")


@pytest.mark.browser
def test_figures_table_reads_caps_and_plurals(tmp_path):
    t = "Shops may claim up to KRW 4 million. One policy: the Shop Fund."
    release = Release(id="cap", text=t, published="2025-01-02", title="Caps",
                      figures=[figure(t, "up to KRW 4 million", "money", 4_000_000, "KRW", approx=True)],
                      policies=[policy(t, "Shop Fund", "livelihood_stability", 0.9)])
    db = build_dataset(tmp_path / "cap.sqlite", [release], merges=False)
    doc = lxml_html.document_fromstring(dump_dom(write_report(db, tmp_path / "cap.html").as_uri()))
    (row,) = doc.xpath("//table[caption='Figures']/tbody/tr")
    assert row.xpath("string(td[5])") == "" and row.xpath("string(td[6])") == "4,000,000"  # a cap, not "about"
    summary = doc.xpath("string(//details[@class='tables']/summary)")
    assert "1 figure," in summary and "1 policy" in summary and "policies" not in summary
    (card,) = doc.xpath("//div[@data-count='policies']")
    assert card.xpath("string(span[@class='what'])") == "policy"
    ticks = doc.xpath("//div[@id='chart-months']//svg/text[@text-anchor='end']/text()")
    assert ticks == ["0", "1"]  # a count axis has whole numbers only


def test_low_confidence_threshold_is_a_parameter(dataset):
    data = load_report_data(dataset)
    counts = [len(review_queue(data, low_confidence=t).policies) for t in (0.0, 0.6, 0.95)]
    assert counts == [1, 2, 6]  # 0.0 keeps only the flagged one; 0.95 takes every policy


@pytest.mark.parametrize("since,expected", [
    (None, {"busan-1", "busan-2", "london-1", "chicago-1"}),
    ("2025", {"busan-1", "busan-2", "london-1"}),
    ("2025-06", {"busan-1", "london-1"}),
    ("2025-06-05", {"london-1"}),
    ("2030-01-01", set()),
])
def test_since_filter(dataset, since, expected):
    assert {v.release.id for v in load_report_data(dataset, since=since).releases} == expected


@pytest.mark.parametrize("city,expected", [
    ("Busan", {"busan-1", "busan-2"}),
    ("pusan", {"busan-1", "busan-2"}),
    ("London", {"london-1"}),
    ("Chicago", {"chicago-1"}),
    ("Springfield", set()),
])
def test_city_filter(dataset, city, expected):
    assert {v.release.id for v in load_report_data(dataset, city=city).releases} == expected


def test_filters_reach_the_merge_suggestions(dataset):
    assert len(load_report_data(dataset, city="Busan").merges) == 1
    assert load_report_data(dataset, city="London").merges == []
    assert len(load_report_data(dataset).merges) == 1


def test_malformed_since_is_refused(dataset):
    with pytest.raises(ValueError, match="since"):
        load_report_data(dataset, since="last week")


def test_an_empty_dataset_still_renders(tmp_path):
    db = build_dataset(tmp_path / "empty.sqlite", [], merges=False)
    doc = _page(db)
    assert page_data(build_report(db))["releases"] == [] and doc.xpath("//p[@class='empty']")


def test_write_report_replaces_the_file_whole(dataset, tmp_path):
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    out.write_text("old")
    assert write_report(dataset, out) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(out.parent.glob("*.partial"))


def test_missing_dataset_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "nope.sqlite", tmp_path / "r.html")
    assert not (tmp_path / "nope.sqlite").exists()


# ---- self-contained and safe ----------------------------------------------------------

def test_no_external_resources(dataset):
    page = build_report(dataset)
    doc = lxml_html.document_fromstring(page)
    assert not doc.xpath("//*[@src] | //link | //iframe | //object | //embed | //img")
    assert "@import" not in page and "url(" not in page
    # the only links are in-page anchors and the releases' own source URLs
    for href in doc.xpath("//a/@href"):
        assert href.startswith("#") or href in {r.url for r in release_set()}


def test_csp_allows_only_the_report_script(dataset):
    doc = _page(dataset)
    (meta,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
    csp = meta.get("content")
    (script,) = doc.xpath("//script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert "default-src 'none'" in csp and f"'sha256-{digest}'" in csp and "unsafe-inline' ;" not in csp
    assert not re.search(r"script-src[^;]*unsafe-inline", csp)


@pytest.mark.parametrize("csp", [True, False])
def test_hostile_strings_stay_text(tmp_path, csp):
    db = build_dataset(tmp_path / "h.sqlite", [*release_set(), hostile_release()])
    page = build_report(db, csp=csp)
    doc = lxml_html.document_fromstring(page)
    assert len(doc.xpath("//script")) == 1  # ours
    assert not doc.xpath("//img | //iframe | //svg//script | //body//style")
    handlers = [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    assert handlers == []
    (template,) = doc.xpath("//template[@id='report-data']")
    assert len(template) == 0 and "<" not in template.text  # the data is one inert text node
    (hostile,) = [r for r in page_data(page)["releases"] if r["title"] == HOSTILE_TITLE]
    assert hostile["text"] == HOSTILE_TEXT  # escaped for the page, exact for the script
    assert hostile["url"] is None and hostile["raw_url"].startswith("javascript:")  # never made a link


@pytest.mark.parametrize("url,expected", [
    ("https://www.busan.go.kr/a?b=1", "https://www.busan.go.kr/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JAVASCRIPT:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.org/x", None),
    ("file:///etc/passwd", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_review_queue_threshold_is_the_classifiers_review_threshold() -> None:
    from release_miner.classify.model import REVIEW_THRESHOLD
    from release_miner.report import LOW_CONFIDENCE

    assert LOW_CONFIDENCE == REVIEW_THRESHOLD


@pytest.mark.browser
def test_a_release_with_many_mentions_draws_its_tables_in_part(tmp_path):
    from .chromium import DevTools

    t = " ".join(f"Grant {i} gives {i + 1} million won." for i in range(150))
    figures = []
    for i in range(150):
        needle = f"{i + 1} million won"
        s = t.index(needle, t.index(f"Grant {i} "))
        figures.append(Figure(needle, s, s + len(needle), "money", (i + 1) * 1_000_000, "KRW"))
    db = build_dataset(tmp_path / "many.sqlite", [Release(id="many", text=t, title="Many", figures=figures)],
                       merges=False)
    with DevTools() as browser:
        browser.open(write_report(db, tmp_path / "many.html").as_uri())
        rows = "document.querySelectorAll('article table tbody tr').length"
        assert browser.evaluate(rows) == 100
        assert browser.evaluate("document.querySelectorAll('article .text mark').length") == 150  # text: all marked
        browser.evaluate("document.querySelector('article .scroll button.more').click()")
        assert browser.evaluate(rows) == 150
