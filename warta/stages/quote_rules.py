"""Quotation marks and reporting cues from ``lang/id/quotes.yaml``, validated and compiled.

Loaded once through ``res.get("quote_rules")``; the quotes stage only reads the compiled
patterns, so adding a reporting verb is a data edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError

_LIST_KEYS = ("after_quote", "according_to", "not_quote_content", "fillers", "credit_phrase",
              "speaker_stop", "pronouns", "person_titles", "anonymous_subjects",
              "nominal_objects", "clause_markers", "report_nouns", "subordinators")


@dataclass(frozen=True)
class QuoteRules:
    open_marks: frozenset[str]
    close_marks: frozenset[str]
    mark_re: re.Pattern[str]
    after_re: re.Pattern[str]  # a reporting verb right after a quote, clitic -nya allowed
    indirect_re: re.Pattern[str]  # a saying verb opening an indirect quote
    need_that: frozenset[str]
    announce: frozenset[str]  # need_that verbs that also take an unmarked clause
    passive_re: re.Pattern[str]  # "Hal itu diungkapkan ..." at sentence start
    according_re: re.Pattern[str]  # "menurut"
    not_quote_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    fillers: frozenset[str]
    speaker_stop: frozenset[str]
    pronouns: frozenset[str]
    title_re: re.Pattern[str]  # a person title opening a description ("duta besar", "sang juru bicara")
    anonymous_re: re.Pattern[str]  # a subject that names no one ("sumber", "seorang pejabat")
    nominal_re: re.Pattern[str]  # a noun object, not content ("menyatakan keinginannya")
    clause_markers: frozenset[str]  # aspect/modal words that mark a predicate ("telah", "akan")
    report_nouns: frozenset[str]  # nouns that open reported content ("kabar bahwa ...")
    subordinators: frozenset[str]  # "karena", "setelah": an adverbial clause follows


def _words(values: list[str]) -> str:
    # Longest first so that "menyebutkan" wins over "menyebut".
    ordered = sorted({v.strip().lower() for v in values}, key=len, reverse=True)
    return "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in ordered)


def _require_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{where}: '{key}' must be a non-empty list of strings")
    return value


def compile_quote_rules(data: Any, where: str = "quotes.yaml") -> QuoteRules:
    """Validate the parsed YAML and compile it; raises ResourceError naming the bad key."""
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping at the top level")
    marks = data.get("marks")
    if not isinstance(marks, dict):
        raise ResourceError(f"{where}: 'marks' must map open/close/either to lists")
    opens = _require_list(marks, "open", where)
    closes = _require_list(marks, "close", where)
    either = _require_list(marks, "either", where)
    lists = {key: _require_list(data, key, where) for key in _LIST_KEYS}
    indirect = data.get("indirect")
    if not isinstance(indirect, dict):
        raise ResourceError(f"{where}: 'indirect' must have 'plain' and 'need_that' lists")
    plain = _require_list(indirect, "plain", where)
    need_that = _require_list(indirect, "need_that", where)
    unknown = set(need_that) - set(plain)
    if unknown:
        raise ResourceError(f"{where}: need_that verbs missing from indirect.plain: {', '.join(sorted(unknown))}")
    announce = _require_list(indirect, "announce", where)
    unknown = set(announce) - set(need_that)
    if unknown:
        raise ResourceError(f"{where}: announce verbs missing from indirect.need_that: {', '.join(sorted(unknown))}")
    passive = data.get("passive_back")
    if not isinstance(passive, dict):
        raise ResourceError(f"{where}: 'passive_back' must have 'subjects' and 'verbs'")
    subjects = _require_list(passive, "subjects", where)
    verbs = _require_list(passive, "verbs", where)

    all_marks = sorted(set(opens) | set(closes) | set(either), key=len, reverse=True)
    mark_re = re.compile("|".join(re.escape(m) for m in all_marks))
    return QuoteRules(
        open_marks=frozenset(opens),
        close_marks=frozenset(closes),
        mark_re=mark_re,
        after_re=re.compile(rf"(?i)\b(?:{_words(lists['after_quote'])})(?:nya)?\b"),
        indirect_re=re.compile(rf"(?i)\b(?:{_words(plain)})\b"),
        need_that=frozenset(v.lower() for v in need_that),
        announce=frozenset(v.lower() for v in announce),
        passive_re=re.compile(
            rf"(?i)\W*(?:{_words(subjects)})\s+(?:juga\s+|pula\s+|sebelumnya\s+)?(?:{_words(verbs)})\b\s*(?:oleh\s+)?"
        ),
        according_re=re.compile(rf"(?i)\b(?:{_words(lists['according_to'])})(nya)?\b"),
        not_quote_re=re.compile(rf"(?i)\W*(?:{_words(lists['not_quote_content'])})\b"),
        credit_re=re.compile(rf"(?i),?\s*\b(?:{_words(lists['credit_phrase'])})\b"),
        fillers=frozenset(v.lower() for v in lists["fillers"]),
        speaker_stop=frozenset(v.lower() for v in lists["speaker_stop"]),
        pronouns=frozenset(v.lower() for v in lists["pronouns"]),
        title_re=re.compile(rf"(?i)\W*(?:sang\s+)?({_words(lists['person_titles'])})\b"),
        anonymous_re=re.compile(rf"(?i)\W*(?:{_words(lists['anonymous_subjects'])})\b"),
        nominal_re=re.compile(rf"(?i)(?:{_words(lists['nominal_objects'])})(?:nya)?\b"),
        clause_markers=frozenset(v.lower() for v in lists["clause_markers"]),
        report_nouns=frozenset(v.lower() for v in lists["report_nouns"]),
        subordinators=frozenset(v.lower() for v in lists["subordinators"]),
    )


def load_quote_rules(path: Path) -> QuoteRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ResourceError(f"cannot read {path.name}: {err}") from None
    return compile_quote_rules(data, path.name)
