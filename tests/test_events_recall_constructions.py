"""Recall: verbs joined by "serta" share their object, stacked relative clauses keep their noun,
"meminta kami" in a quote addresses the speaker, and a quoted purpose clause has no subject."""

from __future__ import annotations

ACTORS = {"Jakarta": "IDN", "Puan Maharani": "IDNLEG#puan", "DPR": "IDNLEG", "Hamas": "PSEREB",
          "Israel": "ISRGOV", "Gaza": "PSE"}


def dyads(doc):
    return sorted((e.code[:3], e.source, e.target) for e in doc.events)


def test_events_verb_after_multiword_trigger_and_serta_is_its_own_event(event_doc):
    doc = event_doc("Di Jakarta, polisi menembakkan gas air mata serta bernegosiasi dengan para pendemo.", ACTORS)
    assert dyads(doc) == [("046", "IDNCOP", "IDNOPP"), ("175", "IDNCOP", "IDNOPP")]


def test_events_joined_verbs_of_two_subjects_share_no_object(event_doc):
    doc = event_doc("Di Jakarta, polisi menembakkan gas air mata dan DPR bertemu dengan para pendemo.", ACTORS)
    assert ("175", "IDNCOP", "IDNOPP") not in dyads(doc)


def test_events_stacked_relative_clause_keeps_its_noun_and_kami_is_the_speaker(event_doc):
    text = ("\"Kami menerima para pendemo yang berkumpul di luar yang meminta kami menunda rapat paripurna,\" "
            "kata Puan Maharani.")
    doc = event_doc(text, ACTORS, quotes=[(text[1:text.index(",\"")], "Puan Maharani", True)])
    assert ("020", "IDNOPP", "IDNLEG") in dyads(doc)


def test_events_quoted_purpose_clause_takes_no_speaker_as_subject(event_doc):
    text = "\"Israel menggunakan pelabuhan itu untuk \"meluncurkan rudal balistik\",\" kata juru bicara Hamas."
    doc = event_doc(text, ACTORS)
    assert not any(e.code.startswith("15") and e.source == "PSEREB" for e in doc.events)
