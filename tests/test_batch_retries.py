"""A partition that fails on a Dask worker is retried; one that keeps failing is reported, not lost.

The partition tasks are wrapped so that one partition fails once (the retry must succeed) and
another fails every time (its articles must land in the failures table, count as failed, and be
ingested by a plain rerun).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import cloudpickle

from warta import batch
from warta.doc import Document
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.synthetic import make_articles

# The wrappers below must reach the worker processes, which cannot import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ALWAYS, ONCE = "syn-00009", "syn-00004"  # in partitions 2 and 1 (batch size 4)


def _maybe_fail(items, marker: str) -> None:
    ids = {getattr(item, "id", None) for item in items}
    if ALWAYS in ids:
        raise RuntimeError("worker lost its disk")
    flag = Path(marker)
    if ONCE in ids and not flag.exists():
        flag.write_text("failed once")
        raise RuntimeError("transient network error")


def flaky_shard(marker, run_id, docs, *rest):
    _maybe_fail(docs, marker)
    return batch.shard_partition(run_id, docs, *rest)


def flaky_ingest(marker, run_id, items, *rest):
    _maybe_fail(items, marker)
    return batch.ingest_partition(run_id, items, *rest)


def fresh_docs(count):
    """Unprocessed Documents (text, date, URL, outlet) of synthetic articles."""
    docs = []
    for article in make_articles(count, seed=5):
        doc = article.to_document()
        docs.append(Document(id=doc.id, text=doc.text, published=doc.published, metadata=doc.metadata))
    return docs


def test_batch_retries_then_reports(tmp_path, store_target, dask_scheduler, pipeline):
    from functools import partial

    marker = str(tmp_path / "failed-once")
    kind = "ingest" if store_target.startswith("postgresql") else "shard"
    task = partial(flaky_ingest if kind == "ingest" else flaky_shard, marker)
    with Store(store_target) as store:
        run = batch.DaskIngest(store, pipeline, scheduler=dask_scheduler, batch_size=4, retries=1,
                               tasks={kind: task})
        summary = run.run(fresh_docs(12))
        assert Path(marker).exists(), "the fail-once partition never ran"
        assert run.info.failed_partitions == ["2"]
        assert (summary.read, summary.new, summary.failed) == (12, 8, 4)
        (reason,) = summary.reasons
        assert "partition 2 failed after 1 retries" in reason and "worker lost its disk" in reason
        counts = store.counts()
        assert counts["articles"] == 8 and counts["failures"] == 4

        # The lost partition is not lost: a rerun (no injected failure) ingests exactly it.
        again = batch.DaskIngest(store, Pipeline(resources=pipeline.resources), scheduler=dask_scheduler,
                                 batch_size=4).run(fresh_docs(12))
        assert (again.new, again.duplicate, again.failed) == (4, 8, 0)
        assert store.counts()["articles"] == 12
