"""Indirect quotes: saying verbs, "menurut X", pronoun subjects, addressees, what is not a quote."""

from __future__ import annotations

import pytest

from warta.doc import Mention
from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _indirect(doc, res):
    return [q for q in quotes.run(doc, res).quotes if not q.direct]


def _name(doc, entity_id):
    entity = doc.entity(entity_id)
    return entity.name if entity else None


def test_quotes_indirect_mengatakan_bahwa(hand_doc, res):
    text = "Perdana Menteri Jepang Fumio Kishida mengatakan bahwa Tokyo akan menambah anggaran pertahanan."
    doc = hand_doc([text], [("Fumio Kishida", "PER", "Fumio Kishida"), ("Tokyo", "GPE", "Tokyo")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Fumio Kishida"
    assert doc.span(q.start, q.end) == "Tokyo akan menambah anggaran pertahanan"
    assert doc.span(q.cue_start, q.cue_end) == "mengatakan"


def test_quotes_indirect_comma_and_credit_trimmed(hand_doc, res):
    text = "Juru bicara Kremlin, Dmitry Peskov menegaskan, Moskow siap berdialog, seperti dilansir TASS."
    doc = hand_doc([text], [("Dmitry Peskov", "PER", "Dmitry Peskov"), ("Kremlin", "ORG", "Kremlin"),
                            ("Moskow", "GPE", "Moskow"), ("TASS", "ORG", "TASS")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Dmitry Peskov"
    assert doc.span(q.start, q.end) == "Moskow siap berdialog"


def test_quotes_indirect_menurut_at_start_and_end(hand_doc, res):
    paras = ["Menurut Kementerian Kesehatan, jumlah pasien terus menurun sejak pekan lalu.",
             "Harga beras akan stabil hingga akhir tahun, menurut Badan Pangan Nasional."]
    doc = hand_doc(paras, [("Kementerian Kesehatan", "ORG", "Kementerian Kesehatan"),
                           ("Badan Pangan Nasional", "ORG", "Badan Pangan Nasional")])
    qs = _indirect(doc, res)
    assert [(_name(doc, q.speaker), doc.span(q.start, q.end)) for q in qs] == [
        ("Kementerian Kesehatan", "jumlah pasien terus menurun sejak pekan lalu"),
        ("Badan Pangan Nasional", "Harga beras akan stabil hingga akhir tahun"),
    ]


def test_quotes_indirect_pronoun_subject_through_coref(hand_doc, res):
    paras = ["Sekretaris Jenderal PBB Antonio Guterres tiba di Nairobi.",
             "Ia mengatakan bahwa bantuan pangan harus segera dikirim."]
    doc = hand_doc(paras, [("Antonio Guterres", "PER", "Antonio Guterres"), ("Nairobi", "GPE", "Nairobi")])
    guterres = next(e for e in doc.entities if e.name == "Antonio Guterres")
    start = doc.text.index("Ia mengatakan")
    doc.mentions.append(Mention("mp", start, start + 2, "PER", kind="pronoun", entity=guterres.id))
    doc.mentions.sort(key=lambda m: m.start)
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Antonio Guterres"


def test_quotes_indirect_pronoun_coref_used_when_context_is_silent(hand_doc, res):
    doc = hand_doc(["Ia mengatakan bahwa bantuan pangan harus segera dikirim."],
                   [("Antonio Guterres", "PER", "Antonio Guterres")])
    doc.mentions.append(Mention("mp", 0, 2, "PER", kind="pronoun", entity=doc.entities[0].id))
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Antonio Guterres" and q.speaker_mention == "mp"


def test_quotes_indirect_pronoun_without_coref_uses_recent_subject(hand_doc, res):
    paras = ["Presiden Brasil Lula da Silva berbicara di Brasilia.",
             "Dia menyatakan bahwa hutan Amazon harus dilindungi."]
    doc = hand_doc(paras, [("Lula da Silva", "PER", "Lula da Silva"), ("Brasilia", "GPE", "Brasilia")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Lula da Silva"


def test_quotes_indirect_addressee(hand_doc, res):
    text = "Yoon Suk Yeol mengatakan kepada Sekretaris Jenderal NATO Jens Stoltenberg bahwa Seoul siap membantu."
    doc = hand_doc([text], [("Yoon Suk Yeol", "PER", "Yoon Suk Yeol"), ("Jens Stoltenberg", "PER", "Jens Stoltenberg"),
                            ("NATO", "ORG", "NATO"), ("Seoul", "GPE", "Seoul")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Yoon Suk Yeol"
    assert _name(doc, q.addressee) == "Jens Stoltenberg"
    assert doc.span(q.start, q.end) == "Seoul siap membantu"


def test_quotes_indirect_claim_of_responsibility_is_not_a_quote(hand_doc, res):
    text = "Kelompok Abu Sayyaf mengaku bertanggung jawab atas penculikan itu."
    doc = hand_doc([text], [("Abu Sayyaf", "ORG", "Abu Sayyaf")])
    assert _indirect(doc, res) == []


def test_quotes_indirect_no_named_speaker_is_dropped(hand_doc, res):
    text = "Sebelumnya, media melaporkan bahwa kapal itu tenggelam di dekat pantai."
    doc = hand_doc([text], [])
    assert _indirect(doc, res) == []


def test_quotes_indirect_parenthetical_cue(hand_doc, res):
    text = "Kesepakatan ini, papar Trian, dicapai berkat kerja keras para diplomat."
    doc = hand_doc([text], [("Trian", "PER", "Dian Triansyah Djani")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Dian Triansyah Djani"
    assert "dicapai berkat kerja keras para diplomat" in doc.span(q.start, q.end)


def test_quotes_indirect_passive_points_back(hand_doc, res):
    text = "Thailand kecewa dengan keputusan itu. Hal itu diungkapkan Perdana Menteri Srettha Thavisin."
    doc = hand_doc([text], [("Thailand", "GPE", "Thailand"), ("Srettha Thavisin", "PER", "Srettha Thavisin")])
    [q] = _indirect(doc, res)
    assert _name(doc, q.speaker) == "Srettha Thavisin"
    assert doc.span(q.start, q.end) == "Thailand kecewa dengan keputusan itu"


def test_quotes_indirect_not_inside_direct_quote(hand_doc, res):
    text = '"Seperti yang dikatakan menteri, kami menyatakan bahwa pintu dialog terbuka," kata Anwar.'
    doc = hand_doc([text], [("Anwar", "PER", "Anwar Ibrahim")])
    qs = quotes.run(doc, res).quotes
    assert [q.direct for q in qs] == [True]
