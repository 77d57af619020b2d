"""quotes.yaml loads, every cue compiles, and a broken file fails with a one-line error."""

from __future__ import annotations

import pytest
import yaml

from warta.errors import ResourceError
from warta.resources import PACKAGE_DATA
from warta.stages.quote_rules import compile_quote_rules, load_quote_rules


def test_quotes_data_every_entry_loads():
    rules = load_quote_rules(PACKAGE_DATA / "quotes.yaml")
    data = yaml.safe_load((PACKAGE_DATA / "quotes.yaml").read_text(encoding="utf-8"))
    for verb in data["after_quote"]:
        assert rules.after_re.fullmatch(verb), verb
    for verb in data["indirect"]["plain"]:
        assert rules.indirect_re.fullmatch(verb), verb
    for mark in data["marks"]["open"] + data["marks"]["close"] + data["marks"]["either"]:
        assert rules.mark_re.fullmatch(mark), mark
    assert rules.after_re.fullmatch("sambungnya")


def test_quotes_data_rejects_bad_file():
    data = yaml.safe_load((PACKAGE_DATA / "quotes.yaml").read_text(encoding="utf-8"))
    data["indirect"]["need_that"] = ["mengancam"]
    with pytest.raises(ResourceError, match="need_that"):
        compile_quote_rules(data)
    with pytest.raises(ResourceError, match="after_quote"):
        compile_quote_rules({**data, "after_quote": []})
