"""Tokeniser speed on one core: warta's tokens stage next to spaCy's ``blank("id")`` tokenizer.

    python bench/tokens_speed.py [--articles 2000] [--rounds 3]

Both run in the same process over the same texts (the "content" field of the first N articles
of ../shared/data/news-clickid/clickid_articles.jsonl). Reported, in tokens per second (each
system's own token count) and best of ``--rounds``:
  warta tokenize+split   tokeniser and sentence splitter only (what spaCy's tokenizer does, plus sentences)
  warta stage (cold)     the full stage with a fresh Resources: Token objects, clitics, lemmas,
                         every distinct word stemmed once by Sastrawi (first round only)
  warta stage (warm)     the full stage once the per-instance lemma cache is filled
  spacy blank("id")      nlp.tokenizer(text), no sentence splitting, no lemmas
Pinned to one CPU when the OS allows it. Writes bench/results/tokens_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLICKID = REPO.parent / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"


def load_texts(limit: int) -> list[str]:
    texts: list[str] = []
    with CLICKID.open(encoding="utf-8") as handle:
        for line in handle:
            content = (json.loads(line).get("content") or "").strip()
            if content:
                texts.append(content)
            if len(texts) >= limit:
                break
    return texts


def _timed(fn, texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(fn(text) for text in texts)
    return time.perf_counter() - started, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "tokens_speed.json")
    args = parser.parse_args(argv)
    if not CLICKID.exists():
        print(f"news-clickid not found at {CLICKID}", file=sys.stderr)
        return 1
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed: pip install -e '.[dev]'", file=sys.stderr)
        return 1
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(REPO))
    from warta.doc import Document
    from warta.resources import Resources
    from warta.stages import tokens as stage
    from warta.stages.sentences import split_sentences
    from warta.stages.tokenizer import tokenize

    texts = load_texts(args.articles)
    chars = sum(len(t) for t in texts)
    nlp = spacy.blank("id")

    def spacy_tokens(text: str) -> int:
        return len(nlp.tokenizer(text))

    abbreviations = Resources().get("abbreviations")

    def warta_tokenize(text: str) -> int:
        toks = tokenize(text, abbreviations)
        split_sentences(text, toks, abbreviations)
        return len(toks)

    def make_stage(res: Resources):
        def run(text: str) -> int:
            return len(stage.run(Document(id="b", text=text), res).tokens)
        return run

    started = time.perf_counter()
    cold_res = Resources()
    cold_res.get("abbreviations")
    cold_res.get("lemmatizer")
    load_seconds = time.perf_counter() - started
    cold_seconds, cold_count = _timed(make_stage(cold_res), texts)  # first pass fills the cache
    warm = make_stage(cold_res)

    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.rounds):
        for name, fn in (("warta tokenize+split", warta_tokenize), ("warta stage (warm)", warm),
                         ("spacy blank(\"id\")", spacy_tokens)):
            seconds, count = _timed(fn, texts)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, count)
    best["warta stage (cold)"] = (cold_seconds, cold_count)

    rows = {}
    print(f"{len(texts)} articles, {chars:,} characters, one core, best of {args.rounds}")
    print(f"{'system':24} {'tokens':>9} {'seconds':>8} {'tokens/s':>10}")
    for name in ("warta tokenize+split", "warta stage (cold)", "warta stage (warm)", "spacy blank(\"id\")"):
        seconds, count = best[name]
        rows[name] = {"tokens": count, "seconds": round(seconds, 3), "tokens_per_second": round(count / seconds)}
        print(f"{name:24} {count:9,} {seconds:8.2f} {count / seconds:10,.0f}")
    print(f"resource load (abbreviations + Sastrawi dictionary): {load_seconds:.2f} s")
    payload = {
        "articles": len(texts), "characters": chars, "rounds": args.rounds,
        "resource_load_seconds": round(load_seconds, 3), "results": rows,
        "spacy_version": spacy.__version__, "python": platform.python_version(),
        "machine": platform.machine(), "note": "shared 2-core machine; one process pinned to one CPU",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
