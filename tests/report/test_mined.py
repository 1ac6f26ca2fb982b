"""A report over a release mined by the real pipeline: whatever the extractors find is shown."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from release_miner import Store, mine
from release_miner.report import build_report

from .chromium import dump_dom, needs_chromium
from .dom import covered_by_kind

TEXT = ("Busan Metropolitan City said on 14 March 2025 that Mayor Jung Hana will put 35 billion won into a "
        "Coastal Jobs Programme for 2,000 young residents. The Busan Port Authority will add 5 billion won "
        "by the end of 2026.")


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_every_extracted_mention_is_highlighted(nlp, tmp_path):
    release = mine(TEXT, published="2025-03-14", url="https://www.busan.go.kr/eng/press/9",
                   title="Coastal Jobs Programme", nlp=nlp)
    db = tmp_path / "mined.sqlite"
    with Store(db) as store:
        store.add(release)
    page = tmp_path / "mined.html"
    page.write_text(build_report(db), encoding="utf-8")
    doc = lxml_html.document_fromstring(dump_dom(page.as_uri()))
    (text,) = doc.xpath("//article//div[@class='text']")
    assert text.text_content() == TEXT
    covered = covered_by_kind(text)
    kinds = ([("figure", f.start, f.end) for f in release.figures] + [("date", d.start, d.end) for d in release.dates]
             + [("policy", p.start, p.end) for p in release.policies]
             + [("person", s, e) for p in release.people for s, e in p.mentions]
             + [("org", s, e) for o in release.organizations for s, e in o.mentions])
    assert kinds, "the pipeline found nothing in a text full of figures and names"
    for kind, s, e in kinds:
        if 0 <= s < e <= len(TEXT):
            assert set(range(s, e)) <= covered.get(kind, set()), (kind, TEXT[s:e])
    tables = {c.text: len(c.getparent().xpath("./tbody/tr")) for c in doc.xpath("//article//table/caption")}
    assert tables.get("Figures", 0) == len(release.figures)
    assert tables.get("Policies", 0) == len(release.policies)
    (article,) = doc.xpath("//article")
    assert article.get("data-city") == "Busan"
