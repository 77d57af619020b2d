"""Article text, titles, names and places are untrusted: every page shows them escaped."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

RAW = ["<script>window.__pwned", "<img src=x onerror", "<svg onload", "<b>Jakarta</b>", "<b>tersangka</b>",
       "</textarea>", "onmouseover=\"x", "<i>ORG</i>"]


def _hostile(client):
    return next(e for e in client.get("/events", params={"size": 500}).json()["events"]
                if e["article_title"].startswith("Judul <script>"))


@pytest.mark.parametrize("page", ["article", "event", "explore", "dashboard", "entity", "actors", "find"])
def test_web_escape_hostile_article_is_inert_on_every_page(web_client, page):
    event = _hostile(web_client)
    entity = web_client.get("/entities", params={"q": "tersangka"}).json()["entities"][0]["id"]
    url = {"article": f"/article/{event['article_id']}", "event": f"/event/{event['id']}",
           "explore": "/explore?actor=IDNCRM", "dashboard": "/?since=2024-06-20&until=2024-06-20",
           "entity": f"/entity/{entity}", "actors": "/actors?q=%3C", "find": "/find?q=Judul"}[page]
    html = web_client.get(url).text
    for raw in RAW:
        assert raw not in html, f"{raw!r} reached {url} unescaped"
    assert "&lt;script&gt;" in html or "&lt;b&gt;" in html or "&#34;&gt;&lt;" in html


def test_web_escape_article_source_link_only_for_http(web_client):
    event = _hostile(web_client)
    html = web_client.get(f"/article/{event['article_id']}").text
    assert 'href="https://example.id/&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    assert "javascript:" not in html


def test_web_escape_highlighter_escapes_pieces_and_attributes():
    from warta.web.highlight import _Span, highlight

    text = 'A <b>"x"</b> & B'
    html = str(highlight(text, [_Span(2, 12, "ent", '7" onclick="y', 'n"<>'), _Span(0, 1, "trig", "3")]))
    assert "<b>" not in html and 'onclick="y' not in html
    assert "&lt;b&gt;&#34;x&#34;&lt;/b&gt;" in html and "&amp; B" in html
    assert html.count("<a ") == 2


def test_web_charts_timeline_trims_sparse_far_dates():
    from warta.web.charts import timeline

    days = [{"day": "1945-08-17", "3": 1}, {"day": "2030-01-01", "1": 1}]
    days += [{"day": f"2019-09-{d:02d}", "1": 60, "4": 40} for d in range(1, 29)]
    days.sort(key=lambda r: r["day"])
    chart = timeline(days)
    assert chart["outside"] == 2
    assert {b["day"][:4] for b in chart["bars"]} == {"2019"}
    assert chart["unit"] == "day"
