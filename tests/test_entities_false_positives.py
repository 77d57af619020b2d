"""Entities stage: no mention on capitalised common words, lone titles or day names."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _mentions(resources, text: str) -> list[tuple[str, str]]:
    pipeline = Pipeline(["layout", "tokens", "entities"], resources=resources)
    doc = pipeline.process(Document(id="t", text=text))
    return [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_no_hit_on_yang_or_kota_alone(resources):
    found = _mentions(resources, "Yang jelas, Kota itu kini sepi. Presiden meminta warga tetap tenang "
                                 "hingga Senin.")
    surfaces = {s for s, _ in found}
    assert not surfaces & {"Yang", "Kota", "Presiden", "Senin", "Yang jelas"}


def test_entities_no_hit_on_maya(resources):
    found = _mentions(resources, "Maya menjadi medan baru penipuan, kata polisi.")
    assert ("Maya", "PER") not in found and ("Maya", "GPE") not in found
    assert all(s != "Maya" for s, _ in found)


def test_entities_lone_title_is_not_a_person(resources):
    found = _mentions(resources, "Menurut Menteri, rencana itu belum final.")
    assert all(s not in ("Menteri", "Menurut Menteri") for s, _ in found)
