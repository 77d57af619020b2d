"""Regression tests for what the fuzzers and the hardening runs found (docs/hardening.md)."""

from __future__ import annotations

import pytest

from warta.doc import Document
from warta.pipeline import Failure
from warta.read import iter_documents

pytestmark = pytest.mark.timeout(60)


def test_hardening_regressions_feed_entry_without_summary(tmp_path, resources):
    """bench/fuzz_reader.py: broken Atom markup leaves an entry whose summary is None; the
    reader crashed with a TypeError instead of reading the title or failing in one line."""
    path = tmp_path / "rusak.xml"
    path.write_bytes(b"<feed xm&lns='http://www.w3.org/2005/Atom'><entry><title>A</titlegi ke pasar.</content>")
    items = list(iter_documents([str(path)], res=resources))
    assert items and all(isinstance(i, (Document, Failure)) for i in items)
    assert all("\n" not in i.error for i in items if isinstance(i, Failure))


def test_hardening_regressions_speaker_phrase_scan_is_local(pipeline, span_problems):
    """Thousands of '"...," kata X.' sentences in one paragraph: the speaker phrase after each
    saying verb was found by listing every word to the end of the paragraph (quadratic); the
    quotes stay correct now that the scan stops at the phrase's end."""
    text = "Presiden mengatakan bahwa pemerintah siap. " + " ".join(['"Kami siap," kata Joko Widodo.'] * 300)
    doc = pipeline.process(Document("kutipan", text))
    assert span_problems(doc) == []
    direct = [q for q in doc.quotes if q.direct]
    assert len(direct) == 300
    assert {doc.span(q.start, q.end) for q in direct} == {"Kami siap"}
    assert {doc.span(q.cue_start, q.cue_end) for q in direct} == {"kata"}
    assert {doc.entity(q.speaker).name for q in direct} == {"Joko Widodo"}
