"""Accusations phrased as naming the mastermind, the sponsor or a suspect (112x)."""

from __future__ import annotations

ACTORS = {"AS": "USA", "Iran": "IRN", "Trump": "USAGOV", "Arab Saudi": "SAU", "KPK": "IDNJUD",
          "Bupati Sukamaju": "IDNGOV", "Kejaksaan": "IDNJUD"}


def test_events_mastermind_is_accused_by_speaker(event_doc):
    doc = event_doc("Trump pada Senin mengatakan Iran sepertinya dalang serangan kilang itu.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "USAGOV", "IRN")]


def test_events_sponsor_named_by_oleh_is_accused(event_doc):
    doc = event_doc("Arab Saudi mengatakan serangan itu jelas disponsori oleh Iran.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "SAU", "IRN")]


def test_events_insisting_on_accusation_names_the_accuser(event_doc):
    doc = event_doc("Namun, AS berkukuh dengan tuduhan bahwa Iran berada di balik serangan itu.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "USA", "IRN")]


def test_events_naming_a_suspect_is_accusing_of_crime(event_doc):
    doc = event_doc("KPK menetapkan Bupati Sukamaju sebagai tersangka kasus suap proyek jalan.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("1121", "IDNJUD", "IDNGOV")]


def test_events_suspect_passive_with_agent(event_doc):
    doc = event_doc("Bupati Sukamaju ditetapkan sebagai tersangka oleh Kejaksaan pada Rabu.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("1121", "IDNJUD", "IDNGOV")]


def test_events_suspecting_bribe_is_accusation(event_doc):
    doc = event_doc("KPK menduga Bupati Sukamaju menerima suap dari kontraktor.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("1121", "IDNJUD", "IDNGOV")]


def test_events_deciding_a_date_is_no_accusation(event_doc):
    doc = event_doc("KPK menetapkan jadwal pemeriksaan Bupati Sukamaju pekan depan.", ACTORS)
    assert doc.events == []
