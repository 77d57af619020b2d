"""Scale-out ingest on Dask (``warta ingest --engine dask``): the only module that imports dask.

The client reads the sources (warta.read.iter_documents) and cuts them into partitions of
``batch_size`` documents; the workers run the pipeline, each with one Pipeline (and so one set of
loaded resources) attached to the worker object by a WorkerPlugin, never reloaded per article.

Writing (docs/scaling.md):
- SQLite (the default): each partition task writes its processed articles to its own SQLite shard
  (``store.shards``, in a temporary folder next to the database) and returns only a few counts;
  the client merges the shards in input order with set-based SQL, one transaction per shard, and
  runs the single-process dedup step, so keys, dedup rules and row order are those of
  ``--engine local``. A worker that cannot see the folder (another machine, no shared disk) sends
  its shard file back instead.
- PostgreSQL: each partition is ingested on its worker (``ingest`` with the worker's own Store);
  the writers run concurrently and the store's write lock serialises only their short transactions.

A partition whose task fails is retried (``retries``); when it still fails, each of its articles
is recorded in the failures table with the reason and counted as failed: nothing is lost silently,
and rerunning the same command retries exactly those articles.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .doc import Document
from .errors import StoreError, WartaError
from .pipeline import Failure, Pipeline
from .resources import Resources
from .store import shards
from .store.ingest import Summary, _batches, _run, ingest, pipeline_version
from .store.rows import content_hash
from .store.store import Store

PLUGIN_NAME = "warta-pipeline"
RETRIES = 2
COUNTS = ("read", "new", "duplicate", "reprocessed", "failed", "events")
# For the local cluster this command starts (a --scheduler cluster keeps its own settings): Dask's
# periodic housekeeping costs ~7% of a core with 2 idle workers (event-loop tick every 20 ms,
# work stealing every 100 ms, monitors, and a stack sampler on every worker every 10 ms), CPU the
# extraction and the merge share on small machines; these settings bring it under 1%. Stealing
# has nothing to do here: one thread per worker and at most two partitions queued per worker.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@dataclass
class WorkerRun:
    """What one ingest keeps on each worker: its Pipeline, that pipeline's version, its Store
    (concurrent writers) or its scratch folder with an empty shard to copy (SQLite shards)."""

    pipeline: Pipeline
    version: str
    store: Store | None
    load_seconds: float
    scratch: Path | None = None
    template: Path | None = None


class PipelinePlugin(WorkerPlugin):
    """Builds one Pipeline (and one Store, or one shard template) per worker for one ingest run.

    The state hangs on the worker object under the run's id (``worker.warta_runs``), so two
    ingests sharing a cluster never see each other's pipeline or database."""

    def __init__(self, run_id: str, stages: list[Any], data_dir: str | None, store_target: str | None = None,
                 lock_timeout: float = 30.0, write_shards: bool = False):
        self.run_id = run_id
        self.stages = stages
        self.data_dir = data_dir
        self.store_target = store_target
        self.lock_timeout = lock_timeout
        self.write_shards = write_shards

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        pipeline = Pipeline(self.stages, resources=Resources(self.data_dir))
        # Load every resource now, so that the first partition does not pay for it and a missing
        # model fails the start-up rather than each article.
        for name in pipeline.resources.names():
            pipeline.resources.get(name)
        store = Store(self.store_target, timeout=self.lock_timeout) if self.store_target else None
        scratch = Path(tempfile.mkdtemp(prefix=f"warta-{self.run_id}-")) if self.write_shards else None
        template = shards.make_template(scratch) if scratch else None
        if not hasattr(worker, "warta_runs"):
            worker.warta_runs = {}
        worker.warta_runs[self.run_id] = WorkerRun(pipeline, pipeline_version(pipeline), store,
                                                   time.perf_counter() - started, scratch, template)

    def teardown(self, worker: Any) -> None:
        state = getattr(worker, "warta_runs", {}).pop(self.run_id, None)
        if state is not None and state.store is not None:
            state.store.close()
        if state is not None and state.scratch is not None:
            shutil.rmtree(state.scratch, ignore_errors=True)


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


def shard_name(label: str) -> str:
    return f"part-{int(label):07d}.db"


def visible_marker(run_id: str) -> str:
    """The file the client puts in its shard folder, so that a worker knows it sees that folder."""
    return f".warta-run-{run_id}"


def shard_partition(run_id: str, docs: list[Document], shard_dir: str, label: str) -> dict[str, Any]:
    """Run the pipeline over one partition and write it as a SQLite shard (per-article errors are
    stored as failed articles, as the single-process ingest stores them); return a summary."""
    state = _worker_state(run_id)
    started, cpu = time.perf_counter(), time.thread_time()
    outcomes = [_run(state.pipeline, doc) for doc in docs]
    folder = Path(shard_dir)
    shared = (folder / visible_marker(run_id)).is_file()
    path = shards.write_shard(state.template, (folder if shared else state.scratch) / shard_name(label),
                              outcomes, state.version)
    extra: dict[str, Any] = {"articles": len(docs), "errors": sum(error is not None for _, error in outcomes)}
    if shared:
        extra["shard"] = str(path)
    else:  # the client cannot read this worker's disk: the file travels back as bytes
        extra["shard_bytes"] = path.read_bytes()
        path.unlink()
    return _report(state.version, time.perf_counter() - started, time.thread_time() - cpu, **extra)


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
    # CPU of the worker processes, all threads (tasks, communication, heartbeats), summed over workers
    worker_process_cpu_seconds: float = 0.0
    merge_seconds: float = 0.0  # wall time the client spent merging SQLite shards
    shards_sent_back: int = 0  # shards that came back as bytes (the worker could not see the folder)
    worker_rss_mb: dict[str, float] = field(default_factory=dict)
    load_seconds: dict[str, float] = field(default_factory=dict)


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
        self.write = write or ("workers" if store.kind == "postgresql" else "shards")
        if (self.write == "workers") != (store.kind == "postgresql") or self.write not in ("workers", "shards"):
            raise StoreError("PostgreSQL takes concurrent writers (write='workers'); SQLite is written "
                             "through shards (write='shards')")
        self.inflight = inflight
        self.tasks = {"shard": shard_partition, "ingest": ingest_partition, **(tasks or {})}
        self.version = pipeline_version(pipeline)
        self.info = RunInfo()
        self._run_id = uuid.uuid4().hex[:12]
        self._plugin = f"{PLUGIN_NAME}-{self._run_id}"

    # ---- cluster ----------------------------------------------------------------------------
    def _connect(self) -> tuple[Client, LocalCluster | None]:
        try:
            if self.scheduler:
                return Client(self.scheduler, timeout="20s"), None
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
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
            client.register_plugin(PipelinePlugin(self._run_id, stages, data_dir, target,
                                                  write_shards=self.write == "shards"), name=self._plugin)
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
            cpu, workers_cpu = _process_cpu(), _workers_cpu(client)
            try:
                if self.write == "workers":
                    return self._run_writers(client, items, progress)
                return self._run_shards(client, items, progress)
            finally:
                self.info.client_cpu_seconds = _process_cpu() - cpu
                after = _workers_cpu(client)
                self.info.worker_process_cpu_seconds = sum(after[w] - workers_cpu[w] for w in after
                                                           if w in workers_cpu)
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

    # ---- SQLite: shards written by the workers, merged here in input order -------------------
    def _shard_dir(self) -> Path:
        """A temporary folder next to the database (same disk, so no copy across file systems)."""
        target = Path(self.store.target.removeprefix("sqlite:///"))
        parent = target.parent if str(target) != ":memory:" else None
        folder = Path(tempfile.mkdtemp(prefix=f".warta-shards-{self._run_id}-", dir=parent))
        (folder / visible_marker(self._run_id)).write_text("warta shard folder\n", encoding="utf-8")
        return folder

    def _run_shards(self, client: Client, items: Iterable[Document | Failure],
                    progress: Callable[[int], None] | None) -> Summary:
        started = time.perf_counter()
        total = Summary()
        folder = self._shard_dir()
        pending: deque[tuple[str, list[Any], list[Document], Any]] = deque()
        seen: set[str] = set()
        try:
            for index, chunk in enumerate(_batches(items, self.batch_size)):
                docs = [item for item in chunk if isinstance(item, Document)]
                flags = _needs_work(docs, self.store, self.version, self.reprocess, seen) if docs else []
                todo = [doc for doc, flag in zip(docs, flags) if flag]
                total.read += len(chunk)
                total.duplicate += len(docs) - len(todo)
                self._record_failures(total, [item for item in chunk if isinstance(item, Failure)])
                label = str(index)
                future = self._submit(client, "shard", label, todo, str(folder), label) if todo else None
                pending.append((label, chunk, todo, future))
                self.info.partitions += 1 if todo else 0
                while len(pending) >= self._window(client):
                    self._merge_shard(total, folder, *pending.popleft(), progress)
            while pending:
                self._merge_shard(total, folder, *pending.popleft(), progress)
            if total.new or total.reprocessed:
                self.store.refresh_statistics()
        finally:
            for _, _, _, future in pending:  # an error above: stop what is still queued
                if future is not None:
                    future.cancel()
            shutil.rmtree(folder, ignore_errors=True)
            total.seconds = time.perf_counter() - started
        return total

    def _merge_shard(self, total: Summary, folder: Path, label: str, chunk: list[Any], todo: list[Document],
                     future: Any, progress: Callable[[int], None] | None) -> None:
        if future is not None:
            try:
                result = future.result()
            except Exception as err:  # noqa: BLE001 - reported per article below, never lost
                self.info.failed_partitions.append(label)
                self._record_failures(total, _partition_failure(todo, label, err, self.retries))
                result = None
            finally:
                future.release()
            if result is not None:
                self._note(result)
                path = Path(result["shard"]) if "shard" in result else folder / shard_name(label)
                if "shard_bytes" in result:
                    path.write_bytes(result["shard_bytes"])
                    self.info.shards_sent_back += 1
                merged = time.perf_counter()
                part = shards.merge_shard(self.store, path, reprocess=self.reprocess, version=self.version)
                self.info.merge_seconds += time.perf_counter() - merged
                path.unlink(missing_ok=True)
                for name in COUNTS[1:]:
                    setattr(total, name, getattr(total, name) + getattr(part, name))
                total.reasons.update(part.reasons)
        if progress:
            progress(len(chunk))

    def _record_failures(self, total: Summary, failures: list[Failure]) -> None:
        """Inputs that could not be read, or whose partition failed: the failures table, counted."""
        if not failures:
            return
        with self.store.write() as conn:
            for failure in failures:
                self.store.add_failure(conn, failure.source, failure.doc_id, failure.kind, failure.error)
                total.failed += 1
                total.reasons[f"{failure.kind}: {failure.error}"] += 1

    # ---- PostgreSQL: the workers write ---------------------------------------------------------
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
                self._add_partition(total, *pending.popleft(), progress)
        while pending:
            self._add_partition(total, *pending.popleft(), progress)
        total.seconds = time.perf_counter() - started
        return total

    def _add_partition(self, total: Summary, label: str, chunk: list[Any], future: Any,
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
        for name in COUNTS:
            setattr(total, name, getattr(total, name) + getattr(part, name))
        total.reasons.update(part.reasons)
        if progress:
            progress(len(chunk))


def _process_cpu() -> float:
    times = os.times()
    return times.user + times.system


def _workers_cpu(client: Client) -> dict[str, float]:
    """CPU seconds of each worker process so far (for the run's report); {} when unreachable."""
    try:
        return client.run(_process_cpu)
    except Exception:  # noqa: BLE001 - a report detail must not fail the ingest
        return {}


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
