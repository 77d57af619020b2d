"""Indonesian news tokeniser: one compiled regular expression plus a few context rules.

Tokens are ``(start, end, kind)`` triples with offsets into the text given, so they can never
drift from ``Document.text``. Kinds: word, number, money, date, punct, quote, symbol, url.

Conventions (chosen to match the UD Indonesian treebanks' surface tokens, which is what
bench/ud_tokens.py measures):
- enclitics stay inside their word ("ujarnya" is one token; the stage marks its clitic);
- hyphenated names and reduplication are one token ("Ha-gyu", "situs-situs", "ke-5", "1960-an"),
  but number ranges are not ("2013-2014" -> "2013" "-" "2014"), nor a hyphenated clitic
  ("PPh-nya" -> "PPh" "-" "nya", the "nya" token then carrying the clitic);
- apostrophes between letters stay inside the word ("Ma'ruf", "Jum'at"); every quotation mark
  anywhere else is a token of its own;
- numbers keep their Indonesian separators ("1.000,5", "10.00"); "11/7" and "20/6/2024" are dates;
- a currency sign before a number is its own ``money`` token ("Rp", "US$"), and the amount after
  it is marked ``money`` too;
- abbreviations listed in abbreviations.txt keep their period ("Dr.", "dll."), so do dotted
  acronyms ("S.H.", "a.n.", "M.Si.") and single initials before a capitalised name ("M. Hendra").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Abbreviation classes in abbreviations.txt.
#   title: precedes a name or number and never ends a sentence (Dr., Jl., No., H.)
#   end:   may end a sentence when a capitalised word follows (dll., dsb., Tbk.)
#   abbr:  ordinary abbreviation that does not end a sentence (a.n., tsb.)
#   label: a lowercase word (no period) after which "X." is a letter label, not a name initial
#          ("grup B. Pertandingan ..." ends a sentence; "dan M. Hendra" does not)
ABBREVIATION_CLASSES = ("title", "end", "abbr", "label")

# UTF-8 curly quotes and dashes once decoded as Mac Roman ("‚Äú" for "“"), as in about a quarter
# of the scraped CLICK-ID articles: one token each, read as the mark they stand for.
MOJIBAKE_MARKS = {"‚Äú": "“", "‚Äù": "”", "‚Äò": "‘", "‚Äô": "’", "‚Äì": "–", "‚Äî": "—"}
_MOJIBAKE_DASHES = "|".join(k for k, v in MOJIBAKE_MARKS.items() if v in "–—")
_MOJIBAKE_QUOTES = "|".join(k for k, v in MOJIBAKE_MARKS.items() if v not in "–—")
OPEN_QUOTES = frozenset("“‘«„‚‹‟")
CLOSE_QUOTES = frozenset("”’»›")
AMBIGUOUS_QUOTES = frozenset("\"'`")

_TLD = r"(?i:com|net|org|co\.id|go\.id|ac\.id|or\.id|id)"

_TOKEN_RE = re.compile(
    rf"""
    (?P<url>
        (?:https?|ftp)://[^\s<>"“”‘’«»]+
      | www\.[^\s<>"“”‘’«»]+
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
      | (?<![\w.])[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.{_TLD}(?![\w])(?:/[^\s<>"“”]*)?
    )
  | (?P<money>(?:Rp\.?|(?:US|S|A|AU|HK|NZ|C)\$|\$|€|£|¥|₩|RM|USD|IDR|EUR)(?=\s?\d))
  | (?P<date>\d{{1,2}}/\d{{1,2}}(?:/(?:\d{{4}}|\d{{2}}))?(?![\d/]))
  | (?P<number>\d+(?:[.,:]\d+)*(?![\w]|[-‐][^\W\d_]))
  | (?P<dotted>(?:[^\W\d_]{{1,3}}\.){{2,}}(?![\w]))
  | (?P<word>\w+(?:[-‐](?!nya(?![\w-]))\w+|['’]\w+)*)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<mojidash>{_MOJIBAKE_DASHES})
  | (?P<quote>{_MOJIBAKE_QUOTES}|``|''|["'`“”‘’«»„‚‹›‟])
  | (?P<punct>-{{2,}}|[.,;:!?()\[\]{{}}/\\|–—‐-])
  | (?P<symbol>\S)
    """,
    re.VERBOSE,
)

_URL_TRAILING = ".,;:!?)]}'\"”’"

_KIND = {
    "url": "url",
    "money": "money",
    "date": "date",
    "number": "number",
    "dotted": "word",
    "word": "word",
    "ellipsis": "punct",
    "quote": "quote",
    "mojidash": "punct",
    "punct": "punct",
    "symbol": "symbol",
}


def mark(text: str, start: int) -> str:
    """The character a punctuation token starting at ``start`` stands for ("‚Äù" reads as "”")."""
    if text.startswith("‚Ä", start):
        return MOJIBAKE_MARKS.get(text[start:start + 3], text[start])
    return text[start]


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations written with a final period, each with its class (see ABBREVIATION_CLASSES)."""

    classes: dict[str, str] = field(default_factory=dict)
    labels: frozenset[str] = frozenset()

    def __contains__(self, text: str) -> bool:
        return text in self.classes

    def kind(self, text: str) -> str | None:
        return self.classes.get(text)

    def __len__(self) -> int:
        return len(self.classes)


def parse_abbreviations(lines: list[str], source: str = "abbreviations.txt") -> Abbreviations:
    """Parse ``ABBR<TAB>class`` lines; raises ValueError naming the first bad line."""
    classes: dict[str, str] = {}
    labels: set[str] = set()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        abbr = parts[0].strip()
        kind = parts[1].strip() if len(parts) > 1 else "abbr"
        if len(parts) > 2:
            raise ValueError(f"{source}:{number}: expected 'ABBR<TAB>class', got {line!r}")
        if kind not in ABBREVIATION_CLASSES:
            raise ValueError(f"{source}:{number}: unknown class {kind!r} (use {', '.join(ABBREVIATION_CLASSES)})")
        if kind == "label":
            if not abbr.isalpha() or abbr != abbr.lower():
                raise ValueError(f"{source}:{number}: a label is one lowercase word without period: {abbr!r}")
            if abbr in labels:
                raise ValueError(f"{source}:{number}: duplicate label {abbr!r}")
            labels.add(abbr)
            continue
        if not abbr.endswith(".") or len(abbr) < 2 or any(c.isspace() for c in abbr):
            raise ValueError(f"{source}:{number}: abbreviation must be one word ending in '.': {abbr!r}")
        if abbr in classes:
            raise ValueError(f"{source}:{number}: duplicate abbreviation {abbr!r}")
        classes[abbr] = kind
    return Abbreviations(classes, frozenset(labels))


def _is_initial(text: str, start: int, end: int, prev_kind: str | None, prev_label: bool) -> bool:
    """A single capital letter + '.' before a capitalised word is a name initial ("M. Hendra").

    Not after a label word or a number ("vitamin C. Selain", "grup B. Pertandingan"), where
    the period more likely ends the sentence.
    """
    if end - start != 1 or not text[start].isupper() or prev_label or prev_kind in ("number", "money"):
        return False
    after = end + 1
    if after < len(text) and text[after] == " ":
        after += 1
    return after < len(text) and text[after].isupper()


def tokenize(text: str, abbreviations: Abbreviations, start: int = 0,
             end: int | None = None) -> list[tuple[int, int, str]]:
    """Tokens of ``text[start:end]`` as (start, end, kind) with offsets into ``text``."""
    end = len(text) if end is None else end
    tokens: list[tuple[int, int, str]] = []
    append = tokens.append
    classes = abbreviations.classes
    labels = abbreviations.labels
    prev_kind: str | None = None
    prev_label = False
    last_end = start
    for match in _TOKEN_RE.finditer(text, start, end):
        group = match.lastgroup
        s, e = match.span()
        if s < last_end:
            # An abbreviation took the period the regex scans next ("Dr." then "."): drop it,
            # or keep what is left of a longer match ("dll..." -> "dll." + "..").
            if e <= last_end:
                continue
            s = last_end
        kind = _KIND[group]  # type: ignore[index]
        if group == "word":
            if e < end and text[e] == "." and (
                text[s : e + 1] in classes or _is_initial(text, s, e, prev_kind, prev_label)
            ):
                e += 1
        elif group == "url":
            trimmed = e
            while e > s + 1 and text[e - 1] in _URL_TRAILING:
                e -= 1
            if e != trimmed:
                # A closing period or bracket is not part of the address: tokenise it separately.
                append((s, e, kind))
                tokens.extend(tokenize(text, abbreviations, e, trimmed))
                prev_kind, prev_label, last_end = tokens[-1][2], False, trimmed
                continue
        elif group == "number" and prev_kind == "money":
            kind = "money"
        append((s, e, kind))
        last_end = e
        prev_kind = kind
        prev_label = group == "word" and text[s:e].lower() in labels
    return tokens
