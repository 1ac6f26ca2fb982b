"""Which money figures of a release add up to its money total, and why the others do not.

A release states amounts several times and in several roles: the headline repeats the body,
a cap applies per business, a wage is per hour, a dollar amount is restated in won, a fund is
broken down into its contributions. Adding every money mention overstates every total, so each
figure gets one status:

- ``counted``: a distinct amount of the release, added once;
- ``repeat``: the same currency and value as an amount already seen in the release;
- ``per_unit``: an amount per something or a rate ("per business", "each", "per hour",
  "a month", "annually", "grants range from ..."); a repeat of such an amount is per-unit too;
- ``conversion``: a restatement in another currency of the amount just before it
  ("US$300 million (about 410 billion won)");
- ``part``: one of two or more counted amounts that add up exactly to another counted amount
  of the same currency (a fund and its contributions): the whole is counted, not the parts.

Figures without a value are ``unvalued``. A range counts its lower end (the amount that is sure).
The rules read only the text around each figure, so they hold for any release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..records import Figure, Release

COUNTED, REPEAT, PER_UNIT, CONVERSION, PART, UNVALUED = (
    "counted", "repeat", "per_unit", "conversion", "part", "unvalued")
STATUSES: tuple[str, ...] = (COUNTED, REPEAT, PER_UNIT, CONVERSION, PART, UNVALUED)

#: How far around a figure the cues are looked for (characters, within its sentence).
WINDOW = 48
#: Subsets searched for parts of a whole stay small: releases state a handful of amounts.
MAX_PARTS_SEARCH = 12

_UNITS = (r"hour|day|week|month|year|annum|person|head|resident|household|family|business|company|firm|"
          r"shop|store|owner|applicant|participant|student|worker|employee|unit|home|house|apartment|"
          r"project|grant|case|child|senior|site|school|vehicle|seat|night|trip|ride|visit|ticket")
_AFTER_RATE = re.compile(
    rf"^(?:\s+[\w-]+){{0,3}}?\s*(?:\bper\b|\beach\b|\bapiece\b|\bevery\s+(?:\w+\s+)?(?:{_UNITS})s?\b|/\s*\w"
    rf"|\ban?\s+(?:{_UNITS})s?\b|\b(?:hourly|daily|weekly|monthly|annually|yearly|a\s+piece)\b)",
    re.IGNORECASE)
_BEFORE_RATE = re.compile(
    r"(?:\b(?:hourly|daily|weekly|monthly|annual|yearly|per[- ]\w+|each)\b(?:\s+[\w-]+){0,3}?"
    r"|\brang(?:e|es|ed|ing)\s+(?:from|between)|\bwages?\b[^.;]{0,24}?)"
    r"\s+(?:of\s+|at\s+|to\s+)?(?:up\s+to\s+|about\s+|around\s+|approximately\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE)
_CONVERSION_GAP = re.compile(
    r"^\s*(?:[(\[]|,?\s*(?:or|i\.e\.,?|equivalent\s+to|equal\s+to|worth)\b)\s*"
    r"(?:about|approximately|approx\.|around|roughly|some|nearly|almost|an\s+estimated|≈|~)?\s*$",
    re.IGNORECASE)
#: A rate stated inside the figure's own span ("KRW 300,000 per month", "$21/hour"): figures
#: extraction keeps the "per" of a rate in the mention, so the words after it are no longer a cue.
_OWN_RATE = re.compile(
    rf"(?:\bper\b|\beach\b|\bapiece\b|[0-9a-z]\s*/\s*[a-z]|\ban?\s+(?:{_UNITS})s?\b"
    rf"|\b(?:hourly|daily|weekly|monthly|annually|yearly)\b)",
    re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?;\n](?:\s|$)")


@dataclass(frozen=True)
class MoneyMention:
    """One money figure of a release with its status (see module docstring)."""

    index: int  #: position in ``release.figures``
    figure: Figure
    status: str

    @property
    def counted(self) -> bool:
        return self.status == COUNTED


def _amount_key(figure: Figure) -> tuple[str, int, int | None]:
    """Currency and value in hundredths (exact comparison without float noise)."""
    upper = None if figure.value_max is None else round(float(figure.value_max) * 100)
    return (figure.unit or "", round(float(figure.value) * 100), upper)


def _after(text: str, figure: Figure) -> str:
    rest = text[figure.end:figure.end + WINDOW]
    stop = _SENTENCE_STOP.search(rest)
    rest = rest[:stop.start()] if stop else rest
    return re.split(r"[,(:]", rest, maxsplit=1)[0]


def _before(text: str, figure: Figure) -> str:
    head = text[max(0, figure.start - WINDOW):figure.start]
    cut = max(head.rfind(c) for c in ".!?;\n")
    return head[cut + 1:] if cut >= 0 else head


def is_per_unit(text: str, figure: Figure) -> bool:
    """True for an amount per something or a rate, read from the figure and the words around it."""
    return bool(_OWN_RATE.search(figure.text) or _AFTER_RATE.match(_after(text, figure))
                or _BEFORE_RATE.search(_before(text, figure)))


def _is_conversion(text: str, figure: Figure, previous: Figure | None) -> bool:
    if previous is None or previous.end > figure.start or (previous.unit or "") == (figure.unit or ""):
        return False
    gap = text[previous.end:figure.start]
    return len(gap) <= 30 and bool(_CONVERSION_GAP.match(gap))


def _parts(values: dict[int, int]) -> set[int]:
    """Indexes of counted amounts that add up (two or more of them) to another counted amount."""
    if len(values) > MAX_PARTS_SEARCH:
        return set()
    parts: set[int] = set()
    for whole, total in sorted(values.items(), key=lambda item: -item[1]):
        if whole in parts:
            continue
        smaller = [(i, v) for i, v in values.items() if i != whole and v < total and i not in parts]
        for size in range(2, len(smaller) + 1):
            hit = next((combo for combo in combinations(smaller, size) if sum(v for _, v in combo) == total), None)
            if hit:
                parts.update(i for i, _ in hit)
                break
    return parts


def money_mentions(release: Release) -> list[MoneyMention]:
    """Every money figure of ``release`` with its status, in text order."""
    money = sorted(((i, f) for i, f in enumerate(release.figures) if f.kind == "money"),
                   key=lambda item: (item[1].start, item[0]))
    status: dict[int, str] = {}
    previous: Figure | None = None
    for i, f in money:
        if f.value is None:
            status[i] = UNVALUED
        elif _is_conversion(release.text, f, previous):
            status[i] = CONVERSION
        elif is_per_unit(release.text, f):
            status[i] = PER_UNIT
        previous = f
    per_unit_amounts = {_amount_key(f) for i, f in money if status.get(i) == PER_UNIT}
    seen: set[tuple[str, int, int | None]] = set()
    for i, f in money:
        if i in status:
            continue
        key = _amount_key(f)
        if key in per_unit_amounts:
            status[i] = PER_UNIT
        elif key in seen:
            status[i] = REPEAT
        else:
            status[i] = COUNTED
            seen.add(key)
    by_currency: dict[str, dict[int, int]] = {}
    for i, f in money:
        if status[i] == COUNTED:
            by_currency.setdefault(f.unit or "", {})[i] = _amount_key(f)[1]
    for values in by_currency.values():
        for i in _parts(values):
            status[i] = PART
    return [MoneyMention(i, f, status[i]) for i, f in money]


__all__ = ["CONVERSION", "COUNTED", "PART", "PER_UNIT", "REPEAT", "STATUSES", "UNVALUED", "MoneyMention",
           "is_per_unit", "money_mentions"]
