"""Read-only queries for articles (with their spans), entities across articles, and full-text search.

An entity row belongs to one article; the same person or organisation across articles is the
group of rows sharing a gazetteer key (kb_id) or, without one, the same type and lower-cased name.
A group is named by its smallest row id, which is what /entities/{id} takes.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from .errors import InputError
from .queries import MAX_PAGE_SIZE, MAX_VALUE_LEN, _contains, _prefix, clean_text, explain
from .store.schema import articles, entities, events, mentions, quotes

MARK_START, MARK_END = "\x02", "\x03"  # snippet markers; never in escaped article text
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")


def _group_match(row: dict[str, Any], table=entities) -> ColumnElement:
    if row.get("kb_id"):
        return table.c.kb_id == row["kb_id"]
    return and_(table.c.kb_id.is_(None), table.c.type == row["type"],
                func.lower(table.c.name) == (row["name"] or "").lower())


def _check_page(page: int, size: int) -> None:
    if page < 1:
        raise InputError("page must be 1 or more")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise InputError(f"size must be between 1 and {MAX_PAGE_SIZE}")
    if (page - 1) * size > 1_000_000:  # as list_events: a huge page overflows the database's OFFSET
        raise InputError("page is too far; narrow the filters instead")


def list_entities(conn: Connection, q: str | None = None, type_: str | None = None, actor: str | None = None,
                  page: int = 1, size: int = 50) -> dict[str, Any]:
    """Entities grouped across articles, most widely reported first."""
    _check_page(page, size)
    q, type_, actor = clean_text(q), clean_text(type_), clean_text(actor)
    for name, value in (("q", q), ("actor", actor)):
        if value and len(value) > MAX_VALUE_LEN:
            raise InputError(f"{name} is longer than {MAX_VALUE_LEN} characters")
    if type_ and type_ not in ENTITY_TYPES:
        raise InputError(f"type must be one of {', '.join(ENTITY_TYPES)}, got {type_!r}")
    e = entities.c
    key = func.coalesce(e.kb_id, e.type + ":" + func.lower(e.name))
    query = select(func.min(e.id).label("id"), func.min(e.name).label("name"), func.min(e.type).label("type"),
                   func.max(e.actor).label("actor"), func.max(e.country).label("country"),
                   func.max(e.kb_id).label("kb_id"), func.count(func.distinct(e.article_id)).label("articles"),
                   func.sum(e.n_mentions).label("mentions"))
    if q:
        query = query.where(_contains(e.name, q))
    if type_:
        query = query.where(e.type == type_)
    if actor:
        query = query.where(_prefix(e.actor, actor.upper()))
    query = query.group_by(key).order_by(func.count(func.distinct(e.article_id)).desc(), func.min(e.name))
    rows = [dict(r) for r in conn.execute(query.limit(size).offset((page - 1) * size)).mappings()]
    return {"filters": {k: v for k, v in (("q", q), ("type", type_), ("actor", actor)) if v},
            "page": page, "size": size, "entities": rows}


def get_entity(conn: Connection, entity_row: int, limit: int = 500) -> dict[str, Any] | None:
    """An entity group: who it is, its aliases, articles, events over time and what it said."""
    row = conn.execute(select(entities).where(entities.c.id == entity_row)).mappings().first()
    if row is None:
        return None
    row = dict(row)
    match = _group_match(row)
    members = select(entities.c.article_id, entities.c.entity_id).where(match).subquery()
    alias_q = (select(mentions.c.text, func.count().label("n"))
               .join(members, and_(members.c.article_id == mentions.c.article_id,
                                   members.c.entity_id == mentions.c.entity_id))
               .where(mentions.c.kind.in_(("name", "abbreviation")))
               .group_by(mentions.c.text).order_by(func.count().desc(), mentions.c.text).limit(50))
    aliases = [{"text": t, "n": n} for t, n in conn.execute(alias_q)]
    summary = conn.execute(select(func.count(func.distinct(entities.c.article_id)), func.max(entities.c.actor),
                                  func.max(entities.c.country), func.max(entities.c.role), func.max(entities.c.title))
                           .where(match)).one()
    on_event = or_(members.c.entity_id == events.c.source_entity, members.c.entity_id == events.c.target_entity)
    event_q = (select(events.c.id, events.c.article_id, events.c.date, events.c.code, events.c.root_code,
                      events.c.quad_class, events.c.source, events.c.source_name, events.c.target,
                      events.c.target_name, events.c.modality, events.c.sentence_text,
                      (members.c.entity_id == events.c.source_entity).label("as_source"))
               .join(members, and_(members.c.article_id == events.c.article_id, on_event))
               .order_by(events.c.date.desc(), events.c.id.desc()).limit(limit))
    event_rows = [dict(r) for r in conn.execute(event_q).mappings()]
    per_day: dict[str, dict[str, int]] = {}
    for ev in event_rows:
        if ev["date"]:
            bucket = per_day.setdefault(ev["date"][:10], {"1": 0, "2": 0, "3": 0, "4": 0, "none": 0})
            bucket[str(ev["quad_class"]) if ev["quad_class"] else "none"] += 1
    quote_q = (select(quotes.c.id, quotes.c.article_id, quotes.c.text, quotes.c.direct, quotes.c.cue,
                      quotes.c.addressee_name, articles.c.title, articles.c.published, articles.c.outlet)
               .join(members, and_(members.c.article_id == quotes.c.article_id,
                                   members.c.entity_id == quotes.c.speaker))
               .join(articles, articles.c.id == quotes.c.article_id)
               .order_by(articles.c.published.desc(), quotes.c.id).limit(limit))
    article_q = (select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published)
                 .join(members, members.c.article_id == articles.c.id)
                 .order_by(articles.c.published.desc(), articles.c.id.desc()).limit(limit))
    return {
        "id": entity_row, "name": row["name"], "type": row["type"], "kb_id": row["kb_id"],
        "articles_count": summary[0], "actor": summary[1], "country": summary[2], "role": summary[3],
        "title": summary[4], "aliases": aliases,
        "events_per_day": [{"day": d, **c} for d, c in sorted(per_day.items())],
        "events": event_rows, "quotes": [dict(r) for r in conn.execute(quote_q).mappings()],
        "articles": [dict(r) for r in conn.execute(article_q).mappings()],
    }


def get_article(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """An article's text with its entities, mentions, quotes and events (spans as char offsets)."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    article = dict(row)
    article["metadata"] = json.loads(article["metadata"]) if article.get("metadata") else {}
    by_article = {}
    for name, table, order in (("entities", entities, entities.c.id), ("mentions", mentions, mentions.c.start_char),
                               ("quotes", quotes, quotes.c.start_char), ("events", events, events.c.id)):
        by_article[name] = [dict(r) for r in conn.execute(
            select(table).where(table.c.article_id == article_id).order_by(order, table.c.id)).mappings()]
    for ev in by_article["events"]:
        raw = json.loads(ev["explanation"]) if ev.get("explanation") else None
        ev["explanation"] = explain(raw, article["text"], ev)
    group_ids = {}
    for ent in by_article["entities"]:
        # Link each entity to its cross-article group (the smallest row id of the group).
        group_ids[ent["entity_id"]] = conn.execute(select(func.min(entities.c.id)).where(_group_match(ent))).scalar()
    for ent in by_article["entities"]:
        ent["group_id"] = group_ids.get(ent["entity_id"])
    article.update(by_article)
    return article


def search(conn: Connection, q: str, page: int = 1, size: int = 20) -> dict[str, Any]:
    """Articles matching the words of ``q``, best first, with a snippet (marked with \\x02...\\x03)."""
    _check_page(page, size)
    q = clean_text(q)
    if not q or not q.split():
        raise InputError("q must contain at least one word")
    if len(q) > MAX_VALUE_LEN:
        raise InputError(f"q is longer than {MAX_VALUE_LEN} characters")
    params = {"limit": size, "offset": (page - 1) * size}
    if conn.dialect.name == "postgresql":
        from .store.postgres import FTS_EXPR

        sql = (f"SELECT id, title, outlet, published, url, ts_headline('simple', text, plainto_tsquery('simple', :q),"
               f" :opts) AS snippet FROM articles WHERE {FTS_EXPR} @@ plainto_tsquery('simple', :q) "
               f"ORDER BY ts_rank({FTS_EXPR}, plainto_tsquery('simple', :q)) DESC, id LIMIT :limit OFFSET :offset")
        params.update(q=q, opts=f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12")
    else:
        from .store.sqlite import quote_query

        sql = ("SELECT a.id, a.title, a.outlet, a.published, a.url, "
               "snippet(articles_fts, 1, :ms, :me, '…', 24) AS snippet FROM articles_fts "
               "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH :q "
               "ORDER BY rank, a.id LIMIT :limit OFFSET :offset")
        params.update(q=quote_query(q), ms=MARK_START, me=MARK_END)
    rows = [dict(r) for r in conn.execute(text(sql), params).mappings()]
    if rows:
        counts = dict(conn.execute(select(events.c.article_id, func.count()).where(
            events.c.article_id.in_([r["id"] for r in rows])).group_by(events.c.article_id)).all())
        for r in rows:
            r["events"] = counts.get(r["id"], 0)
    return {"q": q, "page": page, "size": size, "articles": rows}
