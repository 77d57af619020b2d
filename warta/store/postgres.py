"""PostgreSQL specifics (psycopg 3): the engine, the tsvector GIN index, error messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.url import make_url

from ..errors import StoreError

NAME = "postgresql"
FTS_EXPR = "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))"
MIGRATION_LOCK = 77_420_250  # advisory lock keys: one migrating process at a time,
WRITE_LOCK = 77_420_251  # and one writing transaction at a time


def is_url(target: str) -> bool:
    return target.startswith(("postgresql:", "postgres:", "postgresql+psycopg:"))


def sqlalchemy_url(target: str) -> str:
    """postgresql://... as users write it -> the psycopg 3 driver URL SQLAlchemy needs."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if target.startswith(prefix):
            return "postgresql+psycopg://" + target[len(prefix):]
    raise StoreError(f"not a PostgreSQL URL: {target}")


def display(target: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(sqlalchemy_url(target)).render_as_string(hide_password=True).replace("+psycopg", "")
    except Exception:  # noqa: BLE001 - only used for messages
        return "PostgreSQL"


def make_engine(target: str, timeout: float = 30.0, pragmas: dict[str, object] | None = None) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError as err:
        raise StoreError("PostgreSQL needs psycopg: pip install 'warta[pg]'") from err
    lock_ms = int(timeout * 1000)
    # lock_timeout turns a wait on another writer's lock into a clear error after `timeout`.
    options = f"-c lock_timeout={lock_ms}"
    return create_engine(sqlalchemy_url(target), connect_args={"options": options, "connect_timeout": 10},
                         pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as conn:
        # One writer at a time, as in SQLite: concurrent ingests then never race on the same
        # content hash or global event; the wait is bounded by lock_timeout.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        yield conn


def lock_for_migration(conn: Connection) -> None:
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def create_fulltext(conn: Connection) -> None:
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN ({FTS_EXPR})")


def analyze(conn: Connection) -> None:
    """Refresh the planner's statistics now rather than when autovacuum gets to it."""
    conn.exec_driver_sql("ANALYZE events, articles, entities")


def analyze_if_stale(conn: Connection) -> bool:
    """PostgreSQL's autovacuum re-analyzes changed tables by itself."""
    return False


def search_sql() -> str:
    return (f"SELECT id FROM articles WHERE {FTS_EXPR} @@ plainto_tsquery('simple', :q) "
            f"ORDER BY ts_rank({FTS_EXPR}, plainto_tsquery('simple', :q)) DESC LIMIT :limit")


def quote_query(query: str) -> str:
    return query


def translate_error(err: BaseException, target: str) -> StoreError | None:
    try:
        import psycopg
        from psycopg import errors as pgerr
    except ImportError:
        return None
    orig = getattr(err, "orig", err)
    if not isinstance(orig, psycopg.Error):
        return None
    where = display(target)
    if isinstance(orig, (pgerr.LockNotAvailable, pgerr.DeadlockDetected)):
        return StoreError(f"database {where} is locked by another session; try again when it is done")
    if isinstance(orig, pgerr.DiskFull):
        return StoreError(f"database {where} is out of disk space; the last batch was rolled back")
    if isinstance(orig, psycopg.OperationalError):
        first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
        return StoreError(f"cannot reach PostgreSQL at {where}: {first}")
    return None


def size_bytes(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0)
