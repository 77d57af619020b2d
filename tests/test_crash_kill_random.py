"""kill -9 at seeded random points of an ingest, several times, then rerun: row for row the clean run.

tests/test_ingest_kill.py kills `warta ingest` once, right after its first commit, and compares
counts. Here (the fast version of bench/crash_soak.py) each ingest is killed three times, at a
random time since launch and at random article counts plus a random jitter (mid-batch, possibly
mid-transaction); after every kill the database passes its integrity check (SQLite:
integrity_check, foreign_key_check, FTS5 integrity-check; PostgreSQL: foreign keys, amcheck when
available; both: global-event bookkeeping), and after the rerun every table holds exactly the
rows of an uninterrupted run: nothing lost, nothing duplicated. A second rerun changes nothing.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sqlite3
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _soak():
    name = "warta_bench_crash_soak"
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "crash_soak.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def soak():
    return _soak()


def _clean_twin(soak, store_target, tmp_path):
    """A second empty database of the same kind as store_target, for the uninterrupted run."""
    if store_target.startswith("postgresql"):
        return soak.new_target("postgres", tmp_path, os.environ["WARTA_TEST_PG_DSN"])
    return str(tmp_path / "clean.db")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["cli", "docs"])
def test_crash_kill_random_points_lose_and_duplicate_nothing(soak, store_target, tmp_path, mode):
    env = soak.freeze_code(tmp_path)
    if mode == "cli":  # the real `warta ingest`, full pipeline, with a duplicate and two bad files
        total = 40
        soak.make_corpus(tmp_path / "berita", total, seed=11)
        make_cmd = lambda target: soak.cli_cmd(tmp_path / "berita", target)
    else:  # ready-made Documents with events: most of the time is spent inside write transactions
        total = 300
        make_cmd = lambda target: soak.docs_cmd(target, total, 11)
    clean_target = _clean_twin(soak, store_target, tmp_path)
    try:
        horizon = soak.run_to_end(make_cmd(clean_target), env)
        clean = soak.snapshot(clean_target)
        assert soak.integrity_problems(clean_target) == []
    finally:
        if clean_target.startswith("postgresql"):
            soak.drop_target(clean_target, os.environ["WARTA_TEST_PG_DSN"])
    assert sum(clean["articles"].values()) >= total
    assert sum(clean["failures"].values()) >= (1 if mode == "cli" else 0)  # the empty file at least
    assert sum(clean["events"].values()) > 0 and sum(clean["global_events"].values()) > 0

    result = soak.crash_cycle(
        make_cmd(store_target),
        store_target,
        clean,
        random.Random(f"{mode}-{store_target[:4]}"),
        kills=3,
        horizon=horizon,
        total=total,
        env=env,
    )

    assert result["kills_with_work_left"] >= 2, result["attempts"]
    assert result["problems_after_kill"] == [], result["problems_after_kill"]
    assert result["problems_final"] == []
    assert result["lost"] == 0 and result["duplicated"] == 0, result["tables"]
    assert result["changed_by_rerun"] == 0


def test_crash_kill_random_snapshot_sees_a_lost_and_a_duplicated_row(soak, tmp_path):
    """The comparison itself can fail: delete one event and copy another's mention row; both show."""
    env = soak.freeze_code(tmp_path)
    target = str(tmp_path / "w.db")
    soak.run_to_end(soak.docs_cmd(target, 30, 3), env)
    clean = soak.snapshot(target)
    with sqlite3.connect(target) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")  # its mention goes too
        conn.execute(
            "INSERT INTO event_mentions (global_event_id, article_id, event_row_id, sentence, confidence) "
            "SELECT global_event_id, article_id, event_row_id, sentence, confidence FROM event_mentions "
            "ORDER BY id LIMIT 1"
        )
    diff = soak.compare(clean, soak.snapshot(target))
    assert diff["events"]["lost"] == 1 and diff["event_mentions"]["lost"] == 1
    assert diff["event_mentions"]["extra"] == 1 and diff["articles"]["lost"] == 0
    # The global event it fed now counts a mention that no longer exists.
    assert any("global event" in p for p in soak.integrity_problems(target))
