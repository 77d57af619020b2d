"""Registry of resource loaders: name -> function(Resources) -> loaded object.

Each stage's data module registers its loader here; ``Resources.get(name)`` calls it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _abbreviations(res: Any) -> Any:
    from ..stages.tokens import load_abbreviations

    return load_abbreviations(res.path("abbreviations.txt"))


def _lemmatizer(res: Any) -> Any:
    from ..stages.tokens import Lemmatizer

    return Lemmatizer.load(res)


LOADERS: dict[str, Callable[[Any], Any]] = {
    "abbreviations": _abbreviations,
    "lemmatizer": _lemmatizer,
}
