"""Entities stage: the CRF still finds names in text that lost its capitals."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _mentions(resources, text: str) -> list[tuple[str, str]]:
    pipeline = Pipeline(["layout", "tokens", "entities"], resources=resources)
    doc = pipeline.process(Document(id="t", text=text))
    return [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_lowercase_robustness(resources):
    found = _mentions(resources, "gubernur jawa barat ridwan kamil meninjau lokasi banjir di "
                                 "kabupaten bandung bersama kepala bnpb.")
    assert ("ridwan kamil", "PER") in found
    places = {s for s, t in found if t in ("GPE", "LOC")}
    assert "jawa barat" in places
