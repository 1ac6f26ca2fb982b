"""The ``Doc._`` attributes through which release-miner's spaCy components talk to each other.

Each extraction component writes one list of records; later components may read the
earlier ones (policies read figures, for instance). ``published`` is set on the Doc
before the pipeline runs so that relative dates can be anchored.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES: dict[str, object] = {
    "published": None,  # ISO date string of the release, the anchor for relative dates
    "url": None,  # where the release came from, when known (a date may be read from it)
    "title": None,  # the release's headline, when known apart from the text
    "figures": None,
    "dates": None,
    "people": None,
    "organizations": None,
    "policies": None,
}


def register_extensions() -> None:
    """Register the Doc attributes once per process (idempotent)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
