"""Accusations (112) and criticism (111): source is the subject, target the object."""

from __future__ import annotations

ACTORS = {"Iran": "IRN", "Israel": "ISR", "Amerika Serikat": "USA", "AS": "USA", "Saudi": "SAU",
          "Jepang": "JPN", "China": "CHN", "Netanyahu": "ISRGOV#bibi", "Palestina": "PSE"}


def dyads(doc):
    return sorted((e.code[:2], e.source, e.target, e.modality) for e in doc.events)


def test_events_accuse_object(event_doc):
    doc = event_doc("Iran menuduh Israel mendalangi sabotase terhadap fasilitas nuklirnya.", ACTORS)
    assert dyads(doc) == [("11", "IRN", "ISR", "asserted")]
    assert doc.events[0].code.startswith("112")
    assert doc.events[0].explanation.pattern == "disapprove.accuse"


def test_events_accuse_compound_subject_gives_one_event_each(event_doc):
    doc = event_doc("Amerika Serikat (AS) dan Saudi menyalahkan Iran atas ledakan di kilang itu.", ACTORS)
    assert dyads(doc) == [("11", "SAU", "IRN", "asserted"), ("11", "USA", "IRN", "asserted")]


def test_events_condemn_compound_subject(event_doc):
    doc = event_doc("Jepang dan China mengecam rencana Netanyahu mencaplok Lembah Yordan.", ACTORS)
    assert ("11", "JPN", "ISRGOV", "asserted") in dyads(doc)
    assert ("11", "CHN", "ISRGOV", "asserted") in dyads(doc)


def test_events_condemn_nominal_with_light_verb(event_doc):
    doc = event_doc("Palestina melemparkan kecaman keras atas rencana Netanyahu.", ACTORS)
    assert dyads(doc) == [("11", "PSE", "ISRGOV", "asserted")]


def test_events_accused_subject_claim(event_doc):
    doc = event_doc("Amerika Serikat mengatakan Iran berada di balik ledakan di kilang minyak Saudi.", ACTORS)
    assert ("11", "USA", "IRN", "asserted") in dyads(doc)
