"""Force (19x), coercion (17x), sanctions (163) and protest (14x)."""

from __future__ import annotations

ACTORS = {"Israel": "ISR", "Hamas": "PSEREB", "Rusia": "RUS", "Ukraina": "UKR", "Turki": "TUR", "Taliban": "AFGREB",
          "Afghanistan": "AFG", "Amerika Serikat": "USA", "AS": "USA", "Iran": "IRN", "Hong Kong": "HKG"}


def test_events_attack_object(event_doc):
    doc = event_doc("Rusia menyerang pembangkit listrik Ukraina pada Sabtu dini hari.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("19", "RUS", "UKR")]


def test_events_attack_light_verb_nominal(event_doc):
    doc = event_doc("Taliban telah meningkatkan serangan di Afghanistan menjelang pemilu.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("190", "AFGREB", "AFG")]


def test_events_background_nominal_is_no_event(event_doc):
    doc = event_doc("Harga minyak naik setelah serangan terhadap kilang di Iran.", ACTORS)
    assert doc.events == []


def test_events_sanction_with_compound_target(event_doc):
    doc = event_doc("Amerika Serikat (AS) menjatuhkan sanksi baru terhadap Hamas dan Iran.", ACTORS)
    assert sorted((e.code, e.source, e.target) for e in doc.events) == [("163", "USA", "IRN"),
                                                                        ("163", "USA", "PSEREB")]


def test_events_generic_agents_take_the_story_country(event_doc):
    text = ("Demonstrasi di Hong Kong berlanjut. Polisi menembakkan gas air mata untuk membubarkan "
            "para demonstran di Hong Kong.")
    doc = event_doc(text, ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("17", "HKGCOP", "HKGOPP")]
