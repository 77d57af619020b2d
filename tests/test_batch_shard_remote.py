"""A worker that cannot see the client's shard folder (another machine) sends its shard back.

The partition task is wrapped so that it is handed a folder that does not exist on the worker;
the shard must then travel back as bytes and be merged like any other: nothing lost.
"""

from __future__ import annotations

import sys

import pytest

distributed = pytest.importorskip("distributed")

import cloudpickle

from warta import batch
from warta.doc import Document
from warta.store import Store
from warta.store.synthetic import make_articles

# The wrapper below must reach the worker processes, which cannot import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def elsewhere(run_id, docs, shard_dir, label):
    return batch.shard_partition(run_id, docs, shard_dir + "-on-another-machine", label)


def test_batch_shard_comes_back_when_the_worker_cannot_see_the_folder(tmp_path, dask_scheduler, pipeline):
    docs = []
    for article in make_articles(7, seed=3):
        doc = article.to_document()
        docs.append(Document(id=doc.id, text=doc.text, published=doc.published, metadata=doc.metadata))
    with Store(str(tmp_path / "w.db")) as store:
        run = batch.DaskIngest(store, pipeline, scheduler=dask_scheduler, batch_size=3, tasks={"shard": elsewhere})
        summary = run.run(docs)
        assert run.info.shards_sent_back == run.info.partitions == 3
        assert (summary.read, summary.new, summary.failed) == (7, 7, 0)
        assert store.counts()["articles"] == 7
    assert not list(tmp_path.glob(".warta-shards-*"))
