"""Export: GDELT 2.0 Events / Mentions TSV, a GKG-like record per article, and tables as
CSV, JSONL or Parquet. Filters: date range, actor (code prefix or name), CAMEO code prefix."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from ..errors import InputError
from . import gdelt
from .schema import amounts, articles, entities, event_mentions, events, global_events, mentions, quotes
from .store import Store

FORMATS = ("gdelt", "mentions", "gkg", "csv", "jsonl", "parquet")
TABLES = ("events", "entities", "quotes")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DAY.match(value):
                raise InputError(f"--{name} must be a date YYYY-MM-DD, got {value!r}")

    def dates(self, column: ColumnElement) -> list[ColumnElement]:
        day = func.substr(column, 1, 10)
        out = []
        if self.since:
            out.append(day >= self.since)
        if self.until:
            out.append(day <= self.until)
        return out

    def actor_match(self, codes: list[ColumnElement], names: list[ColumnElement]) -> ColumnElement:
        prefix = self.actor.upper() + "%"
        needle = "%" + self.actor.lower() + "%"
        return or_(*(c.like(prefix) for c in codes), *(func.lower(n).like(needle) for n in names))


def _escape_check(value: str | None, option: str) -> None:
    if value is not None and any(ch in value for ch in "%_"):
        raise InputError(f"{option} takes a plain code or name, without % or _")


# ---- queries ----------------------------------------------------------------------------------

def gdelt_query(f: Filters) -> Select:
    ge, fe = global_events, events.alias("fe")
    se, te = entities.alias("se"), entities.alias("te")
    query = (
        select(ge, fe.c.source_name, fe.c.target_name, fe.c.place_name, fe.c.place_lat, fe.c.place_lon,
               fe.c.place_feature, se.c.latitude.label("source_lat"), se.c.longitude.label("source_lon"),
               se.c.country.label("source_country"), te.c.latitude.label("target_lat"),
               te.c.longitude.label("target_lon"), te.c.country.label("target_country"),
               articles.c.url, articles.c.outlet, articles.c.title, articles.c.doc_id)
        .select_from(
            ge.outerjoin(fe, fe.c.id == ge.c.first_event_id)
            .outerjoin(articles, articles.c.id == fe.c.article_id)
            .outerjoin(se, and_(se.c.article_id == fe.c.article_id, se.c.entity_id == fe.c.source_entity))
            .outerjoin(te, and_(te.c.article_id == fe.c.article_id, te.c.entity_id == fe.c.target_entity)))
        .order_by(ge.c.id)
    )
    return _event_filters(query, f, ge, fe)


def _event_filters(query: Select, f: Filters, ge, fe) -> Select:
    query = query.where(*f.dates(ge.c.date))
    if f.actor:
        query = query.where(f.actor_match([ge.c.source, ge.c.target], [fe.c.source_name, fe.c.target_name]))
    if f.code:
        query = query.where(or_(ge.c.code.like(f.code + "%"), ge.c.base_code.like(f.code + "%")))
    return query


def mentions_query(f: Filters) -> Select:
    ge, em, ev = global_events, event_mentions, events
    query = (
        select(em, ge.c.added.label("event_added"), articles.c.added.label("article_added"), articles.c.url,
               articles.c.outlet, articles.c.title, articles.c.doc_id, func.length(articles.c.text).label("doc_len"),
               ev.c.modality, ev.c.in_quote)
        .select_from(em.join(ge, ge.c.id == em.c.global_event_id).join(articles, articles.c.id == em.c.article_id)
                     .join(ev, ev.c.id == em.c.event_row_id))
        .order_by(em.c.global_event_id, em.c.id)
    )
    return _event_filters(query, f, ge, ev)


def table_query(table: str, f: Filters) -> Select:
    joined = (articles.c.url, articles.c.outlet, articles.c.published)
    if table == "events":
        own = [c for c in events.c if c.name != "outlet"]  # events.outlet copies articles.outlet
        query = select(*own, *joined).join(articles, articles.c.id == events.c.article_id)
        query = query.where(*f.dates(func.coalesce(events.c.date, articles.c.published)))
        if f.actor:
            query = query.where(f.actor_match([events.c.source, events.c.target],
                                              [events.c.source_name, events.c.target_name]))
        if f.code:
            query = query.where(events.c.code.like(f.code + "%"))
        return query.order_by(events.c.id)
    table_obj = entities if table == "entities" else quotes
    query = select(table_obj, *joined).join(articles, articles.c.id == table_obj.c.article_id)
    query = query.where(*f.dates(articles.c.published))
    if f.actor:
        if table == "entities":
            query = query.where(f.actor_match([entities.c.actor], [entities.c.name]))
        else:
            query = query.where(f.actor_match([quotes.c.speaker_actor], [quotes.c.speaker_name]))
    if f.code:
        query = query.where(_article_has_code(table_obj.c.article_id, f.code))
    return query.order_by(table_obj.c.id)


def _article_has_code(article_id: ColumnElement, code: str) -> ColumnElement:
    return exists().where(events.c.article_id == article_id, events.c.code.like(code + "%"))


def gkg_query(f: Filters) -> Select:
    query = select(articles.c.id, articles.c.url, articles.c.outlet, articles.c.title, articles.c.doc_id,
                   articles.c.published, articles.c.added).where(articles.c.status == "ok")
    query = query.where(*f.dates(articles.c.published))
    if f.actor:
        query = query.where(exists().where(entities.c.article_id == articles.c.id,
                                           f.actor_match([entities.c.actor], [entities.c.name])))
    if f.code:
        query = query.where(_article_has_code(articles.c.id, f.code))
    return query.order_by(articles.c.id)


# ---- writers ----------------------------------------------------------------------------------

@contextmanager
def _open_text(output: str | Path) -> Iterator[IO[str]]:
    if str(output) == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _tsv(handle: IO[str], records: Iterator[list[str]], columns: tuple[str, ...], header: bool) -> int:
    count = 0
    if header:
        handle.write("\t".join(columns) + "\n")
    for record in records:
        handle.write("\t".join(record) + "\n")
        count += 1
    return count


def _gkg_records(conn, f: Filters) -> Iterator[list[str]]:
    rows = [dict(r) for r in conn.execute(gkg_query(f)).mappings()]
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        ids = [r["id"] for r in chunk]
        grouped: dict[str, dict[int, list[dict[str, Any]]]] = {}
        for name, table in (("entities", entities), ("quotes", quotes), ("amounts", amounts)):
            grouped[name] = {}
            for row in conn.execute(select(table).where(table.c.article_id.in_(ids)).order_by(table.c.id)).mappings():
                grouped[name].setdefault(row["article_id"], []).append(dict(row))
        offsets: dict[int, dict[str, int]] = {}
        first = select(mentions.c.article_id, mentions.c.entity_id, func.min(mentions.c.start_char)).where(
            mentions.c.article_id.in_(ids), mentions.c.entity_id.is_not(None)).group_by(
            mentions.c.article_id, mentions.c.entity_id)
        for article_id, entity_id, start_char in conn.execute(first):
            offsets.setdefault(article_id, {})[entity_id] = start_char
        for article in chunk:
            aid = article["id"]
            yield gdelt.gkg_record(article, grouped["entities"].get(aid, []), grouped["quotes"].get(aid, []),
                                   grouped["amounts"].get(aid, []), offsets.get(aid, {}))


def export(store: Store, fmt: str, output: str | Path = "-", table: str = "events", filters: Filters | None = None,
           header: bool = False) -> int:
    """Write the export; return the number of records written."""
    f = filters or Filters()
    _escape_check(f.actor, "--actor")
    _escape_check(f.code, "--code")
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    if fmt == "parquet" and str(output) == "-":
        raise InputError("Parquet is binary: give a file with -o")
    with store.read() as conn:
        if fmt == "gdelt":
            with _open_text(output) as handle:
                records = (gdelt.event_record(dict(r)) for r in conn.execute(gdelt_query(f)).mappings())
                return _tsv(handle, records, gdelt.EVENT_COLUMNS, header)
        if fmt == "mentions":
            with _open_text(output) as handle:
                records = (gdelt.mention_record(dict(r)) for r in conn.execute(mentions_query(f)).mappings())
                return _tsv(handle, records, gdelt.MENTION_COLUMNS, header)
        if fmt == "gkg":
            with _open_text(output) as handle:
                return _tsv(handle, _gkg_records(conn, f), gdelt.GKG_COLUMNS, header)
        result = conn.execute(table_query(table, f))
        columns = list(result.keys())
        if fmt == "csv":
            with _open_text(output) as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                count = 0
                for row in result:
                    writer.writerow(row)
                    count += 1
                return count
        if fmt == "jsonl":
            with _open_text(output) as handle:
                count = 0
                for row in result.mappings():
                    handle.write(json.dumps(dict(row), ensure_ascii=False) + "\n")
                    count += 1
                return count
        return _parquet(output, columns, [tuple(r) for r in result])


def _parquet(output: str | Path, columns: list[str], rows: list[tuple]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise InputError("Parquet export needs pyarrow: pip install 'warta[parquet]'") from err
    data = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
    pq.write_table(pa.table(data), str(output))
    return len(rows)
