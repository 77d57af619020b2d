"""Condemning a named act: "mengecam serangan terhadap X" condemns whoever attacked, and X is the
victim, not the target; the act's author, when named, is the target."""

from __future__ import annotations

ACTORS = {"Inggris": "GBR", "Arab Saudi": "SAU", "Israel": "ISR", "Gaza": "PSE", "Prancis": "FRA",
          "Palestina": "PSE", "Indonesia": "IDN", "Houthi": "YEMREB"}


def _dyads(doc):
    return [(e.code, e.source, e.target) for e in doc.events]


def test_events_condemn_an_attack_with_no_named_attacker_has_no_target(event_doc):
    doc = event_doc("Inggris mengecam serangan terhadap kilang minyak Arab Saudi pada Sabtu.", ACTORS)
    assert _dyads(doc) == [("111", "GBR", None)]
    doc = event_doc("Indonesia mengecam keras serangan terhadap warga Palestina di Tepi Barat.", ACTORS)
    assert _dyads(doc) == [("111", "IDN", None)]


def test_events_condemn_an_act_whose_author_is_named(event_doc):
    doc = event_doc("Prancis mengecam serangan Israel terhadap Gaza.", ACTORS)
    assert _dyads(doc) == [("111", "FRA", "ISR")]
    doc = event_doc("Inggris mengecam kebijakan Israel terhadap Palestina.", ACTORS)
    assert _dyads(doc) == [("111", "GBR", "ISR")]


def test_events_condemn_an_actor_directly_is_unchanged(event_doc):
    doc = event_doc("Arab Saudi mengecam Houthi atas serangan terhadap kilang minyaknya.", ACTORS)
    assert _dyads(doc) == [("111", "SAU", "YEMREB")]


def test_events_condemn_an_attack_named_as_someones_act_later(event_doc):
    # 'mengecam serangan ke Arab Saudi sebagai "tindakan perang" Iran': the author comes after "sebagai"
    doc = event_doc('Inggris mengecam serangan ke Arab Saudi sebagai "tindakan perang" Houthi.', ACTORS)
    assert _dyads(doc) == [("111", "GBR", "YEMREB")]
