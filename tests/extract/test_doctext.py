"""The text of a Doc, joined once and reused by every component."""

from __future__ import annotations

import spacy

from release_miner.extract.doctext import doc_text


def test_the_joined_text_is_the_doc_s_text_and_is_reused():
    nlp = spacy.blank("en")
    doc = nlp("Busan will hold the 50th meeting.\n\nIt starts at 2 p.m. ")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # joined once


def test_a_retokenised_doc_keeps_its_text():
    nlp = spacy.blank("en")
    doc = nlp("The Busan Metropolitan Government met.")
    before = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:4])
    assert doc_text(doc) == before == doc.text


def test_an_empty_doc_has_empty_text():
    assert doc_text(spacy.blank("en")("")) == ""
