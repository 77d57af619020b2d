"""Title-case headlines: every word is capitalised there, so capitals must not make names."""

from __future__ import annotations

from warta.doc import Document


def _headline_names(pipeline, text):
    doc = pipeline.process(Document("t", text, published="2024-03-12"))
    headline = doc.paragraphs[0]
    return {(doc.span(m.start, m.end), m.type) for m in doc.mentions if m.kind == "name" and m.start < headline.end}


def test_entities_title_case_headline_verbs_are_not_names(pipeline):
    found = _headline_names(pipeline, "Polri Tuding Massa Bayaran Picu Kericuhan di Depan Gedung KPK\n\n"
                                      "Jakarta (ANTARA) - Polri menuding massa bayaran memicu kericuhan di depan "
                                      "Gedung KPK, Jakarta, pada Jumat.")
    assert {name for name, _ in found} <= {"Polri", "Gedung KPK", "KPK"}
    assert ("Polri", "ORG") in found


def test_entities_title_case_headline_keeps_real_names(pipeline):
    found = _headline_names(pipeline, "Presiden Jokowi Terima PM Jepang Fumio Kishida di Istana Bogor\n\n"
                                      "Bogor (ANTARA) - Presiden Joko Widodo menerima Perdana Menteri Jepang "
                                      "Fumio Kishida di Istana Bogor pada Senin.")
    names = {name for name, _ in found}
    assert {"Jokowi", "Jepang", "Fumio Kishida"} <= names
