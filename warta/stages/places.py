"""Places stage: where each event happened, geocoded with the gazetteer.

The place is a GPE/LOC mention in a "di ..." phrase of the event's own sentence, nearest the
trigger ("tiba di ibu kota Lithuania, Vilnius" -> Vilnius: when the phrase opens with a
description, its last name is the most specific one; when it opens with a name, "di Doha,
Qatar", that first name is). "ke ..." counts only after a travel word ("berkunjung ke Moskow").
The dateline is not used: the gold leaves events without a place in their sentence null, even
when the article carries a dateline (the seed's "Seoul" dateline, events in Vilnius).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..doc import Document, Event, Mention, Place
from ..errors import ResourceError
from ..resources import Resources
from .phrases import name_phrase_end

NAME = "places"
REQUIRES = frozenset({"events"})
PROVIDES = frozenset({"places"})

_WORD = re.compile(r"\w[\w'\-]*|[^\w\s]")
_MAX_PHRASE = 9  # words in one place phrase
_MAX_DISTANCE = 14  # words between a trigger and its place


@dataclass(frozen=True)
class PlaceRules:
    at: frozenset[str]
    to: frozenset[str]
    travel: frozenset[str]
    stop: frozenset[str]
    descriptors: frozenset[str]
    clause_breaks: frozenset[str]
    name_suffixes: frozenset[str]


def load_place_rules(path: Path) -> PlaceRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ResourceError(f"cannot read {path.name}: {err}") from None
    return compile_place_rules(data, path.name)


def compile_place_rules(data: Any, where: str = "places.yaml") -> PlaceRules:
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping at the top level")
    values = {}
    for key in ("at", "to", "travel", "stop", "descriptors", "clause_breaks", "name_suffixes"):
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise ResourceError(f"{where}: '{key}' must be a non-empty list of strings")
        values[key] = frozenset(v.lower() for v in value)
    return PlaceRules(**values)


def run(doc: Document, res: Resources) -> Document:
    rules: PlaceRules = res.get("place_rules")
    gazetteer = _gazetteer(res)
    places = _sentence_places(doc, rules)
    for event in doc.events:
        found = places.get(event.sentence)
        if not found:
            continue
        mention = _nearest(doc, event, found, rules)
        if mention is None:
            continue
        event.place = make_place(doc, mention, gazetteer)
        if event.explanation is not None:
            event.explanation.place_span = (mention.start, mention.end)
    return doc


def _gazetteer(res: Resources) -> Any:
    try:
        return res.get("gazetteer")
    except ResourceError:
        return None  # places are still named, only without coordinates


def make_place(doc: Document, mention: Mention, gazetteer: Any) -> Place:
    name = doc.span(mention.start, mention.end)
    entity = doc.entity(mention.entity)
    place = Place(name=name, entity=mention.entity, start=mention.start, end=mention.end)
    entry = gazetteer.lookup(name) if gazetteer is not None else None
    if entry is None and entity is not None and gazetteer is not None and entity.name != name:
        entry = gazetteer.lookup(entity.name)
    if entry is not None:
        place.country = entry.country
        place.latitude, place.longitude = entry.lat, entry.lon
        place.feature = entry.feature or entry.type.lower()
    if entity is not None:
        place.country = place.country or entity.country
        if place.latitude is None:
            place.latitude, place.longitude = entity.latitude, entity.longitude
    return place


def _sentence_places(doc: Document, rules: PlaceRules) -> dict[int, list[Mention]]:
    """Sentence index -> the place mentions its "di"/"ke" phrases name."""
    by_sentence: dict[int, list[Mention]] = {}
    mentions = sorted((m for m in doc.mentions if m.type in ("GPE", "LOC")), key=lambda m: m.start)
    for si, sentence in enumerate(doc.sentences):
        words = list(_WORD.finditer(doc.text, sentence.start, sentence.end))
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        for k, w in enumerate(words):
            low = w.group().lower()
            travel = k > 0 and words[k - 1].group().lower() in rules.travel
            if low not in rules.at and not (low in rules.to and travel):
                continue
            mention = _phrase_place(doc, words[k + 1 :], inside, rules)
            if mention is not None:
                by_sentence.setdefault(si, []).append(mention)
    return by_sentence


def _phrase_place(doc: Document, words: list[re.Match[str]], mentions: list[Mention], rules: PlaceRules):
    if not words:
        return None
    end = name_phrase_end(words[:_MAX_PHRASE], lambda t: t.lower() in rules.stop or t in ".!?;:()\"“”")
    if end is None:
        end = words[0].start()
    inside = [m for m in mentions if words[0].start() <= m.start and m.end <= end]
    if not inside:
        return None
    if inside[0].start == words[0].start():
        return inside[0]  # "di Doha, Qatar": the name right after "di"
    lead = [w.group().lower() for w in words if w.start() < inside[0].start]
    if not all(t in rules.descriptors or t == "," for t in lead):
        return None  # "di ladang minyak Iran": the name only qualifies the thing
    return inside[-1]  # "di ibu kota Lithuania, Vilnius": the description's last name


def _nearest(doc: Document, event: Event, found: list[Mention], rules: PlaceRules) -> Mention | None:
    """The place phrase nearest the trigger within its clause (no "bahwa", "yang" or quotation
    mark between them)."""
    if event.explanation is None:
        return found[0]
    a, b = event.explanation.trigger_start, event.explanation.trigger_end
    best, best_distance = None, None
    for m in found:
        between = doc.text[b : m.start] if m.start >= b else doc.text[m.end : a]
        words = [w.lower() for w in _WORD.findall(between)]
        if set(words) & rules.clause_breaks or any(q in between for q in "\"“”«»"):
            continue
        distance = 0.8 * len(words) if m.start >= b else len(words)
        if distance <= _MAX_DISTANCE and (best_distance is None or distance < best_distance):
            best, best_distance = m, distance
    return best
