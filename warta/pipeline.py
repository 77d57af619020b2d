"""The ordered pipeline: each stage is one module with ``run(doc, res) -> Document``.

A stage module declares ``NAME``, ``REQUIRES`` and ``PROVIDES`` (sets of slot names). The
pipeline checks, when it is built, that every requirement is provided by the reader or by an
earlier stage, so a wrongly ordered pipeline fails before it touches a document.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from .doc import Document
from .errors import InputError, PipelineError, WartaError
from .resources import Resources

# What a Document has when it leaves the reader.
READER_PROVIDES = frozenset({"text", "published"})

# Stage name -> module. Order here is the default order of the pipeline.
STAGE_MODULES: dict[str, str] = {
    "layout": "warta.stages.layout",
    "tokens": "warta.stages.tokens",
    "entities": "warta.stages.entities",
    "coref": "warta.stages.coref",
    "actors": "warta.stages.actors",
    "quotes": "warta.stages.quotes",
    "events": "warta.stages.events",
    "time": "warta.stages.time",
    "places": "warta.stages.places",
}

DEFAULT_STAGES: tuple[str, ...] = tuple(STAGE_MODULES)

# Work bounds per document (docs/hardening.md). Coreference compares mentions across the whole
# document, so a text far beyond any news article (the longest of 17,227 news-clickid articles has
# 11,508 characters) is refused before any stage runs; and a document whose stages together overrun
# the time budget is stopped between stages with a one-line error, so one input cannot stall a batch.
MAX_DOCUMENT_CHARS = 200_000
DEFAULT_TIME_BUDGET = 60.0


@dataclass
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: Callable[[Document, Resources], Document]

    @classmethod
    def from_module(cls, module: ModuleType) -> Stage:
        for attr in ("NAME", "REQUIRES", "PROVIDES", "run"):
            if not hasattr(module, attr):
                raise PipelineError(f"stage module {module.__name__} lacks {attr}")
        return cls(module.NAME, frozenset(module.REQUIRES), frozenset(module.PROVIDES), module.run)


@dataclass
class Failure:
    """One document that could not be processed, with a one-line reason."""

    doc_id: str
    source: str | None
    error: str
    kind: str


class Pipeline:
    """Stages in order plus the resources they share."""

    def __init__(self, stages: Iterable[str | Stage] | None = None, resources: Resources | None = None,
                 time_budget: float | None = DEFAULT_TIME_BUDGET, max_chars: int | None = MAX_DOCUMENT_CHARS):
        names = list(stages) if stages is not None else list(DEFAULT_STAGES)
        self.stages: list[Stage] = [s if isinstance(s, Stage) else _load_stage(s) for s in names]
        self.resources = resources or Resources()
        self.time_budget = time_budget  # seconds per document; None: unbounded
        self.max_chars = max_chars
        self._check()

    def _check(self) -> None:
        available = set(READER_PROVIDES)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(sorted(missing))}, "
                    f"which no earlier stage provides"
                )
            available |= stage.provides

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, doc: Document, timings: dict[str, float] | None = None) -> Document:
        if self.max_chars is not None and len(doc.text) > self.max_chars:
            raise InputError(f"document is too long ({len(doc.text):,} characters; the limit is "
                             f"{self.max_chars:,})", source=doc.metadata.source_path or doc.id)
        begun = time.perf_counter()
        todo = [stage for stage in self.stages if stage.name not in doc.stages]  # skip re-runs on stored output
        for number, stage in enumerate(todo, 1):
            started = time.perf_counter()
            doc = stage.run(doc, self.resources)
            doc.stages.append(stage.name)
            now = time.perf_counter()
            if timings is not None:
                timings[stage.name] = timings.get(stage.name, 0.0) + now - started
            if self.time_budget is not None and now - begun > self.time_budget and number < len(todo):
                raise InputError(f"stopped after stage {stage.name!r}: over the time budget of "
                                 f"{self.time_budget:g} s per document", source=doc.metadata.source_path or doc.id)
        return doc

    def process_many(self, docs: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        """Process documents one by one; a failing document becomes a Failure, never a crash."""
        for doc in docs:
            if isinstance(doc, Failure):
                yield doc
                continue
            try:
                yield self.process(doc)
            except WartaError as err:
                yield Failure(doc.id, doc.metadata.source_path, err.message, err.kind)
            except Exception as err:  # noqa: BLE001 - a bug in one document must not stop a batch
                yield Failure(doc.id, doc.metadata.source_path, f"{type(err).__name__}: {err}", "internal")


def _load_stage(name: str) -> Stage:
    module_name = STAGE_MODULES.get(name)
    if module_name is None:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(STAGE_MODULES)}")
    return Stage.from_module(importlib.import_module(module_name))
