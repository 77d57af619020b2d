"""time.yaml loads, every day and month name is recognised, and a broken file fails clearly."""

from __future__ import annotations

import pytest
import yaml

from warta.errors import ResourceError
from warta.resources import PACKAGE_DATA
from warta.stages.time_rules import compile_time_rules, load_time_rules


def test_time_data_every_entry_loads():
    rules = load_time_rules(PACKAGE_DATA / "time.yaml")
    for day in rules.days:
        assert rules.patterns["weekday"].fullmatch(day.capitalize()), day
    for month in rules.months:
        assert rules.patterns["date"].fullmatch(f"3 {month.capitalize()} 2020"), month
    for word in rules.relative_days:
        assert rules.patterns["relative_day"].fullmatch(word), word
    for word in rules.relative_periods:
        assert rules.patterns["relative_period"].fullmatch(word), word


def test_time_data_rejects_bad_values():
    data = yaml.safe_load((PACKAGE_DATA / "time.yaml").read_text(encoding="utf-8"))
    with pytest.raises(ResourceError, match="month numbers"):
        compile_time_rules({**data, "months": {"juli": 13}})
    with pytest.raises(ResourceError, match="relative_periods"):
        compile_time_rules({**data, "relative_periods": {"pekan lalu": ["fortnight", -1]}})
