"""Typed records for everything release-miner extracts.

These dataclasses are the single data model shared by the library, the store, the
exports and the report. ``to_dict``/``from_dict`` produce and read exactly the JSON
shape of the evaluation contract (``CONTRACT.md``), so a `Release` written by
``release-miner extract`` can be read back without loss.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

FigureKind = Literal["money", "count", "percent", "ordinal", "quantity"]
DateKind = Literal["date", "time", "duration", "range"]
Category = Literal["shock_response", "innovative_growth", "livelihood_stability", "none"]

CATEGORIES: tuple[str, ...] = ("shock_response", "innovative_growth", "livelihood_stability", "none")
FIELDS: tuple[str, ...] = ("figures", "dates", "people", "organizations", "policies")


class _Record:
    """Round-trip helpers shared by every record type."""

    #: keys written even when their value is ``None`` (the contract shows them).
    _always: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None and f.name not in self._always:
                continue
            if isinstance(value, tuple):
                value = [list(v) if isinstance(v, tuple) else v for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Figure(_Record):
    """A number stated as a fact, with its normalised value and unit."""

    text: str
    start: int
    end: int
    kind: str
    value: float | int | None
    unit: str | None = None
    approx: bool = False
    value_max: float | int | None = None

    _always: ClassVar[tuple[str, ...]] = ("value", "unit", "value_max")


@dataclass
class DateMention(_Record):
    """A date, time, duration or range, normalised to ISO 8601 (``value`` is None when unresolvable)."""

    text: str
    start: int
    end: int
    kind: str
    value: str | None
    grain: str | None = None
    #: upper end of a duration range ("two to three years": value P2Y, value_max P3Y)
    value_max: str | None = None

    _always: ClassVar[tuple[str, ...]] = ("value",)


@dataclass
class Person(_Record):
    """One real person in one release, with every mention of them."""

    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    mentions: list[list[int]] = field(default_factory=list)

    _always: ClassVar[tuple[str, ...]] = ("title", "affiliation")


@dataclass
class Organization(_Record):
    """A named organisation; bracketed abbreviations are kept as aliases."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class Policy(_Record):
    """A policy, programme, measure, fund or project the release reports, with its outcome category."""

    text: str
    start: int
    end: int
    category: str = "none"
    confidence: float | None = None
    target: str | None = None
    needs_review: bool = False

    _always: ClassVar[tuple[str, ...]] = ("confidence", "target")


_ITEM_TYPES: dict[str, type[_Record]] = {
    "figures": Figure,
    "dates": DateMention,
    "people": Person,
    "organizations": Organization,
    "policies": Policy,
}


def content_hash(text: str) -> str:
    """Identity of a release's text: the same words with different whitespace or Unicode forms hash alike."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class Release(_Record):
    """A press release and everything extracted from it."""

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    #: where the release was read from (a URL, a path, ``file:line``); provenance, not part of the contract
    source: str | None = None
    #: the release's identity across runs (``id:...``, ``url:...``, ``path:...``); None: identified by its
    #: text alone. Provenance, not part of the contract
    key: str | None = None

    _always: ClassVar[tuple[str, ...]] = ("published", "url", "title")

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if include_text:
            out["text"] = self.text
        out.update(published=self.published, url=self.url, title=self.title)
        for name in FIELDS:
            out[name] = [item.to_dict() for item in getattr(self, name)]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        items = {
            name: [_ITEM_TYPES[name].from_dict(d) for d in data.get(name) or []] for name in FIELDS
        }
        return cls(
            id=str(data.get("id")),
            text=data.get("text") or "",
            published=data.get("published"),
            url=data.get("url"),
            title=data.get("title"),
            **items,
        )

    def mentions_consistent(self) -> bool:
        """True when every offset points at its own text (``text[start:end] == mention``)."""
        spans = [(i.start, i.end, i.text) for i in (*self.figures, *self.dates, *self.policies)]
        return all(self.text[s:e] == t for s, e, t in spans)


__all__ = [
    "CATEGORIES",
    "FIELDS",
    "Category",
    "DateMention",
    "Figure",
    "Organization",
    "Person",
    "Policy",
    "Release",
    "content_hash",
]
