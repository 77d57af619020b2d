"""Announcing verbs ("mengumumkan") report a clause even without "bahwa"; an announced thing
("mengumumkan sanksi baru") or a claim ("mengklaim") is not a quote."""

from __future__ import annotations

import pytest

from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _indirect(doc, res):
    return [(doc.span(q.start, q.end), doc.entity(q.speaker).name) for q in quotes.run(doc, res).quotes
            if not q.direct]


def test_quotes_announce_clause_without_bahwa_is_a_quote(hand_doc, res):
    text = "Presiden Joko Widodo mengumumkan rencana pemindahan ibu kota telah disetujui parlemen."
    doc = hand_doc([text], [("Joko Widodo", "PER", "Joko Widodo")])
    assert _indirect(doc, res) == [("rencana pemindahan ibu kota telah disetujui parlemen", "Joko Widodo")]


def test_quotes_announce_object_without_predicate_is_no_quote(hand_doc, res):
    text = "Kementerian Keuangan mengumumkan sanksi baru terhadap perusahaan tambang yang akan berlaku pekan depan."
    doc = hand_doc([text], [("Kementerian Keuangan", "ORG", "Kementerian Keuangan")])
    assert _indirect(doc, res) == []


def test_quotes_announce_marker_after_subordinator_is_no_quote(hand_doc, res):
    text = "Ketua DPR Puan Maharani akan mengumumkan penundaan rapat karena masih ada fraksi yang menolak."
    doc = hand_doc([text], [("Puan Maharani", "PER", "Puan Maharani"), ("DPR", "ORG", "DPR")])
    assert _indirect(doc, res) == []


def test_quotes_announce_does_not_extend_to_claims(hand_doc, res):
    text = "Juru bicara militer Hadi Prasetyo mengklaim pasukan sudah menguasai seluruh kota."
    doc = hand_doc([text], [("Hadi Prasetyo", "PER", "Hadi Prasetyo")])
    assert _indirect(doc, res) == []


def test_quotes_announce_second_speaker_inside_a_report(hand_doc, res):
    text = ('Retno menegaskan bahwa dialog tetap menjadi jalan terbaik, dua hari setelah Duterte '
            'mengumumkan perundingan kedua negara telah berakhir.')
    doc = hand_doc([text], [("Retno", "PER", "Retno Marsudi"), ("Duterte", "PER", "Rodrigo Duterte")])
    assert _indirect(doc, res) == [("dialog tetap menjadi jalan terbaik", "Retno Marsudi"),
                                   ("perundingan kedua negara telah berakhir", "Rodrigo Duterte")]


def test_quotes_announce_agent_of_a_passive_is_not_a_second_speaker(hand_doc, res):
    text = ("Menteri Luar Negeri Retno Marsudi mengatakan, sanksi yang dijatuhkan oleh Presiden Duterte sejak Juli, "
            "menggambarkan sikap yang keras terhadap nelayan.")
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi"), ("Duterte", "PER", "Rodrigo Duterte")])
    assert [speaker for _, speaker in _indirect(doc, res)] == ["Retno Marsudi"]


def test_quotes_announce_later_verb_with_a_noun_object_adds_no_quote(hand_doc, res):
    text = ("Mensesneg Pratikno menerangkan dalam pertemuan nanti Presiden Jokowi akan menjelaskan pandangannya "
            "tentang revisi undang-undang itu.")
    doc = hand_doc([text], [("Pratikno", "PER", "Pratikno"), ("Jokowi", "PER", "Joko Widodo")])
    [(span, speaker)] = _indirect(doc, res)
    assert speaker == "Pratikno" and span.endswith("pandangannya tentang revisi undang-undang itu")


def test_quotes_announce_data_loads_and_is_validated():
    import yaml

    from warta.errors import ResourceError
    from warta.resources import PACKAGE_DATA
    from warta.stages.quote_rules import compile_quote_rules

    data = yaml.safe_load((PACKAGE_DATA / "quotes.yaml").read_text(encoding="utf-8"))
    rules = compile_quote_rules(data)
    assert set(data["indirect"]["announce"]) <= rules.need_that
    for key in ("clause_markers", "report_nouns", "subordinators"):
        assert {w.lower() for w in data[key]} == getattr(rules, key), key
    data["indirect"]["announce"] = ["mengatakan"]  # not a need_that verb
    with pytest.raises(ResourceError, match="announce"):
        compile_quote_rules(data)
