"""/events: every filter, sorting, paging, CSV, bounds; /events/{id} with explanation and mentions."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi")


def _events(client, **params):
    response = client.get("/events", params={"size": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_api_events_unfiltered_lists_everything_newest_first(web_client):
    body = web_client.get("/events", params={"size": 500}).json()
    dates = [e["date"] for e in body["events"]]
    assert body["total"] == len(body["events"]) > 100
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params, check", [
    ({"actor": "IDNCOP"}, lambda e: "IDNCOP" in (e["source"], e["target"])),
    ({"actor": "RUS"}, lambda e: "RUS" in (e["source"][:3], e["target"][:3])),
    ({"actor": "holm"}, lambda e: "Anders Holm" in (e["source_name"], e["target_name"])),
    ({"country": "isr"}, lambda e: "ISR" in (e["source"][:3], e["target"][:3], e["place_country"])),
    ({"code": "17"}, lambda e: e["code"].startswith("17")),
    ({"code": "1711"}, lambda e: e["code"] == "1711"),
    ({"root": "12"}, lambda e: e["root_code"] == "12"),
    ({"quad": 4}, lambda e: e["quad_class"] == 4),
    ({"modality": "intended"}, lambda e: e["modality"] == "intended"),
    ({"since": "2024-08-01", "until": "2024-08-31"}, lambda e: "2024-08-01" <= e["date"][:10] <= "2024-08-31"),
    ({"place": "gaza"}, lambda e: e["place_name"] == "Gaza"),
    ({"outlet": "Tempo.co"}, lambda e: e["outlet"] == "Tempo.co"),
    ({"q": "Baltik"}, lambda e: e["outlet"] == "SINDOnews"),
])
def test_api_events_filter_keeps_only_matches(web_client, params, check):
    everything = _events(web_client)
    kept = _events(web_client, **params)
    assert kept, f"no event for {params}"
    assert all(check(e) for e in kept)
    assert len([e for e in everything if check(e)]) == len(kept)


def test_api_events_filters_combine(web_client):
    kept = _events(web_client, actor="IDNGOV", quad=1, place="Jakarta")
    assert kept and all(e["quad_class"] == 1 and e["place_name"] == "Jakarta" for e in kept)
    assert len(kept) < len(_events(web_client, actor="IDNGOV"))


def test_api_events_pages_do_not_overlap(web_client):
    first = web_client.get("/events", params={"size": 10, "page": 1, "sort": "id"}).json()["events"]
    second = web_client.get("/events", params={"size": 10, "page": 2, "sort": "id"}).json()["events"]
    ids = [e["id"] for e in first + second]
    assert len(ids) == 20 and len(set(ids)) == 20 and ids == sorted(ids)


def test_api_events_sort_by_goldstein(web_client):
    values = [e["goldstein"] for e in _events(web_client, sort="-goldstein") if e["goldstein"] is not None]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]


def test_api_events_csv_has_the_same_rows(web_client):
    response = web_client.get("/events", params={"quad": 4, "size": 1000, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {int(r["id"]) for r in rows} == {e["id"] for e in _events(web_client, quad=4)}


@pytest.mark.parametrize("params, status", [
    ({"size": 501}, 400), ({"size": 20000}, 422), ({"size": 0}, 422), ({"page": 0}, 422),
    ({"since": "2024-02-30"}, 400), ({"since": "kemarin"}, 400), ({"quad": 7}, 400), ({"quad": "x"}, 400), ({"code": "abc"}, 400),
    ({"modality": "maybe"}, 400), ({"country": "INDONESIA"}, 400), ({"sort": "title"}, 400),
    ({"format": "xml"}, 400), ({"actor": "x" * 500}, 400),
])
def test_api_events_bad_parameters_are_one_line_errors(web_client, params, status):
    response = web_client.get("/events", params=params)
    assert response.status_code == status
    assert "\n" not in response.json()["error"]


def test_api_events_detail_has_explanation_and_mentions(web_client):
    event = _events(web_client, actor="IDNCOP", root="17", outlet="detikNews")[0]
    detail = web_client.get(f"/events/{event['id']}").json()
    explanation = detail["explanation"]
    assert explanation["trigger"]["text"] in detail["sentence_text"]
    assert explanation["pattern"] and detail["modality"] == explanation["modality"]
    assert any(m["article_id"] == detail["article_id"] for m in detail["mentions"])


def test_api_events_detail_of_a_merged_event_lists_every_report(web_client):
    repeated = [e for e in _events(web_client, code="036", sort="id")]
    details = [web_client.get(f"/events/{e['id']}").json() for e in repeated[:20]]
    merged = [d for d in details if len(d["mentions"]) > 1]
    assert merged, "synthetic stories repeat across outlets, so some events have several reports"
    assert len({m["article_id"] for m in merged[0]["mentions"]}) == len(merged[0]["mentions"])


def test_api_events_unknown_id_is_404(web_client):
    response = web_client.get("/events/987654")
    assert response.status_code == 404 and "987654" in response.json()["error"]


def test_api_events_empty_fields_mean_no_filter(web_client):
    """A form submitted without JavaScript sends every field, empty ones included."""
    empty = {name: "" for name in ("actor", "country", "code", "root", "quad", "modality", "since", "until",
                                   "place", "outlet", "q")}
    body = web_client.get("/events", params={**empty, "size": 500}).json()
    assert len(body["events"]) == len(_events(web_client))
    assert web_client.get("/explore", params=empty).status_code == 200
