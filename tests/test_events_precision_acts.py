"""Which words tell an act: not one only weighed or named as an idea, not the condition or the
content of a threat, not a told act a later claim is about, not an act aimed at nobody; and
whom an act is aimed at when the sentence names it late or the text named it before."""

from __future__ import annotations


def _scored(doc):
    return [(e.code[:2], e.source, e.target) for e in doc.events if not e.code.startswith("01")]


def test_events_weighed_act_did_not_happen(event_doc):
    doc = event_doc("Perencana militer AS yang menimbang pembalasan telah menyusun daftar target di Iran.",
                    {"militer AS": "USAMIL", "Iran": "IRN"})
    assert not [e for e in doc.events if e.code.startswith("13")]


def test_events_idea_and_policy_complements_are_no_acts(event_doc):
    actors = {"Kim": "PRKGOV", "AS": "USA", "Iran": "IRN", "India": "IND", "Qureshi": "PAKGOV"}
    assert _scored(event_doc("Trump yakin Kim akan menyukai ide untuk berkunjung ke AS.", actors)) == []
    assert _scored(event_doc("Itu bagian dari kebijakan mereka untuk menekan Iran.", actors)) == []
    doc = event_doc("Qureshi mengatakan tidak ada kemungkinan untuk menjalin hubungan dengan India.", actors)
    assert not [e for e in doc.events if e.code.startswith("03")]


def test_events_passive_named_as_noun_has_no_patient_to_the_left(event_doc):
    doc = event_doc("Rusia berharap mendengar jaminan tentang tidak dapat diterimanya penyebaran rudal oleh AS.",
                    {"Rusia": "RUS", "AS": "USA"})
    assert not [e for e in doc.events if e.code.startswith("04")]


def test_events_act_aimed_at_nobody_is_dropped(event_doc):
    actors = {"Merkel": "DEUGOV", "Israel": "ISR", "Khamenei": "IRNGOV"}
    doc = event_doc('"Hal itu tidak membantu, kami tidak setuju," kata Merkel.', actors,
                    quotes=[("Hal itu tidak membantu, kami tidak setuju,", "Merkel", True)])
    assert _scored(doc) == []
    assert _scored(event_doc("Khamenei menyetujui serangan itu.", actors)) == []
    assert _scored(event_doc("Merkel menolak rencana Israel.", actors)) == [("12", "DEUGOV", "ISR")]


def test_events_condition_of_a_threat_is_part_of_it(event_doc):
    text = '"Jika Trump menghentikan pembicaraan, kami akan membalas," ancam Mujahid.'
    doc = event_doc(text, {"Trump": "USAGOV", "Mujahid": "AFGREB"},
                    quotes=[("Jika Trump menghentikan pembicaraan, kami akan membalas,", "Mujahid", True)])
    assert [e.code[:2] for e in doc.events if not e.code.startswith("01")] == ["13"]


def test_events_threatened_force_is_the_threat_content(event_doc):
    text = "Saree mengancam Uni Emirat Arab dengan mengatakan bahwa Houthi siap menyerang kota-kota Uni Emirat Arab."
    doc = event_doc(text, {"Saree": "YEMREB#saree", "Houthi": "YEMREB#houthi", "Uni Emirat Arab": "ARE"})
    assert _scored(doc) == [("13", "YEMREB", "ARE")]


def test_events_condemned_act_blamed_on_an_actor(event_doc):
    doc = event_doc('Pompeo mengecam serangan ke Arab Saudi sebagai "tindakan perang" Iran.',
                    {"Pompeo": "USAGOV", "Arab Saudi": "SAU", "Iran": "IRN"})
    assert _scored(doc) == [("11", "USAGOV", "IRN")]


def test_events_continued_sanction_keeps_its_target(event_doc):
    text = "AS memperketat sanksi kepada Iran. Bukan hanya itu, Washington juga menerapkan kembali sanksi yang dicabut."
    doc = event_doc(text, {"AS": "USA", "Iran": "IRN", "Washington": "USA"})
    assert [(e.code[:2], e.source, e.target, e.sentence) for e in doc.events] == [
        ("16", "USA", "IRN", 0), ("16", "USA", "IRN", 1)]


def test_events_told_meeting_as_subject_of_a_prediction(event_doc):
    actors = {"Maas": "DEUGOV", "Wong": "HKGOPP", "Ken Wu": "CHNGOV"}
    told = "Maas bertemu dengan Wong di Berlin. "
    doc = event_doc(told + "Ken Wu mengatakan, pertemuan antara Maas dan Wong akan merusak hubungan.", actors)
    assert [e.sentence for e in doc.events if e.code.startswith("04")] == [0]
    # a meeting told again as having happened is still an event of its sentence
    doc = event_doc(told + "Pertemuan antara Maas dan Wong berlangsung pada Senin.", actors)
    assert [e.sentence for e in doc.events if e.code.startswith("04")] == [0, 1]


def test_events_protest_goes_on_against_the_same_target(event_doc):
    text = ("Ratusan demonstran melempari KPK dengan telur. "
            "Para demonstran kemudian membakar ban bekas di depan gedung komisi itu.")
    doc = event_doc(text, {"KPK": "IDNJUD", "Jakarta": "IDN"})
    assert [(e.code[:2], e.target, e.sentence) for e in doc.events] == [("14", "IDNJUD", 0), ("14", "IDNJUD", 1)]
