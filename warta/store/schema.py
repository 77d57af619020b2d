"""The one schema for both backends (SQLAlchemy Core), and its migrations.

Column types are plain (INTEGER, REAL, TEXT, BOOLEAN) so that datasette, pandas, polars and
DuckDB read the tables as they are; JSON is stored as TEXT. Dates are ISO strings.

Migrations are numbered functions applied in order inside one transaction each; the
``schema_version`` table records which ones ran. Add a new migration by appending to
``MIGRATIONS`` - never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateIndex

from ..errors import StoreError

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied", String(32), nullable=False),
    Column("description", Text),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", Text),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text, unique=True),  # NULLs never collide, so articles without URL are fine
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("text", Text, nullable=False),
    Column("metadata", Text),  # JSON of warta.doc.Metadata
    Column("source", Text),  # file or feed the article was read from
    Column("pipeline_version", Text),
    Column("status", String(16), nullable=False),  # "ok" or "failed"
    Column("error", Text),
    Column("error_kind", String(32)),
    Column("added", String(32), nullable=False),  # UTC, YYYY-MM-DDTHH:MM:SS
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),  # "" when unknown, so the unique key holds
    Column("doc_id", Text, nullable=False),
    Column("kind", String(32)),
    Column("error", Text, nullable=False),
    Column("added", String(32), nullable=False),
    UniqueConstraint("source", "doc_id", name="uq_failures_source_doc"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("entity_id", Text, nullable=False),  # id inside the article (warta.doc.Entity.id)
    Column("name", Text),
    Column("type", String(8)),
    Column("actor", Text, index=True),
    Column("country", String(8)),
    Column("role", Text),
    Column("title", Text),
    Column("kb_id", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("n_mentions", Integer),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("mention_id", Text, nullable=False),
    Column("entity_id", Text),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("text", Text),
    Column("type", String(8)),
    Column("kind", String(16)),
    Column("sentence", Integer),
    Column("source", Text),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("quote_id", Text, nullable=False),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("text", Text),
    Column("direct", Boolean),
    Column("speaker", Text),  # Entity id
    Column("speaker_name", Text),
    Column("speaker_actor", Text),
    Column("speaker_mention", Text),
    Column("addressee", Text),
    Column("addressee_name", Text),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("sentence", Integer),
)

amounts = Table(
    "amounts", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("amount", Text),  # as written: "11", "2,5 juta"
    Column("value", Float),
    Column("object", Text),  # the counted noun: "bidang"
    Column("start_char", Integer),
)

# One row per cross-article event (GDELT's GLOBALEVENTID); counts are kept by dedup.py.
global_events = Table(
    "global_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("dedup_key", Text, nullable=False, unique=True),
    Column("date", String(10), index=True),
    Column("source", Text, index=True),
    Column("target", Text, index=True),
    Column("base_code", String(8), index=True),
    Column("code", String(8)),
    Column("root_code", String(4)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("is_root", Boolean),
    Column("first_event_id", Integer),  # events.id of the first report
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("added", String(32), nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("event_id", Text, nullable=False),
    Column("global_event_id", Integer, ForeignKey("global_events.id"), index=True),
    Column("code", String(8)),  # indexed with the date below
    Column("base_code", String(8)),
    Column("root_code", String(4)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("source", Text),
    Column("target", Text),
    Column("source_entity", Text),
    Column("target_entity", Text),
    Column("source_name", Text),
    Column("target_name", Text),
    Column("symmetric", Boolean),
    Column("modality", String(16)),
    Column("date", String(32), index=True),
    Column("place_name", Text),
    Column("place_country", String(8)),
    Column("place_feature", Text),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("is_root", Boolean),
    Column("in_quote", Text),
    Column("sentence", Integer),  # 0-based index into the article's sentences
    Column("sentence_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("source_start", Integer),
    Column("target_start", Integer),
    Column("explanation", Text),  # JSON of warta.doc.Explanation
    # A copy of articles.outlet (migration 3), so that filtering by outlet reads one index in date order.
    Column("outlet", Text),
)

# GDELT's Mentions table: every article and sentence that reported a global event.
event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("global_event_id", Integer, ForeignKey("global_events.id"), nullable=False, index=True),
    _article_fk(),
    Column("event_row_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer),  # 1-based, as GDELT's SentenceID
    Column("actor1_offset", Integer),
    Column("actor2_offset", Integer),
    Column("action_offset", Integer),
    Column("confidence", Integer),
    Column("in_raw_text", Integer),
)

Index("ix_global_events_dsbt", global_events.c.date, global_events.c.source, global_events.c.target,
      global_events.c.base_code)

# Every place name events were coded with (migration 4), so that "part of the place name" becomes
# a look-up in this small table and then an index search on events.place_name. Names are only
# added: a name no event uses any more just matches nothing.
place_names = Table(
    "place_names", metadata,
    Column("name", Text, primary_key=True),
)

# Read-side indexes (migration 3): each filter of the API with the date, so that a filtered list
# comes out of one index already in date order and counts are read from the index alone.
READ_INDEXES = (
    Index("ix_events_code_date", events.c.code, events.c.date),
    Index("ix_events_root_date", events.c.root_code, events.c.date),
    Index("ix_events_quad_date", events.c.quad_class, events.c.date),
    Index("ix_events_source_date", events.c.source, events.c.date),
    Index("ix_events_target_date", events.c.target, events.c.date),
    Index("ix_events_outlet_date", events.c.outlet, events.c.date),
    Index("ix_events_place_country_date", events.c.place_country, events.c.date),
    Index("ix_events_modality_date", events.c.modality, events.c.date),
    # The dashboard's counts per day, QuadClass, root code and actor pair, read from the index alone.
    Index("ix_events_date_counts", events.c.date, events.c.quad_class, events.c.root_code, events.c.source,
          events.c.target),
    Index("ix_articles_outlet", articles.c.outlet),
    Index("ix_entities_kb_id", entities.c.kb_id),
    Index("ix_entities_type_name", entities.c.type, func.lower(entities.c.name)),
)

# Migration 4: the place filter searches events by place name; sorting by Goldstein reads its index.
PLACE_INDEXES = (
    Index("ix_events_place_name_date", events.c.place_name, events.c.date),
    Index("ix_events_goldstein", events.c.goldstein),
)

# Tables that hold what the pipeline derived from one article (replaced on re-processing).
DERIVED_TABLES = (event_mentions, events, quotes, mentions, entities, amounts)

V1_TABLES = (schema_version, articles, failures, entities, mentions, quotes, amounts, global_events, events,
             event_mentions, place_names)  # v1 builds the current tables; later migrations upgrade old ones


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


# ---- migrations ---------------------------------------------------------------------------
# Each takes (connection, backend) where backend is the module warta.store.sqlite or
# warta.store.postgres; backend-specific DDL (full-text index) lives there.

def _v1_tables(conn: Connection, backend) -> None:
    metadata.create_all(conn, tables=list(V1_TABLES))


def _v2_fulltext(conn: Connection, backend) -> None:
    backend.create_fulltext(conn)


def _v3_read_indexes(conn: Connection, backend) -> None:
    # A database created at v1 by this code already has the column and indexes (v1 builds the
    # current tables); an older one gets them here, with the outlet copied from the articles.
    if "outlet" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN outlet TEXT")
    conn.execute(update(events).where(events.c.outlet.is_(None)).values(
        outlet=select(articles.c.outlet).where(articles.c.id == events.c.article_id).scalar_subquery()))
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_code")  # superseded by ix_events_code_date
    for index in READ_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))
    backend.analyze(conn)


def _v4_place_names(conn: Connection, backend) -> None:
    place_names.create(conn, checkfirst=True)
    conn.execute(place_names.insert().from_select(
        ["name"], select(events.c.place_name).where(events.c.place_name.is_not(None)).distinct()
        .except_(select(place_names.c.name))))
    for index in PLACE_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))
    backend.analyze(conn)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection, object], None]], ...] = (
    (1, "articles, entities, mentions, quotes, events, global events, mentions table", _v1_tables),
    (2, "full-text index over article title and text", _v2_fulltext),
    (3, "read indexes (filter column + date), outlet copied onto events, planner statistics", _v3_read_indexes),
    (4, "place names table for the place filter, place name and Goldstein indexes", _v4_place_names),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    value = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar()
    return int(value or 0)


def migrate(engine, backend, target: int | None = None) -> int:
    """Apply the pending migrations (each in its own transaction); return the version reached."""
    target = LATEST if target is None else target
    with engine.begin() as conn:
        version = current_version(conn)
    if version > LATEST:
        raise StoreError(f"database schema version {version} is newer than this warta understands ({LATEST}); "
                         "upgrade warta")
    for number, description, apply in MIGRATIONS:
        if version < number <= target:
            with backend.write_transaction(engine) as conn:
                backend.lock_for_migration(conn)
                if current_version(conn) >= number:  # another process migrated meanwhile
                    continue
                apply(conn, backend)
                conn.execute(schema_version.insert().values(version=number, applied=now(),
                                                            description=description))
            version = number
    return version
