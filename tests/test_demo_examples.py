"""The bundled examples, `warta demo` and the table renderer."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.demo import example_documents, load_examples, run_demo
from warta.doc import Document, Entity, Event, Mention, Quote
from warta.render import render_table
from warta.stages import layout

# What each example's layout must yield: its outlet's dateline convention, credits, related count.
EXPECTED = {
    "antara-ri-filipina-patroli": ("Manila", "ANTARA", [], 2),
    "kompas-dpr-natuna": ("Jakarta", "KOMPAS.com", [], 2),
    "detik-densus-terduga": ("Jakarta", None, [], 1),
    "tempo-kemlu-gaza": ("Jakarta", "TEMPO.CO", ["Al Jazeera"], 2),
    "sindonews-rusia-nato": ("Moskow", None, ["Reuters", "Anadolu Agency"], 0),
}


def test_demo_examples_index_lists_five_outlets():
    examples = load_examples()
    assert {e.id for e in examples} == set(EXPECTED)
    for example in examples:
        words = len(example.path.read_text(encoding="utf-8").split())
        assert 200 <= words <= 400, (example.id, words)


def test_demo_examples_layout_follows_outlet_conventions(resources):
    for doc in example_documents(resources):
        doc = layout.run(doc, resources)
        place, agency, credits, related = EXPECTED[doc.id]
        meta = doc.metadata
        assert (meta.dateline_place, meta.agency, meta.credits, len(meta.related)) == \
            (place, agency, credits, related), doc.id
        assert doc.paragraphs[0].kind == "headline" and meta.title
        assert doc.published and meta.outlet


def test_demo_examples_trailers_recognised(resources):
    docs = {d.id: layout.run(d, resources) for d in example_documents(resources)}
    antara = docs["antara-ri-filipina-patroli"]
    assert antara.metadata.authors == ["Andi Firmansyah"] and antara.metadata.editors == ["Maria Rosari"]
    assert len(antara.metadata.captions) == 1
    detik = docs["detik-densus-terduga"].paragraphs[-1]
    assert detik.kind == "trailer" and docs["detik-densus-terduga"].span(detik.start, detik.end) == "(azh/knv)"


def test_demo_run_table_and_json():
    text = run_demo("table")
    for doc_id in EXPECTED:
        assert f"== {doc_id}" in text
    assert "dateline : Manila / ANTARA" in text
    payload = json.loads(run_demo("json"))
    assert [d["id"] for d in payload["documents"]] == list(EXPECTED)
    assert "layout" in payload["stages"] and payload["failures"] == []
    restored = Document.from_dict(payload["documents"][0])
    assert restored.metadata.dateline_place == "Manila"


def test_demo_cli_exits_zero():
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "kompas-dpr-natuna" in result.output


def _small_doc():
    text = 'Jakarta (ANTARA) - Menlu RI bertemu Menlu Jepang. "Kami sepakat," kata Menlu RI.'
    doc = Document(id="kecil", text=text, published="2024-01-02")

    def at(word):
        start = text.index(word)
        return start, start + len(word)

    doc.mentions = [Mention("m1", *at("Menlu RI"), "PER"), Mention("m2", *at("Menlu Jepang"), "PER")]
    doc.entities = [Entity("e1", "Menlu RI", "PER", ["m1"], actor="IDNGOV"),
                    Entity("e2", "Menlu Jepang", "PER", ["m2"], actor=None)]
    cue = at("kata")
    doc.quotes = [Quote("q1", *at("Kami sepakat"), True, speaker="e1", cue_start=cue[0], cue_end=cue[1])]
    doc.events = [Event("v1", "040", 0, source="IDNGOV", target="JPNGOV", date="2024-01-02")]
    return doc


def test_demo_render_table_lists_every_slot():
    out = render_table(_small_doc())
    assert "Article kecil" in out and "2024-01-02" in out
    assert "Entities (2)" in out and "IDNGOV" in out and "Menlu Jepang" in out
    assert "Quotes (1)" in out and "Kami sepakat" in out and "direct" in out and "kata" in out
    assert "Events (1)" in out and "040" in out and "JPNGOV" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_demo_render_table_empty_document():
    out = render_table(Document(id="kosong", text=""))
    assert "Entities: none found" in out and "Quotes: none found" in out and "Events: none found" in out


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_demo_cli_extract_formats(tmp_path, fmt):
    path = tmp_path / "a.txt"
    path.write_text((load_examples()[0].path).read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)["metadata"]["agency"] == "ANTARA"
    else:
        assert "Manila" in result.output and "ANTARA" in result.output
