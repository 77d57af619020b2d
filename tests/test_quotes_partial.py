"""A quoted fragment inside reported speech: the whole report is ONE indirect quote by the
reporting clause's subject, unless the fragment closes the sentence inside its own marks."""

from __future__ import annotations

import pytest

from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _found(doc, res):
    return [(q.direct, doc.span(q.start, q.end), doc.entity(q.speaker).name if q.speaker else None)
            for q in quotes.run(doc, res).quotes]


def test_quotes_partial_fragment_ending_outside_the_marks_is_indirect(hand_doc, res):
    text = 'Menteri Luar Negeri Retno Marsudi mengatakan kelompok itu "harus segera menghentikan kekerasan".'
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi")])
    [(direct, span, speaker)] = _found(doc, res)
    assert not direct and speaker == "Retno Marsudi"
    assert span.startswith("kelompok itu") and "harus segera menghentikan kekerasan" in span


def test_quotes_partial_fragment_after_adverbial_verb_belongs_to_the_subject(hand_doc, res):
    text = ('Menteri Pertahanan Prabowo Subianto mengeluarkan pernyataan yang mengecam serangan di Papua, '
            'dengan mengatakan para pelaku "akan dikejar sampai tertangkap".')
    doc = hand_doc([text], [("Prabowo Subianto", "PER", "Prabowo Subianto"), ("Papua", "GPE", "Papua")])
    [(direct, span, speaker)] = _found(doc, res)
    assert not direct and speaker == "Prabowo Subianto"
    assert "akan dikejar sampai tertangkap" in span


def test_quotes_partial_fragment_closed_inside_its_marks_stays_direct(hand_doc, res):
    text = 'Retno mengatakan bahwa kedua negara "sudah dekat dengan kesepakatan."'
    doc = hand_doc([text], [("Retno", "PER", "Retno Marsudi")])
    assert _found(doc, res) == [(True, "sudah dekat dengan kesepakatan.", "Retno Marsudi")]


def test_quotes_partial_label_for_an_act_is_no_quote(hand_doc, res):
    # "menyebutnya sebagai ...": the clitic is the act just named; the words label it, they report nothing
    text = ('Menteri Luar Negeri Retno Marsudi menolak keputusan itu, menyebutnya sebagai langkah yang '
            '"tidak dapat diterima".')
    doc = hand_doc([text], [("Retno Marsudi", "PER", "Retno Marsudi")])
    assert _found(doc, res) == []
