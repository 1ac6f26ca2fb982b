"""Reviewers' decisions: read from ``corrections.jsonl``, kept in the ``corrections`` table, shown everywhere.

The review report lets a reviewer accept, reject or re-categorise a policy, fix a figure's value,
and accept or reject a suggested person merge; the page downloads those decisions as JSON Lines,
one decision a line::

    {"release": "busan-1", "release_key": "<content hash>", "field": "policy", "start": 40, "end": 62,
     "text": "Harbour Recovery Fund", "before": {"category": "shock_response", "confidence": 0.41},
     "after": {"status": "accepted", "category": "livelihood_stability"}, "when": "2025-07-01T09:12:00Z"}

``field`` is ``policy`` (``after``: ``status`` accepted/rejected, optional ``category``), ``figure``
(``after``: ``value``) or ``person_merge`` (``suggestion`` id, ``after``: ``status``).

Decisions live in their own table, keyed by the release's content hash and the mention's
offsets, never in the extracted rows: re-extracting a release (a re-run, a newer model)
rewrites its figures and policies but cannot touch a human decision, which is laid over the
extracted values whenever the dataset is read for people (`overlay`, used by the report and
the JSONL export). The latest decision about a mention wins.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .records import CATEGORIES, Release

FIELDS = ("policy", "figure", "person_merge")


class CorrectionError(ValueError):
    """A line of a corrections file that cannot be used; the message names file and line."""


@dataclass(frozen=True)
class Correction:
    """One reviewer's decision about one mention (or one merge suggestion)."""

    field: str
    after: dict[str, Any]
    when: str
    release: str | None = None  #: the release's own id (``doc_id``)
    release_key: str | None = None  #: its content hash: the identity that survives re-runs
    start: int | None = None
    end: int | None = None
    text: str | None = None
    before: dict[str, Any] = field(default_factory=dict)
    suggestion: int | None = None


def parse_correction(data: Any) -> Correction:
    """A `Correction` from one decoded JSON line; raises ValueError saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a decision must be a JSON object")
    kind = data.get("field")
    if kind not in FIELDS:
        raise ValueError(f"field must be one of {', '.join(FIELDS)}, not {kind!r}")
    after = data.get("after")
    if not isinstance(after, dict) or not after:
        raise ValueError("after must be an object with the decision")
    when = data.get("when")
    if not isinstance(when, str) or not when:
        raise ValueError("when must be the time of the decision")
    before = data.get("before") or {}
    if not isinstance(before, dict):
        raise ValueError("before must be an object")
    if kind == "person_merge":
        if not isinstance(data.get("suggestion"), int) or after.get("status") not in ("accepted", "rejected"):
            raise ValueError("a person merge needs a suggestion id and after.status accepted or rejected")
    else:
        start, end = data.get("start"), data.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise ValueError("start and end must be the mention's character offsets")
        if not (isinstance(data.get("release_key"), str) or isinstance(data.get("release"), str)):
            raise ValueError("release or release_key must name the release")
    if kind == "policy":
        if after.get("status") not in ("accepted", "rejected"):
            raise ValueError("a policy decision needs after.status accepted or rejected")
        if "category" in after and after["category"] not in CATEGORIES:
            raise ValueError(f"unknown category {after['category']!r}")
    if kind == "figure":
        value = after.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("a figure decision needs after.value, a number")
    return Correction(field=kind, after=after, when=when, release=data.get("release"),
                      release_key=data.get("release_key"), start=data.get("start"), end=data.get("end"),
                      text=data.get("text"), before=before, suggestion=data.get("suggestion"))


def read_corrections(path: str | Path) -> tuple[list[Correction], list[str]]:
    """Every usable decision in ``path`` and one ``file:line: problem`` message per unusable line."""
    decisions: list[Correction] = []
    errors: list[str] = []
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CorrectionError(f"{path}: {exc.strerror or exc}") from None
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            decisions.append(parse_correction(json.loads(line.decode("utf-8"))))
        except UnicodeDecodeError:
            errors.append(f"{path}:{n}: not UTF-8")
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{n}: not JSON ({exc.msg} at column {exc.colno})")
        except ValueError as exc:
            errors.append(f"{path}:{n}: {exc}")
    return decisions, errors


# ---- storing ----------------------------------------------------------------------------

@dataclass
class ApplyReport:
    stored: int = 0
    already: int = 0  #: the same decision was stored before
    problems: list[str] = field(default_factory=list)


def _release_row(conn: sqlite3.Connection, c: Correction) -> sqlite3.Row | None:
    if c.release_key:
        row = conn.execute("SELECT id, doc_id, content_hash, text FROM releases WHERE content_hash = ?",
                           (c.release_key,)).fetchone()
        if row:
            return row
    if c.release:
        rows = conn.execute("SELECT id, doc_id, content_hash, text FROM releases WHERE doc_id = ?",
                            (c.release,)).fetchall()
        if len(rows) == 1:
            return rows[0]
    return None


def apply_corrections(store, corrections: Iterable[Correction], *, source: str = "corrections") -> ApplyReport:
    """Store each decision (one transaction per decision); merges are also carried out on the people tables.

    A decision about a release or a mention the dataset does not have is reported, not stored.
    """
    from .people import accept_suggestion, reject_suggestion

    report = ApplyReport()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for n, c in enumerate(corrections, 1):
        where = f"{source}: decision {n}"
        with store.transaction() as conn:
            key, doc = "", None  # a merge is about two people, not one release
            if c.field != "person_merge":
                row = _release_row(conn, c)
                if row is None:
                    report.problems.append(f"{where}: no release {c.release or c.release_key!r} in the dataset")
                    continue
                if c.end > len(row["text"]) or (c.text is not None and row["text"][c.start:c.end] != c.text):
                    report.problems.append(f"{where}: offsets {c.start}-{c.end} do not point at {c.text!r}")
                    continue
                key, doc = row["content_hash"], row["doc_id"]
            else:
                status = conn.execute("SELECT status FROM person_merge_suggestions WHERE id = ?",
                                      (c.suggestion,)).fetchone()
                if status is None and not _merge_stored(conn, c):
                    report.problems.append(f"{where}: no person-merge suggestion {c.suggestion}")
                    continue
                if status is not None and status[0] == "open":
                    (accept_suggestion if c.after["status"] == "accepted" else reject_suggestion)(conn, c.suggestion)
            cur = conn.execute(
                "INSERT OR IGNORE INTO corrections (release_key, doc_id, field, start_char, end_char, text, before,"
                " after, decided_at, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, doc, c.field, c.suggestion if c.field == "person_merge" else c.start,
                 c.suggestion if c.field == "person_merge" else c.end, c.text,
                 json.dumps(c.before, ensure_ascii=False, sort_keys=True),
                 json.dumps(c.after, ensure_ascii=False, sort_keys=True), c.when, now))
            if cur.rowcount:
                report.stored += 1
            else:
                report.already += 1
    return report


def _merge_stored(conn: sqlite3.Connection, c: Correction) -> bool:
    """True when this merge decision was applied before (an accepted suggestion's row is gone with its person)."""
    return conn.execute("SELECT 1 FROM corrections WHERE field = 'person_merge' AND start_char = ?",
                        (c.suggestion,)).fetchone() is not None


# ---- reading back -------------------------------------------------------------------------

@dataclass
class Reviewed:
    """What reviewers decided about one release's mentions, by ``(field, start, end)``."""

    policies: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    figures: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.policies or self.figures)


def stored_corrections(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Every stored decision, oldest decision first (so later ones win when folded)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "corrections" in tables:
        yield from conn.execute("SELECT * FROM corrections ORDER BY decided_at, id")


def reviewed_by_release(conn: sqlite3.Connection) -> dict[str, Reviewed]:
    """Decisions per release content hash, the latest decision about each mention winning."""
    out: dict[str, Reviewed] = {}
    for row in stored_corrections(conn):
        if row["field"] == "person_merge" or not row["release_key"]:
            continue
        target = out.setdefault(row["release_key"], Reviewed())
        bucket = target.policies if row["field"] == "policy" else target.figures
        bucket[(row["start_char"], row["end_char"])] = json.loads(row["after"])
    return out


@dataclass
class ReviewedRelease:
    """A release with reviewers' decisions laid over it."""

    release: Release
    rejected: list = field(default_factory=list)  #: policies a reviewer rejected (no longer in ``policies``)
    reviewed_policies: set[tuple[int, int]] = field(default_factory=set)
    reviewed_figures: dict[tuple[int, int], Any] = field(default_factory=dict)  #: offsets -> extracted value


def overlay(release: Release, reviewed: Reviewed | None) -> ReviewedRelease:
    """``release`` with corrected figure values and policy categories; rejected policies set apart."""
    if not reviewed:
        return ReviewedRelease(release)
    out = ReviewedRelease(release)
    policies = []
    for p in release.policies:
        decision = reviewed.policies.get((p.start, p.end))
        if decision is None:
            policies.append(p)
            continue
        out.reviewed_policies.add((p.start, p.end))
        if decision.get("status") == "rejected":
            out.rejected.append(p)
            continue
        policies.append(replace(p, category=decision.get("category", p.category), needs_review=False))
    figures = []
    for f in release.figures:
        decision = reviewed.figures.get((f.start, f.end))
        if decision is None:
            figures.append(f)
            continue
        out.reviewed_figures[(f.start, f.end)] = f.value
        figures.append(replace(f, value=decision["value"]))
    out.release = replace(release, policies=policies, figures=figures)
    return out


def reviewed_record(reviewed: ReviewedRelease) -> dict[str, Any]:
    """The export shape of a reviewed release: corrected values carry ``"reviewed": true``."""
    record = reviewed.release.to_dict()
    for item, f in zip(record.get("figures", []), reviewed.release.figures):
        if (f.start, f.end) in reviewed.reviewed_figures:
            item["reviewed"] = True
    for item, p in zip(record.get("policies", []), reviewed.release.policies):
        if (p.start, p.end) in reviewed.reviewed_policies:
            item["reviewed"] = True
    if reviewed.rejected:
        record["rejected_policies"] = [dict(p.to_dict(), reviewed=True) for p in reviewed.rejected]
    return record


# ---- training examples ----------------------------------------------------------------------

def reviewed_policies(source: str | Path | sqlite3.Connection, *, rejected: bool = True):
    """Reviewed policies as labelled examples for the policy model (`classify.data.LabelledPolicy`).

    ``source`` is a corrections file or an open dataset connection (its ``corrections`` table).
    Accepted and re-categorised policies keep the reviewer's category; rejected ones are labelled
    ``none`` (a span that is not a policy of any outcome). The latest decision per mention wins.
    Examples carry the release's own id as ``source_id``; a file's unusable lines are skipped
    (`read_corrections` reports them). ``rejected=False`` leaves rejected spans out.
    """
    from .classify.data import LabelledPolicy

    latest: dict[tuple[str, int, int], tuple[str, dict[str, Any], dict[str, Any], str | None]] = {}
    if isinstance(source, sqlite3.Connection):
        for row in stored_corrections(source):
            if row["field"] == "policy":
                latest[(row["doc_id"], row["start_char"], row["end_char"])] = (
                    row["decided_at"], json.loads(row["before"]), json.loads(row["after"]), row["text"])
    else:
        decisions, _errors = read_corrections(source)
        for c in sorted(decisions, key=lambda d: d.when):
            if c.field == "policy":
                latest[(c.release or c.release_key or "", c.start, c.end)] = (c.when, c.before, c.after, c.text)
    out = []
    for (release_id, start, end), (_when, before, after, text) in latest.items():
        if text is None or (not rejected and after.get("status") == "rejected"):
            continue
        label = "none" if after.get("status") == "rejected" else after.get("category") or before.get("category")
        if label in CATEGORIES:
            out.append(LabelledPolicy(source_id=release_id, start=start, end=end, text=text, label=label))
    return out


def reviewed_training_docs(source: str | Path | sqlite3.Connection, dataset: sqlite3.Connection | None = None):
    """Reviewed policies as training documents for the policy model (`classify.data.TrainingDoc`).

    ``source`` is a corrections file (``train --corrections corrections.jsonl``) or an open dataset
    connection (its ``corrections`` table); see `reviewed_policies` for the labels. Each release's
    text comes from ``dataset`` (or from ``source`` when it is a connection), so a policy is learnt
    in its context; a decision whose release is not at hand, or whose offsets no longer point at
    its text, becomes a document of the policy's own words, since a corrections file carries those.
    """
    from .classify.data import LabelledPolicy, TrainingDoc

    conn = source if isinstance(source, sqlite3.Connection) else dataset
    labels = reviewed_policies(source)
    texts: dict[str, str] = {}
    if conn is not None and labels:
        ids = sorted({label.source_id for label in labels})
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            texts.update(conn.execute(f"SELECT doc_id, text FROM releases WHERE doc_id IN ({marks})", chunk).fetchall())
    docs: dict[str, TrainingDoc] = {}
    for label in labels:
        text = texts.get(label.source_id)
        if text is not None and text[label.start:label.end] == label.text:
            docs.setdefault(label.source_id, TrainingDoc(label.source_id, text)).policies.append(label)
        else:
            own = f"{label.source_id}@{label.start}-{label.end}"
            docs[own] = TrainingDoc(own, label.text, [LabelledPolicy(own, 0, len(label.text), label.text, label.label)])
    return list(docs.values())


__all__ = ["ApplyReport", "Correction", "CorrectionError", "Reviewed", "ReviewedRelease", "apply_corrections",
           "overlay", "parse_correction", "read_corrections", "reviewed_by_release", "reviewed_policies",
           "reviewed_record", "reviewed_training_docs"]
