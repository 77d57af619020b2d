"""The Document model: spans read back from the text, exact JSON round-trip, schema version."""

from __future__ import annotations

import json

import pytest

from warta.doc import (
    SCHEMA_VERSION,
    Document,
    Entity,
    Event,
    Explanation,
    Mention,
    Paragraph,
    Place,
    Quote,
    Sentence,
    Token,
)

TEXT = "Jakarta (ANTARA) - Menlu RI bertemu Menlu Jepang di Tokyo pada Senin."


def _full_document() -> Document:
    doc = Document(id="contoh-1", text=TEXT, published="2024-03-12")
    doc.metadata.dateline_place = "Jakarta"
    doc.metadata.agency = "ANTARA"
    doc.metadata.dateline_span = (0, 19)
    doc.metadata.credits = ["Reuters"]
    doc.metadata.extra = {"kategori": "dunia", "angka": [1, 2]}
    doc.paragraphs = [Paragraph(0, len(TEXT), "body")]
    doc.tokens = [Token(19, 24, "menlu"), Token(25, 27, "ri", kind="word", space_after=True)]
    doc.sentences = [Sentence(19, len(TEXT), 0, 2, 0)]
    doc.mentions = [Mention("m1", 25, 27, "GPE", kind="abbreviation", entity="e1", sentence=0, source="gazetteer")]
    doc.entities = [Entity("e1", "Indonesia", "GPE", mentions=["m1"], actor="IDN", country="IDN")]
    doc.quotes = [Quote("q1", 19, 40, direct=False, speaker="e1", cue_start=19, cue_end=24, sentence=0)]
    doc.events = [
        Event(
            "v1", "040", 0, source="IDNGOV", target="JPNGOV", modality="asserted", date="2024-03-11",
            place=Place("Tokyo", "JPN", 35.68, 139.69, "city", start=51, end=56),
            explanation=Explanation(0, 28, 35, "meet.dengan", source_span=(19, 27), target_span=(36, 48)),
        )
    ]
    return doc


def test_doc_span_reads_from_text():
    doc = _full_document()
    assert doc.span(25, 27) == "RI"
    assert doc.token_text(doc.tokens[0]) == "Menlu"
    assert doc.sentence_text(doc.sentences[0]).startswith("Menlu RI bertemu")
    assert [doc.token_text(t) for t in doc.sentence_tokens(doc.sentences[0])] == ["Menlu", "RI"]


def test_doc_json_round_trip_is_exact():
    doc = _full_document()
    text = doc.to_json()
    again = Document.from_json(text)
    assert again == doc
    assert again.to_json() == text
    assert isinstance(again.metadata.dateline_span, tuple)
    assert isinstance(again.events[0].place, Place)
    assert again.events[0].explanation.target_span == (36, 48)


def test_doc_json_carries_schema_version():
    data = json.loads(_full_document().to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="schema version"):
        Document.from_dict(data)


def test_doc_lookup_by_id():
    doc = _full_document()
    assert doc.entity("e1").name == "Indonesia"
    assert doc.entity("e9") is None
    assert doc.mention("m1").kind == "abbreviation"
    assert doc.mention(None) is None


def test_doc_body_paragraphs_skip_layout():
    doc = Document(id="d", text="Judul\n\nIsi berita.\n\nBaca juga: Lain")
    doc.paragraphs = [Paragraph(0, 5, "headline"), Paragraph(7, 18, "body"), Paragraph(20, 36, "related")]
    assert [p.kind for p in doc.body_paragraphs()] == ["headline", "body"]
