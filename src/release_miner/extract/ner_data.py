"""Training examples for the names NER: gold people and organizations located in the release text.

Gold annotations list names, not offsets, so the entity spans are rebuilt here, the same
way for every release:

1. **Gold strings.** Every ``name``, ``text`` and alias of a gold person or organisation is
   searched in the text as a whole-word match (any run of white space between words). A hit
   becomes a span of whole tokens (a hit that cuts a token is widened to it).
2. **Overlaps.** Longer hits win over shorter ones they overlap ("Office of Mayor Jane
   Roe" is one ORG, not an ORG around a PERSON), then earlier ones.
3. **Short mentions of a gold person.** The family name alone ("Mayor Roe said", "Roe
   added") is a PERSON where it stands as a word of its own that the text does not continue
   with another capitalised word.
4. **Everything else the base model knew.** Entities of other labels (dates, money, places
   ...) that the base model predicts and that overlap no gold span are kept, so fine-tuning
   on PERSON/ORG does not make the model forget them. Base PERSON/ORG predictions that the
   gold does not list are left out: those tokens are taught as no entity, which is what
   teaches precision ("Onnuri Refund", "System" are not people).

The result is a list of `Example` per paragraph (the NER sees a few tokens either side of
each word, so paragraphs lose no context and make smaller, better-mixed batches).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from .namekey import korean_parts

#: The labels the gold annotates; the model's other labels are taken over from the base model.
GOLD_LABELS: tuple[str, ...] = ("PERSON", "ORG")


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str


def _strings(item: dict) -> set[str]:
    out = {item.get("name") or "", item.get("text") or ""}
    out |= {a for a in item.get("aliases") or [] if isinstance(a, str)}
    return {s.strip() for s in out if s and s.strip()}


def _pattern(surface: str) -> re.Pattern:
    words = [re.escape(w) for w in surface.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])")


def find_all(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface`` in ``text`` (any white space between its words)."""
    return [m.span() for m in _pattern(surface).finditer(text)]


def family_name(name: str) -> str | None:
    """The word a person is called by on second mention: the Korean family name, else the last word."""
    parts = korean_parts(name)
    words = name.split()
    if parts:
        return parts[0]
    if len(words) >= 2 and len(words[-1]) >= 2 and words[-1][0].isupper():
        return words[-1].rstrip(".,")
    return None


def gold_spans(text: str, people: Iterable[dict], organizations: Iterable[dict]) -> list[GoldSpan]:
    """Character spans of the gold people and organizations in ``text``, without overlaps."""
    hits: list[GoldSpan] = []
    families = set()
    for label, items in (("PERSON", people), ("ORG", organizations)):
        for item in items:
            for surface in _strings(item):
                hits += [GoldSpan(s, e, label) for s, e in find_all(text, surface)]
            if label == "PERSON":
                fam = family_name(item.get("name") or item.get("text") or "")
                if fam:
                    families.add(fam)
    chosen = _without_overlaps(sorted(hits, key=lambda h: (h.start - h.end, h.start)))
    for fam in sorted(families):
        for s, e in find_all(text, fam):
            if re.match(r"[ \t]+[A-Z]", text[e:e + 2]) or any(not (e <= c.start or s >= c.end) for c in chosen):
                continue
            chosen.append(GoldSpan(s, e, "PERSON"))
    return sorted(chosen, key=lambda h: h.start)


def _without_overlaps(spans: list[GoldSpan]) -> list[GoldSpan]:
    kept: list[GoldSpan] = []
    for span in spans:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return kept


def _token_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label) or doc.char_span(start, end, label=label, alignment_mode="expand")


def reference_doc(base: Doc, spans: list[GoldSpan]) -> Doc:
    """A copy of ``base`` whose entities are the gold spans plus the base model's other-label entities."""
    ref = Doc(base.vocab, words=[t.text for t in base], spaces=[bool(t.whitespace_) for t in base])
    ents: list[Span] = []
    for g in spans:
        span = _token_span(ref, g.start, g.end, g.label)
        if span is not None and all(span.end <= e.start or span.start >= e.end for e in ents):
            ents.append(span)
    for ent in base.ents:
        if ent.label_ in GOLD_LABELS:
            continue
        if all(ent.end <= e.start or ent.start >= e.end for e in ents):
            ents.append(Span(ref, ent.start, ent.end, label=ent.label_))
    ref.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
    return ref


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.group()


def examples(nlp: Language, records: Iterable[dict]) -> list[Example]:
    """Training examples from gold records (``text`` and ``gold.people`` / ``gold.organizations``).

    ``nlp`` is the base pipeline: its own predictions supply the labels the gold does not annotate.
    Records whose ``fields`` leave out people or organizations are skipped.
    """
    out: list[Example] = []
    for record in records:
        fields = record.get("fields") or ("people", "organizations")
        if "people" not in fields or "organizations" not in fields:
            continue
        gold = record.get("gold") or {}
        text = record.get("text") or ""
        spans = gold_spans(text, gold.get("people") or [], gold.get("organizations") or [])
        for offset, para in _paragraphs(text):
            local = [GoldSpan(s.start - offset, s.end - offset, s.label) for s in spans
                     if s.start >= offset and s.end <= offset + len(para)]
            base = nlp(para)
            out.append(Example(nlp.make_doc(para), reference_doc(base, local)))
    return out


__all__ = ["GOLD_LABELS", "GoldSpan", "examples", "family_name", "find_all", "gold_spans", "reference_doc"]
