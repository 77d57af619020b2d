"""Group words stand for actors named before: "keduanya", "kedua negara", "mereka" (event_control.py)."""

from __future__ import annotations

ACTORS = {"Vietnam": "VNM", "Filipina": "PHL", "India": "IND", "Pakistan": "PAK", "Bangladesh": "BGD",
          "Iran": "IRN", "Inggris": "GBR", "Prancis": "FRA"}


def _triples(doc):
    return sorted((e.code[:2], e.source, e.target, e.symmetric) for e in doc.events)


def test_event_control_keduanya_is_the_pair_named_before(event_doc):
    doc = event_doc("Vietnam dan Filipina bertemu di Hanoi pekan lalu. Keduanya sepakat untuk melanjutkan "
                    "perundingan soal batas laut.", {**ACTORS, "Hanoi": "VNM"})
    later = [e for e in doc.events if e.sentence == 1]
    assert [(e.code, {e.source, e.target}, e.symmetric) for e in later] == [("036", {"VNM", "PHL"}, True)]


def test_event_control_kedua_negara_accuse_each_other(event_doc):
    doc = event_doc("India menutup perbatasan dengan Pakistan pada Senin. Kedua negara telah berulang kali "
                    "menuduh satu sama lain melanggar gencatan senjata.", ACTORS)
    later = [(e.code[:2], {e.source, e.target}, e.symmetric) for e in doc.events if e.sentence == 1]
    assert ("11", {"IND", "PAK"}, True) in later


def test_event_control_pair_word_without_pair_gives_nothing(event_doc):
    doc = event_doc("Keduanya sepakat untuk melanjutkan perundingan.", ACTORS)
    assert doc.events == []


def test_event_control_mereka_as_object_is_the_earlier_group(event_doc):
    doc = event_doc("Sejumlah warga melempari polisi dengan batu di Jakarta. Belasan polisi kemudian mendorong mereka "
                    "agar bubar.", {"Jakarta": "IDN"})
    later = [(e.code, e.source, e.target) for e in doc.events if e.sentence == 1]
    assert later == [("175", "IDNCOP", "IDNCVL")]


def test_event_control_comma_list_closed_by_dan(event_doc):
    doc = event_doc("Iran menuduh Inggris, Prancis, dan negara-negara Eropa lainnya merusak kesepakatan nuklir.", ACTORS)
    assert sorted((e.source, e.target) for e in doc.events if e.code[:2] == "11") == [("IRN", "FRA"), ("IRN", "GBR")]
