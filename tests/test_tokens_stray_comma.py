"""Scraped pages that flatten paragraph breaks to commas: ". ,Berikutnya" still ends a sentence."""

from __future__ import annotations

from warta.doc import Document
from warta.stages import tokens as stage


def _sentences(resources, text):
    doc = stage.run(Document(id="t", text=text), resources)
    return [doc.sentence_text(s) for s in doc.sentences]


def test_tokens_stray_comma_before_capital_ends_sentence(resources):
    got = _sentences(resources, "Harga minyak naik tajam. ,Amerika Serikat memperketat sanksi.")
    assert len(got) == 2 and got[1].startswith("Amerika Serikat")


def test_tokens_stray_comma_before_glued_quote_ends_sentence(resources):
    got = _sentences(resources, 'Kami belum siap," katanya. ,"Dan kita akan lihat nanti."')
    assert len(got) == 2 and got[1].startswith('"Dan kita')


def test_tokens_stray_comma_before_lowercase_keeps_sentence(resources):
    got = _sentences(resources, "Ia tiba di kantor dinas. , lalu rapat dimulai.")
    assert len(got) == 1
