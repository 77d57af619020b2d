"""Actors borrowed from earlier sentences: "Mereka" as a group subject, pair words, the other
party, criticism drawn from someone (event_anaphora.py)."""

from __future__ import annotations

TALIBAN = {"Taliban": "AFGREB", "pemerintah Afghanistan": "AFGGOV", "Kunduz": "AFG", "AS": "USA"}


def _later(doc, sentence=1):
    return sorted((e.code[:2], e.source, e.target, e.symmetric, e.modality) for e in doc.events
                  if e.sentence == sentence)


def test_events_mereka_is_the_group_subject_of_the_previous_sentence(event_doc):
    doc = event_doc("Taliban menyerang pos pemerintah Afghanistan di Kunduz pada Senin. Mereka menolak untuk "
                    "mengadakan pembicaraan langsung dengan pemerintah Afghanistan.", TALIBAN, entity_type="ORG")
    assert _later(doc) == [("12", "AFGREB", "AFGGOV", False, "asserted")]


def test_events_mereka_after_a_connective_is_still_the_group(event_doc):
    doc = event_doc("Taliban menyerang pos pemerintah Afghanistan di Kunduz. Namun, mereka menolak untuk "
                    "mengadakan pembicaraan dengan pemerintah Afghanistan.", TALIBAN, entity_type="ORG")
    assert [x[:3] for x in _later(doc)] == [("12", "AFGREB", "AFGGOV")]


def test_events_mereka_never_stands_for_a_single_person(event_doc):
    doc = event_doc("Ghani mengecam Taliban pada Senin. Mereka menolak untuk mengadakan pembicaraan dengan Taliban.",
                    {"Ghani": "AFGGOV", "Taliban": "AFGREB"}, entity_type="PER")
    assert _later(doc) == []


def test_events_mereka_needs_the_group_in_the_sentence_just_before(event_doc):
    doc = event_doc("Taliban menyerang pos pemerintah Afghanistan di Kunduz. Cuaca di kawasan itu sangat dingin. "
                    "Mereka menolak untuk mengadakan pembicaraan dengan pemerintah Afghanistan.",
                    TALIBAN, entity_type="ORG")
    assert _later(doc, 2) == []


def test_events_mereka_inside_a_quote_is_not_the_previous_subject(event_doc):
    words = "Mereka menolak untuk mengadakan pembicaraan dengan pemerintah Afghanistan,"
    doc = event_doc(f'Taliban menyerang pos pemerintah Afghanistan di Kunduz. "{words}" kata Ghani.',
                    {**TALIBAN, "Ghani": "AFGGOV"}, quotes=[(words, "Ghani", True)], entity_type="ORG")
    assert not any(e.source == "AFGREB" for e in doc.events if e.sentence == 1)


def test_events_both_sides_borrowed_make_no_new_event(event_doc):
    doc = event_doc("Para demonstran berunjuk rasa di depan gedung KPK. Padahal, sebelumnya mereka melakukan unjuk "
                    "rasa secara damai.", {"KPK": "IDNJUD"}, entity_type="ORG")
    assert any(e.code[:2] == "14" for e in doc.events if e.sentence == 0)
    assert _later(doc) == []


def test_events_kedua_negara_fight_each_other(event_doc):
    doc = event_doc("India dan Pakistan sama-sama mengklaim Kashmir. Kedua negara telah dua kali berperang di "
                    "wilayah itu.", {"India": "IND", "Pakistan": "PAK", "Kashmir": "IND"})
    assert [(c, {s, t}, sym) for c, s, t, sym, _ in _later(doc)] == [("19", {"IND", "PAK"}, True)]


def test_events_pair_reaches_past_an_effort_verb(event_doc):
    doc = event_doc("AS dan Taliban bertemu di Doha. Kedua belah pihak telah hampir setahun berusaha untuk "
                    "menegosiasikan kesepakatan damai.", {"AS": "USA", "Taliban": "AFGREB", "Doha": "QAT"})
    # an effort under way ("telah ... berusaha") is no plan: the talks are asserted
    assert [(c, {s, t}, sym, mod) for c, s, t, sym, mod in _later(doc)] == [
        ("04", {"USA", "AFGREB"}, True, "asserted")]


def test_events_the_other_party_is_the_side_acted_on_before(event_doc):
    words = "Jadi kami berharap pihak lain juga memikirkan kembali keputusan mereka,"
    doc = event_doc(f'Taliban menyerang pasukan AS di Kunduz. "{words}" kata Mujahid.',
                    {**TALIBAN, "Mujahid": "AFGREB#mujahid"}, quotes=[(words, "Mujahid", True)], entity_type="ORG")
    assert [(c, s, t[:3]) for c, s, t, _, _ in _later(doc)] == [("02", "AFGREB", "USA")]


def test_events_pihak_lain_without_earlier_acts_has_no_target(event_doc):
    doc = event_doc("Iran berharap pihak lain memikirkan kembali keputusan itu.", {"Iran": "IRN"})
    assert doc.events == []


def test_events_criticism_drawn_from_a_critic(event_doc):
    doc = event_doc("Langkah Washington itu menimbulkan kecaman keras dari Havana. Israel menuai kecaman dari Turki "
                    "atas serangan itu.", {"Washington": "USA", "Havana": "CUB", "Israel": "ISR", "Turki": "TUR"})
    assert [(e.sentence, e.code[:2], e.source, e.target) for e in doc.events] == [
        (0, "11", "CUB", "USA"), (1, "11", "TUR", "ISR")]


def test_events_criticism_from_the_world_has_no_actor(event_doc):
    doc = event_doc("Rencana Israel itu memancing kecaman luas dari dunia internasional.", {"Israel": "ISR"})
    assert doc.events == []


def test_events_anger_of_one_actor_at_another(event_doc):
    doc = event_doc("Saat ini ada kemarahan Paris terhadap kebijakan Jerman di Yaman. Kemarahan atas undang-undang "
                    "itu terus meluas.", {"Paris": "FRA", "Jerman": "DEU", "Yaman": "YEM"})
    assert [(e.sentence, e.code[:2], e.source, e.target) for e in doc.events] == [(0, "11", "FRA", "DEU")]


def test_events_an_unnamed_party_in_a_relative_clause_is_the_object(event_doc):
    doc = event_doc("Mahasiswa menuding ada pihak yang memanfaatkan KPK untuk tujuan politik.", {"KPK": "IDNJUD"},
                    entity_type="ORG")
    assert not any(e.target == "IDNJUD" for e in doc.events)


def test_events_a_name_after_sampai_does_not_join_the_object(event_doc):
    doc = event_doc("Taliban menolak berunding dengan pemerintah Afghanistan sampai kesepakatan AS disepakati.",
                    TALIBAN, entity_type="ORG")
    assert {e.target for e in doc.events} == {"AFGGOV"}


def test_events_mereka_of_another_verb_lends_nothing(event_doc):
    doc = event_doc("Iran mengancam Arab Saudi. Sumber dari Washington mengatakan, mereka memperkirakan Iran memakai "
                    "rudal jelajah dan drone menghantam kilang Abqaiq.",
                    {"Iran": "IRN", "Washington": "USA", "Abqaiq": "SAU", "Arab Saudi": "SAU"})
    assert not any(e.source == "IRN" and e.sentence == 1 and e.code[:2] in ("18", "19") for e in doc.events)
