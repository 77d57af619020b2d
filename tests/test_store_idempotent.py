"""Ingest is idempotent: content hash and URL keys, re-processing, failed articles recorded."""

from __future__ import annotations

import dataclasses

from warta.doc import Document, Event, Metadata
from warta.errors import InputError
from warta.pipeline import Failure, Pipeline, Stage
from warta.store import Store
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles


def _docs(n=30, seed=7):
    return [a.to_document() for a in make_articles(n, seed=seed)]


def test_store_ingest_twice_adds_nothing(store_target):
    with Store(store_target) as store:
        first = ingest(_docs(), store, Pipeline([]), batch_size=7, version="v1")
        before = store.counts()
        second = ingest(_docs(), store, Pipeline([]), batch_size=4, version="v1")
        assert (first.new, first.duplicate) == (30, 0)
        assert (second.new, second.duplicate) == (0, 30)
        assert store.counts() == before


def test_store_ingest_same_text_or_same_url_is_a_duplicate(store_target):
    docs = _docs(3)
    respaced = Document(id="x", text=docs[0].text.replace(" ", "  "), metadata=Metadata(url="https://lain.example/1"))
    same_url = Document(id="y", text="Teks baru yang berbeda sama sekali.", metadata=Metadata(url=docs[1].metadata.url))
    with Store(store_target) as store:
        ingest(docs, store, Pipeline([]), version="v1")
        summary = ingest([respaced, same_url], store, Pipeline([]), version="v1")
        assert (summary.new, summary.duplicate) == (0, 2)
        # Duplicates inside one batch are caught too.
        fresh = Document(id="z", text="Berita lain dari Medan hari ini.")
        inside = ingest([fresh, dataclasses.replace(fresh, id="z2")], store, Pipeline([]), version="v1")
        assert (inside.new, inside.duplicate) == (1, 1)
        assert store.counts()["articles"] == 4


def _extra_event_stage() -> Stage:
    """A 'newer pipeline': adds a second event to every article."""
    def run(doc: Document, res) -> Document:
        doc.events.append(Event(id="e2", code="0431", sentence=0, source="IDNGOV", target="MYSGOV",
                                base_code="043", root_code="04", date=doc.published))
        return doc

    return Stage("extra", frozenset(), frozenset({"events"}), run)


def test_store_reprocess_replaces_derived_rows_and_records_version(store_target):
    with Store(store_target) as store:
        ingest(_docs(12), store, Pipeline([]), version="v1")
        assert store.counts()["events"] == 12
        # Without --reprocess, a new pipeline version changes nothing.
        skipped = ingest(_docs(12), store, Pipeline([_extra_event_stage()]), version="v2")
        assert skipped.duplicate == 12 and store.counts()["events"] == 12
        again = ingest(_docs(12), store, Pipeline([_extra_event_stage()]), version="v2", reprocess=True)
        assert again.reprocessed == 12 and again.new == 0
        counts = store.counts()
        assert counts["articles"] == 12 and counts["events"] == 24 and counts["event_mentions"] == 24
        with store.read() as conn:
            versions = {r[0] for r in conn.exec_driver_sql("SELECT pipeline_version FROM articles")}
        assert versions == {"v2"}
        # Same version again: nothing to redo.
        assert ingest(_docs(12), store, Pipeline([_extra_event_stage()]), version="v2", reprocess=True).reprocessed == 0
        # Back to the old pipeline: the extra events (and their global events) disappear.
        ingest(_docs(12), store, Pipeline([]), version="v3", reprocess=True)
        counts = store.counts()
        assert counts["events"] == 12 and counts["event_mentions"] == 12
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM global_events WHERE base_code = '043'").scalar() == 0


def _failing_stage() -> Stage:
    def run(doc: Document, res) -> Document:
        if "sabu" in doc.text:
            raise InputError("artikel tidak bisa diproses")
        if "banjir" in doc.text:
            raise ZeroDivisionError("bug")
        return doc

    return Stage("fragile", frozenset(), frozenset(), run)


def test_store_failed_article_is_recorded_and_ingest_goes_on(store_target):
    docs = _docs(40)
    bad_input = Failure("rest:9", "dump.jsonl", "line 9: missing text field 'content'", "input")
    with Store(store_target) as store:
        summary = ingest([*docs, bad_input], store, Pipeline([_failing_stage()]), version="v1", batch_size=6)
        n_sabu = sum("sabu" in d.text for d in docs)
        n_flood = sum("banjir" in d.text and "sabu" not in d.text for d in docs)
        assert n_sabu and n_flood
        assert summary.failed == n_sabu + n_flood + 1
        assert summary.new == 40
        assert summary.reasons["input: artikel tidak bisa diproses"] == n_sabu
        assert summary.reasons["internal: ZeroDivisionError: bug"] == n_flood
        counts = store.counts()
        assert counts["failed_articles"] == n_sabu + n_flood and counts["failures"] == 1
        assert counts["events"] == 40 - n_sabu - n_flood
        with store.read() as conn:
            errors = {r[0] for r in conn.exec_driver_sql("SELECT error FROM articles WHERE status = 'failed'")}
        assert errors == {"artikel tidak bisa diproses", "ZeroDivisionError: bug"}
        # Rerun: the unreadable input is not recorded twice; --reprocess retries failed articles.
        retry = ingest([*docs, bad_input], store, Pipeline([]), version="v1", reprocess=True)
        assert retry.reprocessed == n_sabu + n_flood
        counts = store.counts()
        assert counts["failures"] == 1 and counts["failed_articles"] == 0 and counts["events"] == 40
