"""A quote nested in a report ("Reuters menyatakan X pernah mengatakan bahwa,”...”"): the quoted
words are X's, the outlet's report is the clause around them; a report repeated by a passive
pointer ("Hal itu disampaikan Y") keeps its first named speaker."""

from __future__ import annotations

from warta.stages import quotes


def test_quotes_nested_quote_glued_to_its_cue_is_the_inner_speakers(hand_doc, resources, found_quotes):
    text = ("Namun, Antara menyatakan Menlu Retno Marsudi pernah mengatakan pada 3 Mei bahwa,”Kami siap "
            "berunding dengan semua pihak.”")
    doc = hand_doc([text], [("Antara", "ORG", "Antara"), ("Retno Marsudi", "PER", "Retno Marsudi")])
    found = found_quotes(doc)
    assert (True, "Kami siap berunding dengan semua pihak.", "Retno Marsudi") in found
    [report] = [f for f in found if not f[0]]
    assert report[2] == "Antara" and report[1].startswith("Menlu Retno Marsudi pernah mengatakan")
    assert "Kami siap" not in report[1]


def test_quotes_nested_passive_pointer_keeps_the_named_speaker(hand_doc, resources, found_quotes):
    text = ("Kelompok Abu Sayyaf mengatakan kepada Filipina bahwa sandera akan dibebaskan jika tebusan dibayar. "
            "Hal itu disampaikan juru bicara kelompok itu Abu Rami dalam sebuah wawancara.")
    doc = hand_doc([text], [("Abu Sayyaf", "ORG", "Abu Sayyaf"), ("Filipina", "GPE", "Filipina"),
                            ("Abu Rami", "PER", "Abu Rami")])
    assert found_quotes(doc) == [(False, "sandera akan dibebaskan jika tebusan dibayar", "Abu Sayyaf")]


def test_quotes_nested_abbreviation_after_addressee_is_not_content(hand_doc, resources):
    text = "Taliban mengatakan kepada Amerika Serikat (AS) bahwa pintu perundingan masih terbuka."
    doc = hand_doc([text], [("Taliban", "ORG", "Taliban"), ("Amerika Serikat", "GPE", "Amerika Serikat"),
                            ("AS", "GPE", "Amerika Serikat")])
    [q] = quotes.run(doc, resources).quotes
    assert doc.span(q.start, q.end) == "pintu perundingan masih terbuka"
    assert doc.entity(q.addressee).name == "Amerika Serikat"


def test_quotes_nested_report_noun_opens_the_content(hand_doc, resources, found_quotes):
    text = "Secara terpisah, Jokowi mengatakan kabar bahwa dia akan mundur sebagai tidak benar."
    doc = hand_doc([text], [("Jokowi", "PER", "Joko Widodo")])
    assert found_quotes(doc) == [(False, "kabar bahwa dia akan mundur sebagai tidak benar", "Joko Widodo")]
