"""Quote boundaries: a quote cut from its reporting clause by a paragraph break, quoted fragments
inside a paraphrase, and passive pointers back to a direct quote."""

from __future__ import annotations


def test_quotes_closing_mark_opening_next_paragraph_closes_the_quote(hand_doc, resources, found_quotes):
    paras = ["Wakil Ketua KPK Laode Syarif berharap pemerintah mengajak KPK berdialog.",
             '"Kami berharap diajak bicara soal revisi undang-undang',
             '" kata Agus Rahardjo di Jakarta. Agus mengatakan, pimpinan KPK akan menunggu undangan Presiden.']
    doc = hand_doc(paras, [("Laode Syarif", "PER", "Laode Syarif"), ("KPK", "ORG", "KPK"),
                           ("Agus Rahardjo", "PER", "Agus Rahardjo"), ("Agus", "PER", "Agus Rahardjo")])
    found = found_quotes(doc)
    assert (True, "Kami berharap diajak bicara soal revisi undang-undang", "Agus Rahardjo") in found
    assert (False, "pimpinan KPK akan menunggu undangan Presiden", "Agus Rahardjo") in found
    assert len(found) == 2  # the reporting clause is not itself a quote


def test_quotes_open_quote_continued_by_a_new_quote_paragraph_is_not_closed(hand_doc, resources, found_quotes):
    paras = ['Menteri Luar Negeri Retno Marsudi berbicara di Jakarta. "Kami siap berunding',
             '"Kami juga siap membantu," kata Retno.']
    doc = hand_doc(paras, [("Retno Marsudi", "PER", "Retno Marsudi"), ("Retno", "PER", "Retno Marsudi")])
    texts = [t for _, t, _ in found_quotes(doc)]
    assert "Kami siap berunding" in texts and "Kami juga siap membantu" in texts


def test_quotes_fragment_inside_a_paraphrase_is_an_indirect_quote(hand_doc, resources, found_quotes):
    text = 'Wong mengatakan Hong Kong adalah benteng antara dunia bebas dan "kediktatoran Beijing".'
    doc = hand_doc([text], [("Wong", "PER", "Joshua Wong"), ("Hong Kong", "GPE", "Hong Kong")])
    [(direct, span, speaker)] = found_quotes(doc)
    assert not direct and speaker == "Joshua Wong"
    assert span.startswith("Hong Kong adalah benteng") and "kediktatoran Beijing" in span


def test_quotes_fragment_carrying_the_clause_stays_direct(hand_doc, resources, found_quotes):
    text = 'Khalilzad mengatakan bahwa kedua pihak "berada di ambang kesepakatan."'
    doc = hand_doc([text], [("Khalilzad", "PER", "Zalmay Khalilzad")])
    assert found_quotes(doc) == [(True, "berada di ambang kesepakatan.", "Zalmay Khalilzad")]


def test_quotes_passive_pointer_to_a_direct_quote_adds_no_quote(hand_doc, resources, found_quotes):
    text = ('"Kami berharap pembahasan itu tidak terburu-buru," kata Ruki. '
            "Hal senada disampaikan oleh mantan Wakil Ketua KPK Chandra Hamzah.")
    doc = hand_doc([text], [("Ruki", "PER", "Taufiequrachman Ruki"), ("Chandra Hamzah", "PER", "Chandra Hamzah"),
                            ("KPK", "ORG", "KPK")])
    assert found_quotes(doc) == [(True, "Kami berharap pembahasan itu tidak terburu-buru", "Taufiequrachman Ruki")]
