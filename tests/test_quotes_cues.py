"""Reporting cues beyond 'X mengatakan': fronted passives ('Dikatakan X, ...'), 'melanjutkan,',
a credit between the verb and the content, aspect words that belong to the content, and noun
objects that make the verb an act rather than speech."""

from __future__ import annotations


def test_quotes_fronted_passive_names_the_speaker(hand_doc, resources, found_quotes):
    text = "Dikatakan Bamsoet, dirinya sudah berkomunikasi dengan pimpinan fraksi di DPR."
    doc = hand_doc([text], [("Bamsoet", "PER", "Bambang Soesatyo"), ("DPR", "ORG", "DPR")])
    assert found_quotes(doc) == [(False, "dirinya sudah berkomunikasi dengan pimpinan fraksi di DPR",
                                 "Bambang Soesatyo")]


def test_quotes_melanjutkan_with_comma_reports_speech(hand_doc, resources, found_quotes):
    paras = ["Wiranto melanjutkan, pasukan TNI di Papua tidak melakukan aksi represif.",
             "Pemerintah melanjutkan pembangunan jalan di Papua."]
    doc = hand_doc(paras, [("Wiranto", "PER", "Wiranto"), ("TNI", "ORG", "TNI"), ("Papua", "GPE", "Papua")])
    assert found_quotes(doc) == [(False, "pasukan TNI di Papua tidak melakukan aksi represif", "Wiranto")]


def test_quotes_credit_between_verb_and_content_is_skipped(hand_doc, resources, found_quotes):
    text = ("Juru bicara Taliban Zabihullah Mujahid mengatakan seperti diberitakan Reuters, Selasa (10/9/2019), "
            "mereka mempunyai dua cara untuk mengakhiri pendudukan.")
    doc = hand_doc([text], [("Zabihullah Mujahid", "PER", "Zabihullah Mujahid"), ("Taliban", "ORG", "Taliban"),
                            ("Reuters", "ORG", "Reuters")])
    assert found_quotes(doc) == [(False, "mereka mempunyai dua cara untuk mengakhiri pendudukan",
                                 "Zabihullah Mujahid")]


def test_quotes_aspect_word_after_the_verb_belongs_to_the_content(hand_doc, resources, found_quotes):
    text = "Presiden Donald Trump mengatakan telah memerintahkan sanksi baru terhadap Iran."
    doc = hand_doc([text], [("Donald Trump", "PER", "Donald Trump"), ("Iran", "GPE", "Iran")])
    [(direct, span, speaker)] = found_quotes(doc)
    assert not direct
    assert span == "telah memerintahkan sanksi baru terhadap Iran" and speaker == "Donald Trump"


def test_quotes_noun_object_is_not_reported_content(hand_doc, resources, found_quotes):
    paras = ["Netanyahu pada Rabu menyatakan keinginannya untuk mencaplok Lembah Yordan.",
             "Netanyahu menyatakan, dukungan warga Israel terhadap rencana itu sangat besar."]
    doc = hand_doc(paras, [("Netanyahu", "PER", "Benjamin Netanyahu"), ("Lembah Yordan", "LOC", "Lembah Yordan")])
    assert found_quotes(doc) == [(False, "dukungan warga Israel terhadap rencana itu sangat besar",
                                 "Benjamin Netanyahu")]
