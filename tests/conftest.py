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
    _drop_test_database(dsn, name)


def _drop_test_database(dsn: str, name: str) -> None:
    """Drop a test database. A backend still closing (seen once: owned by another role, so FORCE
    may not end it) gets a few retries; a database left behind is only disk in a throwaway server."""
    import time
    import warnings

    import psycopg

    for attempt in range(5):
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse) as err:
            last = err
            time.sleep(0.2 * (attempt + 1))
    warnings.warn(f"test database {name} left behind: {last}", stacklevel=1)


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


def _event_doc(resources, text, actors, quotes=(), published=None, entity_type="GPE"):
    """The events stage run on a tokenised Document whose actors are given by hand, so event tests
    do not depend on NER, coref or actor quality. ``actors`` maps a surface form to an actor code,
    optionally with "#key" to name the entity ("Yoon": "KORGOV#yoon", "Ia": "KORGOV#yoon").
    ``quotes`` lists (quoted words, speaker surface, direct): a Quote over those exact words.
    ``entity_type`` is the type of every hand-placed mention and entity (ORG for organisations)."""
    from warta.doc import Entity, Quote
    from warta.stages import events

    doc = _mention_doc(resources, text, [(surface, entity_type) for surface in actors], published)
    entities: dict[str, Entity] = {}
    for mention in doc.mentions:
        value = actors[doc.span(mention.start, mention.end)]
        entity = entities.setdefault(value, Entity(f"e{len(entities) + 1}", value, entity_type, actor=value.split("#")[0]))
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
    return lambda text, actors, quotes=(), published=None, entity_type="GPE": _event_doc(
        resources, text, actors, quotes, published, entity_type)


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


# ---- hardening: every span of a processed Document must be valid -------------------------------
def _span_problems(doc):
    """What is wrong with the spans of a processed Document (empty when all are valid): every
    span inside the text, paragraphs/tokens/sentences in order and non-overlapping, sentences
    partitioning the tokens, and every id a mention, quote or event refers to existing."""
    n = len(doc.text)
    bad: list[str] = []

    def inside(what, start, end, lo=0, hi=n):
        if start is None and end is None:
            return
        if not (isinstance(start, int) and isinstance(end, int) and lo <= start <= end <= hi):
            bad.append(f"{what} span ({start}, {end}) not inside ({lo}, {hi})")

    for label, items in (("paragraph", doc.paragraphs), ("token", doc.tokens), ("sentence", doc.sentences)):
        for i, item in enumerate(items):
            inside(f"{label} {i}", item.start, item.end)
            if i and item.start < items[i - 1].end:
                bad.append(f"{label} {i} starts at {item.start}, before {label} {i - 1} ends at {items[i - 1].end}")
    for i, tok in enumerate(doc.tokens):
        word = doc.text[tok.start : tok.end]
        if not word or word.strip() != word:
            bad.append(f"token {i} is empty or has surrounding whitespace: {word!r}")
    expected = 0
    for i, sent in enumerate(doc.sentences):
        if sent.token_start != expected or sent.token_end <= sent.token_start:
            bad.append(f"sentence {i} has tokens [{sent.token_start}, {sent.token_end}), expected to start at {expected}")
        elif sent.token_end <= len(doc.tokens):
            first, last = doc.tokens[sent.token_start], doc.tokens[sent.token_end - 1]
            if (sent.start, sent.end) != (first.start, last.end):
                bad.append(f"sentence {i} span ({sent.start}, {sent.end}) is not its tokens' ({first.start}, {last.end})")
        expected = sent.token_end
        if not 0 <= sent.paragraph < len(doc.paragraphs):
            bad.append(f"sentence {i} has no paragraph {sent.paragraph}")
        else:
            para = doc.paragraphs[sent.paragraph]
            inside(f"sentence {i} in paragraph {sent.paragraph}", sent.start, sent.end, para.start, para.end)
    if doc.sentences and expected != len(doc.tokens):
        bad.append(f"sentences cover {expected} of {len(doc.tokens)} tokens")
    if doc.metadata.dateline_span:
        inside("dateline", *doc.metadata.dateline_span)
    mention_ids = {m.id for m in doc.mentions}
    entity_ids = {e.id for e in doc.entities}
    quote_ids = {q.id for q in doc.quotes}
    for m in doc.mentions:
        inside(f"mention {m.id}", m.start, m.end)
        if m.start == m.end:
            bad.append(f"mention {m.id} is empty")
        if m.entity is not None and m.entity not in entity_ids:
            bad.append(f"mention {m.id} refers to unknown entity {m.entity}")
        if m.sentence is not None and not 0 <= m.sentence < len(doc.sentences):
            bad.append(f"mention {m.id} refers to unknown sentence {m.sentence}")
    for e in doc.entities:
        bad += [f"entity {e.id} lists unknown mention {mid}" for mid in e.mentions if mid not in mention_ids]
    for q in doc.quotes:
        inside(f"quote {q.id}", q.start, q.end)
        inside(f"quote {q.id} cue", q.cue_start, q.cue_end)
        for ref, known in ((q.speaker, entity_ids), (q.addressee, entity_ids), (q.speaker_mention, mention_ids)):
            if ref is not None and ref not in known:
                bad.append(f"quote {q.id} refers to unknown {ref}")
    for ev in doc.events:
        if not 0 <= ev.sentence < len(doc.sentences):
            bad.append(f"event {ev.id} refers to unknown sentence {ev.sentence}")
        for ref, known in ((ev.source_entity, entity_ids), (ev.target_entity, entity_ids), (ev.in_quote, quote_ids)):
            if ref is not None and ref not in known:
                bad.append(f"event {ev.id} refers to unknown {ref}")
        if ev.place is not None:
            inside(f"event {ev.id} place", ev.place.start, ev.place.end)
        x = ev.explanation
        if x is not None:
            inside(f"event {ev.id} trigger", x.trigger_start, x.trigger_end)
            for name in ("source_span", "target_span", "modality_cue", "date_span", "place_span"):
                if getattr(x, name) is not None:
                    inside(f"event {ev.id} {name}", *getattr(x, name))
    return bad


@pytest.fixture(scope="session")
def span_problems():
    """span_problems(doc) -> list of one-line problems with a processed Document's spans (see _span_problems)."""
    return _span_problems


# ---- batch: one local Dask cluster for the session (tests/test_batch_*.py) --------------------
@pytest.fixture(scope="session")
def dask_scheduler():
    """Address of a LocalCluster of 2 worker processes (1 thread each), shared by the batch tests."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


# Fields of a global event taken from its first stored report: with concurrent writers
# (PostgreSQL) "first" is the first committed, which depends on which worker finished first.
FIRST_REPORT = ("first_event_id", "code", "root_code", "is_root", "quad_class", "goldstein")


def _stable_rows(target: str, concurrent: bool | None = None) -> dict[str, list[tuple]]:
    """Every table's rows with autoincrement ids replaced by stable keys (article content hash,
    global event dedup key, (article hash, event id)) and timestamps dropped, sorted. With
    concurrent writers (PostgreSQL by default) the global events' first-report fields are checked
    for consistency, then left out."""
    from sqlalchemy import select

    from warta.store import Store, schema

    concurrent = target.startswith("postgresql") if concurrent is None else concurrent
    with Store(target) as store, store.read() as conn:
        article_key = dict(conn.execute(select(schema.articles.c.id, schema.articles.c.content_hash)).all())

        def undated(key: str) -> str:  # an undated key holds its article's id: use the hash
            day, _, rest = key.partition("|")
            return f"nodate:{article_key[int(day[7:])]}|{rest}" if day.startswith("nodate:") else key

        global_key = {gid: undated(key) for gid, key in conn.execute(
            select(schema.global_events.c.id, schema.global_events.c.dedup_key))}
        event_key = {row.id: (article_key[row.article_id], row.event_id) for row in conn.execute(
            select(schema.events.c.id, schema.events.c.article_id, schema.events.c.event_id))}
        if concurrent:
            _check_first_reports(conn, schema)
        swap = {"article_id": article_key, "global_event_id": global_key, "event_row_id": event_key,
                "first_event_id": event_key}
        out = {}
        for table in schema.V1_TABLES:
            if table.name == "schema_version":
                continue
            skip = {"id", "added", *(FIRST_REPORT if concurrent and table.name == "global_events" else ())}
            rows = []
            for row in conn.execute(select(table)).mappings():
                values = {name: value for name, value in row.items() if name not in skip}
                if table.name == "global_events":
                    values["dedup_key"] = undated(values["dedup_key"])
                rows.append(tuple(sorted(
                    (name, repr(swap[name].get(value)) if name in swap and value is not None else repr(value))
                    for name, value in values.items())))
            out[table.name] = sorted(rows)
        return out


def _check_first_reports(conn, schema) -> None:
    """Each global event's first report is one of its own reports, and its fields are that event's."""
    from sqlalchemy import select

    ge, ev, em = schema.global_events, schema.events, schema.event_mentions
    reports: dict[int, set[int]] = {}
    for gid, row_id in conn.execute(select(em.c.global_event_id, em.c.event_row_id)):
        reports.setdefault(gid, set()).add(row_id)
    events = {row.id: row for row in conn.execute(select(ev))}
    for row in conn.execute(select(ge)):
        assert row.first_event_id in reports[row.id]
        first = events[row.first_event_id]
        assert (row.code, row.root_code, row.is_root) == (first.code, first.root_code, first.is_root)


@pytest.fixture(scope="session")
def stable_rows():
    """stable_rows(target) -> {table: sorted rows}, comparable across databases (see _stable_rows)."""
    return _stable_rows


@pytest.fixture(scope="session")
def attack():
    """bench/api_load.py as a module: the probes, the findings rules and the live-server helpers
    shared by the attack tests and the load benchmark."""
    import importlib.util
    import sys

    name = "warta_bench_api_load"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "api_load.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


# ---- quotes: the quotes found in a hand-made document ------------------------------------------
def _found_quotes(doc, resources):
    """(direct, quoted words, speaker name) of each quote the quotes stage finds in ``doc``."""
    from warta.stages import quotes

    return [(q.direct, doc.span(q.start, q.end), doc.entity(q.speaker).name if q.speaker else None)
            for q in quotes.run(doc, resources).quotes]


@pytest.fixture(scope="session")
def found_quotes(resources):
    """Runs the quotes stage on a document and lists what it found (see _found_quotes)."""
    return lambda doc: _found_quotes(doc, resources)
