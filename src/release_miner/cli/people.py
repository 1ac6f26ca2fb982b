"""``release-miner people``: canonical people across the dataset, and review of uncertain merges."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

from ..people import accept_suggestion, canonical_people, open_suggestions, regroup, reject_suggestion
from .common import CommandError, add_command, open_store


def register(subparsers) -> None:
    p = add_command(subparsers, "people", "list canonical people (one per real person) with aliases, titles and "
                    "release counts; review merge suggestions", [
                        "release-miner people --db releases.sqlite",
                        "release-miner people --db releases.sqlite --format json",
                        "release-miner people --db releases.sqlite --suggestions",
                        "release-miner people --db releases.sqlite --accept 3 --reject 4",
                        "release-miner people --db releases.sqlite --regroup",
                    ])
    p.add_argument("--db", default="releases.sqlite", help="the dataset file")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--suggestions", action="store_true", help="list open merge suggestions instead of people")
    p.add_argument("--accept", type=int, action="append", default=[], metavar="ID",
                   help="merge the two people of suggestion ID (repeatable)")
    p.add_argument("--reject", type=int, action="append", default=[], metavar="ID",
                   help="mark suggestion ID as not the same person (repeatable)")
    p.add_argument("--regroup", action="store_true",
                   help="rebuild the grouping of the whole dataset (merges and rejections are kept)")
    p.set_defaults(handler=handle)


def clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, ending with an ellipsis so a cut name never reads as whole."""
    return text if len(text) <= width else text[:width - 1] + "…"


def _print_people(people, fmt: str) -> None:
    if fmt == "json":
        for person in people:
            print(json.dumps(person.to_dict(), ensure_ascii=False))
        return
    print(f"{'id':>5}  {'releases':>8}  {'name':<28} {'titles':<28} {'affiliation':<34} aliases")
    for p in people:
        print(f"{p.id:>5}  {p.releases:>8}  {clip(p.name, 28):<28} {clip(', '.join(p.titles), 28):<28} "
              f"{clip(p.affiliation or '', 34):<34} {'; '.join(p.aliases)}")


def _print_suggestions(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    print(f"{'id':>5}  {'score':>5}  {'person':<40} {'other person':<40} reason")
    for r in rows:
        a = f"{r['person']} ({r['person_affiliation'] or '-'})"
        b = f"{r['other_person']} ({r['other_affiliation'] or '-'})"
        print(f"{r['id']:>5}  {r['score']:>5.2f}  {clip(a, 40):<40} {clip(b, 40):<40} {r['reason']}")


def handle(args: argparse.Namespace) -> int:
    writes = bool(args.accept or args.reject or args.regroup)
    with open_store(args.db, readonly=not writes) as store:
        try:
            with store.transaction() if writes else nullcontext(store.conn) as conn:
                for sid in args.accept:
                    accept_suggestion(conn, sid)
                for sid in args.reject:
                    reject_suggestion(conn, sid)
                if args.regroup:
                    n = regroup(conn)
                    print(f"regrouped: {n} people", file=sys.stderr)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from None
        if args.suggestions:
            _print_suggestions(open_suggestions(store.conn), args.format)
        else:
            _print_people(canonical_people(store.conn), args.format)
    return 0
