"""The read API (FastAPI; OpenAPI docs at /docs) and the dashboard pages over one store.

``create_app(db_url)`` is read-only: SQLite connections run with ``PRAGMA query_only`` and
PostgreSQL transactions are READ ONLY. ``POST /ingest`` exists only when an ingest token is
configured, and then requires it as a Bearer token. Request bodies, URLs and page sizes are
bounded. Every endpoint is documented in docs/api.md (a test checks it).
"""

from __future__ import annotations

import asyncio
import csv
import hmac
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from sqlalchemy.engine import Connection

from . import __version__, queries, queries_docs
from .errors import InputError, StoreError, WartaError
from .queries import MAX_CSV_ROWS, MAX_PAGE_SIZE, EventFilters
from .store import Store

MAX_BODY_BYTES = 2_000_000
MAX_URL_CHARS = 4096
MAX_HEADER_BYTES = 32_768  # all request headers together; the HTTP parser alone lets ~100 KB through
MAX_INGEST_ARTICLES = 100
# Requests handled at once; the rest wait in the event loop. It stays below the store's connection
# pool (SQLAlchemy's 5 + 10 overflow): with more, every worker thread can block waiting for a pooled
# connection while the threads that would give theirs back wait for a free worker - a deadlock that
# times out after 30 s (found with 200 concurrent clients, bench/api_load.py).
MAX_CONCURRENT_REQUESTS = 10
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A database row id in a URL: numbers beyond 64 bits would overflow the database's integer (a 500).
RowId = Annotated[int, PathParam(ge=-(2**63), le=2**63 - 1, description="Database id")]


def found(row: dict | None, kind: str, row_id: int) -> dict:
    """The row, or a 404 naming what was looked for."""
    if row is None:
        raise HTTPException(404, f"no {kind} {row_id}")
    return row


class LimitRequestSize:
    """ASGI middleware: refuse long URLs (414), oversized headers (431) and bodies over the limit (413),
    counted as they stream."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("path", "")) + len(scope.get("query_string", b"")) > MAX_URL_CHARS:
            await _plain(send, 414, "request URL is too long")
            return
        if sum(len(k) + len(v) for k, v in scope.get("headers") or []) > MAX_HEADER_BYTES:
            await _plain(send, 431, "request headers are too large")
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _plain(send, 413, f"request body is larger than {self.max_body} bytes")
            return
        seen = 0

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise HTTPException(413, f"request body is larger than {self.max_body} bytes")
            return message

        await self.app(scope, limited_receive, send)


class LimitConcurrency:
    """ASGI middleware: at most ``limit`` HTTP requests inside the app at once, the others queued."""

    def __init__(self, app: Any, limit: int = MAX_CONCURRENT_REQUESTS):
        self.app = app
        self.limit = limit
        self.gate: tuple[Any, asyncio.Semaphore] | None = None  # per event loop (tests run several)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        if self.gate is None or self.gate[0] is not loop:
            self.gate = (loop, asyncio.Semaphore(self.limit))
        async with self.gate[1]:
            await self.app(scope, receive, send)


async def _plain(send: Any, status: int, message: str) -> None:
    body = ('{"error": "%s"}' % message).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Database:
    """The store opened for reading, plus the app's caches (kept per app, never module-wide)."""

    def __init__(self, target: str):
        self.target = target
        if "://" not in target and not Path(target).exists():
            raise StoreError(f"database {target} does not exist; create it with warta ingest")
        Store(target).close()  # applies pending migrations once, before serving read-only
        self.store = Store(target, migrate=False, pragmas={"query_only": 1})
        self.lock = threading.Lock()
        self.stats_cache: dict[Any, Any] = {}
        self.writer: Store | None = None
        self.pipeline: Any = None
        self.resources: Any = None

    def connect(self) -> Iterator[Connection]:
        with self.store.read() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn

    def cached(self, conn: Connection, key: Any, compute: Any) -> Any:
        stamp = (queries.change_stamp(conn), key)
        with self.lock:
            if stamp in self.stats_cache:
                return self.stats_cache[stamp]
        value = compute()
        with self.lock:
            if len(self.stats_cache) > 64:
                self.stats_cache.clear()
            self.stats_cache[stamp] = value
        return value


def filters_from(actor: str | None = Query(None, description="Actor code prefix (IDNGOV) or part of a name"),
                 country: str | None = Query(None, description="ISO alpha-3 of either actor or of the place"),
                 code: str | None = Query(None, description="CAMEO event code prefix, 2-4 digits"),
                 root: str | None = Query(None, description="CAMEO root code, two digits"),
                 quad: str | None = Query(None, description="QuadClass 1-4"),
                 modality: str | None = Query(None, description="asserted, intended, hypothetical, ..."),
                 since: str | None = Query(None, description="First day, YYYY-MM-DD"),
                 until: str | None = Query(None, description="Last day, YYYY-MM-DD"),
                 place: str | None = Query(None, description="Part of the place name"),
                 outlet: str | None = Query(None, description="Outlet name"),
                 q: str | None = Query(None, description="Words of the article (full-text)")) -> EventFilters:
    if quad is not None and quad.strip() and not quad.strip().isdigit():
        raise InputError(f"quad must be a QuadClass 1-4, got {quad!r}")
    quad_class = int(quad) if quad and quad.strip() else None
    return EventFilters(actor=actor, country=country, code=code, root=root, quad=quad_class, modality=modality,
                        since=since, until=until, place=place, outlet=outlet, q=q)


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    """Rows as CSV; text cells that a spreadsheet would run as a formula get a leading quote."""
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("'" + v if isinstance(v, str) and v.startswith(CSV_FORMULA_START) else v)
                             for k, v in row.items()})
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _fmt(value: str) -> str:
    if value not in ("json", "csv"):
        raise InputError(f"format must be json or csv, got {value!r}")
    return value


def create_app(db_url: str, ingest_token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The API and dashboard over the database ``db_url`` (SQLite path or postgresql:// URL)."""
    db = Database(db_url)
    app = FastAPI(title="warta", version=__version__,
                  description="Events, entities, quotes and articles extracted from Indonesian news. Read-only.")
    app.state.db = db
    app.add_middleware(LimitConcurrency)
    app.add_middleware(LimitRequestSize, max_body=max_body)  # added last, so it runs first

    def conn_dep() -> Iterator[Connection]:
        yield from db.connect()

    @app.exception_handler(WartaError)
    async def warta_error(request: Request, err: WartaError) -> Response:
        status = 400 if isinstance(err, InputError) else 503
        from .web.pages import error_page, wants_html

        if wants_html(request):
            return error_page(request, status, str(err))
        return JSONResponse({"error": str(err)}, status_code=status)

    @app.get("/events", tags=["events"], summary="Events, filtered, sorted and paged")
    def events_list(f: EventFilters = Depends(filters_from), page: int = Query(1, ge=1),
                    size: int = Query(50, ge=1, le=MAX_CSV_ROWS, description=f"Page size (JSON at most "
                                      f"{MAX_PAGE_SIZE}, CSV at most {MAX_CSV_ROWS})"),
                    sort: str = Query("-date", description="date, code, goldstein or id; prefix - for descending"),
                    format: str = Query("json", description="json or csv"),
                    conn: Connection = Depends(conn_dep)) -> Any:
        fmt = _fmt(format)
        result = queries.list_events(conn, f, page, size, sort, MAX_CSV_ROWS if fmt == "csv" else MAX_PAGE_SIZE)
        # Rows hold only str/int/float/None: skip FastAPI's generic encoder (about 2 ms per page).
        return csv_response(result["events"], "events") if fmt == "csv" else JSONResponse(result)

    @app.get("/events/{event_id}", tags=["events"], summary="One event with its mentions and explanation")
    def event_detail(event_id: RowId, conn: Connection = Depends(conn_dep)) -> Any:
        return found(queries.get_event(conn, event_id), "event", event_id)

    @app.get("/entities", tags=["entities"], summary="Entities grouped across articles")
    def entities_list(q: str | None = Query(None, description="Part of the name"),
                      type: str | None = Query(None, description="PER, ORG, GPE or LOC"),
                      actor: str | None = Query(None, description="Actor code prefix"),
                      page: int = Query(1, ge=1), size: int = Query(50, ge=1, le=MAX_PAGE_SIZE),
                      format: str = Query("json", description="json or csv"),
                      conn: Connection = Depends(conn_dep)) -> Any:
        fmt = _fmt(format)
        result = queries_docs.list_entities(conn, q, type, actor, page, size)
        return csv_response(result["entities"], "entities") if fmt == "csv" else result

    @app.get("/entities/{entity_id}", tags=["entities"], summary="An entity: aliases, events, quotes, articles")
    def entity_detail(entity_id: RowId, conn: Connection = Depends(conn_dep)) -> Any:
        return found(queries_docs.get_entity(conn, entity_id), "entity", entity_id)

    @app.get("/articles/{article_id}", tags=["articles"], summary="An article's text with all its spans")
    def article_detail(article_id: RowId, conn: Connection = Depends(conn_dep)) -> Any:
        return found(queries_docs.get_article(conn, article_id), "article", article_id)

    @app.get("/search", tags=["articles"], summary="Full-text search over article titles and text")
    def search(q: str = Query(..., min_length=1, max_length=queries.MAX_VALUE_LEN),
               page: int = Query(1, ge=1), size: int = Query(20, ge=1, le=MAX_PAGE_SIZE),
               format: str = Query("json", description="json or csv"),
               conn: Connection = Depends(conn_dep)) -> Any:
        fmt = _fmt(format)
        result = queries_docs.search(conn, q, page, size)
        return csv_response(result["articles"], "search") if fmt == "csv" else result

    @app.get("/stats", tags=["events"], summary="Counts per day and root code, top dyads, network, places")
    def stats(f: EventFilters = Depends(filters_from), top: int = Query(15, ge=1, le=100),
              conn: Connection = Depends(conn_dep)) -> Any:
        return db.cached(conn, ("stats", tuple(sorted(f.as_params().items())), top),
                         lambda: queries.stats(conn, f, top))

    @app.get("/health", tags=["meta"], summary="Liveness and what the server reads")
    def health(conn: Connection = Depends(conn_dep)) -> Any:
        first, last = queries.date_bounds(conn)
        return {"ok": True, "version": __version__, "backend": db.store.kind, "first_day": first, "last_day": last,
                "ingest": ingest_token is not None}

    if ingest_token:
        from .web.ingest import add_ingest_route

        add_ingest_route(app, db, ingest_token, MAX_INGEST_ARTICLES)

    from .web.pages import add_pages

    add_pages(app, db, conn_dep)
    return app


def token_ok(header: str | None, token: str) -> bool:
    """A constant-time check of an ``Authorization: Bearer <token>`` header."""
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer "):].encode(), token.encode())
