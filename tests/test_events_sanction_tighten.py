"""Tightening, widening or extending sanctions is imposing them (163) on the named target."""

from __future__ import annotations

ACTORS = {"Amerika Serikat": "USA", "Iran": "IRN", "Uni Eropa": "IGOEUREEC", "Rusia": "RUS"}


def test_events_tightened_sanctions_with_kepada(event_doc):
    doc = event_doc("Amerika Serikat memperketat sanksi ekonomi kepada Iran sejak tahun lalu.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("163", "USA", "IRN")]


def test_events_extended_sanctions_with_terhadap(event_doc):
    doc = event_doc("Uni Eropa memperpanjang sanksi terhadap Rusia selama enam bulan.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("163", "IGOEUREEC", "RUS")]


def test_events_extending_a_deadline_is_no_sanction(event_doc):
    doc = event_doc("Uni Eropa memperpanjang batas waktu perundingan dengan Rusia.", ACTORS)
    assert not any(e.code == "163" for e in doc.events)
