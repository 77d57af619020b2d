"""What the atheris harnesses (fuzz_reader.py, fuzz_tokens.py) share: counts, saved crashes,
the hang rule, the time limit and the JSON report."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


class FuzzRun:
    def __init__(self, label: str, prefix: str, counts: dict[str, Any], seconds: int, slow: float):
        self.label = label  # name of the JSON report in bench/results/
        self.prefix = prefix  # name prefix of saved crashing inputs
        self.counts = counts
        self.seconds = seconds
        self.slow = slow
        self.begun = time.time()

    def save(self, data: bytes, why: str) -> None:
        """Keep a crashing or slow input, to be turned into a regression test."""
        crash_dir = RESULTS / "fuzz_crashes"
        crash_dir.mkdir(parents=True, exist_ok=True)
        name = f"{self.prefix}-{hashlib.sha1(data).hexdigest()[:12]}"
        (crash_dir / f"{name}.bin").write_bytes(data)
        (crash_dir / f"{name}.txt").write_text(why, encoding="utf-8")

    def report(self) -> None:
        self.counts["seconds"] = round(time.time() - self.begun, 1)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{self.label}.json").write_text(json.dumps(self.counts, indent=2) + "\n", encoding="utf-8")
        print(f"{self.label}: {json.dumps(self.counts)}", file=sys.stderr, flush=True)

    def finish_input(self, data: bytes, started: float, detail: str = "") -> None:
        """After each input: record the slowest, count a hang, and stop once the time is up."""
        seconds = time.perf_counter() - started
        self.counts["slowest_seconds"] = max(self.counts["slowest_seconds"], round(seconds, 3))
        if seconds > self.slow:
            self.counts["hangs"] += 1
            self.save(data, f"slow: {seconds:.1f} s{detail}")
        if time.time() - self.begun >= self.seconds:
            self.report()
            os._exit(0)  # libFuzzer offers no hook at the end of a run: stop here, counts written

    def fuzz(self, one_input: Callable[[bytes], None], seeds: list[bytes], libfuzzer_args: list[str],
             max_len: int) -> None:
        """Run libFuzzer from a corpus of the given seed inputs until the time limit."""
        import atheris

        corpus = Path(tempfile.mkdtemp(prefix=f"warta-fuzz-{self.prefix}-corpus-"))
        for number, seed in enumerate(seeds):
            (corpus / f"seed{number}").write_bytes(seed)
        argv = [sys.argv[0], *libfuzzer_args, f"-max_total_time={self.seconds + 60}", f"-max_len={max_len}",
                "-timeout=60", "-rss_limit_mb=4096", str(corpus)]
        self.begun = time.time()
        atheris.Setup(argv, one_input)
        atheris.Fuzz()
