"""Read-only queries over the store for the API and the dashboard: events with filters, stats.

Every user value reaches SQL as a bound parameter (SQLAlchemy Core); LIKE patterns escape
``%``, ``_`` and ``\\``. Entity, article and search queries are in warta/queries_docs.py.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from .doc import MODALITIES
from .errors import InputError
from .store.schema import articles, event_mentions, events, place_names

MAX_PAGE_SIZE = 500
MAX_CSV_ROWS = 10_000
COUNT_CAP = 1_000  # totals above this are reported as "more than" (counting 1 M rows is slow)
MAX_VALUE_LEN = 200
MAX_PLACE_NAMES = 500  # place names matching a place filter passed as values (more: as a subquery)
PROBE_ROWS = 3_000  # events tried first, in sort order (see page_ids)
# Sorting by date, only these filters are probed: each other filter has an index with the date
# that returns its matches already in date order.
PROBED = ("actor", "country", "code", "place", "q")
PROBE_SORTS = ("date", "goldstein")  # sort columns with an index of their own
SORTS = {"date": events.c.date, "code": events.c.code, "goldstein": events.c.goldstein, "id": events.c.id}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^\d{2,4}$")
_ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")

# What the filters read, for a probe over the first events in sort order (see page_ids).
PROBE_COLUMNS = tuple(events.c[name] for name in (
    "id", "article_id", "date", "code", "root_code", "quad_class", "goldstein", "source", "target", "source_name",
    "target_name", "modality", "place_name", "place_country", "outlet"))

# The columns of one event in lists (API JSON, CSV, explorer table).
LIST_COLUMNS = (
    events.c.id, events.c.article_id, events.c.event_id, events.c.date, events.c.code, events.c.root_code,
    events.c.quad_class, events.c.goldstein, events.c.source, events.c.source_name, events.c.target,
    events.c.target_name, events.c.modality, events.c.place_name, events.c.place_country, events.c.place_lat,
    events.c.place_lon, events.c.sentence_text, articles.c.title.label("article_title"),
    articles.c.outlet, articles.c.url, articles.c.published,
)


@dataclass(frozen=True)
class EventFilters:
    """What the explorer and /events filter on; every field optional. Validated on creation."""

    actor: str | None = None  # actor code prefix (IDNGOV) or part of an actor name (Ratna)
    country: str | None = None  # ISO alpha-3: either actor's country, or the place's country
    code: str | None = None  # CAMEO event code prefix (04, 036)
    root: str | None = None  # CAMEO root code (two digits)
    quad: int | None = None  # QuadClass 1-4
    modality: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    place: str | None = None  # part of the place name
    outlet: str | None = None  # exact outlet name
    q: str | None = None  # words of the article (full-text search)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                value = clean_text(value).strip() or None
                object.__setattr__(self, f.name, value)
            if isinstance(value, str) and len(value) > MAX_VALUE_LEN:
                raise InputError(f"{f.name} is longer than {MAX_VALUE_LEN} characters")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                if not _DAY.match(value):
                    raise InputError(f"{name} must be a date YYYY-MM-DD, got {value!r}")
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise InputError(f"{name} is not a real date: {value!r}") from None
        if self.code is not None and not _CODE.match(self.code):
            raise InputError(f"code must be a CAMEO code of 2 to 4 digits, got {self.code!r}")
        if self.root is not None and not re.fullmatch(r"\d{2}", self.root):
            raise InputError(f"root must be a two-digit CAMEO root code, got {self.root!r}")
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise InputError(f"quad must be a QuadClass 1-4, got {self.quad!r}")
        if self.modality is not None and self.modality not in MODALITIES:
            raise InputError(f"modality must be one of {', '.join(MODALITIES)}, got {self.modality!r}")
        if self.country is not None:
            object.__setattr__(self, "country", self.country.upper())
            if not _COUNTRY.match(self.country):
                raise InputError(f"country must be an ISO alpha-3 code such as IDN, got {self.country!r}")

    def as_params(self) -> dict[str, Any]:
        """The non-empty filters, as query-string parameters."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def is_empty(self) -> bool:
        return not self.as_params()


def clean_text(value: str | None) -> str | None:
    """A user's text value without NUL characters: FTS5 reads NUL as the end of its query (an
    "unterminated string" error) and PostgreSQL refuses NUL in text; no word contains one."""
    return value.replace("\x00", "") if value else value


def like_pattern(value: str) -> str:
    """%value% for a case-insensitive LIKE, with the value's own wildcards escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: ColumnElement, value: str) -> ColumnElement:
    return func.lower(column).like(like_pattern(value), escape="\\")


def _prefix(column: ColumnElement, value: str) -> ColumnElement:
    # A range instead of LIKE 'X%' so that an index on the column can be used on both backends.
    upper = value[:-1] + chr(ord(value[-1]) + 1)
    return and_(column >= value, column < upper)


def next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def fulltext_ids(conn: Connection, words: str) -> Select:
    """A subquery of article ids whose title or text contain the words (FTS5 or tsvector)."""
    if conn.dialect.name == "postgresql":
        from .store.postgres import FTS_EXPR

        return select(articles.c.id).where(text(f"{FTS_EXPR} @@ plainto_tsquery('simple', :fts_q)")
                                           .bindparams(fts_q=words))
    from .store.sqlite import quote_query

    return select(text("rowid")).select_from(text("articles_fts")).where(
        text("articles_fts MATCH :fts_q").bindparams(fts_q=quote_query(words)))


def where_events(conn: Connection, query: Select, f: EventFilters, e: Any = events.c) -> Select:
    """Add the filters to a query over events (``e``: the events columns, or a subquery's)."""
    if f.actor:
        if _ACTOR_CODE.match(f.actor):
            query = query.where(or_(_prefix(e.source, f.actor), _prefix(e.target, f.actor)))
        else:
            query = query.where(or_(_contains(e.source_name, f.actor), _contains(e.target_name, f.actor)))
    if f.country:
        query = query.where(or_(_prefix(e.source, f.country), _prefix(e.target, f.country),
                                e.place_country == f.country))
    if f.code:
        query = query.where(_prefix(e.code, f.code))
    if f.root:
        query = query.where(e.root_code == f.root)
    if f.quad:
        query = query.where(e.quad_class == f.quad)
    if f.modality:
        query = query.where(e.modality == f.modality)
    if f.since:
        query = query.where(e.date >= f.since)
    if f.until:
        query = query.where(e.date < next_day(f.until))
    if f.place:
        # The names containing the words, from the small place_names table; then an index search
        # (with the names as values, the planner knows how few they are).
        names = select(place_names.c.name).where(_contains(place_names.c.name, f.place))
        found = [r[0] for r in conn.execute(names.limit(MAX_PLACE_NAMES + 1))]
        query = query.where(e.place_name.in_(found if len(found) <= MAX_PLACE_NAMES else names))
    if f.outlet:
        query = query.where(e.outlet == f.outlet)  # events keep a copy of the article's outlet
    if f.q:
        query = query.where(e.article_id.in_(fulltext_ids(conn, f.q)))
    return query


def _order(sort: str, e: Any = events.c) -> list[ColumnElement]:
    key = sort.lstrip("-")
    if key not in SORTS:
        raise InputError(f"sort must be one of {', '.join(sorted(SORTS))} (prefix - for descending), got {sort!r}")
    column = e[SORTS[key].name]
    if sort.startswith("-"):
        return [column.desc(), e.id.desc()]
    return [column.asc(), e.id.asc()]


def page_ids(conn: Connection, f: EventFilters, sort: str, size: int, offset: int) -> list[int]:
    """The ids of one page of matching events, in order.

    A filter that matches many events (a frequent actor, a common word, a QuadClass when sorting
    by Goldstein) is met within the first few thousand events in sort order, and reading those
    from the sort column's index is cheap; but the planner cannot tell a frequent actor from a
    rare one, and for a frequent one it would collect and sort every match. So the first
    PROBE_ROWS events in sort order (within the date range when sorting by date) are tried first,
    and the full query runs only when they hold fewer matches than the page needs. Either way the
    result is the same: any match outside the probed rows comes after all of them."""
    order = _order(sort)
    key = sort.lstrip("-")
    probe_worth = any(getattr(f, n) for n in PROBED) if key == "date" else not f.is_empty()
    if key in PROBE_SORTS and probe_worth and offset + size <= PROBE_ROWS // 10:
        window = EventFilters(since=f.since, until=f.until) if key == "date" else EventFilters()
        # One table, no join: a join would let the planner start from another index instead.
        first = where_events(conn, select(*PROBE_COLUMNS), window).order_by(*order).limit(PROBE_ROWS).subquery()
        probe = where_events(conn, select(first.c.id), f, first.c).order_by(*_order(sort, first.c)) \
            .limit(size).offset(offset)
        ids = [r[0] for r in conn.execute(probe)]
        if len(ids) == size:
            return ids
    query = where_events(conn, select(events.c.id), f).order_by(*order).limit(size).offset(offset)
    return [r[0] for r in conn.execute(query)]


def list_events(conn: Connection, f: EventFilters, page: int = 1, size: int = 50, sort: str = "-date",
                max_size: int = MAX_PAGE_SIZE) -> dict[str, Any]:
    """One page of events with a total (capped at COUNT_CAP)."""
    if page < 1:
        raise InputError("page must be 1 or more")
    if not 1 <= size <= max_size:
        raise InputError(f"size must be between 1 and {max_size}")
    if (page - 1) * size > 1_000_000:
        raise InputError("page is too far; narrow the filters instead")
    order = _order(sort)  # validates sort
    # First all matches up to the cap, unsorted, so that the planner picks the most selective index
    # (an ORDER BY would lure it to the sort column's index); when they are few, the page is
    # sorted from them. The page's wide columns and its articles are read for its rows only.
    sort_column = SORTS[sort.lstrip("-")]
    matched = where_events(conn, select(events.c.id, sort_column), f).limit(COUNT_CAP + 1).subquery()
    total = conn.execute(select(func.count()).select_from(matched)).scalar_one()
    offset = (page - 1) * size
    if total <= COUNT_CAP:
        ids = [r[0] for r in conn.execute(select(matched.c.id).order_by(*_order(sort, matched.c))
                                          .limit(size).offset(offset))]
    else:
        ids = page_ids(conn, f, sort, size, offset)
    query = (select(*LIST_COLUMNS).select_from(events.join(articles, articles.c.id == events.c.article_id))
             .where(events.c.id.in_(ids)).order_by(*order))
    rows = [dict(r) for r in conn.execute(query).mappings()] if ids else []
    return {"filters": f.as_params(), "page": page, "size": size, "sort": sort,
            "total": min(total, COUNT_CAP), "total_capped": total > COUNT_CAP, "events": rows}


def get_event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    """One event with its article, explanation (parsed, with the text of each span) and mentions."""
    import json

    own = [c for c in events.c if c.name != "outlet"]  # the article's outlet is joined below
    row = conn.execute(select(*own, articles.c.title.label("article_title"), articles.c.outlet, articles.c.url,
                              articles.c.published, articles.c.text.label("article_text"))
                       .join(articles, articles.c.id == events.c.article_id).where(events.c.id == event_id)
                       ).mappings().first()
    if row is None:
        return None
    event = dict(row)
    doc_text = event.pop("article_text") or ""
    explanation = json.loads(event["explanation"]) if event.get("explanation") else None
    event["explanation"] = explain(explanation, doc_text, event)
    mentions = []
    if event.get("global_event_id") is not None:
        query = (select(event_mentions.c.article_id, event_mentions.c.event_row_id, event_mentions.c.sentence,
                        event_mentions.c.confidence, articles.c.title, articles.c.outlet, articles.c.url,
                        articles.c.published)
                 .join(articles, articles.c.id == event_mentions.c.article_id)
                 .where(event_mentions.c.global_event_id == event["global_event_id"])
                 .order_by(event_mentions.c.id).limit(200))
        mentions = [dict(r) for r in conn.execute(query).mappings()]
    event["mentions"] = mentions
    return event


def explain(explanation: dict[str, Any] | None, doc_text: str, event: dict[str, Any]) -> dict[str, Any]:
    """The explanation with the words of each span read back from the article text."""
    out: dict[str, Any] = {"modality": event.get("modality"), "pattern": None}
    if not explanation:
        return out
    out["pattern"] = explanation.get("pattern")
    out["sentence"] = explanation.get("sentence")
    trigger = (explanation.get("trigger_start"), explanation.get("trigger_end"))
    spans = {"trigger": trigger}
    for name in ("source_span", "target_span", "modality_cue", "date_span", "place_span"):
        spans[name.removesuffix("_span")] = explanation.get(name)
    for name, span in spans.items():
        if span and span[0] is not None and span[1] is not None and 0 <= span[0] <= span[1] <= len(doc_text):
            out[name] = {"start": span[0], "end": span[1], "text": doc_text[span[0]:span[1]]}
    return out


# ---- stats for the dashboard ------------------------------------------------------------------

def _filtered(conn: Connection, f: EventFilters, *columns: Any) -> Select:
    return where_events(conn, select(*columns).select_from(events), f)


def stats(conn: Connection, f: EventFilters, top: int = 15) -> dict[str, Any]:
    """Counts per day and QuadClass, per root code, top dyads, the actor network, places."""
    e = events.c
    day = func.substr(e.date, 1, 10).label("day")
    per_day: dict[str, dict[str, int]] = {}
    query = _filtered(conn, f, day, e.quad_class, func.count().label("n")).where(e.date.is_not(None)) \
        .group_by(day, e.quad_class).order_by(day)
    for d, quad, n in conn.execute(query):
        per_day.setdefault(d, {"1": 0, "2": 0, "3": 0, "4": 0, "none": 0})[str(quad) if quad else "none"] += n
    roots = [{"root": r or "", "n": n} for r, n in conn.execute(
        _filtered(conn, f, e.root_code, func.count().label("n")).group_by(e.root_code)
        .order_by(func.count().desc()).limit(25))]
    conflict = case((e.quad_class >= 3, 1), else_=0)
    coop = case((e.quad_class <= 2, 1), else_=0)
    # Counted from the (date, quad, root, source, target) index alone; names are read afterwards
    # for the top pairs only (reading them in the group-by would visit every event's row).
    dyad_q = (_filtered(conn, f, e.source, e.target, func.count().label("n"), func.sum(coop), func.sum(conflict))
              .where(e.source.is_not(None), e.target.is_not(None))
              .group_by(e.source, e.target).order_by(func.count().desc(), e.source, e.target).limit(max(top, 40)))
    dyads = [{"source": s, "target": t, "source_name": None, "target_name": None, "n": n,
              "cooperation": int(c or 0), "conflict": int(k or 0)} for s, t, n, c, k in conn.execute(dyad_q)]
    _dyad_names(conn, f, dyads)
    place_q = (_filtered(conn, f, e.place_name, e.place_country, func.avg(e.place_lat), func.avg(e.place_lon),
                         func.count().label("n"), func.sum(conflict))
               .where(e.place_lat.is_not(None), e.place_lon.is_not(None))
               .group_by(e.place_name, e.place_country).order_by(func.count().desc()).limit(200))
    places = [{"name": p, "country": c, "lat": float(la), "lon": float(lo), "n": n, "conflict": int(k or 0)}
              for p, c, la, lo, n, k in conn.execute(place_q)]
    total = conn.execute(select(func.count()).select_from(
        _filtered(conn, f, e.id).limit(COUNT_CAP * 100 + 1).subquery())).scalar_one()
    return {"filters": f.as_params(), "total": total,
            "per_day": [{"day": d, **counts} for d, counts in per_day.items()],
            "per_root": roots, "top_dyads": dyads[:top], "network": network(dyads), "places": places}


def _dyad_names(conn: Connection, f: EventFilters, dyads: list[dict[str, Any]]) -> None:
    """Fill each pair's actor names from its latest matching event that names an actor."""
    e = events.c
    for d in dyads:
        query = (_filtered(conn, f, e.source_name, e.target_name)
                 .where(e.source == d["source"], e.target == d["target"],
                        or_(e.source_name.is_not(None), e.target_name.is_not(None)))
                 .order_by(e.date.desc(), e.id.desc()).limit(1))
        row = conn.execute(query).first()
        if row is not None:
            d["source_name"], d["target_name"] = row


def network(dyads: list[dict[str, Any]], max_nodes: int = 30) -> dict[str, Any]:
    """Nodes (actors) and edges (their events) from the top dyads; an edge is conflict when most of
    its events are QuadClass 3-4."""
    weight: dict[str, int] = {}
    names: dict[str, str] = {}
    for d in dyads:
        for code, name in ((d["source"], d["source_name"]), (d["target"], d["target_name"])):
            weight[code] = weight.get(code, 0) + d["n"]
            if name and code not in names:
                names[code] = name
    keep = set(sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes])
    nodes = [{"id": c, "name": names.get(c) or c, "n": weight[c]} for c in sorted(keep)]
    edges = [{"source": d["source"], "target": d["target"], "n": d["n"],
              "kind": "conflict" if d["conflict"] > d["cooperation"] else "cooperation"}
             for d in dyads if d["source"] in keep and d["target"] in keep and d["source"] != d["target"]]
    return {"nodes": nodes, "edges": edges}


def outlets(conn: Connection, limit: int = 100) -> list[str]:
    query = (select(articles.c.outlet).where(articles.c.outlet.is_not(None)).group_by(articles.c.outlet)
             .order_by(func.count().desc()).limit(limit))
    return [r[0] for r in conn.execute(query)]


def date_bounds(conn: Connection) -> tuple[str | None, str | None]:
    """The first and last event day (both use the date index)."""
    first = conn.execute(select(func.min(events.c.date))).scalar()
    last = conn.execute(select(func.max(events.c.date))).scalar()
    return (first[:10] if first else None, last[:10] if last else None)


def change_stamp(conn: Connection) -> tuple[Any, ...]:
    """Cheap values that change whenever articles or events are added (for caching stats)."""
    return (conn.execute(select(func.max(articles.c.id))).scalar(), conn.execute(select(func.max(events.c.id))).scalar())


WINDOWS_DAYS = (None, 365, 90, 30, 7)


def default_since(conn: Connection, f: EventFilters, cap: int = 20_000) -> str | None:
    """For a dashboard without dates: the widest window (all, a year, 90, 30, 7 days before the last
    event) holding at most ``cap`` matching events, so the first page stays fast on big stores."""
    last = conn.execute(select(func.max(events.c.date))).scalar()
    if not last:
        return None
    end = date.fromisoformat(last[:10])
    for days in WINDOWS_DAYS:
        since = None if days is None else (end - timedelta(days=days - 1)).isoformat()
        window = EventFilters(**{**f.as_params(), "since": since})
        counted = where_events(conn, select(events.c.id), window).limit(cap + 1).subquery()
        if conn.execute(select(func.count()).select_from(counted)).scalar_one() <= cap:
            return since
    return (end - timedelta(days=6)).isoformat()
