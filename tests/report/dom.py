"""Reading highlighted text back out of the report's DOM."""

from __future__ import annotations


def covered_by_kind(root) -> dict[str, set[int]]:
    """Character positions of ``root``'s text content inside an element of class ``k-<kind>``, per kind."""
    covered: dict[str, set[int]] = {}
    pos = 0

    def add(kinds: set[str], n: int) -> None:
        nonlocal pos
        for k in kinds:
            covered.setdefault(k, set()).update(range(pos, pos + n))
        pos += n

    def walk(el, kinds: set[str]) -> None:
        here = kinds | {c[2:] for c in (el.get("class") or "").split() if c.startswith("k-")}
        if el.text:
            add(here, len(el.text))
        for child in el:
            walk(child, here)
            if child.tail:
                add(here, len(child.tail))

    walk(root, set())
    return covered


def page_data(page: str) -> dict:
    """The JSON the page embeds for its script (the inert ``<template id="report-data">``)."""
    import json

    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring(page)
    (template,) = doc.xpath("//template[@id='report-data']")
    return json.loads(template.text_content())
