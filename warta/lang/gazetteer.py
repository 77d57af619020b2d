"""Gazetteer: known countries, cities, regions, organisations and people, and a matcher over a Document.

The data lives in warta/lang/id/gazetteer/: generated tables (countries.tsv, cities.tsv, built by
scripts/build_gazetteer.py) and hand-kept files (country_aliases.yaml, city_aliases.yaml,
province_aliases.yaml, regions.yaml, organizations.yaml, people.tsv) merged at load time.
Load it with ``res.get("gazetteer")``.

Matching is case-aware ("AS" matches only in capitals, "Kota" or "Yang" never), aligned to
``doc.tokens`` and longest-first.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError

ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
# CAMEO roles accepted after a country code.
ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "BUS", "MED", "CVL", "ELI",
                   "EDU", "HLH", "REL", "LAB", "REF", "PTY", "NGO", "IGO", "AGR", "ENV", "HRI", "INS",
                   "MOD", "RAD", "UAF", "CRM", "DEV", "SEP"})
# CAMEO region codes used for regions as actors.
REGION_CODES = frozenset({"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
                          "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF",
                          "WAF", "WST"})
_TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")
_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
# Load order is match priority when two entries share an alias.
_FEATURE_PRIORITY = ("country", "igo", "ngo", "armed_group", "military", "police", "intelligence",
                     "government", "legislature", "court", "party", "company", "media", "building",
                     "region", "province", "city", "person")
# Lower-case particles inside Arabic names: a place right before one is a person's first name.
_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|an|ar|as|asy|az|ash)-[A-Z]")
_PARTICLES = frozenset({"bin", "binti", "bint", "ibn"})
_ACRONYM = re.compile(r"^[A-Z0-9.&-]+$|^[A-Za-z]*[a-z][A-Z]")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    key: str
    name: str
    type: str
    actor: str | None
    country: str | None
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    is_capital: bool = False
    feature: str = ""
    government: bool = False  # a seat of government whose name stands for it ("Washington")
    ambiguous: bool = False  # also an ordinary Indonesian word ("Batu", "Medan")
    source: str = ""


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int  # char offsets into doc.text
    end: int
    type: str
    key: str
    actor: str | None
    country: str | None
    sentence: int | None = None  # index in doc.sentences; None in the dateline or credits
    token_start: int = -1  # token range in doc.tokens; -1 where the text has no tokens
    token_end: int = -1


@dataclass(frozen=True, slots=True)
class PersonRole:
    actor: str
    start: str  # ISO date or ""
    end: str
    after: str


@dataclass(slots=True)
class _Alias:
    alias: str
    key: str
    rank: int


def normalize(surface: str) -> str:
    """One form for lookup: unified dashes/apostrophes, single spaces, case kept."""
    return " ".join(surface.translate(_DASHES).split())


def case_ok(surface: str, alias: str) -> bool:
    """Does ``surface`` (same letters as ``alias`` ignoring case) count as that alias?"""
    if surface == alias:
        return True
    if _ACRONYM.search(alias.replace(" ", "")) and " " not in alias:
        return False  # acronyms ("AS", "PBB", "NasDem") only in their own case
    if alias[:1].islower() and surface[:1].isupper() and surface[1:] == alias[1:]:
        return True  # "al-Qaeda" opening a sentence
    if surface.isupper() and len(alias) >= 4:
        return True  # headline in capitals
    if " " in alias and surface[:1].isupper():
        # "Dewan keamanan PBB": words may differ in case, acronym words may not
        for got, want in zip(surface.split(" "), alias.split(" ")):
            if got != want and (want.isupper() or got.isupper()):
                return False
        return True
    return False


def valid_code(code: str | None, countries: Iterable[str] = ()) -> bool:
    if not code:
        return True
    if not _CODE.match(code):
        return False
    if code.startswith(_TRANSNATIONAL):
        return True
    if code in REGION_CODES:
        return True
    if code[:3] not in set(countries):
        return False
    rest = code[3:]
    return all(rest[i : i + 3] in ROLES for i in range(0, len(rest), 3))


class Gazetteer:
    """All entries, an alias index for case-aware lookup, and the token matcher."""

    def __init__(self, entries: Iterable[GazetteerEntry], people: dict[str, list[PersonRole]] | None = None,
                 hidden_aliases: dict[str, str] | None = None, max_tokens: int = 8):
        self.entries: dict[str, GazetteerEntry] = {}
        self._index: dict[str, list[_Alias]] = {}
        self._first: set[str] = set()
        self.people = people or {}
        self.max_tokens = max_tokens
        for entry in entries:
            self.add(entry)
        # surnames and nicknames of known people: only resolve a name already found in the text
        self._hidden = {normalize(k).casefold(): v for k, v in (hidden_aliases or {}).items()}

    def add(self, entry: GazetteerEntry) -> None:
        if entry.key in self.entries:
            raise ResourceError(f"gazetteer: duplicate key {entry.key}")
        self.entries[entry.key] = entry
        rank = _FEATURE_PRIORITY.index(entry.feature) if entry.feature in _FEATURE_PRIORITY else 99
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            norm = normalize(alias)
            if not norm:
                continue
            folded = norm.casefold()
            bucket = self._index.setdefault(folded, [])
            bucket.append(_Alias(norm, entry.key, rank))
            bucket.sort(key=lambda a: a.rank)
            self._first.add(folded.split(" ")[0])
            self._first.add(_first_run(folded))

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, surface: str) -> list[GazetteerEntry]:
        """Entries whose alias matches ``surface`` under the case rules, best first."""
        norm = normalize(surface)
        bucket = self._index.get(norm.casefold(), ())
        return [self.entries[a.key] for a in bucket if case_ok(norm, a.alias)]

    def lookup(self, surface: str) -> GazetteerEntry | None:
        found = self.candidates(surface)
        return found[0] if found else None

    def lookup_person(self, surface: str) -> GazetteerEntry | None:
        """A known person by full name, alias, or a surname that only resolves names in the text."""
        entry = self.lookup(surface)
        if entry is not None and entry.type == "PER":
            return entry
        key = self._hidden.get(normalize(surface).casefold())
        return self.entries.get(key) if key else None

    def person_actor(self, key: str, date: str | None) -> str | None:
        """The actor code of a known person at ``date`` (ISO); None when unknown."""
        roles = self.people.get(key)
        if not roles:
            return None
        if not date:
            return roles[-1].actor
        day = date[:10]
        for role in roles:
            if (not role.start or role.start <= day) and (not role.end or day < role.end):
                return role.actor
        ended = [r for r in roles if r.end and r.end <= day]
        if ended:
            return max(ended, key=lambda r: r.end).after or None
        return None  # before every known role

    # ---- matching ----------------------------------------------------------------------------
    def find(self, doc: Any, kinds: tuple[str, ...] = ("headline", "body"), dateline: bool = True
             ) -> list[GazetteerMatch]:
        """Gazetteer names in the story sentences (and the dateline), longest match first."""
        matches: list[GazetteerMatch] = []
        for words, sentence, first_token in _segments(doc, kinds, dateline):
            matches.extend(self._find_words(doc.text, words, sentence, first_token))
        return matches

    def _find_words(self, text: str, words: list[tuple[int, int]], sentence: int | None,
                    first_token: int | None) -> Iterator[GazetteerMatch]:
        i, n = 0, len(words)
        while i < n:
            word = text[words[i][0] : words[i][1]].casefold()
            if word not in self._first and _first_run(word) not in self._first:
                i += 1
                continue
            hit = None
            for j in range(min(n, i + self.max_tokens), i, -1):
                surface = text[words[i][0] : words[j - 1][1]]
                if "\n" in surface:
                    continue
                for entry in self.candidates(surface):
                    if entry.ambiguous and not _ambiguous_ok(text, words, i, j):
                        continue
                    if entry.type in ("GPE", "LOC") and _name_particle_follows(text, words, j):
                        continue  # "Turki al-Maliki", "Hamad bin Isa": a person's first name
                    # token indices are -1 for text the tokenizer did not cover (dateline, credits)
                    ts, te = (first_token + i, first_token + j) if first_token is not None else (-1, -1)
                    hit = GazetteerMatch(words[i][0], words[j - 1][1], entry.type, entry.key, entry.actor,
                                         entry.country, sentence, ts, te)
                    break
                if hit:
                    break
            if hit:
                yield hit
                i = j
            else:
                i += 1


def _first_run(word: str) -> str:
    run = re.match(r"[^\W_]+", word)
    return run.group(0) if run else word


def is_title_case(words: Sequence[str]) -> bool:
    """A headline Written Like This: most words longer than two letters start with a capital."""
    alpha = [w for w in words if len(w) > 2 and w[:1].isalpha()]
    return len(alpha) >= 4 and sum(w[:1].isupper() for w in alpha) >= 0.7 * len(alpha)


def _ambiguous_ok(text: str, words: list[tuple[int, int]], i: int, j: int) -> bool:
    """A place name that is also a common word ("Batu", "Surat") must not open the sentence and
    must not run into a following capitalised word (then it is part of a longer name)."""
    if i == 0 or is_title_case([text[s:e] for s, e in words]):
        return False  # in a headline Like This every word is capitalised, "Kirim Surat" too
    return j >= len(words) or not text[words[j][0] : words[j][1]][:1].isupper()


def _name_particle_follows(text: str, words: list[tuple[int, int]], j: int) -> bool:
    """Is the word after a place match a lower-case Arabic name particle ("al-Maliki", "bin Salman")?"""
    if j >= len(words):
        return False
    word = text[words[j][0] : words[j][1]]
    if _PARTICLE_NAME.match(word):
        return True
    return word in _PARTICLES and j + 1 < len(words) and text[words[j + 1][0] : words[j + 1][1]][:1].isupper()


def _segments(doc: Any, kinds: tuple[str, ...], dateline: bool
              ) -> Iterator[tuple[list[tuple[int, int]], int | None, int | None]]:
    """Word spans to search, per sentence of the story; then the dateline and paragraphs of
    ``kinds`` without sentences (e.g. credits), split into words when no tokens cover them."""
    paragraphs, tokens = doc.paragraphs, doc.tokens
    covered = set()
    for index, sentence in enumerate(doc.sentences):
        kind = paragraphs[sentence.paragraph].kind if sentence.paragraph < len(paragraphs) else "body"
        if kind in kinds:
            covered.add(sentence.paragraph)
            words = [(t.start, t.end) for t in tokens[sentence.token_start : sentence.token_end]]
            if not words and sentence.end > sentence.start:  # a hand-built document without tokens
                words = _split_words(doc.text, sentence.start, sentence.end)
            yield words, index, sentence.token_start if tokens else None
    spans = []
    if dateline and doc.metadata.dateline_span:
        spans.append(tuple(doc.metadata.dateline_span))
    spans += [(p.start, p.end) for n, p in enumerate(paragraphs) if p.kind in kinds and n not in covered]
    starts = [t.start for t in tokens]
    for start, end in spans:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if lo < hi:
            yield [(t.start, t.end) for t in tokens[lo:hi]], None, lo
        else:
            yield _split_words(doc.text, start, end), None, None


def _split_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


# ---- loading ----------------------------------------------------------------------------------
def load_gazetteer(folder: Path) -> Gazetteer:
    """Read every gazetteer file in ``folder`` into one Gazetteer."""
    entries: list[GazetteerEntry] = []
    try:
        country_extra = _yaml(folder / "country_aliases.yaml")
        for row in _tsv(folder / "countries.tsv"):
            extra = country_extra.get(row["actor"], {}).get("aliases", [])
            names = list(dict.fromkeys([*extra, row["name"], *_split(row["aliases"])]))
            entries.append(_entry(row, name=names[0], aliases=tuple(names[1:]), source="countries.tsv"))
        entries += _organizations(_yaml(folder / "organizations.yaml"))
        entries += _regions(_yaml(folder / "regions.yaml"))
        entries += _cities(folder)
        people, hidden, person_entries = _people(folder / "people.tsv")
        entries += person_entries
    except (OSError, yaml.YAMLError, KeyError, ValueError, TypeError) as err:
        raise ResourceError(f"gazetteer: cannot load {folder}: {err}") from err
    return Gazetteer(entries, people, hidden)


def _cities(folder: Path) -> list[GazetteerEntry]:
    hand = _yaml(folder / "city_aliases.yaml")
    provinces = _yaml(folder / "province_aliases.yaml")
    out, seen = [], set()
    for row in _tsv(folder / "cities.tsv"):
        ref = f"{row['country']}/{row['name']}"
        extra = hand.get(ref, {})
        if row["feature"] == "province":
            extra = {"aliases": provinces.get(row["key"].split(":", 1)[1], [])}
        seen.add(ref)
        names = list(dict.fromkeys([*extra.get("aliases", []), row["name"]]))
        out.append(_entry(row, name=names[0], aliases=tuple(names[1:]), government=bool(extra.get("government")),
                          source="cities.tsv"))
    for ref, extra in hand.items():  # hand-kept cities missing from geonames
        if ref not in seen:
            country, _, english = ref.partition("/")
            names = list(dict.fromkeys(extra.get("aliases", []) or [english]))
            out.append(GazetteerEntry(f"city:{country}/{english}", names[0], "GPE", country, country,
                                      tuple(names[1:]), feature="city",
                                      government=bool(extra.get("government")), source="city_aliases.yaml"))
    return out


def _organizations(data: dict) -> list[GazetteerEntry]:
    out = []
    for feature, rows in data.items():
        for row in rows:
            actor = row.get("actor")
            country = actor[:3] if actor and not actor.startswith(_TRANSNATIONAL) else None
            out.append(GazetteerEntry(f"{feature}:{_slug(row['name'])}", row["name"],
                                      "LOC" if feature == "building" else row.get("type", "ORG"), actor,
                                      country, tuple(row.get("aliases") or ()), feature=feature,
                                      source="organizations.yaml"))
    return out


def _regions(rows: list) -> list[GazetteerEntry]:
    return [GazetteerEntry(f"region:{_slug(r['name'])}", r["name"], "LOC", r.get("actor"), None,
                           tuple(r.get("aliases") or ()), feature="region", source="regions.yaml")
            for r in rows]


def _people(path: Path) -> tuple[dict[str, list[PersonRole]], dict[str, str], list[GazetteerEntry]]:
    roles: dict[str, list[PersonRole]] = {}
    hidden: dict[str, str] = {}
    entries: dict[str, GazetteerEntry] = {}
    for row in _tsv(path):
        key = f"person:{_slug(row['name'])}"
        aliases = _split(row["aliases"])
        shown = tuple(a for a in aliases if not a.startswith("~"))
        for alias in aliases:
            hidden[alias.lstrip("~")] = key
        roles.setdefault(key, []).append(PersonRole(row["actor"], row["from"], row["to"], row["after"] or ""))
        actor = row["actor"]
        if key not in entries:
            country = None if actor.startswith(_TRANSNATIONAL) else actor[:3]
            entries[key] = GazetteerEntry(key, row["name"], "PER", actor, country, shown, feature="person",
                                          source="people.tsv")
    for dated in roles.values():
        dated.sort(key=lambda r: r.start)
    return roles, hidden, list(entries.values())


def _entry(row: dict[str, str], **overrides: Any) -> GazetteerEntry:
    values: dict[str, Any] = {
        "key": row["key"], "name": row["name"], "type": row["type"], "actor": row["actor"] or None,
        "country": row["country"] or None, "aliases": tuple(_split(row["aliases"])),
        "lat": float(row["lat"]) if row["lat"] else None, "lon": float(row["lon"]) if row["lon"] else None,
        "is_capital": row["capital"] == "1", "feature": row["feature"], "ambiguous": row["ambiguous"] == "1",
    }
    values.update(overrides)
    return GazetteerEntry(**values)


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader) or {}


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")
