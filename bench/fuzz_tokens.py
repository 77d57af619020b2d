"""Fuzz the tokenizer and sentence splitter (and optionally every stage) with atheris.

    pip install atheris
    nice python bench/fuzz_tokens.py --seconds 120
    nice python bench/fuzz_tokens.py --seconds 120 --stages all

Each input becomes a Unicode string (atheris' FuzzedDataProvider, no surrogates) that goes
straight into a Document, past the reader's checks, and through the stages (default
layout,tokens). The result must satisfy the span invariants of tests/conftest.py
(``_span_problems``: every span inside the text, tokens and sentences in order, sentences
partitioning the tokens...) plus the sentence length cap; any exception or broken invariant is a
crash, saved to bench/results/fuzz_crashes/ for a regression test. An input slower than
``--slow`` seconds counts as a hang. Counts go to bench/results/fuzz_tokens[-all].json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"

SEEDS = (
    "JAKARTA (ANTARA) - Presiden Joko Widodo bertemu PM Malaysia di Jakarta, Senin (10/9/2019).",
    "\"Kami siap,\" kata Menteri. “Ia bilang ‘jangan menyerah’,” ujarnya. Dr. H. M. Hendra, S.H. hadir.",
    "Harga naik Rp 5.000,50 atau US$3,5 juta pukul 10.00 WIB... Lihat https://contoh.id/a?b=1. dll. Tbk.",
    "Baca juga: Berita lain\n\nSumber: Reuters\n\nPewarta: Budi\nEditor: Ani\n\n(mhd)",
    "北京 dan موسكو bertemu 🇮🇩🤝🇯🇵 di Tōkyō\u200b\u00a0e\u0301 ke-5 situs-situs Ma'ruf 1960-an",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="How long to fuzz.")
    parser.add_argument("--stages", default="layout,tokens", help="Comma-separated stages, or 'all'.")
    parser.add_argument("--slow", type=float, default=10.0, help="Seconds after which an input counts as a hang.")
    parser.add_argument("--max-len", type=int, default=16384, help="Largest input in bytes.")
    args, rest = parser.parse_known_args()

    import atheris

    with atheris.instrument_imports(include=["warta"]):
        from warta.doc import Document
        from warta.pipeline import DEFAULT_STAGES, Pipeline
        from warta.stages.sentences import MAX_SENTENCE_TOKENS

        # Stage modules and their helpers are imported when the pipeline is built and run first:
        # inside this block, so that they are instrumented too.
        stages = list(DEFAULT_STAGES) if args.stages == "all" else args.stages.split(",")
        pipeline = Pipeline(stages, time_budget=None)
        pipeline.process(Document("pemanasan", SEEDS[0]))  # load resources before timing inputs
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import _span_problems  # the invariants the property tests check
    label = "fuzz_tokens" + ("-all" if args.stages == "all" else "")
    counts = {"stages": stages, "inputs": 0, "tokens": 0, "crashes": 0, "hangs": 0, "slowest_seconds": 0.0}
    crash_dir = RESULTS / "fuzz_crashes"

    def save(data: bytes, why: str) -> None:
        crash_dir.mkdir(parents=True, exist_ok=True)
        name = f"tokens-{hashlib.sha1(data).hexdigest()[:12]}"
        (crash_dir / f"{name}.bin").write_bytes(data)
        (crash_dir / f"{name}.txt").write_text(why, encoding="utf-8")

    def report() -> None:
        counts["seconds"] = round(time.time() - begun, 1)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{label}.json").write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
        print(f"{label}: {json.dumps(counts)}", file=sys.stderr, flush=True)

    def one_input(data: bytes) -> None:
        counts["inputs"] += 1
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
        started = time.perf_counter()
        try:
            doc = pipeline.process(Document("fuzz", text))
            problems = _span_problems(doc)
            if any(s.token_end - s.token_start > MAX_SENTENCE_TOKENS for s in doc.sentences):
                problems.append(f"a sentence is longer than {MAX_SENTENCE_TOKENS} tokens")
            if problems:
                raise AssertionError("; ".join(problems[:5]))
            counts["tokens"] += len(doc.tokens)
        except Exception:  # noqa: BLE001 - every exception is a crash to record
            counts["crashes"] += 1
            save(data, f"text: {text!r}\n\n{traceback.format_exc()}")
        seconds = time.perf_counter() - started
        counts["slowest_seconds"] = max(counts["slowest_seconds"], round(seconds, 3))
        if seconds > args.slow:
            counts["hangs"] += 1
            save(data, f"slow: {seconds:.1f} s; text: {text!r}")
        if time.time() - begun >= args.seconds:
            report()
            os._exit(0)  # libFuzzer offers no hook at the end of a run: stop here, counts written

    corpus = Path(tempfile.mkdtemp(prefix="warta-fuzz-tokens-corpus-"))
    # FuzzedDataProvider reads one byte choosing the character width, then the string itself.
    for number, seed in enumerate(SEEDS):
        (corpus / f"seed{number}").write_bytes(b"\x01" + seed.encode("utf-16-le"))
    for number, example in enumerate(sorted((REPO / "warta" / "examples").glob("*.txt"))):
        (corpus / f"example{number}").write_bytes(b"\x01" + example.read_text(encoding="utf-8")[:4000].encode("utf-16-le"))

    libfuzzer = [sys.argv[0], *rest, f"-max_total_time={args.seconds + 60}", f"-max_len={args.max_len}",
                 "-timeout=60", "-rss_limit_mb=4096", str(corpus)]
    begun = time.time()
    atheris.Setup(libfuzzer, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
