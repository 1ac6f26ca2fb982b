"""Dates and times normalised against the publication date (spaCy component ``release_dates``).

The component reads ``doc._.published`` as the anchor. When it is missing, the release's own
dateline or URL supplies it (`published.infer_anchor`); a full inferred date is written back
to ``doc._.published`` so the `Release` carries it. The grammar itself lives in `temporal`
(pure, regex-driven, no per-mention calls into slow general parsers).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .published import infer_anchor
from .temporal import Anchor, find_dates
from .doctext import doc_text


@Language.factory(
    "release_dates",
    default_config={"keep_unresolved": True, "infer_published": True, "vague_durations": False},
)
def make_dates(
    nlp: Language, name: str, keep_unresolved: bool, infer_published: bool, vague_durations: bool
) -> DateExtractor:
    return DateExtractor(keep_unresolved=keep_unresolved, infer_published=infer_published, vague_durations=vague_durations)


class DateExtractor:
    """Writes `DateMention` records to ``doc._.dates``.

    ``keep_unresolved``: keep mentions whose value cannot be resolved (value None), e.g. "on
    Tuesday" in a release with no known date. On by default: the reader still sees that the
    release names a day, and the store keeps the mention with a NULL value.
    ``infer_published``: read the publication date from the dateline or URL when not given.
    ``vague_durations``: also keep periods of unstated length ("several days" -> ``PXD``).
    """

    def __init__(self, keep_unresolved: bool = True, infer_published: bool = True, vague_durations: bool = False) -> None:
        self.keep_unresolved = keep_unresolved
        self.infer_published = infer_published
        self.vague_durations = vague_durations

    def anchor(self, doc: Doc) -> Anchor | None:
        anchor = Anchor.parse(doc._.published)
        if anchor is None and self.infer_published:
            anchor = infer_anchor(doc_text(doc), doc._.url, doc._.title)
            if anchor is not None and anchor.day is not None:
                doc._.published = anchor.iso()
        return anchor

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(
            doc_text(doc), self.anchor(doc), keep_unresolved=self.keep_unresolved, vague_durations=self.vague_durations
        )
        return doc
