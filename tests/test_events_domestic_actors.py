"""Domestic Indonesian stories: generic actors (pemerintah, polisi, mahasiswa, fraksi), former
officials, two roles of one country in one argument, and the verbs of law enforcement."""

from __future__ import annotations


ACTORS = {"KPK": "IDNJUD#kpk", "DPR": "IDNLEG#dpr", "Joko Widodo": "IDNGOV#jokowi", "Budi Santoso": "IDNLEG#budi",
          "Laode Syarif": "IDNJUD#laode", "Retno Marsudi": "IDNGOV#retno", "Israel": "ISR", "Palestina": "PSE",
          "China": "CHN", "Jerman": "DEU", "Indonesia": "IDN", "Malaysia": "MYS", "Yeo Bee Yin": "MYSGOV#yeo"}


def _dyads(doc):
    return [(e.code, e.source, e.target) for e in doc.events]


def test_events_former_members_of_an_organisation_are_eli(event_doc):
    # organisations as ORG mentions: the former-member rule applies to organisations only
    doc = event_doc("Sejumlah mantan pimpinan KPK meminta DPR menunda pembahasan revisi.",
                    {"KPK": "IDNJUD", "DPR": "IDNLEG"}, entity_type="ORG")
    assert _dyads(doc) == [("020", "IDNELI", "IDNLEG")]


def test_events_generic_government_in_a_story_without_places(event_doc):
    # no country is named at all: "pemerintah" still belongs to the country of KPK and DPR
    doc = event_doc("Pimpinan KPK mendesak DPR dan pemerintah untuk tidak terburu-buru.", ACTORS)
    assert sorted((e.source, e.target) for e in doc.events) == [("IDNJUD", "IDNGOV"), ("IDNJUD", "IDNLEG")]


def test_events_subject_right_before_the_verb_after_another_verb(event_doc):
    doc = event_doc("Keputusan itu menyusul pemerintah meminta DPR menunda pengesahan.", ACTORS)
    assert _dyads(doc) == [("020", "IDNGOV", "IDNLEG")]


def test_events_police_students_and_factions(event_doc):
    doc = event_doc("Di depan Gedung DPR, polisi mengamankan puluhan mahasiswa yang berunjuk rasa.", ACTORS)
    assert ("173", "IDNCOP", "IDNEDU") in _dyads(doc)
    doc = event_doc("Ketua DPR Budi Santoso mengapresiasi mahasiswa yang menyampaikan aspirasi.", ACTORS)
    assert [(e.code[:2], e.target) for e in doc.events] == [("05", "IDNEDU")]


def test_events_arrest_needs_a_person(event_doc):
    # "mengamankan aksi" secures a rally: nobody is arrested
    doc = event_doc("Polisi dari Jakarta mengamankan aksi unjuk rasa di depan Gedung DPR.", ACTORS)
    assert not any(e.code.startswith("17") for e in doc.events)


def test_events_travel_ban(event_doc):
    doc = event_doc("KPK mencegah Budi Santoso bepergian ke luar negeri selama enam bulan.", ACTORS)
    assert _dyads(doc) == [("172", "IDNJUD", "IDNLEG")]
    doc = event_doc("KPK melakukan pelarangan ke luar negeri terhadap Budi Santoso.", ACTORS)
    assert _dyads(doc) == [("172", "IDNJUD", "IDNLEG")]


def test_events_questioning_a_witness(event_doc):
    doc = event_doc("KPK akan memeriksa Budi Santoso sebagai saksi pada Rabu.", ACTORS)
    assert [(e.code, e.source, e.target, e.modality) for e in doc.events] == [("091", "IDNJUD", "IDNLEG", "intended")]


def test_events_planned_meeting_is_intended(event_doc):
    doc = event_doc("Joko Widodo direncanakan mengadakan pertemuan dengan pimpinan KPK pada Senin.", ACTORS)
    assert [(e.code[:2], e.modality) for e in doc.events] == [("04", "intended")]


def test_events_hope_that_an_actor_acts_is_an_appeal(event_doc):
    doc = event_doc("Laode Syarif berharap Joko Widodo mengajak KPK berdialog.", ACTORS)
    assert _dyads(doc) == [("026", "IDNJUD", "IDNGOV")]
    # a hope about a state of affairs stays a statement, and its content is not an event
    doc = event_doc("Retno Marsudi berharap pembicaraan antara Israel dan Palestina hanya tertunda.", ACTORS)
    assert [e.code[:2] for e in doc.events] == ["01"]


def test_events_should_is_a_demand_by_the_speaker(event_doc):
    doc = event_doc('"Israel seharusnya menghentikan pembangunan permukiman," kata Retno Marsudi.', ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("10", "IDNGOV", "ISR")]
    doc = event_doc('"Seharusnya Israel menghormati resolusi itu," kata Retno Marsudi.', ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("10", "IDNGOV", "ISR")]


def test_events_naming_the_cause_is_blame(event_doc):
    doc = event_doc("Yeo Bee Yin mengatakan kebakaran hutan di Indonesia adalah penyebab kabut asap di Malaysia.",
                    ACTORS)
    assert _dyads(doc) == [("112", "MYSGOV", "IDN")]


def test_events_received_by_a_host(event_doc):
    doc = event_doc("Utusan Palestina diterima oleh Joko Widodo di Istana Merdeka.", ACTORS)
    assert _dyads(doc) == [("043", "IDNGOV", "PSE")]


def test_events_summoning_an_ambassador_is_a_complaint(event_doc):
    doc = event_doc("China memanggil duta besar Jerman untuk memprotes pertemuan itu.", ACTORS)
    assert _dyads(doc) == [("114", "CHN", "DEU")]
