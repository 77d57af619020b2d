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

from warta.cli import main
from warta.store.synthetic import make_articles


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


def ingest(folder: Path, target: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", target, "--no-progress",
                                       "--batch-size", "7", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_batch_dask_equals_local_row_for_row(tmp_path, store_target, dask_scheduler, stable_rows):
    folder = write_folder(tmp_path / "in", 60)
    local = str(tmp_path / "local.db")
    local_out = ingest(folder, local)
    # SQLite: a cluster started by the command; PostgreSQL: the session's cluster by address.
    cluster = ["--workers", "2"] if not store_target.startswith("postgresql") else ["--scheduler", dask_scheduler]
    dask_out = ingest(folder, store_target, "--engine", "dask", *cluster)
    # Same summary (articles/s aside): 61 read + 1 unreadable, one duplicate, one failure.
    assert local_out.split(" (")[0] == dask_out.split(" (")[0]
    assert "duplicate 1" in dask_out and "failed 1" in dask_out

    # With concurrent writers (PostgreSQL) "first report" is the first committed: compared apart.
    concurrent = store_target.startswith("postgresql")
    expected, got = stable_rows(local, concurrent=concurrent), stable_rows(store_target)
    assert len(expected["articles"]) == 60 and expected["events"] and expected["event_mentions"]
    assert expected["mentions"] and expected["entities"] and expected["failures"]
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs"
    if not concurrent:  # the shards' temporary folder next to the database is gone
        assert not list(Path(store_target).parent.glob(".warta-shards-*"))

    # A rerun on the cluster is idempotent: nothing new, every article a duplicate.
    again = ingest(folder, store_target, "--engine", "dask", "--scheduler", dask_scheduler)
    assert "new 0" in again and "duplicate 61" in again
    assert stable_rows(store_target) == expected
