"""Agreements and cooperation: signing (057), intent to cooperate (030, symmetric), praise (051), aid."""

from __future__ import annotations

ACTORS = {"Pakistan": "PAK", "China": "CHN", "Korea Selatan": "KOR", "Korsel": "KOR", "NATO": "IGOWSTNAT",
          "Turki": "TUR", "Indonesia": "IDN", "Malaysia": "MYS", "Ukraina": "UKR", "Stoltenberg": "IGOWSTNAT#js",
          "Yoon": "KORGOV#yoon"}


def test_events_sign_agreement_with(event_doc):
    doc = event_doc("Pakistan menandatangani perjanjian dagang dengan China di Islamabad.", ACTORS)
    assert [(e.code, e.source, e.target, e.symmetric) for e in doc.events] == [("057", "PAK", "CHN", True)]


def test_events_symmetric_compound_subject_intent(event_doc):
    doc = event_doc("Korea Selatan dan NATO akan memperluas kerja sama di bidang siber.", ACTORS)
    assert [(e.code[:2], e.source, e.target, e.symmetric, e.modality) for e in doc.events] == [
        ("03", "KOR", "IGOWSTNAT", True, "asserted")]  # rule 9: an intention is asserted


def test_events_praise_thanks(event_doc):
    doc = event_doc("Stoltenberg berterima kasih kepada Yoon atas dukungannya.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("051", "IGOWSTNAT", "KORGOV")]


def test_events_aid_offer_and_send(event_doc):
    doc = event_doc("Malaysia menawarkan bantuan kepada Indonesia untuk memadamkan kebakaran hutan.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("03", "MYS", "IDN")]
    doc = event_doc("Turki mengirimkan bantuan kemanusiaan ke Ukraina.", ACTORS)
    assert [(e.code, e.source, e.target, e.modality) for e in doc.events] == [("073", "TUR", "UKR", "asserted")]


def test_events_aid_agreed_is_intent(event_doc):
    doc = event_doc("Korsel setuju mengirim sejumlah artileri ke Ukraina.", ACTORS)
    assert [(e.code, e.modality) for e in doc.events] == [("0332", "asserted")]
