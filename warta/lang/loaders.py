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


def _cameo(res: Any) -> Any:
    from ..cameo import load_cameo

    return load_cameo(res)


def _layout(res: Any) -> Any:
    from ..read.lexicon import load_layout

    return load_layout(res.path("layout.yaml"))


def _quote_rules(res: Any) -> Any:
    from ..stages.quote_rules import load_quote_rules

    return load_quote_rules(res.path("quotes.yaml"))


def _time_rules(res: Any) -> Any:
    from ..stages.time_rules import load_time_rules

    return load_time_rules(res.path("time.yaml"))


def _gazetteer(res: Any) -> Any:
    from .gazetteer import load_gazetteer

    return load_gazetteer(res.path("gazetteer"))


def _titles(res: Any) -> Any:
    from .titles import load_titles

    return load_titles(res.path("titles.yaml"))


def _verbs(res: Any) -> Any:
    from .verbs import load_verbs

    return load_verbs(res)


def _modality(res: Any) -> Any:
    from .verbs import load_modality

    return load_modality(res)


def _place_rules(res: Any) -> Any:
    from ..stages.places import load_place_rules

    return load_place_rules(res.path("places.yaml"))


def _ner_model(res: Any) -> Any:
    from ..ner import NerModel

    return NerModel.load(res.path("ner/manifest.json").parent)


LOADERS: dict[str, Callable[[Any], Any]] = {
    "ner_model": _ner_model,
    "place_rules": _place_rules,
    "verbs": _verbs,
    "modality": _modality,
    "gazetteer": _gazetteer,
    "titles": _titles,
    "quote_rules": _quote_rules,
    "time_rules": _time_rules,
    "layout": _layout,
    "cameo": _cameo,
    "abbreviations": _abbreviations,
    "lemmatizer": _lemmatizer,
}
