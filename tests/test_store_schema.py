"""The schema: created on first use, versioned migrations, plain column types, full-text search."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect

from warta.errors import StoreError
from warta.pipeline import Pipeline
from warta.store import Store, schema
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles


def test_store_schema_created_on_first_use_with_version(store_target):
    with Store(store_target) as store:
        assert store.version == schema.LATEST
        names = set(inspect(store.engine).get_table_names())
        assert {"articles", "entities", "mentions", "quotes", "events", "global_events", "event_mentions",
                "failures", "schema_version"} <= names
        with store.read() as conn:
            versions = [r[0] for r in conn.exec_driver_sql("SELECT version FROM schema_version ORDER BY version")]
        assert versions == [n for n, _, _ in schema.MIGRATIONS]
    # Opening again applies nothing new.
    with Store(store_target) as again, again.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM schema_version").scalar() == len(schema.MIGRATIONS)


def test_store_schema_sqlite_file_is_wal(tmp_path):
    path = tmp_path / "w.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_schema_migrates_old_database_and_indexes_existing_articles(store_target):
    # A database left at version 1 (before the full-text index) with articles in it...
    store = Store(store_target, migrate=False)
    schema.migrate(store.engine, store.backend, target=1)
    ingest([a.to_document() for a in make_articles(6)], store, Pipeline([]), version="t")
    store.close()
    # ...is upgraded when opened, and the new index covers the articles already stored.
    with Store(store_target) as store:
        assert store.version == schema.LATEST
        hits = store.search("Laporan 00003")
        with store.read() as conn:
            doc_ids = {conn.exec_driver_sql(f"SELECT doc_id FROM articles WHERE id = {i}").scalar() for i in hits}
        assert "syn-00003" in doc_ids


def test_store_schema_newer_database_is_refused(store_target):
    Store(store_target).close()
    with Store(store_target) as store, store.write() as conn:
        conn.execute(schema.schema_version.insert().values(version=schema.LATEST + 5, applied=schema.now()))
    with pytest.raises(StoreError, match="newer"):
        Store(store_target)


def test_store_schema_fulltext_search_finds_words(store_target):
    arts = make_articles(40)
    with Store(store_target) as store:
        ingest([a.to_document() for a in arts], store, Pipeline([]), version="t")
        hits = store.search("sabu")
        with store.read() as conn:
            texts = [conn.exec_driver_sql(f"SELECT text FROM articles WHERE id = {i}").scalar() for i in hits]
        expected = sum("sabu" in a.text for a in arts)
        assert expected and len(hits) == min(expected, 20)
        assert all("sabu" in t for t in texts)
        assert store.search("") == []


def test_store_schema_tables_load_in_pandas_without_conversion(store_target):
    pd = pytest.importorskip("pandas")
    with Store(store_target) as store:
        ingest([a.to_document() for a in make_articles(10)], store, Pipeline([]), version="t")
        with store.engine.connect() as conn:
            events = pd.read_sql_table("events", conn)
            articles = pd.read_sql_table("articles", conn)
            ge = pd.read_sql_table("global_events", conn)
    assert len(events) == 10 and len(articles) == 10
    assert events["place_lat"].dtype.kind == "f"
    assert ge["num_mentions"].sum() == 10
    assert articles["metadata"].map(type).eq(str).all()  # JSON kept as text


def test_store_schema_sqlite_opens_with_plain_sqlite3_types(tmp_path):
    path = tmp_path / "p.db"
    with Store(str(path)) as store:
        ingest([a.to_document() for a in make_articles(3)], store, Pipeline([]), version="t")
    with sqlite3.connect(path) as conn:
        types = {row[2].split("(")[0] for t in ("articles", "events", "global_events")
                 for row in conn.execute(f"PRAGMA table_info({t})")}
        assert types <= {"INTEGER", "TEXT", "VARCHAR", "FLOAT", "BOOLEAN"}
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Laporan'").fetchone()[0] == 3


def test_store_schema_sqlite_fulltext_is_found_by_datasette(tmp_path):
    path = tmp_path / "d.db"
    with Store(str(path)) as store:
        ingest([a.to_document() for a in make_articles(12)], store, Pipeline([]), version="t")
    with sqlite3.connect(path) as conn:
        # datasette links an FTS table to its content table by this pattern in sqlite_master.
        fts = conn.execute("SELECT name FROM sqlite_master WHERE rootpage = 0 AND "
                           "sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"articles\"%'").fetchall()
        assert fts == [("articles_fts",)]
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    async def search():
        ds = datasette_app.Datasette([str(path)])
        await ds.invoke_startup()
        response = await ds.client.get("/d/articles.json?_search=sabu&_shape=objects&_col=text")
        return response.json()["rows"]

    # Its own thread, so an event loop another test's browser driver left running here does not matter.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        rows = pool.submit(asyncio.run, search()).result()
    assert rows and all("sabu" in r["text"] for r in rows)
