"""Entities stage: mention ids, offsets, sentence indexes, sources; story paragraphs only."""

from __future__ import annotations

from warta.doc import ENTITY_TYPES, Document, Paragraph
from warta.pipeline import Pipeline


def _run(resources, doc: Document) -> Document:
    doc.stages.append("layout")  # paragraphs are given by hand
    return Pipeline(["layout", "tokens", "entities"], resources=resources).process(doc)


def test_entities_mentions_are_numbered_and_anchored(resources):
    text = "Presiden Prancis Emmanuel Macron tiba di Beijing.\n\nIa bertemu Xi Jinping di Aula Besar."
    doc = Document(id="c", text=text, paragraphs=[Paragraph(0, 49, "body"), Paragraph(51, len(text), "body")])
    doc = _run(resources, doc)
    assert doc.mentions, "expected mentions"
    assert [m.id for m in doc.mentions] == [f"m{i}" for i in range(1, len(doc.mentions) + 1)]
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for m in doc.mentions:
        assert m.type in ENTITY_TYPES and m.kind == "name" and m.source in ("ner", "gazetteer")
        sentence = doc.sentences[m.sentence]
        assert sentence.start <= m.start < m.end <= sentence.end
        assert doc.span(m.start, m.end) == doc.span(m.start, m.end).strip()
    assert ("Beijing", "GPE") in [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_skip_credit_paragraphs(resources):
    body = "Menteri Keuangan Sri Wahyuni menghadiri rapat di Surabaya."
    credit = "Pewarta: Andi Saputra"
    text = body + "\n\n" + credit
    doc = Document(id="c", text=text,
                   paragraphs=[Paragraph(0, len(body), "body"), Paragraph(len(body) + 2, len(text), "credit")])
    doc = _run(resources, doc)
    assert all(m.end <= len(body) for m in doc.mentions)
