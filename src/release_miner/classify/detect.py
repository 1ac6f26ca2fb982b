"""Rule-based policy candidates: every span that could name or describe a measure.

The rules aim at recall; a learned filter (`model.PolicyModel`) later keeps the
candidates that look like a policy and drops overlapping duplicates. Each candidate
records which rules produced it (``sources``), which the filter uses as evidence.

Rules (all general, none keyed to a particular release):

- ``quote``: a quoted phrase (“…”, "…", ‘…’, '…'), and ``quote+noun`` with a following
  head noun ("“X” plan");
- ``title``: a run of title-case words ("Small Business Emergency Grant Program"), and
  ``title-tail``: its part after a verb or before an organisation word;
- ``head``: a noun phrase headed by a policy noun (fund, project, programme, zone ...),
  with ``head+pp`` adding its "for/of/to ..." complement;
- ``action``: a nominalised action with its complement ("designation of ...");
- ``list``: the items listed after "such as / including / include", split at commas,
  semicolons, "and" and bullet marks;
- ``bullet``: the text of a bulleted line (▲ ● • - ○ ...), up to a colon or bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import ACTION_NOUNS, BULLETS, EDGE_WORDS, LIST_CUES, ORG_WORDS, POLICY_HEADS
from ..extract.doctext import doc_text

#: Longest candidate kept, in characters (longer spans cannot match a short name).
MAX_CHARS = 160
#: Shortest candidate kept, in characters.
MIN_CHARS = 4

_QUOTES = [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("「", "」"), ("«", "»")]
_CONNECTORS = {"of", "and", "for", "the", "in", "on", "to", "with", "&", "-", "'s", "’s", "(", ")", "/",
               ",", "at", "by", "a", "an", "–"}
_PREPS = ("for", "of", "to", "in", "on", "through", "with", "by")
_ITEM_SPLIT = re.compile(r"\s*(?:[;▲△●○•◆■▶]|,\s*(?:and|or)\s+|,\s*|\s+and\s+(?=[a-z]+ing\b|[A-Z]))\s*")
_BULLET_LINE = re.compile(r"^[ \t]*(?:[%s]+|\(?\d{1,2}[.)]|[①-⑳]|\*\*?)[ \t]*(?P<item>\S.*)$"
                          % re.escape(BULLETS), re.MULTILINE)
_INLINE_BULLET = re.compile(r"[▲△]\s*(?:\(\w{1,4}\)\s*)?(?P<item>[^▲△\n]+)")
_ITEM_END = re.compile(r"\s*(?::|\s\(|\s[-–]\s|\.\s|\.$|,\s*(?:which|while|with|aimed|to)\b)")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
#: An amount at the start of a title-case run ("150 Billion Won Youth Fund", "$3 Million in Grants
#: for ..."): the amount belongs to the figures, the name starts after it.
_LEADING_AMOUNT = re.compile(
    r"(?:[$€£¥₩]\s?)?\d[\d,.]*\s*(?:(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|[Kk]|[Mm]n|[Bb]n)\s+)?"
    r"(?:(?:[Ww]on|[Dd]ollars?|[Pp]ounds?|[Ee]uros?|[Yy]en|KRW|USD|GBP|EUR)\s+)?(?:(?:in|of|for)\s+)?")


@dataclass
class Candidate:
    """A span of the text that may be a policy, with the rules that proposed it."""

    start: int
    end: int
    text: str
    sources: set[str] = field(default_factory=set)


_FIRST_WORD = re.compile(r"(\w+)\s+")
_LAST_WORD = re.compile(r"\s+(\w+)$")
_LEFT_EDGE = ",.;:!?*" + BULLETS.replace("-", "")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces, edge punctuation and edge function words."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in _LEFT_EDGE):
            start, changed = start + 1, True
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:!?*-–"):
            end, changed = end - 1, True
        m = _FIRST_WORD.match(text[start:end])
        if m and m.group(1).lower() in EDGE_WORDS and end - start > len(m.group(0)) + 3:
            start, changed = start + len(m.group(0)), True
        m = _LAST_WORD.search(text[start:end])
        if m and m.group(1).lower() in EDGE_WORDS:
            end, changed = end - len(m.group(0)), True
        cut = _strip_amount(text[start:end])
        if cut:
            start, changed = start + cut, True
    # drop an opening quote whose closing one is outside the span, and the reverse
    piece = text[start:end]
    for open_q, close_q in _QUOTES:
        if piece[:1] == open_q and close_q not in piece[1:]:
            return _trim(text, start + 1, end)
        if piece[-1:] == close_q and open_q not in piece[:-1]:
            return _trim(text, start, end - 1)
    # balance brackets: drop a dangling opening "(..." or a closing ")" without its opener
    if piece.count("(") > piece.count(")"):
        cut = piece.rfind("(")
        if cut > 0:
            return _trim(text, start, start + cut)
    return start, end

_LEADING_SCALE = re.compile(r"(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)\s+(?:(?:[Ww]on|[Dd]ollars?|[Pp]ounds?|"
                            r"[Ee]uros?)\s+)?(?:in|of|for)\s+")


def _strip_amount(piece: str) -> int:
    """How many leading characters of ``piece`` are an amount before a name of two or more
    capitalised words (0 when none): "150 Billion Won Youth Jobs Fund" names the fund."""
    scale = _LEADING_SCALE.match(piece)
    if scale:  # a title-case run that began after the digits: "Million in Neighborhood Grants"
        rest = piece[scale.end():].split()
        return scale.end() if len(rest) >= 2 and rest[0][:1].isupper() else 0
    m = _LEADING_AMOUNT.match(piece)
    if not m or not (piece[:1].isdigit() or piece[:1] in "$€£¥₩"):
        return 0
    # a bare number ("2030 Busan World Expo", "3 New Parks") is a year or a count, not an amount
    if piece[:1].isdigit() and not re.search(r"[A-Za-z]", m.group(0).removesuffix(" in ").removesuffix(" of ")
                                                                      .removesuffix(" for ")):
        return 0
    rest = piece[m.end():]
    words = rest.split()
    if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2 and words[0][:1].isupper():
        return m.end()
    return 0


_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_CLAUSE_FRAGMENT = re.compile(r"[^\W\d]+,\s")


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[int, int], Candidate] = {}

    def add(self, start: int, end: int, source: str, trim: bool = True) -> None:
        if trim:
            start, end = _trim(self.text, start, end)
        piece = self.text[start:end]
        if not (MIN_CHARS <= len(piece) <= MAX_CHARS) or "\n" in piece or not _THREE_LETTERS.search(piece):
            return
        if _CLAUSE_FRAGMENT.match(piece):  # "fund, delivered with ...": a fragment across a clause break
            return
        cand = self.found.setdefault((start, end), Candidate(start, end, piece))
        cand.sources.add(source)


def _quoted(c: _Collector) -> None:
    text = c.text
    for open_q, close_q in _QUOTES:
        pattern = re.escape(open_q) + r"([^\n" + re.escape(open_q + close_q) + r"]{3,140})" + re.escape(close_q)
        for m in re.finditer(pattern, text):
            if open_q == "'" and (m.start() > 0 and text[m.start() - 1].isalnum()):
                continue
            inner = m.group(1)
            if open_q in "'‘" and re.search(r"\w'\w|\w’\w", inner) and not inner[:1].isupper():
                continue
            c.add(m.start(1), m.end(1), "quote")
            after = re.match(r"\s*(?:\(\w+\)\s*)?([a-z]+)", text[m.end():m.end() + 30])
            if after and after.group(1) in POLICY_HEADS:
                c.add(m.start(), m.end() + after.end(1), "quote+noun", trim=False)


def _is_cap(tok: Token) -> bool:
    return bool(tok.text[:1].isupper() or (tok.text[:1].isdigit() and tok.i > 0 and tok.nbor(-1).text[:1].isupper()))


def _title_runs(doc: Doc, c: _Collector) -> None:
    for sent in doc.sents:
        run: list[Token] = []
        for tok in list(sent) + [None]:  # type: ignore[list-item]
            if tok is not None and "\n" not in tok.text and tok.ent_type_ not in ("DATE", "TIME") and (
                _is_cap(tok) or (run and tok.lower_ in _CONNECTORS) or (run and tok.text[:1].isdigit())
            ):
                run.append(tok)
                continue
            while run and not _is_cap(run[-1]) and run[-1].text != ")":
                run.pop()
            capped = [t for t in run if _is_cap(t)]
            if len(capped) >= 2 or (len(capped) == 1 and len(run) == 1 and run[0].lower_ in POLICY_HEADS):
                _add_run(doc, run, c)
            run = []


def _add_run(doc: Doc, run: list[Token], c: _Collector) -> None:
    c.add(run[0].idx, run[-1].idx + len(run[-1]), "title")
    # a headline such as "Mayor X Announces Y Program": the part after a verb
    for k, tok in enumerate(run[:-1]):
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("to", "for", "at", "in", "on", "with", ","):
            rest = run[k + 1:]
            if sum(_is_cap(t) for t in rest) >= 2:
                c.add(rest[0].idx, run[-1].idx + len(run[-1]), "title-tail")
    # a run that ends in an organisation word but contains a policy head before it
    for k, tok in enumerate(run):
        if tok.lower_ in POLICY_HEADS and k >= 1 and k < len(run) - 1:
            c.add(run[0].idx, tok.idx + len(tok), "title-head")


def _indices(doc: Doc, pos: set[str], words: frozenset[str] | None = None) -> list[int]:
    """Token indices with one of the ``pos`` tags (and, given ``words``, one of those lower-case forms),
    read from the Doc's arrays: making a Token object for every word of every release is what a
    plain ``for tok in doc`` spends its time on."""
    import numpy as np

    strings = doc.vocab.strings
    arr = doc.to_array(["POS", "LOWER"]).reshape(-1, 2)
    keep = np.isin(arr[:, 0], [strings.add(p) for p in pos])
    if words is not None:
        keep &= np.isin(arr[:, 1], [strings.add(w) for w in words])
    return np.flatnonzero(keep).tolist()


_HEAD_WORDS = POLICY_HEADS | ACTION_NOUNS


def _head_phrases(doc: Doc, c: _Collector) -> None:
    for i in _indices(doc, {"NOUN", "PROPN"}, _HEAD_WORDS):
        tok = doc[i]
        low = tok.lower_
        left = tok
        for child in tok.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "nummod", "poss", "det", "case", "npadvmod", "punct") \
                    or child.pos_ in ("ADJ", "NOUN", "PROPN"):
                left = min(left, child.left_edge, key=lambda t: t.i)
                break
        source = "head" if low in POLICY_HEADS else "action"
        if low in POLICY_HEADS:
            c.add(left.idx, tok.idx + len(tok), source)
        right = [ch for ch in tok.rights if ch.dep_ in ("prep", "acl", "relcl") and ch.lower_ in _PREPS
                 or ch.dep_ == "acl"]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if not right and nxt is not None and nxt.lower_ in _PREPS and nxt.dep_ == "prep":
            right = [nxt]  # "loans for X" whose "for" the parser hung on the verb
        for ch in right[:1]:
            end_tok = ch.right_edge
            span = doc[left.i:end_tok.i + 1]
            if len(span) <= 18:
                c.add(span.start_char, span.end_char, source + "+pp")
                # cut the complement at its first comma or nested clause
                for t in doc[ch.i:end_tok.i + 1]:
                    if t.text in (",", ";") or t.dep_ in ("relcl", "advcl") or t.ent_type_ in ("DATE", "TIME"):
                        c.add(left.idx, t.idx, source + "+pp")
                        break


def _verb_phrases(doc: Doc, c: _Collector) -> None:
    """"plans to <verb> <object>", "will <verb> <object>": a measure stated as an action."""
    for i in _indices(doc, {"VERB"}):
        tok = doc[i]
        if not any(ch.dep_ == "aux" and ch.lower_ in ("to", "will") for ch in tok.lefts):
            continue
        objs = [ch for ch in tok.rights if ch.dep_ in ("dobj", "attr", "oprd", "xcomp", "prep")]
        if not objs:
            continue
        end_tok = objs[0].right_edge
        span = doc[tok.i:end_tok.i + 1]
        for t in span[1:]:
            if t.text in (",", ";", "—", "–") or t.dep_ in ("relcl", "advcl") or (t.dep_ == "cc" and t.head == tok):
                span = doc[tok.i:t.i]
                break
        if 2 <= len(span) <= 14:
            c.add(span.start_char, span.end_char, "verb")


#: Chunk roots that never name a measure (pronoun-like or time words).
_CHUNK_STOP_POS = frozenset({"PRON", "NUM", "SYM", "PUNCT"})


def _noun_chunks(doc: Doc, c: _Collector) -> None:
    """Plain noun phrases of two or more words ("local tax deferrals", "emergency water pumping"),
    and with their first "of/for/to/in ..." complement: measures described in ordinary words,
    with no policy noun, capitals or quotes to mark them. The filter decides which are measures."""
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ in _CHUNK_STOP_POS or root.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "MONEY",
                                                               "PERCENT", "CARDINAL", "QUANTITY"):
            continue
        words = [t for t in chunk if t.pos_ not in ("DET", "PRON", "PUNCT")]
        if not words or len(words) > 8:
            continue
        if len(words) >= 2:
            c.add(words[0].idx, words[-1].idx + len(words[-1]), "chunk")
        preps = [ch for ch in root.rights if ch.dep_ == "prep" and ch.lower_ in _PREPS]
        if preps:
            end_tok = preps[0].right_edge
            span = doc[words[0].i:end_tok.i + 1]
            if len(span) <= 14 and not any(t.text in (",", ";") for t in span):
                c.add(span.start_char, span.end_char, "chunk+pp")


_LIST_CUE_PATTERNS = {cue: re.compile(r"\b" + re.escape(cue) + r"\b:?") for cue in LIST_CUES}


def _list_items(doc: Doc, c: _Collector) -> None:
    text = c.text
    for sent in doc.sents:
        low = text[sent.start_char:sent.end_char].lower()  # Span.text would rebuild it token by token
        for cue, pattern in _LIST_CUE_PATTERNS.items():
            if cue not in low:
                continue
            for m in pattern.finditer(low):
                base = sent.start_char + m.end()
                rest = text[base:sent.end_char]
                _split_items(c, rest, base, "list")


def _split_items(c: _Collector, rest: str, base: int, source: str) -> None:
    pos = 0
    for m in list(_ITEM_SPLIT.finditer(rest)) + [None]:
        end = m.start() if m else len(rest)
        if end > pos:
            start, stop = base + pos, base + end
            piece = c.text[start:stop]
            if len(piece.split()) <= 20:
                c.add(start, stop, source)
                # "A and B": each part too, when both are phrases of their own (not "small and medium")
                parts = re.split(r"\s+and\s+", piece)
                if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts):
                    c.add(start, start + len(parts[0]), source)
                    c.add(stop - len(parts[1]), stop, source)
                short = _TRAILING_PAREN.sub("", piece)
                if short != piece:
                    c.add(start, start + len(short), source)
        pos = m.end() if m else len(rest)


def _bullets(c: _Collector) -> None:
    """Each bulleted item, whole and cut before its first explanation (colon, bracket, dash ...)."""
    for pattern, source in ((_BULLET_LINE, "bullet"), (_INLINE_BULLET, "inline-bullet")):
        for m in pattern.finditer(c.text):
            start = m.start("item")
            item = m.group("item")
            c.add(start, start + len(item), source)
            cut = _ITEM_END.search(item)
            if cut and cut.start() > 3:
                c.add(start, start + cut.start(), source)


def _quoted_clause(doc: Doc, cand: Candidate) -> bool:
    """True for a candidate found only as a quotation that is a clause (a subject and its verb):
    a quoted remark ("We will support small firms") is speech, not the name of a measure."""
    if cand.sources != {"quote"}:
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head in span
               for t in span)


def candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    """Every candidate policy span in ``doc`` (offsets into ``doc.text``), in text order.

    ``text`` is ``doc.text`` when the caller already has it (spaCy rebuilds it on each access).
    """
    c = _Collector(doc_text(doc) if text is None else text)
    _quoted(c)
    _bullets(c)
    parsed = doc.has_annotation("DEP")
    if parsed:
        _title_runs(doc, c)
        _head_phrases(doc, c)
        _list_items(doc, c)
        _verb_phrases(doc, c)
        _noun_chunks(doc, c)
    found = [x for x in c.found.values() if not (parsed and _quoted_clause(doc, x))]
    return sorted(found, key=lambda x: (x.start, x.end))


def is_org_like(text: str) -> bool:
    """True when a title-case span ends in an organisation or role word ("... Committee")."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and words[-1] in ORG_WORDS
