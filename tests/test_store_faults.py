"""Faults: a locked database or a full disk gives a one-line StoreError and a consistent database."""

from __future__ import annotations

import sqlite3

import pytest

from warta.doc import Document
from warta.errors import StoreError
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles


def _hold_write_lock(target: str):
    """A second connection that holds a write lock on the articles table; returns it open."""
    if target.startswith("postgresql"):
        import psycopg

        conn = psycopg.connect(target)
        conn.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
        return conn
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO failures (source, doc_id, kind, error, added) VALUES ('x', 'y', 'k', 'e', 'now')")
    return conn


def test_store_faults_locked_database_is_a_clear_error(store_target):
    arts = make_articles(30)
    with Store(store_target) as store:
        ingest([a.to_document() for a in arts[:10]], store, Pipeline([]), version="t")
    blocker = _hold_write_lock(store_target)
    try:
        with Store(store_target, timeout=0.3) as store:
            with pytest.raises(StoreError, match="locked") as err:
                ingest([a.to_document() for a in arts[10:]], store, Pipeline([]), version="t")
            assert "\n" not in str(err.value)
    finally:
        blocker.rollback()
        blocker.close()
    with Store(store_target) as store:
        assert store.counts()["articles"] == 10 and store.counts()["failures"] == 0
        done = ingest([a.to_document() for a in arts], store, Pipeline([]), version="t")
        assert (done.new, done.duplicate) == (20, 10)


def test_store_faults_disk_full_rolls_back_the_batch(tmp_path):
    path = str(tmp_path / "full.db")
    small = [a.to_document() for a in make_articles(10)]
    with Store(path) as store:
        ingest(small, store, Pipeline([]), version="t")
    with sqlite3.connect(path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # The database may grow by a few pages only; the next batch needs far more.
    big = [Document(id=f"big{i}", text=f"Artikel panjang nomor {i}. " + "Kata demi kata ditulis. " * 400,
                    published="2019-09-20") for i in range(30)]
    with Store(path, pragmas={"max_page_count": pages + 4}) as store:
        with pytest.raises(StoreError, match="full") as err:
            ingest(big, store, Pipeline([]), version="t", batch_size=30)
        assert "\n" not in str(err.value)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
        assert conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')") is not None
    with Store(path) as store:  # room again: the same ingest finishes
        assert ingest(big, store, Pipeline([]), version="t").new == 30


def test_store_faults_unreachable_postgres_is_one_line():
    with pytest.raises(StoreError, match="cannot reach PostgreSQL") as err:
        Store("postgresql://nobody:secret@127.0.0.1:1/nothing", timeout=1)
    assert "secret" not in str(err.value) and "\n" not in str(err.value)


def test_store_faults_folder_as_database(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store(str(tmp_path))
