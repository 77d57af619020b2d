"""Recover the layout Indonesian outlets print inline: paragraphs and their kinds, datelines,
credits, "Baca juga" related headlines, trailers and photo captions.

Everything here reads the text and returns offsets into it; nothing is removed or rewritten.
The word lists come from warta/lang/id/layout.yaml (see warta.read.lexicon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..doc import Metadata

from .lexicon import LayoutLexicon

# Sentence-final characters: a line ending with one of them ends a paragraph.
_TERMINAL = ".!?:;\"”’')]…»"
_DASH = r"(?:-{1,3}|–|—)"
# One word of a place name: "Seoul", "JAKARTA", "Den", "Banda", "Kuala", "St.", "Al-Quds".
_PLACE_WORD = r"(?:[A-Z]\.){2,}|[A-Z][A-Za-z'’]*(?:\.|-[A-Za-z]+)?"
_PLACE = rf"(?:{_PLACE_WORD})(?: (?:{_PLACE_WORD})){{0,3}}"
# "Seoul, Korea Selatan (ANTARA) -", "Jakarta (ANTARA) -"
_DATELINE_PAREN = re.compile(
    rf"(?P<place>{_PLACE})(?:, (?P<region>{_PLACE}))? ?\((?P<agency>[A-Za-z][\w .&/]{{1,30}})\)\s*{_DASH}"
)
# "JAKARTA, KOMPAS.com -", "VILNIUS, SATUHARAPAN.COM-", "TEMPO.CO, Jakarta -", "Jakarta -"
_OUTLET = r"[A-Za-z0-9][\w.]*(?: [A-Z][\w.]*)?"
_DATELINE_COMMA = re.compile(rf"(?P<first>{_OUTLET}), (?P<second>{_OUTLET})\s*{_DASH}")
_DATELINE_BARE = re.compile(rf"(?P<place>{_PLACE}) {_DASH} (?=[\"“A-Z0-9])")
# Reporter initials closing an article: "(mhd)", "(ant/mhd)", "(esn)".
_INITIALS = re.compile(r"\((?:[a-z]{2,5})(?:/[a-z]{2,5}){0,3}\)")
_TRAILING_INITIALS = re.compile(r"\s+(\((?:[a-z]{2,5})(?:/[a-z]{2,5}){0,3}\))\s*$")
_WORD = re.compile(r"\S+")
# A token of an outlet name after a credit cue.
_NAME_TOKEN = re.compile(r"[A-Za-z0-9][\w.&'’-]*|&")

_LAST_BRACKETS = re.compile(r"\(([^()]*)\)\s*$")

MAX_HEADLINE_WORDS = 30
MAX_LABEL_WORDS = 40
MAX_CREDIT_LINE_WORDS = 12
MAX_CAPTION_WORDS = 60


@dataclass
class LayoutResult:
    """Paragraph spans with kinds, and the metadata read from them."""

    paragraphs: list[tuple[int, int, str]] = field(default_factory=list)
    found: Metadata = field(default_factory=Metadata)  # only the fields the layout can recover


# ---- paragraphs ---------------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def split_paragraphs(text: str, lex: LayoutLexicon) -> list[tuple[int, int]]:
    """Paragraph spans. A blank line always ends a paragraph; a single line break ends one
    unless the text is hard-wrapped (the line runs on without final punctuation)."""
    paragraphs: list[list[int]] = []
    previous: tuple[int, int] | None = None
    for start, end in _lines(text):
        if previous is not None and paragraphs and _continues(text, previous, (start, end), lex, len(paragraphs)):
            paragraphs[-1][1] = end
        else:
            paragraphs.append([start, end])
        previous = (start, end)
    return [(s, e) for s, e in paragraphs]


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int], lex: LayoutLexicon, count: int) -> bool:
    if "\n" in text[prev[1] : line[0]].replace("\n", "", 1):
        return False  # a blank line between them
    if count == 1 and _is_first_line(text, prev):
        return False  # the first line is the headline
    before, current = text[prev[0] : prev[1]], text[line[0] : line[1]]
    if before[-1] in _TERMINAL or _layout_line_kind(before, lex) or _layout_line_kind(current, lex):
        return False
    return current[0].islower() or current[0].isdigit() or len(before) >= 60


def _is_first_line(text: str, first: tuple[int, int]) -> bool:
    # Only the very first line of the text can be a headline.
    return text[: first[0]].strip() == ""


# ---- line kinds ---------------------------------------------------------------------------
def _layout_line_kind(line: str, lex: LayoutLexicon) -> str | None:
    """The layout kind of a whole line, or None for story text."""
    stripped = line.strip()
    words = len(stripped.split())
    match = lex.label_re.match(stripped)
    if match and words <= MAX_LABEL_WORDS:
        kind = lex.label_kind(match.group(1))
        if kind != "credit" or words <= MAX_CREDIT_LINE_WORDS:
            return {"related": "related", "credit": "credit"}.get(kind or "", "trailer")
    if lex.trailer_re.match(stripped) and words <= MAX_LABEL_WORDS:
        return "trailer"
    if _INITIALS.fullmatch(stripped):
        return "trailer"
    if words <= MAX_CAPTION_WORDS and (lex.caption_re.match(stripped) or _credit_in_last_brackets(stripped, lex)):
        return "caption"
    return None


def _credit_in_last_brackets(line: str, lex: LayoutLexicon) -> bool:
    """A photo credit closing the line: "... di Manila. (ANTARA FOTO/Rizki/nym)"."""
    match = _LAST_BRACKETS.search(line)
    return bool(match) and any(marker in match.group(1).casefold() for marker in lex.caption_markers)


def _label_value(line: str, lex: LayoutLexicon) -> tuple[str | None, str]:
    match = lex.label_re.match(line)
    if not match:
        return None, line.strip()
    return lex.label_kind(match.group(1)), line[match.end() :].strip()


def _split_names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:/|,|;|\band\b|\bdan\b)\s*", value)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith(".")


# ---- datelines ----------------------------------------------------------------------------
def normalise_place(place: str) -> str:
    """"JAKARTA" -> "Jakarta", "NEW YORK" -> "New York"; mixed-case names stay as written."""
    if place.isupper():
        return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in place.split())
    return place


def _agency_like(name: str, lex: LayoutLexicon) -> bool:
    return lex.is_agency(name) or "." in name.strip(".") or (name.isupper() and len(name) >= 2)


def find_dateline(text: str, start: int, lex: LayoutLexicon) -> tuple[str, str | None, tuple[int, int]] | None:
    """(place, agency, span) of a dateline opening the paragraph at ``start``, else None."""
    match = _DATELINE_PAREN.match(text, start)
    if match:
        # "(ANTARA/Xinhua)": the first is the agency; find_dateline_credits reads the others.
        agency = lex.canonical_agency(match.group("agency").split("/")[0].strip())
        return normalise_place(match.group("place")), agency, (start, match.end())
    match = _DATELINE_COMMA.match(text, start)
    if match:
        first, second = match.group("first"), match.group("second")
        if _agency_like(second, lex) and not lex.is_agency(first) and re.fullmatch(_PLACE, first):
            return normalise_place(first), lex.canonical_agency(second), (start, match.end())
        if _agency_like(first, lex) and re.fullmatch(_PLACE, second):
            return normalise_place(second), lex.canonical_agency(first), (start, match.end())
    match = _DATELINE_BARE.match(text, start)
    if match and not lex.is_agency(match.group("place")) and \
            match.group("place").split()[0].casefold() not in lex.dateline_non_places:
        end = match.end()
        while text[end - 1] == " ":
            end -= 1
        return normalise_place(match.group("place")), None, (start, end)
    return None


def dateline_credits(text: str, span: tuple[int, int]) -> list[str]:
    """Agencies after the first in a dateline: "Beijing (ANTARA/Xinhua) -" credits Xinhua."""
    match = re.search(r"\(([^()]*)\)", text[span[0] : span[1]])
    if not match:
        return []
    return [part.strip() for part in match.group(1).split("/")[1:] if part.strip()]


# ---- credits ------------------------------------------------------------------------------
def _read_name(text: str, pos: int, end: int, lex: LayoutLexicon) -> tuple[str | None, int, bool]:
    """The outlet name starting at ``pos`` (after an optional descriptor such as "kantor berita"):
    (name, end offset, whether a descriptor preceded it)."""
    described = False
    rest = text[pos:end]
    for descriptor in sorted(lex.outlet_descriptors, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(w) for w in descriptor.split())
        found = re.match(rf"(?:{pattern})\s+(?=[A-Z0-9])", rest, re.IGNORECASE)
        if found:
            pos += found.end()
            described = True
            break
    words: list[tuple[int, int]] = []
    cursor = pos
    while cursor < end:
        match = _NAME_TOKEN.match(text, cursor)
        if not match or match.end() > end:
            break
        token = match.group(0)
        trailing_dot = token.endswith(".")  # "dikutip dari Kompas.com." ends the sentence and the name
        if trailing_dot:
            token = token[:-1]
        if token in lex.name_stoppers:
            break
        if not (token[:1].isupper() or token[:1].isdigit() or token.casefold() in lex.name_connectors):
            break
        words.append((match.start(), match.start() + len(token)))
        cursor = match.start() + len(token)
        if trailing_dot or cursor >= end or text[cursor] != " ":
            break
        cursor += 1
    while words and text[words[-1][0] : words[-1][1]].casefold() in lex.name_connectors:
        words.pop()
    if not words:
        return None, pos, described
    return text[words[0][0] : words[-1][1]], words[-1][1], described


def find_credits(text: str, start: int, end: int, lex: LayoutLexicon) -> list[tuple[int, str]]:
    """(offset, outlet) for each credit cue in text[start:end]: "seperti dilansir Al Arabiya"."""
    found: list[tuple[int, str]] = []
    for cue in lex.credit_cue_re.finditer(text, start, end):
        cue_words = " ".join(cue.group(1).casefold().split())
        name, after, described = _read_name(text, cue.end(), end, lex)
        if not name:
            continue
        if cue_words in lex.weak_credit_cues and not (described or lex.is_outlet(name)):
            continue
        found.append((cue.end(), name))
        # "dikutip Sputnik dari surat kabar Dawn": a chained second outlet.
        chain = re.match(r"\s+(" + "|".join(map(re.escape, lex.chain_cues)) + r")\s+", text[after:end], re.IGNORECASE)
        if chain:
            second, _, second_described = _read_name(text, after + chain.end(), end, lex)
            if second and (second_described or lex.is_outlet(second)):
                found.append((after + chain.end(), second))
    return found


# ---- the whole article --------------------------------------------------------------------
def analyse_layout(text: str, lex: LayoutLexicon) -> LayoutResult:
    """Split ``text`` into classified paragraphs and read the inline metadata."""
    result = LayoutResult()
    spans = split_paragraphs(text, lex)
    kinds: list[str] = []
    for index, (start, end) in enumerate(spans):
        kind = _layout_line_kind(text[start:end], lex) or "body"
        if (index == 0 and kind == "body" and len(spans) > 1 and _is_headline(text[start:end])
                and find_dateline(text, start, lex) is None):
            kind = "headline"
        kinds.append(kind)
    paragraphs = list(zip([s for s, _ in spans], [e for _, e in spans], kinds))
    paragraphs = _split_trailing_initials(text, paragraphs)
    result.paragraphs = paragraphs

    credits: list[tuple[int, str]] = []
    first_body = True
    for start, end, kind in paragraphs:
        chunk = text[start:end]
        if kind == "headline" and result.found.title is None:
            result.found.title = chunk
        elif kind == "body":
            if first_body:
                dateline = find_dateline(text, start, lex)
                if dateline:
                    result.found.dateline_place, result.found.agency, result.found.dateline_span = dateline
                    credits.extend((start, name) for name in dateline_credits(text, dateline[2]))
                first_body = False
            credits.extend(find_credits(text, start, end, lex))
        elif kind == "related":
            _, value = _label_value(chunk, lex)
            if value:
                result.found.related.append(value)
        elif kind == "credit":
            _, value = _label_value(chunk, lex)
            credits.extend((start, name) for name in _split_names(value))
        elif kind == "caption":
            result.found.captions.append(chunk)
        elif kind == "trailer":
            _read_trailer(chunk, lex, result)
    for _, name in sorted(credits, key=lambda item: item[0]):
        if name not in result.found.credits:
            result.found.credits.append(name)
    return result


def _read_trailer(chunk: str, lex: LayoutLexicon, result: LayoutResult) -> None:
    # "Penulis: A | Editor: B" holds several labels on one line.
    for part in re.split(r"\s*\|\s*", chunk):
        label, value = _label_value(part, lex)
        if label == "author" and value:
            result.found.authors.extend(n for n in _split_names(value) if n not in result.found.authors)
        elif label == "editor" and value:
            result.found.editors.extend(n for n in _split_names(value) if n not in result.found.editors)


def _split_trailing_initials(text: str, paragraphs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sindonews-style "... ungkapnya. (ian)": the initials closing the last body paragraph
    become a trailer paragraph of their own."""
    for index in range(len(paragraphs) - 1, -1, -1):
        start, end, kind = paragraphs[index]
        if kind != "body":
            continue
        match = _TRAILING_INITIALS.search(text, start, end)
        if match and match.start() > start:
            body_end = match.start()
            return paragraphs[:index] + [(start, body_end, "body"), (match.start(1), match.end(1), "trailer")] + \
                paragraphs[index + 1 :]
        return paragraphs
    return paragraphs


def function_word_ratio(text: str, lex: LayoutLexicon) -> tuple[float, int]:
    """Share of words that are common Indonesian function words, and the word count."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    if not words:
        return 0.0, 0
    return sum(w in lex.function_words for w in words) / len(words), len(words)
