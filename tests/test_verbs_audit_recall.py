"""Verb patterns added from the coverage audit of news-clickid (sentences with two coded actors
and no event): interceptions and escorts (150), advice and calls naming the addressee with
"bagi" (02x), hopes that another actor reconsiders (0242), dismissing a concern and refusing to
recognise (120), signing on to sanctions (163) and summoning another state's diplomat (114)."""

from __future__ import annotations

ACTORS = {"NATO": "IGOWSTNAT", "Rusia": "RUS", "Angkatan Udara Rusia": "RUSMIL", "China": "CHN",
          "Wang Yi": "CHNGOV#wang", "PBB": "IGOUNO", "Korea Utara": "PRK", "Taliban": "AFGREB",
          "Amerika Serikat": "USA", "Afghanistan": "AFGGOV", "Jepang": "JPN", "Filipina": "PHL",
          "Kementerian Luar Negeri": "IDNGOV"}


def dyads(doc):
    return sorted((e.code, e.source, e.target, e.modality) for e in doc.events)


def test_verbs_intercepting_military_aircraft_is_a_show_of_force(event_doc):
    doc = event_doc("Dua jet tempur NATO mencegat pesawat pengintai Angkatan Udara Rusia di atas Laut Hitam.",
                    ACTORS, entity_type="ORG")
    assert dyads(doc) == [("150", "IGOWSTNAT", "RUSMIL", "asserted")]


def test_verbs_interception_noun_after_a_counted_light_verb(event_doc):
    doc = event_doc("Jet tempur NATO melakukan empat kali intersepsi terhadap pesawat Angkatan Udara Rusia "
                    "pekan ini.", ACTORS, entity_type="ORG")
    assert dyads(doc) == [("150", "IGOWSTNAT", "RUSMIL", "asserted")]


def test_verbs_escorting_needs_an_aircraft_or_ship(event_doc):
    doc = event_doc("Jet tempur NATO mengawal pesawat Angkatan Udara Rusia keluar dari wilayah udara Latvia.",
                    ACTORS, entity_type="ORG")
    assert dyads(doc) == [("150", "IGOWSTNAT", "RUSMIL", "asserted")]
    doc = event_doc("Rusia mengawal proses pemilihan umum di wilayah itu.", ACTORS)
    assert doc.events == []


def test_verbs_suggesting_sanctions_relief_to_the_un(event_doc):
    doc = event_doc("China menyarankan PBB melonggarkan sanksi terhadap Korea Utara.", ACTORS)
    assert dyads(doc) == [("0254", "CHN", "IGOUNO", "asserted")]


def test_verbs_call_addressed_with_bagi_after_a_repeating_verb(event_doc):
    doc = event_doc("Wang Yi mengulangi seruan bagi PBB untuk pengurangan sanksi terhadap Korea Utara.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("0254", "CHNGOV", "IGOUNO")]


def test_verbs_hoping_the_other_side_reconsiders_is_an_appeal(event_doc):
    doc = event_doc("Taliban berharap Amerika Serikat memikirkan kembali keputusan menghentikan perundingan.",
                    ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("02", "AFGREB", "USA")]


def test_verbs_dismissing_a_concern_is_a_rejection(event_doc):
    doc = event_doc("Taliban menepis kekhawatiran Amerika Serikat soal keamanan pangkalan udara.", ACTORS)
    assert dyads(doc) == [("120", "AFGREB", "USA", "asserted")]


def test_verbs_dismissing_an_accusation_is_no_rejection(event_doc):
    doc = event_doc("Taliban menepis tuduhan Amerika Serikat soal keamanan pangkalan udara.", ACTORS)
    assert not [e for e in doc.events if e.code.startswith("12")]


def test_verbs_refusing_to_recognise_a_government_is_a_rejection(event_doc):
    doc = event_doc("Taliban tidak mengakui legitimasi pemerintahan Afghanistan.", ACTORS)
    assert dyads(doc) == [("120", "AFGREB", "AFGGOV", "asserted")]


def test_verbs_signing_sanctions_imposes_them(event_doc):
    doc = event_doc("China telah menandatangani sanksi keras terhadap Korea Utara tahun lalu.", ACTORS)
    assert dyads(doc) == [("163", "CHN", "PRK", "asserted")]


def test_verbs_summoning_a_diplomat_is_an_official_complaint(event_doc):
    doc = event_doc("Filipina memanggil diplomat Jepang setelah insiden di Laut China Selatan.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("114", "PHL", "JPN")]


def test_verbs_summoning_a_witness_is_no_complaint(event_doc):
    doc = event_doc("Pengadilan Filipina memanggil seorang saksi dari Jepang pekan depan.", ACTORS)
    assert doc.events == []
