"""Speakers given by a description: a person title ('Duta Besar China', 'sang duta besar',
'Presiden 73 tahun itu'), a party or office modifying a description ('Politikus Partai Golkar
ini'), and anonymous sources ('Sumber di pemerintah', 'Seorang petinggi partai')."""

from __future__ import annotations

from warta.doc import Mention

_WU = [("Ken Wu", "PER", "Ken Wu"), ("China", "GPE", "China"), ("Jerman", "GPE", "Jerman"),
       ("Angela Merkel", "PER", "Angela Merkel")]


def test_quotes_title_description_is_the_person_introduced_with_it(hand_doc, resources, found_quotes):
    paras = ["Duta Besar China untuk Jerman, Ken Wu, memprotes pertemuan itu.",
             "Kanselir Angela Merkel baru kembali dari Beijing pekan lalu.",
             "Duta Besar China mengatakan Jerman tetap mitra dagang yang penting.",
             '"Kedaulatan China harus dihormati," tegas sang duta besar.']
    found = found_quotes(hand_doc(paras, _WU))
    assert found == [(False, "Jerman tetap mitra dagang yang penting", "Ken Wu"),
                     (True, "Kedaulatan China harus dihormati", "Ken Wu")]


def test_quotes_title_of_another_country_is_not_that_person(hand_doc, resources, found_quotes):
    paras = ["Duta Besar China untuk Jerman, Ken Wu, memprotes pertemuan itu.",
             "Duta Besar Jerman mengatakan hubungan kedua negara tetap baik."]
    found = found_quotes(hand_doc(paras, _WU))
    assert all(speaker != "Ken Wu" for _, _, speaker in found)


def test_quotes_description_with_demonstrative_takes_the_recent_speaker(hand_doc, resources, found_quotes):
    paras = ['"Kami belum siap berkunjung," kata Trump kepada wartawan.',
             "Presiden 73 tahun itu mengatakan, kunjungan ke Pyongyang tetap mungkin di masa depan.",
             "Presiden ke-45 dalam sejarah AS menyatakan bahwa perundingan masih berjalan baik."]
    doc = hand_doc(paras, [("Trump", "PER", "Donald Trump"), ("Pyongyang", "GPE", "Pyongyang"), ("AS", "GPE", "AS")])
    found = found_quotes(doc)
    assert (False, "kunjungan ke Pyongyang tetap mungkin di masa depan", "Donald Trump") in found
    assert (False, "perundingan masih berjalan baik", "Donald Trump") in found


def test_quotes_party_inside_a_person_description_is_not_the_speaker(hand_doc, resources, found_quotes):
    paras = ['"Kami akan menunda pengesahan," terang Bamsoet.',
             "Baca juga:",
             "Selain itu, politikus Partai Golkar ini menghargai mahasiswa yang berdemo.",
             '"Kemarin kami menerima utusan mahasiswa," tandasnya.']
    doc = hand_doc(paras, [("Bamsoet", "PER", "Bambang Soesatyo"), ("Partai Golkar", "ORG", "Partai Golkar")])
    found = found_quotes(doc)
    assert (True, "Kemarin kami menerima utusan mahasiswa", "Bambang Soesatyo") in found


def test_quotes_anonymous_source_gets_no_quote(hand_doc, resources, found_quotes):
    paras = ["Sumber di pemerintah Jerman pada Senin, 16 September 2019, mengatakan larangan ekspor akan diperpanjang.",
             ("Sumber di Istana tak memastikan agenda pertemuan dengan Jokowi. "
              '"Belum tahu waktunya. Sedang dipastikan," katanya.')]
    doc = hand_doc(paras, [("Jerman", "GPE", "Jerman"), ("Jokowi", "PER", "Joko Widodo")])
    joko = doc.entities[1]
    cue = doc.text.index("katanya")
    doc.mentions.append(Mention("mp", cue + 4, cue + 7, "PER", kind="pronoun", entity=joko.id))
    assert found_quotes(doc) == []


def test_quotes_pronoun_after_an_anonymous_source_is_not_resolved(hand_doc, resources, found_quotes):
    paras = [("Seorang petinggi partai pendukung pemerintah mengungkapkan rencana itu. "
              "Menurut dia, pertemuan Jokowi dengan pimpinan KPK digelar Senin."),
             '"Tapi entah kalau jadwal bergeser," ucapnya.',
             "Ketua KPK Agus Rahardjo berbicara di Jakarta. Menurut dia, KPK belum menerima undangan resmi."]
    doc = hand_doc(paras, [("Jokowi", "PER", "Joko Widodo"), ("KPK", "ORG", "KPK"),
                           ("Agus Rahardjo", "PER", "Agus Rahardjo")])
    assert found_quotes(doc) == [(False, "KPK belum menerima undangan resmi", "Agus Rahardjo")]


def test_quotes_pronoun_speaker_after_the_verb_is_resolved_in_context(hand_doc, resources, found_quotes):
    paras = ['"Pasukan itu ada untuk melindungi warga," papar Wiranto.',
             "Wiranto juga mengapresiasi Panglima TNI Hadi Tjahjanto yang berkantor di Papua.",
             '"Mudah-mudahan keadaan semakin normal," kata dia.']
    doc = hand_doc(paras, [("Wiranto", "PER", "Wiranto"), ("Hadi Tjahjanto", "PER", "Hadi Tjahjanto"),
                           ("Papua", "GPE", "Papua")])
    hadi = doc.entities[1]
    cue = doc.text.index("kata dia") + 5
    doc.mentions.append(Mention("mp", cue, cue + 3, "PER", kind="pronoun", entity=hadi.id))
    found = found_quotes(doc)
    assert (True, "Mudah-mudahan keadaan semakin normal", "Wiranto") in found
