"""Table exports (CSV, JSONL, Parquet) and the GKG-like record per article."""

from __future__ import annotations

import csv
import json

import pytest

from warta.doc import Document, Entity, Mention, Metadata, Quote
from warta.errors import InputError
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.export import Filters, export
from warta.store.gdelt import GKG_COLUMNS
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles

TEXT = ('MAKASSAR (ANTARA) - Gubernur Sulawesi Selatan Andi Sudirman menyerahkan sertifikat 11 bidang tanah '
        'kepada warga Makassar pada Senin. "Sertifikat ini melindungi hak warga," kata Andi di Makassar.')


def _certificate_doc():
    doc = Document(id="sertifikat", text=TEXT, published="2019-09-16",
                   metadata=Metadata(url="https://kabar.example.id/sertifikat", outlet="Kabar Sulawesi"))
    andi = TEXT.index("Andi Sudirman")
    city = TEXT.index("Makassar", 30)
    doc.mentions = [Mention("m1", andi, andi + 13, "PER", entity="e1"),
                    Mention("m2", city, city + 8, "GPE", entity="e2")]
    doc.entities = [Entity("e1", "Andi Sudirman", "PER", mentions=["m1"], actor="IDNGOV", title="Gubernur"),
                    Entity("e2", "Makassar", "GPE", mentions=["m2"], country="IDN", latitude=-5.13, longitude=119.41),
                    Entity("e3", "ANTARA", "ORG")]
    q_start = TEXT.index("Sertifikat ini")
    q_end = TEXT.index(",\" kata")
    cue = TEXT.index("kata Andi")
    doc.quotes = [Quote("q1", q_start, q_end, True, speaker="e1", cue_start=cue, cue_end=cue + 4)]
    return doc


@pytest.fixture
def table_store(store_target):
    with Store(store_target) as store:
        ingest([_certificate_doc(), *(a.to_document() for a in make_articles(12, seed=4))], store, Pipeline([]),
               version="t")
        yield store


def test_export_gkg_record_has_people_places_quotes_amounts(table_store, tmp_path):
    out = tmp_path / "gkg.tsv"
    n = export(table_store, "gkg", out, filters=Filters(since="2019-09-16", until="2019-09-16"))
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) >= 1 and all(len(r) == len(GKG_COLUMNS) for r in rows)
    record = dict(zip(GKG_COLUMNS, next(r for r in rows if r[4] == "https://kabar.example.id/sertifikat")))
    assert record["Persons"] == "Andi Sudirman" and record["Organizations"] == "ANTARA"
    assert record["V2Persons"] == f"Andi Sudirman,{TEXT.index('Andi Sudirman')}"
    assert record["Locations"].startswith("4#Makassar#IDN##-5.13#119.41")
    assert "Sertifikat ini melindungi hak warga" in record["Quotations"]
    assert record["Quotations"].endswith("|Andi Sudirman") and "|kata|" in record["Quotations"]
    assert f"11,bidang,{TEXT.index('11 bidang')}" in record["Amounts"].split(";")
    assert record["DATE"] == "20190916000000" and record["SourceCommonName"] == "Kabar Sulawesi"


@pytest.mark.parametrize("table", ["events", "entities", "quotes"])
def test_export_tables_csv_jsonl_agree(table_store, tmp_path, table):
    n_csv = export(table_store, "csv", tmp_path / "t.csv", table=table)
    n_jsonl = export(table_store, "jsonl", tmp_path / "t.jsonl", table=table)
    with (tmp_path / "t.csv").open(encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    json_rows = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n_csv == n_jsonl == len(csv_rows) == len(json_rows) > 0
    assert set(csv_rows[0]) == set(json_rows[0]) and "url" in json_rows[0]


def test_export_parquet_round_trips_and_filters(table_store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    n = export(table_store, "parquet", tmp_path / "e.parquet", table="events", filters=Filters(code="17"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == n > 0 and set(table.column("code").to_pylist()) == {"173"}
    quotes = export(table_store, "parquet", tmp_path / "q.parquet", table="quotes", filters=Filters(actor="Andi"))
    assert quotes == 1 and pq.read_table(tmp_path / "q.parquet").column("speaker_name").to_pylist() == ["Andi Sudirman"]
    with pytest.raises(InputError, match="-o"):
        export(table_store, "parquet", "-")
    with pytest.raises(InputError, match="without %"):
        export(table_store, "csv", tmp_path / "x.csv", filters=Filters(actor="%"))


def test_export_amounts_from_tokens_and_from_text():
    from warta.doc import Token
    from warta.store.rows import amount_rows

    text = "Banjir merendam 2,5 juta jiwa dan 1.200 rumah pada 2019 lalu."
    plain = Document(id="a", text=text)
    found = {(r["object"], r["value"]) for r in amount_rows(plain, 1)}
    assert found == {("jiwa", 2_500_000.0), ("rumah", 1200.0)}
    tokens = []
    for word in text.rstrip(".").split():
        start = text.index(word, tokens[-1].end if tokens else 0)
        kind = "number" if word[0].isdigit() else "word"
        tokens.append(Token(start, start + len(word), kind=kind))
    tokenised = Document(id="b", text=text, tokens=tokens)
    assert {(r["object"], r["value"]) for r in amount_rows(tokenised, 1)} == found
