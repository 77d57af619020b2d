"""Fuzz the article reader with atheris (coverage-guided), for a bounded time.

    pip install atheris
    nice python bench/fuzz_reader.py --seconds 120

Each input is written to a temporary file whose suffix (.txt, .html, .jsonl, .xml, none) is
chosen by its first byte, then read with ``warta.read.iter_documents`` (auto format). Every
item must be a Document with text or a Failure with a one-line message; anything else (an
exception, a multi-line error) is a crash. An input taking longer than ``--slow`` seconds is
counted as a hang (libFuzzer's own -timeout stops the run on a true hang). Crashing inputs are
saved to bench/results/fuzz_crashes/ to be turned into regression tests; the counts go to
bench/results/fuzz_reader.json (and docs/hardening.md by hand).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # run as a script or with -m

from fuzzing import FuzzRun  # noqa: E402
SUFFIXES = (".txt", ".html", ".jsonl", ".xml", ".rss", "")

SEEDS = (
    b"\x00Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta, kata juru bicara.",
    (b"\x01<html><head><title>Judul</title></head><body><article><p>Presiden mengatakan bahwa pemerintah "
     b"akan membantu.</p><script>alert(1)</script></article></body></html>"),
    b'\x02{"id": "a", "content": "Menteri Luar Negeri bertemu Dubes di Jakarta.", "date": "2024-03-04"}\n{"id":',
    (b'\x03<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Satu</title>'
     b"<description>Polisi menangkap dua terduga di Bekasi.</description></item></channel></rss>"),
    b"\x04<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>A</title><content>Ia pergi ke pasar.</content>",
    b"\x05\xef\xbb\xbfJAKARTA (ANTARA) - \x93Kami siap,\x94 kata Menteri.\r\n\r\nPewarta: Budi",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="How long to fuzz (libFuzzer -max_total_time).")
    parser.add_argument("--slow", type=float, default=10.0, help="Seconds after which an input counts as a hang.")
    parser.add_argument("--max-len", type=int, default=65536, help="Largest input in bytes.")
    args, rest = parser.parse_known_args()

    import atheris

    with atheris.instrument_imports(include=["warta"]):
        from warta.errors import WartaError
        from warta.pipeline import Failure
        from warta.read import iter_documents
        from warta.resources import Resources

        res = Resources()
        res.get("layout")  # imports the reader's lexicon code inside this block, instrumented
    counts = {"inputs": 0, "documents": 0, "failures": 0, "crashes": 0, "hangs": 0, "slowest_seconds": 0.0}
    run = FuzzRun("fuzz_reader", "reader", counts, args.seconds, args.slow)
    workdir = Path(tempfile.mkdtemp(prefix="warta-fuzz-reader-"))

    def one_input(data: bytes) -> None:
        counts["inputs"] += 1
        suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
        path = workdir / f"masukan{suffix}"
        path.write_bytes(data[1:])
        started = time.perf_counter()
        try:
            for item in iter_documents([str(path)], res=res):
                if isinstance(item, Failure):
                    counts["failures"] += 1
                    if not item.error or "\n" in item.error:
                        raise AssertionError(f"Failure message is not one line: {item.error!r}")
                elif not item.text.strip():
                    raise AssertionError(f"Document {item.id!r} has no text")
                else:
                    counts["documents"] += 1
        except WartaError as err:  # iter_documents must turn these into Failures
            counts["crashes"] += 1
            run.save(data, f"WartaError escaped iter_documents: {err}")
        except Exception:  # noqa: BLE001 - every other exception is a crash to record
            counts["crashes"] += 1
            run.save(data, traceback.format_exc())
        run.finish_input(data, started)

    examples = sorted((REPO / "warta" / "examples").glob("*.txt"))
    run.fuzz(one_input, [*SEEDS, *(b"\x00" + example.read_bytes() for example in examples)], rest, args.max_len)
    return 0


if __name__ == "__main__":
    sys.exit(main())
