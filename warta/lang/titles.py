"""Titles and organisation heads -> CAMEO roles, from warta/lang/id/titles.yaml.

Load with ``res.get("titles")``. Matching ignores case: titles are often written in lower case
("juru bicara", "menteri luar negeri").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError
from .gazetteer import ROLES, normalize


@dataclass(frozen=True, slots=True)
class Title:
    title: str  # canonical form ("Menteri Luar Negeri")
    role: str  # a CAMEO role, or "org": take the organisation's code
    fallback: str | None = None  # role when role is "org" and no organisation is named
    head: bool = False  # one holder per country/organisation ("Presiden")
    country: str | None = None  # titles that belong to one country ("Kapolri")
    rank: bool = False  # a military or police rank: always followed by a name, never by a country


class Titles:
    def __init__(self, titles: list[tuple[str, Title]], former: frozenset[str], org_roles: list[tuple[str, str]]):
        self._titles = {normalize(form).casefold(): title for form, title in titles}
        self.max_words = max((len(f.split()) for f in self._titles), default=1)
        self.former = frozenset(w.casefold() for w in former)
        self._org_roles = sorted(((normalize(h).casefold(), r) for h, r in org_roles), key=lambda x: -len(x[0]))
        self.titles = tuple(dict.fromkeys(self._titles.values()))
        self.first_words = frozenset(form.split(" ")[0] for form in self._titles)

    def get(self, phrase: str) -> Title | None:
        return self._titles.get(normalize(phrase).casefold())

    def match_words(self, words: list[str]) -> tuple[Title, int] | None:
        """The longest title that opens ``words``: (title, number of words)."""
        if not words or words[0].casefold() not in self.first_words:
            return None
        for n in range(min(self.max_words, len(words)), 0, -1):
            title = self._titles.get(" ".join(words[:n]).casefold())
            if title is not None:
                return title, n
        return None

    def match_words_ending(self, words: list[str]) -> tuple[Title, int] | None:
        """The longest title that ends ``words`` (the words right before a name)."""
        for n in range(min(self.max_words, len(words)), 0, -1):
            title = self._titles.get(" ".join(words[-n:]).casefold())
            if title is not None:
                return title, n
        return None

    def org_role(self, name: str) -> str | None:
        """Role from an organisation name's head ("Kementerian Pertahanan Korsel" -> MIL)."""
        folded = normalize(name).casefold()
        for head, role in self._org_roles:
            if folded == head or folded.startswith(head + " "):
                return role
        return None

    def is_former(self, word: str) -> bool:
        return word.casefold() in self.former


def load_titles(path: Path) -> Titles:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        forms: list[tuple[str, Title]] = []
        for row in data["titles"]:
            title = Title(row["title"], row["role"], row.get("fallback"), bool(row.get("head")), row.get("country"),
                          bool(row.get("rank")))
            if title.role != "org" and title.role not in ROLES:
                raise ValueError(f"unknown role {title.role!r} for {title.title!r}")
            forms += [(form, title) for form in (row["title"], *(row.get("aliases") or ()))]
        org_roles = [(row["head"], row["role"]) for row in data["org_roles"]]
        for head, role in org_roles:
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r} for organisation head {head!r}")
        return Titles(forms, frozenset(data.get("former") or ()), org_roles)
    except (OSError, yaml.YAMLError, KeyError, ValueError, TypeError) as err:
        raise ResourceError(f"titles: cannot load {path}: {err}") from err
