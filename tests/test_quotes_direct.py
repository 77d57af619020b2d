"""Direct quotes: every quotation style, the speaker from the reporting clause, multi-paragraph quotes."""

from __future__ import annotations

import pytest

from warta.doc import Mention
from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _quotes(doc, res):
    return quotes.run(doc, res).quotes


def _speaker(doc, quote):
    entity = doc.entity(quote.speaker)
    return entity.name if entity else None


@pytest.mark.parametrize("open_mark,close_mark", [('"', '"'), ("“", "”"), ("«", "»"), ("‚Äú", "‚Äù"), ("“", '"')])
def test_quotes_every_mark_style(hand_doc, res, open_mark, close_mark):
    text = f"{open_mark}Kami siap berunding kapan saja,{close_mark} kata Retno Marsudi di Jakarta."
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi"), ("Jakarta", "GPE", "Jakarta")])
    [q] = _quotes(doc, res)
    assert q.direct and doc.span(q.start, q.end) == "Kami siap berunding kapan saja"
    assert _speaker(doc, q) == "Retno Marsudi"
    assert doc.span(q.cue_start, q.cue_end) == "kata"


def test_quotes_speaker_after_with_title_and_credit(hand_doc, res):
    text = ('"Kami tidak akan mundur," kata juru bicara Kementerian Luar Negeri Iran, Abbas Mousavi, '
            "seperti dilansir Al Jazeera pada Senin (2/9).")
    doc = hand_doc([text], [("Kementerian Luar Negeri Iran", "ORG", "Kementerian Luar Negeri Iran"),
                            ("Abbas Mousavi", "PER", "Abbas Mousavi"), ("Al Jazeera", "ORG", "Al Jazeera")])
    [q] = _quotes(doc, res)
    assert _speaker(doc, q) == "Abbas Mousavi"


def test_quotes_clitic_speaker_falls_back_to_recent_subject(hand_doc, res):
    paras = ["Menteri Pertahanan Jepang Taro Kono meninjau pangkalan di Okinawa.",
             '"Kami akan memperkuat pertahanan pulau-pulau terluar," ujarnya.']
    doc = hand_doc(paras, [("Taro Kono", "PER", "Taro Kono"), ("Okinawa", "GPE", "Okinawa")])
    [q] = _quotes(doc, res)
    assert _speaker(doc, q) == "Taro Kono"
    assert doc.span(q.cue_start, q.cue_end) == "ujarnya"


def test_quotes_clitic_speaker_uses_coref_when_context_names_nobody(hand_doc, res):
    paras = ["Pertemuan itu berlangsung tertutup.", '"Kerja sama ini harus terus tumbuh," tuturnya.']
    doc = hand_doc(paras, [("Anthony Albanese", "PER", "Anthony Albanese")])
    doc.entities[0].mentions.clear()
    cue = doc.text.index("tuturnya")
    doc.mentions.append(Mention("mp", cue + 5, cue + 8, "PER", kind="pronoun", entity=doc.entities[0].id))
    [q] = _quotes(doc, res)
    assert _speaker(doc, q) == "Anthony Albanese" and q.speaker_mention == "mp"


def test_quotes_clitic_prefers_last_speaker_over_coref(hand_doc, res):
    # The reporting clitic follows the last speaker even when coref read the pronoun otherwise.
    paras = ['"Kami menolak campur tangan asing," kata Geng Shuang.', "Ia juga menyinggung Nancy Pelosi.",
             '"Hentikan semua itu," ungkapnya.']
    doc = hand_doc(paras, [("Geng Shuang", "PER", "Geng Shuang"), ("Nancy Pelosi", "PER", "Nancy Pelosi")])
    pelosi = next(e for e in doc.entities if e.name == "Nancy Pelosi")
    cue = doc.text.index("ungkapnya")
    doc.mentions.append(Mention("mp", cue + 6, cue + 9, "PER", kind="pronoun", entity=pelosi.id))
    assert [_speaker(doc, q) for q in _quotes(doc, res)] == ["Geng Shuang", "Geng Shuang"]


def test_quotes_credit_outlet_is_not_speaker(hand_doc, res):
    text = '"Situasi di perbatasan sudah terkendali," tegas Prabowo, seperti dilansir Reuters.'
    doc = hand_doc([text], [("Prabowo", "PER", "Prabowo Subianto"), ("Reuters", "ORG", "Reuters")])
    [q] = _quotes(doc, res)
    assert _speaker(doc, q) == "Prabowo Subianto"


def test_quotes_multi_paragraph_quote_takes_final_speaker(hand_doc, res):
    paras = ["Presiden Filipina Ferdinand Marcos berbicara di depan parlemen.",
             "“Kami tidak akan menyerahkan satu inci pun wilayah kami.",
             "“Laut itu milik rakyat Filipina dan akan tetap begitu,” kata Marcos."]
    doc = hand_doc(paras, [("Ferdinand Marcos", "PER", "Ferdinand Marcos"), ("Marcos", "PER", "Ferdinand Marcos")])
    qs = _quotes(doc, res)
    assert len(qs) == 2
    assert all(q.direct and _speaker(doc, q) == "Ferdinand Marcos" for q in qs)
    assert doc.span(qs[0].start, qs[0].end) == "Kami tidak akan menyerahkan satu inci pun wilayah kami."


def test_quotes_unattributed_quote_inherits_previous_speaker(hand_doc, res):
    paras = ['"Kami mengutuk serangan itu," kata Anwar Ibrahim.',
             '"Dunia harus bertindak sekarang juga."']
    doc = hand_doc(paras, [("Anwar Ibrahim", "PER", "Anwar Ibrahim")])
    qs = _quotes(doc, res)
    assert [_speaker(doc, q) for q in qs] == ["Anwar Ibrahim", "Anwar Ibrahim"]


def test_quotes_reporting_clause_before_quote(hand_doc, res):
    text = 'Menteri Luar Negeri Retno Marsudi mengatakan: "Indonesia menolak segala bentuk kekerasan."'
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi"), ("Indonesia", "GPE", "Indonesia")])
    qs = _quotes(doc, res)
    assert len(qs) == 1 and qs[0].direct
    assert _speaker(doc, qs[0]) == "Retno Marsudi"


def test_quotes_scare_quoted_term_is_not_a_quote(hand_doc, res):
    text = 'Pejabat itu menyebut kebijakan baru tersebut "tidak adil" bagi petani kecil di daerah.'
    doc = hand_doc([text], [])
    assert not [q for q in _quotes(doc, res) if q.direct]


def test_quotes_fragment_closing_indirect_quote_is_direct(hand_doc, res):
    text = 'Khalilzad mengatakan bahwa kedua pihak "berada di ambang kesepakatan."'
    doc = hand_doc([text], [("Khalilzad", "PER", "Zalmay Khalilzad")])
    qs = _quotes(doc, res)
    assert len(qs) == 1 and qs[0].direct
    assert _speaker(doc, qs[0]) == "Zalmay Khalilzad"


def test_quotes_clitic_skips_object_of_last_sentence(hand_doc, res):
    # "menuduh Pelosi": Pelosi is the object; the clitic goes back to the last speaker.
    paras = ['"Kami menolak campur tangan itu," kata Geng Shuang.', "Ia kemudian menuduh Pelosi mencampuri urusan China.",
             '"Hentikan semua itu," ungkapnya.']
    doc = hand_doc(paras, [("Geng Shuang", "PER", "Geng Shuang"), ("Pelosi", "PER", "Nancy Pelosi")])
    assert [_speaker(doc, q) for q in _quotes(doc, res)][-1] == "Geng Shuang"
