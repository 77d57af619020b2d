"""Dashboard pages (Jinja2, autoescaped). Each page has a JSON twin: the same URL with ?format=json."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Connection
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import queries, queries_docs
from ..api import RowId, found  # RowId is resolved by name when FastAPI reads the annotations
from ..cameo import QUAD_CLASS_NAMES
from ..doc import MODALITIES
from ..errors import InputError
from ..queries import MAX_PAGE_SIZE, EventFilters
from . import charts
from .highlight import article_spans, highlight, snippet

HERE = Path(__file__).parent
PAGE_PREFIXES = ("/explore", "/event/", "/article/", "/entity/", "/actors", "/find")
templates = Jinja2Templates(directory=str(HERE / "templates"))  # immutable after creation
templates.env.globals.update(quad_names=QUAD_CLASS_NAMES, quad_labels=charts.QUAD_LABELS, modalities=MODALITIES)
templates.env.filters["snippet"] = snippet


def wants_html(request: Request) -> bool:
    path = request.url.path
    page = path == "/" or path.startswith(PAGE_PREFIXES)
    return page and request.query_params.get("format", "html") == "html"


def error_page(request: Request, status: int, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _json_or_page(request: Request, fmt: str, data: Any, template: str, context: dict[str, Any]) -> Response:
    if fmt == "json":
        return JSONResponse(jsonable(data))
    if fmt != "html":
        raise InputError(f"format must be html or json, got {fmt!r}")
    return templates.TemplateResponse(request, template, {"data": data, **context})


def jsonable(value: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else ""


def _countries(db: Any) -> list[tuple[str, str, float, float]]:
    """Country centroids from the gazetteer: the map's background."""
    cached = getattr(db, "countries", None)
    if cached is None:
        from ..resources import Resources

        cached = []
        with Resources().path("gazetteer/countries.tsv").open(encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                try:
                    cached.append((row["country"], row["name"], float(row["lat"]), float(row["lon"])))
                except (KeyError, TypeError, ValueError):
                    continue
        db.countries = cached
    return cached


def add_pages(app: FastAPI, db: Any, conn_dep: Any) -> None:
    from ..api import filters_from

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    # Compile the dashboard's templates and read the map's countries now, not in the first request.
    for name in ("dashboard.html", "explore.html"):
        templates.get_template(name)
    _countries(db)

    @app.get("/", response_class=HTMLResponse, tags=["pages"], summary="Dashboard: timeline, pairs, network, map")
    def dashboard(request: Request, f: EventFilters = Depends(filters_from), format: str = "html",
                  conn: Connection = Depends(conn_dep)) -> Response:
        def compute() -> tuple[dict[str, Any], dict[str, Any]]:
            shown, window = f, None
            if not f.since and not f.until:
                window = queries.default_since(conn, f)
                if window:
                    shown = EventFilters(**{**f.as_params(), "since": window})
            data = {**queries.stats(conn, shown), "default_since": window}
            charts_ = {"filters": shown, "qs": _query_string(shown.as_params()),
                       "timeline": charts.timeline(data["per_day"]), "bars": charts.dyad_bars(data["top_dyads"]),
                       "net": charts.network_layout(data["network"]),
                       "map": charts.world_map(data["places"], _countries(db))}
            return data, charts_

        # Stats and chart geometry are cached per filters until the store changes.
        data, chart_context = db.cached(conn, ("dashboard", tuple(sorted(f.as_params().items()))), compute)
        outlets = db.cached(conn, ("outlets",), lambda: queries.outlets(conn))
        context = {**chart_context, "outlets": outlets, "page_name": "dashboard"}
        return _json_or_page(request, format, data, "dashboard.html", context)

    @app.get("/explore", response_class=HTMLResponse, tags=["pages"], summary="Event explorer")
    def explore(request: Request, f: EventFilters = Depends(filters_from), page: int = Query(1, ge=1),
                size: int = Query(50, ge=1, le=MAX_PAGE_SIZE), sort: str = "-date", format: str = "html",
                conn: Connection = Depends(conn_dep)) -> Response:
        data = queries.list_events(conn, f, page, size, sort)
        params = {**f.as_params(), "size": size if size != 50 else None, "sort": sort if sort != "-date" else None}
        pages = -(-data["total"] // size)
        context = {"filters": f, "outlets": db.cached(conn, ("outlets",), lambda: queries.outlets(conn)),
                   "params": params, "pages": pages,
                   "prev_qs": _query_string(params, page=page - 1) if page > 1 else None,
                   "next_qs": _query_string(params, page=page + 1) if page < pages else None,
                   "sort_qs": {key: _query_string(params, sort=("-" + key if sort == key else key))
                               for key in queries.SORTS},
                   "csv_qs": _query_string({**f.as_params(), "sort": sort, "size": 10_000, "format": "csv"}),
                   "page_name": "explore"}
        return _json_or_page(request, format, data, "explore.html", context)

    @app.get("/event/{event_id}", response_class=HTMLResponse, tags=["pages"], summary="Event page")
    def event_page(request: Request, event_id: RowId, format: str = "html",
                   conn: Connection = Depends(conn_dep)) -> Response:
        event = found(queries.get_event(conn, event_id), "event", event_id)
        return _json_or_page(request, format, event, "event.html", {"page_name": "explore"})

    @app.get("/article/{article_id}", response_class=HTMLResponse, tags=["pages"], summary="Article page")
    def article_page(request: Request, article_id: RowId, format: str = "html",
                     conn: Connection = Depends(conn_dep)) -> Response:
        article = found(queries_docs.get_article(conn, article_id), "article", article_id)
        context = {"body": highlight(article["text"], article_spans(article)), "page_name": "explore",
                   "entity_by_id": {e["entity_id"]: e for e in article["entities"]},
                   "quote_by_id": {q["quote_id"]: q for q in article["quotes"]}}
        return _json_or_page(request, format, article, "article.html", context)

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, tags=["pages"], summary="Entity page")
    def entity_page(request: Request, entity_id: RowId, format: str = "html",
                    conn: Connection = Depends(conn_dep)) -> Response:
        entity = found(queries_docs.get_entity(conn, entity_id), "entity", entity_id)
        context = {"timeline": charts.timeline(entity["events_per_day"], width=700, height=160),
                   "page_name": "actors"}
        return _json_or_page(request, format, entity, "entity.html", context)

    @app.get("/actors", response_class=HTMLResponse, tags=["pages"], summary="Entity list page")
    def actors_page(request: Request, q: str | None = None, type: str | None = None, actor: str | None = None,
                    page: int = Query(1, ge=1), format: str = "html",
                    conn: Connection = Depends(conn_dep)) -> Response:
        data = queries_docs.list_entities(conn, q, type or None, actor or None, page, 50)
        params = {"q": q, "type": type, "actor": actor}
        context = {"params": params, "page_name": "actors",
                   "prev_qs": _query_string(params, page=page - 1) if page > 1 else None,
                   "next_qs": _query_string(params, page=page + 1) if len(data["entities"]) == 50 else None}
        return _json_or_page(request, format, data, "actors.html", context)

    @app.get("/find", response_class=HTMLResponse, tags=["pages"], summary="Search page")
    def find_page(request: Request, q: str = "", page: int = Query(1, ge=1), format: str = "html",
                  conn: Connection = Depends(conn_dep)) -> Response:
        data = queries_docs.search(conn, q, page, 20) if q.strip() else {"q": q, "page": 1, "size": 20,
                                                                          "articles": []}
        context = {"page_name": "find",
                   "next_qs": _query_string({"q": q}, page=page + 1) if len(data["articles"]) == 20 else None}
        return _json_or_page(request, format, data, "find.html", context)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        if wants_html(request):
            return error_page(request, err.status_code, str(err.detail))
        return JSONResponse({"error": err.detail}, status_code=err.status_code, headers=err.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path"))
        message = f"{where}: {first.get('msg', 'invalid value')}" if where else first.get("msg", "invalid request")
        if wants_html(request):
            return error_page(request, 400, message)
        return JSONResponse({"error": message}, status_code=422)
