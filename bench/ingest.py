"""Ingest benchmark: bare extract vs ingest into SQLite (and PostgreSQL), dedup counts, db size.

    nice python bench/ingest.py                       # the 17k CLICK-ID articles, SQLite only
    nice python bench/ingest.py --pg "$(bash scripts/pg_ensure.sh)" --limit 3000

Both timings include reading the JSONL, so "ingest >= 80% of bare extract" compares like with
like: bare extract = read + pipeline; ingest = read + pipeline + dedup check + storage.
Writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warta.pipeline import Failure, Pipeline
from warta.read import iter_documents
from warta.store import Store
from warta.store.ingest import ingest, pipeline_version

DEFAULT_INPUT = REPO / ".." / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"
FIELDS = {"text": "content", "published": "date", "outlet": "publisher", "title": "title", "url": "url"}


def _docs(path: Path, pipeline: Pipeline, limit: int | None):
    docs = iter_documents([str(path)], input_format="jsonl", field_map=FIELDS, res=pipeline.resources)
    return islice(docs, limit) if limit else docs


def bare_extract(path: Path, pipeline: Pipeline, limit: int | None) -> dict:
    started = time.perf_counter()
    n = failed = events = 0
    for item in pipeline.process_many(_docs(path, pipeline, limit)):
        n += 1
        if isinstance(item, Failure):
            failed += 1
        else:
            events += len(item.events)
    seconds = time.perf_counter() - started
    return {"articles": n, "failed": failed, "events": events, "seconds": round(seconds, 2),
            "articles_per_s": round(n / seconds, 1)}


def run_ingest(target: str, path: Path, pipeline: Pipeline, limit: int | None, batch: int) -> dict:
    version = pipeline_version(pipeline)
    with Store(target) as store:
        summary = ingest(_docs(path, pipeline, limit), store, pipeline, batch_size=batch, version=version)
        counts = store.counts()
        again = ingest(_docs(path, pipeline, limit), store, pipeline, batch_size=batch, version=version)
        with store.read() as conn:
            top = conn.exec_driver_sql(
                "SELECT g.date, g.source, g.target, g.base_code, g.num_mentions, g.num_sources, g.num_articles, "
                "(SELECT e.sentence_text FROM events e WHERE e.id = g.first_event_id) "
                "FROM global_events g ORDER BY g.num_sources DESC, g.num_articles DESC LIMIT 10").fetchall()
        size = store.size_bytes()
    return {
        "target": store.display, "read": summary.read, "new": summary.new, "duplicate": summary.duplicate,
        "failed": summary.failed, "failure_reasons": dict(summary.reasons.most_common(5)),
        "events": summary.events, "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.rate, 1), "db_bytes": size, "db_mb": round(size / 2**20, 1),
        "counts": counts,
        "rerun": {"new": again.new, "duplicate": again.duplicate, "seconds": round(again.seconds, 2),
                  "articles_per_s": round(again.rate, 1)},
        "most_reported_events": [
            {"date": r[0], "source": r[1], "target": r[2], "base_code": r[3], "mentions": r[4], "sources": r[5],
             "articles": r[6], "first_sentence": (r[7] or "")[:160]} for r in top],
    }


def fresh_pg(dsn: str, name: str) -> str:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{dsn.rpartition('/')[0]}/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--db", help="SQLite file (default: a temporary file)")
    parser.add_argument("--pg", metavar="DSN", help="also ingest into a fresh database on this PostgreSQL server")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    if not args.input.exists():
        sys.exit(f"input not found: {args.input}")

    pipeline = Pipeline()
    # Load every resource once, outside the timings (some load on the first matching word).
    for _ in pipeline.process_many(_docs(args.input, pipeline, 50)):
        pass
    result: dict = {"input": str(args.input.resolve()), "limit": args.limit, "stages": pipeline.names,
                    "pipeline_version": pipeline_version(pipeline), "batch_size": args.batch_size,
                    "python": platform.python_version(), "machine": platform.machine()}
    print("bare extract ...", file=sys.stderr)
    result["bare_extract"] = bare_extract(args.input, pipeline, args.limit)
    print(json.dumps(result["bare_extract"]), file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        Path(db).unlink(missing_ok=True)
        print(f"ingest into SQLite {db} ...", file=sys.stderr)
        result["sqlite"] = run_ingest(db, args.input, pipeline, args.limit, args.batch_size)
        print(json.dumps({k: v for k, v in result["sqlite"].items() if k != "most_reported_events"}), file=sys.stderr)
    result["sqlite"]["ratio_to_bare_extract"] = round(
        result["sqlite"]["articles_per_s"] / result["bare_extract"]["articles_per_s"], 3)

    if args.pg:
        target = fresh_pg(args.pg, "warta_bench")
        print("ingest into PostgreSQL ...", file=sys.stderr)
        result["postgresql"] = run_ingest(target, args.input, pipeline, args.limit, args.batch_size)
        result["postgresql"]["ratio_to_bare_extract"] = round(
            result["postgresql"]["articles_per_s"] / result["bare_extract"]["articles_per_s"], 3)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
