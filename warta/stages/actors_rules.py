"""Helpers of the actors stage: codes for places and for organisations from their names."""

from __future__ import annotations

import re

from ..lang.gazetteer import REGION_CODES

_TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")
# Words before a region that make it a location, not an actor ("di Timur Tengah").
_LOCATIVE = frozenset({"di", "ke", "dari", "kawasan", "wilayah", "region", "benua", "seluruh", "sepanjang",
                       "antara", "perairan", "daratan"})
# Kinds of bodies many countries have under the same name (the Indonesian DPR, the US DPR).
_GENERIC = frozenset({"legislature", "government", "court", "police", "intelligence", "party"})
# Words after which a place is a destination or location, not the organisation's country.
_NOT_OWNER = frozenset({"di", "untuk", "ke", "bagi", "atas"})


def is_transnational(code: str | None) -> bool:
    return bool(code) and code.startswith(_TRANSNATIONAL)


def actor_level(code: str | None) -> str:
    """The side an actor code stands for: the whole code for an organisation or group
    (IGOWSTNAT), else its country (KORGOV -> KOR)."""
    code = code or ""
    return code if is_transnational(code) else code[:3]


def place_code(doc, index, entity, entry, gazetteer, suffixes: frozenset[str] = frozenset()) -> str | None:
    if entry is None:
        for mid in entity.mentions:
            m = index.by_id.get(mid)
            if m is not None and m.kind == "name":
                name = doc.span(m.start, m.end)
                entry = gazetteer.lookup(name)
                head, _, last = name.rpartition(" ")
                if entry is None and head and last.lower() in suffixes:
                    entry = gazetteer.lookup(head)  # "Jakarta Barat" lies where Jakarta does
                    if entry is not None and entry.type in ("GPE", "LOC"):
                        return entry.country or entry.actor
                if entry is not None and entry.type in ("GPE", "LOC"):
                    break
                entry = None
    if entry is None:
        return None
    if entry.lat is not None and entity.latitude is None:
        entity.latitude, entity.longitude = entry.lat, entry.lon
    if entity.type == "GPE" or entry.type == "GPE":
        return entry.country or entry.actor
    if entry.actor in REGION_CODES and not _acts(doc, index, entity):
        return None  # a region only named as a location ("ketegangan di Timur Tengah")
    return entry.actor


def _acts(doc, index, entity) -> bool:
    for mid in entity.mentions:
        m = index.by_id.get(mid)
        if m is None or m.kind != "name":
            continue
        before = doc.text[max(0, m.start - 40) : m.start].split()
        if not before or before[-1].casefold() not in _LOCATIVE:
            return True
    return False


def org_from_name(doc, index, entity, entry, gazetteer, titles) -> tuple[str | None, str | None]:
    """(code, role): code None when the country is not in the name and the gazetteer lacks it."""
    names = [entity.name] + [doc.span(m.start, m.end) for m in map(index.by_id.get, entity.mentions)
                             if m is not None and m.kind == "name"]
    role = None
    for name in names:
        role = titles.org_role(name)
        if role:
            break
    country, igo = None, None
    for name in names:
        country, igo = _owner_in_name(name, gazetteer, entry)
        if country or igo:
            break
    if not country and not igo and not is_transnational(entry.actor if entry else None):
        country = _country_after(doc, index, entity, gazetteer)
    if entry is not None and entry.actor:
        if country and not is_transnational(entry.actor) and entry.actor[:3] != country:
            return country + (role or entry.actor[3:6]), role  # "DPR AS" is not the Indonesian DPR
        return entry.actor, role
    if igo and (is_transnational(igo.actor) or not country or igo.feature not in _GENERIC):
        return igo.actor, role  # "Misi PBB ...", "Pasukan Quds IRGC Palestina"
    if igo and country:
        return country + (role or igo.actor[3:6]), role  # "Dewan Perwakilan Rakyat AS"
    if country:
        return country + (role or ""), role
    return None, role


_BRACKET = re.compile(r"\s*(\([^()]{1,15}\)\s*)?")


def _country_after(doc, index, entity, gazetteer) -> str | None:
    """A country named right after the organisation, when the name was found without it:
    "Dewan Perwakilan Rakyat (DPR) AS"."""
    for mid in entity.mentions:
        m = index.by_id.get(mid)
        if m is None or m.kind not in ("name", "abbreviation"):
            continue
        at = m.end + _BRACKET.match(doc.text, m.end).end() - m.end
        for other in index.mentions_in(at, at + 60):
            if other.start != at or other.entity == entity.id:
                continue
            found = gazetteer.lookup(doc.span(other.start, other.end))
            if found is not None and found.feature == "country":
                return found.country
    return None


def _owner_in_name(name: str, gazetteer, entry):
    """The country, or the known organisation (IGO or national body), a name carries:
    "Kementerian Luar Negeri Iran" -> (IRN, None); "Misi PBB" -> (None, IGOUNO)."""
    words = name.replace("(", " ").replace(")", " ").split()
    country, igo = None, None
    for i in range(len(words)):
        if i > 0 and words[i - 1].casefold() in _NOT_OWNER:
            break
        for n in range(min(4, len(words) - i), 0, -1):
            piece = " ".join(words[i : i + n])
            if n == len(words):
                continue  # the whole name is the entity itself
            found = gazetteer.lookup(piece) or _igo_acronym(piece, gazetteer)
            if found is None or found is entry:
                continue
            if found.type in ("GPE", "LOC") and found.country and country is None:
                country = found.country
            elif found.type == "ORG" and found.actor and igo is None:
                igo = found  # an IGO, or a known body the name belongs to ("Pasukan Quds IRGC")
            break
    return country, igo


def _igo_acronym(word: str, gazetteer):
    """An international body's acronym written like a word inside a longer name: "Asean" in
    "Asean Specialised Meteorological Centre" (the gazetteer matches acronyms only in capitals)."""
    if len(word) < 4 or not word.isalpha() or not word.istitle():
        return None
    found = gazetteer.lookup(word.upper())
    return found if found is not None and is_transnational(found.actor) else None
