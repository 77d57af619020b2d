"""Recall: verb patterns for missile launches (150), embargo extensions (163), walking out of
talks (164), postponed bills and returned mandates (035/080) and written advice (020)."""

from __future__ import annotations

ACTORS = {"Korea Utara": "PRK", "Jerman": "DEU", "Olaf Scholz": "DEUGOV#scholz", "Arab Saudi": "SAU",
          "Amerika Serikat": "USA", "Taliban": "AFGREB", "DPR": "IDNLEG", "Puan Maharani": "IDNLEG#puan",
          "KPK": "IDNJUD", "Firli Bahuri": "IDNJUD#firli", "Joko Widodo": "IDNGOV#jokowi"}


def dyads(doc):
    return sorted((e.code[:3], e.source, e.target, e.modality) for e in doc.events)


def test_events_missile_launch_is_a_show_of_force(event_doc):
    doc = event_doc("Korea Utara meluncurkan dua proyektil dari pantai timur pada Kamis pagi.", ACTORS)
    assert dyads(doc) == [("150", "PRK", None, "asserted")]


def test_events_launching_a_satellite_is_no_show_of_force(event_doc):
    doc = event_doc("Korea Utara meluncurkan satelit cuaca dari pantai timur pada Kamis pagi.", ACTORS)
    assert doc.events == []


def test_events_extending_an_arms_export_stop_is_an_intended_embargo(event_doc):
    doc = event_doc("Kanselir Jerman Olaf Scholz berencana memperpanjang penghentian sementara ekspor senjata "
                    "ke Arab Saudi.", ACTORS)
    assert dyads(doc) == [("163", "DEUGOV", "SAU", "intended")]


def test_events_walking_out_of_talks_halts_them(event_doc):
    doc = event_doc("Amerika Serikat menarik diri dari perundingan dengan Taliban pada Sabtu.", ACTORS)
    assert dyads(doc) == [("164", "USA", "AFGREB", "asserted")]


def test_events_walking_out_with_nobody_named_is_no_event(event_doc):
    doc = event_doc("Amerika Serikat menarik diri dari perundingan yang berjalan setahun.", ACTORS)
    assert doc.events == []


def test_events_postponing_a_bill_is_announced_yielding_with_no_target(event_doc):
    doc = event_doc("Ketua DPR Puan Maharani menyatakan pihaknya akan menunda pengesahan RUU Penyiaran.", ACTORS)
    assert dyads(doc) == [("035", "IDNLEG", None, "asserted")]


def test_events_returning_the_mandate_to_the_president(event_doc):
    doc = event_doc("Ketua KPK Firli Bahuri menyatakan mengembalikan mandat kepada Presiden Joko Widodo.", ACTORS,
                    entity_type="ORG")
    assert dyads(doc) == [("080", "IDNJUD", "IDNGOV", "asserted")]


def test_events_advice_that_another_actor_act_is_an_appeal(event_doc):
    doc = event_doc("Pegawai KPK memberikan masukan agar DPR menolak revisi undang-undang itu.", ACTORS,
                    entity_type="ORG")
    assert ("020", "IDNJUD", "IDNLEG", "asserted") in dyads(doc)


def test_events_letter_to_the_president_is_an_appeal(event_doc):
    doc = event_doc("Pegawai KPK mengirimkan surat kepada Presiden Joko Widodo pada Selasa.", ACTORS,
                    entity_type="ORG")
    assert dyads(doc) == [("020", "IDNJUD", "IDNGOV", "asserted")]
