"""Matching system output against one gold article (the rules of ../shared/gold/README.md, "Scoring").

Pure functions over a processed ``Document`` and the gold JSON dict; no I/O. ``score_document``
returns a ``FileScore`` that evaluate.py sums over files and evaluate_report.py prints.

How ties are broken (the README asks for one-to-one, greedy matching):
- All candidate (system, gold) pairs are listed with a priority key and taken best first; a pair is
  skipped when either side is already taken. Keys prefer the closer match, then document order.
- Entities: a system entity whose *name* equals a gold mention beats one that only shares another
  mention; then the one sharing more surface forms. System entities with the same type and the
  same normalised name count as one distinct entity; an entity split in two by coreference
  ("Korea Selatan" and "Korsel" as separate entities) leaves the second one unmatched (a false
  positive).
- Quotes: the speaker agrees when the system quote's speaker entity matches the gold speaker
  entity by the entity rule (types agree, a shared surface form); the tightest containing span wins.
- Events: scored (non-optional) gold events are matched before optional ones, so a system event is
  credited whenever it can be; among candidates, an exact code, the gold `code`'s root (over an
  alt code's), the stated direction, the right modality and the right date come first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .doc import Document, Entity, Event, Quote

# CAMEO codes that name an organisation or group: compared whole. Anything else is a country or
# region code plus roles, compared on its first three letters.
ORGANISATION_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
QUOTE_CHARS = "\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u300c\u300d"
_QUOTE_TABLE = str.maketrans("", "", QUOTE_CHARS)
_SPACE = re.compile(r"\s+")


# ---- normalisation ------------------------------------------------------------------------
def norm(text: str | None) -> str:
    """Case-folded, whitespace-normalised surface form."""
    return _SPACE.sub(" ", text or "").strip().casefold()


def norm_quote(text: str | None) -> str:
    """As ``norm``, with every kind of quotation mark removed."""
    return norm((text or "").translate(_QUOTE_TABLE))


def actor_level(code: str | None) -> str | None:
    """The part of a CAMEO actor code that must agree: country (first three letters) or the whole
    organisation/group code. IGOUNOIAE (IAEA) and IGOUNO (UN) are different organisations, so they
    disagree; KORGOV and KORMIL agree (KOR)."""
    if code is None:
        return None
    code = code.strip().upper()
    if not code:
        return None
    return code if code.startswith(ORGANISATION_PREFIXES) else code[:3]


def actors_agree(system: str | None, gold: str | None) -> bool:
    """Agreement at the country or organisation level; null only matches null."""
    return actor_level(system) == actor_level(gold)


def root(code: str | None) -> str:
    return (code or "").strip()[:2]


def iso_date(value: str | None) -> str | None:
    return value.strip()[:10] if value and value.strip() else None


# ---- counting -----------------------------------------------------------------------------
@dataclass
class Counts:
    tp: int = 0
    sys: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.sys if self.sys else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.sys += other.sys
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "sys": self.sys,
            "tp": self.tp,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total


@dataclass
class PartScore:
    """One part (entities, direct quotes, ...) of one article."""

    counts: Counts = field(default_factory=Counts)
    matched: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)  # (system item, gold item)
    missed: list[dict[str, Any]] = field(default_factory=list)  # scored gold items left unmatched
    spurious: list[Any] = field(default_factory=list)  # system items counted as false positives
    ignored: list[Any] = field(default_factory=list)  # system items left out of precision


ACCURACIES = ("actor", "full_code", "exact_code", "modality", "date", "place")


@dataclass
class FileScore:
    id: str
    entities: PartScore
    quotes_direct: PartScore
    quotes_indirect: PartScore
    events: PartScore
    accuracy: dict[str, Accuracy]
    doc: Document | None = None
    unlocated: list[dict[str, Any]] = field(
        default_factory=list
    )  # gold events whose sentence is not in the text
    error: str | None = None


def greedy(candidates: Iterable[tuple[tuple[Any, ...], int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take (key, system index, gold index) pairs in key order."""
    used_sys: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _key, i, j in sorted(candidates, key=lambda c: (c[0], c[2], c[1])):
        if i in used_sys or j in used_gold:
            continue
        used_sys.add(i)
        used_gold.add(j)
        pairs.append((i, j))
    return pairs


# ---- entities -----------------------------------------------------------------------------
def gold_surfaces(gold_entity: dict[str, Any]) -> set[str]:
    return {norm(m) for m in gold_entity.get("mentions") or []} | {norm(gold_entity.get("name"))} - {""}


class SystemEntities:
    """The system's distinct entities with their surface forms (name plus mention spans)."""

    def __init__(self, doc: Document):
        spans = {m.id: doc.span(m.start, m.end) for m in doc.mentions}
        self.distinct: list[Entity] = []
        self.surfaces: list[set[str]] = []
        self.index_of: dict[str, int] = {}  # entity id -> index into distinct
        by_key: dict[tuple[str, str], int] = {}
        for entity in doc.entities:
            key = (entity.type, norm(entity.name))
            forms = {norm(entity.name)} | {norm(spans[m]) for m in entity.mentions if m in spans}
            forms.discard("")
            if key in by_key:  # a duplicate of an entity already listed: the same distinct entity
                index = by_key[key]
                self.surfaces[index] |= forms
            else:
                index = by_key[key] = len(self.distinct)
                self.distinct.append(entity)
                self.surfaces.append(forms)
            self.index_of[entity.id] = index

    def compatible(self, index: int, gold_entity: dict[str, Any]) -> bool:
        return self.distinct[index].type == gold_entity.get("type") and bool(
            self.surfaces[index] & gold_surfaces(gold_entity)
        )


def match_entities(system: SystemEntities, gold_entities: list[dict[str, Any]], actor: Accuracy) -> PartScore:
    candidates = []
    for i, entity in enumerate(system.distinct):
        for j, gold in enumerate(gold_entities):
            if system.compatible(i, gold):
                forms = gold_surfaces(gold)
                name_hit = norm(entity.name) in forms
                candidates.append(((not name_hit, -len(system.surfaces[i] & forms)), i, j))
    pairs = greedy(candidates)
    part = PartScore(Counts(tp=len(pairs), sys=len(system.distinct), gold=len(gold_entities)))
    taken_sys = {i for i, _ in pairs}
    taken_gold = {j for _, j in pairs}
    for i, j in pairs:
        part.matched.append((system.distinct[i], gold_entities[j]))
        actor.record(actors_agree(system.distinct[i].actor, gold_entities[j].get("actor")))
    part.missed = [g for j, g in enumerate(gold_entities) if j not in taken_gold]
    part.spurious = [e for i, e in enumerate(system.distinct) if i not in taken_sys]
    return part


# ---- quotes -------------------------------------------------------------------------------
def match_quotes(
    doc: Document,
    system: SystemEntities,
    gold_entities: list[dict[str, Any]],
    gold_quotes: list[dict[str, Any]],
    direct: bool,
) -> PartScore:
    quotes = [q for q in doc.quotes if bool(q.direct) == direct]
    golds = [g for g in gold_quotes if bool(g.get("direct")) == direct]
    by_name = {norm(g.get("name")): g for g in gold_entities}
    texts = [norm_quote(doc.span(q.start, q.end)) for q in quotes]
    candidates = []
    for j, gold in enumerate(golds):
        speaker = by_name.get(norm(gold.get("speaker")))
        wanted = norm_quote(gold.get("contains"))
        for i, quote in enumerate(quotes):
            if wanted and wanted in texts[i] and _speaker_agrees(quote, speaker, gold, system):
                candidates.append(((len(texts[i]),), i, j))
    pairs = greedy(candidates)
    part = PartScore(Counts(tp=len(pairs), sys=len(quotes), gold=len(golds)))
    taken_sys = {i for i, _ in pairs}
    taken_gold = {j for _, j in pairs}
    part.matched = [(quotes[i], golds[j]) for i, j in pairs]
    part.missed = [g for j, g in enumerate(golds) if j not in taken_gold]
    part.spurious = [q for i, q in enumerate(quotes) if i not in taken_sys]
    return part


def _speaker_agrees(
    quote: Quote, speaker: dict[str, Any] | None, gold: dict[str, Any], system: SystemEntities
) -> bool:
    index = system.index_of.get(quote.speaker or "")
    if index is None:
        return False
    if speaker is None:  # the gold speaker is not among the gold entities: compare the name alone
        return norm(gold.get("speaker")) in system.surfaces[index]
    return system.compatible(index, speaker)


# ---- events -------------------------------------------------------------------------------
def locate(text: str, fragment: str) -> list[tuple[int, int]]:
    """Where a gold sentence fragment occurs: verbatim, else ignoring whitespace, quote marks and case."""
    fragment = (fragment or "").strip()
    if not fragment:
        return []
    found = [(m.start(), m.start() + len(fragment)) for m in re.finditer(re.escape(fragment), text)]
    if found:
        return found
    words = norm_quote(fragment).split()
    quote_class = "[" + re.escape(QUOTE_CHARS) + "]*"
    pattern = (r"\s+" + quote_class).join(quote_class + re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def event_sentence_overlaps(doc: Document, event: Event, spans: list[tuple[int, int]]) -> bool:
    if not 0 <= event.sentence < len(doc.sentences):
        return False
    sentence = doc.sentences[event.sentence]
    return any(sentence.start < end and start < sentence.end for start, end in spans)


def gold_codes(gold: dict[str, Any]) -> list[str]:
    return [str(c).strip() for c in [gold.get("code"), *(gold.get("alt_codes") or [])] if c]


def dyad_direction(event: Event, gold: dict[str, Any]) -> int | None:
    """0 when source and target agree as stated, 1 when they agree swapped (symmetric gold only)."""
    if actors_agree(event.source, gold.get("source")) and actors_agree(event.target, gold.get("target")):
        return 0
    if (
        gold.get("symmetric")
        and actors_agree(event.source, gold.get("target"))
        and actors_agree(event.target, gold.get("source"))
    ):
        return 1
    return None


def match_events(
    doc: Document,
    gold_events: list[dict[str, Any]],
    accuracy: dict[str, Accuracy],
    unlocated: list[dict[str, Any]],
) -> PartScore:
    events = list(doc.events)
    candidates = []
    for j, gold in enumerate(gold_events):
        spans = locate(doc.text, gold.get("sentence", ""))
        if not spans:
            unlocated.append(gold)
            continue
        codes = gold_codes(gold)
        roots = {root(c) for c in codes}
        for i, event in enumerate(events):
            if root(event.code) not in roots or not event_sentence_overlaps(doc, event, spans):
                continue
            direction = dyad_direction(event, gold)
            if direction is None:
                continue
            key = (
                bool(gold.get("optional")),
                event.code not in codes,
                root(event.code) != root(codes[0]),
                direction,
                event.modality != gold.get("modality"),
                iso_date(event.date) != iso_date(gold.get("date")),
            )
            candidates.append((key, i, j))
    pairs = greedy(candidates)
    scored = [g for g in gold_events if not g.get("optional")]
    part = PartScore(Counts(gold=len(scored)))
    taken_gold = {j for _, j in pairs}
    matched_sys = {i for i, _ in pairs}
    for i, j in pairs:
        event, gold = events[i], gold_events[j]
        if gold.get("optional"):
            part.ignored.append(event)  # removed from scoring with the optional gold event it matched
            continue
        part.matched.append((event, gold))
        accuracy["full_code"].record(event.code in gold_codes(gold))
        accuracy["exact_code"].record(event.code == str(gold.get("code")))
        accuracy["modality"].record(event.modality == gold.get("modality"))
        accuracy["date"].record(iso_date(event.date) == iso_date(gold.get("date")))
        place = event.place.name if event.place is not None else None
        accuracy["place"].record(norm(place) == norm(gold.get("place")))
    for i, event in enumerate(events):
        if i in matched_sys:
            continue
        if root(event.code) == "01":
            part.ignored.append(event)  # statements are left out of precision
        else:
            part.spurious.append(event)
    part.missed = [g for j, g in enumerate(gold_events) if j not in taken_gold and not g.get("optional")]
    part.counts.tp = len(part.matched)
    part.counts.sys = len(part.matched) + len(part.spurious)
    return part


# ---- one article --------------------------------------------------------------------------
def empty_accuracy() -> dict[str, Accuracy]:
    return {name: Accuracy() for name in ACCURACIES}


def score_document(doc: Document, gold: dict[str, Any], doc_id: str | None = None) -> FileScore:
    """Score one processed Document against one gold article (the gold JSON as a dict)."""
    accuracy = empty_accuracy()
    gold_entities = list(gold.get("entities") or [])
    gold_quotes = list(gold.get("quotes") or [])
    system = SystemEntities(doc)
    unlocated: list[dict[str, Any]] = []
    return FileScore(
        id=doc_id or gold.get("id") or doc.id,
        entities=match_entities(system, gold_entities, accuracy["actor"]),
        quotes_direct=match_quotes(doc, system, gold_entities, gold_quotes, direct=True),
        quotes_indirect=match_quotes(doc, system, gold_entities, gold_quotes, direct=False),
        events=match_events(doc, list(gold.get("events") or []), accuracy, unlocated),
        accuracy=accuracy,
        doc=doc,
        unlocated=unlocated,
    )


PARTS: tuple[tuple[str, Callable[[FileScore], PartScore]], ...] = (
    ("entities", lambda f: f.entities),
    ("quotes_direct", lambda f: f.quotes_direct),
    ("quotes_indirect", lambda f: f.quotes_indirect),
    ("events", lambda f: f.events),
)
