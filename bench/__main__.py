"""One entry point for the pipeline benchmark: ``python -m bench``.

Measures, in one run on one core: resource load time, per-stage throughput (articles/s and
tokens/s), the whole pipeline, peak RSS, and a baseline — spaCy's ``blank("id")`` tokenizer over
the same texts. Inputs: the bundled examples (repeated) and, when present,
../shared/data/news-clickid. Prints a table and writes bench/results/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLICKID = REPO.parent / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_inputs(limit: int, repeat_examples: int) -> list[tuple[str, str, str | None]]:
    """(id, text, published) triples: bundled examples repeated, then news-clickid articles."""
    from warta.read import iter_documents

    texts: list[tuple[str, str, str | None]] = []
    examples = sorted((REPO / "warta" / "examples").glob("*.txt"))
    for round_ in range(repeat_examples):
        for path in examples:
            texts.append((f"{path.stem}-{round_}", path.read_text(encoding="utf-8"), None))
    if CLICKID.exists() and limit:
        for item in iter_documents([str(CLICKID)]):
            if len(texts) >= limit + repeat_examples * len(examples):
                break
            if hasattr(item, "text"):
                texts.append((item.id, item.text, item.published))
    return texts


def run(limit: int, repeat_examples: int, out: Path) -> dict:
    from warta.doc import Document
    from warta.pipeline import Pipeline
    from warta.resources import Resources

    inputs = load_inputs(limit, repeat_examples)
    started = time.perf_counter()
    resources = Resources()
    pipeline = Pipeline(resources=resources)
    for name in resources.names():
        resources.get(name)
    load_seconds = time.perf_counter() - started

    timings: dict[str, float] = {}
    tokens = words = 0
    wall = time.perf_counter()
    for doc_id, text, published in inputs:
        doc = pipeline.process(Document(id=doc_id, text=text, published=published), timings=timings)
        tokens += len(doc.tokens)
        words += len(text.split())
    wall = time.perf_counter() - wall

    baseline = _spacy_baseline([t for _, t, _ in inputs])
    n = len(inputs)
    stages = {
        name: {"seconds": round(sec, 4), "articles_per_s": round(n / sec, 1) if sec else None,
               "tokens_per_s": round(tokens / sec) if sec else None}
        for name, sec in timings.items()
    }
    result = {
        "python": platform.python_version(),
        "articles": n,
        "tokens": tokens,
        "mean_words_per_article": round(words / n, 1) if n else 0,
        "resource_load_s": round(load_seconds, 3),
        "pipeline": {"seconds": round(wall, 3), "articles_per_s": round(n / wall, 1),
                     "tokens_per_s": round(tokens / wall)},
        "stages": stages,
        "spacy_blank_id_tokenizer": baseline,
        "cost_vs_spacy_tokenizer": round(wall / baseline["seconds"], 1) if baseline.get("seconds") else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def _spacy_baseline(texts: list[str]) -> dict:
    try:
        import spacy
    except ImportError:
        return {"error": "spacy not installed (pip install -e '.[dev]')"}
    nlp = spacy.blank("id")
    started = time.perf_counter()
    count = sum(len(nlp.tokenizer(text)) for text in texts)
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 4), "tokens": count, "tokens_per_s": round(count / seconds)}


def print_table(result: dict) -> None:
    print(f"articles: {result['articles']}  tokens: {result['tokens']}  "
          f"words/article: {result['mean_words_per_article']}  load: {result['resource_load_s']} s  "
          f"peak RSS: {result['peak_rss_mb']} MB")
    print(f"{'stage':<12}{'seconds':>10}{'articles/s':>12}{'tokens/s':>12}")
    for name, row in result["stages"].items():
        print(f"{name:<12}{row['seconds']:>10}{row['articles_per_s']:>12}{row['tokens_per_s']:>12}")
    p = result["pipeline"]
    print(f"{'pipeline':<12}{p['seconds']:>10}{p['articles_per_s']:>12}{p['tokens_per_s']:>12}")
    b = result["spacy_blank_id_tokenizer"]
    if "seconds" in b:
        print(f"{'spaCy tok.':<12}{b['seconds']:>10}{'':>12}{b['tokens_per_s']:>12}")
        print(f"full pipeline cost = {result['cost_vs_spacy_tokenizer']}x the spaCy tokenizer")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="news-clickid articles to add (0: none)")
    parser.add_argument("--repeat-examples", type=int, default=20, help="times to repeat the bundled examples")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "pipeline.json")
    args = parser.parse_args(argv)
    print_table(run(args.limit, args.repeat_examples, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
