"""Figures: money, counts, percents, ordinals and quantities (spaCy component ``release_figures``).

The text scanner (`figure_scan.scan`) finds every number with its currency, percent sign,
unit, hedge and range, and drops dates, times, names, identifiers and list markers. This
component adds what only the parse knows: the noun a count counts ("40 entrepreneurs and
investors" -> the coordinated phrase, "12 keynote speeches" past a mis-tagged word), the
noun an ordinal ranks ("the 8th popularly elected term" -> "term"), and whether a bare
number continues a count stated just before ("12,000 jobs: 4,000 in 2025, 3,500 in 2026")
or is named by its sentence ("the number of startups rose to 140"). A number with nothing
counted is not a figure.

The release's dollar (a bare "$") is decided once per Doc from ``doc._.url`` and the text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Figure
from .currencies import Home
from .figure_scan import Candidate, bound_after, normalise, per_time, per_time_match, scan
from .numbers import parse_ordinal_word
from .sentences import SentenceIndex
from .doctext import doc_text
from .units import (
    AMOUNT_NOUNS,
    CHANGE_VERB_STEMS,
    COLLECTIVE_NOUNS,
    NON_COUNT_NOUNS,
    ORDINAL_DIRECT_NOUNS,
    ORDINAL_IDIOMS,
    ORDINAL_TIME_OK,
    PLURAL_INVARIANT,
    RANKING_VERBS,
    TIME_NOUNS,
    TIME_SYMBOLS,
    TITLE_WORDS,
)

_NOUNS = frozenset({"NOUN", "PROPN"})
#: Parts of speech that may sit between a number and its noun ("53 newly discovered projects").
_MODIFIERS = frozenset({"ADJ", "ADV", "NOUN", "PROPN"})
_MODIFIER_TAGS = frozenset({"VBN", "VBG", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH"})
_QUOTES = frozenset("\"'“”‘’`")
#: Dependency labels by which a number attaches to the noun it counts.
_NUM_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos", "det"})
_MAX_GAP = 8
#: Dependencies of words inside a counted noun phrase, whatever their tag ("12 keynote speeches").
_INNER_DEPS = frozenset({"amod", "compound", "advmod", "nmod", "npadvmod"})
#: Dependencies by which a noun sits inside a larger noun phrase whose head is further right.
_CLIMB_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
#: Words that open a time phrase after a number ("140 last year", "3,000 this month").
_TIME_DETERMINERS = frozenset(
    {"last", "this", "next", "each", "every", "per", "a", "the", "that", "previous", "coming", "same"}
)
#: Words after a bare number that continue a list of counts ("65,000 in 2023, 69,000 in 2024").
_LIST_FOLLOWERS = frozenset({"in", "for", "at", "by", "and", "or", "to", "from", "on"})
#: Words before such a number that open a list item.
_LIST_OPENERS = frozenset({"and", "or", "while", "with", "plus"})
_SPACES = re.compile(r"\s+")
_QUOTE_MARKS = re.compile(r"(?:(?<=\s)|^)[\"'“”‘’`]+|[\"'“”‘’`]+(?=\s|$)")


@Language.factory("release_figures")
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor()


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _is_modifier(tok: Token) -> bool:
    return tok.pos_ in _MODIFIERS or tok.tag_ in _MODIFIER_TAGS or tok.text in _QUOTES


def _climb(head: Token) -> Token:
    """From a noun inside a compound to the compound's head ("district and county offices")."""
    for _ in range(4):
        up = head.head
        gap = head.doc[head.i + 1 : up.i]
        if (
            head.dep_ in _CLIMB_DEPS
            and up.i > head.i
            and up.i - head.i <= 4
            and up.pos_ in _NOUNS
            and not any(t.is_punct and t.tag_ != "HYPH" for t in gap)
        ):
            head = up
        else:
            break
    return head


def _head_noun(doc: Doc, tok: Token, sents: SentenceIndex) -> Token | None:
    """The noun that ``tok`` (the last token of a number) counts or ranks, or None."""
    sent_end = sents.end_of(tok.i)
    head = tok.head
    if (
        tok.dep_ in _NUM_DEPS
        and head.i > tok.i
        and head.i - tok.i <= _MAX_GAP
        and head.pos_ in _NOUNS
        and all(_is_modifier(t) or t.pos_ == "CCONJ" or t.dep_ in _INNER_DEPS for t in doc[tok.i + 1 : head.i])
        and "\n" not in doc[tok.i : head.i + 1].text
    ):
        return _climb(head)
    # the parse disagrees (headline casing, lists): take the noun run right after the number
    last = None
    prev = tok
    for t in doc[tok.i + 1 : min(sent_end, tok.i + 1 + _MAX_GAP)]:
        if t.is_space or "\n" in prev.whitespace_:
            break
        glued = not prev.whitespace_ and (prev.tag_ == "HYPH" or t.tag_ == "HYPH")
        prev = t
        if t.pos_ in _NOUNS and t.is_alpha:
            last = t
            continue
        if glued or t.tag_ == "HYPH" or t.text in _QUOTES:
            continue
        if _is_modifier(t) and t.is_alpha:
            continue
        if last is None and t.is_alpha and t.is_lower and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "NNS":
            continue  # a noun mis-tagged as a verb before the plural it modifies ("8 keynote speeches")
        break
    return last


def _extend_conjuncts(head: Token) -> Token:
    """The last noun of a short coordination ("cities and counties", "centers and pools").

    Only a conjunct joined directly by "and"/"or" extends the counted noun; a longer
    comma list usually names separate things ("the 5 work plans, directions, issues").
    """
    doc = head.doc
    for conj in head.conjuncts:
        if conj.i <= head.i or conj.i - head.i > 6 or conj.pos_ not in _NOUNS:
            continue
        between = doc[head.i + 1 : conj.i]
        if not between or between[0].lower_ not in ("and", "or", "&"):
            return head
        if any(t.like_num or t.lower_ in ("a", "an", "the") for t in between):
            return head
        return conj
    return head


def _plural_like(tok: Token) -> bool:
    """Does this noun name several things ("participants", "people", "SMEs")?"""
    word = tok.lower_
    return word.endswith("s") or word in PLURAL_INVARIANT or tok.tag_ in ("NNS", "NNPS") and tok.is_lower


def _clean_unit(text: str) -> str:
    """Lower-case, single-spaced, without quotation marks (an apostrophe inside a word stays)."""
    text = _QUOTE_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip(" ,-").lower()


_TIMES_WORD = re.compile(r"\btimes\Z", re.I)
#: After "N times", what makes it a multiplier: a comparison ("3 times larger", "twice as", "times the size").
_COMPARED_AFTER = re.compile(r"\s+(?:more|less|fewer|as|than|the|that|over|what|[a-z]+er)\b", re.I)
#: Before "N times", a verb of change: "rose 2.5 times", "increased by 3 times".
_CHANGED_BEFORE = re.compile(r"\b(?:%s)\w*(?:\s+(?:by|about|around|nearly|some|over|more\s+than))*\s+\Z"
                             % "|".join(CHANGE_VERB_STEMS), re.I)


def _occurrences(text: str, cand: Candidate) -> bool:
    """Is "N times" a number of occurrences ("six times a year", "a maximum of four times")?

    The guidelines make a multiplier ("rose 2.5 times", "3 times larger") a quantity; a count of
    how often something happens is a count of times. Multiplier words ("tripled", "fivefold") are
    always multipliers.
    """
    if not _TIMES_WORD.search(text, cand.start, cand.end):
        return False
    return not (_COMPARED_AFTER.match(text, cand.end) or _CHANGED_BEFORE.search(text, max(0, cand.start - 40), cand.start))


class FigureExtractor:
    """Writes ``doc._.figures``: every figure with its normalised value, unit and exact offsets."""

    def __call__(self, doc: Doc) -> Doc:
        self._text = text = doc_text(doc)  # Doc.text joins every token: read it once
        dollar = Home(text, doc._.url)
        figures: list[Figure] = []
        self._sents = sents = SentenceIndex(doc)
        last_count: tuple[int, str, int] | None = None  # (sentence start, unit, end) of the latest count
        last_rate: str | None = None
        for cand in scan(text, dollar):
            figure = self._resolve(doc, cand, last_count, last_rate)
            if figure is None:
                continue
            if figure.kind == "count" and figure.unit and figure.end > cand.num_end:
                # a count with its noun written out (not one inherited from the list it continues)
                first = doc.char_span(figure.start, figure.end, alignment_mode="expand")
                sent_start = sents.start_char_of(first[0].i) if first is not None else -1
                last_count = (sent_start, figure.unit, figure.end)
            if figure.kind == "quantity" and figure.unit and "/" in figure.unit:
                last_rate = figure.unit
            figures.append(figure)
        doc._.figures = figures
        return doc

    def _resolve(
        self,
        doc: Doc,
        cand: Candidate,
        last_count: tuple[int, str, int] | None,
        last_rate: str | None,
    ) -> Figure | None:
        text = self._text
        start, end, unit, kind = cand.start, cand.end, cand.unit, cand.kind
        if kind in ("count", "ordinal") and unit is None:
            span = doc.char_span(cand.num_start, cand.num_end, alignment_mode="expand")
            if span is None:
                return None
            tok = span[-1]
            if kind == "ordinal":
                return self._ordinal(doc, cand, tok)
            if cand.after_id or not cand.value:
                return None
            head = _head_noun(doc, tok, self._sents)
            if head is None:
                return self._bare(doc, cand, tok, last_count, last_rate)
            word = head.lower_
            if word in TIME_NOUNS:
                between = {t.lower_ for t in doc[tok.i + 1 : head.i]}
                if between & _TIME_DETERMINERS:
                    # "rose to 140 last year": the time phrase is separate, the number stands alone
                    return self._bare(doc, cand, tok, last_count, last_rate)
                per = per_time(text, head.idx + len(head))
                if per and word in TIME_SYMBOLS:
                    # "25 hours per week": a rate of time, a quantity (a duration would be a period)
                    rate_end = per_time_match(text, head.idx + len(head)).end()  # type: ignore[union-attr]
                    return Figure(text=text[start:rate_end], start=start, end=rate_end, kind="quantity",
                                  value=cand.value, unit=f"{TIME_SYMBOLS[word]}/{per}", approx=cand.approx)
                return None  # "10 days": a duration
            if word in NON_COUNT_NOUNS:
                return None
            if cand.value != 1 and not _plural_like(head):
                # "Seven Bridges Tour", "3.0 program": a name, not a count; but a breakdown of a
                # count may follow ("25 members (3 ex officio, ...)")
                return self._bare(doc, cand, tok, last_count, last_rate)
            last = _extend_conjuncts(head)
            first = doc[tok.i + 1]
            unit = _clean_unit(text[first.idx : last.idx + len(last)])
            end = max(end, head.idx + len(head))
            approx = cand.approx
            bound = bound_after(text, end)
            if bound:
                approx, end = True, bound
            per_match = per_time_match(text, head.idx + len(head))
            per = per_match.group("t").lower() if per_match else None
            if cand.per or per:
                kind, unit = "quantity", f"{_clean_unit(head.text)}/{cand.per or per}"
                if per_match and not cand.per:
                    end = max(end, per_match.end())  # the span keeps its "per": "2,500 homes each year"
        elif kind == "count" and cand.per:
            kind, unit = "quantity", f"{unit}/{cand.per}"
            approx = cand.approx
        elif kind == "quantity" and unit == "times" and _occurrences(text, cand):
            kind, approx = "count", cand.approx
            if per_time_match(text, end):
                end = per_time_match(text, end).end()  # type: ignore[union-attr]  # "six times a year"
        elif kind in ("money", "quantity", "percent") and per_time_match(text, end):
            approx = cand.approx
            end = per_time_match(text, end).end()  # type: ignore[union-attr]  # "$16 per hour" keeps its "per"
        else:
            approx = cand.approx
        if not unit:
            return None
        return Figure(
            text=text[start:end],
            start=start,
            end=end,
            kind=kind,
            value=cand.value,
            unit=unit,
            approx=approx,
            value_max=cand.value_max,
        )

    def _ordinal(self, doc: Doc, cand: Candidate, tok: Token) -> Figure | None:
        """An ordinal with the noun it ranks; without one it is a date ("the 27th") or an adverb."""
        text = self._text
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.tag_ == "HYPH" and not tok.whitespace_ and "superlative" not in cand.flags:
            return None  # "first-class", "first-come": an adjective
        if nxt is not None and nxt.lower_ in ("century", "centuries"):
            return None  # "the twenty-first century" is a date, "21st-century skills" ranks nothing
        if _in_title(doc, tok, text):
            return None  # "First Vice Mayor Kim": the ordinal is part of a title or a name
        head = _head_noun(doc, tok, self._sents)
        if nxt is not None and nxt.lower_ in ORDINAL_DIRECT_NOUNS:
            head = nxt  # "the 3rd floor conference room" ranks floors
        listed = False
        if head is None:
            head = self._ranked_later(doc, tok)
            # one of a comma list ("the 2nd, 3rd and 10th districts") is written as itself
            listed = head is not None and "," in text[cand.end:head.idx]
        if head is None:
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.lower_ in RANKING_VERBS:
                unit = "place"  # "ranked third"
                return Figure(text=text[cand.start : cand.end], start=cand.start, end=cand.end,
                              kind="ordinal", value=cand.value, unit=unit, approx=cand.approx)
            return None
        word = head.lower_
        if word in (TIME_NOUNS - ORDINAL_TIME_OK) or not head.is_alpha:
            return None
        if (tok.lower_, word) in ORDINAL_IDIOMS:
            return None  # "first responders": a fixed compound, nothing is ranked
        unit = _singular(word)
        before = doc[head.i - 1] if head.i - 1 > tok.i else None
        if before is not None and before.dep_ == "compound" and before.pos_ == "NOUN" and before.is_lower:
            unit = f"{before.lower_} {unit}"
        end = cand.end if listed else max(cand.end, head.idx + len(head))
        return Figure(text=text[cand.start : end], start=cand.start, end=end, kind="ordinal",
                      value=cand.value, unit=unit, approx=cand.approx)

    def _ranked_later(self, doc: Doc, tok: Token) -> Token | None:
        """"from the first to the 49th session", "the 2nd, 3rd and 10th districts": an ordinal in a
        list or range ranks the noun of the ordinal that closes it."""
        i = tok.i + 1
        while i < len(doc) and doc[i].lower_ in (",", "to", "and", "or", "through", "-", "–"):
            i += 1
            if i < len(doc) and doc[i].lower_ in ("and", "or"):
                i += 1  # "2nd, 3rd, and 10th"
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            other = doc[i] if i < len(doc) else None
            if other is None or not (other.like_num or parse_ordinal_word(other.text) is not None):
                return None
            head = _head_noun(doc, other, self._sents)
            if head is not None:
                return head
            i += 1  # the list goes on: the noun comes after a later ordinal
        return None

    def _bare(
        self,
        doc: Doc,
        cand: Candidate,
        tok: Token,
        last_count: tuple[int, str, int] | None,
        last_rate: str | None,
    ) -> Figure | None:
        """A number with no noun after it, kept only when the sentence says what it counts."""
        if cand.after_id or cand.value is None:
            return None
        text = self._text
        if not text[cand.num_start : cand.num_start + 1].isdigit():
            return None  # "one of the ...": a pronoun, not a figure
        if cand.per:
            # "dropped to 130,000 per day": a rate of whatever the previous rate counted
            unit = last_rate if last_rate and last_rate.endswith("/" + cand.per) else f"per {cand.per}"
            m = per_time_match(text, cand.end)
            end = m.end() if m else cand.end
            return Figure(text=text[cand.start : end], start=cand.start, end=end, kind="quantity",
                          value=cand.value, unit=unit, approx=cand.approx)
        if not self._sents.parsed:
            return None
        if text[: cand.start].rstrip().endswith("(") and text[cand.end :].lstrip().startswith(")"):
            return None  # "Lee Min-ji (27)": an age or a reference, not a count
        # "rose to 140 last year" parses 140 into the time phrase: read the phrase's role instead
        anchor = tok.head if tok.dep_ == "nummod" and tok.head.lower_ in TIME_NOUNS else tok
        first = doc.char_span(cand.num_start, cand.num_end, alignment_mode="expand")
        unit = _collective_owner(doc, first[0].i if first is not None else tok.i)
        if unit is None and last_count and last_count[0] == self._sents.start_char_of(tok.i):
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            before = text[: cand.start].rstrip().rsplit(None, 1)[-1:] or [""]
            opens_item = before[0].lower() in _LIST_OPENERS or before[0][-1:] in (",", ";", ":")
            follows = nxt is None or nxt.lower_ in _LIST_FOLLOWERS or nxt.text in (",", ";", ".")
            if (opens_item and follows) or _breaks_down(text, last_count[2], cand.start):
                # a list continuing a count: "287,000 jobs: about 65,000 in 2023, 69,000 in 2024"
                unit = last_count[1]
        if unit is None and cand.value >= 10:
            unit = _subject_counted(anchor)
        if not unit:
            return None
        return Figure(text=text[cand.start : cand.end], start=cand.start, end=cand.end, kind="count",
                      value=cand.value, unit=unit, approx=cand.approx)


def _in_title(doc: Doc, tok: Token, text: str) -> bool:
    """Is this ordinal word written inside a capitalised title or name ("First Vice Mayor", "Second Avenue")?"""
    if not tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if not nxt.text[:1].isupper() or "\n" in tok.whitespace_:
        return False
    if nxt.lower_ in TITLE_WORDS:
        return True
    if tok.text.isupper():
        return False  # "FIRST PLACE": capitals that say nothing about names
    line_start = text.rfind("\n", 0, tok.idx) + 1
    line_end = text.find("\n", tok.idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    headline = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    return not headline and nxt.pos_ == "PROPN"


def _breaks_down(text: str, count_end: int, pos: int) -> bool:
    """Is ``pos`` inside a parenthesis right after a count ("25 members (2 ex officio, 23 appointed)")?"""
    opening = text.rfind("(", count_end, pos)
    return opening >= 0 and not text[count_end:opening].strip() and ")" not in text[opening:pos]


def _collective_owner(doc: Doc, i: int) -> str | None:
    """ "a population of 3.4 million": the collective noun the number (starting at token ``i``) is "of"."""
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in COLLECTIVE_NOUNS:
        return doc[i - 2].lower_
    return None


def _subject_counted(anchor: Token) -> str | None:
    """ "Visitor volume was 17.3 million", "the number of institutions rose to 60": the subject says
    what is counted when the number is the verb's object or complement."""
    if anchor.dep_ not in ("attr", "pobj", "dobj") or anchor.head.pos_ not in ("AUX", "VERB", "ADP"):
        return None
    verb = anchor.head if anchor.head.pos_ != "ADP" else anchor.head.head
    if verb.pos_ not in ("AUX", "VERB"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _NOUNS]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ not in ("NNS", "NNPS") and subject.lower_ not in AMOUNT_NOUNS and subject.lower_ not in PLURAL_INVARIANT:
        return None  # "the answer is 42": a singular subject that is no amount says nothing is counted
    if subject.lower_ in ("number", "total", "count"):
        counted = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.pos_ in _NOUNS]
        subject = counted[0] if counted else subject
    return _clean_unit(subject.text)


__all__ = ["FigureExtractor", "make_figures", "normalise"]
