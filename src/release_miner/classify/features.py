"""Features of a policy candidate: the evidence both learned models read.

Kept apart from the models so that training, cross-validation and the spaCy component
compute exactly the same features. Every feature is a plain string or number, so the
fitted vectorizers inside the artifact are stock scikit-learn objects (safe to load
with skops).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..extract.sentences import EntityIndex, SentenceIndex
from .detect import Candidate
from ..extract.doctext import doc_text
from .lexicon import (ACTION_NOUNS, EVENT_WORDS, EXPLICIT_CATEGORY, GROWTH_CUES, LIST_CUES, LIVELIHOOD_CUES, NONE_CUES,
                      ORG_WORDS, POLICY_HEADS, SHOCK_CUES, STRONG_SHOCK_CUES)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*|\d+")


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


@dataclass
class SpanContext:
    """What the classifiers see of one span: its text, its sentence, and the whole release."""

    text: str
    sentence: str
    document: str
    paragraph: str = ""


def sentence_of(doc: Doc, start: int, end: int, sentences: SentenceIndex | None = None,
                text: str | None = None) -> str:
    """The sentence(s) around [start, end), or the line when the Doc has no sentence boundaries."""
    text = doc_text(doc) if text is None else text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        bounds = (sentences or SentenceIndex(doc)).char_bounds(span.start, span.end - 1)
        if bounds:
            return text[bounds[0]:bounds[1]]
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left:right if right >= 0 else len(text)]


def paragraph_of(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left:right if right >= 0 else len(text)]


@lru_cache(maxsize=1024)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = []
    for cue in sorted(cues, key=len, reverse=True):
        if cue.endswith("*"):  # a stem: "commemorat*" matches "commemorate", "commemoration"
            alternatives.append(f"(?P<c{len(alternatives)}>{re.escape(cue[:-1])})\\w*")
        else:  # a word or phrase, optionally plural
            alternatives.append(f"(?P<c{len(alternatives)}>{re.escape(cue)})(?:s|es)?\\b")
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


@lru_cache(maxsize=4096)
def cue_hits(text: str, cues: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct cues found in ``text`` (whole words, plurals allowed; ``*`` marks a stem).

    Cached: every candidate of a release asks about the same release text, which would
    otherwise be scanned once per candidate (quadratic on long releases).
    """
    low = text.lower()
    # a cue whose letters are absent cannot match, and leaving it out of the alternation changes
    # no match of the others; the scan over a few cues is several times faster than over all
    present = tuple(c for c in cues if c.rstrip("*") in low)
    if not present:
        return ()
    ordered = sorted(present, key=len, reverse=True)
    found = {ordered[int(m.lastgroup[1:])] for m in _cue_pattern(present).finditer(low) if m.lastgroup}
    return tuple(c for c in cues if c in found)


def cue_features(ctx: SpanContext) -> dict[str, float]:
    """Counts of shock / growth / livelihood / non-economic cue words in span, sentence and release."""
    feats: dict[str, float] = {}
    for scope, text in (("span", ctx.text), ("sent", ctx.sentence), ("doc", ctx.document)):
        for name, cues in (("shock", SHOCK_CUES), ("growth", GROWTH_CUES), ("live", LIVELIHOOD_CUES),
                           ("none", NONE_CUES)):
            hits = cue_hits(text, cues)
            if hits:
                feats[f"{scope}:{name}"] = min(len(hits), 5) / 5
                if scope != "doc":
                    for h in hits:
                        feats[f"{scope}:{name}={h}"] = 1.0
                else:
                    feats[f"doc:{name}>=2"] = float(len(hits) >= 2)
    for category, phrases in EXPLICIT_CATEGORY.items():
        if any(p in (ctx.paragraph or ctx.sentence).lower() for p in phrases):
            feats[f"explicit={category}"] = 1.0
    strong = cue_hits(ctx.document, STRONG_SHOCK_CUES)
    feats["doc:strong_shock"] = min(len(strong), 3) / 3
    feats[f"doc:strong_shock={min(len(strong), 3)}"] = 1.0
    feats["lead:strong_shock"] = float(bool(cue_hits(ctx.document[:500], STRONG_SHOCK_CUES)))
    feats["sent:strong_shock"] = float(bool(cue_hits(ctx.sentence, STRONG_SHOCK_CUES)))
    return feats


_HEAD_OR_ACTION = POLICY_HEADS | ACTION_NOUNS
_HEAD_OR_ORG = POLICY_HEADS | ORG_WORDS


def _sentence_has_list_cue(text: str, bounds, cache: dict | None) -> float:
    """1.0 when the sentence at ``bounds`` has a list cue ("such as", "including" ...); a release's
    candidates share few sentences, so ``cache`` keeps the answer per sentence."""
    if not bounds:
        return 0.0
    key = ("list-cue", bounds[0], bounds[1])
    if cache is not None and key in cache:
        return cache[key]
    sent = text[bounds[0]:bounds[1]].lower()
    value = float(any(c in sent for c in LIST_CUES))
    if cache is not None:
        cache[key] = value
    return value


def verb_mask(doc: Doc):
    """A boolean array over the Doc's tokens: True for verbs and auxiliaries (read once per release)."""
    import numpy as np

    strings = doc.vocab.strings
    return np.isin(doc.to_array("POS"), [strings.add("VERB"), strings.add("AUX")])


def _word_key(word: str) -> str:
    """A word without its plural ending, so "vouchers" and "voucher" share a feature (the base
    pipeline runs without a lemmatizer)."""
    w = word.lower()
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _syntax_features(span) -> dict[str, float]:
    """The span's head word, its role in the sentence and the verb that governs it.

    Measures described in plain words ("local tax deferrals", "rent reduction") share no
    capitals or policy nouns with named ones; what marks them is their head noun
    (deferral, reduction, voucher ...) and what the sentence does with them (the city
    *provides*, *expands*, *offers* them). The words are learned from the annotations.
    """
    root = span.root
    feats = {f"root={_word_key(root.text)}": 1.0, f"root_dep={root.dep_}": 1.0}
    head = root.head
    if head is not root and not (span.start <= head.i < span.end):
        if head.pos_ in ("VERB", "AUX"):
            feats[f"gov={_word_key(head.text)}"] = 1.0
        elif head.pos_ == "ADP" and head.head.pos_ in ("VERB", "NOUN"):
            feats[f"gov={head.lower_}+{_word_key(head.head.text)}"] = 1.0
    return feats


_MONEY = re.compile(r"[$£€₩]|\bwon\b|\bKRW\b|\bbillion\b|\bmillion\b")
_QUOTE_BEFORE = re.compile(r"[\"“‘']\s*$")
_BULLET_BEFORE = re.compile(r"[▲△●○•■◆\-]\s*$")
_PREV_WORD = re.compile(r"(\w+)\W*$")
_PREV_WORDS = frozenset((
    "the", "a", "an", "of", "for", "to", "and", "as", "include", "including", "launch", "launched",
    "announced", "implement", "introduce", "provide", "promote", "through", "under", "via", "new",
    "in", "at", "near", "from", "into", "within"))
_NEXT_WORD = re.compile(r"\s?([A-Za-z][\w-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s?$")


def candidate_features(doc: Doc, cand: Candidate, counts: dict[str, int],
                       text: str | None = None, sentences: SentenceIndex | None = None,
                       entities: EntityIndex | None = None, verbs=None,
                       cache: dict | None = None) -> dict[str, float | str]:
    """Evidence that a candidate span names a policy (the detection filter's input).

    ``text`` is ``doc.text`` when the caller has it: spaCy builds that string anew on every
    access, which costs a pass over the release per candidate.
    """
    text = doc_text(doc) if text is None else text
    words = _WORD.findall(cand.text)
    low = [w.lower() for w in words]
    feats: dict[str, float | str] = {f"src={s}": 1.0 for s in cand.sources}
    feats["n_sources"] = min(len(cand.sources), 4) / 4
    feats["nwords"] = _bucket(len(words), (1, 2, 3, 4, 6, 8, 11, 15))
    caps = sum(w[:1].isupper() for w in words)
    feats["cap_ratio"] = _bucket(caps / max(len(words), 1), (0.0, 0.34, 0.67, 0.99))
    if low:
        feats["first"] = low[0] if low[0] in _HEAD_OR_ACTION or low[0].endswith("ing") else "_"
        feats["last"] = low[-1] if low[-1] in _HEAD_OR_ORG else "_"
        feats["last_head"] = float(low[-1] in POLICY_HEADS)
        feats["last_org"] = float(low[-1] in ORG_WORDS)
        feats["any_org"] = float(any(w in ORG_WORDS for w in low))
        feats["last_event"] = float(low[-1] in EVENT_WORDS)
        feats["any_event"] = float(any(w in EVENT_WORDS for w in low))
        feats["any_head"] = float(any(w in POLICY_HEADS for w in low))
        feats["first_action"] = float(low[0] in ACTION_NOUNS)
        feats["first_ing"] = float(low[0].endswith("ing"))
        for w in set(low):
            if w in POLICY_HEADS or w in ACTION_NOUNS or w in ORG_WORDS:
                feats[f"w={w}"] = 1.0
    feats["digits"] = float(any(map(str.isdigit, cand.text)))
    feats["money"] = float(bool(_MONEY.search(cand.text)))
    before = text[max(0, cand.start - 3):cand.start]
    after = text[cand.end:cand.end + 3]
    feats["quoted"] = float(bool(_QUOTE_BEFORE.search(before)))
    feats["bullet_before"] = float(bool(_BULLET_BEFORE.search(before) or cand.start == 0))
    feats["line_start"] = float(text.rfind("\n", 0, cand.start) + 1 == cand.start or cand.start == 0)
    feats["line_end"] = float(text[cand.end:cand.end + 1] in ("\n", ""))
    feats["after"] = after.strip()[:1] or "EOL"
    prev = _PREV_WORD.findall(text[max(0, cand.start - 30):cand.start])
    feats["prev"] = prev[0].lower() if prev and prev[0].lower() in _PREV_WORDS else "_"
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is not None and len(span):
        feats["pos_first"] = span[0].pos_
        feats["pos_last"] = span[-1].pos_
        if verbs is None:
            verbs = verb_mask(doc)
        feats["has_verb"] = float(verbs[span.start + 1:span.end].any())
        for ent_start, ent_end, label in (entities or EntityIndex(doc)).within(span.start, span.end):
            feats[f"ent={label}"] = 1.0
            if ent_start == span.start and ent_end == span.end:
                feats[f"ent_exact={label}"] = 1.0
        bounds = (sentences or SentenceIndex(doc)).char_bounds(span.start, span.start)
        feats["sent_cue"] = _sentence_has_list_cue(text, bounds, cache)
        feats["first_line"] = float(cand.start < max(text.find("\n"), 0) or text.find("\n") < 0)
        feats.update(_syntax_features(span))
    # boundary evidence: a span cut inside a longer name is followed or preceded by more of it
    nxt = _NEXT_WORD.match(text[cand.end:cand.end + 30])
    feats["next_head"] = float(bool(nxt) and nxt.group(1).lower() in POLICY_HEADS)
    feats["next_cap"] = float(bool(nxt) and nxt.group(1)[:1].isupper())
    prv = _WORD_BEFORE.search(text[max(0, cand.start - 30):cand.start])
    feats["prev_cap"] = float(bool(prv) and prv.group(1)[:1].isupper())
    feats["position"] = _bucket(cand.start / max(len(text), 1), (0.1, 0.3, 0.6))
    feats["repeats"] = _bucket(counts.get(cand.text.lower(), 1), (1, 2))
    feats["org_like"] = float(bool(low) and low[-1] in ORG_WORDS)
    return feats
