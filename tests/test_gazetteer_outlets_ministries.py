"""Organisations that Indonesian stories name often: ministries by their short names, outlets
by their web names, platforms quoted as sources."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Kemenko Polhukam", "IDNGOV"), ("Kemenkumham", "IDNGOV"), ("Ditjen Imigrasi", "IDNGOV"),
        ("Kementerian ESDM", "IDNGOV"), ("PUPR", "IDNGOV"), ("Polda Metro Jaya", "IDNCOP"),
        ("reuters.com", "GBRMED"), ("TEMPO.CO", "IDNMED"), ("Malay Mail", "MYSMED"), ("The Star", "MYSMED"),
        ("Facebook", "USABUS"), ("Twitter", "USABUS"),
    ],
)
def test_gazetteer_outlets_ministries_codes(resources, surface, code):
    entry = resources.get("gazetteer").lookup(surface)
    assert entry is not None, surface
    assert entry.actor == code
