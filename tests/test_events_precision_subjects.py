"""Who acts: a verb joined by "dan" shares the subject of the act before it, an event noun is no
actor, a generic noun next to a name is that person or shares the named actor's country, and an
agentless passive is the speaker's act only when the speaker holds an office."""

from __future__ import annotations


def _scored(doc):
    return [(e.code[:2], e.source, e.target) for e in doc.events if not e.code.startswith("01")]


def test_events_joined_verb_shares_the_earlier_subject(event_doc):
    doc = event_doc("Massa mendukung dibentuknya dewan pengawas KPK, dan meminta KPK memecat penyidik itu.",
                    {"KPK": "IDNJUD"})
    # the name at the end of the first object is not the subject of "meminta"; supporting an act
    # ("dibentuknya ...") is no support given to KPK
    assert _scored(doc) == [("02", "IDNOPP", "IDNJUD")]


def test_events_joined_verb_after_an_adjective_clause(event_doc):
    doc = event_doc("China sangat tidak puas dan dengan tegas menentang langkah AS.", {"China": "CHN", "AS": "USA"})
    assert _scored(doc) == [("11", "CHN", "USA")]


def test_events_joined_adjective_in_relative_clause_is_no_act(event_doc):
    doc = event_doc("AS mengecam perilaku Iran yang agresif, ceroboh, dan mengancam.", {"AS": "USA", "Iran": "IRN"})
    assert _scored(doc) == [("11", "USA", "IRN")]


def test_events_event_noun_subject_has_no_actor(event_doc):
    doc = event_doc("Hong Kong masih diliputi ketegangan oleh gelombang unjuk rasa menuntut kebebasan dari Cina.",
                    {"Hong Kong": "HKG", "Cina": "CHN"})
    assert not [e for e in doc.events if e.code.startswith("10")]


def test_events_event_noun_opening_a_quote_is_not_the_speaker(event_doc):
    text = '"Serangan itu belum pernah terjadi sebelumnya dan tidak hanya mengancam keamanan Arab Saudi," kata Pompeo.'
    quoted = text[1 : text.index(" kata")]
    doc = event_doc(text, {"Pompeo": "USAGOV", "Arab Saudi": "SAU"}, quotes=[(quoted, "Pompeo", True)])
    assert not [e for e in doc.events if e.code.startswith("13")]


def test_events_not_only_is_no_negation(event_doc):
    doc = event_doc("Iran tidak hanya mengecam Israel, tetapi juga mengancam Amerika Serikat.",
                    {"Iran": "IRN", "Israel": "ISR", "Amerika Serikat": "USA"})
    first = next(e for e in doc.events if not e.code.startswith("01"))
    assert (first.code[:2], first.target, first.modality) == ("11", "ISR", "asserted")


def test_events_generic_noun_in_apposition_is_the_person(event_doc):
    text = ("Jerman menerima tamu dari Hong Kong. Aktivis pro-demokrasi Joshua Wong tiba di Berlin, Jerman, "
            "pada Senin malam.")
    doc = event_doc(text, {"Jerman": "DEU", "Hong Kong": "HKG", "Joshua Wong": "HKGOPP", "Berlin": "DEU"},
                    entity_type="PER")
    visits = [(e.source, e.target) for e in doc.events if e.code.startswith("042")]
    assert visits == [("HKGOPP", "DEU")]


def test_events_generic_noun_joined_to_a_name_shares_its_country(event_doc):
    text = ("Duta Besar China Ken Wu mengatakan, Menteri Luar Negeri Maas serta beberapa anggota parlemen "
            "bertemu dengan Joshua Wong tanpa izin China.")
    doc = event_doc(text, {"China": "CHN", "Ken Wu": "CHNGOV", "Maas": "DEUGOV", "Joshua Wong": "HKGOPP"})
    meetings = sorted(e.source for e in doc.events if e.code.startswith("04"))
    assert meetings == ["DEUGOV", "DEULEG"]


def test_events_agentless_passive_needs_a_speaker_with_office(event_doc):
    doc = event_doc('"Masyarakat diajak hidup berdampingan," kata Ruslan.', {"Ruslan": "IDN"},
                    quotes=[("Masyarakat diajak hidup berdampingan,", "Ruslan", True)], entity_type="PER")
    assert _scored(doc) == []
    doc = event_doc('"Warga Papua diajak hidup berdampingan," kata Menteri Wiranto.', {"Menteri Wiranto": "IDNGOV"},
                    quotes=[("Warga Papua diajak hidup berdampingan,", "Menteri Wiranto", True)], entity_type="PER")
    assert [(e.code[:2], e.source) for e in doc.events] == [("02", "IDNGOV")]
