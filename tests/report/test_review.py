"""A reviewer's clicks in the page become corrections.jsonl (downloaded by chromium), `corrections apply`
stores them, and the next report and the export show the corrected values as reviewed."""

from __future__ import annotations

import io
import json

import pytest
from lxml import html as lxml_html

from release_miner.cli import main
from release_miner.corrections import read_corrections, reviewed_policies, reviewed_training_docs
from release_miner.report import write_report
from release_miner.store import Store, export_jsonl

from .chromium import DevTools, dump_dom, needs_chromium
from .dataset import harbour_release

pytestmark = [pytest.mark.browser, needs_chromium]

ROW = "[...document.querySelectorAll({sel})].find(tr => tr.cells[0].textContent.startsWith({text}))"


def _row(sel: str, text: str) -> str:
    return ROW.format(sel=json.dumps(sel), text=json.dumps(text))


def _review_in_the_page(browser) -> None:
    queue_policy = "#queue-policies tbody tr"
    browser.evaluate(_row(queue_policy, "pilot data centre") + ".querySelector('button.reject').click()")
    browser.evaluate(f"(() => {{ const s = {_row(queue_policy, 'AI Startup Campus')}.querySelector('select.recat');"
                     " s.value = 'livelihood_stability'; s.dispatchEvent(new Event('change')); })()")
    browser.evaluate(_row("article table tbody tr", "Warm Homes Grant") + ".querySelector('button.accept').click()")
    browser.evaluate(f"(() => {{ const tr = {_row('article table tbody tr', '120 billion won')};"
                     " tr.querySelector('input.fix-value').value = '125000000000';"
                     " tr.querySelector('button.fix').click(); })()")
    browser.evaluate("document.querySelector('#queue-merges tbody tr button.accept').click()")


def test_decisions_flow_from_the_page_into_the_dataset_and_back(dataset, tmp_path, capsys):
    page = write_report(dataset, tmp_path / "before.html")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with DevTools() as browser:
        browser.allow_downloads(downloads)
        browser.open(page.as_uri())
        _review_in_the_page(browser)
        assert browser.evaluate("document.getElementById('decisions-count').textContent") == "5 decisions"
        browser.open(page.as_uri())  # decisions are kept in the browser across reloads
        assert browser.evaluate("document.getElementById('decisions-count').textContent") == "5 decisions"
        browser.evaluate("document.getElementById('download').click()")
        raw = browser.wait_for_file(downloads / "corrections.jsonl")

    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert len(lines) == 5
    by_field = {}
    for line in lines:
        assert set(line) >= {"release", "field", "start", "end", "before", "after", "when"}
        by_field.setdefault(line["field"], []).append(line)
    (fig,) = by_field["figure"]
    assert fig["release"] == "busan-1" and fig["before"]["value"] == 120_000_000_000
    assert fig["after"] == {"value": 125_000_000_000}
    assert harbour_release().text[fig["start"]:fig["end"]] == "120 billion won"
    assert sorted(p["after"]["status"] for p in by_field["policy"]) == ["accepted", "accepted", "rejected"]
    (merge,) = by_field["person_merge"]
    assert merge["after"] == {"status": "accepted"} and merge["before"]["person"] == "Kim Minjun"

    corrections = tmp_path / "corrections.jsonl"
    corrections.write_bytes(raw)
    assert main(["corrections", "apply", str(corrections), "--db", str(dataset)]) == 0
    assert main(["corrections", "apply", str(corrections), "--db", str(dataset)]) == 0  # again: nothing doubles
    capsys.readouterr()
    assert main(["corrections", "list", "--db", str(dataset)]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["field"] for r in listed) == ["figure", "person_merge", "policy", "policy", "policy"]
    with Store(dataset) as store:
        assert store.conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 5
        assert store.conn.execute("SELECT count(*) FROM persons WHERE id = 2").fetchone()[0] == 0  # merged
        store.add(harbour_release(), replace=True)  # a re-run re-extracts the release ...
        out = io.StringIO()
        export_jsonl(store, out)
    exported = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    (harbour_fig,) = [f for f in exported["busan-1"]["figures"] if f["text"] == "120 billion won"]
    assert harbour_fig["value"] == 125_000_000_000 and harbour_fig["reviewed"] is True  # ... the decision stays
    assert [p["text"] for p in exported["busan-2"]["rejected_policies"]] == ["pilot data centre"]
    assert {p["text"]: p["category"] for p in exported["busan-2"]["policies"]} == {
        "AI Startup Campus": "livelihood_stability"}

    after = write_report(dataset, tmp_path / "after.html")
    doc = lxml_html.document_fromstring(dump_dom(after.as_uri()))
    money = {tr.get("data-currency"): tr.xpath("string(td[4])") for tr in doc.xpath("//tbody[@id='money-rows']/tr")}
    assert money["KRW"] == "170,000,000,000"  # 125 billion (corrected) + 45 billion
    (cell,) = [tr for tr in doc.xpath("//table[caption='Figures']/tbody/tr") if tr.xpath("string(td[1])") == "120 billion won"]
    assert cell.xpath("string(td[3])").startswith("125,000,000,000") and cell.xpath(".//span[@class='reviewed']")
    rejected = doc.xpath("//tr[contains(@class,'is-rejected')]")
    assert [r.xpath("string(td[1])") for r in rejected] == ["pilot data centre"]
    queued = doc.xpath("//details[@id='queue-policies']//tbody/tr/td[1]/a/text()")
    assert "AI Startup Campus" not in queued and "pilot data centre" not in queued  # reviewed: out of the queue
    assert doc.xpath("//details[@id='queue-merges']//tbody/tr") == []

    labelled = {(p.source_id, p.text): p.label for p in reviewed_policies(corrections)}
    assert labelled == {("busan-2", "pilot data centre"): "none", ("busan-2", "AI Startup Campus"): "livelihood_stability",
                        ("london-1", "Warm Homes Grant"): "livelihood_stability"}
    with Store(dataset) as store:
        assert {(p.source_id, p.text): p.label for p in reviewed_policies(store.conn)} == labelled
        docs = {d.id: d for d in reviewed_training_docs(store.conn)}
    assert sorted(docs) == ["busan-2", "london-1"]
    assert all(d.text[p.start:p.end] == p.text for d in docs.values() for p in d.policies)
    # ``train --corrections corrections.jsonl``: the file's decisions, in context when the dataset is at hand ...
    with Store(dataset) as store:
        from_file = {d.id: d for d in reviewed_training_docs(corrections, store.conn)}
    assert sorted(from_file) == ["busan-2", "london-1"]
    assert {(p.text, p.label) for d in from_file.values() for p in d.policies} == {
        (t, label) for (_, t), label in labelled.items()}
    # ... and as the policies' own words when it is not
    alone = reviewed_training_docs(corrections)
    expected = sorted((t, label) for (_, t), label in labelled.items())
    assert sorted((d.text, d.policies[0].label) for d in alone) == expected
    assert all(d.text[p.start:p.end] == p.text for d in alone for p in d.policies)


def test_unusable_decisions_are_reported_by_line_and_the_rest_stored(dataset, tmp_path, capsys):
    good = {"release": "london-1", "field": "policy", "start": 0, "end": 3, "text": "The",
            "before": {}, "after": {"status": "rejected"}, "when": "2025-07-01T00:00:00Z"}
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([
        json.dumps(good),
        "{not json",
        json.dumps({**good, "field": "date"}),
        json.dumps({**good, "after": {"value": "x"}, "field": "figure"}),
        json.dumps({**good, "release": "nowhere"}),
        json.dumps({**good, "text": "Not what is there"}),
    ]) + "\n", encoding="utf-8")
    decisions, errors = read_corrections(path)
    assert len(decisions) == 3 and [e.split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert main(["corrections", "apply", str(path), "--db", str(dataset)]) == 1
    err = capsys.readouterr().err
    assert "no release 'nowhere'" in err and "do not point at 'Not what is there'" in err
    assert "1 decision stored" in err
    with Store(dataset) as store:
        assert store.conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 1
