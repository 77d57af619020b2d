"""Lemmas and enclitics for Indonesian words: Sastrawi stemming behind an exception list.

Sastrawi strips affixes against its root-word dictionary, which is right for most verbs
("mengatakan" -> "kata") but wrong for function words built on a root ("terhadap" -> "hadap",
"tersebut" -> "sebut") and for confix verbs it reads the wrong way ("menyetujui" -> "tuju").
lemma_exceptions.txt fixes those. Stemming costs tens of microseconds per word, so every
result is cached on the Lemmatizer instance (one per Resources, never module state).

Enclitics: -nya, -lah, -kah, -pun, -ku, -mu. A word carries one when the word itself is not a
root word (so "buku", "sekolah", "hanya", "punya", "tanya" carry none) and what is left after
removing it is a root word or stems to one ("ujarnya" -> "ujar", "menurutnya" -> "menurut").
clitic_exceptions.txt overrides both ways: a bare word is never split ("adalah", "ialah",
"bahwasanya", "meskipun": lexicalised as one word), ``word<TAB>clitic`` always carries that clitic
(question words that are in the root dictionary yet end in -kah: "apakah", "bukankah").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ResourceError

CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


def parse_lemma_exceptions(lines: list[str], source: str = "lemma_exceptions.txt") -> dict[str, str]:
    """``word`` (keep as is) or ``word<TAB>lemma`` lines; ValueError names the first bad line."""
    table: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) > 2 or not all(parts):
            raise ValueError(f"{source}:{number}: expected 'word' or 'word<TAB>lemma', got {line!r}")
        word = parts[0]
        lemma = parts[1] if len(parts) == 2 else word
        for item in (word, lemma):
            if item != item.lower() or any(c.isspace() for c in item):
                raise ValueError(f"{source}:{number}: entries are single lowercase words: {item!r}")
        if word in table:
            raise ValueError(f"{source}:{number}: duplicate word {word!r}")
        table[word] = lemma
    return table


def parse_clitic_exceptions(lines: list[str], source: str = "clitic_exceptions.txt") -> dict[str, str | None]:
    """``word`` (never a clitic) or ``word<TAB>clitic`` (always that clitic) lines."""
    table: dict[str, str | None] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        word = parts[0]
        clitic = parts[1] if len(parts) == 2 else None
        if len(parts) > 2 or word != word.lower() or any(c.isspace() for c in word) or not word:
            raise ValueError(f"{source}:{number}: expected 'word' or 'word<TAB>clitic', got {line!r}")
        if clitic is not None and (clitic not in CLITICS or not word.endswith(clitic) or word == clitic):
            raise ValueError(f"{source}:{number}: {word!r} does not end in a clitic {clitic!r} "
                             f"(one of {', '.join(CLITICS)})")
        if word in table:
            raise ValueError(f"{source}:{number}: duplicate word {word!r}")
        table[word] = clitic
    return table


class _RootDictionary:
    """Sastrawi's dictionary interface over a frozenset: its own ArrayDictionary keeps a list,
    so every lookup scans ~30,000 words (milliseconds per word)."""

    def __init__(self, words: frozenset[str]):
        self.words = words

    def contains(self, word: str) -> bool:
        return word in self.words

    def count(self) -> int:
        return len(self.words)


class Lemmatizer:
    """Cached lemma and clitic lookup for lowercase Indonesian words."""

    def __init__(self, exceptions: dict[str, str], clitic_exceptions: dict[str, str | None]):
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        self.roots = frozenset(w.strip() for w in StemmerFactory().get_words() if w.strip())
        self._stemmer = Stemmer(_RootDictionary(self.roots))
        self.exceptions = exceptions
        self.clitic_exceptions = clitic_exceptions
        self._lemmas: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        self._clitics: dict[str, str | None] = {}

    @classmethod
    def load(cls, res: Any) -> Lemmatizer:
        return cls.from_files(res.path("lemma_exceptions.txt"), res.path("clitic_exceptions.txt"))

    @classmethod
    def from_files(cls, lemma_path: Path, clitic_path: Path) -> Lemmatizer:
        try:
            exceptions = parse_lemma_exceptions(_lines(lemma_path), lemma_path.name)
            clitics = parse_clitic_exceptions(_lines(clitic_path), clitic_path.name)
        except ValueError as err:
            raise ResourceError(str(err)) from None
        return cls(exceptions, clitics)

    def _stem(self, word: str) -> str:
        if word in self.exceptions:
            return self.exceptions[word]
        if not word.replace("-", "").isalpha():
            return word  # Sastrawi drops digits and apostrophes ("ma'ruf"); keep such words whole
        cached = self._stems.get(word)
        if cached is None:
            cached = self._stems[word] = self._stemmer.stem(word) or word
        return cached

    def clitic(self, word: str) -> str | None:
        """The enclitic ending the lowercase ``word``, or None."""
        cached = self._clitics.get(word, "")
        if cached != "":
            return cached
        found = self._find_clitic(word)
        self._clitics[word] = found
        return found

    def _find_clitic(self, word: str) -> str | None:
        last = word.rsplit("-", 1)[-1]  # "tulisan-tulisannya": the clitic sits on the last part
        if last in self.clitic_exceptions:
            return self.clitic_exceptions[last]
        if last in self.roots or last in self.exceptions:
            return None
        for clitic in CLITICS:
            if not last.endswith(clitic):
                continue
            base = last[: -len(clitic)]
            if len(base) < 2 or not base.isalpha():
                return None
            if base in self.roots or base in self.exceptions:
                return clitic
            stem = self._stem(base)
            if stem != base and stem in self.roots:
                return clitic
            return None
        return None

    def lemma(self, word: str, proper: bool = False) -> str:
        """Lemma of ``word`` (any case). ``proper``: a name, lowercased but never stemmed."""
        lower = word.lower()
        if proper:
            return lower
        cached = self._lemmas.get(lower)
        if cached is not None:
            return cached
        clitic = self.clitic(lower)
        base = lower[: -len(clitic)] if clitic else lower
        lemma = self._stem(base)
        self._lemmas[lower] = lemma
        return lemma


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ResourceError(f"cannot read {path}: {err.strerror}") from None
