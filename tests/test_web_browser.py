"""The dashboard in a real browser (Debian's Chromium through Playwright): every page loads, a filter
narrows the explorer, an article shows its highlighted spans, hostile text stays inert.

Screenshots go to a temporary folder, and also to $WARTA_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screens")
    yield folder
    keep = os.environ.get("WARTA_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for png in folder.glob("*.png"):
            shutil.copy(png, Path(keep) / png.name)


def _goto(page, url):
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    return errors


def test_web_browser_dashboard_draws_every_chart(page, live_server, shots):
    errors = _goto(page, live_server + "/")
    assert int(page.inner_text("#total")) > 100
    assert page.locator("#timeline rect").count() > 5
    assert page.locator("svg.dyads rect.conf").count() > 0 and page.locator("svg.dyads rect.coop").count() > 0
    assert page.locator("#network line.conflict").count() > 0 and page.locator("#network line.cooperation").count() > 0
    assert page.locator("#map a.place").count() >= 5
    page.hover("#network a.node[data-actor='IDNGOV']")
    assert page.locator("#network line.edge.dim").count() > 0
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert not errors


def test_web_browser_filter_narrows_the_explorer(page, live_server, shots):
    _goto(page, live_server + "/explore")
    before = int(page.inner_text("#total").rstrip("+"))
    page.select_option("select[name=quad]", "4")  # a select submits the form by itself
    page.wait_for_url(re.compile(r"quad=4"))
    after = int(page.inner_text("#total").rstrip("+"))
    assert 0 < after < before
    assert "since=" not in page.url  # empty fields are left out of the URL
    badges = page.locator("#events td .badge").all_inner_texts()
    assert badges and set(badges) == {"Q4"}
    page.fill("input[name=actor]", "IDNCOP")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=IDNCOP"))
    codes = page.locator("#events tbody tr td:nth-child(2) .code").all_inner_texts()
    targets = page.locator("#events tbody tr td:nth-child(4) .code").all_inner_texts()
    assert all("IDNCOP" in pair for pair in zip(codes, targets))
    page.screenshot(path=str(shots / "explore.png"))


def test_web_browser_article_shows_highlighted_spans(page, live_server, shots):
    _goto(page, live_server + "/explore?outlet=Kompas.com")
    page.click("#events a.article >> nth=0")
    page.wait_for_url(re.compile(r"/article/\d+#event-\d+"))
    text = page.locator("#article-text")
    assert "Natuna" in text.inner_text()
    entities = text.locator(".ent").all_inner_texts()
    assert "Bambang Haryadi" in entities and "China" in entities
    assert any(q.startswith("Kami meminta Kemlu") for q in text.locator(".quote").all_inner_texts())
    assert set(text.locator(".trig").all_inner_texts()) >= {"meminta pemerintah", "mengusir"}
    assert page.locator("aside .event.active").count() == 1  # the event we came for is marked
    trigger = text.locator("a.trig", has_text="mengusir")
    trigger.click()
    box = page.locator("aside .event.active")
    assert box.locator(".trigger").inner_text() == "mengusir"
    assert box.locator(".modality").inner_text().startswith("asserted")
    assert "<" in box.locator(".pattern").inner_text()
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    text.locator("a.ent", has_text="Bambang Haryadi").first.click()
    page.wait_for_url(re.compile(r"/entity/\d+"))
    assert page.inner_text("h1.entity-name").startswith("Bambang Haryadi")
    assert "Kami meminta Kemlu" in page.inner_text("body")
    page.screenshot(path=str(shots / "entity.png"), full_page=True)


def test_web_browser_hostile_article_stays_inert(page, live_server, shots):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _goto(page, live_server + "/find?q=Judul")
    page.click("#results a >> nth=0")
    page.wait_for_url(re.compile(r"/article/\d+"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text script, #article-text img, #article-text b, aside b").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text("h1")
    page.hover("#article-text a.trig")
    page.hover("aside")
    assert page.evaluate("typeof window.__pwned") == "undefined" and not dialogs
    page.screenshot(path=str(shots / "hostile.png"), full_page=True)


@pytest.mark.parametrize("path", ["/actors", "/find?q=patroli+laut", "/event/1", "/docs"])
def test_web_browser_other_pages_load(page, live_server, shots, path):
    errors = _goto(page, live_server + path)
    assert page.title()
    name = re.sub(r"\W+", "-", path.strip("/")) or "root"
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    if path != "/docs":  # /docs loads Swagger UI from a CDN, which this machine cannot reach
        assert not errors
