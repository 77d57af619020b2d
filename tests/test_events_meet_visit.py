"""Consultations: meetings (040, symmetric), visits (042), talks between two parties."""

from __future__ import annotations

ACTORS = {"Retno Marsudi": "IDNGOV#retno", "Sergei Lavrov": "RUSGOV#lavrov", "Rusia": "RUS", "Taliban": "AFGREB",
          "Prabowo": "IDNGOV#prabowo", "Jepang": "JPN", "Tokyo": "JPN#tokyo", "Prancis": "FRA", "Lavrov": "RUSGOV#lavrov"}


def test_events_meet_with_is_symmetric(event_doc):
    doc = event_doc("Retno Marsudi bertemu dengan Sergei Lavrov di Jakarta pada Selasa.", ACTORS)
    assert [(e.code, e.source, e.target, e.symmetric) for e in doc.events] == [("040", "IDNGOV", "RUSGOV", True)]


def test_events_visit_arrive_in(event_doc):
    doc = event_doc("Prabowo tiba di ibu kota Jepang, Tokyo, pada Senin.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("042", "IDNGOV", "JPN")]


def test_events_visit_future_is_intended(event_doc):
    doc = event_doc("Prabowo akan berkunjung ke Jepang pekan depan.", ACTORS)
    assert [(e.code, e.modality) for e in doc.events] == [("042", "intended")]


def test_events_talks_between_two_parties(event_doc):
    doc = event_doc("Pembicaraan antara Rusia dan Taliban berlangsung di Moskow.", ACTORS)
    assert [(e.code[:2], e.source, e.target, e.symmetric) for e in doc.events] == [("04", "RUS", "AFGREB", True)]


def test_events_fronted_meeting_belongs_to_main_subject(event_doc):
    doc = event_doc("Berbicara usai pertemuan dengan Prancis, Lavrov mengatakan hubungan kedua negara membaik.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("04", "RUSGOV", "FRA")]


def test_events_nothing_without_a_trigger(event_doc):
    doc = event_doc("Prabowo menghadiri upacara peringatan hari kemerdekaan di Jakarta.", ACTORS)
    assert doc.events == []
