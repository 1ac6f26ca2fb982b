"""The report in a real browser (Debian's headless chromium): scripts run, search filters,
the page renders, and a hostile release never executes anything."""

from __future__ import annotations

import struct
import time
from urllib.parse import quote

import pytest
from lxml import html as lxml_html

from release_miner.report import build_report, write_report

from .chromium import DevTools, dump_dom, needs_chromium, screenshot
from .dataset import build_dataset, hostile_release, release_set

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def report_url(dataset, tmp_path) -> str:
    return write_report(dataset, tmp_path / "report.html").as_uri()


def _visible(doc) -> list[str]:
    """Releases drawn: the page draws only the releases the filters keep."""
    return [a.get("id") for a in doc.xpath("//article[contains(@class,'release')]") if a.get("hidden") is None]


def test_scripts_run_under_the_page_csp(report_url):
    doc = lxml_html.document_fromstring(dump_dom(report_url))
    body = doc.find("body")
    assert body.get("data-ready") == "1"  # the inline script ran: its CSP hash matches
    assert len(_visible(doc)) == len(release_set())


@pytest.mark.parametrize("fragment,expected_titles", [
    ("q=harbour", {"Harbour Recovery Fund for shipbuilding suppliers"}),
    ("q=" + quote("billion won"), {"Harbour Recovery Fund for shipbuilding suppliers", "AI Startup Campus"}),
    ("category=livelihood_stability", {"Warm Homes Grant"}),
    ("city=Busan&q=campus", {"AI Startup Campus"}),
    ("review=1", {"Harbour Recovery Fund for shipbuilding suppliers", "AI Startup Campus"}),
    ("q=zzzz-not-there", set()),
])
def test_filters_from_the_url_fragment(report_url, fragment, expected_titles):
    doc = lxml_html.document_fromstring(dump_dom(f"{report_url}#{fragment}"))
    shown = {doc.get_element_by_id(i).xpath("string(h3)") for i in _visible(doc)}
    assert shown == expected_titles
    assert doc.get_element_by_id("shown").text == f"{len(expected_titles)} of {len(release_set())} releases shown"


def test_typing_in_the_search_box_filters_releases_and_queue(report_url):
    with DevTools() as browser:
        browser.open(report_url)
        assert browser.evaluate("document.querySelectorAll('article.release:not([hidden])').length") == 4
        browser.type_into("#q", "startup")
        visible = browser.evaluate("[...document.querySelectorAll('article.release:not([hidden]) h3')]"
                                   ".map(h => h.textContent)")
        assert visible == ["AI Startup Campus"]
        # queue rows about hidden releases are hidden too; the startup release's own rows stay
        rows = browser.evaluate("[...document.querySelectorAll('#queue tbody tr')]"
                                ".map(tr => [tr.hidden, tr.textContent.includes('AI Startup Campus')])")
        assert rows and all(hidden == (not about_it) for hidden, about_it in rows)
        assert browser.evaluate("location.hash") == "#q=startup"
        browser.evaluate("document.getElementById('q').select()")
        browser.type_into("#q", "Warm homes")  # replaces the selection; case does not matter
        assert browser.evaluate("document.getElementById('shown').textContent") == "1 of 4 releases shown"


def test_legend_toggles_a_kind_of_highlight(report_url):
    with DevTools() as browser:
        browser.open(report_url)
        colour = "getComputedStyle(document.querySelector('.text mark.k-figure')).backgroundColor"
        before = browser.evaluate(colour)
        browser.evaluate("document.querySelector('#legend input[data-kind=figure]').click()")
        assert browser.evaluate(colour) == "rgba(0, 0, 0, 0)" != before


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_screenshot_is_a_real_picture(report_url, tmp_path):
    data = screenshot(report_url, tmp_path / "report.png", size=(1280, 2400))
    assert _png_size(data) == (1280, 2400)
    assert len(data) > 50_000  # text, charts and colours; a blank page compresses to a few kB


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_hostile_release_never_runs(tmp_path, csp):
    db = build_dataset(tmp_path / "h.sqlite", [*release_set(), hostile_release()])
    page = tmp_path / "hostile.html"
    page.write_text(build_report(db, csp=csp), encoding="utf-8")
    with DevTools() as browser:
        browser.open(page.as_uri())
        assert browser.evaluate("document.body.dataset.ready") == "1"
        assert browser.evaluate("document.title") == "Release review report"
        assert browser.evaluate("document.body.dataset.pwned || document.documentElement.dataset.pwned || ''") == ""
        assert browser.evaluate("document.querySelectorAll('script').length") == 1
        assert browser.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload]').length") == 0
        # hover and click everything a reviewer might touch: no handler is attached anywhere
        browser.evaluate("document.querySelectorAll('mark, span, td, i, a').forEach(e => {"
                         "e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                         "if (e.tagName !== 'A') e.click(); })")
        assert browser.evaluate("document.body.dataset.pwned || document.documentElement.dataset.pwned || ''") == ""
        shown = browser.evaluate("document.querySelector('article:last-of-type h3, article h3') && "
                                 "[...document.querySelectorAll('article h3')].map(h => h.textContent)")
        assert hostile_release().title in shown  # the markup is visible as text
        assert browser.evaluate("getComputedStyle(document.body).display") == "block"  # injected <style> inert


def test_print_layout_hides_controls_and_shows_every_table(report_url):
    with DevTools() as browser:
        browser.open(report_url)
        browser.evaluate("document.querySelector('details.tables').open = false")
        browser.call("Emulation.setEmulatedMedia", media="print")
        assert browser.evaluate("getComputedStyle(document.getElementById('controls')).display") == "none"
        assert browser.evaluate("getComputedStyle(document.querySelector('.text mark.k-figure')).backgroundColor") \
            != "rgba(0, 0, 0, 0)"  # highlights keep their colours on paper
        browser.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert browser.evaluate("[...document.querySelectorAll('details.tables')].every(d => d.open)")
        pdf = browser.call("Page.printToPDF")["data"]
        assert pdf.startswith("JVBERi0")  # base64 of "%PDF-"


def test_following_a_link_into_a_hidden_release_clears_the_filters(report_url):
    with DevTools() as browser:
        browser.open(report_url)
        browser.type_into("#q", "warm homes")
        assert browser.evaluate("document.getElementById('r1')") is None  # filtered out: not drawn
        browser.evaluate("new Promise(done => { window.addEventListener('hashchange', () => done(true), {once: true});"
                         " location.hash = 'r1-policy-0'; })")  # resolves after the page's own listener
        assert browser.evaluate("document.getElementById('r1-policy-0').closest('article').id") == "r1"
        assert browser.evaluate("document.getElementById('q').value") == ""


# ---- numbers that follow the filters ---------------------------------------------------------

def _overview(browser) -> dict:
    return browser.evaluate("""(() => ({
        cards: Object.fromEntries([...document.querySelectorAll('#cards .card')].map(c =>
            [c.dataset.count, c.querySelector('.n').textContent])),
        money: Object.fromEntries([...document.querySelectorAll('#money-rows tr')].map(tr =>
            [tr.dataset.currency, tr.cells[3].textContent])),
        charts: [...document.querySelectorAll('#money-charts [data-currency]')].map(d => d.dataset.currency),
        queue: [...document.querySelectorAll('#queue details')].map(d => [
            Number(d.querySelector('.badge').textContent), d.querySelectorAll('tbody tr').length,
            d.querySelectorAll('table').length]),
    }))()""")


def _check_queue(queue) -> None:
    """Every badge counts its rows, and a part with nothing in it shows no table."""
    for badge, rows, tables in queue:
        assert badge == rows and (tables == 1) == (rows > 0)


def test_filters_change_the_overview_and_the_queue(report_url):
    with DevTools() as browser:
        browser.open(report_url)
        everything = _overview(browser)
        assert everything["cards"]["releases"] == "4"
        assert everything["money"] == {"KRW": "165,000,000,000", "USD": "10,500,000", "GBP": "25,000,000"}
        assert sorted(everything["charts"]) == ["GBP", "KRW", "USD"]
        _check_queue(everything["queue"])
        browser.evaluate("location.hash = 'city=London'")
        browser.evaluate("new Promise(done => setTimeout(done, 50))")
        london = _overview(browser)
        assert london["cards"] == {"releases": "1", "figures": "2", "dates": "1", "people": "2",
                                   "organizations": "1", "policies": "2"}
        assert london["money"] == {"GBP": "25,000,000"} and london["charts"] == ["GBP"]
        _check_queue(london["queue"])
        assert [badge for badge, _, _ in london["queue"]] == [0, 0, 0]
        browser.evaluate("document.getElementById('city').value = ''")
        browser.type_into("#q", "shipbuilding")
        harbour = _overview(browser)
        assert harbour["cards"]["releases"] == "1" and harbour["money"] == {"KRW": "120,000,000,000"}
        assert harbour["cards"]["people"] == "1"
        _check_queue(harbour["queue"])
        assert [badge for badge, _, _ in harbour["queue"]] == [0, 1, 0]  # Kim Minjun's merge suggestion


@pytest.mark.slow
def test_money_totals_of_the_samples_equal_a_hand_count(tmp_path):
    from release_miner.cli import main

    from ..conftest import SAMPLES

    page = tmp_path / "samples.html"
    assert main(["run", str(SAMPLES), "--db", str(tmp_path / "s.sqlite"), "--report", str(page), "-q"]) == 0
    # Counted by hand from the sample texts: each distinct amount of a release once; left out are
    # headlines repeated in the body, caps per business / company / home, "each" amounts, the
    # monthly allowance, the hourly wage, the grant-size range, the won conversion of US$300 million,
    # and the 30 + 120 billion won contributions that make up the 150 billion won fund.
    hand = {
        "USD": 25_000_000 + 300_000_000 + 236_000_000,  # Chicago grants, Incheon centre, NYC jobs
        "KRW": (6_500_000_000 + 150_000_000_000 + 50_000_000_000 + 4_500_000_000  # Busan x2, Daegu, Seoul
                + 1_000_000_000_000 + 420_000_000_000),  # Ulsan complex and its agreements
        "GBP": 12_000_000 + 3_500_000,  # London fund and last year's pilot
        "CAD": 1_200_000_000,  # Toronto development charges
    }
    with DevTools() as browser:
        browser.open(page.as_uri())
        money = _overview(browser)["money"]
    assert money == {c: f"{v:,}" for c, v in hand.items()}


# ---- layout ---------------------------------------------------------------------------------

def test_a_phone_width_page_does_not_overflow(report_url):
    with DevTools() as browser:
        browser.set_width(420)
        browser.open(report_url)
        assert browser.evaluate("document.documentElement.scrollWidth") <= 420
        assert browser.evaluate("getComputedStyle(document.querySelector('article td')).overflowWrap") == "break-word"
        assert browser.evaluate("[...document.querySelectorAll('.scroll')].every(s => s.getBoundingClientRect().right <= 420)")


def test_a_release_s_tables_read_on_a_phone_without_sideways_scrolling(report_url):
    """At 420 px every row of a release's tables is a card: nothing scrolls sideways, the review
    controls are on screen, and each cell is led by its column's name (also after a redraw)."""
    fits = """[...document.querySelectorAll('article.release .scroll')].every(
                  s => s.scrollWidth <= s.clientWidth + 1)"""
    labels = """[...document.querySelectorAll('article.release table.grid tbody td')].every(
                  td => td.dataset.label
                        && getComputedStyle(td, '::before').content === JSON.stringify(td.dataset.label))"""
    controls = """[...document.querySelectorAll('article.release table.grid button')].every(
                  b => b.getBoundingClientRect().right <= 420)"""
    with DevTools() as browser:
        browser.set_width(420)
        browser.open(report_url)
        assert browser.evaluate("document.querySelectorAll('article.release table.grid tbody td').length") > 0
        assert browser.evaluate(fits) and browser.evaluate(controls) and browser.evaluate(labels)
        browser.evaluate("""(() => {
            const row = document.querySelector('article.release button.fix').closest('tr');
            row.querySelector('input').value = '7';
            row.querySelector('button.fix').click(); })()""")
        assert browser.evaluate("new Promise(done => setTimeout(() => done(true), 50))")
        assert browser.evaluate(labels)  # the redrawn row is labelled again
        browser.set_width(1280)
        assert browser.evaluate("getComputedStyle(document.querySelector('article.release thead')).display") != "none"


def _platform_fonts(browser: DevTools, selector: str) -> list[dict]:
    """The fonts the browser drew ``selector``'s text with, once it has drawn it.

    Chromium answers with no fonts for text it has not laid out yet (fonts still loading, or a
    node the report's script replaced after the query), so wait for the fonts, force a layout and
    ask again about a freshly looked-up node until the answer names a face.
    """
    for _ in range(200):
        browser.evaluate("document.fonts.ready.then(() => document.body.getBoundingClientRect().height)")
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        fonts = browser.call("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]
        if fonts:
            return fonts
        time.sleep(0.05)
    return []


def test_korean_text_is_drawn_with_a_cjk_font(tmp_path):
    from release_miner.records import Release

    text = "부산시는 소상공인 폐업 지원에 65억 원을 투입한다고 밝혔다."
    db = build_dataset(tmp_path / "ko.sqlite", [Release(id="ko-1", text=text, title="폐업 지원", published="2025-03-26")],
                       merges=False)
    page = write_report(db, tmp_path / "ko.html")
    with DevTools() as browser:
        browser.open(page.as_uri())
        browser.call("DOM.enable")
        browser.call("CSS.enable")
        fonts = _platform_fonts(browser, "article .text")
        families = browser.evaluate("getComputedStyle(document.querySelector('article .text')).fontFamily")
    assert "Noto Sans CJK KR" in families and "Malgun Gothic" in families  # named, not left to the system
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in text)
    cjk = sum(f["glyphCount"] for f in fonts if "CJK" in f["familyName"] or "KR" in f["familyName"])
    assert cjk >= hangul, fonts  # every Hangul syllable from a CJK face (digits and spaces may come from another)
