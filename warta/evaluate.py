"""The gold scorer behind ``warta eval``: read gold files, run the pipeline, score, sum up.

The rules are those of ../shared/gold/README.md ("Scoring"); the matching itself lives in
evaluate_match.py and the printed report in evaluate_report.py.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .doc import Document
from .errors import InputError, WartaError
from .evaluate_match import (
    ACCURACIES,
    PARTS,
    Accuracy,
    Counts,
    FileScore,
    PartScore,
    empty_accuracy,
    score_document,
)
from .pipeline import DEFAULT_STAGES, STAGE_MODULES, Pipeline, Stage

GOLD_FORMAT = 1
REQUIRED_KEYS = ("id", "text", "entities", "quotes", "events")


@dataclass
class GoldFile:
    path: Path
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data.get("id") or self.path.stem)


@dataclass
class EvalResult:
    files: list[FileScore]
    warnings: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)

    def micro(self) -> tuple[dict[str, Counts], dict[str, Accuracy]]:
        counts = {name: Counts() for name, _ in PARTS}
        accuracy = empty_accuracy()
        for score in self.files:
            for name, part in PARTS:
                counts[name].add(part(score).counts)
            for name in ACCURACIES:
                accuracy[name].add(score.accuracy[name])
        return counts, accuracy

    def to_dict(self) -> dict[str, Any]:
        counts, accuracy = self.micro()
        return {
            "files": len(self.files),
            "stages": self.stages,
            "micro": summary(counts, accuracy),
            "per_file": {score.id: file_summary(score) for score in self.files},
        }


def summary(counts: dict[str, Counts], accuracy: dict[str, Accuracy]) -> dict[str, Any]:
    """The README's evaluation object for one file or for all of them."""
    out: dict[str, Any] = {}
    for name, _ in PARTS:
        out[name] = counts[name].to_dict()
        if name == "entities":
            out["actor_accuracy"] = round(accuracy["actor"].value, 4)
    for name in ACCURACIES[1:]:
        out[f"{name}_accuracy"] = round(accuracy[name].value, 4)
    # how many matched items each accuracy is over (0 means the accuracy is undefined)
    out["accuracy_over"] = {"actor": accuracy["actor"].total, "events": accuracy["modality"].total}
    return out


def file_summary(score: FileScore) -> dict[str, Any]:
    counts = {name: part(score).counts for name, part in PARTS}
    out = summary(counts, score.accuracy)
    if score.unlocated:
        out["unlocated_gold_events"] = len(score.unlocated)
    if score.error:
        out["error"] = score.error
    return out


# ---- gold files ---------------------------------------------------------------------------
def gold_paths(sources: Iterable[str | Path]) -> list[Path]:
    """Gold JSON files named directly or found (non-recursively) in the given folders."""
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise InputError("no gold .json files in this folder", source=str(path))
            paths.extend(found)
        elif path.is_file():
            paths.append(path)
        else:
            raise InputError("no such file or folder", source=str(path))
    if not paths:
        raise InputError("no gold files given")
    return paths


def load_gold(path: Path) -> GoldFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", source=str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON (line {err.lineno}: {err.msg})", source=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read ({err.strerror})", source=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("a gold file holds one JSON object", source=str(path))
    if data.get("format", GOLD_FORMAT) != GOLD_FORMAT:
        raise InputError(
            f"unsupported gold format {data.get('format')!r} (expected {GOLD_FORMAT})", source=str(path)
        )
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise InputError(f"gold file lacks {', '.join(missing)}", source=str(path))
    if not isinstance(data["text"], str) or not data["text"].strip():
        raise InputError("gold text is empty", source=str(path))
    return GoldFile(path, data)


def build_document(gold: GoldFile, res: Any = None) -> Document:
    """The Document the pipeline receives: through the plain-text reader when it exists."""
    text, published = gold.data["text"], gold.data.get("published")
    try:
        read_text = getattr(importlib.import_module("warta.read"), "read_text", None)
    except ImportError:
        read_text = None
    if read_text is None:
        return Document(id=gold.id, text=text, published=published)
    if res is not None and "res" in inspect.signature(read_text).parameters:
        return read_text(text, gold.id, published=published, res=res)
    return read_text(text, gold.id, published=published)


# ---- the pipeline -------------------------------------------------------------------------
def available_pipeline(resources: Any = None) -> tuple[Pipeline, list[str]]:
    """The default pipeline made of the stages that exist now; a missing stage is skipped with a
    warning (so are later stages that need what it would provide)."""
    warnings: list[str] = []
    stages: list[Stage] = []
    for name in DEFAULT_STAGES:
        module_name = STAGE_MODULES[name]
        try:
            stages.append(Stage.from_module(importlib.import_module(module_name)))
        except ModuleNotFoundError as err:
            reason = "not written yet" if err.name == module_name else f"cannot import {err.name}"
            warnings.append(f"stage {name} skipped: {reason}")
        except WartaError as err:
            warnings.append(f"stage {name} skipped: {err.message}")
        except Exception as err:  # noqa: BLE001 - a broken stage must not stop the scorer
            warnings.append(f"stage {name} skipped: {type(err).__name__}: {err}")
    kept: list[Stage] = []
    available = {"text", "published"}
    for stage in stages:
        missing = stage.requires - available
        if missing:
            warnings.append(f"stage {stage.name} skipped: needs {', '.join(sorted(missing))}")
            continue
        kept.append(stage)
        available |= stage.provides
    return Pipeline(kept, resources=resources), warnings


# ---- evaluation ---------------------------------------------------------------------------
def evaluate(sources: Iterable[str | Path], pipeline: Pipeline | None = None) -> EvalResult:
    """Run ``pipeline`` (default: every stage that exists) on each gold text and score it."""
    warnings: list[str] = []
    if pipeline is None:
        pipeline, warnings = available_pipeline()
    golds = [load_gold(path) for path in gold_paths(sources)]
    seen: set[str] = set()
    for gold in golds:
        if gold.id in seen:
            raise InputError(f"gold id {gold.id!r} appears twice", source=str(gold.path))
        seen.add(gold.id)
    result = EvalResult([], warnings, pipeline.names)
    for gold in golds:
        result.files.append(evaluate_one(gold, pipeline))
    return result


def evaluate_one(gold: GoldFile, pipeline: Pipeline) -> FileScore:
    """Score one gold file; a document the pipeline fails on scores as empty output."""
    error = None
    try:
        doc = pipeline.process(build_document(gold, pipeline.resources))
    except WartaError as err:
        error = err.message
    except Exception as err:  # noqa: BLE001 - one failing article must not stop the evaluation
        error = f"{type(err).__name__}: {err}"
    if error is not None:
        doc = Document(id=gold.id, text=gold.data["text"], published=gold.data.get("published"))
    score = score_document(doc, gold.data, gold.id)
    score.error = error
    return score


__all__ = [
    "EvalResult",
    "GoldFile",
    "PartScore",
    "available_pipeline",
    "build_document",
    "evaluate",
    "evaluate_one",
    "gold_paths",
    "load_gold",
    "score_document",
]
