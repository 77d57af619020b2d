"""Refusals phrased as "tidak akan menyerah" or "tidak dapat menerima" (rule 12: coded 12x, asserted)."""

from __future__ import annotations

ACTORS = {"Israel": "ISR", "warga Palestina": "PSECVL", "Rusia": "RUS", "Amerika Serikat": "USA",
          "Netanyahu": "ISRGOV", "Venezuela": "VEN"}


def test_events_refuse_to_yield_to_named_actor(event_doc):
    doc = event_doc("Para petani di Lembah Yordan mengatakan warga Palestina tidak akan menyerah kepada Netanyahu.",
                    ACTORS)
    assert [(e.code, e.source, e.target, e.modality) for e in doc.events] == [
        ("124", "PSECVL", "ISRGOV", "asserted")]


def test_events_refuse_to_bow_without_target(event_doc):
    doc = event_doc("Venezuela tidak akan tunduk meskipun tekanan ekonomi terus meningkat.", ACTORS)
    assert [(e.code[:2], e.source, e.target, e.modality) for e in doc.events] == [("12", "VEN", None, "asserted")]


def test_events_cannot_accept_another_actors_act(event_doc):
    doc = event_doc("Rusia tidak dapat menerima Amerika Serikat menempatkan rudal jarak menengah di Eropa.", ACTORS)
    assert [(e.code[:2], e.source, e.target, e.modality) for e in doc.events] == [("12", "RUS", "USA", "asserted")]


def test_events_accepting_is_no_refusal(event_doc):
    doc = event_doc("Rusia dapat menerima usulan Amerika Serikat soal pengawasan senjata.", ACTORS)
    assert not any(e.code.startswith("12") for e in doc.events)
