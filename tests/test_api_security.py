"""Untrusted input: SQL injection through filters, bounded sizes, read-only by default, the ingest token."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("fastapi")

INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE events; --", "%", "_", "\\", "IDN%' OR 1=1 --", '") OR ("1"="1',
              "1 UNION SELECT sql FROM sqlite_master", "*", "NEAR("]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["actor", "place", "outlet", "q"])
def test_api_security_filters_are_bound_parameters(web_client, web_db, name, value):
    response = web_client.get("/events", params={name: value, "size": 500})
    assert response.status_code == 200, response.text
    assert response.json()["events"] == [], f"{name}={value!r} matched rows it should not"
    with sqlite3.connect(web_db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 100


@pytest.mark.parametrize("path, value", [("/entities", "%"), ("/entities", "' OR 1=1 --"), ("/search", "' OR 1=1 --"),
                                         ("/search", "NEAR("), ("/actors", "%'--"), ("/find", '"""')])
def test_api_security_other_text_parameters_are_bound(web_client, path, value):
    response = web_client.get(path, params={"q": value, "format": "json"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("entities", body.get("articles")) == []


def test_api_security_server_connection_is_read_only(web_client):
    db = web_client.app.state.db
    with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
        for conn in db.connect():
            conn.exec_driver_sql("DELETE FROM events")


def test_api_security_long_url_is_refused(web_client):
    response = web_client.get("/events", params={"q": "kata " * 2000})
    assert response.status_code == 414


def test_api_security_no_ingest_without_token(web_client):
    response = web_client.post("/ingest", json={"articles": [{"text": "Polisi menangkap dua orang."}]})
    assert response.status_code in (404, 405)


@pytest.fixture()
def ingest_client(tmp_path):
    from fastapi.testclient import TestClient

    from warta.api import create_app
    from warta.store import Store

    path = str(tmp_path / "ingest.db")
    Store(path).close()
    with TestClient(create_app(path, ingest_token="rahasia-uji", max_body=20_000)) as client:
        yield client, path


ARTICLE = ("Polisi Tangkap Dua Pencuri Motor\n\nSURABAYA - Polisi menangkap dua pencuri sepeda motor di "
           "Surabaya pada Senin malam. \"Keduanya sudah kami tahan,\" kata Kapolsek Rungkut kepada wartawan.")


def test_api_security_ingest_requires_the_token(ingest_client):
    client, path = ingest_client
    body = {"articles": [{"text": ARTICLE, "outlet": "Suara Pesisir", "published": "2024-06-03"}]}
    assert client.post("/ingest", json=body).status_code == 401
    assert client.post("/ingest", json=body, headers={"Authorization": "Bearer salah"}).status_code == 401
    response = client.post("/ingest", json=body, headers={"Authorization": "Bearer rahasia-uji"})
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1
    again = client.post("/ingest", json=body, headers={"Authorization": "Bearer rahasia-uji"})
    assert again.json()["duplicate"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT outlet FROM articles").fetchall() == [("Suara Pesisir",)]
    found = client.get("/search", params={"q": "pencuri"}).json()["articles"]
    assert [a["outlet"] for a in found] == ["Suara Pesisir"]


def test_api_security_request_body_is_bounded(ingest_client):
    client, _ = ingest_client
    huge = {"articles": [{"text": "kata " * 10_000}]}
    response = client.post("/ingest", json=huge, headers={"Authorization": "Bearer rahasia-uji"})
    assert response.status_code == 413
