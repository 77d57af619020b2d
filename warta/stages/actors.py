"""CAMEO actor codes for entities, from what the text says about them.

Places take their country's code (a capital stands for its government, so "Washington" is USA).
Organisations: a known code from the gazetteer, else the name's head gives the role and a place
in the name the country ("Kementerian Pertahanan Korsel" -> KORMIL). People: the title phrase
("Presiden Korsel Yoon Suk Yeol" -> KORGOV, "Sekretaris Jenderal NATO Jens Stoltenberg" ->
IGOWSTNAT, "mantan ..." -> ELI; an activist's country from "Aktivis Hong Kong" elsewhere in the
text), then the dated people list, then the nearest country in the sentence (never an outlet's).
What is left takes the country the article is mostly about.
"""

from __future__ import annotations

from collections import Counter

from ..doc import Document, Entity
from ..lang.gazetteer import REGION_CODES
from .actors_rules import is_transnational, org_from_name, place_code
from .coref_rules import MentionIndex, title_context

# Roles of office holders: many people hold such a title in one country, so "Menteri Malaysia"
# elsewhere in the text says nothing about "Menteri Siti Nurbaya".
_OFFICE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})

NAME = "actors"
REQUIRES = {"entities"}
PROVIDES = {"actors"}


def run(doc: Document, res) -> Document:
    gazetteer = res.get("gazetteer")
    titles = res.get("titles")
    suffixes = res.get("place_rules").name_suffixes if "place_rules" in res.names() else frozenset()
    index = MentionIndex(doc)
    pending: dict[str, str] = {}  # entity id -> role waiting for a country
    for entity in doc.entities:
        entry = gazetteer.entries.get(entity.kb_id) if entity.kb_id else None
        if entity.type in ("GPE", "LOC"):
            code = place_code(doc, index, entity, entry, gazetteer, suffixes)
            _set(entity, code)
            role = titles.org_role(entity.name) if entry is None and entity.type == "LOC" else None
            if code is None and role:
                pending[entity.id] = role  # a building of an office: "Kantor Pemerintah Pusat"
            elif code is None and entity.type == "GPE" and entry is None:
                pending[entity.id] = ""  # a town or province no list knows: the country around it
        elif entity.type == "ORG":
            code, role = org_from_name(doc, index, entity, entry, gazetteer, titles)
            _set(entity, code)
            if code is None:
                pending[entity.id] = role or ""
    by_id = {e.id: e for e in doc.entities}
    for entity in doc.entities:
        if entity.type == "PER":
            code, role = _person(doc, index, entity, by_id, gazetteer, titles)
            _set(entity, code)
            if code is None:
                pending[entity.id] = role or ""
    home = _home_country(doc, by_id)
    for entity_id, role in pending.items():
        entity = by_id[entity_id]
        country = _nearest_country(doc, index, entity, by_id) or home
        if country:
            _set(entity, country + role)
    return doc


def _set(entity: Entity, code: str | None) -> None:
    entity.actor = code or None
    if code and not is_transnational(code) and code not in REGION_CODES:
        entity.country = code[:3]
        entity.role = code[3:6] or None
    elif code:
        entity.role = None


def _person(doc, index, entity, by_id, gazetteer, titles) -> tuple[str | None, str | None]:
    ctx = None
    for mid in entity.mentions:
        m = index.by_id.get(mid)
        if m is not None and m.kind == "name":
            found = title_context(index, m, titles)
            if found is not None and (ctx is None or (found.org or found.gpe) and not (ctx.org or ctx.gpe)):
                ctx = found
    role = None
    code = None
    if ctx is not None:
        entity.title = ctx.title.title
        title_role = ctx.title.role
        org = by_id.get(ctx.org) if ctx.org else None
        gpe = by_id.get(ctx.gpe) if ctx.gpe else None
        if org is not None and org.actor:
            if is_transnational(org.actor):
                code = org.actor
            else:
                org_role = org.actor[3:6]
                role = org_role if title_role == "org" else title_role
                code = org.actor[:3] + (role or "")
        elif gpe is not None and gpe.actor and not gpe.actor.startswith(tuple(REGION_CODES)):
            role = title_role if title_role != "org" else (ctx.title.fallback or "GOV")
            code = gpe.actor[:3] + role
        elif ctx.title.country:
            role = ctx.title.role
            code = ctx.title.country + role
        else:
            role = title_role if title_role != "org" else ctx.title.fallback
            country = (_title_country(doc, index, entity, ctx.title, by_id, titles)
                       if role and role not in _OFFICE_ROLES else None)
            if country:
                code = country + role
        if ctx.former and code and not is_transnational(code):
            code, role = code[:3] + "ELI", "ELI"
        elif ctx.former:
            role = "ELI"
    if code is None:
        known = None
        for surface in [entity.name] + [doc.span(m.start, m.end) for m in map(index.by_id.get, entity.mentions)
                                        if m is not None and m.kind == "name"]:
            known = gazetteer.lookup_person(surface)
            if known is not None:
                break
        if known is not None:
            code = gazetteer.person_actor(known.key, doc.published)
            entity.kb_id = entity.kb_id or known.key
    return code, role


def _title_country(doc, index, entity, title, by_id, titles) -> str | None:
    """The country the text gives the person's kind elsewhere: "Aktivis Hong Kong" in the headline
    for "aktivis Joshua Wong" below. None when the phrase names another person or countries differ."""
    found = set()
    n = len(index.words)
    for i in range(n):
        match = titles.match_words(index.words[i : i + titles.max_words])
        if match is None or match[0].title != title.title or i + match[1] >= n:
            continue
        at = index.starts[i + match[1]]
        place = next((m for m in index.mentions_in(at, at + 80) if m.start == at), None)
        owner = by_id.get(place.entity) if place is not None and place.entity else None
        if owner is None or owner.type != "GPE" or not owner.actor or is_transnational(owner.actor):
            continue
        after = index.mentions_in(place.end, place.end + 6)
        if any(m.type == "PER" and m.entity != entity.id for m in after):
            continue  # "Aktivis Hong Kong Agnes Chow": someone else's title
        found.add(owner.actor[:3])
    return found.pop() if len(found) == 1 else None


def _nearest_country(doc, index, entity, by_id) -> str | None:
    """The country of the closest coded mention in the same sentence as the entity's first mention."""
    for mid in entity.mentions:
        m = index.by_id.get(mid)
        if m is None:
            continue
        sentence = index.sentence_of(m.start)
        if sentence is None:
            continue
        s = doc.sentences[sentence]
        best = None
        for other in index.mentions_in(s.start, s.end):
            if other.entity in (None, entity.id):
                continue
            owner = by_id.get(other.entity)
            code = owner.actor if owner is not None else None
            if not code or is_transnational(code) or code in REGION_CODES:
                continue
            if code[3:6] == "MED":
                continue  # an outlet's country says nothing about the people it quotes
            if entity.type == "ORG" and doc.text[max(0, other.start - 4) : other.start].split()[-1:] == ["di"]:
                continue  # "penolakan Partai Sosial Demokrat ... perang di Yaman": where, not whose
            distance = abs(other.start - m.start)
            if best is None or distance < best[0]:
                best = (distance, code[:3])
        if best:
            return best[1]
    return None


def _home_country(doc, by_id) -> str | None:
    """The country named most often in the story; in a story that names no country (domestic news:
    "KPK", "PKB"), the country of most coded organisations and people."""
    for types in (("GPE",), ("ORG", "PER")):
        counts: Counter = Counter()
        for entity in by_id.values():
            if entity.type in types and entity.actor and not is_transnational(entity.actor) \
                    and entity.actor not in REGION_CODES and entity.actor[3:6] != "MED":
                counts[entity.actor[:3]] += len(entity.mentions)
        if counts:
            return counts.most_common(1)[0][0]
    return None
