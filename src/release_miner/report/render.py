"""Turn `ReportData` into one self-contained HTML file: a small shell, the data as JSON, one script.

Why the page is drawn by its script from embedded JSON: a dataset of thousands of releases
would otherwise be thousands of laid-out sections before the first paint. The JSON sits in an
inert ``<template>`` (never rendered, never run); the script draws the overview and the review
queue for the current filters, and the releases a page at a time.

Why Jinja2 with autoescape for the shell: every ``{{ value }}`` is escaped unless it is explicitly
`Markup`, so a field forgotten by a future edit stays safe by default. Jinja2 is installed with spaCy.

Defence in depth against scraped markup:
- a Content-Security-Policy meta tag allows no network fetches at all (``default-src 'none'``)
  and only the report's own inline script, pinned by its SHA-256 hash;
- source links are only made for ``http``/``https`` URLs (a ``javascript:`` URL is shown as text);
- the embedded JSON escapes ``<``, ``>`` and ``&`` as JSON escapes, so it cannot end its template;
  the script builds every element with ``createElement``/``textContent``, never from strings.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from datetime import datetime, timezone
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..records import CATEGORIES
from .data import ReportData, ReleaseView
from .highlight import KINDS, MAX_LEVELS, spans_of, valid_spans
from .money import CONVERSION, PART, PER_UNIT, REPEAT, money_mentions
from .review import ReviewQueue, is_low_confidence
from .stats import MAX_MONTHS, OUTCOMES, UNATTRIBUTED, money_category, sentence_bounds

#: Category colours, shared with the CSS (report.css uses the same values).
PALETTE: dict[str, str] = {
    "shock_response": "#d1495b",
    "innovative_growth": "#2a9d8f",
    "livelihood_stability": "#e9a03b",
    "none": "#9aa5b1",
    "unattributed": "#c3cad3",
}

#: Releases rendered per page of the release list (the rest on request, from the embedded JSON).
PAGE_SIZE = 10
#: How the overview names what its money totals leave out (plural, singular).
LEFT_OUT: dict[str, tuple[str, str]] = {
    REPEAT: ("repeats of an amount already counted in the same release", "repeat of an amount already counted"),
    PER_UNIT: ("per-unit amounts and rates (per business, each, per hour, a month)",
               "per-unit amount or rate (per business, each, per hour, a month)"),
    CONVERSION: ("conversions of another amount into another currency", "conversion of another amount"),
    PART: ("parts of a larger amount of the same release", "part of a larger amount of the same release"),
}
#: Phrases that make a figure a cap ("up to KRW 4 million"): its value is the upper end.
_CAPS = ("up to", "as much as", "a maximum of", "no more than", "not more than", "at most", "maximum of")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address a reviewer can open, else None (shown as plain text)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(script: str) -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src '{script_hash(script)}'; base-uri 'none'; form-action 'none'")


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("release_miner.report", "assets"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(label=lambda s: str(s).replace("_", " "))
    return env


def _is_cap(text: str) -> bool:
    return text.strip().lower().startswith(_CAPS)


#: Record fields in the page's JSON, in the order each record's array holds them: the data
#: of thousands of releases travels as arrays, and the script turns them back into objects.
#: A ``text`` of null means "the release text between start and end" (nearly always).
COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": ("start", "end", "text", "kind", "value", "unit", "approx", "value_max", "cap", "reviewed", "original"),
    "dates": ("start", "end", "text", "kind", "value", "grain"),
    "people": ("name", "title", "affiliation", "aliases", "mentions"),
    "orgs": ("name", "aliases", "mentions"),
    "policies": ("start", "end", "text", "category", "confidence", "target", "needs_review", "reviewed", "rejected",
                 "queued"),
    "money": ("figure", "status", "category"),
}
_KIND_INDEX = {k: i for i, k in enumerate(KINDS)}


def _own_text(text: str, start: int, end: int, mention: str) -> str | None:
    return None if text[start:end] == mention else mention


def release_data(view: ReleaseView, low_confidence: float) -> dict:
    """One release as the page's script reads it (see ``assets/report.js`` and `COLUMNS`)."""
    r = view.release
    t = r.text
    reviewed = view.reviewed
    spans, dropped = valid_spans(t, spans_of(r, view.anchor))
    bounds = None
    money = []
    for m in money_mentions(r):
        category = None
        if m.counted:
            bounds = bounds if bounds is not None else sentence_bounds(t)
            category = money_category(r, m.figure, bounds)
        money.append([m.index, m.status, category])
    figures_reviewed = reviewed.reviewed_figures if reviewed else {}
    policies_reviewed = reviewed.reviewed_policies if reviewed else set()
    policies = [[p.start, p.end, _own_text(t, p.start, p.end, p.text), p.category, p.confidence, p.target,
                 p.needs_review, (p.start, p.end) in policies_reviewed, False,
                 (p.start, p.end) not in policies_reviewed and is_low_confidence(p, low_confidence)]
                for p in r.policies]
    policies += [[p.start, p.end, _own_text(t, p.start, p.end, p.text), p.category, p.confidence, p.target,
                  False, True, True, False] for p in (reviewed.rejected if reviewed else [])]
    url = safe_url(r.url)
    return {
        "id": view.db_id, "doc": r.id, "key": r.content_hash, "title": r.title, "published": r.published,
        "url": url, "raw_url": None if url else r.url, "city": view.city, "month": view.month, "text": t,
        "spans": [x for s in spans for x in (s.start, s.end, _KIND_INDEX[s.kind], s.index)], "dropped": dropped,
        "figures": [[f.start, f.end, _own_text(t, f.start, f.end, f.text), f.kind, f.value, f.unit,
                     bool(f.approx) and not _is_cap(f.text), f.value_max, f.value_max is None and _is_cap(f.text),
                     (f.start, f.end) in figures_reviewed, figures_reviewed.get((f.start, f.end))]
                    for f in r.figures],
        "dates": [[d.start, d.end, _own_text(t, d.start, d.end, d.text), d.kind, d.value, d.grain] for d in r.dates],
        "people": [[p.name, p.title, p.affiliation, p.aliases, len(p.mentions)] for p in r.people],
        "orgs": [[o.name, o.aliases, len(o.mentions)] for o in r.organizations],
        "policies": policies,
        "money": money,
        "persons": view.person_keys or ["n:" + " ".join(p.name.casefold().split()) for p in r.people],
        "review": any(p[-1] for p in policies) or any(f.value is None for f in r.figures),
    }


def _merge_data(m) -> dict:
    def person(p) -> dict:
        return {"name": p.name, "title": p.title, "affiliation": p.affiliation, "releases": p.release_ids}

    return {"id": m.id, "score": m.score, "reason": m.reason, "status": m.status,
            "person": person(m.person), "other": person(m.other)}


def page_data(data: ReportData, queue: ReviewQueue) -> dict:
    """Everything the page shows, as one JSON-ready object."""
    releases = [release_data(v, queue.low_confidence) for v in data.releases]
    merge_ids = {rid for m in data.merges for rid in (*m.person.release_ids, *m.other.release_ids)}
    for r in releases:
        r["review"] = r["review"] or r["id"] in merge_ids
    key = hashlib.sha256(f"{Path(data.db_path).resolve()}".encode()).hexdigest()[:16]
    return {
        "dataset": {"path": data.db_path, "key": key},
        "releases": releases,
        "merges": [_merge_data(m) for m in queue.merges],
        "kinds": KINDS, "categories": list(CATEGORIES), "outcomes": list(OUTCOMES), "palette": PALETTE,
        "columns": COLUMNS, "max_levels": MAX_LEVELS, "max_months": MAX_MONTHS, "page_size": PAGE_SIZE,
        "left_out": {k: v[0] for k, v in LEFT_OUT.items()}, "left_out_one": {k: v[1] for k, v in LEFT_OUT.items()},
    }


def embedded_json(value: object) -> Markup:
    """JSON for the page's inert ``<template>``: ``<`` and ``&`` are escaped inside the JSON itself, so
    the HTML parser sees plain text that can neither close the template nor start markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def render_report(data: ReportData, queue: ReviewQueue, *, title: str = "Release review report",
                  csp: bool = True, generated: datetime | None = None) -> str:
    """The whole page as a string. ``csp=False`` drops the CSP tag (only for testing the escaping alone)."""
    script = _asset("report.js")
    env = _environment()
    return env.get_template("report.html.j2").render(
        title=title,
        data=data,
        payload=embedded_json(page_data(data, queue)),
        low_confidence=queue.low_confidence,
        cities=sorted({v.city for v in data.releases if v.city}),
        months=sorted({v.month for v in data.releases}, reverse=True),
        kinds=KINDS,
        categories=CATEGORIES,
        outcomes=OUTCOMES,
        unattributed=UNATTRIBUTED,
        left_out=LEFT_OUT,
        css=Markup(_asset("report.css")),
        script=Markup(script),
        csp=content_security_policy(script) if csp else None,
        generated=(generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
    )
