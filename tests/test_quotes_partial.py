"""A quoted fragment inside reported speech: the whole report is ONE indirect quote by the
reporting clause's subject, unless the fragment closes the sentence inside its own marks."""

from __future__ import annotations


def test_quotes_partial_fragment_ending_outside_the_marks_is_indirect(hand_doc, resources, found_quotes):
    text = 'Menteri Luar Negeri Retno Marsudi mengatakan kelompok itu "harus segera menghentikan kekerasan".'
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi")])
    [(direct, span, speaker)] = found_quotes(doc)
    assert not direct and speaker == "Retno Marsudi"
    assert span.startswith("kelompok itu") and "harus segera menghentikan kekerasan" in span


def test_quotes_partial_fragment_after_adverbial_verb_belongs_to_the_subject(hand_doc, resources, found_quotes):
    text = ('Menteri Pertahanan Prabowo Subianto mengeluarkan pernyataan yang mengecam serangan di Papua, '
            'dengan mengatakan para pelaku "akan dikejar sampai tertangkap".')
    doc = hand_doc([text], [("Prabowo Subianto", "PER", "Prabowo Subianto"), ("Papua", "GPE", "Papua")])
    [(direct, span, speaker)] = found_quotes(doc)
    assert not direct and speaker == "Prabowo Subianto"
    assert "akan dikejar sampai tertangkap" in span


def test_quotes_partial_fragment_closed_inside_its_marks_stays_direct(hand_doc, resources, found_quotes):
    text = 'Retno mengatakan bahwa kedua negara "sudah dekat dengan kesepakatan."'
    doc = hand_doc([text], [("Retno", "PER", "Retno Marsudi")])
    assert found_quotes(doc) == [(True, "sudah dekat dengan kesepakatan.", "Retno Marsudi")]


def test_quotes_partial_label_for_an_act_is_no_quote(hand_doc, resources, found_quotes):
    # "menyebutnya sebagai ...": the clitic is the act just named; the words label it, they report nothing
    text = ('Menteri Luar Negeri Retno Marsudi menolak keputusan itu, menyebutnya sebagai langkah yang '
            '"tidak dapat diterima".')
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi")])
    assert found_quotes(doc) == []
