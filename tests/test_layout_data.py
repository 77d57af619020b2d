"""warta/lang/id/layout.yaml loads, every entry is usable, and the validator rejects bad data."""

from __future__ import annotations

import re

import pytest
import yaml

from warta.errors import ResourceError
from warta.read.lexicon import LIST_KEYS, build_layout, validate_layout


def _raw(resources):
    with open(resources.path("layout.yaml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_layout_data_every_entry_loads(resources):
    raw = _raw(resources)
    lex = resources.get("layout")
    for key in LIST_KEYS:
        loaded = getattr(lex, key)
        assert len(loaded) == len(raw[key]), key
    # every agency maps to itself, every credit cue is found by the compiled pattern
    for agency in raw["agencies"]:
        assert lex.canonical_agency(agency.upper()) == agency
    for cue in raw["credit_cues"]:
        match = lex.credit_cue_re.search(f"kata dia, {cue} Reuters")
        assert match and " ".join(match.group(1).lower().split()) == cue
    for label in raw["related_labels"]:
        assert lex.label_kind(label) == "related"
    for start in raw["trailer_starts"]:
        assert lex.trailer_re.match(f"{start} apa saja")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("agencies"), "agencies"),
        (lambda d: d["credit_cues"].append("dilansir"), "twice"),
        (lambda d: d["outlets"].append(" Reuters "), "padded"),
        (lambda d: d.update(min_function_word_ratio="tinggi"), "min_function_word_ratio"),
        (lambda d: d.update(typo_key=["x"]), "unknown"),
    ],
)
def test_layout_data_validator_rejects(resources, mutate, message):
    data = _raw(resources)
    mutate(data)
    with pytest.raises(ResourceError, match=re.escape(message)):
        validate_layout(data)


def test_layout_data_builds_from_valid_copy(resources):
    lex = build_layout(_raw(resources))
    assert lex.is_outlet("reuters")
    assert not lex.is_outlet("Presiden Jokowi")
