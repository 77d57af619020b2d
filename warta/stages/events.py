"""Events stage: CAMEO-coded events with source, target and modality for every body sentence.

Triggers come from the verb-pattern dictionary (warta/lang/id/verbs/*.yaml, ``res.get("verbs")``),
modality cues from modality.yaml (``res.get("modality")``). Arguments are found by walking the
tokens around a trigger (event_args.py), modality by cue words (modality.py), one sentence at a
time (event_coder.py). Headline and layout paragraphs never carry events (README rule 8).
"""

from __future__ import annotations

from ..doc import Document, Entity, Event, Explanation, Mention
from ..resources import Resources
from .event_args import Arg, SentenceView
from .event_coder import Coded, Discourse, code_sentence
from .event_filters import claimed_about, refine_generic
from .events_common import same_actor

NAME = "events"
REQUIRES = {"entities", "actors", "quotes"}
PROVIDES = {"events"}


def _entity_index(doc: Document) -> dict[str, Entity]:
    """Mention id -> entity, from Mention.entity or from Entity.mentions (both may be set)."""
    by_id = {e.id: e for e in doc.entities}
    out: dict[str, Entity] = {}
    for entity in doc.entities:
        for mid in entity.mentions:
            out[mid] = entity
    for m in doc.mentions:
        if m.entity and m.entity in by_id:
            out[m.id] = by_id[m.entity]
    return out


def _speaker_arg(doc: Document, entity_id: str | None, mention_id: str | None, entities: dict[str, Entity],
                 ) -> Arg | None:
    entity = doc.entity(entity_id)
    if entity is None and mention_id:
        entity = entities.get(mention_id)
    if entity is None or not entity.actor:
        return None
    mention = doc.mention(mention_id)
    start, end = (mention.start, mention.end) if mention else (0, 0)
    return Arg(entity.actor, entity.id, start, end, "speaker")


def _home_country(doc: Document) -> str | None:
    """The country the article is mostly about: the GPE actor named most often."""
    counts: dict[str, int] = {}
    for entity in doc.entities:
        if entity.type == "GPE" and entity.actor and len(entity.actor) >= 3 and entity.actor[:3].isalpha() \
                and not entity.actor.startswith(("IGO", "NGO", "IMG")):
            counts[entity.actor[:3]] = counts.get(entity.actor[:3], 0) + max(1, len(entity.mentions))
    if not counts:
        # A domestic story may name no place at all ("KPK", "DPR", a minister): the country its
        # people and organisations belong to is still the home of "pemerintah", "polisi", "warga".
        for entity in doc.entities:
            code = entity.actor or ""
            if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() \
                    and not code.startswith(("IGO", "NGO", "IMG", "MNC")):
                counts[code[:3]] = counts.get(code[:3], 0) + max(1, len(entity.mentions))
    return max(counts, key=lambda c: counts[c]) if counts else None


def _unroled_group(doc: Document, source: Arg, target: Arg) -> bool:
    """A person or organisation coded with a bare country ("PMII": IDN, role unknown) accusing or
    attacking a state organ of that country ("KPK": IDNJUD) is not the state acting on itself
    (an unroled ministry meeting its own minister still is: only conflictual codes use this)."""
    if source.key() == target.key() or (source.actor or "") == (target.actor or ""):
        return False
    bare = source if len(source.actor or "") < len(target.actor or "") else target
    entity = doc.entity(bare.entity) if bare.entity else None
    return entity is not None and entity.type in ("PER", "ORG") and len(bare.actor or "") == 3


def _lead_paragraph(doc: Document) -> int | None:
    return next((i for i, p in enumerate(doc.paragraphs) if p.kind == "body"), None)


def _dyad_key(code: str, source: Arg | None, target: Arg | None, symmetric: bool) -> tuple:
    pair = (source.actor if source else None, target.actor if target else None)
    if symmetric:
        pair = tuple(sorted(pair, key=lambda a: a or ""))  # type: ignore[assignment]
    return (code[:2], *pair)


def _events_of(coded: Coded, doc: Document, sentence: int, lead: bool) -> list[Event]:
    sources: list[Arg | None] = list(coded.sources) or [None]
    targets: list[Arg | None] = list(coded.targets) or [None]
    out = []
    for source in sources:
        for target in targets:
            if source is not None and target is not None and same_actor(source.actor, target.actor, source.key(),
                                                                       target.key()) \
                    and not (coded.code[:2] >= "10" and _unroled_group(doc, source, target)):
                continue  # nobody acts on itself ("AS" on "Presiden AS")
            if source is None:
                continue  # an act needs an actor; a bare target is not an event we can vouch for
            tok = doc.tokens
            explanation = Explanation(
                sentence=sentence,
                trigger_start=tok[coded.match.start].start,
                trigger_end=tok[coded.match.end - 1].end,
                pattern=coded.match.pattern.id,
                source_span=(source.start, source.end) if source and source.end > source.start else None,
                target_span=(target.start, target.end) if target and target.end > target.start else None,
                modality_cue=coded.modality.cue,
            )
            out.append(Event(
                id="", code=coded.code, sentence=sentence,
                source=source.actor if source else None, target=target.actor if target else None,
                source_entity=source.entity if source else None, target_entity=target.entity if target else None,
                symmetric=coded.symmetric and source is not None and target is not None,
                modality=coded.modality.value, is_root=lead,
                in_quote=coded.quote.id if coded.quote else None, explanation=explanation,
            ))
    return out


def run(doc: Document, res: Resources) -> Document:
    verbs = res.get("verbs")
    cues = res.get("modality")
    try:
        tables = res.get("cameo")
    except Exception:  # noqa: BLE001 - events are still coded without the CAMEO tables
        tables = None
    entities = _entity_index(doc)
    mentions: list[Mention] = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    discourse = Discourse()
    for quote in sorted(doc.quotes, key=lambda q: q.start):
        speaker = _speaker_arg(doc, quote.speaker, quote.speaker_mention, entities)
        addressee = _speaker_arg(doc, quote.addressee, None, entities)
        discourse.quotes.append((quote, speaker, addressee))
    body = [i for i, s in enumerate(doc.sentences)
            if 0 <= s.paragraph < len(doc.paragraphs) and doc.paragraphs[s.paragraph].kind == "body"]
    if not doc.paragraphs:
        body = list(range(len(doc.sentences)))
    lead = _lead_paragraph(doc)
    home = _home_country(doc)
    try:
        former = res.get("titles").former
    except Exception:  # noqa: BLE001 - without the titles table nobody is marked as former
        former = frozenset()
    views = [refine_generic(SentenceView.build(doc, i, cues, entities, mentions, home, former)) for i in body]
    events: list[Event] = []
    told: set[tuple] = set()  # (root, source, target) of the acts told in earlier sentences
    for k, view in enumerate(views):
        seen: set[tuple] = set()
        targets: list[Arg] = []
        sources: list[Arg] = []
        for coded in code_sentence(view, verbs, discourse, views[k + 1 : k + 3]):
            targets.extend(coded.targets)
            sources.extend(coded.sources)
            if not coded.emitted:
                continue
            is_lead = lead is not None and doc.sentences[view.index].paragraph == lead
            for event in _events_of(coded, doc, view.index, is_lead):
                key = _dyad_key(event.code, *_pick(coded, event), event.symmetric)
                if key in seen or (key in told and claimed_about(view, coded.match)):
                    continue  # "pertemuan itu akan merusak hubungan": a told act as the topic of a claim
                seen.add(key)
                events.append(event)
            if coded.sources and coded.match.pattern.role != "accused":
                discourse.topic = coded.sources[:1]
                discourse.topic_sentence = view.index
        told |= seen
        if targets or sources:
            discourse.targets, discourse.sources = targets, sources
        # the actors of the last sentences, the latest first: what "keduanya" can stand for
        discourse.actors = ([view.arg(r) for r in view.mentions if r.actor] + discourse.actors)[:12]
    for n, event in enumerate(events, 1):
        event.id = f"v{n}"
        if tables is not None:
            from ..cameo import enrich_event

            enrich_event(event, tables)
        else:
            event.root_code, event.base_code = event.code[:2], event.code[:3]
    doc.events = events
    return doc


def _pick(coded: Coded, event: Event) -> tuple[Arg | None, Arg | None]:
    source = next((a for a in coded.sources if a.actor == event.source), None)
    target = next((a for a in coded.targets if a.actor == event.target), None)
    return source, target
