"""API latency over a big store: ``python -m bench.api_latency [--events 1000000]``.

Builds a temporary SQLite store with the store's own schema (warta.store.Store) and fills it with
synthetic rows by executemany (articles with short Indonesian texts, events with consistent CAMEO
fields, actors, dates over three years, places). Then, through the real app (in-process ASGI,
fastapi.testclient), it times a mix of filtered ``/events`` queries and the dashboard's first
page, first with only the store's indexes and then with the extra indexes listed in EXTRA_INDEXES.
Prints a table and writes bench/results/api_latency.json. Targets: p95 of filtered /events
<= 50 ms; dashboard first page <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

ACTORS = ("IDN", "IDNGOV", "IDNMIL", "IDNCOP", "IDNLEG", "IDNOPP", "IDNCVL", "IDNREB", "IDNBUS", "IDNMED",
          "CHN", "CHNGOV", "CHNMIL", "USA", "USAGOV", "RUS", "RUSGOV", "RUSMIL", "JPN", "JPNGOV", "MYS", "MYSGOV",
          "SGP", "PHL", "PHLGOV", "AUS", "AUSGOV", "ISR", "ISRMIL", "PSE", "IGOUNO", "IGOWSTNAT", "IGOSEAASN",
          "KOR", "PRK", "IND", "GBR", "FRA", "DEU", "UKR", "TUR", "SAU", "IRN", "EGY", "NLD", "THA", "VNM")
PLACES = (("Jakarta", "IDN", -6.2, 106.8), ("Surabaya", "IDN", -7.25, 112.75), ("Makassar", "IDN", -5.13, 119.41),
          ("Medan", "IDN", 3.59, 98.67), ("Denpasar", "IDN", -8.65, 115.22), ("Natuna", "IDN", 3.9, 108.3),
          ("Jayapura", "IDN", -2.53, 140.7), ("Beijing", "CHN", 39.9, 116.4), ("Manila", "PHL", 14.6, 121.0),
          ("Moskow", "RUS", 55.75, 37.62), ("Gaza", "PSE", 31.5, 34.47), ("Washington", "USA", 38.9, -77.04),
          ("Kuala Lumpur", "MYS", 3.14, 101.69), ("Canberra", "AUS", -35.28, 149.13), ("Tokyo", "JPN", 35.68, 139.69))
OUTLETS = ("Kantor Berita Nusantara", "Harian Merdeka Pagi", "Warta Kota Timur", "Suara Pesisir", "Tribun Selatan")
WORDS = ("pemerintah", "menteri", "polisi", "nelayan", "perbatasan", "bantuan", "banjir", "sidang", "kapal",
         "patroli", "perundingan", "kunjungan", "demonstrasi", "sengketa", "latihan", "pemilu", "anggaran")
MODALITIES = ("asserted",) * 12 + ("intended", "reported", "hypothetical", "denied", "negated")

# Indexes the dashboard's filters use that the store (schema v2) does not create.
EXTRA_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_root_date ON events (root_code, date)",
    "CREATE INDEX IF NOT EXISTS ix_events_quad_date ON events (quad_class, date)",
    "CREATE INDEX IF NOT EXISTS ix_events_source ON events (source)",
    "CREATE INDEX IF NOT EXISTS ix_events_target ON events (target)",
)

QUERIES = (
    {"actor": "IDNGOV"},
    {"quad": 4},
    {"root": "19", "since": "2024-01-01"},
    {"country": "RUS"},
    {"code": "173", "since": "2024-06-01", "until": "2024-06-30"},
    {"modality": "intended", "since": "2024-10-01"},
    {"actor": "IDNGOV", "quad": 1, "since": "2024-01-01"},
    {"place": "natuna"},
    {"outlet": "Suara Pesisir", "since": "2024-12-01"},
    {"q": "nelayan perbatasan"},
    {"actor": "IGOWSTNAT", "root": "13"},
    {"since": "2023-03-01", "until": "2023-03-31", "sort": "goldstein"},
)


def _codes() -> list[tuple[str, str, str, int, float]]:
    from warta.cameo import load_cameo
    from warta.resources import Resources

    tables = load_cameo(Resources())
    return [(c.code, c.base, c.root, c.quad_class, c.goldstein) for c in tables.codes.values()]


def build(path: str, n_events: int, seed: int = 5) -> dict[str, float]:
    from warta.store import Store

    Store(path).close()  # the store's own schema, migrations and indexes
    rng = random.Random(seed)
    codes = _codes()
    n_articles = max(n_events // 20, 10)
    first, days = date(2022, 1, 1), 3 * 365
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    articles = []
    published = []
    for i in range(n_articles):
        day = (first + timedelta(days=rng.randrange(days))).isoformat()
        published.append(day)
        words = " ".join(rng.choice(WORDS) for _ in range(30))
        articles.append((f"bench-{i}", f"{i:064x}", f"https://bench.example.id/{i}", rng.choice(OUTLETS),
                         f"Berita {i} tentang {rng.choice(WORDS)}", day, f"JAKARTA - {words}.", "ok", day))
    conn.executemany("INSERT INTO articles (doc_id, content_hash, url, outlet, title, published, text, status, added)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
    batch = []
    for i in range(n_events):
        article = rng.randrange(n_articles) + 1
        code, base, root, quad, goldstein = rng.choice(codes)
        source, target = rng.sample(ACTORS, 2)
        place = rng.choice(PLACES) if rng.random() < 0.6 else (None, None, None, None)
        batch.append((article, f"v{i}", code, base, root, quad, goldstein, source, target, f"Aktor {source}",
                      f"Aktor {target}", rng.choice(MODALITIES), published[article - 1], *place, i % 5))
        if len(batch) == 100_000:
            _insert_events(conn, batch)
            batch = []
    _insert_events(conn, batch)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return {"articles": n_articles, "events": n_events, "build_seconds": round(time.perf_counter() - started, 1)}


def _insert_events(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO events (article_id, event_id, code, base_code, root_code, quad_class, goldstein, source, target,"
        " source_name, target_name, modality, date, place_name, place_country, place_lat, place_lon, sentence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(path: str, rounds: int) -> dict[str, object]:
    from fastapi.testclient import TestClient

    from warta.api import create_app

    app = create_app(path)
    out: dict[str, object] = {}
    with TestClient(app) as client:
        started = time.perf_counter()
        first = client.get("/")
        out["dashboard_first_request_ms"] = round((time.perf_counter() - started) * 1000, 1)
        assert first.status_code == 200, first.text[:300]
        uncached = []
        for _ in range(max(3, rounds // 4)):
            app.state.db.stats_cache.clear()
            started = time.perf_counter()
            client.get("/")
            uncached.append((time.perf_counter() - started) * 1000)
        cached = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get("/")
            cached.append((time.perf_counter() - started) * 1000)
        out["dashboard_uncached_p95_ms"] = round(_pct(uncached, 0.95), 1)
        out["dashboard_cached_p95_ms"] = round(_pct(cached, 0.95), 1)
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
            key = "&".join(f"{k}={v}" for k, v in params.items())
            per_query[key] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(_pct(times, 0.95), 1),
                              "total": response.json()["total"]}
        out["events_p50_ms"] = round(statistics.median(samples), 1)
        out["events_p95_ms"] = round(_pct(samples, 0.95), 1)
        out["per_query"] = per_query
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20, help="Timed requests per query")
    parser.add_argument("--output", default=str(HERE / "results" / "api_latency.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.db")
        built = build(path, args.events)
        print(f"built {built['events']} events in {built['articles']} articles in {built['build_seconds']} s")
        store_only = measure(path, args.rounds)
        with sqlite3.connect(path) as conn:
            for sql in EXTRA_INDEXES:
                conn.execute(sql)
            conn.execute("ANALYZE")
        indexed = measure(path, args.rounds)
    result = {"machine": {"python": platform.python_version(), "cpu_count": __import__("os").cpu_count(),
                          "platform": platform.platform()},
              "data": built, "targets": {"events_p95_ms": 50, "dashboard_first_page_ms": 300},
              "store_indexes_only": store_only, "with_extra_indexes": {"indexes": list(EXTRA_INDEXES), **indexed}}
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, run in (("store indexes only", store_only), ("with extra indexes", indexed)):
        print(f"{name}: /events p50 {run['events_p50_ms']} ms, p95 {run['events_p95_ms']} ms; dashboard first "
              f"request {run['dashboard_first_request_ms']} ms, uncached p95 {run['dashboard_uncached_p95_ms']} ms, "
              f"cached p95 {run['dashboard_cached_p95_ms']} ms (window from {run['dashboard_window_since']})")
        for query, numbers in run["per_query"].items():
            print(f"  {query:55s} p50 {numbers['p50_ms']:7.1f}  p95 {numbers['p95_ms']:7.1f}  total {numbers['total']}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
