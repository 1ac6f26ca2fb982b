"""What the report shows, read from a release-miner SQLite dataset and filtered.

The report reads the store only (never the crawler or the pipeline), through `Store`
so older files are migrated the same way every other command migrates them.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..cities import CityResolver
from ..corrections import ReviewedRelease, overlay, reviewed_by_release
from ..records import Release
from ..store import Store

_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class ReleaseView:
    """One stored release with what the report derives for it."""

    db_id: int
    release: Release  #: with reviewers' decisions laid over it (see `corrections.overlay`)
    city: str | None
    month: str  #: ``YYYY-MM`` of the publication date, or ``"undated"``
    #: one key per person row: the canonical person (``p<id>``) or, unlinked, the name (``n:<name>``)
    person_keys: list[str] = field(default_factory=list)
    reviewed: ReviewedRelease | None = None

    @property
    def anchor(self) -> str:
        return f"r{self.db_id}"


@dataclass
class PersonRef:
    id: int
    name: str
    title: str | None
    affiliation: str | None
    release_ids: list[int] = field(default_factory=list)  #: selected releases this person appears in


@dataclass
class MergeSuggestion:
    """An open suggestion that two canonical people are the same person."""

    id: int
    score: float
    reason: str
    status: str
    person: PersonRef
    other: PersonRef


@dataclass
class ReportData:
    db_path: str
    releases: list[ReleaseView]
    merges: list[MergeSuggestion]
    total_in_dataset: int
    filters: dict[str, str]


def check_since(since: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; compared as text with ISO dates, which orders them correctly."""
    if since is None:
        return None
    since = since.strip()
    if not _ISO_PREFIX.match(since):
        raise ValueError(f"--since {since!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return since


def load_report_data(db_path: str | Path, *, since: str | None = None, city: str | None = None) -> ReportData:
    """Releases (newest first, undated last) and open person-merge suggestions, after the filters.

    ``since`` keeps releases published on or after that date (undated releases are dropped);
    ``city`` keeps releases whose city (``releases.city``, recorded at ingest: see `release_miner.cities`)
    is that city, in any spelling the gazetteer knows.
    """
    since = check_since(since)
    wanted = CityResolver().canonical(city).name if city else None
    views: list[ReleaseView] = []
    with Store(db_path, create=False, readonly=True) as store:
        total = store.count()
        decisions = reviewed_by_release(store.conn)
        person_keys = _person_keys(store.conn)
        for row in list(store.release_rows()):
            published = row["published"]
            if since and not (published and published[: len(since)] >= since):
                continue
            release_city = row["city"]
            if wanted and (release_city or "").casefold() != wanted.casefold():
                continue
            reviewed = overlay(store.load_release(row), decisions.get(row["content_hash"]))
            month = published[:7] if published and re.match(r"^\d{4}-\d{2}", published) else "undated"
            views.append(ReleaseView(row["id"], reviewed.release, release_city, month,
                                     person_keys.get(row["id"], []), reviewed))
        merges = _merge_suggestions(store.conn, {v.db_id for v in views},
                                    {p.name for v in views for p in v.release.people},
                                    filtered=bool(since or city))
    views.sort(key=lambda v: (v.release.published or "", v.db_id), reverse=True)
    filters = {k: v for k, v in (("since", since), ("city", wanted)) if v}
    return ReportData(str(db_path), views, merges, total, filters)


def _person_keys(conn: sqlite3.Connection) -> dict[int, list[str]]:
    """Per release, who its people are across releases, for counting distinct people."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(people)")}
    linked = "person_id" if "person_id" in columns else "NULL"
    out: dict[int, list[str]] = {}
    for rid, pid, name in conn.execute(f"SELECT release_id, {linked}, name FROM people ORDER BY id"):
        out.setdefault(rid, []).append(f"p{pid}" if pid is not None else "n:" + " ".join(name.casefold().split()))
    return out


def _merge_suggestions(conn: sqlite3.Connection, release_ids: set[int], names: set[str], *,
                       filtered: bool) -> list[MergeSuggestion]:
    """Open suggestions; with filters, only those about someone in a selected release (by link or by name)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"person_merge_suggestions", "persons"} <= tables:
        return []
    rows = conn.execute(
        "SELECT s.id, s.score, s.reason, s.status,"
        " a.id AS a_id, a.name AS a_name, a.title AS a_title, a.affiliation AS a_aff,"
        " b.id AS b_id, b.name AS b_name, b.title AS b_title, b.affiliation AS b_aff"
        " FROM person_merge_suggestions s"
        " JOIN persons a ON a.id = s.person_id JOIN persons b ON b.id = s.other_person_id"
        " WHERE s.status = 'open' ORDER BY s.score DESC, s.id").fetchall()
    appearances: dict[int, list[int]] = {}
    people_cols = {r[1] for r in conn.execute("PRAGMA table_info(people)")}
    if "person_id" in people_cols:
        for pid, rid in conn.execute("SELECT DISTINCT person_id, release_id FROM people"
                                     " WHERE person_id IS NOT NULL ORDER BY release_id"):
            if rid in release_ids:
                appearances.setdefault(pid, []).append(rid)
    out = []
    for r in rows:
        a = PersonRef(r["a_id"], r["a_name"], r["a_title"], r["a_aff"], appearances.get(r["a_id"], []))
        b = PersonRef(r["b_id"], r["b_name"], r["b_title"], r["b_aff"], appearances.get(r["b_id"], []))
        if filtered and not (a.release_ids or b.release_ids or a.name in names or b.name in names):
            continue
        out.append(MergeSuggestion(r["id"], float(r["score"]), r["reason"], r["status"], a, b))
    return out
