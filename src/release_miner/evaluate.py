"""Score extractions against hand-annotated gold releases.

Implements the matching rules of the evaluation contract so that users can measure
release-miner on their own annotated releases: every field is a set per document,
matched one-to-one greedily (best pairs first), and micro-averaged over documents.

- figures: same kind, same currency for money, value within 0.1 %;
- dates: same normalised ISO value (``:00`` seconds ignored);
- people: a shared name or alias, ignoring case, spaces and hyphens (else a fuzzy ratio >= 90);
- organizations: the normalised name or an alias (else a fuzzy ratio >= 90);
- policies: symmetric word overlap (Dice >= 0.5); ``policies+category`` needs the category too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio as _ratio

SCORED_FIELDS: tuple[str, ...] = (
    "figures",
    "money",
    "dates",
    "people",
    "organizations",
    "policies",
    "policies+category",
)
RATIOS: tuple[str, ...] = ("count_unit_accuracy", "title_accuracy", "category_accuracy_on_matched")
_EXTRACTED = ("figures", "dates", "people", "organizations", "policies")


def annotated_fields(gold_doc: Mapping) -> frozenset[str]:
    """The fields a gold line annotates: its ``fields`` list when it has one, else all of them.

    A line that annotates only some fields says nothing about the others, so predictions
    for those must neither count as false positives nor their absence as misses.
    """
    listed = gold_doc.get("fields")
    return frozenset(listed) & frozenset(_EXTRACTED) if listed else frozenset(_EXTRACTED)


# ---- normalisation ------------------------------------------------------

def norm_text(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"^(the)\s+", "", s.strip())
    s = re.sub(r"[^\w\s%]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def norm_name(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", s or "").lower())


def _num(v: Any) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _close(a: Any, b: Any) -> bool:
    x, y = _num(a), _num(b)
    if x is None or y is None:
        return False
    return x == y or abs(x - y) <= 0.001 * max(abs(x), abs(y))


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def date_value(d: Mapping) -> str | None:
    value = d.get("value")
    if value is None:
        return None
    return re.sub(r"(T\d\d:\d\d):00(\.0+)?$", r"\1", str(value).strip())


# ---- matchers -----------------------------------------------------------

Scorer = Callable[[Mapping, Mapping], "float | None"]


def greedy_match(gold: list, pred: list, score: Scorer) -> list[tuple[int, int]]:
    """One-to-one matching, highest-scoring pairs first (stable on ties)."""
    pairs = [(s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (s := score(g, p)) is not None]
    pairs.sort(key=lambda t: -t[0])
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((i, j))
    return out


def _dedupe(items: Iterable, key: Callable) -> list:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _figure_key(f: Mapping) -> tuple:
    unit = (f.get("unit") or "").upper() if f.get("kind") == "money" else ""
    v = _num(f.get("value"))
    return (f.get("kind"), unit, None if v is None else round(v, 6))


def figure_score(g: Mapping, p: Mapping) -> float | None:
    if g.get("kind") != p.get("kind"):
        return None
    if g.get("kind") == "money" and (g.get("unit") or "").upper() != (p.get("unit") or "").upper():
        return None
    return 1.0 if _close(g.get("value"), p.get("value")) else None


def unit_ok(g: Mapping, p: Mapping) -> bool:
    """The counted noun is right when the head nouns (last words) agree, singular or plural."""
    gold_words, pred_words = norm_text(g.get("unit")).split(), norm_text(p.get("unit")).split()
    if not gold_words:
        return True
    return bool(pred_words) and _stem(gold_words[-1]) == _stem(pred_words[-1])


def date_score(g: Mapping, p: Mapping) -> float | None:
    return 1.0 if date_value(g) == date_value(p) else None


def _names(x: Mapping, norm: Callable[[str | None], str], with_text: bool) -> set[str]:
    names = {norm(x.get("name") or x.get("text"))} | {norm(a) for a in x.get("aliases") or []}
    if with_text and x.get("text"):
        names.add(norm(x["text"]))
    return {n for n in names if n}


def _name_score(gold: set[str], pred: set[str]) -> float | None:
    if gold & pred:
        return 2.0
    best = max((_ratio(a, b) for a in gold for b in pred), default=0)
    return best / 100 if best >= 90 else None


def person_score(g: Mapping, p: Mapping) -> float | None:
    return _name_score(_names(g, norm_name, True), _names(p, norm_name, True))


def org_score(g: Mapping, p: Mapping) -> float | None:
    return _name_score(_names(g, norm_text, False), _names(p, norm_text, False))


def title_ok(g: Mapping, p: Mapping) -> bool | None:
    gold_title = norm_text(g.get("title"))
    if not gold_title:
        return None
    pred_title = norm_text(p.get("title"))
    return bool(pred_title) and (gold_title == pred_title or gold_title in pred_title or pred_title in gold_title)


def policy_score(g: Mapping, p: Mapping) -> float | None:
    """Symmetric word overlap (Dice >= 0.5), so neither a fragment nor a whole sentence wins."""
    a, b = norm_text(g.get("text")).split(), norm_text(p.get("text")).split()
    if not a or not b:
        return None
    if a == b:
        return 2.0
    dice = 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))
    return dice if dice >= 0.5 else None


# ---- tallies ------------------------------------------------------------

@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _predicted(rec: Mapping | None) -> dict[str, list]:
    if not rec:
        return {k: [] for k in _EXTRACTED}
    src = rec.get("extraction") if isinstance(rec.get("extraction"), dict) else rec
    return {k: src.get(k) or [] for k in _EXTRACTED}


def _unmatched(items: list, matched: set[int], key: str | Callable) -> list:
    get = key if callable(key) else (lambda x: x.get(key))
    return [get(x) for n, x in enumerate(items) if n not in matched]


def score(gold: Mapping[str, Mapping], predictions: Mapping[str, Mapping], per_doc: bool = False) -> dict[str, Any]:
    """Score ``predictions`` (id -> extraction) against ``gold`` (id -> gold document with ``gold``)."""
    tallies = {k: Tally() for k in SCORED_FIELDS}
    unit_hits = unit_total = title_hits = title_total = 0
    confusion: Counter = Counter()
    missing: list[str] = []
    details: dict[str, dict] = {}
    for doc_id, gold_doc in gold.items():
        g = {k: v or [] for k, v in (gold_doc.get("gold") or {}).items()}
        if doc_id not in predictions:
            missing.append(doc_id)
        p = _predicted(predictions.get(doc_id))
        for field_name in set(_EXTRACTED) - annotated_fields(gold_doc):
            g[field_name], p[field_name] = [], []
        detail: dict[str, dict] = {}

        gf = _dedupe([f for f in g.get("figures", []) if _num(f.get("value")) is not None], _figure_key)
        pf = _dedupe([f for f in p["figures"] if _num(f.get("value")) is not None], _figure_key)
        valueless = sum(1 for f in p["figures"] if _num(f.get("value")) is None)
        m = greedy_match(gf, pf, figure_score)
        tallies["figures"].add(len(m), len(pf) - len(m) + valueless, len(gf) - len(m))
        for i, j in m:
            if gf[i].get("kind") in ("count", "quantity"):
                unit_total += 1
                unit_hits += unit_ok(gf[i], pf[j])
        gm = [f for f in gf if f.get("kind") == "money"]
        pm = [f for f in pf if f.get("kind") == "money"]
        mm = greedy_match(gm, pm, figure_score)
        tallies["money"].add(len(mm), len(pm) - len(mm), len(gm) - len(mm))
        detail["figures"] = {"missed": _unmatched(gf, {a for a, _ in m}, "text"),
                             "spurious": _unmatched(pf, {b for _, b in m}, "text")}

        gd = _dedupe([x for x in g.get("dates", []) if date_value(x)], date_value)
        unresolved = {norm_text(x.get("text")) for x in g.get("dates", []) if not date_value(x)}
        pd = _dedupe([x for x in p["dates"] if date_value(x)], date_value)
        valueless = len({norm_text(x.get("text")) for x in p["dates"]
                         if not date_value(x) and norm_text(x.get("text")) not in unresolved})
        m = greedy_match(gd, pd, date_score)
        tallies["dates"].add(len(m), len(pd) - len(m) + valueless, len(gd) - len(m))
        detail["dates"] = {"missed": _unmatched(gd, {a for a, _ in m}, "text"),
                           "spurious": _unmatched(pd, {b for _, b in m}, "value")}

        gp, pp = g.get("people", []), p["people"]
        m = greedy_match(gp, pp, person_score)
        tallies["people"].add(len(m), len(pp) - len(m), len(gp) - len(m))
        for i, j in m:
            ok = title_ok(gp[i], pp[j])
            if ok is not None:
                title_total += 1
                title_hits += ok
        detail["people"] = {"missed": _unmatched(gp, {a for a, _ in m}, "name"),
                            "spurious": _unmatched(pp, {b for _, b in m}, lambda x: x.get("name") or x.get("text"))}

        org_key = lambda x: norm_text(x.get("name") or x.get("text"))  # noqa: E731
        go, po = _dedupe(g.get("organizations", []), org_key), _dedupe(p["organizations"], org_key)
        m = greedy_match(go, po, org_score)
        tallies["organizations"].add(len(m), len(po) - len(m), len(go) - len(m))
        detail["organizations"] = {"missed": _unmatched(go, {a for a, _ in m}, "name"),
                                   "spurious": _unmatched(po, {b for _, b in m},
                                                          lambda x: x.get("name") or x.get("text"))}

        gpol, ppol = g.get("policies", []), p["policies"]
        m = greedy_match(gpol, ppol, policy_score)
        tallies["policies"].add(len(m), len(ppol) - len(m), len(gpol) - len(m))
        both = [(i, j) for i, j in m if gpol[i].get("category") == ppol[j].get("category")]
        tallies["policies+category"].add(len(both), len(ppol) - len(both), len(gpol) - len(both))
        for i, j in m:
            confusion[(gpol[i].get("category"), ppol[j].get("category"))] += 1
        detail["policies"] = {"missed": _unmatched(gpol, {a for a, _ in m}, "text"),
                              "spurious": _unmatched(ppol, {b for _, b in m}, "text")}
        details[doc_id] = detail

    out: dict[str, Any] = {k: v.prf() for k, v in tallies.items()}
    out["count_unit_accuracy"] = round(unit_hits / unit_total, 4) if unit_total else None
    out["title_accuracy"] = round(title_hits / title_total, 4) if title_total else None
    matched = sum(confusion.values())
    out["category_accuracy_on_matched"] = (
        round(sum(v for (a, b), v in confusion.items() if a == b) / matched, 4) if matched else None
    )
    out["documents"] = len(gold)
    out["documents_missing_in_prediction"] = missing
    if per_doc:
        out["per_doc"] = details
    return out


def format_table(result: Mapping[str, Any]) -> str:
    """The per-field precision / recall / F1 table, as ``score.py`` prints it."""
    lines = [f"{'field':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for k in SCORED_FIELDS:
        r = result[k]
        lines.append(f"{k:<20}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
                     f"{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
    lines += [f"{k}: {result[k]}" for k in RATIOS]
    if result.get("documents_missing_in_prediction"):
        lines.append(f"documents missing in prediction: {len(result['documents_missing_in_prediction'])}")
    return "\n".join(lines)
