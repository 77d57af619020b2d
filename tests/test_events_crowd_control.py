"""Crowd control and street clashes: pushing protesters back, escorting them out, exchanges of fire."""

from __future__ import annotations

ACTORS = {"KPK": "IDNJUD", "India": "IND", "Pakistan": "PAK", "Jakarta": "IDN"}


def test_events_police_push_protesters_away(event_doc):
    doc = event_doc("Di Jakarta, polisi bertameng mendorong puluhan pendemo menjauh dari gedung KPK.", ACTORS)
    assert [(e.code, e.source[:3], e.target[3:]) for e in doc.events] == [("175", "IDN", "OPP")]


def test_events_encouraging_is_no_push(event_doc):
    doc = event_doc("Di Jakarta, KPK mendorong polisi untuk menuntaskan kasus itu.", ACTORS)
    assert not any(e.code.startswith("17") for e in doc.events)


def test_events_protesters_escorted_out_by_police(event_doc):
    doc = event_doc("Di Jakarta, tiga pendemo digiring keluar area KPK oleh polisi.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("174", "IDNCOP", "IDNOPP")]


def test_events_protesters_dispersing_is_no_crackdown(event_doc):
    doc = event_doc("Setelah mediasi di Jakarta, para pendemo membubarkan diri dengan tertib.", ACTORS)
    assert doc.events == []


def test_events_unnamed_crowd_throws_at_police(event_doc):
    doc = event_doc("Di Jakarta, sejumlah orang terlihat melempari polisi dengan batu.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("14", "IDNCVL", "IDNCOP")]


def test_events_exchange_of_fire_is_mutual(event_doc):
    doc = event_doc("Pasukan India dan Pakistan kembali terlibat adu tembak di perbatasan.", ACTORS)
    assert [(e.code[:2], {e.source[:3], e.target[:3]}, e.symmetric) for e in doc.events] == [
        ("19", {"IND", "PAK"}, True)]


def test_events_generic_agent_located_by_di(event_doc):
    doc = event_doc("Arab Saudi mendesak para pakar di Amerika Serikat agar ikut menyelidiki serangan itu.",
                    {"Arab Saudi": "SAU", "Amerika Serikat": "USA"})
    assert [(e.code[:2], e.source, e.target[:3]) for e in doc.events] == [("10", "SAU", "USA")]


def test_events_attack_nominal_possessor_is_agent_before_frame(event_doc):
    actors = {"AS": "USA", "Taliban": "AFGREB", "Israel": "ISR", "Gaza": "PSE"}
    doc = event_doc("Serangan AS kepada Taliban kembali sengit pekan ini.", actors)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("19", "USA", "AFGREB")]
    doc = event_doc("Serangan udara Israel terhadap Gaza menewaskan 20 orang.", actors)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("19", "ISR", "PSE")]
