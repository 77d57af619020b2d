"""NER benchmark: mention-level F1 of the shipped CRF model, its load time, speed and memory.

    python bench/ner_eval.py            # scores + speed, writes bench/results/ner_eval.json
    python bench/ner_eval.py --docs 0   # scores only

Scores are conlleval-style exact-span F1 on PER / ORG / LOC (every place), on the test files of
IndoNLU NERP (test_preprocess.txt), IndoNLU NERGrit (test_preprocess.txt) and idner-news-2k
(test.txt), read from ../shared/data. Speed is measured on one core: the tagger alone (CRF + CNN) on the test
tokens, and the entities + coref stages on real articles (gold dev texts, then CLICK-ID news).
Throughput is CPU time of this process (time.process_time), so other jobs on a shared machine
do not skew it; the load time is wall-clock.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "data"
GOLD = REPO.parent / "shared" / "gold" / "dev"
TESTS = {
    "nerp": "indonlu-nerp/test_preprocess.txt",
    "nergrit": "indonlu-nergrit/test_preprocess.txt",
    "idner": "idner-news-2k/test.txt",
}
TARGETS = {"nerp": 0.80, "nergrit": 0.78}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def score_tests(model) -> tuple[dict, int, float]:
    from warta.ner import read_conll, score_spans

    results, tokens, seconds = {}, 0, 0.0
    for name, rel in TESTS.items():
        path = DATA / rel
        if not path.exists():
            continue
        sentences = read_conll(path)
        gold = [[label for _, label in s] for s in sentences]
        words = [[w for w, _ in s] for s in sentences]
        started = time.process_time()
        predicted = [model.tag(w) for w in words]
        seconds += time.process_time() - started
        tokens += sum(map(len, words))
        results[name] = score_spans(gold, predicted).as_dict()
    return results, tokens, seconds


def _articles(limit: int) -> list[tuple[str, str, str | None]]:
    texts = [(p.stem, json.loads(p.read_text(encoding="utf-8"))["text"], None) for p in sorted(GOLD.glob("*.json"))]
    clickid = DATA / "news-clickid" / "clickid_articles.jsonl"
    if clickid.exists():
        with open(clickid, encoding="utf-8") as handle:
            for line in handle:
                if len(texts) >= limit:
                    break
                article = json.loads(line)
                texts.append((article["id"], article["title"] + "\n\n" + article["content"], article.get("date")))
    return texts[:limit]


def stage_speed(res, limit: int, passes: int = 3) -> dict:
    """Tokens/s of the entities stage, and of entities + coref, over prepared documents: the
    median of ``passes`` passes over fresh copies (a shared machine's bursts move one pass by
    10-20 %); the first pass also fills the neural tagger's word cache and is reported apart."""
    import statistics

    from warta.doc import Document
    from warta.pipeline import Pipeline, Stage

    prepare = Pipeline(["layout", "tokens"], resources=res)
    docs = [prepare.process(Document(id=i, text=t, published=p)) for i, t, p in _articles(limit)]
    tokens = sum(len(d.tokens) for d in docs)
    stages = [Stage.from_module(importlib.import_module("warta.stages.entities"))]
    try:
        stages.append(Stage.from_module(importlib.import_module("warta.stages.coref")))
    except Exception as err:  # noqa: BLE001 - coref is another helper's work in progress
        print(f"(coref stage not measured: {type(err).__name__}: {err})")
    for stage in stages:  # load their resources outside the timing
        stage.run(docs[0].__class__.from_dict(docs[0].to_dict()), res)
    runs = []
    for _ in range(max(1, passes)):
        timings = dict.fromkeys((s.name for s in stages), 0.0)
        for original in docs:
            doc = original.__class__.from_dict(original.to_dict())
            for stage in stages:
                started = time.process_time()
                doc = stage.run(doc, res)
                timings[stage.name] += time.process_time() - started
        runs.append(timings)
    out = {"articles": len(docs), "tokens": tokens, "passes": len(runs)}
    for name in runs[0]:
        out[f"{name}_tokens_per_s"] = round(tokens / statistics.median(r[name] for r in runs))
    totals = [sum(r.values()) for r in runs]
    out["combined_stages"] = "+".join(runs[0])
    out["combined_tokens_per_s"] = round(tokens / statistics.median(totals))
    out["combined_tokens_per_s_passes"] = [round(tokens / t) for t in totals]
    out["mentions_per_article"] = round(sum(len(d.mentions) for d in docs) / max(1, len(docs)), 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400, help="articles for the stage speed run (0: skip)")
    ap.add_argument("--passes", type=int, default=3, help="passes of the stage speed run (median reported)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "ner_eval.json")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from warta.resources import Resources

    res = Resources()
    started = time.perf_counter()
    model = res.get("ner_model")
    load_seconds = time.perf_counter() - started
    rss_model = _rss_mb()

    scores, tokens, seconds = score_tests(model)
    report: dict = {
        "model": {k: model.manifest.get(k) for k in ("name", "trained", "model_sha256", "model_bytes", "params")},
        "load_seconds": round(load_seconds, 3),
        "rss_mb_after_model": round(rss_model, 1),
        "scores": scores,
        "tagger_tokens_per_s": round(tokens / seconds) if seconds else None,
        "timing": "process CPU time, pinned to one core",
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    if args.docs and GOLD.exists():
        report["stages"] = stage_speed(res, args.docs, args.passes)
    report["rss_mb_peak"] = round(_rss_mb(), 1)

    print(f"{'test set':10s} {'PER':>6s} {'ORG':>6s} {'LOC':>6s} {'micro':>6s}  target")
    for name, res_ in scores.items():
        row = " ".join(f"{res_[t]['f1']:6.3f}" for t in ("PER", "ORG", "LOC", "micro"))
        target = TARGETS.get(name)
        print(f"{name:10s} {row}  " + (f">= {target:.2f}" if target else "-"))
    print(f"model load {report['load_seconds']:.3f} s, RSS after load {report['rss_mb_after_model']} MB, "
          f"peak RSS {report['rss_mb_peak']} MB")
    print(f"tagger alone (CRF + CNN, sentence by sentence): {report['tagger_tokens_per_s']} tokens/s (one core)")
    if "stages" in report:
        st = report["stages"]
        print(f"stages on {st['articles']} articles / {st['tokens']} tokens, median of {st['passes']} passes: "
              + ", ".join(f"{k} {v}" for k, v in st.items() if k.endswith("per_s"))
              + f" (passes: {st['combined_tokens_per_s_passes']})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
