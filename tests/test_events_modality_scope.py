"""Where modality cues reach: a denial covers only its own "bahwa" content; colloquial
negation; media verbs make a claim reported."""

from __future__ import annotations

ACTORS = {"Iran": "IRN", "Prancis": "FRA", "Jerman": "DEU", "Macron": "FRAGOV", "Merkel": "DEUGOV",
          "Israel": "ISR", "Hamas": "PSEREB"}


def test_events_denial_does_not_reach_a_coordinated_warning(event_doc):
    doc = event_doc("Iran membantah terlibat sekaligus memperingatkan bahwa mereka akan membalas serangan.", ACTORS)
    scored = [(e.code[:2], e.source, e.modality) for e in doc.events if not e.code.startswith("01")]
    assert scored == [("13", "IRN", "asserted")]


def test_events_colloquial_negation(event_doc):
    doc = event_doc('"Israel enggak menyerang Hamas malam itu," katanya.', ACTORS)
    assert [(e.code[:2], e.modality) for e in doc.events] == [("19", "negated")]


def test_events_media_site_reports_the_act(event_doc):
    doc = event_doc("Situs berita itu mewartakan Macron dan Merkel telah menandatangani kesepakatan senjata.", ACTORS)
    assert [(e.code, e.modality) for e in doc.events] == [("057", "reported")]


def test_events_negated_doubt_is_affirmation(event_doc):
    doc = event_doc("Arab Saudi mengatakan serangan itu tidak diragukan lagi disponsori oleh Iran.",
                    {"Arab Saudi": "SAU", "Iran": "IRN"})
    assert [(e.code[:2], e.source, e.target, e.modality) for e in doc.events] == [("11", "SAU", "IRN", "asserted")]
