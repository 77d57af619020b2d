"""/entities, /articles, /search, /stats and the JSON twins of the dashboard pages."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")


def _entity_id(client, name):
    rows = client.get("/entities", params={"q": name}).json()["entities"]
    return next(r["id"] for r in rows if r["name"] == name)


def test_api_documents_entities_grouped_and_filtered(web_client):
    people = web_client.get("/entities", params={"type": "PER", "size": 500}).json()["entities"]
    assert people and all(p["type"] == "PER" for p in people)
    coded = web_client.get("/entities", params={"actor": "RUS"}).json()["entities"]
    assert {e["name"] for e in coded} == {"Rusia", "Pavel Orlov"}


def test_api_documents_entity_has_aliases_events_and_quotes(web_client):
    holm = web_client.get(f"/entities/{_entity_id(web_client, 'Anders Holm')}").json()
    assert {a["text"] for a in holm["aliases"]} == {"Anders Holm", "Holm"}
    assert {e["code"] for e in holm["events"]} == {"120", "104"}
    assert all(e["as_source"] for e in holm["events"])
    assert len(holm["quotes"]) == 1 and holm["quotes"][0]["text"].startswith("Latihan ini")
    assert sum(d["3"] for d in holm["events_per_day"]) == 2


def test_api_documents_article_spans_point_into_the_text(web_client):
    event = web_client.get("/events", params={"outlet": "Kompas.com", "code": "174"}).json()["events"][0]
    article = web_client.get(f"/articles/{event['article_id']}").json()
    text = article["text"]
    for mention in article["mentions"]:
        assert text[mention["start_char"]:mention["end_char"]] == mention["text"]
    for quote in article["quotes"]:
        assert text[quote["start_char"]:quote["end_char"]] == quote["text"]
    triggers = {e["explanation"]["trigger"]["text"] for e in article["events"]}
    assert "mengusir" in triggers
    assert web_client.get("/articles/999999").status_code == 404


def test_api_documents_search_finds_words_with_snippets(web_client):
    body = web_client.get("/search", params={"q": "kapal selam"}).json()
    assert [a["outlet"] for a in body["articles"]] == ["SINDOnews"]
    assert "\x02" in body["articles"][0]["snippet"] and body["articles"][0]["events"] == 3
    assert web_client.get("/search", params={"q": "   "}).status_code == 400


def test_api_documents_stats_match_the_event_list(web_client):
    stats = web_client.get("/stats", params={"quad": 4}).json()
    events = web_client.get("/events", params={"quad": 4, "size": 500}).json()["events"]
    assert stats["total"] == len(events)
    assert sum(day["4"] for day in stats["per_day"]) == len(events)
    top = stats["top_dyads"][0]
    assert top["n"] == sum(1 for e in events if (e["source"], e["target"]) == (top["source"], top["target"]))
    assert all(edge["kind"] == "conflict" for edge in stats["network"]["edges"])
    assert any(p["name"] == "Gaza" for p in stats["places"])


@pytest.mark.parametrize("page, api", [("/explore?quad=3", "/events?quad=3"), ("/actors", "/entities"),
                                       ("/find?q=Gaza", "/search?q=Gaza")])
def test_api_documents_pages_have_json_twins(web_client, page, api):
    twin = web_client.get(page + "&format=json" if "?" in page else page + "?format=json").json()
    assert twin == web_client.get(api).json()


def test_api_documents_article_and_entity_pages_have_json_twins(web_client):
    assert web_client.get("/article/1?format=json").json() == web_client.get("/articles/1").json()
    assert web_client.get("/entity/1?format=json").json() == web_client.get("/entities/1").json()
    assert web_client.get("/event/1?format=json").json() == web_client.get("/events/1").json()
    dashboard = web_client.get("/?format=json").json()
    assert dashboard["total"] == web_client.get("/stats").json()["total"]
