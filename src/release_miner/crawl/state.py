"""The crawl's durable state in the dataset file: runs, the frontier, pages and attachments.

Everything the crawler knows lives in ``crawl_*`` tables of the release-miner SQLite file,
so a crawl survives any interruption: a URL leaves the frontier (``pending`` -> ``done``)
in the same transaction that stores its page and queues the links found on it. After a
``kill -9`` the pending URLs are exactly the work not yet committed; nothing is lost and
nothing is stored twice (``crawl_pages.canonical_url`` is unique, the frontier is unique
per run and URL).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from ..pipeline import Document
from ..store import Store


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def compress(raw: bytes | None) -> bytes | None:
    return zlib.compress(raw, 6) if raw is not None else None


def decompress(blob: bytes | None) -> bytes | None:
    return zlib.decompress(blob) if blob is not None else None


@dataclass
class FrontierItem:
    id: int
    url: str
    kind: str
    depth: int
    referrer: str | None


class CrawlState:
    """Reads and writes the ``crawl_*`` tables of one `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn

    # -- runs ---------------------------------------------------------------

    def open_run(self, seeds: list[str], options: dict) -> tuple[int, bool]:
        """(run id, resumed): the unfinished run with these seeds, or a new one."""
        key = json.dumps(sorted(seeds))
        row = self.conn.execute(
            "SELECT id FROM crawl_runs WHERE seeds = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            (key,)).fetchone()
        if row:
            return int(row[0]), True
        with self.store.transaction() as conn:
            cur = conn.execute("INSERT INTO crawl_runs (seeds, options, started_at) VALUES (?, ?, ?)",
                               (key, json.dumps(options, sort_keys=True), now()))
        return int(cur.lastrowid), False

    def finish_run(self, run_id: int) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE crawl_runs SET finished_at = ? WHERE id = ?", (now(), run_id))

    # -- frontier -----------------------------------------------------------

    @staticmethod
    def enqueue(conn: sqlite3.Connection, run_id: int, url: str, kind: str, priority: int, depth: int,
                referrer: str | None) -> bool:
        """Queue ``url`` once per run; a still-pending URL found again with a better priority is promoted
        (a release first seen in a sidebar and then in its listing is fetched as a listed release), and
        a URL skipped as out of scope or too deep is queued when a link that admits it turns up."""
        cur = conn.execute(
            "INSERT INTO crawl_frontier (run_id, url, kind, priority, depth, referrer) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (run_id, url) DO UPDATE SET kind = excluded.kind, priority = excluded.priority,"
            " depth = min(crawl_frontier.depth, excluded.depth), status = 'pending', note = NULL"
            " WHERE (crawl_frontier.status = 'pending' AND excluded.priority < crawl_frontier.priority)"
            " OR (crawl_frontier.status = 'skipped' AND (crawl_frontier.note LIKE 'out of scope%'"
            " OR crawl_frontier.note = 'too deep'))",
            (run_id, url, kind, priority, depth, referrer))
        return cur.rowcount > 0

    @staticmethod
    def skip(conn: sqlite3.Connection, run_id: int, url: str, kind: str, depth: int, referrer: str | None,
             note: str) -> bool:
        """Record a link that is not fetched, and why; True the first time this run meets it."""
        cur = conn.execute(
            "INSERT INTO crawl_frontier (run_id, url, kind, priority, depth, referrer, status, note)"
            " VALUES (?, ?, ?, 9, ?, ?, 'skipped', ?) ON CONFLICT (run_id, url) DO NOTHING",
            (run_id, url, kind, depth, referrer, note))
        return cur.rowcount > 0

    def done_variant(self, run_id: int, url: str, variants: list[str]) -> str | None:
        """Another spelling of ``url`` this run has already fetched (``/news/`` for ``/news/index.html``)."""
        others = [v for v in variants if v != url]
        if not others:
            return None
        row = self.conn.execute(
            f"SELECT url FROM crawl_frontier WHERE run_id = ? AND status = 'done' AND url IN "
            f"({', '.join('?' for _ in others)}) LIMIT 1", (run_id, *others)).fetchone()
        return row[0] if row else None

    def next_item(self, run_id: int, held: tuple[str, ...] = ()) -> FrontierItem | None:
        """The next pending URL by priority, leaving aside URLs that start with a ``held`` origin
        (a host whose robots.txt cannot be read yet)."""
        clauses = "".join(" AND substr(url, 1, ?) != ?" for _ in held)
        params: list[object] = [run_id]
        for origin in held:
            params += [len(origin), origin]
        row = self.conn.execute(
            "SELECT id, url, kind, depth, referrer FROM crawl_frontier WHERE run_id = ? AND status = 'pending'"
            f"{clauses} ORDER BY priority, id LIMIT 1", params).fetchone()
        return FrontierItem(*row) if row else None

    @staticmethod
    def settle(conn: sqlite3.Connection, item_id: int, status: str, note: str | None = None) -> None:
        conn.execute("UPDATE crawl_frontier SET status = ?, note = ?, attempts = attempts + 1 WHERE id = ?",
                     (status, note, item_id))

    def pending(self, run_id: int) -> int:
        return self.conn.execute("SELECT count(*) FROM crawl_frontier WHERE run_id = ? AND status = 'pending'",
                                 (run_id,)).fetchone()[0]

    # -- pages --------------------------------------------------------------

    def page(self, canonical: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM crawl_pages WHERE canonical_url = ?", (canonical,)).fetchone()

    def known_release(self, canonical: str) -> bool:
        """True when ``canonical`` is a stored release, or redirects to one, or duplicates one."""
        row = self.conn.execute(
            "SELECT 1 FROM crawl_pages WHERE canonical_url = ? AND kind = 'release'"
            " UNION ALL SELECT 1 FROM crawl_aliases a JOIN crawl_pages p ON p.id = a.page_id"
            " WHERE a.url = ? AND p.kind = 'release' LIMIT 1", (canonical, canonical)).fetchone()
        return row is not None

    def settled_before(self, url: str, run_id: int) -> bool:
        """True when an earlier run already dealt with ``url`` (fetched, refused or failed)."""
        row = self.conn.execute(
            "SELECT 1 FROM crawl_frontier WHERE url = ? AND run_id != ? AND status != 'pending' AND NOT"
            " (status = 'skipped' AND (note LIKE 'out of scope%' OR note = 'too deep')) LIMIT 1",
            (url, run_id)).fetchone()
        return row is not None

    def redirect_target(self, url: str) -> str | None:
        """The URL of the page ``url`` was found to be (by redirect or canonical link), if any."""
        row = self.conn.execute("SELECT p.url FROM crawl_aliases a JOIN crawl_pages p ON p.id = a.page_id"
                                " WHERE a.url = ?", (url,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def add_alias(conn: sqlite3.Connection, url: str, page_id: int) -> None:
        """Remember that ``url`` (a redirect source, a tracking variant) is the page ``page_id``."""
        conn.execute("INSERT OR REPLACE INTO crawl_aliases (url, page_id) VALUES (?, ?)", (url, page_id))

    @staticmethod
    def release_with_hash(conn: sqlite3.Connection, text_hash: str, canonical: str) -> int | None:
        row = conn.execute(
            "SELECT id FROM crawl_pages WHERE content_hash = ? AND kind = 'release' AND duplicate_of IS NULL"
            " AND canonical_url != ? ORDER BY id LIMIT 1", (text_hash, canonical)).fetchone()
        return int(row[0]) if row else None

    @staticmethod
    def save_page(conn: sqlite3.Connection, **values: object) -> int:
        """Insert or update the page keyed by ``canonical_url``; returns its id."""
        columns = list(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "canonical_url")
        conn.execute(
            f"INSERT INTO crawl_pages ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
            f" ON CONFLICT(canonical_url) DO UPDATE SET {updates}", [values[c] for c in columns])
        return int(conn.execute("SELECT id FROM crawl_pages WHERE canonical_url = ?",
                                (values["canonical_url"],)).fetchone()[0])

    @staticmethod
    def touch_page(conn: sqlite3.Connection, page_id: int) -> None:
        conn.execute("UPDATE crawl_pages SET fetched_at = ? WHERE id = ?", (now(), page_id))

    @staticmethod
    def add_attachment(conn: sqlite3.Connection, page_id: int, url: str, name: str | None) -> None:
        conn.execute("INSERT OR IGNORE INTO crawl_attachments (page_id, url, name) VALUES (?, ?, ?)",
                     (page_id, url, name or None))


WAITING_SQL = (
    "SELECT count(*) FROM crawl_pages p WHERE p.kind = 'release' AND p.duplicate_of IS NULL AND p.text IS NOT NULL"
    " AND p.text != '' AND NOT EXISTS (SELECT 1 FROM releases r WHERE r.url = p.canonical_url"
    " OR r.doc_id = p.canonical_url OR r.content_hash = p.content_hash)")


def waiting_releases(conn: sqlite3.Connection) -> int:
    """Crawled releases not yet in the dataset (``crawl`` stores pages; ``run --crawled`` makes them releases).

    0 for a file without crawl tables."""
    try:
        return int(conn.execute(WAITING_SQL).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def waiting_hint(db: str) -> str | None:
    """The line telling a user that crawled releases wait for ``run --crawled``, or None.

    Reads the file read-only (no journal switch, no lock held), so any command can ask."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        count = waiting_releases(conn)
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    if not count:
        return None
    noun = "release waits" if count == 1 else "releases wait"
    return (f"{count} crawled {noun} to be extracted into the dataset: run "
            f"`release-miner run --crawled --db {db}` (or crawl with --run)")


def crawled_documents(store: Store, *, since: str | None = None, batch: int = 200) -> Iterator[Document]:
    """Every crawled release (duplicates excluded) as a `Document` for ``run_into_store``, oldest first.

    Read in batches by id, so no cursor stays open while the caller writes to the same
    database and memory stays flat however many releases were crawled.
    """
    query = ("SELECT id, canonical_url, title, published, text FROM crawl_pages"
             " WHERE kind = 'release' AND duplicate_of IS NULL AND text IS NOT NULL AND text != '' AND id > ?")
    if since:
        query += " AND (published IS NULL OR published >= ?)"
    query += " ORDER BY id LIMIT ?"
    last = 0
    while True:
        params: list[object] = [last] + ([since] if since else []) + [batch]
        rows = store.conn.execute(query, params).fetchall()
        for r in rows:
            yield Document(text=r["text"], id=r["canonical_url"], published=r["published"], url=r["canonical_url"],
                           title=r["title"], source=r["canonical_url"])
        if len(rows) < batch:
            return
        last = rows[-1]["id"]
