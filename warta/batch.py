"""Scale-out ingest on Dask (``warta ingest --engine dask``): the only module that imports dask.

The client reads the sources (warta.read.iter_documents) and cuts them into partitions of
``batch_size`` documents; the workers run the pipeline, each with one Pipeline (and so one set of
loaded resources) attached to the worker object by a WorkerPlugin, never reloaded per article.

Writing, chosen by measurement (docs/scaling.md):
- SQLite (the default): the workers return the processed Documents and the client writes them in
  input order through the single-process ``store.ingest.ingest``, so the article keys, hash and
  dedup rules, transactions and even the row order are those of ``--engine local``. A writer costs
  a few ms per article, far below what one worker needs to extract it.
- PostgreSQL: each partition is ingested on its worker (``ingest`` with the worker's own Store);
  the writers run concurrently and the store's write lock serialises only their short transactions.

A partition whose task fails is retried (``retries``); when it still fails, each of its articles
is recorded in the failures table with the reason and counted as failed: nothing is lost silently,
and rerunning the same command retries exactly those articles.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .batch_codec import pack, unpack
from .doc import Document
from .errors import StoreError, WartaError
from .pipeline import Failure, Pipeline
from .resources import Resources
from .store.ingest import Summary, _batches, _run, ingest, pipeline_version
from .store.rows import content_hash
from .store.store import Store

PLUGIN_NAME = "warta-pipeline"
RETRIES = 2


@dataclass
class WorkerRun:
    """What one ingest keeps on each worker: its Pipeline, that pipeline's version, its Store."""

    pipeline: Pipeline
    version: str
    store: Store | None
    load_seconds: float


class PipelinePlugin(WorkerPlugin):
    """Builds one Pipeline (and, when workers write, one Store) per worker for one ingest run.

    The state hangs on the worker object under the run's id (``worker.warta_runs``), so two
    ingests sharing a cluster never see each other's pipeline or database."""

    def __init__(self, run_id: str, stages: list[Any], data_dir: str | None, store_target: str | None = None,
                 lock_timeout: float = 30.0):
        self.run_id = run_id
        self.stages = stages
        self.data_dir = data_dir
        self.store_target = store_target
        self.lock_timeout = lock_timeout

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        pipeline = Pipeline(self.stages, resources=Resources(self.data_dir))
        # Load every resource now, so that the first partition does not pay for it and a missing
        # model fails the start-up rather than each article.
        for name in pipeline.resources.names():
            pipeline.resources.get(name)
        store = Store(self.store_target, timeout=self.lock_timeout) if self.store_target else None
        if not hasattr(worker, "warta_runs"):
            worker.warta_runs = {}
        worker.warta_runs[self.run_id] = WorkerRun(pipeline, pipeline_version(pipeline), store,
                                                   time.perf_counter() - started)

    def teardown(self, worker: Any) -> None:
        state = getattr(worker, "warta_runs", {}).pop(self.run_id, None)
        if state is not None and state.store is not None:
            state.store.close()


# ---- tasks (run on the workers) -------------------------------------------------------------
def _worker_state(run_id: str) -> WorkerRun:
    state = getattr(get_worker(), "warta_runs", {}).get(run_id)
    if state is None:
        raise WartaError(f"this Dask worker has no warta pipeline for run {run_id} (its plugin did not run)")
    return state


def _report(version: str, seconds: float, cpu: float, **extra: Any) -> dict[str, Any]:
    import psutil  # a dependency of distributed

    return {"version": version, "seconds": seconds, "cpu": cpu, "worker": get_worker().address,
            "rss_mb": psutil.Process().memory_info().rss / 2**20, **extra}


def extract_partition(run_id: str, docs: list[Document]) -> dict[str, Any]:
    """Run the pipeline over one partition; per-article errors come back as (kind, message)."""
    state = _worker_state(run_id)
    started, cpu = time.perf_counter(), time.thread_time()
    results = [(pack(doc), error) for doc, error in (_run(state.pipeline, doc) for doc in docs)]
    return _report(state.version, time.perf_counter() - started, time.thread_time() - cpu, results=results)


def ingest_partition(run_id: str, items: list[Document | Failure], version: str, reprocess: bool,
                     batch_size: int) -> dict[str, Any]:
    """Extract and write one partition on the worker (PostgreSQL: concurrent writers)."""
    state = _worker_state(run_id)
    if state.version != version:
        raise WartaError(f"worker runs pipeline {state.version}, the client {version}; install the same warta")
    cpu = time.thread_time()
    summary = ingest(items, state.store, state.pipeline, batch_size=batch_size, reprocess=reprocess,
                     version=version)
    return _report(state.version, summary.seconds, time.thread_time() - cpu, summary=summary)


# ---- client side ----------------------------------------------------------------------------
@dataclass
class RunInfo:
    """What the Dask run looked like, for reports and the scaling benchmark."""

    workers: int = 0
    partitions: int = 0
    failed_partitions: list[str] = field(default_factory=list)
    worker_seconds: float = 0.0  # wall time inside partition tasks, summed over workers
    worker_cpu_seconds: float = 0.0  # CPU time inside partition tasks, summed over workers
    client_cpu_seconds: float = 0.0  # CPU of this process (client and, for a local cluster, scheduler)
    worker_rss_mb: dict[str, float] = field(default_factory=dict)
    load_seconds: dict[str, float] = field(default_factory=dict)


class _Replay:
    """Stands in for the Pipeline on the client when the workers already processed a document.

    ``ingest`` calls ``process`` for the documents it decides to store; a worker's result is
    handed back as is (its error re-raised, so ``_run`` records the same kind and message).
    A document no worker saw (the database changed since the client's lookup) is processed here.
    """

    def __init__(self, pipeline: Pipeline):
        self.outcomes: dict[int, tuple[Document, tuple[str, str] | None]] = {}
        self.pipeline = pipeline

    def add(self, doc: Document, error: tuple[str, str] | None) -> None:
        self.outcomes[id(doc)] = (doc, error)

    def process(self, doc: Document, timings: dict[str, float] | None = None) -> Document:
        outcome = self.outcomes.pop(id(doc), None)
        if outcome is None:
            return self.pipeline.process(doc, timings=timings)
        _, error = outcome
        if error is not None:
            err = WartaError(error[1])
            err.kind = error[0]
            raise err
        return doc


def _needs_work(docs: list[Document], store: Store, version: str, reprocess: bool, seen: set[str]) -> list[bool]:
    """Which documents a worker must process: the single-process ingest's skip rules, applied
    before sending, so a rerun does not extract what is stored. (``ingest`` checks again.)"""
    hashes = [content_hash(d.text) for d in docs]
    with store.read() as conn:
        known = store.lookup(conn, hashes, [d.metadata.url for d in docs if d.metadata.url])
    flags = []
    for doc, text_hash in zip(docs, hashes):
        url_key = "url:" + doc.metadata.url if doc.metadata.url else None
        if text_hash in seen or (url_key and url_key in seen):
            flags.append(False)
            continue
        seen.add(text_hash)
        if url_key:
            seen.add(url_key)
        stored = known.get(text_hash) or (known.get(url_key) if url_key else None)
        flags.append(stored is None or (reprocess and (stored["pipeline_version"] != version
                                                       or stored["status"] != "ok")))
    return flags


def _partition_failure(items: list[Any], label: str, err: BaseException, retries: int) -> list[Any]:
    reason = f"partition {label} failed after {retries} retries: {type(err).__name__}: {err}".splitlines()[0]
    return [Failure(item.id, item.metadata.source_path, reason, "worker") if isinstance(item, Document) else item
            for item in items]


class DaskIngest:
    """One ingest over a Dask cluster (a scheduler address, or a local cluster of ``workers``)."""

    def __init__(self, store: Store, pipeline: Pipeline, scheduler: str | None = None, workers: int | None = None,
                 batch_size: int = 50, reprocess: bool = False, retries: int = RETRIES,
                 write: str | None = None, inflight: int = 2,
                 tasks: dict[str, Callable[..., Any]] | None = None):
        if scheduler and workers:
            raise WartaError("give either --scheduler or --workers, not both")
        self.store, self.pipeline = store, pipeline
        self.scheduler, self.workers = scheduler, workers
        self.batch_size, self.reprocess, self.retries = max(1, batch_size), reprocess, retries
        self.write = write or ("workers" if store.kind == "postgresql" else "client")
        if self.write == "workers" and store.kind != "postgresql":
            raise StoreError("only PostgreSQL takes concurrent writers; SQLite is written by the client")
        self.inflight = inflight
        self.tasks = {"extract": extract_partition, "ingest": ingest_partition, **(tasks or {})}
        self.version = pipeline_version(pipeline)
        self.info = RunInfo()
        self._run_id = uuid.uuid4().hex[:12]
        self._plugin = f"{PLUGIN_NAME}-{self._run_id}"

    # ---- cluster ----------------------------------------------------------------------------
    def _connect(self) -> tuple[Client, LocalCluster | None]:
        try:
            if self.scheduler:
                return Client(self.scheduler, timeout="20s"), None
            cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address="127.0.0.1:0",
                                   silence_logs=logging.ERROR)
            return Client(cluster), cluster
        except (OSError, TimeoutError) as err:
            raise WartaError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {err}") from None

    def _setup(self, client: Client) -> None:
        stages = [s.name if _is_registered(s) else s for s in self.pipeline.stages]
        data_dir = str(getattr(self.pipeline.resources, "data_dir", "")) or None
        target = self.store.target if self.write == "workers" else None
        try:
            client.register_plugin(PipelinePlugin(self._run_id, stages, data_dir, target), name=self._plugin)
            state = client.run(_worker_summary, self._run_id)
        except WartaError:
            raise
        except Exception as err:  # noqa: BLE001 - whatever a worker raised, one line for the user
            first = f"{type(err).__name__}: {err}".splitlines()[0]
            raise WartaError(f"Dask workers could not set up the warta pipeline: {first}") from None
        if not state:
            raise WartaError("the Dask cluster has no workers")
        for address, found in state.items():
            if found is None:
                raise WartaError(f"Dask worker {address} did not set up the warta pipeline")
            version, load = found
            if version != self.version:
                raise WartaError(f"Dask worker {address} runs pipeline {version}, this client {self.version}; "
                                 f"install the same warta on every worker")
            self.info.load_seconds[address] = round(load, 3)
        self.info.workers = len(state)

    # ---- running ----------------------------------------------------------------------------
    def run(self, items: Iterable[Document | Failure], progress: Callable[[int], None] | None = None) -> Summary:
        client, cluster = self._connect()
        try:
            self._setup(client)
            cpu = _process_cpu()
            try:
                if self.write == "workers":
                    return self._run_writers(client, items, progress)
                replay = _Replay(self.pipeline)
                stream = self._extracted(client, items, replay)
                return ingest(stream, self.store, replay, batch_size=self.batch_size, reprocess=self.reprocess,
                              progress=progress, version=self.version)
            finally:
                self.info.client_cpu_seconds = _process_cpu() - cpu
        finally:
            if cluster is None:  # a shared cluster: free this run's pipelines and connections
                with suppress(Exception):
                    client.unregister_worker_plugin(self._plugin)
            client.close()
            if cluster is not None:
                cluster.close()

    def _submit(self, client: Client, kind: str, label: str, *args: Any) -> Any:
        return client.submit(self.tasks[kind], self._run_id, *args, key=f"warta-{kind}-{self._run_id}-{label}",
                             retries=self.retries, pure=False)

    def _window(self, client: Client) -> int:
        return max(2, self.inflight * self.info.workers + 1)

    def _note(self, result: dict[str, Any]) -> None:
        if result["version"] != self.version:
            raise WartaError(f"Dask worker {result['worker']} runs pipeline {result['version']}, "
                             f"this client {self.version}")
        self.info.worker_seconds += result["seconds"]
        self.info.worker_cpu_seconds += result["cpu"]
        who = result["worker"]
        self.info.worker_rss_mb[who] = max(self.info.worker_rss_mb.get(who, 0.0), round(result["rss_mb"], 1))

    def _extracted(self, client: Client, items: Iterable[Document | Failure],
                   replay: _Replay) -> Iterator[Document | Failure]:
        """The input, in order, with each document replaced by the worker's processed copy."""
        pending: deque[tuple[str, list[Any], list[bool], Any]] = deque()
        seen: set[str] = set()
        for index, chunk in enumerate(_batches(items, self.batch_size)):
            docs = [item for item in chunk if isinstance(item, Document)]
            flags = _needs_work(docs, self.store, self.version, self.reprocess, seen) if docs else []
            todo = [doc for doc, flag in zip(docs, flags) if flag]
            label = str(index)
            future = self._submit(client, "extract", label, todo) if todo else None
            pending.append((label, chunk, flags, future))
            self.info.partitions += 1 if todo else 0
            while len(pending) >= self._window(client):
                yield from self._collect(*pending.popleft(), replay)
        while pending:
            yield from self._collect(*pending.popleft(), replay)

    def _collect(self, label: str, chunk: list[Any], flags: list[bool], future: Any,
                 replay: _Replay) -> Iterator[Document | Failure]:
        if future is None:
            yield from chunk
            return
        try:
            result = future.result()
        except Exception as err:  # noqa: BLE001 - reported per article below, never lost
            self.info.failed_partitions.append(label)
            result = None
            failed = iter(_partition_failure(chunk, label, err, self.retries))
        finally:
            future.release()
        if result is not None:
            self._note(result)
        outcomes = iter(result["results"]) if result is not None else None
        flag_iter = iter(flags)
        for item in chunk:
            failure = next(failed) if outcomes is None else None
            if not (isinstance(item, Document) and next(flag_iter)):
                yield item
            elif outcomes is None:
                yield failure
            else:
                packed, error = next(outcomes)
                doc = unpack(packed)
                replay.add(doc, error)
                yield doc

    def _run_writers(self, client: Client, items: Iterable[Document | Failure],
                     progress: Callable[[int], None] | None) -> Summary:
        started = time.perf_counter()
        total = Summary()
        pending: deque[tuple[str, list[Any], Any]] = deque()
        for index, chunk in enumerate(_batches(items, self.batch_size)):
            label = str(index)
            pending.append((label, chunk, self._submit(client, "ingest", label, chunk, self.version,
                                                       self.reprocess, self.batch_size)))
            self.info.partitions += 1
            while len(pending) >= self._window(client):
                self._merge(total, *pending.popleft(), progress)
        while pending:
            self._merge(total, *pending.popleft(), progress)
        total.seconds = time.perf_counter() - started
        return total

    def _merge(self, total: Summary, label: str, chunk: list[Any], future: Any,
               progress: Callable[[int], None] | None) -> None:
        try:
            result = future.result()
        except Exception as err:  # noqa: BLE001 - reported per article below, never lost
            self.info.failed_partitions.append(label)
            failures = [f for f in _partition_failure(chunk, label, err, self.retries) if isinstance(f, Failure)]
            part = ingest(failures, self.store, self.pipeline, batch_size=self.batch_size, version=self.version)
            result = None
        finally:
            future.release()
        if result is not None:
            self._note(result)
            part = result["summary"]
        for name in ("read", "new", "duplicate", "reprocessed", "failed", "events"):
            setattr(total, name, getattr(total, name) + getattr(part, name))
        total.reasons.update(part.reasons)
        if progress:
            progress(len(chunk))


def _process_cpu() -> float:
    times = os.times()
    return times.user + times.system


def _worker_summary(run_id: str, dask_worker: Any = None) -> tuple[str, float] | None:
    state = getattr(dask_worker, "warta_runs", {}).get(run_id)
    return (state.version, state.load_seconds) if state else None


def _is_registered(stage: Any) -> bool:
    from .pipeline import STAGE_MODULES

    return stage.name in STAGE_MODULES and STAGE_MODULES[stage.name] == stage.run.__module__


def ingest_dask(sources: list[str], store: Store, pipeline: Pipeline | None = None, input_format: str = "auto",
                field_map: dict[str, str] | None = None, progress: Callable[[int], None] | None = None,
                **kwargs: Any) -> Summary:
    """Read the sources with warta.read and ingest them on a Dask cluster (see DaskIngest)."""
    from .read import iter_documents

    pipeline = pipeline or Pipeline()
    docs = iter_documents(sources, input_format=input_format, field_map=field_map, res=pipeline.resources)
    return DaskIngest(store, pipeline, **kwargs).run(docs, progress=progress)
