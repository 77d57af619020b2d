"""'"...," ancam X': a threat verb after a quote has its subject after it."""

from __future__ import annotations

ACTORS = {"Trump": "USAGOV", "Mujahid": "AFGREB", "Taliban": "AFGREB", "Korea Utara": "PRK"}


def test_events_inverted_threat_after_quote(event_doc):
    text = '"Jika Trump terus menekan kami, mereka bakal menyesalinya," ancam Mujahid.'
    doc = event_doc(text, ACTORS)
    threats = [(e.code[:2], e.source, e.target) for e in doc.events if e.code.startswith("13")]
    assert threats == [("13", "AFGREB", "USAGOV")]


def test_events_inverted_threat_without_condition_has_no_target(event_doc):
    doc = event_doc('"Kami siap berperang kapan saja," ancam Mujahid.', ACTORS)
    threats = [(e.code[:2], e.source, e.target) for e in doc.events if e.code.startswith("13")]
    assert threats == [("13", "AFGREB", None)]
