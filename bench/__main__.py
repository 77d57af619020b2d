"""One entry point for warta's speed claims: ``python -m bench [pipeline|scaling|all]``.

pipeline (default), in one process pinned to one core (``--core``):
  read      warta.read.iter_documents over the inputs (files, JSONL)
  <stages>  each pipeline stage, from Pipeline.process(timings=...)
  pipeline  all stages, wall clock
  store     ingest of the processed Documents into a temporary SQLite (dedup check, rows, events)
  spaCy     baseline in the same run: spaCy blank("id")'s tokenizer over the same texts
plus resource (model) load time, per resource, and peak RSS. Inputs: the bundled examples
repeated, then the first ``--limit`` articles of ../shared/data/news-clickid when present.
Each measurement is repeated ``--repeat`` times: the table shows the median and the spread
(min-max); the first pass fills per-instance caches (lemmas), and is kept apart as "cold".
scaling: bench/scaling.py, 1 vs 2 Dask workers (see there).

Writes bench/results/pipeline.json (and scaling.json); ``--update-docs`` rewrites the numbers
block of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
CLICKID = REPO.parent / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"
RESULTS = HERE / "results"
DOCS = REPO / "docs" / "benchmarks.md"

# The targets (docs/benchmarks.md).
TARGET_ARTICLES_PER_S = 50.0
TARGET_COST_VS_SPACY = 10.0
TARGET_RSS_MB = 400.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin(core: int | None) -> list[int] | None:
    """Run this process (and its threads) on one core; returns the cores in use."""
    if core is None or not hasattr(os, "sched_setaffinity"):
        return None
    os.sched_setaffinity(0, {core})
    return sorted(os.sched_getaffinity(0))


def sources(limit: int, repeat_examples: int) -> list[str]:
    """What the reader reads: the bundled example files repeated, then a JSONL slice of news-clickid."""
    examples = sorted(str(p) for p in (REPO / "warta" / "examples").glob("*.txt"))
    out = examples * repeat_examples
    if limit and CLICKID.exists():
        out.append(str(CLICKID))
    return out


def read_all(paths: list[str], limit: int, res) -> tuple[list, float]:
    from warta.doc import Document
    from warta.read import iter_documents

    wanted = len(paths) - (1 if limit and CLICKID.exists() else 0) + limit
    started = time.perf_counter()
    docs = []
    for item in iter_documents(paths, res=res):
        if isinstance(item, Document):
            docs.append(item)
            if len(docs) >= wanted:
                break
    return docs, time.perf_counter() - started


def load_resources() -> tuple[object, float, dict[str, float]]:
    from warta.resources import Resources

    started = time.perf_counter()
    res = Resources()
    each = {}
    for name in res.names():
        t = time.perf_counter()
        res.get(name)
        each[name] = round(time.perf_counter() - t, 3)
    return res, time.perf_counter() - started, each


def cpu_timed(stages: list, cpu: dict[str, float]) -> list:
    """The stages with their ``run`` wrapped to add its CPU time (this thread) to ``cpu[name]``.

    On a shared machine wall time counts other processes' turns on the core; CPU time does not."""
    import functools

    from warta.pipeline import Stage

    def wrap(stage):
        @functools.wraps(stage.run)
        def run(doc, res):
            started = time.thread_time()
            try:
                return stage.run(doc, res)
            finally:
                cpu[stage.name] = cpu.get(stage.name, 0.0) + time.thread_time() - started
        return Stage(stage.name, stage.requires, stage.provides, run)

    return [wrap(stage) for stage in stages]


def one_pass(paths: list[str], limit: int, res, batch: int = 50) -> dict:
    """Read, process and store the inputs once, in batches as ``warta ingest`` does (so the
    peak RSS is that of an ingest, not of all processed Documents at once)."""
    from warta.pipeline import Pipeline
    from warta.store import Store
    from warta.store.ingest import ingest, pipeline_version
    from warta.store.rows import content_hash

    version = pipeline_version(Pipeline(resources=res))
    cpu: dict[str, float] = {}
    pipeline = Pipeline(cpu_timed(Pipeline(resources=res).stages, cpu), resources=res)
    started_cpu = time.thread_time()
    docs, read_s = read_all(paths, limit, res)
    cpu["read"] = time.thread_time() - started_cpu
    texts = [d.text for d in docs]
    timings: dict[str, float] = {}
    wall = store_s = 0.0
    tokens = stored_tokens = stored = 0
    seen: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "bench.db")) as store:
        for at in range(0, len(docs), batch):
            started, started_cpu = time.perf_counter(), time.thread_time()
            processed = [pipeline.process(doc, timings=timings) for doc in docs[at:at + batch]]
            wall += time.perf_counter() - started
            cpu["pipeline"] = cpu.get("pipeline", 0.0) + time.thread_time() - started_cpu
            tokens += sum(len(d.tokens) for d in processed)
            # The store stage writes each distinct article once (the repeated examples are duplicates).
            unique = []
            for doc in processed:
                key = content_hash(doc.text)
                if key not in seen:
                    seen.add(key)
                    unique.append(doc)
            started, started_cpu = time.perf_counter(), time.thread_time()
            stored += ingest(unique, store, pipeline, batch_size=batch, version=version).new
            store_s += time.perf_counter() - started
            cpu["store"] = cpu.get("store", 0.0) + time.thread_time() - started_cpu
            stored_tokens += sum(len(d.tokens) for d in unique)
            docs[at:at + batch] = [None] * len(processed)  # drop processed Documents as ingest does
        db_bytes = store.size_bytes()
    return {"texts": texts, "articles": len(texts), "tokens": tokens, "words": sum(len(t.split()) for t in texts),
            "read": read_s, "stages": timings, "pipeline": wall, "store": store_s, "stored": stored,
            "stored_tokens": stored_tokens, "cpu": cpu, "db_bytes": db_bytes}


def spacy_pass(texts: list[str]) -> dict | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("id")
    started, started_cpu = time.perf_counter(), time.thread_time()
    count = sum(len(nlp.tokenizer(text)) for text in texts)
    return {"seconds": time.perf_counter() - started, "cpu": time.thread_time() - started_cpu, "tokens": count}


def _row(cpu: list[float], wall: list[float], articles: int, tokens: int) -> dict:
    """Median CPU seconds (and their spread) -> articles/s and tokens/s on one core; wall beside."""
    med = statistics.median(cpu)
    wall_med = statistics.median(wall)
    return {"cpu_s": round(med, 4), "cpu_min_s": round(min(cpu), 4), "cpu_max_s": round(max(cpu), 4),
            "wall_s": round(wall_med, 4),
            "articles_per_s": round(articles / med, 1) if med else None,
            "articles_per_s_range": [round(articles / max(cpu), 1), round(articles / min(cpu), 1)]
            if min(cpu) else None,
            "tokens_per_s": round(tokens / med) if med else None,
            "wall_articles_per_s": round(articles / wall_med, 1) if wall_med else None}


def run_pipeline(limit: int, repeat_examples: int, repeat: int, core: int | None) -> dict:
    cores = pin(core)
    load_before = os.getloadavg()
    res, load_s, load_each = load_resources()
    rss_loaded = peak_rss_mb()
    paths = sources(limit, repeat_examples)
    passes = [one_pass(paths, limit, res) for _ in range(max(1, repeat))]
    rss_peak = peak_rss_mb()  # before spaCy is imported: warta's own footprint
    spacy_runs = [s for s in (spacy_pass(passes[0]["texts"]) for _ in range(max(1, repeat))) if s]

    first = passes[0]
    n, tokens = first["articles"], first["tokens"]
    warm = passes[1:] or passes
    stages = {"read": _row([p["cpu"]["read"] for p in warm], [p["read"] for p in warm], n, tokens)}
    for name in first["stages"]:
        stages[name] = _row([p["cpu"][name] for p in warm], [p["stages"][name] for p in warm], n, tokens)
    stages["pipeline"] = _row([p["cpu"]["pipeline"] for p in warm], [p["pipeline"] for p in warm], n, tokens)
    stages["store"] = _row([p["cpu"]["store"] for p in warm], [p["store"] for p in warm], first["stored"],
                           first["stored_tokens"])
    result = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, pinned to {cores}",
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "inputs": {"articles": n, "tokens": tokens, "mean_words_per_article": round(first["words"] / n, 1),
                   "stored_distinct": first["stored"], "repeat": len(passes),
                   "examples_repeated": repeat_examples, "news_clickid": limit if CLICKID.exists() else 0},
        "resource_load_s": round(load_s, 3),
        "resource_load_each_s": load_each,
        "rss_after_load_mb": round(rss_loaded, 1),
        "sqlite_bytes_per_article": round(first["db_bytes"] / max(1, first["stored"])),
        "peak_rss_mb": round(rss_peak, 1),
        "stages": stages,
        "cold_first_pass": {"cpu_s": round(first["cpu"]["pipeline"], 3),
                            "articles_per_s": round(n / first["cpu"]["pipeline"], 1)},
    }
    if spacy_runs:
        cpu = [s["cpu"] for s in spacy_runs]
        result["spacy_blank_id_tokenizer"] = {**_row(cpu, [s["seconds"] for s in spacy_runs], n,
                                                     spacy_runs[0]["tokens"]), "tokens": spacy_runs[0]["tokens"]}
        result["cost_vs_spacy_tokenizer"] = round(stages["pipeline"]["cpu_s"] / statistics.median(cpu), 1)
    result["targets"] = targets(result)
    return result


def targets(result: dict) -> dict:
    rate = result["stages"]["pipeline"]["articles_per_s"]
    out = {"pipeline_articles_per_s>=50": [rate, rate >= TARGET_ARTICLES_PER_S],
           "peak_rss_mb<=400": [result["peak_rss_mb"], result["peak_rss_mb"] <= TARGET_RSS_MB]}
    cost = result.get("cost_vs_spacy_tokenizer")
    if cost is not None:
        out["cost_vs_spacy<=10x"] = [cost, cost <= TARGET_COST_VS_SPACY]
    return out


def table(result: dict) -> str:
    inp = result["inputs"]
    slowest = sorted(result["resource_load_each_s"].items(), key=lambda kv: -kv[1])[:3]
    lines = [
        (f"{inp['articles']} articles ({inp['stored_distinct']} distinct), {inp['tokens']} tokens, "
         f"{inp['mean_words_per_article']} words/article; {result['machine']}; median of "
         f"{max(1, inp['repeat'] - 1)} warm passes; load average {result['load_average_before'][0]} before, "
         f"{result['load_average_after'][0]} after"),
        "",
        "| stage | CPU s | articles/s (min-max) | tokens/s | wall articles/s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, row in result["stages"].items():
        low, high = row["articles_per_s_range"] or (None, None)
        lines.append(f"| {name} | {row['cpu_s']} | {row['articles_per_s']} ({low}-{high}) | "
                     f"{row['tokens_per_s']} | {row['wall_articles_per_s']} |")
    spacy = result.get("spacy_blank_id_tokenizer")
    if spacy:
        lines.append(f"| spaCy blank(\"id\") tokenizer | {spacy['cpu_s']} | {spacy['articles_per_s']} | "
                     f"{spacy['tokens_per_s']} | {spacy['wall_articles_per_s']} |")
    lines += [
        "",
        (f"- resource (model) load: {result['resource_load_s']} s "
         f"(slowest: {', '.join(f'{k} {v} s' for k, v in slowest)})"),
        f"- peak RSS: {result['peak_rss_mb']} MB (after load: {result['rss_after_load_mb']} MB)",
        f"- SQLite size: {result['sqlite_bytes_per_article']} bytes per stored article (text, rows, indexes, FTS)",
        f"- cold first pass (empty lemma cache): {result['cold_first_pass']['articles_per_s']} articles/s",
    ]
    if "cost_vs_spacy_tokenizer" in result:
        lines.append(f"- full pipeline cost: {result['cost_vs_spacy_tokenizer']}x the spaCy tokenizer (CPU time)")
    lines.append("- targets: " + "; ".join(f"{k}: {v[0]} {'met' if v[1] else 'NOT met'}"
                                          for k, v in result["targets"].items()))
    return "\n".join(lines)


def update_docs(block: str, text: str) -> None:
    """Replace the lines between <!-- bench:BLOCK --> and <!-- /bench:BLOCK --> in docs/benchmarks.md."""
    if not DOCS.exists():
        return
    doc = DOCS.read_text(encoding="utf-8")
    start, end = f"<!-- bench:{block} -->", f"<!-- /bench:{block} -->"
    if start not in doc or end not in doc:
        return
    head, _, rest = doc.partition(start)
    _, _, tail = rest.partition(end)
    DOCS.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=["pipeline", "scaling", "all"], default="pipeline")
    parser.add_argument("--limit", type=int, default=1000, help="news-clickid articles to add (0: none)")
    parser.add_argument("--repeat-examples", type=int, default=20, help="times to repeat the bundled examples")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the first (cold) is reported apart")
    parser.add_argument("--core", type=int, default=0, help="core to pin the pipeline bench to (-1: no pinning)")
    parser.add_argument("--scaling-articles", type=int, default=2000, help="news-clickid articles for scaling")
    parser.add_argument("--scaling-repeat", type=int, default=2, help="runs per worker count")
    parser.add_argument("--scaling-wait", type=float, default=0.0,
                        help="seconds to wait at most before each scaling run for other jobs to leave the cores idle")
    parser.add_argument("--update-docs", action="store_true", help="rewrite the numbers in docs/benchmarks.md")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.what in ("pipeline", "all"):
        result = run_pipeline(args.limit, args.repeat_examples, args.repeat, None if args.core < 0 else args.core)
        (RESULTS / "pipeline.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        text = table(result)
        print(text)
        if args.update_docs:
            update_docs("pipeline", text)
    if args.what in ("scaling", "all"):
        from bench import scaling

        result = scaling.run(args.scaling_articles, args.scaling_repeat, wait=args.scaling_wait)
        (RESULTS / "scaling.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        text = scaling.table(result)
        print(text)
        if args.update_docs:
            update_docs("scaling", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
