"""GDELT 2.0 exports: Events TSV with 61 columns a GDELT reader loads; Mentions TSV; filters."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.doc import Document, Entity, Event, Explanation, Metadata, Place
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.export import Filters, export
from warta.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, split_actor
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles

CAMEO = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "cameo"


def _attack_report(doc_id, outlet, url):
    text = ("RIYADH (ANTARA) - Kelompok Houthi menyerang fasilitas minyak Saudi Aramco di Abqaiq pada Sabtu "
            f"(14/9/2019). Laporan {doc_id}.")
    start = text.index("menyerang")
    doc = Document(id=doc_id, text=text, published="2019-09-14", metadata=Metadata(url=url, outlet=outlet))
    doc.entities = [Entity("e1", "Houthi", "ORG", actor="YEMREB", country="YEM"),
                    Entity("e2", "Saudi Aramco", "ORG", actor="SAUBUS", country="SAU")]
    doc.events = [Event(id="e1", code="1951", sentence=0, source="YEMREB", target="SAUBUS", source_entity="e1",
                        target_entity="e2", date="2019-09-14", is_root=True, base_code="195", root_code="19",
                        quad_class=4, goldstein=-10.0,
                        place=Place("Abqaiq", "SAU", 25.94, 49.68, feature="city"),
                        explanation=Explanation(0, start, start + 9, "menyerang", source_span=(24, 30),
                                                target_span=(start + 27, start + 39)))]
    return doc


@pytest.fixture
def gdelt_store(store_target):
    docs = [_attack_report("r1", "Harian Satu", "https://satu.example.id/a"),
            _attack_report("r2", "Kabar Dua", "https://dua.example.id/b"),
            _attack_report("r3", "Kabar Dua", None)]
    docs += [a.to_document() for a in make_articles(20, seed=2)]
    with Store(store_target) as store:
        ingest(docs, store, Pipeline([]), version="t")
        yield store


def test_export_gdelt_tsv_loads_in_pandas_with_official_columns(gdelt_store, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.tsv"
    count = export(gdelt_store, "gdelt", out)
    names = list(EVENT_COLUMNS)
    official = CAMEO / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    if official.exists():
        with official.open(encoding="utf-8") as handle:
            names = [row[0] for row in list(csv.reader(handle))[1:]]
        assert names == list(EVENT_COLUMNS)
    frame = pd.read_csv(out, sep="\t", header=None, names=names, dtype={"EventCode": str, "EventBaseCode": str,
                                                                         "EventRootCode": str})
    assert frame.shape == (count, 61)
    attack = frame[frame["EventBaseCode"] == "195"]
    assert len(attack) == 1
    row = attack.iloc[0]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (3, 2, 3)
    assert row["SQLDATE"] == 20190914 and row["MonthYear"] == 201909 and row["Year"] == 2019
    assert row["FractionDate"] == pytest.approx(2019 + (9 * 30 + 14) / 365, abs=1e-4)
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "YEMREB", "HOUTHI", "YEM", "REB")
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2Type1Code"]) == ("SAUBUS", "SAU", "BUS")
    assert row["EventCode"] == "1951" and row["EventRootCode"] == "19" and row["IsRootEvent"] == 1
    assert row["QuadClass"] == 4 and row["GoldsteinScale"] == -10.0
    assert row["ActionGeo_FullName"] == "Abqaiq" and row["ActionGeo_Lat"] == pytest.approx(25.94)
    assert row["ActionGeo_Type"] == 4
    assert row["SOURCEURL"] == "https://satu.example.id/a"
    assert str(row["DATEADDED"]).isdigit() and len(str(row["DATEADDED"])) == 14
    assert frame["GLOBALEVENTID"].is_unique


def test_export_gdelt_header_and_filters(gdelt_store, tmp_path):
    out = tmp_path / "h.tsv"
    n_all = export(gdelt_store, "gdelt", out, header=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(EVENT_COLUMNS) and len(lines) == n_all + 1
    assert all(len(line.split("\t")) == 61 for line in lines)
    n_attack = export(gdelt_store, "gdelt", tmp_path / "x.tsv", filters=Filters(code="19"))
    n_yemen = export(gdelt_store, "gdelt", tmp_path / "y.tsv", filters=Filters(actor="yem"))
    n_named = export(gdelt_store, "gdelt", tmp_path / "z.tsv", filters=Filters(actor="houthi"))
    n_day = export(gdelt_store, "gdelt", tmp_path / "d.tsv", filters=Filters(since="2019-09-14", until="2019-09-14"))
    assert n_attack == n_yemen == n_named == n_day == 1
    some = export(gdelt_store, "gdelt", tmp_path / "s.tsv", filters=Filters(since="2019-09-10", until="2019-09-11"))
    dates = {line.split("\t")[1] for line in (tmp_path / "s.tsv").read_text(encoding="utf-8").splitlines()}
    assert 0 < some < n_all and dates <= {"20190910", "20190911"}


def test_export_mentions_tsv_points_at_every_report(gdelt_store, tmp_path):
    out = tmp_path / "m.tsv"
    export(gdelt_store, "mentions", out, filters=Filters(code="195"))
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(len(r) == len(MENTION_COLUMNS) == 16 for r in rows)
    assert len({r[0] for r in rows}) == 1  # one GLOBALEVENTID
    by_id = {r[5]: r for r in rows}
    web = by_id["https://satu.example.id/a"]
    assert web[3] == "1" and web[4] == "Harian Satu" and web[6] == "1"
    text = _attack_report("r1", "", "").text
    assert int(web[9]) == text.index("menyerang") and int(web[7]) == 24 and web[11] == "100"
    citation = [r for r in rows if r[3] == "2"]
    assert len(citation) == 1 and citation[0][5].startswith("Kabar Dua")


def test_export_cli_writes_gdelt_and_rejects_bad_dates(gdelt_store, tmp_path):
    if gdelt_store.kind != "sqlite":
        pytest.skip("the CLI path is the same for both backends")
    out = tmp_path / "cli.tsv"
    ok = CliRunner().invoke(main, ["export", "--db", gdelt_store.target, "--format", "gdelt", "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    assert all(len(line.split("\t")) == 61 for line in out.read_text(encoding="utf-8").splitlines())
    bad = CliRunner().invoke(main, ["export", "--db", gdelt_store.target, "--since", "14/9/2019"])
    assert bad.exit_code != 0 and "--since must be a date" in bad.output
    missing = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "does not exist" in missing.output


def test_export_gdelt_splits_cameo_actor_codes():
    assert split_actor("IDNGOVMIL") == {"country": "IDN", "group": "", "types": ["GOV", "MIL", ""]}
    assert split_actor("IGOUNO")["group"] == "UNO"
    assert split_actor("COP", country="IDN") == {"country": "IDN", "group": "", "types": ["COP", "", ""]}
    assert split_actor(None)["types"] == ["", "", ""]
