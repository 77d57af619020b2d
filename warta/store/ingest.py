"""Ingest: read documents, skip the ones already stored, run the pipeline, store in batches.

Resumable by construction: an article is known by its content hash (and URL), each batch is
one transaction, so rerunning an interrupted ingest skips what was committed and finishes the
rest. The pipeline runs outside the transaction, which stays short.
"""

from __future__ import annotations

import hashlib
import importlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .. import __version__
from ..doc import Document
from ..errors import WartaError
from ..pipeline import Failure, Pipeline
from ..resources import PACKAGE_DATA
from . import dedup
from .rows import content_hash
from .store import Store

# What warta.read picks up in a folder (feeds are read only when named).
FOLDER_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl")


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    reprocessed: int = 0
    failed: int = 0
    events: int = 0
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def lines(self, top: int = 5) -> list[str]:
        first = (f"read {self.read}, new {self.new}, duplicate {self.duplicate}, reprocessed {self.reprocessed}, "
                 f"failed {self.failed}, events {self.events} ({self.rate:.1f} articles/s)")
        out = [first]
        for reason, count in self.reasons.most_common(top):
            out.append(f"  failed {count}x: {reason}")
        if len(self.reasons) > top:
            out.append(f"  ... and {len(self.reasons) - top} other reasons (see the failures table)")
        return out


def pipeline_version(pipeline: Pipeline) -> str:
    """warta's version plus a fingerprint of the stages' code and the language data they load."""
    digest = hashlib.sha256()
    for stage in pipeline.stages:
        digest.update(stage.name.encode())
        module = importlib.import_module(stage.run.__module__)
        source = getattr(module, "__file__", None)
        if source and Path(source).is_file():
            digest.update(Path(source).read_bytes())
    data_dir = Path(getattr(pipeline.resources, "data_dir", PACKAGE_DATA))
    if data_dir.is_dir():
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(data_dir)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def estimate_total(sources: Iterable[str]) -> int | None:
    """How many documents the sources hold (files, JSONL lines), or None for feeds/URLs."""
    total = 0
    for source in sources:
        path = Path(source)
        if "://" in source or source == "-":
            return None
        files = [p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES] if path.is_dir() else [path]
        for item in files:
            if not item.is_file():
                continue
            suffix = item.suffix.lower()
            if suffix in (".xml", ".rss", ".atom"):
                return None
            if suffix == ".jsonl":
                with item.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _run(pipeline: Pipeline, doc: Document) -> tuple[Document, tuple[str, str] | None]:
    """Process one document; a failure becomes (kind, message) instead of an exception."""
    try:
        return pipeline.process(doc), None
    except WartaError as err:
        return doc, (err.kind, err.message)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the ingest
        return doc, ("internal", f"{type(err).__name__}: {err}")


def ingest(items: Iterable[Document | Failure], store: Store, pipeline: Pipeline, batch_size: int = 50,
           reprocess: bool = False, progress: Callable[[int], None] | None = None,
           version: str | None = None) -> Summary:
    """Store processed documents; return what happened. ``progress(n)`` is told after each batch."""
    started = time.perf_counter()
    version = version or pipeline_version(pipeline)
    summary = Summary()
    seen: set[str] = set()
    try:
        for chunk in _batches(items, max(1, batch_size)):
            _ingest_batch(chunk, store, pipeline, version, reprocess, summary, seen)
            if progress:
                progress(len(chunk))
        if summary.new or summary.reprocessed:
            store.refresh_statistics()
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


def _ingest_batch(chunk: list[Document | Failure], store: Store, pipeline: Pipeline, version: str,
                  reprocess: bool, summary: Summary, seen: set[str]) -> None:
    summary.read += len(chunk)
    docs = [d for d in chunk if isinstance(d, Document)]
    bad_inputs = [f for f in chunk if isinstance(f, Failure)]
    hashes = [content_hash(d.text) for d in docs]
    with store.read() as conn:
        known = store.lookup(conn, hashes, [d.metadata.url for d in docs if d.metadata.url])

    todo: list[tuple[Document, str, dict[str, Any] | None]] = []
    for doc, text_hash in zip(docs, hashes):
        url_key = "url:" + doc.metadata.url if doc.metadata.url else None
        stored = known.get(text_hash) or (known.get(url_key) if url_key else None)
        if text_hash in seen or (url_key and url_key in seen):
            summary.duplicate += 1
            continue
        seen.add(text_hash)
        if url_key:
            seen.add(url_key)
        if stored is None:
            todo.append((doc, text_hash, None))
        elif reprocess and (stored["pipeline_version"] != version or stored["status"] != "ok"):
            todo.append((doc, text_hash, stored))
        else:
            summary.duplicate += 1

    processed = [(*_run(pipeline, doc), text_hash, stored) for doc, text_hash, stored in todo]

    with store.write() as conn:
        touched: set[int] = set()
        for failure in bad_inputs:
            store.add_failure(conn, failure.source, failure.doc_id, failure.kind, failure.error)
            summary.failed += 1
            summary.reasons[f"{failure.kind}: {failure.error}"] += 1
        # Another ingest may have stored some of these since the lookup: check again under the lock.
        fresh = store.lookup(conn, [h for _, _, h, s in processed if s is None],
                             [d.metadata.url for d, _, _, s in processed if s is None and d.metadata.url])
        new_items, again = [], []
        for doc, error, text_hash, stored in processed:
            if stored is None and (text_hash in fresh or (doc.metadata.url and "url:" + doc.metadata.url in fresh)):
                summary.duplicate += 1
                continue
            if stored is None:
                new_items.append((doc, text_hash, error))
            else:
                again.append((stored["id"], doc, error))
            if error is not None:
                summary.failed += 1
                summary.reasons[f"{error[0]}: {error[1]}"] += 1
            else:
                summary.events += len(doc.events)
        touched |= store.add_articles(conn, new_items, version)
        touched |= store.replace_articles(conn, again, version)
        summary.new += len(new_items)
        summary.reprocessed += len(again)
        dedup.recompute(conn, touched)


def ingest_sources(sources: list[str], store: Store, pipeline: Pipeline | None = None, input_format: str = "auto",
                   field_map: dict[str, str] | None = None, **kwargs: Any) -> Summary:
    """Read the sources with warta.read and ingest them."""
    from ..read import iter_documents

    pipeline = pipeline or Pipeline()
    docs = iter_documents(sources, input_format=input_format, field_map=field_map, res=pipeline.resources)
    return ingest(docs, store, pipeline, **kwargs)


@contextmanager
def progress_bar(total: int | None, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (count, rate, ETA); yields the ``progress`` callback."""
    if not enabled:
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} art/s" if speed else "- art/s")

    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                     RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda n: bar.advance(task, n)
