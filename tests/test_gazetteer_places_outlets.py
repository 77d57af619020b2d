"""Gazetteer entries added from held-out articles: palace and parliament short forms, outlets,
states of other countries, the Soviet Union, oil fields and border zones."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("surface", "type_", "code"),
    [
        ("Istana", "LOC", "IDNGOV"), ("DPR-RI", "ORG", "IDNLEG"), ("Euronews", "ORG", "FRAMED"),
        ("thetimes.co.uk", "ORG", "GBRMED"), ("Uni Soviet", "GPE", "RUS"),
        ("Kepala Staf Gabungan Korea Selatan", "ORG", "KORMIL"), ("Abqaiq", "LOC", None),
        ("Panmunjom", "LOC", None), ("Senayan", "LOC", None),
    ],
)
def test_gazetteer_places_outlets_codes(resources, surface, type_, code):
    entry = resources.get("gazetteer").lookup(surface)
    assert entry is not None, surface
    assert (entry.type, entry.actor) == (type_, code)


@pytest.mark.parametrize(("surface", "country"), [("Sarawak", "MYS"), ("Serawak", "MYS"), ("Carolina Utara", "USA"),
                                                  ("Gujarat", "IND"), ("Jammu & Kashmir", "IND"), ("Hodeidah", "YEM")])
def test_gazetteer_places_outlets_states(resources, surface, country):
    entry = resources.get("gazetteer").lookup(surface)
    assert entry is not None and entry.type == "GPE" and entry.country == country


def test_gazetteer_places_outlets_soviet_union_apart_from_russia(resources):
    gazetteer = resources.get("gazetteer")
    assert gazetteer.lookup("Uni Soviet").key != gazetteer.lookup("Rusia").key
