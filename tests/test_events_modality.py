"""Modality: negated, refusal (rule 12), intended, hypothetical, reported, denied, threats (rule 9)."""

from __future__ import annotations

ACTORS = {"Israel": "ISR", "Hamas": "PSEREB", "Rusia": "RUS", "Ukraina": "UKR", "Pakistan": "PAK", "India": "IND",
          "Korsel": "KOR", "Lavrov": "RUSGOV#lavrov", "NATO": "IGOWSTNAT", "Iran": "IRN", "Moskow": "RUS#moskow",
          "Amerika Serikat": "USA"}


def one(doc):
    assert len(doc.events) == 1, doc.events
    return doc.events[0]


def test_events_negation_before_trigger(event_doc):
    e = one(event_doc("Israel tidak menyerang Hamas pada Senin malam.", ACTORS))
    assert (e.code[:2], e.modality) == ("19", "negated")
    assert e.explanation.modality_cue is not None


def test_events_negation_refusal_is_asserted_rejection(event_doc):
    e = one(event_doc("Pakistan tidak akan berunding dengan India.", ACTORS))
    assert (e.code, e.source, e.target, e.modality) == ("125", "PAK", "IND", "asserted")


def test_events_negation_failed_act(event_doc):
    e = one(event_doc("Israel dan Hamas hampir menandatangani perjanjian damai.", ACTORS))
    assert (e.code[:2], e.modality) == ("05", "negated")


def test_events_intended_future(event_doc):
    e = one(event_doc("Rusia berencana menyerang Ukraina dari utara.", ACTORS))
    assert e.modality == "intended"


def test_events_hypothetical(event_doc):
    e = one(event_doc("Rusia kemungkinan akan menyerang Ukraina bulan depan.", ACTORS))
    assert e.modality == "hypothetical"


def test_events_threat_is_asserted_with_conditional_target(event_doc):
    e = one(event_doc("Jika Amerika Serikat menaruh rudal di Eropa, Moskow akan memberikan respon yang memadai.",
                      ACTORS))
    assert (e.code[:2], e.source, e.target, e.modality) == ("13", "RUS", "USA", "asserted")


def test_events_reported(event_doc):
    e = one(event_doc("Israel dilaporkan menolak permintaan Hamas untuk berunding.", ACTORS))
    assert (e.code[:2], e.modality) == ("12", "reported")


def test_events_reported_denied_by_next_sentence(event_doc):
    text = ("Sebelumnya, media melaporkan bahwa Korsel setuju mengirimkan artileri ke Ukraina. "
            "Namun, Korsel menyatakan bahwa pemberitaan tersebut tidak akurat.")
    e = one(event_doc(text, ACTORS))
    assert (e.source, e.target, e.modality) == ("KOR", "UKR", "denied")


def test_events_reported_not_denied_without_denial(event_doc):
    text = ("Sebelumnya, media melaporkan bahwa Korsel setuju mengirimkan artileri ke Ukraina. "
            "Korsel menyatakan pembahasan masih berlangsung.")
    assert one(event_doc(text, ACTORS)).modality == "reported"
