"""A country name that opens an Arabic personal name ("Turki al-Maliki", "Turki bin Faisal") is
no country; the same word before an ordinary name or a verb still is."""

from __future__ import annotations


def _places(resources, mention_doc, text):
    doc = mention_doc(text)
    return [doc.span(m.start, m.end) for m in resources.get("gazetteer").find(doc) if m.type in ("GPE", "LOC")]


def test_gazetteer_name_particles_al_and_bin(resources, mention_doc):
    text = ("Juru bicara koalisi, Kolonel Turki al-Maliki, membantah laporan itu. "
            "Pangeran Turki bin Faisal juga hadir di Riyadh.")
    assert _places(resources, mention_doc, text) == ["Riyadh"]


def test_gazetteer_name_particles_country_still_found(resources, mention_doc):
    text = ("Presiden Turki Recep Tayyip Erdogan tiba di Doha. Turki mengecam serangan itu, "
            "sementara Qatar bin dua negara lain diam.")
    assert _places(resources, mention_doc, text) == ["Turki", "Doha", "Turki", "Qatar"]
