"""Entities stage: places with a government are GPE, other places LOC; abbreviations count."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _mentions(resources, text: str) -> list[tuple[str, str]]:
    pipeline = Pipeline(["layout", "tokens", "entities"], resources=resources)
    doc = pipeline.process(Document(id="t", text=text))
    return [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_abbreviation_gpe(resources):
    found = _mentions(resources, "AS dan Korsel menggelar latihan bersama, sementara RI menyerukan "
                                 "dialog dengan Korut.")
    for name in ("AS", "Korsel", "RI", "Korut"):
        assert (name, "GPE") in found, name


def test_entities_sea_is_loc_country_is_gpe(resources):
    found = _mentions(resources, "Kapal perang Filipina berlayar di Laut China Selatan dekat "
                                 "perairan Vietnam.")
    assert ("Laut China Selatan", "LOC") in found
    assert ("Filipina", "GPE") in found
    assert ("Vietnam", "GPE") in found


def test_entities_region_is_loc(resources):
    found = _mentions(resources, "Ketegangan di Timur Tengah meningkat setelah serangan itu.")
    assert ("Timur Tengah", "LOC") in found
