"""The verb-pattern dictionary loads, every code is a CAMEO code, and bad entries are refused."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.lang.verbs import build_dictionary, men_form, parse_entry, parse_modality


def test_verbs_every_entry_loads_with_valid_codes(resources):
    verbs = resources.get("verbs")
    cameo = resources.get("cameo")
    assert len(verbs) >= 80
    roots = {p.code[:2] for p in verbs.patterns.values()}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}  # all 20 CAMEO roots are covered
    for pattern in verbs.patterns.values():
        for code in pattern.codes():
            assert cameo.is_valid(code), (pattern.id, code)


def test_verbs_men_prefix_rules():
    assert men_form("tuduh") == "menuduh"
    assert men_form("kecam") == "mengecam"
    assert men_form("kritik") == "mengkritik"
    assert men_form("serang") == "menyerang"
    assert men_form("puji") == "memuji"
    assert men_form("bantu") == "membantu"
    assert men_form("bom") == "mengebom"
    assert men_form("per-luas") == "memperluas"
    assert men_form("lembagakan") == "melembagakan"


def test_verbs_same_verb_codes_by_object(resources):
    verbs = resources.get("verbs")
    words = ["korsel", "akan", "mengirim", "bantuan", "militer"]
    ids = [m.pattern.id for m in verbs.candidates(words, 2)]
    assert "aid.send_aid" in ids
    # a constrained pattern is tried before a bare one
    words = ["pembicaraan", "damai", "itu", "sudah", "mati"]
    cands = verbs.candidates(words, 0)
    assert cands[0].pattern.id == "reduce.talks_dead"


def test_verbs_bad_code_is_refused():
    with pytest.raises(ResourceError, match="not in the CAMEO code list"):
        parse_entry({"id": "x", "code": "999", "verbs": ["kecam"]}, "f", "test.yaml", valid=lambda c: c != "999")
    with pytest.raises(ResourceError, match="not a CAMEO event code"):
        parse_entry({"id": "x", "code": "abc", "verbs": ["kecam"]}, "f", "test.yaml")


def test_verbs_bad_entries_are_refused():
    with pytest.raises(ResourceError, match="unknown frame"):
        parse_entry({"id": "x", "code": "111", "verbs": ["kecam"], "frames": ["sideways"]}, "f", "t.yaml")
    with pytest.raises(ResourceError, match="unknown keys"):
        parse_entry({"id": "x", "code": "111", "verbs": ["kecam"], "colour": "red"}, "f", "t.yaml")
    with pytest.raises(ResourceError, match="no trigger words"):
        parse_entry({"id": "x", "code": "111"}, "f", "t.yaml")
    entry = {"id": "x", "code": "111", "verbs": ["kecam"]}
    with pytest.raises(ResourceError, match="duplicate pattern id"):
        build_dictionary([("a.yaml", {"family": "f", "patterns": [entry, entry]})])


def test_verbs_modality_cues_load_and_validate(resources):
    cues = resources.get("modality")
    assert "tidak" in cues.words("negation")
    assert ("media", "melaporkan") in cues["reported"]
    assert cues.agents[("demonstran",)] == "OPP"
    with pytest.raises(ResourceError, match="missing cue lists"):
        parse_modality({"negation": ["tidak"]})
