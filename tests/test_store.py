"""The SQLite dataset: idempotent upserts, one transaction per release, migrations, exports."""

import csv
import io
import json
import sqlite3

import pytest

from release_miner.records import DateMention, Figure, Organization, Person, Policy, Release, content_hash
from release_miner.store import MIGRATIONS, SCHEMA_VERSION, SchemaTooNew, Store, export_csv, export_jsonl
from tests.conftest import REPO
from tests.store_versions import dataset_at_version, schema_of

TEXT = "Mayor Park Heongjoon said the Busan Metropolitan Council approved 6 trillion won on 2025-03-27."


def _release(doc_id="r1", text=TEXT) -> Release:
    return Release(
        id=doc_id, text=text, published="2025-03-27", url="https://example.org/r1", title="Budget",
        figures=[Figure("6 trillion won", 66, 80, "money", 6_000_000_000_000, "KRW")],
        dates=[DateMention("2025-03-27", 84, 94, "date", "2025-03-27", "day")],
        people=[Person("Park Heongjoon", [], "Mayor", "Busan Metropolitan Government", [[6, 20]])],
        organizations=[Organization("Busan Metropolitan Council", [], [[30, 56]])],
        policies=[Policy("6 trillion won", 66, 80, "innovative_growth", 0.8)],
    )


def test_round_trip_through_a_real_file(tmp_path):
    db = tmp_path / "d.sqlite"
    with Store(db) as store:
        assert store.add(_release(), source="x.jsonl:1", models={"spacy": "sm"}).added
    with Store(db, create=False) as store:
        (again,) = list(store.releases())
        row = store.conn.execute("SELECT source, toolkit_version, models, processed_at FROM releases").fetchone()
    assert again == _release()
    assert row["source"] == "x.jsonl:1" and json.loads(row["models"]) == {"spacy": "sm"}
    assert row["toolkit_version"] and row["processed_at"]


def test_same_text_is_stored_once(tmp_path):
    with Store(tmp_path / "d.sqlite") as store:
        first = store.add(_release())
        second = store.add(_release("other-id", TEXT.replace(" ", "  ")))  # whitespace differences only
        assert first.added and not second.added and first.release_id == second.release_id
        assert store.count() == 1 and store.count("figures") == 1 and store.count("mentions") == 2


def test_replace_swaps_records(tmp_path):
    with Store(tmp_path / "d.sqlite") as store:
        store.add(_release())
        changed = _release()
        changed.figures = []
        store.add(changed, replace=True)
        assert store.count() == 1 and store.count("figures") == 0


def test_failed_release_leaves_nothing_behind(tmp_path):
    with Store(tmp_path / "d.sqlite") as store:
        store.add(_release("kept", "An earlier release that must survive."))
        before = {t: store.count(t) for t in ("releases", "figures", "people", "policies", "mentions")}

        def explode(conn, rid, release):
            raise RuntimeError("disk full")

        store.after_add.append(explode)
        with pytest.raises(RuntimeError):
            store.add(_release())
        store.after_add.clear()
        assert {t: store.count(t) for t in before} == before
        assert [r.id for r in store.releases()] == ["kept"]


def test_older_dataset_is_migrated(tmp_path):
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0][2])
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO releases (doc_id, content_hash, text, processed_at, toolkit_version)"
                 " VALUES ('old', 'h', 'old text', '2025-01-01', '0.0.1')")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [r.id for r in store.releases()] == ["old"]


@pytest.mark.parametrize("version", [v for v, _, _ in MIGRATIONS if v < SCHEMA_VERSION])
def test_every_older_schema_upgrades_to_the_schema_of_a_new_file(tmp_path, version):
    old = dataset_at_version(tmp_path / "old.sqlite", version)
    with Store(old) as upgraded, Store(tmp_path / "new.sqlite") as new:
        assert upgraded.schema_version == new.schema_version == SCHEMA_VERSION
        assert schema_of(upgraded.conn) == schema_of(new.conn)


def test_migrations_are_in_order_and_the_schema_doc_names_the_current_version():
    versions = [v for v, _, _ in MIGRATIONS]
    assert versions == sorted(set(versions))
    assert f"schema version {SCHEMA_VERSION}" in (REPO / "docs" / "schema.md").read_text(encoding="utf-8")


def test_newer_dataset_is_refused_untouched(tmp_path):
    db = tmp_path / "new.sqlite"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer"):
        Store(db)


def test_exports(tmp_path):
    with Store(tmp_path / "d.sqlite") as store:
        store.add(_release())
        buf = io.StringIO()
        assert export_jsonl(store, buf) == 1
        paths = export_csv(store, tmp_path / "csv")
    record = json.loads(buf.getvalue())
    assert {"id", "url", "title", "published", "text", "figures", "dates", "people", "organizations",
            "policies"} <= set(record)
    assert record["figures"][0]["value"] == 6_000_000_000_000 and record["figures"][0]["unit"] == "KRW"
    names = {p.name for p in paths}
    assert {"releases.csv", "figures.csv", "dates.csv", "people.csv", "organizations.csv", "policies.csv",
            "mentions.csv"} <= names
    with (tmp_path / "csv" / "figures.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["value"] == "6000000000000" and rows[0]["start_char"] == "66"


def test_a_new_text_for_a_stored_identity_updates_it_in_one_transaction(tmp_path):
    first = Release(id="a", text="Busan will invest 6 trillion won.", key="id:a",
                    figures=[Figure("6 trillion won", 18, 32, "money", 6e12, "KRW")])
    second = Release(id="a", text="Busan will invest 9 trillion won now.", key="id:a",
                     figures=[Figure("9 trillion won", 18, 32, "money", 9e12, "KRW")])
    with Store(tmp_path / "d.sqlite") as store:
        rid = store.add(first).release_id

        def explode(conn, rid, release):
            raise RuntimeError("disk full")

        store.after_add.append(explode)
        with pytest.raises(RuntimeError):
            store.add(second)
        store.after_add.clear()
        assert [(r.text, [f.value for f in r.figures]) for r in store.releases()] == [(first.text, [6e12])]
        result = store.add(second)
        assert (result.release_id, result.status) == (rid, "updated")
        row = store.conn.execute("SELECT revision, previous_hash, content_hash FROM releases").fetchone()
        assert tuple(row) == (2, first.content_hash, second.content_hash)
        assert [f.value for r in store.releases() for f in r.figures] == [9e12]
        assert store.add(second).status == "unchanged"


def test_releases_stored_before_identities_take_one_on_their_next_run(tmp_path):
    path = dataset_at_version(tmp_path / "old.sqlite", 6)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO releases (doc_id, content_hash, text, processed_at, toolkit_version)"
                 " VALUES ('notes', ?, 'Old text.', '2025-01-01', '0.0.1')", (content_hash("Old text."),))
    conn.execute("INSERT INTO releases (doc_id, content_hash, text, processed_at, toolkit_version)"
                 " VALUES ('kept', ?, 'Kept text.', '2025-01-01', '0.0.1')", (content_hash("Kept text."),))
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.is_current("path:kept.txt", "Kept text.")
        assert store.add(Release(id="notes", text="New text.", key="path:notes.txt")).status == "updated"
        rows = store.conn.execute("SELECT doc_id, release_key, revision FROM releases ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("notes", "path:notes.txt", 2), ("kept", "path:kept.txt", 1)]
