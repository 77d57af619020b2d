"""Entities stage: organisation names keep their whole span, country included."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _mentions(resources, text: str) -> list[tuple[str, str]]:
    pipeline = Pipeline(["layout", "tokens", "entities"], resources=resources)
    doc = pipeline.process(Document(id="t", text=text))
    return [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_org_with_country_is_one_span(resources):
    found = _mentions(resources, "Kementerian Pertahanan Korsel menyatakan latihan itu bersifat defensif.")
    assert ("Kementerian Pertahanan Korsel", "ORG") in found
    assert ("Korsel", "GPE") not in found


def test_entities_long_council_name(resources):
    found = _mentions(resources, "Dewan Keamanan Nasional Tertinggi Iran menggelar rapat darurat pada "
                                 "Rabu malam.")
    assert ("Dewan Keamanan Nasional Tertinggi Iran", "ORG") in found


def test_entities_org_then_person_are_cut_apart(resources):
    found = _mentions(resources, "Ketua Partai Harapan Rakyat Budi Santoso hadir dalam pertemuan itu.")
    assert ("Budi Santoso", "PER") in found
    assert not any("Budi" in s and t == "ORG" for s, t in found)


def test_entities_international_organisation_abbreviation(resources):
    found = _mentions(resources, "PBB meminta kedua pihak menahan diri, sementara ASEAN menyiapkan "
                                 "pertemuan darurat.")
    assert ("PBB", "ORG") in found
    assert ("ASEAN", "ORG") in found
