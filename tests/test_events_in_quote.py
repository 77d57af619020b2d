"""Events inside quotes belong to the speaker; the lead paragraph marks root events; only body text counts."""

from __future__ import annotations

ACTORS = {"Shaheen": "AFGREB#shaheen", "Rusia": "RUS", "Kabulov": "RUSGOV#kabulov", "Iran": "IRN",
          "Israel": "ISR", "Abbas": "PSEGOV#abbas", "Netanyahu": "ISRGOV#bibi"}


def test_events_in_quote_first_person_is_speaker(event_doc):
    text = '"Kami telah bertemu dengan Kabulov di Moskow," kata Shaheen.'
    doc = event_doc(text, ACTORS, quotes=[("Kami telah bertemu dengan Kabulov di Moskow,", "Shaheen", True)])
    assert [(e.code[:2], e.source, e.target, e.in_quote) for e in doc.events] == [("04", "AFGREB", "RUSGOV", "q1")]


def test_events_in_quote_accusation_by_speaker(event_doc):
    text = '"Keputusan Netanyahu bertentangan dengan hukum internasional," ucap Abbas.'
    quote = "Keputusan Netanyahu bertentangan dengan hukum internasional,"
    doc = event_doc(text, ACTORS, quotes=[(quote, "Abbas", True)])
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "PSEGOV", "ISRGOV")]


def test_events_root_is_lead_paragraph_only(event_doc):
    text = "Iran mengecam Israel.\n\nIsrael menyerang Iran."
    doc = event_doc(text, ACTORS)
    assert [(e.source, e.is_root) for e in doc.events] == [("IRN", True), ("ISR", False)]
    assert [e.id for e in doc.events] == ["v1", "v2"]


def test_events_skip_headline(event_doc, resources):
    from warta.stages import events

    doc = event_doc("Iran Kecam Israel\n\nIran mengecam Israel atas serangan itu.", ACTORS)
    doc.paragraphs[0].kind = "headline"
    doc = events.run(doc, resources)
    assert [e.sentence for e in doc.events] == [1]


def test_events_enriched_and_explained(event_doc):
    doc = event_doc("Iran mengecam Israel atas serangan itu.", ACTORS)
    e = doc.events[0]
    assert (e.root_code, e.base_code, e.quad_class) == ("11", "111", 3)
    assert doc.span(e.explanation.trigger_start, e.explanation.trigger_end) == "mengecam"
    assert doc.span(*e.explanation.source_span) == "Iran"
    assert doc.span(*e.explanation.target_span) == "Israel"
