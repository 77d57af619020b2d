"""CAMEO lookups: event code -> name, root, base, QuadClass, Goldstein, PLOVER; actor codes.

The tables are compiled from public CAMEO/GDELT/PLOVER files by scripts/build_cameo_tables.py
and shipped in warta/lang/id/cameo/ (see CARD.md there). Load them with ``res.get("cameo")``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ResourceError

EVENTCODES_FILE = "cameo/eventcodes.tsv"
ACTORS_FILE = "cameo/actors.tsv"

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# Prefixes of CAMEO actor codes that name an organisation or group rather than a country.
ORGANISATION_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

_EVENT_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    root: str
    base: str
    quad_class: int
    goldstein: float
    plover_type: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None


class CameoTables:
    """CAMEO event codes and actor codes, read from the compiled TSV tables."""

    def __init__(self, codes: dict[str, CodeInfo], actors: dict[str, tuple[str, str]] | None = None):
        self.codes = codes
        # code -> (kind, name); kind is country, region, role (keyed "~GOV") or organisation
        self.actors = actors or {}

    @classmethod
    def load(cls, eventcodes: Path, actors: Path | None = None) -> CameoTables:
        codes: dict[str, CodeInfo] = {}
        for line_no, row in _read_tsv(eventcodes):
            try:
                info = CodeInfo(
                    code=row["code"],
                    name=row["name"],
                    root=row["root"],
                    base=row["base"] or row["code"],
                    quad_class=int(row["quad_class"]),
                    goldstein=float(row["goldstein"]),
                    plover_type=row.get("plover_type") or None,
                    plover_mode=row.get("plover_mode") or None,
                    plover_context=row.get("plover_context") or None,
                )
            except (KeyError, ValueError) as err:
                raise ResourceError(f"{eventcodes.name} line {line_no}: bad row ({err})") from None
            if (
                not _EVENT_CODE.match(info.code)
                or info.root != info.code[:2]
                or info.quad_class not in QUAD_CLASS_NAMES
            ):
                raise ResourceError(f"{eventcodes.name} line {line_no}: inconsistent code {info.code!r}")
            codes[info.code] = info
        actor_table: dict[str, tuple[str, str]] = {}
        if actors is not None:
            for line_no, row in _read_tsv(actors):
                if not row.get("code") or not row.get("kind"):
                    raise ResourceError(f"{actors.name} line {line_no}: missing code or kind")
                actor_table[row["code"]] = (row["kind"], row.get("name") or "")
        return cls(codes, actor_table)

    # ---- event codes ---------------------------------------------------------------------
    def is_valid(self, code: str | None) -> bool:
        return code is not None and str(code).strip() in self.codes

    def describe(self, code: str) -> CodeInfo:
        info = self.codes.get(str(code).strip())
        if info is None:
            raise KeyError(f"unknown CAMEO event code {code!r}")
        return info

    def __len__(self) -> int:
        return len(self.codes)

    # ---- actor codes ---------------------------------------------------------------------
    def actor_name(self, code: str) -> str | None:
        """The name of a country or region code, e.g. "KOR" -> "South Korea"."""
        entry = self.actors.get(code[:3].upper()) if code else None
        return entry[1] if entry and entry[0] in ("country", "region") else None

    def is_valid_actor(self, code: str | None) -> bool:
        """A known organisation code, or a country/region code followed by known role codes."""
        if not code:
            return False
        code = code.strip().upper()
        if code.startswith(ORGANISATION_PREFIXES):
            return code in self.actors or _roles_known(self, code[3:])
        entry = self.actors.get(code[:3])
        if entry is None or entry[0] not in ("country", "region"):
            return False
        return _roles_known(self, code[3:])


def _roles_known(tables: CameoTables, rest: str) -> bool:
    if len(rest) % 3:
        return False
    return all(tables.actors.get("~" + rest[i : i + 3], ("",))[0] == "role" for i in range(0, len(rest), 3))


def _read_tsv(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            return [(n + 2, row) for n, row in enumerate(reader)]
    except OSError as err:
        raise ResourceError(f"cannot read {path}: {err.strerror}") from None


def load_cameo(res: Any) -> CameoTables:
    """Loader registered as ``cameo`` in warta/lang/loaders.py."""
    return CameoTables.load(res.path(EVENTCODES_FILE), res.path(ACTORS_FILE))


def enrich_event(event: Any, tables: CameoTables) -> Any:
    """Fill an Event's base/root code, QuadClass, Goldstein and PLOVER fields from its code.

    An unknown code keeps its base and root (taken from the digits) and leaves the rest empty.
    """
    code = str(event.code).strip()
    info = tables.codes.get(code)
    if info is None:
        event.root_code = code[:2]
        event.base_code = code[:3]
        return event
    event.root_code = info.root
    event.base_code = info.base
    event.quad_class = info.quad_class
    event.goldstein = info.goldstein
    event.plover_type = info.plover_type
    event.plover_mode = info.plover_mode
    return event
