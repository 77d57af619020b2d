"""API latency over a big store: ``python -m bench.api_latency [--events 1000000] [--repeat 3]``.

Builds a temporary SQLite store with the store's own schema and migrations (warta.store.Store),
fills it with synthetic rows by executemany, then refreshes the planner statistics the way an
ingest does (Store.refresh_statistics). The synthetic data is shaped like news:

- article text is drawn word by word from a news vocabulary with its real frequencies (word counts
  of the news-clickid corpus in ../shared when present, otherwise a Zipf-distributed vocabulary),
  150-250 words each, so a full-text query matches a realistic share of articles;
- actors, places, outlets and CAMEO codes follow skewed (Zipf-like) frequencies: a few are very
  common, most are rare; events spread over three years.

Through the real app (in-process ASGI, fastapi.testclient) it times a mix of filtered ``/events``
queries (actor, country, code, root, QuadClass, modality, date range, outlet, place, free text,
sorts, a later page) and reports p50/p95/p99 per filter and over all; and the dashboard's first
page: cold (a fresh server process, its first request) and warm (cached stats, and recomputed
stats). Each measurement round is repeated (``--repeat``) to show the spread on a shared machine.
Writes bench/results/api_latency.json. Targets: p95 of filtered /events <= 50 ms; dashboard first
page <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / ".." / "shared" / "data" / "news-clickid" / "clickid_articles.jsonl"

# (code, name, weight): a few actors are in most news, most are rare.
ACTORS = (("IDNGOV", "Pemerintah Indonesia", 30), ("IDNCOP", "Polri", 22), ("IDN", "Indonesia", 15),
          ("IDNLEG", "DPR", 12), ("IDNMIL", "TNI", 9), ("IDNOPP", "Oposisi", 7), ("IDNCVL", "Warga", 14),
          ("IDNBUS", "Pengusaha", 6), ("IDNJUD", "Mahkamah Agung", 5), ("IDNMED", "Pers", 3),
          ("IDNCRM", "Tersangka", 10), ("IDNREB", "KKB", 2), ("CHN", "Tiongkok", 5), ("CHNGOV", "Pemerintah Tiongkok", 4),
          ("USA", "Amerika Serikat", 5), ("USAGOV", "Pemerintah AS", 4), ("RUS", "Rusia", 2), ("RUSGOV", "Kremlin", 2),
          ("JPN", "Jepang", 2), ("JPNGOV", "Pemerintah Jepang", 2), ("MYS", "Malaysia", 3), ("MYSGOV", "Pemerintah Malaysia", 2),
          ("SGP", "Singapura", 2), ("AUS", "Australia", 2), ("AUSGOV", "Pemerintah Australia", 1), ("PSE", "Palestina", 2),
          ("ISRMIL", "Militer Israel", 1), ("IGOUNO", "PBB", 2), ("IGOSEAASN", "ASEAN", 2), ("IGOWSTNAT", "NATO", 0.3),
          ("KOR", "Korea Selatan", 1), ("PRK", "Korea Utara", 0.5), ("SAU", "Arab Saudi", 1), ("UKR", "Ukraina", 0.5),
          ("PHL", "Filipina", 1), ("TLS", "Timor Leste", 0.5), ("PNG", "Papua Nugini", 0.3))
# (name, country, lat, lon, weight)
PLACES = (("Jakarta", "IDN", -6.2, 106.8, 40), ("Surabaya", "IDN", -7.25, 112.75, 10), ("Medan", "IDN", 3.59, 98.67, 8),
          ("Makassar", "IDN", -5.13, 119.41, 6), ("Bandung", "IDN", -6.91, 107.61, 8), ("Semarang", "IDN", -6.97, 110.42, 5),
          ("Denpasar", "IDN", -8.65, 115.22, 4), ("Jayapura", "IDN", -2.53, 140.7, 3), ("Natuna", "IDN", 3.9, 108.3, 1),
          ("Kupang", "IDN", -10.17, 123.6, 1), ("Ambon", "IDN", -3.7, 128.18, 1), ("Pontianak", "IDN", -0.03, 109.33, 2),
          ("Beijing", "CHN", 39.9, 116.4, 2), ("Washington", "USA", 38.9, -77.04, 2), ("Moskow", "RUS", 55.75, 37.62, 1),
          ("Kuala Lumpur", "MYS", 3.14, 101.69, 2), ("Gaza", "PSE", 31.5, 34.47, 1), ("Tokyo", "JPN", 35.68, 139.69, 1),
          ("Canberra", "AUS", -35.28, 149.13, 0.5), ("Dili", "TLS", -8.56, 125.57, 0.3))
OUTLETS = (("Kantor Berita Nusantara", 30), ("Harian Merdeka Pagi", 20), ("Warta Kota Timur", 12), ("Suara Pesisir", 6),
           ("Tribun Selatan", 10), ("Kabar Borneo", 4), ("Pos Maluku", 2), ("Berita Papua Hari Ini", 1))
MODALITIES = (("asserted", 80), ("intended", 6), ("reported", 8), ("hypothetical", 3), ("denied", 2), ("negated", 1))
# Real news codes most often: statements, appeals, meetings, cooperation; force much less.
ROOT_WEIGHTS = {"01": 20, "02": 8, "03": 8, "04": 18, "05": 8, "06": 3, "07": 3, "08": 3, "09": 3, "10": 3, "11": 5,
                "12": 2, "13": 2, "14": 2, "15": 1, "16": 1, "17": 4, "18": 3, "19": 2, "20": 0.1}
# Topical words for the fallback vocabulary (placed at mid ranks, as in real news).
TOPICAL = ("banjir", "korupsi", "nelayan", "perbatasan", "pemilu", "sengketa", "patroli", "bantuan", "tersangka",
           "gempa", "inflasi", "vaksin", "demonstrasi", "perundingan", "anggaran", "narkoba", "kebakaran", "pelabuhan")

# The filters a user of the explorer sets (each alone or combined), with sorts and a later page.
QUERIES = (
    {"actor": "IDNGOV"},
    {"actor": "IGOWSTNAT"},
    {"actor": "polri"},  # part of a name, not a code
    {"country": "RUS"},
    {"country": "IDN", "since": "2024-06-01"},
    {"code": "173", "since": "2024-06-01", "until": "2024-06-30"},
    {"root": "19", "since": "2024-01-01"},
    {"root": "14", "sort": "-goldstein"},
    {"quad": 4},
    {"quad": 1, "actor": "IDNGOV", "since": "2024-01-01"},
    {"actor": "IGOWSTNAT", "root": "13"},
    {"modality": "intended", "since": "2024-10-01"},
    {"since": "2024-01-01", "until": "2024-01-31"},
    {"since": "2023-03-01", "until": "2023-03-31", "sort": "goldstein"},
    {"outlet": "Suara Pesisir", "since": "2024-12-01"},
    {"outlet": "Pos Maluku", "quad": 4},
    {"place": "natuna"},
    {"place": "jakarta", "quad": 3},
    {"q": "banjir"},
    {"q": "nelayan perbatasan"},
    {"q": "korupsi", "since": "2024-01-01"},
    {"quad": 3, "page": 5},
)


def _weighted(items: tuple, weight_index: int = -1) -> tuple[list, list[float]]:
    return list(items), list(accumulate(float(i[weight_index]) for i in items))


def vocabulary(limit: int = 40_000) -> tuple[str, list[str], list[float]]:
    """Words and cumulative weights: word counts of a real news corpus, or a Zipf vocabulary."""
    if CORPUS.is_file():
        counts: Counter = Counter()
        word = re.compile(r"[a-z]{2,}")
        with CORPUS.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                counts.update(word.findall(((record.get("title") or "") + " " + (record.get("content") or "")).lower()))
        words, freqs = zip(*counts.most_common(limit))
        return "news-clickid word counts", list(words), list(accumulate(freqs))
    rng = random.Random(11)
    syllables = ("ka", "ba", "ti", "ma", "na", "ra", "se", "pe", "lu", "gan", "kan", "an", "ng", "ta", "ri", "du", "ja")
    words, seen = [], set(TOPICAL)
    while len(words) < limit:
        w = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    for rank, topical in zip(range(200, 2000, 100), TOPICAL):
        words.insert(rank, topical)
    return "Zipf (s=1) pseudo-words", words, list(accumulate(1.0 / r for r in range(1, len(words) + 1)))


def _codes() -> list[tuple[str, str, str, int, float, float]]:
    from warta.cameo import load_cameo
    from warta.resources import Resources

    tables = load_cameo(Resources())
    codes = [(c.code, c.base, c.root, c.quad_class, c.goldstein) for c in tables.codes.values()]
    per_root = Counter(c[2] for c in codes)
    # A root's weight is shared among its codes; base codes (3 digits) more often than 4-digit ones.
    return [(*c, ROOT_WEIGHTS.get(c[2], 1) / per_root[c[2]] * (2 if len(c[0]) <= 3 else 1)) for c in codes]


def build(path: str, n_events: int, per_article: int = 10, seed: int = 5) -> dict[str, object]:
    from warta.store import Store

    started = time.perf_counter()
    vocab_name, words, cum_words = vocabulary()
    Store(path).close()  # the store's own schema, migrations and indexes
    rng = random.Random(seed)
    codes, cum_codes = _weighted(_codes())
    actors, cum_actors = _weighted(ACTORS)
    places, cum_places = _weighted(PLACES)
    outlets, cum_outlets = _weighted(OUTLETS)
    modalities, cum_modalities = _weighted(MODALITIES)
    n_articles = max(n_events // per_article, 10)
    first, days = date(2022, 1, 1), 3 * 365
    conn = sqlite3.connect(path)
    # A bulk load into a throw-away file: no journal (WAL would write everything twice).
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    published, outlet_of, batch = [], [], []
    for i in range(n_articles):
        day = (first + timedelta(days=rng.randrange(days))).isoformat()
        outlet = rng.choices(outlets, cum_weights=cum_outlets)[0][0]
        published.append(day)
        outlet_of.append(outlet)
        body = " ".join(rng.choices(words, cum_weights=cum_words, k=rng.randint(150, 250)))
        title = " ".join(rng.choices(words, cum_weights=cum_words, k=8)).capitalize()
        batch.append((f"bench-{i}", f"{i:064x}", f"https://bench.example.id/{i}", outlet, title, day,
                      f"JAKARTA - {body}.", "ok", day))
        if len(batch) == 20_000:
            _insert_articles(conn, batch)
            batch = []
    _insert_articles(conn, batch)
    batch = []
    for i in range(n_events):
        article = rng.randrange(n_articles) + 1
        code, base, root, quad, goldstein, _ = rng.choices(codes, cum_weights=cum_codes)[0]
        (source, source_name, _), (target, target_name, _) = rng.choices(actors, cum_weights=cum_actors, k=2)
        place = rng.choices(places, cum_weights=cum_places)[0][:4] if rng.random() < 0.6 else (None,) * 4
        batch.append((article, f"v{i}", code, base, root, quad, goldstein, source, target, source_name, target_name,
                      rng.choices(modalities, cum_weights=cum_modalities)[0][0], published[article - 1], *place,
                      i % 5, outlet_of[article - 1]))
        if len(batch) == 100_000:
            _insert_events(conn, batch)
            batch = []
    _insert_events(conn, batch)
    # What the store records at ingest for the place filter.
    conn.execute("INSERT OR IGNORE INTO place_names (name) SELECT DISTINCT place_name FROM events"
                 " WHERE place_name IS NOT NULL")
    conn.commit()
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    with Store(path) as store:
        store.refresh_statistics()  # what an ingest does when the events table grew
    return {"articles": n_articles, "events": n_events, "vocabulary": vocab_name, "vocabulary_words": len(words),
            "words_per_article": "150-250", "build_seconds": round(time.perf_counter() - started, 1)}


def _insert_articles(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany("INSERT INTO articles (doc_id, content_hash, url, outlet, title, published, text, status, added)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _insert_events(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO events (article_id, event_id, code, base_code, root_code, quad_class, goldstein, source, target,"
        " source_name, target_name, modality, date, place_name, place_country, place_lat, place_lon, sentence,"
        " outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


def _summary(times: list[float]) -> dict[str, float]:
    return {"p50_ms": _pct(times, 0.5), "p95_ms": _pct(times, 0.95), "p99_ms": _pct(times, 0.99),
            "max_ms": round(max(times), 1)}


def _key(params: dict) -> str:
    return "&".join(f"{k}={v}" for k, v in params.items())


def cold_first_page(path: str) -> dict[str, float]:
    """In this (fresh) process: create the app, then time its first dashboard request."""
    from fastapi.testclient import TestClient

    from warta.api import create_app

    started = time.perf_counter()
    app = create_app(path)
    created = time.perf_counter()
    with TestClient(app) as client:
        first_started = time.perf_counter()
        response = client.get("/")
        first = time.perf_counter() - first_started
        assert response.status_code == 200, response.text[:300]
    return {"app_ms": round((created - started) * 1000, 1), "first_request_ms": round(first * 1000, 1)}


def measure(path: str, rounds: int) -> dict[str, object]:
    from fastapi.testclient import TestClient

    from warta.api import create_app

    app = create_app(path)
    out: dict[str, object] = {}
    with TestClient(app) as client:
        uncached, cached = [], []
        for _ in range(max(3, rounds // 2)):
            app.state.db.stats_cache.clear()
            started = time.perf_counter()
            client.get("/")
            uncached.append((time.perf_counter() - started) * 1000)
        for _ in range(rounds):
            started = time.perf_counter()
            client.get("/")
            cached.append((time.perf_counter() - started) * 1000)
        out["dashboard_recomputed"] = _summary(uncached)
        out["dashboard_cached"] = _summary(cached)
        out["dashboard_window_since"] = client.get("/?format=json").json().get("default_since")
        samples, per_query = [], {}
        for params in QUERIES:
            client.get("/events", params=params)  # warm the page cache for this query
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                response = client.get("/events", params=params)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text[:300]
            samples += times
            body = response.json()
            per_query[_key(params)] = {**_summary(times), "total": body["total"],
                                       "capped": body["total_capped"]}
        out["events"] = _summary(samples)
        out["per_query"] = per_query
    return out


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=10, help="Events per synthetic article")
    parser.add_argument("--rounds", type=int, default=20, help="Timed requests per query and round")
    parser.add_argument("--repeat", type=int, default=3, help="Measurement rounds (the spread is reported)")
    parser.add_argument("--cold", type=int, default=3, help="Fresh server processes timed for the first page")
    parser.add_argument("--db", help="Keep the built database here (reused when it exists)")
    parser.add_argument("--output", default=str(HERE / "results" / "api_latency.json"))
    parser.add_argument("--cold-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_child:
        print(json.dumps(cold_first_page(args.cold_child)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.db")
        if Path(path).exists():
            with sqlite3.connect(path) as conn:
                built = {"reused": path, "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                         "events": conn.execute("SELECT count(*) FROM events").fetchone()[0]}
        else:
            built = build(path, args.events, args.per_article)
            print(f"built {built['events']} events in {built['articles']} articles in {built['build_seconds']} s "
                  f"(text from {built['vocabulary']})")
        runs = []
        for number in range(args.repeat):
            cold = []
            for _ in range(args.cold):
                child = subprocess.run([sys.executable, "-m", "bench.api_latency", "--cold-child", path],
                                       capture_output=True, text=True, check=True, cwd=HERE.parent)
                cold.append(json.loads(child.stdout.strip().splitlines()[-1]))
            load_before = _load()
            run = {"load_before": load_before, **measure(path, args.rounds), "load_after": _load(),
                   "dashboard_cold": {"first_request_ms": [c["first_request_ms"] for c in cold],
                                      "app_ms": [c["app_ms"] for c in cold]}}
            runs.append(run)
            print(f"round {number + 1}: load {run['load_before']}->{run['load_after']}; /events p50 "
                  f"{run['events']['p50_ms']} p95 {run['events']['p95_ms']} p99 {run['events']['p99_ms']} ms; "
                  f"dashboard cold first request {run['dashboard_cold']['first_request_ms']} ms, recomputed p50 "
                  f"{run['dashboard_recomputed']['p50_ms']} ms, cached p50 {run['dashboard_cached']['p50_ms']} ms")
    result = {"machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                          "cpu_count": os.cpu_count(), "platform": platform.platform()},
              "command": "python -m bench.api_latency " + " ".join(sys.argv[1:]),
              "data": built, "targets": {"events_p95_ms": 50, "dashboard_first_page_ms": 300},
              "spread": {"events_p95_ms": [r["events"]["p95_ms"] for r in runs],
                         "events_p50_ms": [r["events"]["p50_ms"] for r in runs],
                         "dashboard_cold_first_request_ms": [x for r in runs
                                                             for x in r["dashboard_cold"]["first_request_ms"]],
                         "dashboard_recomputed_p50_ms": [r["dashboard_recomputed"]["p50_ms"] for r in runs]},
              "runs": runs}
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    best = min(runs, key=lambda r: r["events"]["p95_ms"])
    print("per filter (the round with the lowest overall p95):")
    for query, numbers in best["per_query"].items():
        print(f"  {query:45s} p50 {numbers['p50_ms']:7.1f}  p95 {numbers['p95_ms']:7.1f}  p99 {numbers['p99_ms']:7.1f}"
              f"  total {numbers['total']}{'+' if numbers['capped'] else ''}")
    print(f"spread over rounds: {json.dumps(result['spread'])}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
