"""Crash soak: kill -9 an ingest at random points many times, rerun, compare with a clean run.

    python -m bench.crash_soak                       # SQLite, and PostgreSQL when WARTA_TEST_PG_DSN is set
    python -m bench.crash_soak --kills 60 --backend sqlite --seed 3

Two kinds of ingest are killed, each against its own uninterrupted twin:

* ``cli``: the real ``warta ingest`` (full pipeline) over a folder of synthetic articles plus a
  duplicate, an empty file and a binary file, so dedup and the failures table are exercised too;
* ``docs``: a child process that stores ready-made synthetic Documents with events (empty
  pipeline), so nearly all its time is spent inside write transactions and global-event dedup.

Kill points are seeded: either a random time since launch (start-up, migrations and all), or
"after k more articles were committed" plus a random jitter, so kills land mid-batch. After every
kill the database must pass its integrity check; after the final rerun every table must hold
exactly the rows of the clean run (row-level keys, database ids mapped to content hashes):
nothing lost, nothing duplicated. A further rerun must change nothing.

Writes bench/results/crash_soak.json; docs/hardening-api.md quotes its last results.
tests/test_crash_kill_random.py runs a small version of the same cycle.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TABLES = (
    "articles",
    "failures",
    "entities",
    "mentions",
    "quotes",
    "amounts",
    "events",
    "global_events",
    "event_mentions",
)
# Columns that differ between two correct runs: database ids (mapped to stable keys below) and times.
VOLATILE = {"id", "added"}


# ---- inputs and commands ----------------------------------------------------------------------
def make_corpus(folder: Path, count: int, seed: int) -> int:
    """Synthetic articles as text files, plus a duplicate, an empty and a binary file; returns files written."""
    from warta.store.synthetic import make_articles

    folder.mkdir(parents=True, exist_ok=True)
    arts = make_articles(count, seed=seed)
    for a in arts:
        (folder / f"{a.id}.txt").write_text(a.title + "\n\n" + a.text, encoding="utf-8")
    (folder / "zz-duplicate.txt").write_text(arts[0].title + "\n\n" + arts[0].text, encoding="utf-8")
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    return count + 3


def freeze_code(work: Path) -> dict[str, str]:
    """Copy the warta package into ``work`` and return an environment that runs that copy, so every
    run of a soak uses the same code even while the working tree is being edited (the pipeline
    version stored with each article is a fingerprint of that code)."""
    import shutil

    code = work / "code"
    if not code.exists():
        shutil.copytree(REPO / "warta", code / "warta", ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(code)}


def _cwd(env: dict[str, str] | None) -> str:
    return env["PYTHONPATH"] if env and "PYTHONPATH" in env else str(REPO)


def cli_cmd(folder: Path, target: str, batch_size: int = 4) -> list[str]:
    return [
        sys.executable,
        "-m",
        "warta.cli",
        "ingest",
        str(folder),
        "--db",
        target,
        "--batch-size",
        str(batch_size),
        "--no-progress",
    ]


def docs_cmd(target: str, count: int, seed: int, batch_size: int = 10) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "_child-docs",
        target,
        str(count),
        str(seed),
        str(batch_size),
    ]


def _child_docs(target: str, count: int, seed: int, batch_size: int) -> None:
    """The write-heavy ingest: ready-made Documents with events, no pipeline stages."""
    from warta.pipeline import Pipeline
    from warta.store import Store
    from warta.store.ingest import ingest
    from warta.store.synthetic import make_articles

    docs = [a.to_document() for a in make_articles(count, seed=seed)]
    with Store(target) as store:
        summary = ingest(docs, store, Pipeline([]), version="soak", batch_size=batch_size)
    print(summary.lines()[0])


# ---- targets ----------------------------------------------------------------------------------
def new_target(kind: str, folder: Path, pg_dsn: str | None = None) -> str:
    """A fresh empty database: a SQLite path in ``folder`` or a new PostgreSQL database."""
    if kind == "sqlite":
        return str(folder / f"soak-{uuid.uuid4().hex[:8]}.db")
    import psycopg

    name = f"warta_soak_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{pg_dsn.rpartition('/')[0]}/{name}"


def drop_target(target: str, pg_dsn: str | None = None) -> None:
    if target.startswith("postgresql"):
        import psycopg

        with psycopg.connect(pg_dsn, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {target.rpartition('/')[2]} WITH (FORCE)")
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(target + suffix).unlink(missing_ok=True)


def stored_articles(target: str) -> int:
    """Committed articles, read without the Store (no migrations, no locks held afterwards)."""
    if target.startswith("postgresql"):
        import psycopg

        with psycopg.connect(target, connect_timeout=5) as conn:
            exists = conn.execute("SELECT to_regclass('articles')").fetchone()[0]
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0] if exists else 0
    if not Path(target).exists():
        return 0
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=5)
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0] if has else 0
    except sqlite3.OperationalError:
        return 0  # the schema is being created right now
    finally:
        conn.close()


# ---- what a database holds --------------------------------------------------------------------
def _rows(target: str, table: str) -> list[dict[str, Any]]:
    if target.startswith("postgresql"):
        import psycopg
        from psycopg.rows import dict_row

        with psycopg.connect(target, row_factory=dict_row) as conn:
            return list(conn.execute(f"SELECT * FROM {table}"))
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
    finally:
        conn.close()


def snapshot(target: str) -> dict[str, Counter]:
    """Every row of every table as a multiset of tuples, with database ids replaced by stable keys
    (article -> content hash, event -> (hash, event id), global event -> its dedup key)."""
    data = {t: _rows(target, t) for t in TABLES}
    article = {r["id"]: r["content_hash"] for r in data["articles"]}
    event = {r["id"]: (article[r["article_id"]], r["event_id"]) for r in data["events"]}

    def dedup_key(key: str) -> str:
        # Events without a date are keyed by their article's id, which differs between runs.
        if key.startswith("nodate:"):
            day, _, rest = key.partition("|")
            return f"nodate:{article.get(int(day[7:]), day)}|{rest}"
        return key

    glob = {r["id"]: dedup_key(r["dedup_key"]) for r in data["global_events"]}
    maps = {"article_id": article, "event_row_id": event, "first_event_id": event, "global_event_id": glob}
    out: dict[str, Counter] = {}
    for table, rows in data.items():
        items = Counter()
        for row in rows:
            values = []
            for name in sorted(row):
                if name in VOLATILE:
                    continue
                value = row[name]
                if name in maps and value is not None:
                    value = maps[name].get(value, ("dangling", value))
                elif name == "dedup_key":
                    value = dedup_key(value)
                values.append((name, value))
            items[tuple(values)] += 1
        out[table] = items
    return out


def compare(clean: dict[str, Counter], got: dict[str, Counter]) -> dict[str, dict[str, int]]:
    """Per table: rows of the clean run missing here (lost) and rows here beyond it (duplicated or extra)."""
    return {
        t: {
            "clean": sum(clean[t].values()),
            "got": sum(got[t].values()),
            "lost": sum((clean[t] - got[t]).values()),
            "extra": sum((got[t] - clean[t]).values()),
        }
        for t in TABLES
    }


CONSISTENCY = {
    "global event counts differ from its mentions": "SELECT count(*) FROM global_events g WHERE num_mentions <> (SELECT count(*) FROM event_mentions m "
    "WHERE m.global_event_id = g.id) OR num_articles <> (SELECT count(DISTINCT article_id) "
    "FROM event_mentions m WHERE m.global_event_id = g.id)",
    "global event without mentions": "SELECT count(*) FROM global_events g WHERE NOT EXISTS "
    "(SELECT 1 FROM event_mentions m WHERE m.global_event_id = g.id)",
    "event without a global event or mention": "SELECT count(*) FROM events e WHERE e.global_event_id IS NULL OR NOT EXISTS "
    "(SELECT 1 FROM event_mentions m WHERE m.event_row_id = e.id)",
    "failed article with derived rows": "SELECT count(*) FROM articles a WHERE a.status = 'failed' AND (EXISTS (SELECT 1 FROM events e "
    "WHERE e.article_id = a.id) OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id))",
}
# Foreign keys checked by hand on PostgreSQL (SQLite has PRAGMA foreign_key_check).
FOREIGN_KEYS = (
    ("entities", "article_id", "articles"),
    ("mentions", "article_id", "articles"),
    ("quotes", "article_id", "articles"),
    ("amounts", "article_id", "articles"),
    ("events", "article_id", "articles"),
    ("events", "global_event_id", "global_events"),
    ("event_mentions", "article_id", "articles"),
    ("event_mentions", "event_row_id", "events"),
    ("event_mentions", "global_event_id", "global_events"),
)


def integrity_problems(target: str) -> list[str]:
    """What is wrong with the database now (empty when nothing): the engine's own checks, foreign
    keys, the full-text index, and the global-event bookkeeping."""
    if target.startswith("postgresql"):
        return _pg_problems(target)
    if not Path(target).exists():
        return []
    conn = sqlite3.connect(target, isolation_level=None, timeout=30)
    try:
        problems = [
            f"integrity_check: {r[0]}" for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"
        ]
        problems += [f"foreign_key_check: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles_fts" in tables:
            try:
                conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as err:
                problems.append(f"full-text index: {err}")
        if "event_mentions" in tables:
            for what, sql in CONSISTENCY.items():
                if n := conn.execute(sql).fetchone()[0]:
                    problems.append(f"{what}: {n} rows")
        return problems
    finally:
        conn.close()


def _pg_problems(target: str) -> list[str]:
    import psycopg

    problems = []
    with psycopg.connect(target) as conn:
        if conn.execute("SELECT to_regclass('event_mentions')").fetchone()[0] is None:
            return []
        for table, column, parent in FOREIGN_KEYS:
            n = conn.execute(
                f"SELECT count(*) FROM {table} c WHERE c.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.id = c.{column})"
            ).fetchone()[0]
            if n:
                problems.append(f"{table}.{column}: {n} rows point at no {parent}")
        for what, sql in CONSISTENCY.items():
            if n := conn.execute(sql).fetchone()[0]:
                problems.append(f"{what}: {n} rows")
    return problems + _pg_amcheck(target)


def _pg_amcheck(target: str) -> list[str]:
    """B-tree and heap checks (amcheck) as the cluster's superuser; [] when that is not possible
    (no trust login for 'postgres', or the extension is not installed)."""
    import psycopg

    rest = target.split("@", 1)[1]
    try:
        conn = psycopg.connect(f"postgresql://postgres@{rest}", autocommit=True, connect_timeout=5)
    except psycopg.Error:
        return []
    problems = []
    with conn:
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        except psycopg.Error:
            return []
        indexes = conn.execute(
            "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
            "WHERE n.nspname = 'public' AND a.amname = 'btree'"
        ).fetchall()
        for (index,) in indexes:
            try:
                conn.execute("SELECT bt_index_check(%s::regclass, true)", (index,))
            except psycopg.Error as err:
                problems.append(f"amcheck {index}: {str(err).splitlines()[0]}")
        for table in TABLES:
            bad = conn.execute("SELECT count(*) FROM verify_heapam(%s::regclass)", (table,)).fetchone()[0]
            if bad:
                problems.append(f"verify_heapam {table}: {bad} corrupt tuples")
    return problems


# ---- one kill, one cycle ----------------------------------------------------------------------
@dataclass
class Kill:
    schedule: str  # "time" or "progress"
    delay: float  # seconds after launch at which SIGKILL was sent
    killed: bool  # False when the ingest finished first
    stored_before: int
    stored_after: int
    problems: list[str] = field(default_factory=list)


def run_to_end(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 900) -> float:
    started = time.monotonic()
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, cwd=_cwd(env), env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return time.monotonic() - started


def kill_once(
    cmd: list[str], target: str, wait: float, goal: int | None = None, env: dict[str, str] | None = None,
    cap: int | None = None,
) -> Kill:
    """Launch ``cmd`` and SIGKILL it ``wait`` seconds after launch ("time"; sooner if ``cap`` articles
    are stored by then, so that a slow machine still leaves work for the rerun), or, with ``goal``,
    ``wait`` seconds after ``goal`` articles are committed ("progress")."""
    before = stored_articles(target)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=_cwd(env), env=env)
    try:
        if goal is not None:
            deadline = started + 600
            while proc.poll() is None and stored_articles(target) < goal and time.monotonic() < deadline:
                time.sleep(0.005)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=wait)
        else:
            deadline = started + wait
            while proc.poll() is None and time.monotonic() < deadline:
                if cap is not None and stored_articles(target) >= cap:
                    break
                time.sleep(0.005)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        delay = time.monotonic() - started
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    error = proc.stderr.read().decode()
    proc.stderr.close()
    if not killed and proc.returncode != 0:
        raise RuntimeError(f"the ingest failed on its own ({proc.returncode}): {error[-500:]}")
    return Kill(
        "time" if goal is None else "progress",
        round(delay, 3),
        killed,
        before,
        stored_articles(target),
        integrity_problems(target),
    )


def kill_plan(
    rng: random.Random, kills: int, horizon: float, total: int, jitter: float
) -> list[tuple[float, int | None]]:
    """(wait, goal) per kill: the first at a random time of the first run (start-up and schema
    migrations included), the others after random article counts spread over the corpus, each
    plus a random jitter so the kill lands anywhere in a batch (pipeline, lookup or transaction)."""
    # Up to 80% of the corpus: the rest outlasts the jitter, so the kill lands before the end.
    goals = sorted(rng.randint(1, max(1, min(int(total * 0.8), total - 10))) for _ in range(kills - 1))
    # 0.6: the clean run's time is only an estimate of this run's; the first kill must land before the end.
    return [(rng.uniform(0.0, 0.6 * horizon), None)] + [(rng.uniform(0.0, jitter), g) for g in goals]


def crash_cycle(
    cmd: list[str],
    target: str,
    clean: dict[str, Counter],
    rng: random.Random,
    kills: int,
    horizon: float,
    total: int,
    jitter: float = 0.05,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """``kills`` kill attempts on ``target``, then a full rerun and one more: the result to report."""
    attempts = []
    for wait, goal in kill_plan(rng, kills, horizon, total, jitter):
        if goal is not None:
            goal = max(goal, stored_articles(target) + 1)
        attempts.append(kill_once(cmd, target, wait, goal, env, cap=max(1, total // 2)))
    run_to_end(cmd, env)
    final = snapshot(target)
    diff = compare(clean, final)
    run_to_end(cmd, env)
    again = compare(final, snapshot(target))
    return {
        "attempts": [asdict(k) for k in attempts],
        "kills": sum(k.killed for k in attempts),
        "kills_with_work_left": sum(k.killed and k.stored_after < total for k in attempts),
        "kills_after_commits": sum(k.killed and k.stored_before < k.stored_after < total for k in attempts),
        "problems_after_kill": sorted({p for k in attempts for p in k.problems}),
        "problems_final": integrity_problems(target),
        "tables": diff,
        "lost": sum(d["lost"] for d in diff.values()),
        "duplicated": sum(d["extra"] for d in diff.values()),
        "changed_by_rerun": sum(d["lost"] + d["extra"] for d in again.values()),
    }


# ---- the soak ---------------------------------------------------------------------------------
def soak_backend(kind: str, args: argparse.Namespace, work: Path, pg_dsn: str | None) -> dict[str, Any]:
    rng = random.Random(f"{args.seed}-{kind}")
    folder = work / "berita"
    env = freeze_code(work)
    if not folder.exists():
        make_corpus(folder, args.articles, args.seed)
    out: dict[str, Any] = {}
    modes = {
        "cli": (lambda t: cli_cmd(folder, t), args.articles),
        "docs": (lambda t: docs_cmd(t, args.docs, args.seed), args.docs),
    }
    for mode, (make_cmd, total) in modes.items():
        clean_target, target = new_target(kind, work, pg_dsn), new_target(kind, work, pg_dsn)
        try:
            horizon = run_to_end(make_cmd(clean_target), env)
            clean = snapshot(clean_target)
            started = time.monotonic()
            result = crash_cycle(make_cmd(target), target, clean, rng, args.kills, horizon, total, env=env)
            result.update(
                clean_seconds=round(horizon, 2),
                seconds=round(time.monotonic() - started, 1),
                articles=sum(clean["articles"].values()),
                events=sum(clean["events"].values()),
            )
            out[mode] = result
        finally:
            drop_target(clean_target, pg_dsn)
            drop_target(target, pg_dsn)
        print(
            f"{kind:10} {mode:5} kills {result['kills']:3} (work left {result['kills_with_work_left']:3}, after commits {result['kills_after_commits']:3})  "
            f"articles {result['articles']:4} events {result['events']:4}  lost {result['lost']}  "
            f"duplicated {result['duplicated']}  integrity problems "
            f"{len(result['problems_after_kill']) + len(result['problems_final'])}  "
            f"rerun changed {result['changed_by_rerun']}  ({result['seconds']} s)",
            flush=True,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=30, help="kill attempts per backend and mode")
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles for warta ingest")
    parser.add_argument(
        "--docs", type=int, default=2000, help="ready-made documents for the write-heavy mode"
    )
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=str(HERE / "results" / "crash_soak.json"))
    args = parser.parse_args(argv)
    pg_dsn = os.environ.get("WARTA_TEST_PG_DSN")
    kinds = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if "postgres" in kinds and not pg_dsn:
        if args.backend == "postgres":
            parser.error(
                'WARTA_TEST_PG_DSN is not set (eval "export WARTA_TEST_PG_DSN=$(bash scripts/pg_ensure.sh)")'
            )
        kinds.remove("postgres")
        print("PostgreSQL skipped: WARTA_TEST_PG_DSN is not set", file=sys.stderr)
    report: dict[str, Any] = {
        "params": {k: v for k, v in vars(args).items() if k != "out"},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="warta-soak-") as tmp:
        for kind in kinds:
            report["backends"][kind] = soak_backend(kind, args, Path(tmp), pg_dsn)
    results = [r for modes in report["backends"].values() for r in modes.values()]
    report["total"] = {
        key: sum(r[key] for r in results)
        for key in (
            "kills",
            "kills_with_work_left",
            "kills_after_commits",
            "lost",
            "duplicated",
            "changed_by_rerun",
        )
    }
    report["total"]["integrity_problems"] = sum(
        len(r["problems_after_kill"]) + len(r["problems_final"]) for r in results
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("total:", json.dumps(report["total"]))
    bad = report["total"]
    return (
        1 if bad["lost"] or bad["duplicated"] or bad["integrity_problems"] or bad["changed_by_rerun"] else 0
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child-docs":
        _child_docs(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(main())
