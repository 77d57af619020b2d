"""The Store: one database (SQLite file or PostgreSQL), its schema, and article-level writes.

Every write happens inside ``Store.write()``, one transaction; an article row and all rows
derived from it are written in the same transaction, so a killed process leaves either the
whole article or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..doc import Document
from . import dedup, postgres, rows, schema, sqlite
from .schema import DERIVED_TABLES, articles, failures

DEFAULT_DB = "warta.db"


class Store:
    def __init__(self, target: str = DEFAULT_DB, timeout: float = 30.0, pragmas: dict[str, object] | None = None,
                 migrate: bool = True):
        self.target = str(target)
        self.backend = postgres if postgres.is_url(self.target) else sqlite
        self.kind = self.backend.NAME
        with self.errors():
            self.engine = self.backend.make_engine(self.target, timeout=timeout, pragmas=pragmas)
            self.version = schema.migrate(self.engine, self.backend) if migrate else None

    # ---- plumbing ----------------------------------------------------------------------
    @property
    def display(self) -> str:
        return postgres.display(self.target) if self.kind == "postgresql" else self.target

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver errors users can act on (locked, full, unreachable) into one-line StoreErrors."""
        try:
            yield
        except SQLAlchemyError as err:
            mapped = self.backend.translate_error(err, self.display)
            if mapped is None:
                raise
            raise mapped from err

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.errors(), self.backend.write_transaction(self.engine) as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.errors(), self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:  # noqa: PYI034 - Store is not subclassed
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- lookups -----------------------------------------------------------------------
    def lookup(self, conn: Connection, hashes: list[str], urls: list[str]) -> dict[str, dict[str, Any]]:
        """Stored articles matching these content hashes or URLs, keyed by both."""
        found: dict[str, dict[str, Any]] = {}
        cols = (articles.c.id, articles.c.content_hash, articles.c.url, articles.c.pipeline_version,
                articles.c.status)
        for column, keys in ((articles.c.content_hash, hashes), (articles.c.url, urls)):
            keys = sorted({k for k in keys if k})
            for start in range(0, len(keys), 500):
                for row in conn.execute(select(*cols).where(column.in_(keys[start:start + 500]))).mappings():
                    record = dict(row)
                    found[record["content_hash"]] = record
                    if record["url"]:
                        found["url:" + record["url"]] = record
        return found

    # ---- article writes ----------------------------------------------------------------
    # A batch is written with a fixed number of statements (executemany), whatever its size.
    def add_articles(self, conn: Connection, items: list[tuple[Document, str, tuple[str, str] | None]],
                     pipeline_version: str | None) -> set[int]:
        """Insert articles (doc, content hash, error or None) with their derived rows.

        Returns the global events touched, for dedup.recompute."""
        if not items:
            return set()
        added = schema.now()
        article_rows = []
        for doc, text_hash, error in items:
            row = rows.article_row(doc, text_hash, pipeline_version, added)
            if error is not None:
                row.update(status="failed", error_kind=error[0], error=error[1])
            article_rows.append(row)
        stmt = insert(articles).returning(articles.c.id, sort_by_parameter_order=True)
        ids = [r[0] for r in conn.execute(stmt, article_rows)]
        ok = [(doc, article_id) for (doc, _, error), article_id in zip(items, ids) if error is None]
        return self._insert_derived(conn, ok, added)

    def replace_articles(self, conn: Connection, items: list[tuple[int, Document, tuple[str, str] | None]],
                         pipeline_version: str | None) -> set[int]:
        """Re-processing: drop these articles' derived rows and write the new ones."""
        if not items:
            return set()
        article_ids = [article_id for article_id, _, _ in items]
        touched = dedup.global_ids_of_articles(conn, article_ids)
        for table in DERIVED_TABLES:
            conn.execute(delete(table).where(table.c.article_id.in_(article_ids)))
        for article_id, doc, error in items:
            values = {"pipeline_version": pipeline_version, "status": "ok", "error": None, "error_kind": None,
                      "metadata": rows.article_row(doc, "", None, "")["metadata"]}
            if error is not None:
                values.update(status="failed", error_kind=error[0], error=error[1])
            conn.execute(update(articles).where(articles.c.id == article_id).values(**values))
        ok = [(doc, article_id) for article_id, doc, error in items if error is None]
        # The events' copy of the outlet follows the stored article, which re-processing keeps.
        outlets = {i: o for i, o in conn.execute(select(articles.c.id, articles.c.outlet)
                                                 .where(articles.c.id.in_(article_ids)))}
        return touched | self._insert_derived(conn, ok, schema.now(), outlets)

    def _insert_derived(self, conn: Connection, docs: list[tuple[Document, int]], added: str,
                        outlets: dict[int, str | None] | None = None) -> set[int]:
        for table, build in ((schema.entities, rows.entity_rows), (schema.mentions, rows.mention_rows),
                             (schema.quotes, rows.quote_rows), (schema.amounts, rows.amount_rows)):
            batch = [row for doc, article_id in docs for row in build(doc, article_id)]
            if batch:
                conn.execute(table.insert(), batch)
        event_rows = [rows.event_row(doc, ev, article_id) for doc, article_id in docs for ev in doc.events]
        if outlets is not None:
            for row in event_rows:
                row["outlet"] = outlets.get(row["article_id"])
        if not event_rows:
            return set()
        published = {article_id: doc.published for doc, article_id in docs}
        dedup.add_place_names(conn, {row["place_name"] for row in event_rows if row.get("place_name")})
        stmt = insert(schema.events).returning(schema.events.c.id, sort_by_parameter_order=True)
        ids = [r[0] for r in conn.execute(stmt, event_rows)]
        return dedup.link_events(conn, event_rows, ids, published, added)

    def add_failure(self, conn: Connection, source: str | None, doc_id: str, kind: str, error: str) -> bool:
        """Record an input that could not be read as an article; False when already recorded."""
        key = {"source": source or "", "doc_id": doc_id}
        exists = conn.execute(select(failures.c.id).filter_by(**key)).first()
        if exists:
            return False
        conn.execute(failures.insert().values(**key, kind=kind, error=error, added=schema.now()))
        return True

    # ---- reading -----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.read() as conn:
            out = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                   for t in schema.V1_TABLES if t.name not in ("schema_version", "place_names")}
            out["failed_articles"] = conn.execute(
                select(func.count()).where(articles.c.status == "failed")).scalar_one()
            out.update(dedup.merged_stats(conn))
        return out

    def search(self, query: str, limit: int = 20) -> list[int]:
        """Article ids whose title or text match the words of ``query``."""
        # NUL ends a string for SQLite's FTS parser and PostgreSQL refuses it in text.
        query = query.replace("\x00", " ")
        if not query.split():
            return []
        with self.read() as conn:
            result = conn.execute(text(self.backend.search_sql()),
                                  {"q": self.backend.quote_query(query), "limit": limit})
            return [r[0] for r in result]

    def refresh_statistics(self) -> bool:
        """Re-analyze for the query planner when the events table changed size a lot (after ingest)."""
        with self.write() as conn:
            return self.backend.analyze_if_stale(conn)

    def size_bytes(self) -> int:
        if self.kind == "postgresql":
            with self.read() as conn:
                return postgres.size_bytes(conn)
        return sqlite.size_bytes(self.target)


def open_store(target: str = DEFAULT_DB, **kwargs: Any) -> Store:
    return Store(target, **kwargs)
