"""Dataset files as an older release-miner wrote them, built from the store's own migrations.

Faking an old file by undoing one column of a current file leaves every later migration's
tables and columns in place, so upgrading it collides with them; a file built from the
migrations up to a version is exactly what that version wrote.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from release_miner.store import MIGRATIONS


def dataset_at_version(path: Path, version: int) -> Path:
    """Write at ``path`` an empty dataset with the schema of ``version`` (every migration up to it)."""
    conn = sqlite3.connect(path)
    for number, _description, sql in sorted(MIGRATIONS):
        if number <= version:
            conn.executescript(sql)
    conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.commit()
    conn.close()
    return path


def schema_of(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table's and index's columns (name, type, not-null, default, key), to compare two files."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    schema = {t: [tuple(c)[1:] for c in conn.execute(f'PRAGMA table_info("{t}")')] for t in names}
    for name, table in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"):
        schema[f"index {name} on {table}"] = [tuple(c) for c in conn.execute(f'PRAGMA index_info("{name}")')]
    return schema
