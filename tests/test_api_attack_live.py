"""A live `warta serve` (uvicorn on 127.0.0.1): it refuses oversized requests (long URLs 414, huge
headers 431 or the HTTP parser's 400, declared and streamed bodies over the limit 413) and
unauthenticated writes, and it serves many concurrent clients without an error (the short version
of bench/api_load.py's 200 clients for 60 s)."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")


@pytest.fixture(scope="module")
def served(web_db, attack):
    """`warta serve` in a child process with an ingest token; yields its base URL."""
    with attack.serve(web_db) as base:
        yield base


def test_api_attack_oversized_requests_are_refused(served, attack):
    results = attack.oversize_checks(served)
    assert len(results) >= 6
    assert {name: r["status"] for name, r in results.items() if not r["ok"]} == {}
    assert httpx.get(served + "/health", timeout=10).status_code == 200  # still serving


def test_api_attack_live_writes_need_the_token(served, web_db):
    with sqlite3.connect(web_db) as conn:
        before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    body = {"articles": [{"text": "Polisi menangkap dua orang di Medan pada Senin.", "outlet": "Uji"}]}
    for headers in ({}, {"Authorization": "Bearer salah"}, {"Authorization": "Basic dWppOnVqaQ=="}):
        response = httpx.post(served + "/ingest", json=body, headers=headers, timeout=30)
        assert response.status_code == 401, response.text
        assert response.headers.get("www-authenticate") == "Bearer"
    for method in ("PUT", "DELETE", "PATCH"):
        assert httpx.request(method, served + "/events/1", timeout=10).status_code == 405
    with sqlite3.connect(web_db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    assert served.exceptions() == 0, served.log()[-2000:]


def test_api_attack_many_concurrent_clients_get_answers(served, web_db, attack):
    """More clients than worker threads (40) and pooled connections (15): this used to deadlock
    until the pool's 30 s timeout, every request a 500."""
    stats = attack.load_httpx(served, attack.url_mix(web_db), clients=60, seconds=4)
    assert stats["requests"] > 60
    assert stats["errors"] == 0, stats["error_kinds"]
    assert served.exceptions() == 0, served.log()[-2000:]
