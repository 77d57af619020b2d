"""GDELT 2.0 record layouts: the Events (61 columns), Mentions (16) and GKG (27) tables.

Column names are those of GDELT's published header files; docs/gdelt-export.md says how
warta fills each column and which stay empty.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlparse

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier",
    "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons",
    "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages",
    "SocialImageEmbeds", "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)

# CAMEO type/role codes (3 letters) that can follow a country code in an actor code.
ROLE_CODES = frozenset(["COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "PKO", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "SET", "REL", "PTY", "MUS", "CHR"])
# Prefixes after which the next three letters name a known group (UN, ASEAN, ...).
GROUP_PREFIXES = frozenset(("IGO", "NGO", "IMG", "NGM"))
# warta Place.feature -> GDELT geo type (1 country, 4 world city/landmark, 5 world state/ADM1).
GEO_TYPES = {"country": 1, "region": 5, "province": 5, "state": 5, "city": 4, "town": 4, "village": 4,
             "facility": 4, "landmark": 4}


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def split_actor(code: str | None, country: str | None = None) -> dict[str, str]:
    """CAMEO actor code -> country, known group and up to three type codes."""
    out = {"country": "", "group": "", "types": []}
    if not code:
        return out | {"types": ["", "", ""]}
    chunks = _chunks(code.upper())
    if chunks and chunks[0] not in ROLE_CODES and len(chunks[0]) == 3:
        out["country"] = chunks.pop(0)
    elif country:
        out["country"] = country
    rest = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if chunk in GROUP_PREFIXES and i + 1 < len(chunks) and chunks[i + 1] not in ROLE_CODES:
            out["group"] = chunks[i + 1]
            rest.append(chunk)
            i += 2
            continue
        if chunk in ROLE_CODES:
            rest.append(chunk)
        i += 1
    out["types"] = (rest + ["", "", ""])[:3]
    return out


def _num(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    return str(value)


def clean(value: Any) -> str:
    """A TSV cell: no tabs or line breaks inside."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return _num(value)
    return " ".join(value.replace("\t", " ").split())


def stamp(iso: str | None) -> str:
    """2019-09-10T21:48:00 -> 20190910214800 (GDELT's DATEADDED form)."""
    if not iso:
        return ""
    digits = "".join(ch for ch in iso if ch.isdigit())
    return (digits + "000000")[:14] if len(digits) >= 8 else ""


def date_fields(day: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate ((month*30 + day)/365, as GDELT computes it)."""
    try:
        parsed = datetime.strptime((day or "")[:10], "%Y-%m-%d")
    except ValueError:
        return "", "", "", ""
    fraction = parsed.year + (parsed.month * 30 + parsed.day) / 365
    return parsed.strftime("%Y%m%d"), parsed.strftime("%Y%m"), str(parsed.year), f"{fraction:.4f}"


def _geo(name: str | None, lat: Any, lon: Any, feature: str | None, default_type: int) -> list[str]:
    if not name and lat is None:
        return [""] * 8
    geo_type = GEO_TYPES.get((feature or "").lower(), default_type)
    # CountryCode/ADM1/ADM2/FeatureID need FIPS 10-4 and GNS ids, which warta does not have.
    return [str(geo_type), clean(name), "", "", "", _num(lat), _num(lon), ""]


def _actor(code: str | None, name: str | None, country: str | None) -> list[str]:
    parts = split_actor(code, country)
    return [clean(code), clean(name.upper() if name else ""), parts["country"], parts["group"], "", "", "",
            *parts["types"]]


def source_url(row: dict[str, Any]) -> str:
    """The article URL, else a citation (outlet: title), as GDELT does for offline sources."""
    if row.get("url"):
        return row["url"]
    bits = [b for b in (row.get("outlet"), row.get("title") or row.get("doc_id")) if b]
    return clean(": ".join(bits))


def event_record(row: dict[str, Any]) -> list[str]:
    """One GDELT Events row from a global event joined with its first report (see export.py)."""
    record = [str(row["id"]), *date_fields(row.get("date"))]
    record += _actor(row.get("source"), row.get("source_name"), row.get("source_country"))
    record += _actor(row.get("target"), row.get("target_name"), row.get("target_country"))
    record += [_num(row.get("is_root") or False), clean(row.get("code")), clean(row.get("base_code")),
               clean(row.get("root_code")), _num(row.get("quad_class")), _num(row.get("goldstein")),
               str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]), ""]
    record += _geo(row.get("source_name") if row.get("source_lat") is not None else None,
                   row.get("source_lat"), row.get("source_lon"), None, 1 if len(row.get("source") or "") == 3 else 4)
    record += _geo(row.get("target_name") if row.get("target_lat") is not None else None,
                   row.get("target_lat"), row.get("target_lon"), None, 1 if len(row.get("target") or "") == 3 else 4)
    record += _geo(row.get("place_name"), row.get("place_lat"), row.get("place_lon"), row.get("place_feature"), 4)
    record += [stamp(row.get("added")), source_url(row)]
    assert len(record) == len(EVENT_COLUMNS)
    return record


def mention_record(row: dict[str, Any]) -> list[str]:
    url = row.get("url")
    name = row.get("outlet") or (urlparse(url).hostname if url else "") or ""
    extras = f"modality={row['modality']}" if row.get("modality") else ""
    if row.get("in_quote"):
        extras += f";quote={row['in_quote']}"
    record = [
        str(row["global_event_id"]), stamp(row.get("event_added")), stamp(row.get("article_added")),
        "1" if url else "2", clean(name), source_url(row), _num(row.get("sentence")),
        _num(row.get("actor1_offset") if row.get("actor1_offset") is not None else -1),
        _num(row.get("actor2_offset") if row.get("actor2_offset") is not None else -1),
        _num(row.get("action_offset") if row.get("action_offset") is not None else -1),
        _num(row.get("in_raw_text")), _num(row.get("confidence")), _num(row.get("doc_len")), "", "", clean(extras),
    ]
    assert len(record) == len(MENTION_COLUMNS)
    return record


def _items(values: list[str]) -> str:
    return ";".join(clean(v).replace(";", ",") for v in values if v)


def _amount(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value}"


def _place_type(entity: dict[str, Any]) -> int:
    """1 (country) when the place's actor code is a bare country code, else 4 (city/landmark)."""
    return 1 if len(entity.get("actor") or "") == 3 else 4


def gkg_record(article: dict[str, Any], entities: list[dict[str, Any]], quotes: list[dict[str, Any]],
               amounts: list[dict[str, Any]], first_offsets: dict[str, int]) -> list[str]:
    """A GKG-like record for one article: names, locations with coordinates, quotes, amounts."""
    def names(types: tuple[str, ...]) -> list[str]:
        return sorted({e["name"] for e in entities if e["type"] in types and e["name"]})

    def with_offsets(types: tuple[str, ...]) -> str:
        pairs = sorted((first_offsets.get(e["entity_id"], -1), e["name"]) for e in entities
                       if e["type"] in types and e["name"])
        return ";".join(f"{clean(n).replace(';', ',').replace(',', ' ')},{o}" for o, n in pairs)

    places = [e for e in entities if e["type"] in ("GPE", "LOC") and e["name"]]
    # Locations: type#name#country#ADM1#lat#long#featureid (V2 adds ADM2 and the char offset).
    locations = ";".join(
        f"{_place_type(e)}#{clean(e['name'])}#{e.get('country') or ''}##{_num(e.get('latitude'))}#{_num(e.get('longitude'))}#" for e in places)
    v2_locations = ";".join(
        f"{_place_type(e)}#{clean(e['name'])}#{e.get('country') or ''}###{_num(e.get('latitude'))}#{_num(e.get('longitude'))}##"
        f"{first_offsets.get(e['entity_id'], -1)}" for e in places)
    # Quotations: offset|length|verb|quote, with the speaker appended (warta's addition).
    quotations = "#".join(
        f"{q['start_char']}|{(q['end_char'] or 0) - (q['start_char'] or 0)}|{clean(q.get('cue'))}|"
        f"{clean(q.get('text')).replace('#', ' ').replace('|', ' ')}|{clean(q.get('speaker_name'))}"
        for q in quotes)
    amount_text = ";".join(f"{_amount(a.get('value'))},{clean(a.get('object'))},{a.get('start_char')}" for a in amounts)
    all_names = ";".join(f"{clean(e['name']).replace(',', ' ')},{first_offsets.get(e['entity_id'], -1)}"
                         for e in entities if e["name"])
    day = stamp(article.get("published")) or stamp(article.get("added"))
    record = [
        f"{stamp(article.get('added'))}-{article['id']}", day, "1" if article.get("url") else "2",
        clean(article.get("outlet") or (urlparse(article["url"]).hostname if article.get("url") else "")),
        source_url(article), "", "", "", "", locations, v2_locations, _items(names(("PER",))),
        with_offsets(("PER",)), _items(names(("ORG",))), with_offsets(("ORG",)), "", "", "", "", "", "", "",
        quotations, all_names, amount_text, "", "",
    ]
    assert len(record) == len(GKG_COLUMNS)
    return record
