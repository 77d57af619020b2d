"""The only fixtures file. Shared data (../shared) is optional: tests that need it skip cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    path = shared_dir / "gold" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/gold/dev is not present")
    return path


@pytest.fixture(scope="session")
def resources():
    from warta.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def pipeline(resources):
    from warta.pipeline import Pipeline

    return Pipeline(resources=resources)


def _hand_doc(paragraphs, names=(), published=None, headline=False):
    """A Document built by hand for stage tests: paragraphs split into sentences at [.!?] + space,
    every occurrence of each name in ``names`` (surface, type, entity name) made a mention of that
    entity; no tokens. Lets quotes/time/places tests run without the NER and coref stages."""
    import re

    from warta.doc import Document, Entity, Mention, Paragraph, Sentence

    text = "\n\n".join(paragraphs)
    doc = Document(id="hand", text=text, published=published)
    pos = 0
    for i, para in enumerate(paragraphs):
        kind = "headline" if headline and i == 0 else "body"
        doc.paragraphs.append(Paragraph(pos, pos + len(para), kind))
        start = pos
        for m in re.finditer(r"[.!?][\"”’]?(?=\s+[\"“A-Z])", para):
            doc.sentences.append(Sentence(start, pos + m.end(), 0, 0, i))
            start = pos + m.end() + 1
        doc.sentences.append(Sentence(start, pos + len(para), 0, 0, i))
        pos += len(para) + 2
    entities: dict[str, Entity] = {}
    for surface, etype, name in names:
        entity = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, etype))
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(x.start <= m.start() < x.end for x in doc.mentions):
                continue  # a longer name already covers it
            mention = Mention(f"m{len(doc.mentions) + 1}", m.start(), m.end(), etype, entity=entity.id)
            doc.mentions.append(mention)
            entity.mentions.append(mention.id)
    doc.mentions.sort(key=lambda x: x.start)
    doc.entities = list(entities.values())
    return doc


@pytest.fixture(scope="session")
def hand_doc():
    """Builder of hand-made Documents (see _hand_doc) for stage tests."""
    return _hand_doc


# ---- store: every store test runs on SQLite and on PostgreSQL ---------------------------------
def _pg_admin_dsn() -> str | None:
    """WARTA_TEST_PG_DSN; unset means skip PostgreSQL, except in CI where it must be set."""
    import os

    dsn = os.environ.get("WARTA_TEST_PG_DSN")
    if not dsn and os.environ.get("CI"):
        pytest.fail("CI is set but WARTA_TEST_PG_DSN is not: the test script must start PostgreSQL "
                    "(scripts/pg_ensure.sh) and export its DSN")
    return dsn


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_target(request, tmp_path):
    """A fresh, empty database target: a SQLite file path, or a new PostgreSQL database URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "warta.db")
        return
    dsn = _pg_admin_dsn()
    if not dsn:
        pytest.skip("PostgreSQL tests need WARTA_TEST_PG_DSN (see scripts/pg_ensure.sh)")
    import uuid

    import psycopg

    name = f"warta_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = dsn.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _mention_doc(resources, text, names=(), published=None):
    """A tokenised Document (layout + tokens stages) whose name mentions are given by hand:
    every token-aligned occurrence of each (surface, type) in ``names``, longest first. Lets the
    coref and actors tests run without the NER model."""
    import re

    from warta.doc import Document, Mention
    from warta.pipeline import Pipeline

    doc = Pipeline(["layout", "tokens"], resources=resources).process(Document("hand", text, published=published))
    spans: list[tuple[int, int, str]] = []
    for surface, etype in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), etype))
    spans.sort()
    doc.mentions = [Mention(f"m{i}", a, b, t, "name", source="test") for i, (a, b, t) in enumerate(spans, 1)]
    return doc


@pytest.fixture(scope="session")
def mention_doc(resources):
    """Builder of tokenised Documents with hand-placed name mentions (see _mention_doc)."""
    return lambda text, names=(), published=None: _mention_doc(resources, text, names, published)


def _event_doc(resources, text, actors, quotes=(), published=None):
    """The events stage run on a tokenised Document whose actors are given by hand, so event tests
    do not depend on NER, coref or actor quality. ``actors`` maps a surface form to an actor code,
    optionally with "#key" to name the entity ("Yoon": "KORGOV#yoon", "Ia": "KORGOV#yoon").
    ``quotes`` lists (quoted words, speaker surface, direct): a Quote over those exact words."""
    from warta.doc import Entity, Quote
    from warta.stages import events

    doc = _mention_doc(resources, text, [(surface, "GPE") for surface in actors], published)
    entities: dict[str, Entity] = {}
    for mention in doc.mentions:
        value = actors[doc.span(mention.start, mention.end)]
        entity = entities.setdefault(value, Entity(f"e{len(entities) + 1}", value, "GPE", actor=value.split("#")[0]))
        entity.mentions.append(mention.id)
        mention.entity = entity.id
    doc.entities = list(entities.values())
    for n, (words, speaker, direct) in enumerate(quotes, 1):
        start = text.index(words)
        doc.quotes.append(Quote(f"q{n}", start, start + len(words), direct, speaker=entities[actors[speaker]].id))
    return events.run(doc, resources)


@pytest.fixture(scope="session")
def event_doc(resources):
    """Builder: text + {surface: actor} (+ quotes) -> Document with doc.events (see _event_doc)."""
    return lambda text, actors, quotes=(), published=None: _event_doc(resources, text, actors, quotes, published)


# ---- web: a sample database, a live server and Debian's Chromium (tests/test_web_*.py) ----------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, resources) -> str:
    """A SQLite store with the annotated examples, synthetic stories and one hostile article."""
    pytest.importorskip("fastapi")
    from warta.web.sample import build

    path = str(tmp_path_factory.mktemp("web") / "warta.db")
    build(path, res=resources, synthetic=120, hostile=True)
    return path


@pytest.fixture(scope="session")
def web_client(web_db):
    """A TestClient over the read-only app on web_db."""
    from fastapi.testclient import TestClient

    from warta.api import create_app

    with TestClient(create_app(web_db)) as client:
        yield client


@pytest.fixture(scope="session")
def live_server(web_db):
    """The app served by uvicorn on a free 127.0.0.1 port in a thread; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from warta.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not server.started:
        pytest.fail("the dashboard server did not start within 30 s")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium driven by Playwright (never Playwright's own browser download). Skips when
    Chromium is absent, except in CI (CI=true), where the test script must have installed it."""
    import os

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {CHROMIUM} is missing: scripts/browser_ensure.sh must install it")
        pytest.skip(f"{CHROMIUM} is not installed (scripts/browser_ensure.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM,
                                                        args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()
