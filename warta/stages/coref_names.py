"""Grouping name mentions into clusters (the first half of the coref stage)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..doc import Document, Mention
from ..lang.gazetteer import normalize

_PAREN = re.compile(r"\s*\(([^()]{1,40})\)\s*")
_ABBREV = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,11}$")
_WORDS = re.compile(r"\S+")
_GOVERNMENT = "Pemerintah "
_PLACE_TAIL = re.compile(r"\s+(?:di|untuk)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s*")
_RANK_ROLES = frozenset({"MIL", "COP"})
_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|asy|az|ash)-")


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
        names = [s for s in names if not s.startswith(_GOVERNMENT)] or names  # "Jerman", not "Pemerintah Jerman"
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


def trim_titles(doc: Document, mentions: list[Mention], titles) -> None:
    """A rank or a several-word title the NER left on a person's name is no part of it:
    "Brigadir Yahya Saree", "Putra Mahkota Mohammed bin Salman". One-word civil titles stay
    ("Raja Abdullah II" is how the king is named)."""
    for mention in mentions:
        if mention.type != "PER" or mention.kind != "name":
            continue
        pieces = list(_WORDS.finditer(doc.span(mention.start, mention.end)))
        found = titles.match_words([p.group(0) for p in pieces])
        if not found:
            continue
        title, n = found
        rest = pieces[n:]
        if len(rest) >= 2 and rest[0].group(0)[:1].isupper() and (n > 1 or title.role in _RANK_ROLES):
            mention.start += rest[0].start()


def cluster_names(doc: Document, mentions: list[Mention], gazetteer) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_alias: dict[str, Cluster] = {}
    by_key: dict[str, Cluster] = {}
    for mention in mentions:
        surface = normalize(doc.span(mention.start, mention.end))
        if not surface:
            continue
        entry = gazetteer.lookup(surface) or _government_of(surface, mention, gazetteer)
        if entry is None and mention.type == "PER":
            entry = gazetteer.lookup_person(surface) if " " in surface else None
        key = entry.key if entry is not None and _type_ok(entry, mention.type) else None
        target = (by_key.get(key) if key else None) or by_alias.get(surface.casefold())
        if target is None:
            target = _bracket_owner(doc, mention, clusters)
        if target is None:
            target = _partial_owner(surface, mention, clusters, gazetteer)
        if target is None and not key:
            target = _variant_owner(surface, mention, clusters, gazetteer)
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


def _government_of(surface: str, mention: Mention, gazetteer):
    """The country entry for "Pemerintah Jerman": a government named so is the country acting."""
    if mention.type != "ORG" or not surface.startswith(_GOVERNMENT):
        return None
    entry = gazetteer.lookup(surface[len(_GOVERNMENT) :])
    return entry if entry is not None and entry.feature == "country" else None


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
        if (mention.type == "ORG" and cluster.type() == "ORG" and last.end < gap_end
                and _PLACE_TAIL.fullmatch(doc.text, last.end, gap_end)):
            return cluster  # "Misi PBB di Afghanistan atau UNAMA": the place is part of the name
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
            if len(words) >= 2 and any(len(full) > len(words) and words[0] == full[0] and words[-1] == full[-1]
                                       and _subsequence(words, full) for full in cluster.person_words()):
                return cluster  # "Eni Saragih" for "Eni Maulani Saragih"
        elif mention.type == "ORG" and cluster.type() == "ORG":
            head, _, rest = surface.rpartition(" ")
            if head and head.casefold() in cluster.aliases and _is_place(rest, gazetteer):
                return cluster  # "DPR AS" after "Dewan Perwakilan Rakyat (DPR) AS"
            if _same_head_place(surface, cluster.surfaces, gazetteer):
                return cluster  # "Kementerian Pertahanan Saudi" ... "Kementerian Pertahanan Arab Saudi"
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
        if not owners and cluster.type() in ("PER", "ORG") and not cluster.key:
            # a misspelling seen before the right form ("Mike Pompoe" in the lead, "Mike Pompeo" below)
            words = cluster.surfaces[0].casefold().split()
            owners = [c for c in clusters if c is not cluster and c.type() == cluster.type()
                      and c.mentions[0].start > cluster.mentions[0].start
                      and any(_variant_of(words, f, cluster.type()) for f in _forms(c, gazetteer))]
        if not owners and not cluster.key and len(cluster.surfaces[0]) >= 6 and " " not in cluster.surfaces[0]:
            # "pemimpin Yordaia" before "Yordania": a misspelt place the NER took for a name
            word = cluster.surfaces[0].casefold()
            owners = [c for c in clusters if c is not cluster and c.type() in ("GPE", "LOC")
                      and c.mentions[0].start > cluster.mentions[0].start
                      and any(len(f) >= 6 and _one_edit(word, f.casefold()) for f in c.surfaces)]
        if len(owners) == 1:
            owner = owners[0]
            for mention, surface in zip(cluster.mentions, cluster.surfaces):
                owner.add(mention, surface, None, None)
            owner.mentions.sort(key=lambda m: m.start)
            merged = True
        if not merged:
            out.append(cluster)
    return out


def _same_head_place(surface: str, others: list[str], gazetteer) -> bool:
    """Two organisation names with the same head and two names of one country after it."""
    mine = _head_place(surface, gazetteer)
    return mine is not None and any(_head_place(o, gazetteer) == mine for o in others)


def _head_place(name: str, gazetteer) -> tuple[str, str] | None:
    words = name.split()
    for k in range(1, len(words)):
        entry = gazetteer.lookup(" ".join(words[k:]))
        if entry is not None and entry.type == "GPE" and entry.country:
            return " ".join(words[:k]).casefold(), entry.country
    return None


def _sublist(part: list[str], full: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _hyphen_part(words: list[str], full: list[str]) -> bool:
    # "Jean-Yves" of "Jean-Yves Le Drian" is already a token; "al-Maliki" of "Turki al-Maliki" too,
    # and "Maliki" without its particle
    return len(words) == 1 and any(words[0] in (w.rstrip(","), _PARTICLE.sub("", w.rstrip(","))) for w in full)


def _variant_owner(surface: str, mention: Mention, clusters: list[Cluster], gazetteer) -> Cluster | None:
    """A spelling variant of a person or organisation named before: "Syarief" for "Laode Muhammad
    Syarif", "Mike Pompoe" for "Mike Pompeo", "Asean Specialized Meteorological Center" for
    "... Specialised ... Centre", "Komisi Pemberantasan Tindak Pidana Korupsi" for "KPK" (Komisi
    Pemberantasan Korupsi). Only when exactly one earlier entity fits."""
    if mention.type not in ("PER", "ORG"):
        return None
    words = surface.casefold().split()
    fits = []
    for cluster in clusters:
        if cluster.type() != mention.type:
            continue
        if any(_variant_of(words, full, mention.type) for full in _forms(cluster, gazetteer)):
            fits.append(cluster)
    return fits[0] if len(fits) == 1 else None


def _forms(cluster: Cluster, gazetteer=None) -> list[list[str]]:
    if cluster.type() == "PER":
        return cluster.person_words()
    names = list(cluster.surfaces)
    entry = gazetteer.entries.get(cluster.key) if gazetteer is not None and cluster.key else None
    if entry is not None:
        names += [entry.name, *entry.aliases]  # "KPK" stands for "Komisi Pemberantasan Korupsi"
    return [s.casefold().split() for s in names]


def _variant_of(words: list[str], full: list[str], type_: str) -> bool:
    if type_ == "PER" and len(words) == 1 and len(full) > 1:
        return len(words[0]) >= 5 and any(len(w) >= 5 and _near(words[0], w) for w in full[1:])
    if type_ == "ORG" and len(full) >= 3 and 0 < len(words) - len(full) <= 2:
        return words[0] == full[0] and words[-1] == full[-1] and _subsequence(full, words)
    if len(words) != len(full) or len(words) < 2:
        return False
    differ = [(a, b) for a, b in zip(words, full) if a != b]
    limit = 2 if len(words) >= 3 else 1
    return 0 < len(differ) <= limit and all(len(a) >= 4 and _near(a, b) for a, b in differ)


def _subsequence(part: list[str], full: list[str]) -> bool:
    rest = iter(full)
    return all(word in rest for word in part)


def _near(a: str, b: str) -> bool:
    """One edit apart, a swap of neighbouring letters counting as one ("Pompoe", "Centre")."""
    if _one_edit(a, b):
        return True
    if len(a) != len(b) or a[0] != b[0]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


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
