"""Compile the CAMEO lookup tables that warta ships (warta/lang/id/cameo/*.tsv).

Reads the public CAMEO/GDELT/PLOVER/PETRARCH files in ../shared/data/cameo by path and writes
two compact TSV tables of facts (codes, official names, numbers):

  eventcodes.tsv  code, name, root, base, quad_class, goldstein, plover_type, plover_mode,
                  plover_context
  actors.tsv      code, kind (country | region | role | organisation), name

Usage:
  python scripts/build_cameo_tables.py [--data ../shared/data/cameo] [--out warta/lang/id/cameo]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "cameo"
DEFAULT_OUT = REPO / "warta" / "lang" / "id" / "cameo"

EVENT_COLUMNS = (
    "code",
    "name",
    "root",
    "base",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_context",
)
ACTOR_COLUMNS = ("code", "kind", "name")

# CAMEO region codes (CAMEO manual, actor codebook). Not in the PETRARCH country dictionary,
# but gold annotations use them (README rule 10).
REGIONS = (
    ("AFR", "Africa"),
    ("ASA", "Asia"),
    ("BLK", "Balkans"),
    ("CRB", "Caribbean"),
    ("CAU", "Caucasus"),
    ("CFR", "Central Africa"),
    ("CAS", "Central Asia"),
    ("CEU", "Central Europe"),
    ("EIN", "East Indies"),
    ("EAF", "Eastern Africa"),
    ("EEU", "Eastern Europe"),
    ("EUR", "Europe"),
    ("LAM", "Latin America"),
    ("MEA", "Middle East"),
    ("MDT", "Mediterranean"),
    ("NAF", "North Africa"),
    ("NMR", "North America"),
    ("PGS", "Persian Gulf"),
    ("SCN", "Scandinavia"),
    ("SAM", "South America"),
    ("SAS", "South Asia"),
    ("SEA", "Southeast Asia"),
    ("SAF", "Southern Africa"),
    ("WAF", "West Africa"),
    ("WST", "The West"),
)

# CAMEO actor role/type codes (CAMEO manual, actor codebook).
ROLES = (
    ("GOV", "Government"),
    ("MIL", "Military"),
    ("LEG", "Legislature"),
    ("JUD", "Judiciary"),
    ("COP", "Police"),
    ("SPY", "Intelligence"),
    ("OPP", "Political opposition"),
    ("PTY", "Political party"),
    ("REB", "Rebels"),
    ("INS", "Insurgents"),
    ("SEP", "Separatists"),
    ("UAF", "Unaffiliated armed forces"),
    ("CRM", "Criminal"),
    ("BUS", "Business"),
    ("MED", "Media"),
    ("CVL", "Civilians"),
    ("EDU", "Education"),
    ("HLH", "Health"),
    ("REL", "Religious"),
    ("LAB", "Labour"),
    ("REF", "Refugees"),
    ("ELI", "Elites"),
    ("AGR", "Agriculture"),
    ("ENV", "Environmental"),
    ("HRI", "Human rights"),
    ("DEV", "Development"),
    ("MOD", "Moderate"),
    ("RAD", "Radical"),
    ("IGO", "Intergovernmental"),
    ("NGO", "Non-governmental"),
    ("IMG", "International militarised group"),
    ("MNC", "Multinational corporation"),
    ("SET", "Settlers"),
    ("UIS", "Unidentified state actor"),
)


def quad_class(root: str) -> int:
    """GDELT QuadClass from the two-digit root."""
    number = int(root)
    if number <= 5:
        return 1  # verbal cooperation
    if number <= 8:
        return 2  # material cooperation
    if number <= 13:
        return 3  # verbal conflict
    return 4  # material conflict


def read_two_columns(path: Path) -> dict[str, str]:
    """A GDELT lookup: header line, then code<TAB>value."""
    rows: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            code, value = line.split("\t", 1)
            rows[code.strip()] = value.strip()
    return rows


PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (PLOVER type, mode, context). Root lines ("03: AGREE") carry only a type.

    The first line wins for a code listed twice (root 08 is listed as CONCEDE, then RETREAT).
    """
    table: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            match = PLOVER_LINE.match(line.strip())
            if not match:
                continue
            code, body = match.groups()
            parts = [p.strip() for p in body.split(",")] + ["", ""]
            plover_type, mode, context = parts[0], parts[1], parts[2]
            if plover_type and code not in table:
                table[code] = (plover_type, mode, context)
    return table


def plover_for(code: str, plover: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """Exact entry, else the PLOVER type of the base or root code (mode and context stay empty)."""
    if code in plover:
        return plover[code]
    for parent in (code[:3], code[:2]):
        if parent != code and parent in plover:
            return (plover[parent][0], "", "")
    return ("", "", "")


def build_eventcodes(data: Path) -> list[dict[str, str]]:
    names = read_two_columns(data / "gdelt_CAMEO.eventcodes.txt")
    goldstein = read_two_columns(data / "gdelt_CAMEO.goldsteinscale.txt")
    plover = read_plover(data / "CAMEO2PLOVER-2021.txt")
    missing = sorted(set(names) ^ set(goldstein))
    if missing:
        raise SystemExit(f"event codes and Goldstein table disagree on: {', '.join(missing)}")
    rows = []
    for code in sorted(names):
        plover_type, mode, context = plover_for(code, plover)
        rows.append(
            {
                "code": code,
                "name": names[code],
                "root": code[:2],
                "base": code[:3] if len(code) >= 3 else "",
                "quad_class": str(quad_class(code[:2])),
                "goldstein": f"{float(goldstein[code]):.1f}",
                "plover_type": plover_type,
                "plover_mode": mode,
                "plover_context": context,
            }
        )
    return rows


COUNTRY_LINE = re.compile(r"^([A-Z][A-Z_.'\- ]*?)_?\s+\[([A-Z]{3})\]")
ORG_CODE = re.compile(r"\[((?:IGO|NGO|IMG|MNC)[A-Z]*)[\s\]]")


def _title(name: str) -> str:
    small = {"of", "and", "the", "da", "de"}
    words = name.lower().split()
    return " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))


def build_actors(data: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(code: str, kind: str, name: str) -> None:
        if code not in seen:
            seen.add(code)
            rows.append({"code": code, "kind": kind, "name": name})

    with (data / "petrarch2_Phoenix.Countries.actors.txt").open(encoding="utf-8") as handle:
        for line in handle:
            match = COUNTRY_LINE.match(line)
            if match:
                name = _title(match.group(1).replace("_", " ").strip())
                add(match.group(2), "country", name)
    for code, name in REGIONS:
        add(code, "region", name)
    for code, name in ROLES:
        add("~" + code, "role", name)  # "~" keeps role codes apart from three-letter countries
    text = (data / "petrarch2_Phoenix.International.actors.txt").read_text(encoding="utf-8")
    for code in sorted(set(ORG_CODE.findall(text))):
        add(code, "organisation", "")
    return rows


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, columns, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
        )
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the CAMEO source files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the TSV tables")
    args = parser.parse_args(argv)
    if not (args.data / "gdelt_CAMEO.eventcodes.txt").exists():
        print(f"build_cameo_tables: no CAMEO data in {args.data}", file=sys.stderr)
        return 1
    events = build_eventcodes(args.data)
    actors = build_actors(args.data)
    write_tsv(args.out / "eventcodes.tsv", EVENT_COLUMNS, events)
    write_tsv(args.out / "actors.tsv", ACTOR_COLUMNS, actors)
    no_plover = [r["code"] for r in events if not r["plover_type"]]
    print(
        f"wrote {len(events)} event codes ({len(no_plover)} without PLOVER type) "
        f"and {len(actors)} actor codes to {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
