"""SQLite specifics: the engine (WAL, busy timeout, write transactions), FTS5, error messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError

NAME = "sqlite"
# Page cache and memory-mapped reads for every connection: the SQLite default cache is 2 MB, so
# a dashboard query over a few thousand events would otherwise re-read pages from the OS.
CACHE_KIB = 65_536
MMAP_BYTES = 1 << 30
# Statistics are refreshed after an ingest once events grew or shrank by this share since the
# last ANALYZE (a full ANALYZE takes ~1.5 s per million events; sampled ones misjudge equality).
STALE_SHARE = 0.2


def is_url(target: str) -> bool:
    return target.startswith("sqlite:")


def make_engine(target: str, timeout: float = 30.0, pragmas: dict[str, object] | None = None) -> Engine:
    """An engine for a SQLite file, created on first use, in WAL mode."""
    if target.startswith("sqlite:///"):
        path = Path(target[len("sqlite:///"):])
    else:
        path = Path(target)
    if str(path) != ":memory:":
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        if not path.parent.exists():
            raise StoreError(f"folder {path.parent} does not exist")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout})
    extra = dict(pragmas or {})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process; only a power cut may lose the last batch.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        for key, value in extra.items():
            cur.execute(f"PRAGMA {key}={value}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the write lock up front, so it waits for the busy timeout instead of
        # failing half-way when another writer committed after its first read.
        mode = "IMMEDIATE" if conn.get_execution_options().get("warta_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        conn.execution_options(warta_write=True)
        with conn.begin():
            yield conn


def lock_for_migration(conn: Connection) -> None:
    """BEGIN IMMEDIATE already serialises writers."""


def create_fulltext(conn: Connection) -> None:
    """FTS5 over articles (title, text), kept in step by triggers. content="articles" is double-quoted
    because that is how datasette recognises the table as the full-text index of articles."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
        'title, text, content="articles", content_rowid="id", tokenize="unicode61 remove_diacritics 2")'
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
        " END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
        " INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    # Index the articles stored before this migration.
    conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def analyze(conn: Connection) -> None:
    """Refresh the planner's statistics (sqlite_stat1). Without them SQLite guesses, and with several
    indexes on events it then picks one that needs a full sort or a scan of the whole table."""
    conn.exec_driver_sql("ANALYZE")


def analyze_if_stale(conn: Connection) -> bool:
    """ANALYZE when the events table changed size a lot since the last one; True when it ran."""
    now = conn.exec_driver_sql("SELECT count(*) FROM events").scalar() or 0
    has_stats = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
    stat = None
    if has_stats:
        stat = conn.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' AND idx = 'ix_events_date'").scalar()
    if stat is None and not now:
        return False
    before = int(stat.split()[0]) if stat else 0
    if stat is not None and abs(now - before) <= STALE_SHARE * max(before, 1000):
        return False
    analyze(conn)
    return True


def search_sql() -> str:
    """Article ids matching a full-text query, best first."""
    return ("SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit")


def quote_query(query: str) -> str:
    # Treat user words as plain terms, not FTS5 syntax (a stray quote would be an error).
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def translate_error(err: BaseException, target: str) -> StoreError | None:
    """A one-line StoreError for the failures users can act on, or None."""
    orig = getattr(err, "orig", err)
    if not isinstance(orig, sqlite3.Error):
        return None
    message = str(orig)
    if "locked" in message or "busy" in message:
        return StoreError(f"database {target} is locked by another process; try again when it is done")
    if "full" in message:
        return StoreError(f"database {target} is full (disk full or size limit); the last batch was rolled back")
    if "not a database" in message or "malformed" in message:
        return StoreError(f"{target} is not a warta database or is damaged ({message})")
    if "unable to open" in message or "readonly" in message:
        return StoreError(f"cannot write database {target} ({message})")
    return None


def size_bytes(target: str) -> int:
    path = Path(target.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
