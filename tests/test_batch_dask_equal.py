"""--engine dask stores exactly what the single-process ingest stores, row for row.

A local Dask cluster (2 worker processes) ingests a folder of synthetic articles; the same folder
is ingested by the default engine; every table is compared with autoincrement ids replaced by
stable keys (article content hash, global event dedup key, article event id) and timestamps
dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from sqlalchemy import select

from warta.cli import main
from warta.store import Store, schema
from warta.store.synthetic import make_articles

TIMESTAMPS = {"added"}
# Fields of a global event taken from its first stored report: with concurrent writers
# (PostgreSQL) "first" is the first committed, which depends on which worker finished first.
FIRST_REPORT = ("first_event_id", "code", "root_code", "is_root", "quad_class", "goldstein")


def write_folder(folder: Path, count: int) -> Path:
    """Synthetic articles as two JSONL files and some plain-text files, plus one duplicate and
    one unreadable input, so duplicates and failures are compared too."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = make_articles(count, seed=11)
    half = count // 2
    for name, part in (("a.jsonl", articles[:half]), ("b.jsonl", articles[half:count - 10])):
        lines = [json.dumps(a.to_json(), ensure_ascii=False) for a in part]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for article in articles[count - 10:]:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (folder / "zz-duplicate.txt").write_text(articles[-1].text, encoding="utf-8")
    (folder / "zz-empty.txt").write_text("", encoding="utf-8")
    return folder


def stable_rows(target: str) -> dict[str, list[tuple]]:
    """Every table's rows, ids replaced by stable keys, sorted. On PostgreSQL (concurrent writers)
    the global events' first-report fields are checked for consistency, then left out."""
    concurrent = target.startswith("postgresql")
    if concurrent:
        check_first_reports(target)
    with Store(target) as store, store.read() as conn:
        article_key = dict(conn.execute(select(schema.articles.c.id, schema.articles.c.content_hash)).all())
        # An undated event's dedup key holds its article's id ("nodate:<id>|..."): use the hash.
        global_key = {gid: _undated(key, article_key)
                      for gid, key in conn.execute(select(schema.global_events.c.id, schema.global_events.c.dedup_key))}
        event_key = {row.id: (article_key[row.article_id], row.event_id)
                     for row in conn.execute(select(schema.events.c.id, schema.events.c.article_id,
                                                    schema.events.c.event_id))}
        swap = {"article_id": article_key, "global_event_id": global_key, "event_row_id": event_key,
                "first_event_id": event_key}
        out = {}
        for table in schema.V1_TABLES:
            if table.name == "schema_version":
                continue
            skip = {"id", *TIMESTAMPS, *(FIRST_REPORT if concurrent and table.name == "global_events" else ())}
            rows = []
            for row in conn.execute(select(table)).mappings():
                values = {name: value for name, value in row.items() if name not in skip}
                if table.name == "global_events":
                    values["dedup_key"] = _undated(values["dedup_key"], article_key)
                rows.append(tuple(sorted(
                    (name, repr(swap[name].get(value)) if name in swap and value is not None else repr(value))
                    for name, value in values.items())))
            out[table.name] = sorted(rows)
        return out


def _undated(key: str, article_key: dict[int, str]) -> str:
    day, _, rest = key.partition("|")
    if day.startswith("nodate:"):
        return f"nodate:{article_key[int(day[7:])]}|{rest}"
    return key


def check_first_reports(target: str) -> None:
    """Each global event's first report is one of its own reports, and its fields are that event's."""
    ge, ev, em = schema.global_events, schema.events, schema.event_mentions
    with Store(target) as store, store.read() as conn:
        reports = {}
        for gid, row_id in conn.execute(select(em.c.global_event_id, em.c.event_row_id)):
            reports.setdefault(gid, set()).add(row_id)
        events = {row.id: row for row in conn.execute(select(ev))}
        for row in conn.execute(select(ge)):
            assert row.first_event_id in reports[row.id]
            first = events[row.first_event_id]
            assert (row.code, row.root_code, row.is_root) == (first.code, first.root_code, first.is_root)


def ingest(folder: Path, target: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", target, "--no-progress",
                                       "--batch-size", "7", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_batch_dask_equals_local_row_for_row(tmp_path, store_target, dask_scheduler):
    folder = write_folder(tmp_path / "in", 60)
    local = str(tmp_path / "local.db")
    local_out = ingest(folder, local)
    # SQLite: a cluster started by the command; PostgreSQL: the session's cluster by address.
    cluster = ["--workers", "2"] if not store_target.startswith("postgresql") else ["--scheduler", dask_scheduler]
    dask_out = ingest(folder, store_target, "--engine", "dask", *cluster)
    # Same summary (articles/s aside): 61 read + 1 unreadable, one duplicate, one failure.
    assert local_out.split(" (")[0] == dask_out.split(" (")[0]
    assert "duplicate 1" in dask_out and "failed 1" in dask_out

    expected, got = stable_rows(local), stable_rows(store_target)
    assert len(expected["articles"]) == 60 and expected["events"] and expected["event_mentions"]
    assert expected["mentions"] and expected["entities"] and expected["failures"]
    if store_target.startswith("postgresql"):
        expected["global_events"] = sorted(tuple(c for c in row if c[0] not in FIRST_REPORT)
                                           for row in expected["global_events"])
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs"

    # A rerun on the cluster is idempotent: nothing new, every article a duplicate.
    again = ingest(folder, store_target, "--engine", "dask", "--scheduler", dask_scheduler)
    assert "new 0" in again and "duplicate 61" in again
    assert stable_rows(store_target) == expected
