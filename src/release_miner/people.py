"""One person per real person across the dataset: canonical people, aliases and merge suggestions.

Each release lists its people with the spellings it used. Across releases the same mayor
appears as "Park Heongjoon", "Park Heong-joon", "Park Hyungjun"... and two different
mayors may share a surname and a title. Grouping therefore weighs three kinds of
evidence:

1. **the name** — `namekey.name_key` folds romanisation, spacing and hyphenation
   variants into one key (family name first); a fuzzy ratio on the given-name part of
   the keys catches the variants the folding misses;
2. **the affiliation** — the place or body a role belongs to ("Busan Metropolitan City"
   and "Busan" agree; "Busan" and "Ulsan" do not);
3. **the title** — "Mayor" and "Mayor of London" agree; "Mayor" and "Vice Mayor" do not.

Decisions (`decide`): the same key with no conflicting evidence is the same person and
is merged; a near-identical name backed by the same body and title is merged too.
Anything weaker but plausible — the same key with a different body, a similar name
without supporting evidence — is stored in ``person_merge_suggestions`` for review and
never merged silently. Different names are different people.

`link_people` is a `Store.after_add` hook (it runs inside the release's transaction);
`regroup` rebuilds the grouping for a whole dataset; `accept_suggestion` /
`reject_suggestion` record a reviewer's decision.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio

from .extract.namekey import affiliation_words, affiliations_agree, fold, fold_words, name_key
from .records import Release

#: Given-name similarity (0-100, on folded keys) above which a name is "near-identical".
MERGE_SIMILARITY = 90.0
#: Similarity above which an unsupported match is still worth a reviewer's look.
SUGGEST_SIMILARITY = 75.0

@dataclass(frozen=True)
class Decision:
    """What to do with a new person and one stored candidate."""

    action: str  # "merge", "suggest" or "separate"
    score: float
    reason: str


# ---- evidence -------------------------------------------------------------


def title_head(title: str | None) -> str:
    """The role without its qualifier: "Mayor of London" -> "mayor", "Vice Mayor for X" -> "vice mayor"."""
    head = re.split(r"\s+(?:of|for|at|in|with)\s+|,", (title or "").lower())[0]
    return " ".join(re.sub(r"[^a-z ]", " ", head).split())


def titles_agree(a: str | None, b: str | None) -> bool | None:
    ha, hb = title_head(a), title_head(b)
    if not ha or not hb:
        return None
    return ha == hb


def _split_key(key: str) -> tuple[str, str]:
    family, _, given = key.partition("|")
    return family, given


def similarity(key_a: str, key_b: str) -> float:
    """How alike two name keys are (0-100); different family names score 0."""
    fa, ga = _split_key(key_a)
    fb, gb = _split_key(key_b)
    if fa != fb:
        return 0.0
    if not ga or not gb:
        return 100.0 if ga == gb else 0.0
    return float(ratio(ga, gb))


def decide(new_key: str, new_title: str | None, new_aff: str | None,
           old_key: str, old_title: str | None, old_aff: str | None) -> Decision:
    """Merge, suggest or keep apart one new person and one stored person."""
    sim = similarity(new_key, old_key)
    aff = affiliations_agree(new_aff, old_aff)
    title = titles_agree(new_title, old_title)
    if sim >= 100.0 and "|" in new_key:
        if aff is False:
            return Decision("suggest", 0.6, f"same name, different affiliation ({new_aff} / {old_aff})")
        if title is False and aff is not True:
            return Decision("suggest", 0.7, f"same name, different title ({new_title} / {old_title})")
        return Decision("merge", 1.0, "same name key")
    if sim >= 100.0:  # a single word ("Biden"): only with agreeing evidence
        if aff is True or title is True:
            return Decision("suggest", 0.5, "same single name")
        return Decision("separate", 0.0, "single name without evidence")
    if _split_key(new_key)[0] == _split_key(old_key)[0] and not (_split_key(new_key)[1] and _split_key(old_key)[1]):
        # "President Biden" and "Joe Biden": a surname alone may be the full name's bearer
        if title is True and aff is not False:
            return Decision("suggest", 0.5, "surname alone, same title")
        return Decision("separate", 0.0, "surname alone without evidence")
    if sim >= MERGE_SIMILARITY and aff is True and title is not False:
        return Decision("merge", sim / 100, f"similar name ({sim:.0f}), same affiliation")
    if sim >= SUGGEST_SIMILARITY and aff is not False:
        support = "same affiliation" if aff else "same title" if title else "no role evidence"
        return Decision("suggest", round(sim / 100 * (0.9 if aff or title else 0.7), 3),
                        f"similar name ({sim:.0f}), {support}")
    return Decision("separate", 0.0, "different names")


# ---- storage --------------------------------------------------------------


def _candidates(conn: sqlite3.Connection, key: str) -> list[sqlite3.Row]:
    family = _split_key(key)[0]
    # a range on the key ('family|' up to 'family}') uses the index where LIKE cannot
    return conn.execute(
        "SELECT id, name, name_key, title, affiliation FROM persons"
        " WHERE name_key = ? OR (name_key >= ? AND name_key < ?)",
        (family, family + "|", family + "}"),
    ).fetchall()


def _add_alias(conn: sqlite3.Connection, person_id: int, alias: str) -> None:
    conn.execute("INSERT OR IGNORE INTO person_aliases (person_id, alias) VALUES (?, ?)", (person_id, alias))


def _refresh(conn: sqlite3.Connection, person_id: int) -> None:
    """Canonical name, title and affiliation: the most frequent among the person's mentions in releases."""
    rows = conn.execute("SELECT name, title, affiliation FROM people WHERE person_id = ?", (person_id,)).fetchall()
    if not rows:
        return

    def most(values: list[Any]) -> Any:
        counted = Counter(v for v in values if v)
        return counted.most_common(1)[0][0] if counted else None

    conn.execute("UPDATE persons SET name = ?, title = ?, affiliation = ? WHERE id = ?",
                 (most([r[0] for r in rows]), most([r[1] for r in rows]), most([r[2] for r in rows]), person_id))


def _suggest(conn: sqlite3.Connection, person_id: int, other_id: int, decision: Decision) -> None:
    a, b = sorted((person_id, other_id))
    rejected = conn.execute(
        "SELECT 1 FROM person_merge_suggestions WHERE person_id = ? AND other_person_id = ? AND status = 'rejected'",
        (a, b)).fetchone()
    if rejected:
        return
    conn.execute(
        "INSERT OR IGNORE INTO person_merge_suggestions (person_id, other_person_id, score, reason) VALUES (?, ?, ?, ?)",
        (a, b, decision.score, decision.reason))


def link_person(conn: sqlite3.Connection, people_row_id: int, name: str, aliases: list[str],
                title: str | None, affiliation: str | None, exclude: set[int] = frozenset()) -> int:
    """Attach one ``people`` row to a canonical person (new or existing); returns the person id."""
    key = name_key(name)
    best: tuple[float, sqlite3.Row] | None = None
    suggestions: list[tuple[sqlite3.Row, Decision]] = []
    for cand in _candidates(conn, key):
        if cand[0] in exclude:
            continue
        decision = decide(key, title, affiliation, cand[2], cand[3], cand[4])
        if decision.action == "merge" and (best is None or decision.score > best[0]):
            best = (decision.score, cand)
        elif decision.action == "suggest":
            suggestions.append((cand, decision))
    if best is not None:
        person_id = int(best[1][0])
    else:
        cur = conn.execute("INSERT INTO persons (name, name_key, title, affiliation) VALUES (?, ?, ?, ?)",
                           (name, key, title, affiliation))
        person_id = int(cur.lastrowid)
        for cand, decision in suggestions:
            _suggest(conn, person_id, int(cand[0]), decision)
    conn.execute("UPDATE people SET person_id = ? WHERE id = ?", (person_id, people_row_id))
    for spelling in (name, *aliases):
        _add_alias(conn, person_id, spelling)
    _refresh(conn, person_id)
    return person_id


def link_people(conn: sqlite3.Connection, release_id: int, release: Release | None = None) -> list[int]:
    """`Store.after_add` hook: give every person of one stored release a canonical person."""
    rows = conn.execute("SELECT id, name, aliases, title, affiliation FROM people WHERE release_id = ? ORDER BY id",
                        (release_id,)).fetchall()
    linked: list[int] = []
    for row_id, name, aliases, title, affiliation in rows:
        linked.append(link_person(conn, int(row_id), name, json.loads(aliases or "[]"), title, affiliation,
                                  exclude=set(linked)))
    return linked


def _groups(conn: sqlite3.Connection) -> list[list[int]]:
    """The ``people`` rows of each canonical person that has more than one."""
    groups: dict[int, list[int]] = {}
    for row_id, person_id in conn.execute("SELECT id, person_id FROM people WHERE person_id IS NOT NULL"):
        groups.setdefault(int(person_id), []).append(int(row_id))
    return [rows for rows in groups.values() if len(rows) > 1]


def regroup(conn: sqlite3.Connection) -> int:
    """Rebuild canonical people and suggestions for the whole dataset (oldest release first).

    Use it on a dataset stored before grouping existed, or after the matching rules change.
    A regroup never undoes a merge (so a reviewer's accepted merges stay), and a rejected
    pair is not suggested again. Returns the number of canonical people.
    """
    rejected = {frozenset(((r[0], r[1]), (r[2], r[3]))) for r in conn.execute(
        "SELECT a.name_key, a.affiliation, b.name_key, b.affiliation FROM person_merge_suggestions s "
        "JOIN persons a ON a.id = s.person_id JOIN persons b ON b.id = s.other_person_id WHERE s.status = 'rejected'")}
    previous = _groups(conn)
    conn.execute("UPDATE people SET person_id = NULL")
    conn.execute("DELETE FROM person_merge_suggestions")
    conn.execute("DELETE FROM person_aliases")
    conn.execute("DELETE FROM persons")
    for (rid,) in conn.execute("SELECT id FROM releases ORDER BY id").fetchall():
        link_people(conn, rid)
    for rows in previous:
        marks = ",".join("?" * len(rows))
        owners = sorted({int(r[0]) for r in conn.execute(
            f"SELECT person_id FROM people WHERE id IN ({marks})", rows)})
        for other in owners[1:]:
            merge_persons(conn, owners[0], other)
    for sid, *pair in conn.execute(
            "SELECT s.id, a.name_key, a.affiliation, b.name_key, b.affiliation FROM person_merge_suggestions s "
            "JOIN persons a ON a.id = s.person_id JOIN persons b ON b.id = s.other_person_id").fetchall():
        if frozenset(((pair[0], pair[1]), (pair[2], pair[3]))) in rejected:
            conn.execute("UPDATE person_merge_suggestions SET status = 'rejected' WHERE id = ?", (sid,))
    return conn.execute("SELECT count(*) FROM persons").fetchone()[0]


def merge_persons(conn: sqlite3.Connection, keep_id: int, other_id: int) -> None:
    """Fold ``other_id`` into ``keep_id``: its releases, aliases and open suggestions."""
    conn.execute("UPDATE people SET person_id = ? WHERE person_id = ?", (keep_id, other_id))
    conn.execute("INSERT OR IGNORE INTO person_aliases (person_id, alias) SELECT ?, alias FROM person_aliases "
                 "WHERE person_id = ?", (keep_id, other_id))
    conn.execute("DELETE FROM persons WHERE id = ?", (other_id,))
    _refresh(conn, keep_id)


def accept_suggestion(conn: sqlite3.Connection, suggestion_id: int) -> int:
    """Merge the pair of a suggestion; returns the kept person id."""
    row = conn.execute("SELECT person_id, other_person_id FROM person_merge_suggestions WHERE id = ?",
                       (suggestion_id,)).fetchone()
    if row is None:
        raise KeyError(f"no merge suggestion {suggestion_id}")
    keep, other = int(row[0]), int(row[1])
    conn.execute("UPDATE person_merge_suggestions SET status = 'accepted' WHERE id = ?", (suggestion_id,))
    merge_persons(conn, keep, other)  # the suggestion row goes with `other` (ON DELETE CASCADE)
    return keep


def reject_suggestion(conn: sqlite3.Connection, suggestion_id: int) -> None:
    cur = conn.execute("UPDATE person_merge_suggestions SET status = 'rejected' WHERE id = ?", (suggestion_id,))
    if cur.rowcount == 0:
        raise KeyError(f"no merge suggestion {suggestion_id}")


# ---- reading --------------------------------------------------------------


@dataclass
class CanonicalPerson:
    """A person as the dataset knows them, with every spelling and the number of releases naming them."""

    id: int
    name: str
    aliases: list[str]
    titles: list[str]
    affiliation: str | None
    releases: int

    def to_dict(self) -> dict[str, Any]:
        return dict(id=self.id, name=self.name, aliases=self.aliases, titles=self.titles,
                    affiliation=self.affiliation, releases=self.releases)


def canonical_people(conn: sqlite3.Connection) -> list[CanonicalPerson]:
    """Canonical people named by at least one stored release, most-mentioned first."""
    out = []
    for row in conn.execute(
            "SELECT p.id, p.name, p.affiliation, count(DISTINCT pe.release_id) AS n FROM persons p "
            "JOIN people pe ON pe.person_id = p.id GROUP BY p.id ORDER BY n DESC, p.name").fetchall():
        pid = int(row[0])
        aliases = [r[0] for r in conn.execute(
            "SELECT alias FROM person_aliases WHERE person_id = ? AND alias != ? ORDER BY alias", (pid, row[1]))]
        titles = [r[0] for r in conn.execute(
            "SELECT title, count(*) AS c FROM people WHERE person_id = ? AND title IS NOT NULL "
            "GROUP BY title ORDER BY c DESC, title", (pid,))]
        out.append(CanonicalPerson(pid, row[1], aliases, titles, row[2], int(row[3])))
    return out


def open_suggestions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Merge suggestions awaiting review, strongest first."""
    return [dict(r) for r in conn.execute(
        "SELECT s.id, s.score, s.reason, a.id AS person_id, a.name AS person, a.affiliation AS person_affiliation, "
        "b.id AS other_person_id, b.name AS other_person, b.affiliation AS other_affiliation "
        "FROM person_merge_suggestions s JOIN persons a ON a.id = s.person_id "
        "JOIN persons b ON b.id = s.other_person_id WHERE s.status = 'open' ORDER BY s.score DESC, s.id")]


__all__ = ["CanonicalPerson", "Decision", "MERGE_SIMILARITY", "SUGGEST_SIMILARITY", "accept_suggestion",
           "affiliations_agree", "canonical_people", "decide", "link_people", "link_person", "merge_persons",
           "open_suggestions", "regroup", "reject_suggestion", "similarity", "titles_agree"]
