"""Cross-article event dedup, as GDELT does it.

Events from different articles that agree on date, source actor, target actor and CAMEO base
code are one *global* event (GDELT's GLOBALEVENTID). Each article event becomes a row of the
mentions table pointing at its global event; NumMentions, NumSources (distinct outlets) and
NumArticles are recomputed for the global events a batch touched, inside the batch's
transaction, so the counts are always those of the committed articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, bindparam, cast, delete, func, select, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection

from .schema import articles, event_mentions, events, global_events, place_names

# Modalities whose event may not have happened: lower confidence in the mentions table.
UNCERTAIN_MODALITIES = frozenset({"intended", "hypothetical", "reported", "denied", "negated"})


def event_date(row: dict[str, Any], published: str | None) -> str | None:
    """The day of the event: its own date, else the article's publication day."""
    value = row.get("date") or published
    return value[:10] if value else None


def dedup_key(row: dict[str, Any], published: str | None, article_id: int) -> tuple[str, str | None]:
    """(key, date): date|source|target|base code; symmetric events ignore actor order."""
    date = event_date(row, published)
    source, target = row.get("source") or "", row.get("target") or ""
    if row.get("symmetric") and target < source:
        source, target = target, source
    # Without any date an event cannot be matched across articles; keep it to its article.
    day = date if date else f"nodate:{article_id}"
    return f"{day}|{source}|{target}|{row.get('base_code') or ''}", date


def confidence(row: dict[str, Any]) -> int:
    """Percent confidence: both actors found is best; a hedged modality costs 20 points."""
    score = 50 + 25 * bool(row.get("source")) + 25 * bool(row.get("target"))
    if row.get("modality") in UNCERTAIN_MODALITIES:
        score -= 20
    return score


def _insert_ignore(conn: Connection):
    module = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    return module.insert(global_events).on_conflict_do_nothing(index_elements=["dedup_key"])


def add_place_names(conn: Connection, names: set[str]) -> None:
    """Record place names not seen before (schema.place_names, for the place filter)."""
    if not names:
        return
    module = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    conn.execute(module.insert(place_names).on_conflict_do_nothing(index_elements=["name"]),
                 [{"name": name} for name in sorted(names)])


def link_events(conn: Connection, rows: list[dict[str, Any]], event_ids: list[int],
                published: dict[int, str | None], added: str) -> set[int]:
    """Attach stored article events to global events and write their mentions; return touched ids."""
    keyed = []
    candidates: dict[str, dict[str, Any]] = {}
    for row, event_row_id in zip(rows, event_ids):
        key, date = dedup_key(row, published.get(row["article_id"]), row["article_id"])
        keyed.append((key, row, event_row_id))
        if key in candidates:
            continue
        source, target = row.get("source"), row.get("target")
        if row.get("symmetric") and (target or "") < (source or ""):
            source, target = target, source
        candidates[key] = {
            "dedup_key": key, "date": date, "source": source, "target": target,
            "base_code": row.get("base_code"), "code": row.get("code"), "root_code": row.get("root_code"),
            "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein"),
            "is_root": row.get("is_root"), "first_event_id": event_row_id,
            "num_mentions": 0, "num_sources": 0, "num_articles": 0, "added": added,
        }
    conn.execute(_insert_ignore(conn), list(candidates.values()))
    ids: dict[str, int] = {}
    keys = list(candidates)
    for start in range(0, len(keys), 500):
        query = select(global_events.c.dedup_key, global_events.c.id).where(
            global_events.c.dedup_key.in_(keys[start:start + 500]))
        ids.update({key: gid for key, gid in conn.execute(query)})
    conn.execute(
        update(events).where(events.c.id == bindparam("row_id")).values(global_event_id=bindparam("gid")),
        [{"row_id": event_row_id, "gid": ids[key]} for key, _, event_row_id in keyed],
    )
    conn.execute(event_mentions.insert(), [{
        "global_event_id": ids[key], "article_id": row["article_id"], "event_row_id": event_row_id,
        "sentence": (row["sentence"] + 1) if row.get("sentence") is not None else None,
        "actor1_offset": row.get("source_start"), "actor2_offset": row.get("target_start"),
        "action_offset": row.get("trigger_start"), "confidence": confidence(row), "in_raw_text": 1,
    } for key, row, event_row_id in keyed])
    return set(ids.values())


def global_ids_of_articles(conn: Connection, article_ids: list[int]) -> set[int]:
    query = select(event_mentions.c.global_event_id).where(event_mentions.c.article_id.in_(article_ids))
    return {gid for (gid,) in conn.execute(query)}


def recompute(conn: Connection, global_ids: Iterable[int]) -> None:
    """Refresh counts and first-report fields of these global events; drop those left unmentioned."""
    ids = sorted(set(global_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        _recompute_chunk(conn, chunk)


def _recompute_chunk(conn: Connection, ids: list[int]) -> None:
    ge, em = global_events, event_mentions
    mine = em.c.global_event_id == ge.c.id
    outlet = func.coalesce(articles.c.outlet, cast(articles.c.id, String))
    conn.execute(
        update(ge).where(ge.c.id.in_(ids)).values(
            num_mentions=select(func.count()).where(mine).scalar_subquery(),
            num_articles=select(func.count(func.distinct(em.c.article_id))).where(mine).scalar_subquery(),
            num_sources=select(func.count(func.distinct(outlet))).select_from(em.join(articles))
            .where(mine).scalar_subquery(),
            first_event_id=select(func.min(em.c.event_row_id)).where(mine).scalar_subquery(),
        )
    )
    first = events.c.id == ge.c.first_event_id
    conn.execute(
        update(ge).where(ge.c.id.in_(ids), ge.c.first_event_id.is_not(None)).values(
            is_root=select(events.c.is_root).where(first).scalar_subquery(),
            code=select(events.c.code).where(first).scalar_subquery(),
            root_code=select(events.c.root_code).where(first).scalar_subquery(),
            quad_class=select(events.c.quad_class).where(first).scalar_subquery(),
            goldstein=select(events.c.goldstein).where(first).scalar_subquery(),
        )
    )
    conn.execute(delete(ge).where(ge.c.id.in_(ids), ge.c.num_mentions == 0))


def merged_stats(conn: Connection) -> dict[str, int]:
    """How much dedup merged: global events, those reported by >1 article / >1 outlet."""
    ge = global_events
    return {
        "global_events": conn.execute(select(func.count()).select_from(ge)).scalar_one(),
        "event_mentions": conn.execute(select(func.count()).select_from(event_mentions)).scalar_one(),
        "multi_article_events": conn.execute(select(func.count()).where(ge.c.num_articles > 1)).scalar_one(),
        "multi_outlet_events": conn.execute(select(func.count()).where(ge.c.num_sources > 1)).scalar_one(),
    }
