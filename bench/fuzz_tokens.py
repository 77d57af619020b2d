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
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # run as a script or with -m

from fuzzing import FuzzRun  # noqa: E402

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
    run = FuzzRun(label, "tokens", counts, args.seconds, args.slow)

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
            run.save(data, f"text: {text!r}\n\n{traceback.format_exc()}")
        run.finish_input(data, started, f"; text: {text!r}")

    # FuzzedDataProvider reads one byte choosing the character width, then the string itself.
    examples = [p.read_text(encoding="utf-8")[:4000] for p in sorted((REPO / "warta" / "examples").glob("*.txt"))]
    run.fuzz(one_input, [b"\x01" + text.encode("utf-16-le") for text in [*SEEDS, *examples]], rest, args.max_len)
    return 0


if __name__ == "__main__":
    sys.exit(main())
