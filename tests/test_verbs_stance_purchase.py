"""Stated stance nouns (110), formal protest statements (114) and a wish to buy from a seller (031)."""

from __future__ import annotations

ACTORS = {"Prancis": "FRA", "Israel": "ISR", "Jepang": "JPN", "Iran": "IRN", "China": "CHN",
          "Jerman": "DEU", "Turki": "TUR", "AS": "USA", "Rusia": "RUS"}


def coded(doc):
    return sorted((e.code, e.source, e.target, e.modality) for e in doc.events)


def test_verbs_stated_disappointment_noun_is_disapproval(event_doc):
    doc = event_doc("Prancis menyatakan kekecewaan mendalam atas rencana Israel.", ACTORS)
    assert coded(doc) == [("110", "FRA", "ISR", "asserted")]


def test_verbs_stated_dissatisfaction_noun_takes_terhadap_target(event_doc):
    doc = event_doc("Jepang menyampaikan ketidakpuasan terhadap uji coba rudal Iran.", ACTORS)
    assert coded(doc) == [("110", "JPN", "IRN", "asserted")]


def test_verbs_firm_statement_to_party_is_official_complaint(event_doc):
    doc = event_doc("China mengajukan pernyataan tegas kepada pihak Jerman.", ACTORS)
    assert coded(doc) == [("114", "CHN", "DEU", "asserted")]
    assert doc.events[0].explanation.pattern == "disapprove.complain"


def test_verbs_want_to_buy_arms_from_seller_is_military_intent(event_doc):
    doc = event_doc("Turki ingin membeli rudal Patriot dari AS.", ACTORS)
    assert coded(doc) == [("0312", "TUR", "USA", "asserted")]


def test_verbs_plan_to_buy_goods_is_material_intent(event_doc):
    doc = event_doc("Iran berencana membeli gandum dari Rusia.", ACTORS)
    assert coded(doc) == [("031", "IRN", "RUS", "asserted")]


def test_verbs_plain_purchase_without_wish_is_not_an_intent(event_doc):
    doc = event_doc("Turki membeli rudal dari Rusia.", ACTORS)
    assert not [e for e in doc.events if e.code.startswith("03")]
