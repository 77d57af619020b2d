"""kill -9 in the middle of `warta ingest`, then rerun: the same counts as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from warta.store import Store
from warta.store.synthetic import make_articles

N_ARTICLES = 120


def _ingest_cmd(folder, target):
    return [sys.executable, "-m", "warta.cli", "ingest", str(folder), "--db", target, "--batch-size", "4",
            "--no-progress"]


def _second_target(target, tmp_path):
    if target.startswith("postgresql"):
        import psycopg

        base, _, name = target.rpartition("/")
        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}_b")
        return f"{base}/{name}_b"
    return str(tmp_path / "uninterrupted.db")


def _drop(target):
    if target.startswith("postgresql"):
        import psycopg

        base, _, name = target.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
def test_ingest_kill9_then_rerun_equals_uninterrupted(store_target, tmp_path, stable_rows):
    folder = tmp_path / "berita"
    folder.mkdir()
    for a in make_articles(N_ARTICLES, seed=5):
        (folder / f"{a.id}.txt").write_text(a.title + "\n\n" + a.text, encoding="utf-8")
    Store(store_target).close()  # the schema exists, so the poll below can count from the start

    proc = subprocess.Popen(_ingest_cmd(folder, store_target), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    poll = Store(store_target)
    try:
        deadline = time.monotonic() + 300
        while poll.counts()["articles"] == 0:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "ingest stored nothing in 300 s"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = poll.counts()["articles"]
    finally:
        poll.close()
        if proc.poll() is None:
            proc.kill()
    assert 0 < stored < N_ARTICLES, "the ingest was not interrupted mid-way"

    subprocess.run(_ingest_cmd(folder, store_target), check=True, capture_output=True, timeout=600)
    other = _second_target(store_target, tmp_path)
    try:
        subprocess.run(_ingest_cmd(folder, other), check=True, capture_output=True, timeout=600)
        # Row for row, with ids replaced by content keys: a killed PostgreSQL transaction has
        # used up sequence values, so the resumed database numbers its rows differently.
        resumed, uninterrupted = stable_rows(store_target, concurrent=False), stable_rows(other, concurrent=False)
    finally:
        _drop(other)
    assert len(resumed["articles"]) == N_ARTICLES
    assert resumed == uninterrupted
