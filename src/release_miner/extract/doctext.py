"""The text of a parsed release, joined once per Doc.

spaCy's ``Doc.text`` joins every token's text anew on each access, and each release-miner
component (figures, dates, names, organizations, policies) needs the whole string, several
of them more than once: on a release of a few thousand words those joins were a tenth of the
names component. Retokenising keeps a Doc's text, so the joined string stays valid for the
Doc's life; it is kept in ``doc.user_data`` beside our other per-Doc results.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "release_miner.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for this Doc and reused afterwards."""
    text = doc.user_data.get(_KEY)
    # a Doc rebuilt in place with other words (never done by spaCy itself) gets a fresh join
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


__all__ = ["doc_text"]
