"""Integrity checks for the gazetteer and titles data (used by scripts/check_lexicons.py and tests).

Every problem is one line naming the file and the entry, so a broken edit is easy to find.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..errors import ResourceError
from .gazetteer import ENTITY_TYPES, Gazetteer, load_gazetteer, normalize, valid_code
from .titles import load_titles


def check_gazetteer(gazetteer: Gazetteer) -> list[str]:
    problems: list[str] = []
    countries = {e.actor for e in gazetteer.entries.values() if e.feature == "country" and e.actor}
    aliases: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entry in gazetteer.entries.values():
        where = f"{entry.source}: {entry.key} ({entry.name})"
        if entry.type not in ENTITY_TYPES:
            problems.append(f"{where}: unknown type {entry.type!r}")
        if not valid_code(entry.actor, countries):
            problems.append(f"{where}: unknown actor code {entry.actor!r}")
        if entry.country and entry.country not in countries:
            problems.append(f"{where}: unknown country {entry.country!r}")
        if entry.lat is not None and not -90 <= entry.lat <= 90:
            problems.append(f"{where}: latitude {entry.lat} out of range")
        if entry.lon is not None and not -180 <= entry.lon <= 180:
            problems.append(f"{where}: longitude {entry.lon} out of range")
        if (entry.lat is None) != (entry.lon is None):
            problems.append(f"{where}: only one of latitude/longitude")
        if not normalize(entry.name):
            problems.append(f"{where}: empty name")
        for alias in (entry.name, *entry.aliases):
            aliases[normalize(alias)][_code_of(entry)].add(entry.key)
    for alias, codes in sorted(aliases.items()):
        if len(codes) > 1:
            listed = "; ".join(f"{code or '-'}: {', '.join(sorted(keys))}" for code, keys in sorted(codes.items(),
                               key=lambda kv: kv[0] or ""))
            problems.append(f"alias {alias!r} has conflicting codes ({listed})")
    for key, roles in gazetteer.people.items():
        for role in roles:
            for code in (role.actor, role.after):
                if not valid_code(code, countries):
                    problems.append(f"people.tsv: {key}: unknown actor code {code!r}")
            if role.start and role.end and role.end < role.start:
                problems.append(f"people.tsv: {key}: role ends before it starts")
    return problems


def _code_of(entry) -> str | None:
    """The code two entries sharing an alias must agree on: the country, or the whole
    transnational code (a city and its country agree; NATO and a NATO country do not)."""
    code = entry.actor or entry.country
    if code and code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return code
    return code[:3] if code else None


def check_all(data_dir: Path) -> list[str]:
    """All problems in the gazetteer folder and titles.yaml under ``data_dir``."""
    problems: list[str] = []
    try:
        problems += check_gazetteer(load_gazetteer(data_dir / "gazetteer"))
    except ResourceError as err:
        problems.append(str(err))
    try:
        load_titles(data_dir / "titles.yaml")
    except ResourceError as err:
        problems.append(str(err))
    return problems
