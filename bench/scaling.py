"""Scaling on Dask: the same ingest with 1 and with 2 local workers (``python -m bench scaling``).

Each run ingests the first ``articles`` news-clickid articles (or synthetic ones when the shared
data is absent) into a fresh SQLite file with ``warta.batch.DaskIngest`` (worker processes, one
thread each; each partition is written by its worker to a SQLite shard, which the client merges
into the database), and records:
  total_s      wall time including cluster start and per-worker resource load
  ingest_s     wall time of the ingest proper: first input read -> last shard merged and
               committed, statistics refreshed (the merge is inside, never left out)
  articles/s   articles / ingest_s
  worker RSS   the largest resident set a worker reported after a partition
  worker CPU   CPU seconds of the worker processes, all threads (tasks, communication,
               heartbeats), and in brackets those of the partition tasks alone
  client CPU   CPU seconds the client process spent (reading, lookups, scheduler, merging)
  merge        wall seconds the client spent merging shards (part of ingest_s)
  busy         cores the whole machine kept busy during the run (ours included, cluster start
               too): above "cores used", other jobs were taking the cores
Speed-up = median ingest_s with 1 worker / median ingest_s with 2. Not pinned: it needs both cores.
On a shared machine ``wait`` > 0 waits (up to that many seconds) before each run until the other
jobs leave the cores idle; whether they did is in busy_before.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CLICKID = REPO.parent / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"

TARGET_SPEEDUP = 1.7
TARGET_WORKER_RSS_MB = 400.0


def _inputs(articles: int, tmp: Path) -> list[str]:
    """A JSONL file of exactly ``articles`` records (news-clickid, else synthetic)."""
    import json
    from itertools import islice

    out = tmp / "input.jsonl"
    if CLICKID.exists():
        with CLICKID.open(encoding="utf-8") as src:
            out.write_text("".join(islice(src, articles)), encoding="utf-8")
    else:
        from warta.store.synthetic import make_articles

        lines = [json.dumps(a.to_json(), ensure_ascii=False) for a in make_articles(articles)]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(out)]


def _cpu_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat ((0, 0) elsewhere)."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle, sum(fields[:8])


def _busy_cores(before: tuple[int, int], after: tuple[int, int]) -> float:
    busy, total = after[0] - before[0], after[1] - before[1]
    return round((os.cpu_count() or 1) * busy / total, 2) if total else 0.0


def wait_for_idle(limit: float, threshold: float = 0.3, sample: float = 3.0) -> float:
    """Wait up to ``limit`` seconds until the machine keeps < ``threshold`` cores busy; return the last."""
    deadline = time.monotonic() + limit
    while True:
        before = _cpu_ticks()
        time.sleep(sample)
        busy = _busy_cores(before, _cpu_ticks())
        if busy < threshold or time.monotonic() >= deadline:
            return busy


def one_run(sources: list[str], workers: int, tmp: Path, batch_size: int, wait: float = 0.0) -> dict:
    from warta.batch import DaskIngest
    from warta.pipeline import Pipeline
    from warta.read import iter_documents
    from warta.store import Store

    db = tmp / f"scale-{workers}-{time.monotonic_ns()}.db"
    pipeline = Pipeline()
    busy_before = wait_for_idle(wait) if wait > 0 else None
    load = os.getloadavg()[0]
    with Store(str(db)) as store:
        run = DaskIngest(store, pipeline, workers=workers, batch_size=batch_size)
        started, ticks = time.perf_counter(), _cpu_ticks()
        summary = run.run(iter_documents(sources, res=pipeline.resources))
        total = time.perf_counter() - started
        busy = _busy_cores(ticks, _cpu_ticks())
    db.unlink(missing_ok=True)
    return {"workers": workers, "articles": summary.read, "new": summary.new, "failed": summary.failed,
            "total_s": round(total, 2), "ingest_s": round(summary.seconds, 2),
            "articles_per_s": round(summary.read / summary.seconds, 1),
            "worker_rss_mb": max(run.info.worker_rss_mb.values() or [0.0]),
            "worker_load_s": max(run.info.load_seconds.values() or [0.0]),
            "worker_busy_s": round(run.info.worker_seconds, 2),
            "worker_cpu_s": round(run.info.worker_cpu_seconds, 2),
            "worker_cpu_ms_per_article": round(1000 * run.info.worker_cpu_seconds / max(1, summary.new), 2),
            "worker_process_cpu_s": round(run.info.worker_process_cpu_seconds, 2),
            "worker_process_cpu_ms_per_article": round(1000 * run.info.worker_process_cpu_seconds
                                                       / max(1, summary.new), 2),
            "client_cpu_s": round(run.info.client_cpu_seconds, 2),
            "client_cpu_ms_per_article": round(1000 * run.info.client_cpu_seconds / max(1, summary.read), 2),
            "merge_s": round(run.info.merge_seconds, 2),
            "merge_ms_per_article": round(1000 * run.info.merge_seconds / max(1, summary.new), 2),
            # CPU seconds our processes got per wall second: on a shared machine, the share of the
            # cores this run actually had (2.0 = both cores, idle machine).
            "cores_used": round((run.info.worker_process_cpu_seconds + run.info.client_cpu_seconds)
                                / summary.seconds, 2),
            "machine_busy_cores": busy, "busy_before": busy_before,
            "failed_partitions": run.info.failed_partitions, "load_average_before": round(load, 2)}


def run(articles: int = 2000, repeat: int = 2, batch_size: int = 50, wait: float = 0.0) -> dict:
    runs: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        sources = _inputs(articles, Path(tmp))
        # Alternate 1 and 2 workers so that a change in the machine's load hits both alike.
        for _ in range(max(1, repeat)):
            for workers in (1, 2):
                runs.append(one_run(sources, workers, Path(tmp), batch_size, wait))
                print(f"  {workers} worker(s): {runs[-1]['articles_per_s']} articles/s, "
                      f"worker RSS {runs[-1]['worker_rss_mb']} MB, cores used {runs[-1]['cores_used']} "
                      f"of {runs[-1]['machine_busy_cores']} busy", file=sys.stderr)
    summary = {}
    for workers in (1, 2):
        mine = [r for r in runs if r["workers"] == workers]
        rates = [r["articles_per_s"] for r in mine]
        def med(key: str, rows: list[dict] = mine) -> float:
            return round(statistics.median(r[key] for r in rows), 2)

        summary[str(workers)] = {"ingest_s": med("ingest_s"), "articles_per_s": med("articles_per_s"),
                                 "range": [min(rates), max(rates)],
                                 "worker_rss_mb": max(r["worker_rss_mb"] for r in mine),
                                 "worker_cpu_ms": med("worker_process_cpu_ms_per_article"),
                                 "task_cpu_ms": med("worker_cpu_ms_per_article"),
                                 "client_cpu_ms": med("client_cpu_ms_per_article"),
                                 "merge_s": med("merge_s"), "merge_ms": med("merge_ms_per_article"),
                                 "cores_used": med("cores_used"), "machine_busy": med("machine_busy_cores"),
                                 "load_average": med("load_average_before")}
    speedup = summary["1"]["ingest_s"] / summary["2"]["ingest_s"]
    # What the CPU times predict on two otherwise idle cores: 1 worker is bound by its own CPU
    # per article (the client has the other core); 2 workers and the client share both cores.
    # Whole worker processes count (not only the tasks): their other threads use the cores too.
    w1, c1 = summary["1"]["worker_cpu_ms"], summary["1"]["client_cpu_ms"]
    w2, c2 = summary["2"]["worker_cpu_ms"], summary["2"]["client_cpu_ms"]
    rate1 = 1000 / max(w1, c1)
    rate2 = min(2000 / (w2 + c2), 1000 / c2 if c2 else float("inf"))
    projected = rate2 / rate1
    rss = max(summary["1"]["worker_rss_mb"], summary["2"]["worker_rss_mb"])
    return {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "cores": os.cpu_count(), "articles": articles,
            "waited_for_idle_s": wait,
            "source": "news-clickid" if CLICKID.exists() else "synthetic", "batch_size": batch_size,
            "runs": runs, "summary": summary, "speedup": round(speedup, 2),
            "cpu_bound_speedup": round(projected, 2),
            "targets": {"speedup>=1.7": [round(speedup, 2), speedup >= TARGET_SPEEDUP],
                        "worker_rss_mb<=400": [rss, rss <= TARGET_WORKER_RSS_MB]}}


def table(result: dict) -> str:
    lines = [(f"{result['articles']} {result['source']} articles into SQLite, {result['cores']} cores, "
              f"partitions of {result['batch_size']}; {len(result['runs'])} runs"),
             "",
             ("| workers | articles/s (median, min-max) | ingest s | worker RSS MB | worker CPU ms/article (tasks) "
             "| client CPU ms/article | merge s (ms/article) | cores used | machine busy | load avg |"),
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for workers, row in result["summary"].items():
        lines.append(f"| {workers} | {row['articles_per_s']} ({row['range'][0]}-{row['range'][1]}) | "
                     f"{row['ingest_s']} | {row['worker_rss_mb']} | {row['worker_cpu_ms']} ({row['task_cpu_ms']}) | "
                     f"{row['client_cpu_ms']} | {row['merge_s']} ({row['merge_ms']}) | {row['cores_used']} | "
                     f"{row['machine_busy']} | {row['load_average']} |")
    lines += ["", f"- speed-up 2 vs 1 worker (wall): {result['speedup']}x",
              f"- speed-up the CPU times predict on two idle cores: {result['cpu_bound_speedup']}x",
              "- targets: " + "; ".join(f"{k}: {v[0]} {'met' if v[1] else 'NOT met'}"
                                        for k, v in result["targets"].items())]
    return "\n".join(lines)


if __name__ == "__main__":
    import json

    result = run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    print(json.dumps(result, indent=2))
    print(table(result))
