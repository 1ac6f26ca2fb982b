"""``release-miner classify``: the outcome category of policy phrases, with confidences."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import PurePath

from ..jsonl import JsonlError, read_jsonl
from .common import CommandError, add_command, output_stream


def register(subparsers) -> None:
    p = add_command(subparsers, "classify", "give policy phrases an outcome category with a confidence", [
        'release-miner classify "emergency loans for exporters hit by tariffs" "hydrogen industry cluster"',
        "release-miner classify --input policies.jsonl --output categories.jsonl",
        'release-miner classify --json "youth monthly rent support"',
    ])
    p.add_argument("texts", nargs="*", metavar="TEXT", help="policy phrases to classify")
    p.add_argument("--input", "-i", metavar="JSONL",
                   help='JSON Lines with "text" and optional "context" (the sentence or release around it); - for stdin')
    p.add_argument("--output", "-o", default="-", metavar="PATH", help="output file (default stdout)")
    p.add_argument("--json", action="store_true", help="write JSON Lines instead of a table")
    p.add_argument("--policy-model", metavar="PATH", help="policy model artifact (default: the bundled model)")
    p.set_defaults(handler=handle)


def _read(path: str) -> list[dict]:
    try:
        rows = read_jsonl(path)
    except JsonlError as exc:
        raise CommandError(str(exc)) from None
    items = []
    for n, item in rows:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise CommandError(f'{path}:{n}: each line needs a non-empty "text"')
        items.append(item)
    return items


def output_format(output: str, force_json: bool) -> str:
    """The format an output file's name asks for, so ``-o y.jsonl`` never gets a text table."""
    if force_json:
        return "json"
    suffix = PurePath(output).suffix.lower() if output != "-" else ""
    return {".jsonl": "json", ".json": "json", ".ndjson": "json", ".csv": "csv"}.get(suffix, "table")


def handle(args: argparse.Namespace) -> int:
    from ..classify.api import classify_texts
    from ..classify.model import ModelError

    items = [{"text": t} for t in args.texts]
    if args.input:
        items += _read(args.input)
    if not items:
        raise CommandError("give policy phrases as arguments or --input FILE")
    try:
        results = classify_texts([i["text"] for i in items], [i.get("context") for i in items],
                                 model_path=args.policy_model)
    except ModelError as exc:
        raise CommandError(str(exc)) from None
    fmt = output_format(args.output, args.json)
    with output_stream(args.output) as out:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(["text", "category", "confidence", "needs_review"])
        for item, res in zip(items, results):
            if fmt == "csv":
                writer.writerow([item["text"], res["category"], f"{res['confidence']:.4f}", res["needs_review"]])
            elif fmt == "json":
                out.write(json.dumps({**item, **res}, ensure_ascii=False) + "\n")
            else:
                flag = "  (needs review)" if res["needs_review"] else ""
                out.write(f"{res['category']:<22}{res['confidence']:>6.2f}  {item['text']}{flag}\n")
    return 0
