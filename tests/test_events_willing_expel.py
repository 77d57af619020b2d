"""Verb data: willingness to talk (036), expulsions, military options, holding responsible, flights."""

from __future__ import annotations

ACTORS = {"Myanmar": "MMR", "Bangladesh": "BGD", "Kanada": "CAN", "India": "IND", "Turki": "TUR",
          "Suriah": "SYR", "Uni Eropa": "IGOEUREEC", "Belarus": "BLR", "Menlu Kanada": "CANGOV",
          "Ankara": "TUR", "Singapura": "SGP"}


def _codes(doc):
    return [(e.code, e.source, e.target, e.modality) for e in doc.events]


def test_events_willing_to_talk_is_intent(event_doc):
    doc = event_doc("Myanmar mengatakan pihaknya bersedia untuk memulai kembali pembicaraan dengan Bangladesh.", ACTORS)
    assert [(c, s, t) for c, s, t, _ in _codes(doc)] == [("036", "MMR", "BGD")]


def test_events_unwilling_to_meet_is_refusal(event_doc):
    doc = event_doc("Myanmar tidak bersedia bertemu dengan Bangladesh.", ACTORS)
    assert [(c[:2], s, t) for c, s, t, _ in _codes(doc)] == [("12", "MMR", "BGD")]


def test_events_planned_meeting_stays_a_meeting(event_doc):
    doc = event_doc("Myanmar akan bertemu dengan Bangladesh pada Senin.", ACTORS)
    assert [(c, m) for c, _, _, m in _codes(doc)] == [("040", "intended")]


def test_events_agreeing_to_resume_talks_is_intent(event_doc):
    doc = event_doc("Myanmar dan Bangladesh sepakat untuk melanjutkan perundingan soal pengungsi.", ACTORS)
    assert {c for c, _, _, _ in _codes(doc)} == {"036"}


def test_events_ordering_expulsion_of_delegates(event_doc):
    doc = event_doc("Kanada memerintahkan pengusiran tiga anggota delegasi India dari Ottawa.", ACTORS)
    assert [(c[:2], s, t) for c, s, t, _ in _codes(doc)] == [("16", "CAN", "IND")]


def test_events_military_options_threaten(event_doc):
    doc = event_doc("Turki mengatakan memiliki banyak opsi militer terhadap Suriah.", ACTORS)
    assert [(c, s, t) for c, s, t, _ in _codes(doc)] == [("138", "TUR", "SYR")]


def test_events_holding_responsible_blames(event_doc):
    doc = event_doc("Uni Eropa mengatakan rezim Belarus harus bertanggung jawab atas krisis migran itu.", ACTORS)
    assert [(c, s, t) for c, s, t, _ in _codes(doc)] == [("112", "IGOEUREEC", "BLR")]


def test_events_flying_to_a_capital_is_a_visit(event_doc):
    doc = event_doc("Menlu Kanada terbang ke Ankara pada Kamis.", ACTORS)
    assert [(c, s, t) for c, s, t, _ in _codes(doc)] == [("042", "CANGOV", "TUR")]


def test_events_attacking_a_minister_in_words_is_criticism(event_doc):
    doc = event_doc("Duta Besar Turki menyerang menteri luar negeri Kanada dalam sebuah wawancara.",
                    {**ACTORS, "Duta Besar Turki": "TURGOV"})
    assert [(c, s, t) for c, s, t, _ in _codes(doc)] == [("111", "TURGOV", "CAN")]


def test_events_armed_attack_stays_force(event_doc):
    doc = event_doc("Turki menyerang pos militer Suriah dengan roket.", ACTORS)
    assert [(c[:2], s) for c, s, _, _ in _codes(doc)] == [("19", "TUR")]
