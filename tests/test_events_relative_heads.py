"""Relative clauses on a noun that is no actor (event_relative.py): a statement speaks for its
issuer, and an attack's author does what the attack did; other heads give no source."""

from __future__ import annotations

ACTORS = {"Mike Pompeo": "USAGOV#pompeo", "Taliban": "AFGREB", "Amerika Serikat": "USA", "AS": "USA",
          "Dewan Keamanan PBB": "IGOUNO", "Korea Utara": "PRK", "Israel": "ISR", "Gaza": "PSE",
          "Hamas": "PSEREB", "Iran": "IRN"}


def dyads(doc):
    return sorted((e.code[:2], e.source, e.target) for e in doc.events)


def test_events_statement_that_condemns_speaks_for_its_issuer(event_doc):
    doc = event_doc("Menteri Luar Negeri Mike Pompeo mengeluarkan pernyataan yang mengutuk serangan Taliban di "
                    "Kabul.", ACTORS)
    assert dyads(doc) == [("11", "USAGOV", "AFGREB")]


def test_events_resolution_that_condemns_speaks_for_the_council(event_doc):
    doc = event_doc("Dewan Keamanan PBB mengadopsi sebuah resolusi yang mengecam Korea Utara.", ACTORS,
                    entity_type="ORG")
    assert dyads(doc) == [("11", "IGOUNO", "PRK")]


def test_events_statement_with_no_issuing_verb_gives_no_source(event_doc):
    doc = event_doc("Ada pernyataan yang mengutuk serangan Taliban di Kabul.", ACTORS)
    assert not [e for e in doc.events if e.source]


def test_events_attack_relative_clause_kills_for_the_attacker(event_doc):
    doc = event_doc("Serangan Taliban di Kabul pada Kamis, yang menewaskan seorang tentara AS, membuat "
                    "perundingan terhenti.", ACTORS)
    kills = [(e.code[:2], e.source, e.target) for e in doc.events if e.code.startswith("18")]
    assert kills == [("18", "AFGREB", "USAMIL")]


def test_events_attack_against_a_target_does_not_make_the_target_the_killer(event_doc):
    doc = event_doc("Serangan terhadap Israel pekan lalu, yang menewaskan seorang warga Iran, mengejutkan "
                    "banyak pihak.", ACTORS)
    assert not [e for e in doc.events if e.source == "ISR"]


def test_events_non_force_relative_verb_takes_no_author(event_doc):
    doc = event_doc("Serangan Hamas ke Israel, yang mengecam Iran, terjadi pekan lalu.", ACTORS)
    assert not [e for e in doc.events if e.code.startswith("11") and e.source == "PSEREB"]


def test_events_verb_after_an_aside_takes_the_name_the_aside_hangs_on(event_doc):
    doc = event_doc("Taliban, yang kini menguasai separuh negeri sejak pasukan Amerika Serikat mundur, tidak "
                    "mengakui legitimasi pemerintahan Afghanistan.", {**ACTORS, "Afghanistan": "AFGGOV"})
    assert dyads(doc) == [("12", "AFGREB", "AFGGOV")]


def test_events_aside_on_a_governed_name_gives_no_subject(event_doc):
    doc = event_doc("Serangan terhadap Iran, yang dikecam Israel, menewaskan dua tentara Hamas.", ACTORS)
    assert not [e for e in doc.events if e.code.startswith("18") and e.source == "IRN"]
