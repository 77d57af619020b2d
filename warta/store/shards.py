"""SQLite shards: one partition's articles written to their own file, then merged into the store.

``warta ingest --engine dask`` on SQLite has each worker write its partition to a shard (a SQLite
file with the store's schema) through the ordinary ``Store.add_articles``: the same article rows,
derived rows, dedup keys and per-batch global events as the single-process ingest writes for one
batch. The client then merges each shard with set-based SQL (ATTACH, INSERT ... SELECT), in input
order, one transaction per shard, as the single-process ingest commits one transaction per batch:

- each shard article is classified against the target database as the single-process ingest
  would: new, a duplicate (same content hash or URL already stored) or, with ``--reprocess``,
  a replacement of a stored article made by another pipeline version or that failed;
- new articles, events and their derived rows get fresh ids in shard order (so in input order);
- global events are matched by dedup key (an undated key names its article id, which is
  rewritten to the new id), then ``dedup.recompute`` refreshes every global event touched,
  exactly the step the single-process ingest runs after each batch.

Why not one transaction over all shards: SQLite cannot DETACH inside a transaction and attaches
at most 10 databases at a time, and a transaction per shard keeps the single-process crash
semantics (a killed merge keeps the shards committed so far; rerunning skips them).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy.engine import Connection

from ..doc import Document
from . import dedup
from .ingest import Summary
from .rows import content_hash
from .schema import (
    DERIVED_TABLES,
    amounts,
    articles,
    entities,
    event_mentions,
    events,
    global_events,
    mentions,
    now,
    quotes,
)
from .store import Store

# A shard is written once and read once: a lost shard is simply written again by the task's retry.
SHARD_PRAGMAS = {"journal_mode": "OFF", "synchronous": "OFF"}
TEMPLATE_NAME = "template.db"
_TEMP_TABLES = (
    ("shard_amap", "shard_id INTEGER PRIMARY KEY, main_id INTEGER, mode TEXT NOT NULL"),
    ("shard_emap", "shard_id INTEGER PRIMARY KEY, main_id INTEGER NOT NULL"),
    ("shard_gmap", "shard_gid INTEGER PRIMARY KEY, dedup_key TEXT NOT NULL, main_gid INTEGER"),
)


def make_template(folder: Path) -> Path:
    """An empty shard (the store's schema) in ``folder``, copied for each partition.

    Copying is ~10x cheaper than creating and migrating a database per partition. The read
    indexes and the full-text triggers are dropped: the shard is read once, in full, by the
    merge, and the target database indexes what it receives."""
    path = Path(folder) / TEMPLATE_NAME
    with Store(str(path)) as store, store.write() as conn:
        for kind, name in conn.exec_driver_sql(
                "SELECT type, name FROM sqlite_master WHERE (type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\')"
                " OR (type = 'trigger' AND name LIKE 'articles\\_fts\\_%' ESCAPE '\\')").all():
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA journal_mode=DELETE")  # one file to copy, no -wal beside it
    finally:
        raw.close()
    return path


def write_shard(template: Path, path: Path, outcomes: list[tuple[Document, tuple[str, str] | None]],
                version: str) -> Path:
    """Write processed documents (doc, error or None) as a shard at ``path``; all or nothing.

    The file appears under its final name only when complete, so a retried or killed task never
    leaves half a shard for the merge."""
    path = Path(path)
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.part")
    shutil.copyfile(template, partial)
    try:
        with Store(str(partial), pragmas=SHARD_PRAGMAS, migrate=False) as store, store.write() as conn:
            store.add_articles(conn, [(doc, content_hash(doc.text), error) for doc, error in outcomes], version)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def merge_shard(store: Store, shard: Path, reprocess: bool = False, version: str | None = None) -> Summary:
    """Merge one shard into the (SQLite) store in one transaction; counts of what it added.

    ``new``, ``duplicate``, ``reprocessed``, ``failed`` (articles whose pipeline failed),
    ``events`` and ``reasons`` are filled as the single-process ingest fills them; ``read`` is not."""
    if store.kind != "sqlite":
        raise ValueError("shards merge into SQLite only; PostgreSQL takes concurrent writers")
    counts = Summary()
    with store.errors(), store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        # ATTACH and DETACH outside the transaction (SQLite refuses DETACH inside one).
        raw.execute("ATTACH DATABASE ? AS shard", (str(shard),))
        try:
            conn.execution_options(warta_write=True)
            with conn.begin():
                _merge(conn, reprocess, version, counts)
        finally:
            raw.execute("DETACH DATABASE shard")
    return counts


def _names(table, skip: tuple[str, ...]) -> list[str]:
    return [c.name for c in table.c if c.name not in skip]


def _merge(conn: Connection, reprocess: bool, version: str | None, counts: Summary) -> None:
    run = conn.exec_driver_sql
    for name, columns in _TEMP_TABLES:
        run(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns})")
        run(f"DELETE FROM temp.{name}")
    added = now()

    # 1. What each shard article is for the target: the single-process ingest's rules.
    run("INSERT INTO temp.shard_amap (shard_id, main_id, mode) "
        "SELECT s.id, m.id, CASE WHEN m.id IS NULL THEN 'new' "
        "  WHEN ? AND (m.pipeline_version IS NOT ? OR m.status <> 'ok') THEN 'replace' "
        "  ELSE 'duplicate' END "
        "FROM shard.articles AS s LEFT JOIN main.articles AS m ON m.id = coalesce("
        "  (SELECT id FROM main.articles WHERE content_hash = s.content_hash),"
        "  (SELECT id FROM main.articles WHERE url = s.url))", (int(reprocess), version))
    base = run("SELECT coalesce(max(id), 0) FROM main.articles").scalar()
    run("UPDATE temp.shard_amap SET main_id = ? + r.n FROM (SELECT shard_id AS sid, "
        "row_number() OVER (ORDER BY shard_id) AS n FROM temp.shard_amap WHERE mode = 'new') AS r "
        "WHERE shard_amap.shard_id = r.sid", (base,))
    for mode, number in run("SELECT mode, count(*) FROM temp.shard_amap GROUP BY mode").all():
        setattr(counts, {"new": "new", "replace": "reprocessed", "duplicate": "duplicate"}[mode], number)
    kept = "JOIN temp.shard_amap AS a ON a.shard_id = s.{} AND a.mode <> 'duplicate'"

    # 2. Replaced articles lose their derived rows (and their global events get recounted).
    touched: set[int] = set()
    if counts.reprocessed:
        replaced = "SELECT main_id FROM temp.shard_amap WHERE mode = 'replace'"
        touched |= {gid for (gid,) in run(f"SELECT DISTINCT global_event_id FROM main.event_mentions "
                                          f"WHERE article_id IN ({replaced})")}
        for table in DERIVED_TABLES:
            run(f"DELETE FROM main.{table.name} WHERE article_id IN ({replaced})")
        run("UPDATE main.articles AS t SET pipeline_version = s.pipeline_version, status = s.status, "
            "error = s.error, error_kind = s.error_kind, metadata = s.metadata "
            "FROM temp.shard_amap AS a JOIN shard.articles AS s ON s.id = a.shard_id "
            "WHERE a.mode = 'replace' AND t.id = a.main_id")

    # 3. New articles (the full-text triggers of the target index them), then their rows.
    cols = _names(articles, ("id", "added"))
    run(f"INSERT INTO main.articles (id, {', '.join(cols)}, added) "
        f"SELECT a.main_id, {', '.join('s.' + c for c in cols)}, ? FROM shard.articles AS s "
        f"JOIN temp.shard_amap AS a ON a.shard_id = s.id WHERE a.mode = 'new' ORDER BY s.id", (added,))
    for table in (entities, mentions, quotes, amounts):
        cols = _names(table, ("id", "article_id"))
        run(f"INSERT INTO main.{table.name} (article_id, {', '.join(cols)}) "
            f"SELECT a.main_id, {', '.join('s.' + c for c in cols)} FROM shard.{table.name} AS s "
            f"{kept.format('article_id')} ORDER BY s.id")
    for kind, error, number in run(f"SELECT s.error_kind, s.error, count(*) FROM shard.articles AS s "
                                   f"{kept.format('id')} WHERE s.status = 'failed' GROUP BY 1, 2").all():
        counts.failed += number
        counts.reasons[f"{kind}: {error}"] += number

    # 4. Global events by dedup key; "nodate:<article id>|..." keys name the new article id.
    run("INSERT INTO temp.shard_gmap (shard_gid, dedup_key) "
        "SELECT g.id, CASE WHEN g.dedup_key LIKE 'nodate:%' THEN 'nodate:' || "
        "  (SELECT a.main_id FROM temp.shard_amap AS a WHERE a.shard_id = "
        "   CAST(substr(g.dedup_key, 8, instr(g.dedup_key, '|') - 8) AS INTEGER)) "
        "  || substr(g.dedup_key, instr(g.dedup_key, '|')) ELSE g.dedup_key END "
        "FROM shard.global_events AS g WHERE EXISTS (SELECT 1 FROM shard.event_mentions AS s "
        f"{kept.format('article_id')} WHERE s.global_event_id = g.id)")
    cols = _names(global_events, ("id", "dedup_key", "first_event_id", "num_mentions", "num_sources",
                                  "num_articles", "added"))
    # Counts and the first report are left to dedup.recompute below, as in the single-process ingest.
    run(f"INSERT INTO main.global_events (dedup_key, {', '.join(cols)}, num_mentions, num_sources, "
        f"num_articles, added) SELECT m.dedup_key, {', '.join('g.' + c for c in cols)}, 0, 0, 0, ? "
        f"FROM temp.shard_gmap AS m JOIN shard.global_events AS g ON g.id = m.shard_gid WHERE true "
        f"ORDER BY m.shard_gid ON CONFLICT (dedup_key) DO NOTHING", (added,))
    run("UPDATE temp.shard_gmap SET main_gid = "
        "(SELECT g.id FROM main.global_events AS g WHERE g.dedup_key = shard_gmap.dedup_key)")

    # 5. Events (fresh ids in shard order), their place names and their mentions rows.
    base = run("SELECT coalesce(max(id), 0) FROM main.events").scalar()
    run(f"INSERT INTO temp.shard_emap (shard_id, main_id) SELECT s.id, ? + row_number() OVER (ORDER BY s.id) "
        f"FROM shard.events AS s {kept.format('article_id')}", (base,))
    cols = _names(events, ("id", "article_id", "global_event_id", "outlet"))
    # The events' copy of the outlet follows the stored article (which re-processing keeps).
    run(f"INSERT INTO main.events (id, article_id, global_event_id, outlet, {', '.join(cols)}) "
        f"SELECT e.main_id, a.main_id, gm.main_gid, (SELECT outlet FROM main.articles WHERE id = a.main_id), "
        f"{', '.join('s.' + c for c in cols)} FROM shard.events AS s "
        f"JOIN temp.shard_emap AS e ON e.shard_id = s.id JOIN temp.shard_amap AS a ON a.shard_id = s.article_id "
        f"LEFT JOIN temp.shard_gmap AS gm ON gm.shard_gid = s.global_event_id ORDER BY s.id")
    run(f"INSERT INTO main.place_names (name) SELECT DISTINCT s.place_name FROM shard.events AS s "
        f"{kept.format('article_id')} WHERE s.place_name IS NOT NULL ON CONFLICT (name) DO NOTHING")
    cols = _names(event_mentions, ("id", "global_event_id", "article_id", "event_row_id"))
    run(f"INSERT INTO main.event_mentions (global_event_id, article_id, event_row_id, {', '.join(cols)}) "
        f"SELECT gm.main_gid, a.main_id, e.main_id, {', '.join('s.' + c for c in cols)} "
        f"FROM shard.event_mentions AS s {kept.format('article_id')} "
        f"JOIN temp.shard_emap AS e ON e.shard_id = s.event_row_id "
        f"JOIN temp.shard_gmap AS gm ON gm.shard_gid = s.global_event_id ORDER BY s.id")
    counts.events = run("SELECT count(*) FROM temp.shard_emap").scalar()
    touched |= {gid for (gid,) in run("SELECT main_gid FROM temp.shard_gmap")}
    dedup.recompute(conn, touched)
