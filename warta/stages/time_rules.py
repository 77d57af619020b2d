"""Date vocabulary from ``lang/id/time.yaml``, validated and compiled into patterns.

Loaded once through ``res.get("time_rules")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError

_MAPS = ("days", "months", "relative_days", "relative_periods", "numbers", "units")
_LISTS = ("day_past", "day_past_week", "day_future", "day_future_week", "day_parts", "future_cues",
          "credit_cues", "month_parts", "date_names", "perfect")
_UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class TimeRules:
    days: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    units: dict[str, str]
    day_past: frozenset[str]
    day_past_week: frozenset[str]
    day_future: frozenset[str]
    day_future_week: frozenset[str]
    future_cues: frozenset[str]
    credit_cues: frozenset[str]
    date_names: frozenset[str]
    perfect: frozenset[str]
    patterns: dict[str, re.Pattern[str]]
    # parsed absolute dates, so dateparser runs once per distinct string
    parsed: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _alt(words: Any) -> str:
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def compile_time_rules(data: Any, where: str = "time.yaml") -> TimeRules:
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping at the top level")
    for key in _MAPS:
        if not isinstance(data.get(key), dict) or not data[key]:
            raise ResourceError(f"{where}: '{key}' must be a non-empty mapping")
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ResourceError(f"{where}: '{key}' must be a list of strings")
    for key in ("days", "months", "relative_days", "numbers"):
        for word, value in data[key].items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise ResourceError(f"{where}: {key}.{word} must be an integer")
    if any(not 0 <= v <= 6 for v in data["days"].values()):
        raise ResourceError(f"{where}: day numbers run from 0 (Monday) to 6")
    if any(not 1 <= v <= 12 for v in data["months"].values()):
        raise ResourceError(f"{where}: month numbers run from 1 to 12")
    periods: dict[str, tuple[str, int]] = {}
    for word, value in data["relative_periods"].items():
        if not (isinstance(value, list) and len(value) == 2 and value[0] in _UNITS and isinstance(value[1], int)):
            raise ResourceError(f"{where}: relative_periods.{word} must be [unit, offset] with unit in {_UNITS}")
        periods[word.lower()] = (value[0], value[1])
    for word, unit in data["units"].items():
        if unit not in _UNITS:
            raise ResourceError(f"{where}: units.{word} must be one of {_UNITS}")

    days, months = _alt(data["days"]), _alt(data["months"])
    long_months = _alt(m for m in data["months"] if len(m) > 4)
    modifiers = _alt(data["day_past"] + data["day_past_week"] + data["day_future"] + data["day_future_week"])
    numbers = _alt(data["numbers"])
    # Day names must be capitalised: "minggu" in lower case is "week".
    day_names = "|".join(re.escape(d.capitalize()) for d in sorted(data["days"], key=len, reverse=True))
    patterns = {
        "day_month": re.compile(
            rf"(?:\b(?i:{days})\b\s*,?\s*)?\(\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{2,4}}))?\s*\)"),
        "date": re.compile(rf"(?i)\b(\d{{1,2}})\s+({months})\.?(?:\s+(\d{{4}}))?\b"),
        "month": re.compile(
            rf"(?i)\b(?:({_alt(data['month_parts'])})\s+(?:bulan\s+)?)?({long_months})\b(?:\s+(\d{{4}})\b)?"),
        "year": re.compile(r"(?i)\b(?:tahun|pada|sejak|hingga|sampai)\s+((?:19|20)\d{2})\b"),
        "weekday": re.compile(
            rf"\b(?:(?i:hari)\s+)?({day_names})\b(?:\s+(?i:{_alt(data['day_parts'])}))?(?:\s+((?i:{modifiers})))?\b"),
        "relative_day": re.compile(rf"(?i)\b(?:{_alt(data['relative_days'])})\b"),
        "relative_period": re.compile(rf"(?i)\b(?:{_alt(periods)})\b"),
        "ago": re.compile(rf"(?i)\b(\d+|{numbers})\s+({_alt(data['units'])})\s+(?:yang\s+)?lalu\b"),
    }
    lower = lambda key: frozenset(v.lower() for v in data[key])
    return TimeRules(
        days={k.lower(): v for k, v in data["days"].items()},
        months={k.lower(): v for k, v in data["months"].items()},
        relative_days={k.lower(): v for k, v in data["relative_days"].items()},
        relative_periods=periods,
        numbers={k.lower(): v for k, v in data["numbers"].items()},
        units={k.lower(): v for k, v in data["units"].items()},
        day_past=lower("day_past"), day_past_week=lower("day_past_week"),
        day_future=lower("day_future"), day_future_week=lower("day_future_week"),
        future_cues=lower("future_cues"), credit_cues=lower("credit_cues"),
        date_names=lower("date_names"), perfect=lower("perfect"),
        patterns=patterns,
    )


def load_time_rules(path: Path) -> TimeRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ResourceError(f"cannot read {path.name}: {err}") from None
    return compile_time_rules(data, path.name)
