"""A verb joined by "dan" to a hypothetical, intended or negated one shares its modality."""

from __future__ import annotations

ACTORS = {"Trump": "USAGOV", "Korea Utara": "PRK", "Kim": "PRKGOV", "Israel": "ISR", "Gaza": "PSE",
          "Mesir": "EGY", "Yordania": "JOR"}


def test_events_conjunct_takes_hypothetical_modality(event_doc):
    doc = event_doc("Trump kemungkinan akan mengunjungi Korea Utara dan melakukan pertemuan dengan Kim.", ACTORS)
    assert sorted((e.code[:2], e.modality) for e in doc.events) == [("04", "hypothetical"), ("04", "hypothetical")]


def test_events_conjunct_of_asserted_act_stays_asserted(event_doc):
    doc = event_doc("Trump mengunjungi Korea Utara dan melakukan pertemuan dengan Kim.", ACTORS)
    assert [e.modality for e in doc.events] == ["asserted", "asserted"]

