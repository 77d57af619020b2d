"""di- passives: the "oleh" agent is the source, the subject is the target."""

from __future__ import annotations

ACTORS = {"Israel": "ISR", "Hamas": "PSEREB", "Rusia": "RUS", "Ukraina": "UKR", "Turki": "TUR",
          "Departemen Keuangan AS": "USAGOV", "Pakistan": "PAK", "India": "IND"}


def test_events_passive_oleh_agent(event_doc):
    doc = event_doc("Rusia dituduh oleh Ukraina menyerang pembangkit listrik di Kharkiv.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "UKR", "RUS")]


def test_events_passive_sanction_place_stands_for_subject(event_doc):
    doc = event_doc("Dua perusahaan perhiasan di Turki juga dijatuhi sanksi oleh Departemen Keuangan AS.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("163", "USAGOV", "TUR")]


def test_events_passive_without_agent_or_patient_is_dropped(event_doc):
    doc = event_doc("Resolusi yang disepakati itu berisi perpanjangan mandat misi.", ACTORS)
    assert doc.events == []


def test_events_passive_in_reported_speech_takes_speaker(event_doc):
    doc = event_doc("Pakistan mengatakan bahwa permintaan India untuk melintas telah ditolak.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("12", "PAK", "IND")]
