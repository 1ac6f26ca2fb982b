"""``release-miner evaluate``: measure extraction against hand-annotated gold releases."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..evaluate import format_table, score
from ..jsonl import JsonlError, read_jsonl
from ..pipeline import mine_many
from ..progress import progress
from .common import CommandError, add_command, add_model_options, add_quiet, pipeline_from_args


def register(subparsers) -> None:
    p = add_command(subparsers, "evaluate", "score extraction against a gold JSONL file (per-field P/R/F1)", [
        "release-miner evaluate --gold ../shared/eval/dev.jsonl",
        "release-miner evaluate --gold my-gold.jsonl --json scores.json --per-doc",
    ])
    p.add_argument("--gold", required=True, help="gold JSONL: documents with a `gold` object (see docs/annotation.md)")
    p.add_argument("--predictions", metavar="JSONL", help="score this extraction output instead of extracting")
    p.add_argument("--json", metavar="PATH", help="also write the full result as JSON")
    p.add_argument("--per-doc", action="store_true", help="list missed and spurious items per document")
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def _load(path: str) -> dict[str, dict]:
    try:
        rows = read_jsonl(path)
    except JsonlError as exc:
        raise CommandError(str(exc)) from None
    records: dict[str, dict] = {}
    for n, record in rows:
        if record.get("id") is None or str(record["id"]) in records:
            raise CommandError(f"{path}:{n}: missing or duplicate id {record.get('id')!r}")
        records[str(record["id"])] = record
    return records


def handle(args: argparse.Namespace) -> int:
    gold = _load(args.gold)
    if args.predictions:
        predictions = _load(args.predictions)
    else:
        nlp = pipeline_from_args(args)
        docs = [{k: g.get(k) for k in ("id", "text", "published", "url", "title")} for g in gold.values()]
        predictions = {r.id: r.to_dict(include_text=False)
                       for r in mine_many(progress(docs, desc="evaluate", quiet=args.quiet, total=len(docs)),
                                          nlp=nlp)}
    result = score(gold, predictions, per_doc=args.per_doc)
    print(format_table(result))
    if args.per_doc:
        print(json.dumps(result["per_doc"], indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0
