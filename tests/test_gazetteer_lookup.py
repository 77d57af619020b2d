"""Gazetteer entries: names, codes, coordinates, known people with dated roles."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Korsel", "KOR"), ("Korea Utara", "PRK"), ("Korut", "PRK"), ("AS", "USA"), ("Amerika", "USA"),
        ("Tiongkok", "CHN"), ("Cina", "CHN"), ("RRC", "CHN"), ("Federasi Rusia", "RUS"), ("Lituania", "LTU"),
        ("RI", "IDN"), ("Britania Raya", "GBR"), ("Saudi", "SAU"), ("Palestina", "PSE"),
        ("NATO", "IGOWSTNAT"), ("DK PBB", "IGOUNO"), ("Uni Eropa", "IGOEUREEC"), ("OKI", "IGOMOSOIC"),
        ("Hizbullah", "LBNREB"), ("Houthi", "YEMREB"), ("ISIS", "IMGMUSISI"), ("Garda Revolusi Iran", "IRNMIL"),
        ("Gedung Putih", "USAGOV"), ("Kremlin", "RUSGOV"), ("Reuters", "GBRMED"), ("Al Jazeera", "QATMED"),
        ("Timur Tengah", "MEA"), ("Jabar", "IDN"),
    ],
)
def test_gazetteer_lookup_codes(resources, surface, code):
    entry = resources.get("gazetteer").lookup(surface)
    assert entry is not None, surface
    assert entry.actor == code


def test_gazetteer_lookup_capitals_stand_for_governments(resources):
    gazetteer = resources.get("gazetteer")
    for surface, country in [("Washington", "USA"), ("Teheran", "IRN"), ("Moskow", "RUS"), ("Seoul", "KOR")]:
        entry = gazetteer.lookup(surface)
        assert entry.type == "GPE" and entry.country == country and entry.government and entry.is_capital
    seoul = gazetteer.lookup("Seoul")
    assert 37 < seoul.lat < 38 and 126 < seoul.lon < 128


def test_gazetteer_lookup_people_roles_follow_the_date(resources):
    gazetteer = resources.get("gazetteer")
    trump = gazetteer.lookup("Donald Trump")
    assert gazetteer.person_actor(trump.key, "2019-09-18") == "USAGOV"
    assert gazetteer.person_actor(trump.key, "2022-03-01") == "USAELI"
    # a bare surname is never matched on its own, but resolves a name already in the text
    assert gazetteer.lookup("Khan") is None
    assert gazetteer.lookup_person("Khan").name == "Imran Khan"


def test_gazetteer_lookup_regions_are_places(resources):
    gazetteer = resources.get("gazetteer")
    for surface in ("Teluk Persia", "Laut China Selatan", "Semenanjung Korea", "Atlantik", "Indo-Pasifik"):
        assert gazetteer.lookup(surface).type == "LOC", surface
