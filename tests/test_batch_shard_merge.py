"""SQLite shards merged into a store give what the single-process ingest gives, row for row.

No Dask here: the partitions are processed and written as shards in this process
(``store.shards.write_shard``), then merged (``merge_shard``) in order, as the client of
``--engine dask`` merges what its workers wrote.
"""

from __future__ import annotations

from dataclasses import replace

from warta.doc import Document
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.ingest import Summary, _batches, _run, ingest
from warta.store.shards import make_template, merge_shard, write_shard
from warta.store.synthetic import make_articles

COUNTS = ("new", "duplicate", "reprocessed", "failed", "events")
LIMIT = 3000  # characters: the one over-long article fails in the pipeline, in both runs


def fresh_docs(count: int) -> list[Document]:
    """Unprocessed synthetic Documents: some undated (their events get article-local dedup
    keys), one over-long (its pipeline fails), one repeating an earlier text in a later batch."""
    docs = []
    for index, article in enumerate(make_articles(count, seed=23)):
        doc = article.to_document()
        docs.append(Document(id=doc.id, text=doc.text, published=None if index % 9 == 4 else doc.published,
                             metadata=doc.metadata))
    long_text = " ".join([docs[3].text] * (LIMIT // len(docs[3].text) + 2))
    docs[5] = replace(docs[5], text=long_text, metadata=replace(docs[5].metadata, url=None))
    docs.append(Document(id="ulang", text=docs[1].text))
    return docs


def merge_in_order(store: Store, folder, pipeline: Pipeline, docs: list[Document], version: str,
                   reprocess: bool = False, size: int = 7) -> Summary:
    template = make_template(folder)
    total = Summary()
    for index, chunk in enumerate(_batches(docs, size)):
        path = write_shard(template, folder / f"part-{index}.db", [_run(pipeline, doc) for doc in chunk], version)
        part = merge_shard(store, path, reprocess=reprocess, version=version)
        for name in COUNTS:
            setattr(total, name, getattr(total, name) + getattr(part, name))
        total.reasons.update(part.reasons)
    return total


def test_batch_shard_merge_equals_single_process_row_for_row(tmp_path, resources, stable_rows):
    pipeline = Pipeline(resources=resources, max_chars=LIMIT)
    with Store(str(tmp_path / "local.db")) as store:
        local = ingest(fresh_docs(40), store, pipeline, batch_size=7, version="v1")
    with Store(str(tmp_path / "merged.db")) as store:
        merged = merge_in_order(store, tmp_path, pipeline, fresh_docs(40), "v1")
    assert [getattr(merged, n) for n in COUNTS] == [getattr(local, n) for n in COUNTS]
    assert merged.reasons == local.reasons and merged.failed == 1 and merged.duplicate == 1

    expected, got = stable_rows(str(tmp_path / "local.db")), stable_rows(str(tmp_path / "merged.db"))
    assert any("'nodate:" in str(row) for row in expected["global_events"]), "no undated event to remap"
    assert any("'failed'" in str(row) for row in expected["articles"])
    assert any(("num_articles", "1") not in row for row in expected["global_events"]), "nothing deduped"
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs"


def test_batch_shard_merge_dedups_against_stored_articles(tmp_path, pipeline, stable_rows):
    docs = fresh_docs(20)[:20]
    with Store(str(tmp_path / "w.db")) as store:
        ingest(docs[:10], store, pipeline, version="v1")
        before = stable_rows(store.target)
        # Stored text again, stored URL with another text, and four new articles.
        again = docs[2:7] + [replace(docs[16], id="same-url", metadata=docs[8].metadata)] + docs[10:14]
        template = make_template(tmp_path)
        shard = write_shard(template, tmp_path / "part.db", [_run(pipeline, doc) for doc in again], "v1")
        first = merge_shard(store, shard, version="v1")
        assert (first.new, first.duplicate) == (4, 6)
        after = stable_rows(store.target)
        assert len(after["articles"]) == 14
        assert set(before["articles"]) <= set(after["articles"])

        # The same shard once more (a rerun): nothing is added.
        second = merge_shard(store, shard, version="v1")
        assert (second.new, second.duplicate, second.events) == (0, 10, 0)
        assert stable_rows(store.target) == after


def test_batch_shard_merge_reprocess_matches_single_process(tmp_path, resources, stable_rows):
    # The old pipeline stopped before the events: re-processing adds events and global events.
    old = Pipeline(["layout", "tokens", "entities"], resources=resources)
    new = Pipeline(resources=resources, max_chars=LIMIT)
    targets = [str(tmp_path / "local.db"), str(tmp_path / "merged.db")]
    for target in targets:
        with Store(target) as store:
            ingest(fresh_docs(16), store, old, version="old")
    with Store(targets[0]) as store:
        local = ingest(fresh_docs(16), store, new, reprocess=True, version="new")
    folder = tmp_path / "shards"
    folder.mkdir()
    with Store(targets[1]) as store:
        merged = merge_in_order(store, folder, new, fresh_docs(16), "new", reprocess=True)
    assert merged.reprocessed == local.reprocessed == 16 and merged.new == 0
    assert [getattr(merged, n) for n in COUNTS] == [getattr(local, n) for n in COUNTS]
    expected, got = stable_rows(targets[0]), stable_rows(targets[1])
    assert expected["events"] and all("'new'" in str(row) for row in expected["articles"])
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs"
