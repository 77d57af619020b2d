"""Curly quotes and dashes decoded as Mac Roman ("‚Äú" for "“"), as scraped news often carries
them: one token each, read as the mark they stand for, so no name is glued to them."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline
from warta.stages import tokens as stage
from warta.stages.tokenizer import mark


def _run(resources, text):
    return stage.run(Document(id="t", text=text), resources)


def test_tokens_mojibake_quotes_are_single_tokens(resources):
    doc = _run(resources, "‚ÄúKami siap berunding,‚Äù kata Retno di Jakarta ‚Äì Senin.")
    words = [(doc.token_text(t), t.kind) for t in doc.tokens]
    assert words[0] == ("‚Äú", "quote") and words[1] == ("Kami", "word")
    assert ("‚Äù", "quote") in words and ("‚Äì", "punct") in words
    assert len(doc.sentences) == 1


def test_tokens_mojibake_closing_quote_ends_the_sentence(resources):
    doc = _run(resources, "Ia berkata, ‚ÄúKami siap.‚Äù Menurut dia, perundingan dimulai Senin.")
    assert [doc.sentence_text(s) for s in doc.sentences] == [
        "Ia berkata, ‚ÄúKami siap.‚Äù", "Menurut dia, perundingan dimulai Senin."]


def test_tokens_mojibake_mark_reads_the_real_character():
    text = "a ‚Äù b ‚Äò c ‚Äî d ‚ e"
    assert [mark(text, text.index(x)) for x in ("‚Äù", "‚Äò", "‚Äî")] == ["”", "‘", "—"]
    assert mark(text, len(text) - 3) == "‚"  # a lone low quote stays itself


def test_tokens_mojibake_quote_is_not_part_of_a_name(resources):
    doc = Pipeline(["layout", "tokens", "entities"], resources=resources).process(Document(
        id="t", text="Menlu Retno Marsudi mengatakan, ‚ÄúResolusi PBB itu penting bagi Afghanistan.‚Äù"))
    names = [doc.text[m.start:m.end] for m in doc.mentions]
    assert not any("Ä" in n for n in names)
    assert "Afghanistan" in names
