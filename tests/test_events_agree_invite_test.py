"""Agreeing on an opinion, inviting a leader, testing weapons."""

from __future__ import annotations

ACTORS = {"Iran": "IRN", "Kim": "PRKGOV", "Trump": "USAGOV", "Pyongyang": "PRK", "Korea Utara": "PRK",
          "Jepang": "JPN", "Korea Selatan": "KOR"}


def test_events_agreeing_that_is_a_statement(event_doc):
    doc = event_doc("Para ulama Iran sepakat bahwa semua pejabat mendukung keputusan itu.", ACTORS)
    assert not any(e.code == "057" for e in doc.events)
    assert all(e.code.startswith("01") for e in doc.events)


def test_events_agreement_between_states_is_still_signed(event_doc):
    doc = event_doc("Jepang dan Korea Selatan sepakat memperpanjang pakta berbagi intelijen.", ACTORS)
    assert [(e.code[:2], e.symmetric) for e in doc.events][:1] in ([("05", True)], [("03", True)])


def test_events_invitation_is_intent_to_meet(event_doc):
    doc = event_doc("Sebelumnya, Kim mengundang Trump untuk berkunjung ke Pyongyang dalam surat pribadinya.", ACTORS)
    assert ("036", "PRKGOV", "USAGOV") in [(e.code, e.source, e.target) for e in doc.events]


def test_events_inviting_criticism_is_no_invitation(event_doc):
    doc = event_doc("Kebijakan Iran itu mengundang kecaman luas.", ACTORS)
    assert not any(e.code == "036" for e in doc.events)


def test_events_weapons_test_is_show_of_force(event_doc):
    doc = event_doc("Beberapa jam kemudian, Korea Utara melakukan serangkaian uji coba rudal balistik.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("150", "PRK", None)]
