"""The dataset: a plain SQLite file anyone can open (sqlite3, datasette, any SQLite browser).

Design choices:
- one row per release in ``releases``, keyed by the hash of its text, so re-running a
  batch or resuming after a crash never stores a release twice;
- one transaction per release: a release is stored with all its figures, dates, people,
  organizations, policies and mentions, or not at all;
- child tables use ``start_char``/``end_char`` offsets into ``releases.text``;
- ``PRAGMA user_version`` is the schema version; `MIGRATIONS` upgrade older files in place.

See ``docs/schema.md`` for the tables and their columns.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .outputs import atomic_files

from .cities import city_of
from .records import FIELDS, DateMention, Figure, Organization, Person, Policy, Release, content_hash

# ---- schema -------------------------------------------------------------

_SCHEMA_V1 = """
CREATE TABLE releases (
    id              INTEGER PRIMARY KEY,
    doc_id          TEXT NOT NULL,
    content_hash    TEXT NOT NULL UNIQUE,
    url             TEXT,
    title           TEXT,
    published       TEXT,
    text            TEXT NOT NULL,
    source          TEXT,
    processed_at    TEXT NOT NULL,
    toolkit_version TEXT NOT NULL,
    models          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX releases_published ON releases(published);
CREATE INDEX releases_url ON releases(url);

CREATE TABLE figures (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    value       REAL,
    unit        TEXT,
    approx      INTEGER NOT NULL DEFAULT 0,
    value_max   REAL
);
CREATE INDEX figures_release ON figures(release_id);

CREATE TABLE dates (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    value       TEXT,
    grain       TEXT
);
CREATE INDEX dates_release ON dates(release_id);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    title       TEXT,
    affiliation TEXT,
    aliases     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX people_release ON people(release_id);
CREATE INDEX people_name ON people(name);

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX organizations_release ON organizations(release_id);
CREATE INDEX organizations_name ON organizations(name);

CREATE TABLE policies (
    id           INTEGER PRIMARY KEY,
    release_id   INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    category     TEXT NOT NULL,
    confidence   REAL,
    target       TEXT,
    needs_review INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX policies_release ON policies(release_id);
CREATE INDEX policies_category ON policies(category);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    entity      TEXT NOT NULL CHECK (entity IN ('person', 'organization')),
    entity_id   INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX mentions_release ON mentions(release_id);
CREATE INDEX mentions_entity ON mentions(entity, entity_id);
"""

_SCHEMA_V2 = """
CREATE TABLE persons (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    title       TEXT,
    affiliation TEXT
);
CREATE INDEX persons_key ON persons(name_key);

CREATE TABLE person_aliases (
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);

ALTER TABLE people ADD COLUMN person_id INTEGER REFERENCES persons(id);
CREATE INDEX people_person ON people(person_id);

CREATE TABLE person_merge_suggestions (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    other_person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    score           REAL NOT NULL,
    reason          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    UNIQUE (person_id, other_person_id)
);
"""

_SCHEMA_V3 = """
CREATE TABLE crawl_runs (
    id          INTEGER PRIMARY KEY,
    seeds       TEXT NOT NULL,
    options     TEXT NOT NULL DEFAULT '{}',
    started_at  TEXT NOT NULL,
    finished_at TEXT
);

CREATE TABLE crawl_frontier (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
    url       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    priority  INTEGER NOT NULL DEFAULT 5,
    depth     INTEGER NOT NULL DEFAULT 0,
    referrer  TEXT,
    status    TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'skipped')),
    attempts  INTEGER NOT NULL DEFAULT 0,
    note      TEXT,
    UNIQUE (run_id, url)
);
CREATE INDEX crawl_frontier_next ON crawl_frontier(run_id, status, priority, id);
CREATE INDEX crawl_frontier_url ON crawl_frontier(url);

CREATE TABLE crawl_pages (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    canonical_url TEXT NOT NULL UNIQUE,
    status        INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('release', 'listing', 'feed', 'sitemap', 'other')),
    site          TEXT,
    content_type  TEXT,
    etag          TEXT,
    last_modified TEXT,
    raw_hash      TEXT,
    content_hash  TEXT,
    duplicate_of  INTEGER REFERENCES crawl_pages(id),
    fetched_at    TEXT NOT NULL,
    raw_html      BLOB,
    title         TEXT,
    published     TEXT,
    text          TEXT,
    extractor     TEXT
);
CREATE INDEX crawl_pages_hash ON crawl_pages(content_hash);
CREATE INDEX crawl_pages_kind ON crawl_pages(kind, published);

CREATE TABLE crawl_aliases (
    url     TEXT PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES crawl_pages(id) ON DELETE CASCADE
);

CREATE TABLE crawl_attachments (
    id       INTEGER PRIMARY KEY,
    page_id  INTEGER NOT NULL REFERENCES crawl_pages(id) ON DELETE CASCADE,
    url      TEXT NOT NULL,
    name     TEXT,
    UNIQUE (page_id, url)
);
"""

_SCHEMA_V4 = """
ALTER TABLE dates ADD COLUMN value_max TEXT;
"""

_SCHEMA_V6 = """
ALTER TABLE releases ADD COLUMN city TEXT;
CREATE INDEX releases_city ON releases(city);

CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    release_key  TEXT,
    doc_id       TEXT,
    field        TEXT NOT NULL CHECK (field IN ('policy', 'figure', 'person_merge')),
    start_char   INTEGER,
    end_char     INTEGER,
    text         TEXT,
    before       TEXT NOT NULL DEFAULT '{}',
    after        TEXT NOT NULL,
    decided_at   TEXT NOT NULL,
    applied_at   TEXT NOT NULL,
    UNIQUE (release_key, field, start_char, end_char, decided_at)
);
CREATE INDEX corrections_release ON corrections(release_key);
"""

_SCHEMA_V7 = """
ALTER TABLE releases ADD COLUMN release_key TEXT;
CREATE UNIQUE INDEX releases_key ON releases(release_key);
ALTER TABLE releases ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE releases ADD COLUMN previous_hash TEXT;
"""

#: (version, description, SQL). A file at user_version N gets every migration above N, in order.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "releases and extracted records", _SCHEMA_V1),
    (2, "canonical people across releases, and merge suggestions for review", _SCHEMA_V2),
    (3, "crawl: pages (raw HTML compressed, extracted text), aliases, attachments, runs and frontier", _SCHEMA_V3),
    (4, "dates: upper end of a duration range", _SCHEMA_V4),
    (6, "releases: city read at ingest; corrections: reviewers' decisions, kept apart from extracted records",
     _SCHEMA_V6),
    (7, "releases: a stable identity (given id, URL or path), a revision counter and the previous text's hash",
     _SCHEMA_V7),
]

SCHEMA_VERSION = max(v for v, _, _ in MIGRATIONS)

#: Tables of extracted records, in export order, with the columns each exports.
RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "figures": ("text", "start_char", "end_char", "kind", "value", "unit", "approx", "value_max"),
    "dates": ("text", "start_char", "end_char", "kind", "value", "grain", "value_max"),
    "people": ("name", "title", "affiliation", "aliases"),
    "organizations": ("name", "aliases"),
    "policies": ("text", "start_char", "end_char", "category", "confidence", "target", "needs_review"),
}


#: Seconds to wait for another process's write lock before giving up.
LOCK_TIMEOUT = 30.0


class StoreError(RuntimeError):
    """The dataset file cannot be used (locked, corrupt, not SQLite, a folder); the message names the file."""


class SchemaTooNew(StoreError):
    """The file was written by a newer release-miner than this one."""


def store_error_message(path: str | Path, exc: sqlite3.Error, timeout: float = LOCK_TIMEOUT) -> str:
    """One line saying what is wrong with the dataset at ``path``, from SQLite's error."""
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        return f"{path}: the dataset is locked by another process (waited {timeout:g} s); try again when it is done"
    if "not a database" in reason:
        return f"{path}: not a release-miner dataset (not an SQLite file, or its header is damaged)"
    if "malformed" in reason or "corrupt" in reason:
        return f"{path}: the dataset file is damaged ({reason}); restore it from a copy"
    if "readonly" in reason or "read-only" in reason:
        return f"{path}: the dataset cannot be written ({reason}); check its permissions and its folder's"
    if "unable to open" in reason:
        return f"{path}: cannot open the dataset ({reason}); check that its folder exists and is readable"
    return f"{path}: {reason}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _toolkit_version() -> str:
    from . import __version__

    return __version__


def _number(value: float | None) -> int | float | None:
    """SQLite returns REAL; whole numbers go back to int so exports read naturally."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


@dataclass
class StoredResult:
    """What happened to one release handed to `Store.add`.

    ``status`` is ``added`` (a new release), ``updated`` (a new text for a release already stored
    under the same identity), ``replaced`` (same text, records extracted again) or ``unchanged``.
    """

    release_id: int
    added: bool
    status: str = "added"


class Store:
    """A release-miner dataset in one SQLite file.

    Use as a context manager, or call `close`. Every public write is its own transaction.
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False,
                 timeout: float | None = None) -> None:
        """Open (``create``: or make) the dataset at ``path``, upgrading its schema when it is older.

        ``readonly`` opens it for reading only: nothing in the file changes (no journal-mode
        switch, no migration unless the schema is older, which needs write access), so a
        dataset on a read-only disk or owned by someone else can be exported and reported.
        ``timeout`` is how long to wait for another process's write lock (`LOCK_TIMEOUT`).
        Raises `StoreError` (one line naming the file) for a file that is not a usable dataset.
        """
        self.path = Path(path)
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        if not create and not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no such dataset")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a dataset file")
        #: Callables ``(conn, release_id, release)`` run inside each release's transaction
        #: (e.g. cross-release grouping of people); a failure rolls that release back.
        self.after_add: list[Callable[[sqlite3.Connection, int, Release], None]] = []
        self.readonly = readonly
        try:
            self.conn = self._connect(readonly)
        except sqlite3.DatabaseError as exc:
            raise StoreError(store_error_message(self.path, exc, self.timeout)) from None
        try:
            self._check_schema()
            if readonly and self.schema_version < SCHEMA_VERSION:
                # An older file must be upgraded before it can be read by this release-miner.
                self.conn.close()
                self.readonly = False
                self.conn = self._connect(False)
            if not self.readonly:
                self._use_wal()
                self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(store_error_message(self.path, exc, self.timeout)) from None
        except BaseException:
            self.conn.close()
            raise

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=self.timeout)
            try:
                conn.execute("PRAGMA user_version").fetchone()
            except sqlite3.OperationalError:
                # A WAL dataset in a folder we cannot write to has no -shm file to share: read
                # it as a file nobody changes (SQLite's immutable mode).
                conn.close()
                conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None, timeout=self.timeout)
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.timeout)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _use_wal(self) -> None:
        """Switch the file to WAL (readers never wait for the writer).

        Two connections switching a new file at once can deadlock, and SQLite then answers
        one of them "locked" at once instead of waiting: that one retries until `timeout`.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.02)

    def _check_schema(self) -> None:
        """Refuse a file from a newer release-miner before anything in it is touched."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path}: schema version {current} is newer than this release-miner ({SCHEMA_VERSION}); "
                "upgrade release-miner to open it"
            )

    # -- lifecycle --------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Bring the file up to `SCHEMA_VERSION`, one migration per transaction.

        The version is read inside each migration's write transaction (BEGIN IMMEDIATE), so
        two processes opening a new file at once never both apply the same migration.
        """
        while True:
            with self.transaction() as conn:
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                self._check_schema()
                pending = [m for m in sorted(MIGRATIONS) if m[0] > current]
                if not pending:
                    return
                version, _description, sql = pending[0]
                for statement in sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if version == 6:
                    _fill_cities(conn)
                conn.execute(f"PRAGMA user_version = {int(version)}")

    # -- writing ----------------------------------------------------------

    def release_id(self, text_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM releases WHERE content_hash = ?", (text_hash,)).fetchone()
        return row[0] if row else None

    def contains(self, text: str) -> bool:
        """True when a release with this text (up to whitespace) is already stored."""
        return self.release_id(content_hash(text)) is not None

    def is_current(self, key: str | None, text: str) -> bool:
        """True when nothing needs extracting: this text is what the dataset holds for identity ``key``.

        Also true when ``key`` is not stored yet but the same text is (a copy of a release, or one stored
        before releases had identities, which then takes ``key`` as its identity).
        """
        text_hash = content_hash(text)
        if key is not None:
            row = self.conn.execute("SELECT content_hash FROM releases WHERE release_key = ?", (key,)).fetchone()
            if row is not None:
                return row[0] == text_hash
        row = self.conn.execute("SELECT id, release_key FROM releases WHERE content_hash = ?", (text_hash,)).fetchone()
        if row is None:
            return False
        if key is not None and row[1] is None:
            with self.transaction() as conn:
                conn.execute("UPDATE releases SET release_key = ? WHERE id = ? AND release_key IS NULL AND NOT EXISTS"
                             " (SELECT 1 FROM releases WHERE release_key = ?)", (key, row[0], key))
        return True

    def add(
        self,
        release: Release,
        *,
        source: str | None = None,
        models: dict[str, str] | None = None,
        replace: bool = False,
    ) -> StoredResult:
        """Store ``release`` with all its records in one transaction.

        A release is identified by ``release.key`` (its given id, URL or path; see `Document.identity`),
        else by its text. A new text for a stored identity updates that release in place: its records are
        replaced, ``revision`` goes up by one and ``previous_hash`` keeps the hash of the text it replaced.
        An unchanged release is left as it is unless ``replace`` is true, in which case its records are
        swapped for the new ones. A text stored under another identity is not stored twice (``unchanged``).
        """
        text_hash = release.content_hash
        key = release.key
        with self.transaction() as conn:
            by_key = conn.execute("SELECT id, content_hash FROM releases WHERE release_key = ?",
                                  (key,)).fetchone() if key is not None else None
            by_text = conn.execute("SELECT id, release_key FROM releases WHERE content_hash = ?",
                                   (text_hash,)).fetchone()
            if by_key is not None:
                if by_key[1] == text_hash:
                    if not replace:
                        return StoredResult(by_key[0], added=False, status="unchanged")
                    self._rewrite(conn, by_key[0], release, source, models, text_changed=False)
                    return StoredResult(by_key[0], added=False, status="replaced")
                if by_text is not None:  # the new text is already another release: never two copies
                    return StoredResult(by_text[0], added=False, status="unchanged")
                self._rewrite(conn, by_key[0], release, source, models, text_changed=True)
                return StoredResult(by_key[0], added=False, status="updated")
            if by_text is not None:
                if key is not None and by_text[1] is None:
                    conn.execute("UPDATE releases SET release_key = ? WHERE id = ?", (key, by_text[0]))
                if not replace:
                    return StoredResult(by_text[0], added=False, status="unchanged")
                self._rewrite(conn, by_text[0], release, source, models, text_changed=False)
                return StoredResult(by_text[0], added=False, status="replaced")
            legacy = self._legacy_row(conn, release) if key is not None else None
            if legacy is not None:
                conn.execute("UPDATE releases SET release_key = ? WHERE id = ?", (key, legacy))
                self._rewrite(conn, legacy, release, source, models, text_changed=True)
                return StoredResult(legacy, added=False, status="updated")
            cur = conn.execute(
                "INSERT INTO releases (doc_id, content_hash, url, title, published, text, source, processed_at,"
                " toolkit_version, models, city, release_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    release.id, text_hash, release.url, release.title, release.published, release.text, source,
                    _now(), _toolkit_version(), json.dumps(models or {}, sort_keys=True), city_of(release), key,
                ),
            )
            rid = int(cur.lastrowid)
            self._insert_records(conn, rid, release)
            for hook in self.after_add:
                hook(conn, rid, release)
        return StoredResult(rid, added=True)

    @staticmethod
    def _legacy_row(conn: sqlite3.Connection, release: Release) -> int | None:
        """The one release stored without an identity (before schema 7) under this ``doc_id``, if exactly one."""
        rows = conn.execute("SELECT id FROM releases WHERE release_key IS NULL AND doc_id = ? LIMIT 2",
                            (release.id,)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def _rewrite(self, conn: sqlite3.Connection, rid: int, release: Release, source: str | None,
                 models: dict[str, str] | None, *, text_changed: bool) -> None:
        """Replace release ``rid``'s text (when changed) and all its records, keeping its row id."""
        people_of = [r[0] for r in conn.execute(
            "SELECT DISTINCT person_id FROM people WHERE release_id = ? AND person_id IS NOT NULL", (rid,))]
        for table in ("mentions", *RECORD_TABLES):
            conn.execute(f"DELETE FROM {table} WHERE release_id = ?", (rid,))
        conn.execute(
            "UPDATE releases SET doc_id = ?, url = ?, title = ?, published = ?, text = ?, source = ?,"
            " processed_at = ?, toolkit_version = ?, models = ?, city = ?,"
            " previous_hash = CASE WHEN ? THEN content_hash ELSE previous_hash END,"
            " revision = revision + ?, content_hash = ? WHERE id = ?",
            (release.id, release.url, release.title, release.published, release.text, source, _now(),
             _toolkit_version(), json.dumps(models or {}, sort_keys=True), city_of(release), int(text_changed),
             int(text_changed), release.content_hash, rid),
        )
        self._insert_records(conn, rid, release)
        for hook in self.after_add:
            hook(conn, rid, release)
        # Canonical people seen only in the replaced records no longer stand for anyone.
        conn.executemany("DELETE FROM persons WHERE id = ? AND NOT EXISTS (SELECT 1 FROM people WHERE person_id = ?)",
                         [(p, p) for p in people_of])

    @staticmethod
    def _insert_records(conn: sqlite3.Connection, rid: int, release: Release) -> None:
        conn.executemany(
            "INSERT INTO figures (release_id, text, start_char, end_char, kind, value, unit, approx, value_max)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, f.text, f.start, f.end, f.kind, f.value, f.unit, int(bool(f.approx)), f.value_max)
             for f in release.figures],
        )
        conn.executemany(
            "INSERT INTO dates (release_id, text, start_char, end_char, kind, value, grain, value_max)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, d.text, d.start, d.end, d.kind, d.value, d.grain, d.value_max) for d in release.dates],
        )
        conn.executemany(
            "INSERT INTO policies (release_id, text, start_char, end_char, category, confidence, target,"
            " needs_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, p.text, p.start, p.end, p.category, p.confidence, p.target, int(bool(p.needs_review)))
             for p in release.policies],
        )
        for person in release.people:
            cur = conn.execute(
                "INSERT INTO people (release_id, name, title, affiliation, aliases) VALUES (?, ?, ?, ?, ?)",
                (rid, person.name, person.title, person.affiliation, json.dumps(person.aliases, ensure_ascii=False)),
            )
            _insert_mentions(conn, rid, "person", int(cur.lastrowid), person.mentions, release.text)
        for org in release.organizations:
            cur = conn.execute(
                "INSERT INTO organizations (release_id, name, aliases) VALUES (?, ?, ?)",
                (rid, org.name, json.dumps(org.aliases, ensure_ascii=False)),
            )
            _insert_mentions(conn, rid, "organization", int(cur.lastrowid), org.mentions, release.text)

    # -- reading ----------------------------------------------------------

    def count(self, table: str = "releases") -> int:
        if table not in ("releases", "mentions", *RECORD_TABLES):
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def release_rows(self) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute("SELECT * FROM releases ORDER BY id")

    def load_release(self, row: sqlite3.Row) -> Release:
        """The stored `Release` for a ``releases`` row, with all its records."""
        rid = row["id"]
        q = self.conn.execute
        mentions: dict[tuple[str, int], list[list[int]]] = {}
        for m in q("SELECT entity, entity_id, start_char, end_char FROM mentions WHERE release_id = ? ORDER BY id",
                   (rid,)):
            mentions.setdefault((m["entity"], m["entity_id"]), []).append([m["start_char"], m["end_char"]])
        return Release(
            id=row["doc_id"], text=row["text"], published=row["published"], url=row["url"], title=row["title"],
            figures=[Figure(text=r["text"], start=r["start_char"], end=r["end_char"], kind=r["kind"],
                            value=_number(r["value"]), unit=r["unit"], approx=bool(r["approx"]),
                            value_max=_number(r["value_max"]))
                     for r in q("SELECT * FROM figures WHERE release_id = ? ORDER BY id", (rid,))],
            dates=[DateMention(text=r["text"], start=r["start_char"], end=r["end_char"], kind=r["kind"],
                               value=r["value"], grain=r["grain"], value_max=r["value_max"])
                   for r in q("SELECT * FROM dates WHERE release_id = ? ORDER BY id", (rid,))],
            people=[Person(name=r["name"], aliases=json.loads(r["aliases"]), title=r["title"],
                           affiliation=r["affiliation"], mentions=mentions.get(("person", r["id"]), []))
                    for r in q("SELECT * FROM people WHERE release_id = ? ORDER BY id", (rid,))],
            organizations=[Organization(name=r["name"], aliases=json.loads(r["aliases"]),
                                        mentions=mentions.get(("organization", r["id"]), []))
                           for r in q("SELECT * FROM organizations WHERE release_id = ? ORDER BY id", (rid,))],
            policies=[Policy(text=r["text"], start=r["start_char"], end=r["end_char"], category=r["category"],
                             confidence=r["confidence"], target=r["target"], needs_review=bool(r["needs_review"]))
                      for r in q("SELECT * FROM policies WHERE release_id = ? ORDER BY id", (rid,))],
        )

    def releases(self, page_size: int = 256) -> Iterator[Release]:
        """Every stored release, oldest first, streamed.

        Rows are fetched a page at a time (keyed on ``id``), so memory stays flat for any
        dataset size and the caller may write to the store between releases.
        """
        last = 0
        while rows := self.conn.execute("SELECT * FROM releases WHERE id > ? ORDER BY id LIMIT ?",
                                        (last, page_size)).fetchall():
            for row in rows:
                yield self.load_release(row)
            last = rows[-1]["id"]


def _fill_cities(conn: sqlite3.Connection) -> None:
    """Record the city of every release stored before ``releases.city`` existed (see `cities`)."""
    for row in conn.execute("SELECT id, url, title, text FROM releases WHERE city IS NULL").fetchall():
        orgs = [Organization(r[0]) for r in conn.execute("SELECT name FROM organizations WHERE release_id = ?",
                                                        (row[0],))]
        release = Release(id="", text=row[3], url=row[1], title=row[2], organizations=orgs)
        conn.execute("UPDATE releases SET city = ? WHERE id = ?", (city_of(release), row[0]))


def _insert_mentions(conn: sqlite3.Connection, rid: int, entity: str, entity_id: int,
                     spans: list[list[int]], text: str) -> None:
    conn.executemany(
        "INSERT INTO mentions (release_id, entity, entity_id, start_char, end_char, text) VALUES (?, ?, ?, ?, ?, ?)",
        [(rid, entity, entity_id, s, e, text[s:e]) for s, e in spans],
    )


# ---- exports ------------------------------------------------------------

def export_jsonl(store: Store, out) -> int:
    """One JSON line per release: id, url, title, published, text and the extraction fields.

    Reviewers' decisions (the ``corrections`` table) are laid over the extracted values; a corrected
    value carries ``"reviewed": true`` and rejected policies move to ``rejected_policies``.
    """
    from .corrections import overlay, reviewed_by_release, reviewed_record

    decisions = reviewed_by_release(store.conn)
    n = 0
    for row in store.conn.execute("SELECT * FROM releases ORDER BY id"):
        release = store.load_release(row)
        record: dict[str, Any] = reviewed_record(overlay(release, decisions.get(row["content_hash"])))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: Store, directory: str | Path) -> list[Path]:
    """One CSV file per table (releases, figures, dates, people, organizations, policies, mentions).

    The files replace an earlier export in ``directory`` only once all of them are written.
    """
    directory = Path(directory)
    written = []
    tables = ["releases", *RECORD_TABLES, "mentions"]
    extra = [r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    with atomic_files(directory) as open_file:
        for table in tables + [t for t in extra if t not in tables and not t.startswith("crawl_")]:
            cur = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            writer = csv.writer(open_file(f"{table}.csv", newline=""))
            writer.writerow([d[0] for d in cur.description])
            for row in cur:
                writer.writerow([_number(v) if isinstance(v, float) else v for v in row])
            written.append(directory / f"{table}.csv")
    return written


__all__ = ["LOCK_TIMEOUT", "MIGRATIONS", "SCHEMA_VERSION", "SchemaTooNew", "Store", "StoreError", "StoredResult",
           "store_error_message", "export_csv",
           "export_jsonl", "FIELDS"]
