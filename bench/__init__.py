"""Benchmarks: `python -m bench` (pipeline), bench/ud_tokens.py, bench/ner_eval.py, bench/ingest.py."""
