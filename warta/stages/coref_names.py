"""Grouping name mentions into clusters (the first half of the coref stage)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..doc import Document, Mention
from ..lang.gazetteer import normalize

_PAREN = re.compile(r"\s*\(([^()]{1,40})\)\s*")
_ABBREV = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,11}$")


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # case-folded forms that name it
    key: str | None = None  # gazetteer key
    types: Counter = field(default_factory=Counter)
    key_type: str | None = None
    key_name: str | None = None  # a known person's full name ("Vladimir Putin" for "Putin")

    def add(self, mention: Mention, surface: str, key: str | None, key_type: str | None,
            key_name: str | None = None) -> None:
        self.mentions.append(mention)
        self.surfaces.append(surface)
        self.aliases.add(surface.casefold())
        self.aliases.update(a.casefold() for a in derived_aliases(surface))
        self.types[mention.type] += 1
        if key and not self.key:
            self.key, self.key_type = key, key_type
            self.key_name = key_name if key_type == "PER" and key_name and " " in key_name else None

    def type(self) -> str:
        if self.key_type:
            return self.key_type
        return self.types.most_common(1)[0][0]

    def name(self, doc: Document) -> str:
        """The fullest form: the longest name mention, brackets removed."""
        names = [s for m, s in zip(self.mentions, self.surfaces) if m.kind == "name"] or self.surfaces
        best = max(names, key=lambda s: (len(_PAREN.sub(" ", s).split()), len(s)))
        return " ".join(_PAREN.sub(" ", best).split())

    def person_words(self) -> list[list[str]]:
        forms = [s for s in self.surfaces if " " in s] + ([self.key_name] if self.key_name else [])
        return [s.casefold().split() for s in forms]


def derived_aliases(surface: str) -> list[str]:
    """Other forms a bracketed abbreviation implies: "Dewan Keamanan (DK) PBB" gives
    "Dewan Keamanan PBB", "DK PBB", "DK", "Dewan Keamanan"."""
    match = _PAREN.search(surface)
    if not match or not _ABBREV.match(match.group(1)):
        return []
    head, abbr, tail = surface[: match.start()].strip(), match.group(1), surface[match.end() :].strip()
    forms = [f"{head} {tail}".strip(), abbr, head]
    if tail:
        forms.append(f"{abbr} {tail}")
    return forms


def cluster_names(doc: Document, mentions: list[Mention], gazetteer) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_alias: dict[str, Cluster] = {}
    by_key: dict[str, Cluster] = {}
    for mention in mentions:
        surface = normalize(doc.span(mention.start, mention.end))
        if not surface:
            continue
        entry = gazetteer.lookup(surface)
        if entry is None and mention.type == "PER":
            entry = gazetteer.lookup_person(surface) if " " in surface else None
        key = entry.key if entry is not None and _type_ok(entry, mention.type) else None
        target = (by_key.get(key) if key else None) or by_alias.get(surface.casefold())
        if target is None:
            target = _bracket_owner(doc, mention, clusters)
        if target is None:
            target = _partial_owner(surface, mention, clusters, gazetteer)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.add(mention, surface, key, entry.type if key and entry is not None else None,
                   entry.name if key and entry is not None else None)
        if key:
            by_key.setdefault(key, target)
        for alias in target.aliases:
            by_alias.setdefault(alias, target)
    return _merge_late(clusters, gazetteer)


def _type_ok(entry, mention_type: str) -> bool:
    # NER often calls a country ORG or LOC, or an outlet PER: the gazetteer decides, except that
    # a known person stays a person and a town that is also a word may be someone's name
    if entry.type == mention_type:
        return True
    if entry.type == "PER":
        return False
    return mention_type != "PER" or not entry.ambiguous


def _bracket_owner(doc: Document, mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """An abbreviation in brackets, or after "atau", right after a name of the same type names it
    too: "Korps Garda Revolusi Iran (IRGC)", "Misi ... di Afghanistan atau UNAMA"."""
    lead = doc.text[: mention.start].rstrip()  # the text before the abbreviation
    if lead.endswith("(") and doc.text[mention.end : mention.end + 2].lstrip().startswith(")"):
        gap_end = len(lead) - 1  # where the bracket opens
    elif lead.endswith(" atau") and _ABBREV.match(doc.span(mention.start, mention.end)):
        gap_end = len(lead) - len(" atau")
    else:
        return None
    for cluster in reversed(clusters):
        last = max(cluster.mentions, key=lambda m: m.end)
        if 0 <= gap_end - last.end <= 2 and cluster.type() == mention.type and (
                cluster.type() != "PER" or " " not in doc.span(mention.start, mention.end).strip()):
            return cluster  # a person's bracketed one-word name is a nickname: "Bambang Soesatyo (Bamsoet)"
    return None


def _partial_owner(surface: str, mention: Mention, clusters: list[Cluster], gazetteer) -> Cluster | None:
    words = surface.casefold().split()
    for cluster in reversed(clusters):  # the most recent referent wins
        if mention.type == "PER" and cluster.type() == "PER":
            if any(_sublist(words, full) for full in cluster.person_words() if len(full) > len(words)):
                return cluster
            if words and any(_hyphen_part(words, full) for full in cluster.person_words()):
                return cluster
        elif mention.type == "ORG" and cluster.type() == "ORG":
            head, _, rest = surface.rpartition(" ")
            if head and head.casefold() in cluster.aliases and _is_place(rest, gazetteer):
                return cluster  # "DPR AS" after "Dewan Perwakilan Rakyat (DPR) AS"
            for full in cluster.surfaces:
                rest = full[len(surface) :].strip()
                if full.casefold().startswith(surface.casefold() + " ") and _is_place(rest, gazetteer):
                    return cluster  # "Kementerian Pertahanan" ... "Kementerian Pertahanan Saudi"
        if (cluster.type() in ("GPE", "LOC") and (cluster.type() == mention.type or " " not in surface)
                and len(surface) >= 6
                and any(_one_edit(surface.casefold(), s.casefold()) for s in cluster.surfaces if len(s) >= 6)):
            return cluster  # "Yordaia" for "Yordania"
    return None


def _merge_late(clusters: list[Cluster], gazetteer) -> list[Cluster]:
    """A short form seen before the full one ("Trump" in the headline, "Donald Trump" below;
    "Kementerian Pertahanan" before "Kementerian Pertahanan Saudi")."""
    out: list[Cluster] = []
    for cluster in clusters:
        merged = False
        owners = []
        if cluster.type() == "PER" and not cluster.key and all(" " not in s for s in cluster.surfaces):
            word = cluster.surfaces[0].casefold()
            owners = [c for c in clusters if c is not cluster and c.type() == "PER"
                      and any(word in full for full in c.person_words())]
        elif cluster.type() == "ORG" and not cluster.key:
            short = cluster.surfaces[0]
            owners = [c for c in clusters if c is not cluster and c.type() == "ORG" and any(
                f.casefold().startswith(short.casefold() + " ") and _is_place(f[len(short) :].strip(), gazetteer)
                for f in c.surfaces)]
        if len(owners) == 1:
            owner = owners[0]
            for mention, surface in zip(cluster.mentions, cluster.surfaces):
                owner.add(mention, surface, None, None)
            owner.mentions.sort(key=lambda m: m.start)
            merged = True
        if not merged:
            out.append(cluster)
    return out


def _sublist(part: list[str], full: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _hyphen_part(words: list[str], full: list[str]) -> bool:
    # "Jean-Yves" of "Jean-Yves Le Drian" is already a token; "al-Maliki" of "Turki al-Maliki" too
    return len(words) == 1 and any(words[0] == w.rstrip(",") for w in full)


def _is_place(text: str, gazetteer) -> bool:
    entry = gazetteer.lookup(text) if text else None
    return entry is not None and entry.type in ("GPE", "LOC")


def _one_edit(a: str, b: str) -> bool:
    if a == b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return True
    return False
