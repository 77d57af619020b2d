"""The layout word lists (warta/lang/id/layout.yaml): loading, validation, compiled patterns.

Loaded once through ``res.get("layout")``; the result is frozen so stages can share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError

LIST_KEYS = (
    "agencies", "credit_cues", "weak_credit_cues", "outlets", "chain_cues", "outlet_descriptors",
    "name_connectors", "name_stoppers", "credit_labels", "related_labels", "author_labels",
    "editor_labels", "trailer_starts", "caption_starts", "caption_markers", "function_words",
    "dateline_non_places",
)
NUMBER_KEYS = ("min_function_word_ratio", "min_words_for_language_check")


@dataclass(frozen=True)
class LayoutLexicon:
    agencies: tuple[str, ...]
    credit_cues: tuple[str, ...]
    weak_credit_cues: frozenset[str]
    outlets: tuple[str, ...]
    chain_cues: tuple[str, ...]
    outlet_descriptors: tuple[str, ...]
    name_connectors: frozenset[str]
    name_stoppers: frozenset[str]
    credit_labels: tuple[str, ...]
    related_labels: tuple[str, ...]
    author_labels: tuple[str, ...]
    editor_labels: tuple[str, ...]
    trailer_starts: tuple[str, ...]
    caption_starts: tuple[str, ...]
    caption_markers: tuple[str, ...]
    function_words: frozenset[str]
    dateline_non_places: frozenset[str]
    min_function_word_ratio: float
    min_words_for_language_check: int
    # compiled from the lists above
    credit_cue_re: re.Pattern[str]
    label_re: re.Pattern[str]
    trailer_re: re.Pattern[str]
    caption_re: re.Pattern[str]

    def canonical_agency(self, name: str) -> str:
        """The listed spelling of an agency ("kompas.com" -> "KOMPAS.com"), else the name as written."""
        folded = name.casefold()
        for agency in self.agencies:
            if agency.casefold() == folded:
                return agency
        return name

    def is_agency(self, name: str) -> bool:
        folded = name.casefold()
        return any(a.casefold() == folded for a in self.agencies)

    def is_outlet(self, name: str) -> bool:
        folded = name.casefold()
        return any(o.casefold() == folded for o in self.outlets) or self.is_agency(name)

    def label_kind(self, label: str) -> str | None:
        """What a "Label:" line start announces: credit, related, author or editor."""
        folded = " ".join(label.casefold().split())
        for kind, labels in (("related", self.related_labels), ("credit", self.credit_labels),
                             ("author", self.author_labels), ("editor", self.editor_labels)):
            if folded in labels:
                return kind
        return None


def validate_layout(data: Any, source: str = "layout.yaml") -> None:
    """Raise ResourceError with a one-line reason when the layout data is malformed."""
    if not isinstance(data, dict):
        raise ResourceError(f"{source}: expected a mapping at the top level")
    for key in LIST_KEYS:
        values = data.get(key)
        if not isinstance(values, list) or not values:
            raise ResourceError(f"{source}: {key} must be a non-empty list")
        seen: set[str] = set()
        for value in values:
            if not isinstance(value, str) or not value.strip() or value != value.strip():
                raise ResourceError(f"{source}: {key} has an empty or padded entry {value!r}")
            if value.casefold() in seen:
                raise ResourceError(f"{source}: {key} lists {value!r} twice")
            seen.add(value.casefold())
    for key in NUMBER_KEYS:
        if not isinstance(data.get(key), (int, float)) or data[key] < 0:
            raise ResourceError(f"{source}: {key} must be a non-negative number")
    unknown = set(data) - set(LIST_KEYS) - set(NUMBER_KEYS)
    if unknown:
        raise ResourceError(f"{source}: unknown keys {', '.join(sorted(unknown))}")


def _alternation(phrases: list[str] | tuple[str, ...]) -> str:
    # Longest first so "seperti dilansir dari" wins over "seperti dilansir".
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def build_layout(data: dict[str, Any]) -> LayoutLexicon:
    lower = {k: [v.casefold() for v in data[k]] for k in LIST_KEYS}
    labels = data["credit_labels"] + data["related_labels"] + data["author_labels"] + data["editor_labels"]
    return LayoutLexicon(
        agencies=tuple(data["agencies"]),
        credit_cues=tuple(lower["credit_cues"]),
        weak_credit_cues=frozenset(lower["weak_credit_cues"]),
        outlets=tuple(data["outlets"]),
        chain_cues=tuple(lower["chain_cues"]),
        outlet_descriptors=tuple(lower["outlet_descriptors"]),
        name_connectors=frozenset(lower["name_connectors"]),
        name_stoppers=frozenset(data["name_stoppers"]),
        credit_labels=tuple(lower["credit_labels"]),
        related_labels=tuple(lower["related_labels"]),
        author_labels=tuple(lower["author_labels"]),
        editor_labels=tuple(lower["editor_labels"]),
        trailer_starts=tuple(lower["trailer_starts"]),
        caption_starts=tuple(lower["caption_starts"]),
        caption_markers=tuple(lower["caption_markers"]),
        function_words=frozenset(lower["function_words"]),
        dateline_non_places=frozenset(lower["dateline_non_places"]),
        min_function_word_ratio=float(data["min_function_word_ratio"]),
        min_words_for_language_check=int(data["min_words_for_language_check"]),
        credit_cue_re=re.compile(r"(?<!\w)(" + _alternation(data["credit_cues"]) + r")\s+", re.IGNORECASE),
        # "Baca juga: ...", "Sumber : Reuters", "BACA JUGA - ..."
        label_re=re.compile(r"^\s*(" + _alternation(labels) + r")(?:\s*:|\s+(?:-|–|—)\s)\s*", re.IGNORECASE),
        trailer_re=re.compile(r"^\s*(?:" + _alternation(data["trailer_starts"]) + r")(?!\w)", re.IGNORECASE),
        caption_re=re.compile(r"^\s*\(?\s*(?:" + _alternation(data["caption_starts"]) + r")\s*:", re.IGNORECASE),
    )


def load_layout(path: str | Path) -> LayoutLexicon:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as err:
        raise ResourceError(f"cannot read {path}: {err}") from None
    validate_layout(data, str(path))
    return build_layout(data)
