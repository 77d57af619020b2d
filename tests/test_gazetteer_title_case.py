"""In a title-cased headline every word is capitalised, so a place name that is also a common
word ("Surat", "Batu") is not a place there."""

from __future__ import annotations


def _found(resources, mention_doc, text):
    doc = mention_doc(text)
    return [(doc.span(m.start, m.end), m.actor) for m in resources.get("gazetteer").find(doc)]


def test_gazetteer_title_case_headline_drops_ambiguous_place(resources, mention_doc):
    found = _found(resources, mention_doc, "Pegawai Dinas Kirim Surat, Minta Dewan Tunda Rapat Anggaran")
    assert ("Surat", "IND") not in found


def test_gazetteer_title_case_sentence_case_keeps_ambiguous_place(resources, mention_doc):
    found = _found(resources, mention_doc, "Pabrik tekstil di kota Surat, India, terbakar pada Senin.")
    assert ("Surat", "IND") in found
