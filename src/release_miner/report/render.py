"""Turn `ReportData` into one self-contained HTML file.

Why Jinja2 with autoescape (rather than hand-built strings with `html.escape`): every
``{{ value }}`` in the template is escaped unless it is explicitly `Markup`, so a field
forgotten by a future edit stays safe by default; the few pieces built in Python
(highlighted text, SVG charts) are built with `markupsafe.Markup.format`, which escapes
its arguments the same way. Jinja2 is already installed with spaCy.

Defence in depth against scraped markup:
- a Content-Security-Policy meta tag allows no network fetches at all (``default-src 'none'``)
  and only the report's own inline script, pinned by its SHA-256 hash;
- source links are only made for ``http``/``https`` URLs (a ``javascript:`` URL is shown as text);
- page data reaches the script only through escaped ``data-`` attributes, never inside ``<script>``.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..records import CATEGORIES
from . import fmt
from .charts import PALETTE, bar_chart, column_chart, donut_chart
from .data import ReportData, ReleaseView
from .highlight import KINDS, highlight, spans_of, valid_spans
from .review import ReviewQueue
from .stats import MAX_MONTHS, OUTCOMES, UNATTRIBUTED, Overview, by_period, month_range, overview

#: Queue parts longer than this start collapsed, so the overview stays near the top.
QUEUE_OPEN_LIMIT = 25
#: Currencies charted by month (the rest are in the table); keeps the overview short.
CHARTED_CURRENCIES = 3


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
    env.filters.update(compact=fmt.compact, exact=fmt.exact, money=fmt.money, confidence=fmt.confidence,
                       label=lambda s: str(s).replace("_", " "))
    return env


def _period(ov: Overview) -> str:
    """The unit of the time charts: months, or years over a long range (see `stats.by_period`)."""
    return "year" if sum(m != "undated" for m in month_range(list(ov.releases_by_month))) > MAX_MONTHS else "month"


def _charts(ov: Overview) -> dict[str, Markup]:
    months = month_range(list(ov.releases_by_month))
    period = _period(ov)
    charts = {
        "categories": donut_chart([(c, ov.policy_categories.get(c, 0)) for c in OUTCOMES],
                                  label="share of policies by outcome category", colours=PALETTE),
        "releases_by_month": column_chart(by_period(ov.releases_by_month, months),
                                          label=f"releases by {period}", fmt=fmt.exact),
    }
    for currency in ov.currencies[:CHARTED_CURRENCIES]:
        cats = ov.money_by_category.get(currency, {})
        charts[f"money_category:{currency}"] = bar_chart(
            [(c, cats.get(c, 0.0)) for c in (*OUTCOMES, UNATTRIBUTED)],
            label=f"money in {currency} by outcome category", colours=PALETTE)
        charts[f"money_month:{currency}"] = column_chart(
            by_period(ov.money_by_month.get(currency, {}), months), label=f"money in {currency} by {period}",
            colour="#2a9d8f")
    return charts


def _section(view: ReleaseView, queue_ids: set[int]) -> dict:
    r = view.release
    spans, dropped = valid_spans(r.text, spans_of(r, view.anchor))
    return {
        "view": view,
        "release": r,
        "url": safe_url(r.url),
        "text": highlight(r.text, spans),
        "dropped": dropped,
        "categories": " ".join(sorted({p.category for p in r.policies})),
        "review": view.db_id in queue_ids,
    }


def render_report(data: ReportData, queue: ReviewQueue, *, title: str = "Release review report",
                  csp: bool = True, generated: datetime | None = None) -> str:
    """The whole page as a string. ``csp=False`` drops the CSP tag (only for testing the escaping alone)."""
    script = _asset("report.js")
    ov = overview(data.releases)
    env = _environment()
    queue_ids = queue.release_ids()
    return env.get_template("report.html.j2").render(
        title=title,
        data=data,
        queue=queue,
        open_limit=QUEUE_OPEN_LIMIT,
        ov=ov,
        charts=_charts(ov),
        period=_period(ov),
        charted_currencies=ov.currencies[:CHARTED_CURRENCIES],
        sections=[_section(v, queue_ids) for v in data.releases],
        release_titles={v.db_id: v.release.title or v.release.id for v in data.releases},
        cities=sorted({v.city for v in data.releases if v.city}),
        months=sorted({v.month for v in data.releases}, reverse=True),
        kinds=KINDS,
        categories=CATEGORIES,
        outcomes=OUTCOMES,
        unattributed=UNATTRIBUTED,
        palette=PALETTE,
        css=Markup(_asset("report.css")),
        script=Markup(script),
        csp=content_security_policy(script) if csp else None,
        generated=(generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
    )
