"""Hand-written SQL-injection and XSS probes in every parameter of every operation (the fast subset
of bench/api_load.py's attack): no 5xx, no database error leaking, no rows for an injection, no
payload reflected unescaped into a page; forged ingest tokens and other methods write nothing."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def token_client(web_db, attack):
    """The app over the shared sample store with POST /ingest enabled (the token is never sent)."""
    from fastapi.testclient import TestClient

    from warta.api import create_app

    with TestClient(create_app(web_db, ingest_token=attack.TOKEN)) as client:
        yield client


def _counts(db):
    with sqlite3.connect(db) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "events", "failures")
        )


def test_api_attack_every_parameter_of_every_operation(token_client, web_db, attack):
    spec = token_client.get("/openapi.json").json()
    probes = attack.parameter_probes(spec, attack.sample_ids(web_db), attack.FAST_PAYLOADS)
    labels = {p.label.split(" json")[0] for p in probes}
    # Every GET operation with parameters is probed, and every one of its parameters.
    expected = {
        f"{path} {p['name']}"
        for m, path, op in attack.operations(spec)
        if m == "GET"
        for p in op.get("parameters", [])
    }
    assert labels == expected and len(expected) >= 80
    tried, found = attack.run_probes(token_client, probes)
    assert tried == len(probes) > 800
    assert found == []


def test_api_attack_forged_ingest_tokens_write_nothing(token_client, web_db, attack):
    before = _counts(web_db)
    tried, found = attack.run_probes(token_client, attack.ingest_probes(attack.FAST_PAYLOADS))
    assert tried > 15 and found == []
    assert _counts(web_db) == before


def test_api_attack_other_methods_are_refused(token_client, web_db, attack):
    spec = token_client.get("/openapi.json").json()
    before = _counts(web_db)
    tried, found = attack.run_probes(token_client, attack.method_probes(spec, attack.sample_ids(web_db)))
    assert tried > 40 and found == []
    assert _counts(web_db) == before


def test_api_attack_checks_can_fail(attack):
    """The checks themselves: each kind of hole is reported."""
    probe = attack.Probe("GET", "/explore", {"q": "' OR '1'='1"}, payload="' OR '1'='1", label="/explore q")
    assert attack.findings(probe, 500, {}, "")
    assert attack.findings(
        probe,
        400,
        {"content-type": "application/json"},
        '{"error": "sqlite3.OperationalError: unrecognized token"}',
    )
    assert attack.findings(probe, 200, {"content-type": "application/json"}, '{"events": [{"id": 1}]}')
    assert not attack.findings(
        probe, 200, {"content-type": "application/json"}, '{"events": [], "q": "\' OR"}'
    )
    xss = '"><script>alert(1)</script>'
    page = attack.Probe("GET", "/find", {"q": xss}, payload=xss, label="/find q")
    html = "text/html; charset=utf-8"
    assert attack.findings(page, 200, {"content-type": html}, f'<input value="{xss}">')
    assert not attack.findings(page, 200, {"content-type": html}, '<input value="&#34;&gt;&lt;script&gt;">')
    link = attack.Probe(
        "GET", "/find", {"q": "javascript:alert(1)"}, payload="javascript:alert(1)", label="x"
    )
    assert attack.findings(link, 200, {"content-type": html}, '<a href="javascript:alert(1)">x</a>')
    assert not attack.findings(link, 200, {"content-type": html}, '<input value="javascript:alert(1)">')
    forged = attack.Probe("POST", "/ingest", json_body={}, label="/ingest forged token")
    assert attack.findings(forged, 200, {}, "{}")


@pytest.mark.parametrize(
    "url",
    [
        "/entities?page=184467440737095518",
        "/search?q=banjir&page=184467440737095518",
        "/actors?page=184467440737095518",
        "/find?q=banjir&page=184467440737095518",
        "/events/184467440737095518999",
        "/article/99999999999999999999",
        "/entity/-99999999999999999999",
        "/event/99999999999999999999?format=json",
    ],
)
def test_api_attack_numbers_beyond_64_bits_are_client_errors(token_client, url):
    """Found by schemathesis: pages and ids past the database's integers were a 500 (OverflowError)."""
    assert token_client.get(url).status_code in (400, 422)


def test_api_attack_probes_on_both_backends(store_target, resources, attack):
    """The same probes over a small store on SQLite and on PostgreSQL (which refuses NUL in text)."""
    from fastapi.testclient import TestClient

    from warta.api import create_app
    from warta.web.sample import build

    before = build(store_target, res=resources, synthetic=20, hostile=True)
    with TestClient(create_app(store_target, ingest_token=attack.TOKEN)) as client:
        event = client.get("/events", params={"size": 1}).json()["events"][0]
        entity = client.get("/entities", params={"size": 1}).json()["entities"][0]
        ids = {"event_id": event["id"], "article_id": event["article_id"], "entity_id": entity["id"]}
        spec = client.get("/openapi.json").json()
        payloads = ("' OR '1'='1", "%", "banjir\x00' OR 1=1 --", '"><script>alert(1)</script>')
        tried, found = attack.run_probes(client, attack.parameter_probes(spec, ids, payloads))
        assert tried > 400 and found == []
        tried, found = attack.run_probes(client, attack.ingest_probes(payloads))
        assert found == []
    from warta.store import Store

    with Store(store_target) as store:
        assert store.counts() == before  # the forged ingests wrote nothing


def test_api_attack_store_search_with_nul_is_no_crash(store_target):
    """The API strips NUL itself (warta.queries.clean_text); the store's own search does not yet."""
    from warta.store import Store

    with Store(store_target) as store:
        assert store.search("banjir\x00 x") == []
