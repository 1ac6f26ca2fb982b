"""Sentence lookups for components that ask about many tokens of one Doc.

``Token.sent`` and ``Doc.has_annotation`` each walk the whole Doc on every call, so asking
them once per mention makes a component quadratic in the length of a release. A
`SentenceIndex` reads the sentence bounds once and answers by bisection.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc


class SentenceIndex:
    """Sentence bounds of a Doc, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        spans = list(doc.sents) if self.parsed else []
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]
        self.start_chars = [s.start_char for s in spans]
        self.end_chars = [s.end_char for s in spans]
        self.length = len(doc)

    def index(self, i: int) -> int:
        """Position of the sentence holding token ``i`` (-1 when the Doc has no sentences)."""
        return bisect.bisect_right(self.starts, i) - 1

    def end_of(self, i: int) -> int:
        k = self.index(i)
        return self.ends[k] if k >= 0 else self.length

    def start_char_of(self, i: int) -> int:
        k = self.index(i)
        return self.start_chars[k] if k >= 0 else -1

    def char_bounds(self, first: int, last: int) -> tuple[int, int] | None:
        """Character bounds of the sentences holding tokens ``first`` to ``last``."""
        a, b = self.index(first), self.index(last)
        if a < 0 or b < 0:
            return None
        return self.start_chars[a], self.end_chars[b]


class EntityIndex:
    """The named entities of a Doc, read once (``Span.ents`` walks every entity of the Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.ents = [(e.start, e.end, e.label_) for e in doc.ents]
        self.starts = [s for s, _, _ in self.ents]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Entities wholly inside tokens [start, end)."""
        k = bisect.bisect_left(self.starts, start)
        out = []
        while k < len(self.ents) and self.ents[k][0] < end:
            if self.ents[k][1] <= end:
                out.append(self.ents[k])
            k += 1
        return out
