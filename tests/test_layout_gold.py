"""The layout stage recovers exactly the metadata the gold files record."""

from __future__ import annotations

import json

import pytest

from warta.doc import Document
from warta.stages import layout


def _gold_files(gold_dir):
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        pytest.skip("no gold files")
    return files


def test_layout_gold_metadata_matches_every_file(gold_dir, resources):
    mismatches = []
    for path in _gold_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = layout.run(Document(id=gold["id"], text=gold["text"]), resources)
        meta = doc.metadata
        got = {"dateline_place": meta.dateline_place, "agency": meta.agency,
               "credits": meta.credits, "related": meta.related}
        expected = {k: gold["metadata"].get(k) for k in got}
        if got != expected:
            mismatches.append((path.name, got, expected))
    assert not mismatches, mismatches


def test_layout_gold_paragraphs_cover_text_and_keep_it(gold_dir, resources):
    for path in _gold_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = layout.run(Document(id=gold["id"], text=gold["text"]), resources)
        assert doc.text == gold["text"]  # nothing removed
        story = "".join(doc.span(p.start, p.end) for p in doc.paragraphs)
        assert story.replace("\n", "").replace(" ", "") == gold["text"].replace("\n", "").replace(" ", "")
        starts = [p.start for p in doc.paragraphs]
        assert starts == sorted(starts)
        if not gold["metadata"]["dateline_place"]:
            # every gold file without a dateline opens with its headline line
            assert doc.paragraphs[0].kind == "headline"
            assert doc.metadata.title == gold["text"].split("\n", 1)[0]


def test_layout_gold_seed_layout_paragraphs(gold_dir, resources):
    gold = json.loads((gold_dir / "seed-000_6a9b5c857ed0914e.json").read_text(encoding="utf-8"))
    doc = layout.run(Document(id=gold["id"], text=gold["text"]), resources)
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds[-3:] == ["credit", "related", "related"]
    assert kinds[:-3] == ["body"] * (len(kinds) - 3)
    start, end = doc.metadata.dateline_span
    assert doc.span(start, end) == "Seoul, Korea Selatan (ANTARA) -"
