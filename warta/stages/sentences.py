"""Sentence boundaries over a paragraph's tokens.

A sentence ends after a terminator (". ! ? ..." or an abbreviation of class ``end`` such as
"dll.") together with any closing quotes and brackets that follow it, but only when the next
token can open a sentence: a capital letter, a digit, an opening quote or bracket. So
``"... kami siap," kata Pence.`` is one sentence (no terminator before the quote), and so is
``"Siapa dia?" tanya Budi.`` (a lowercase word follows), while ``"Kami siap." Ia lalu pergi.``
is two. A blank line always ends a sentence; a single line break ends one when the next line
starts like a sentence (headlines and list items without final punctuation).
"""

from __future__ import annotations

from .tokenizer import CLOSE_QUOTES, OPEN_QUOTES, Abbreviations, mark

_TERMINAL_START = frozenset(".!?…")
_CLOSING_PUNCT = frozenset(")]}")
_OPENING_PUNCT = frozenset("([{")
# Later stages search a whole sentence for each verb's arguments, so their work grows with the
# square of its length. Real news sentences stay far below this (the longest in 1,500 news-clickid
# articles has 397 tokens); a longer run (a scraped list, text without punctuation) is cut into
# pieces of at most this many tokens. See docs/hardening.md.
MAX_SENTENCE_TOKENS = 400


def _is_terminator(text: str, tok: tuple[int, int, str], abbreviations: Abbreviations) -> bool:
    s, e, kind = tok
    if kind == "punct":
        return text[s] in _TERMINAL_START
    if kind == "word" and text[e - 1] == ".":
        return abbreviations.kind(text[s:e]) == "end"
    return False


def _is_closing(text: str, tok: tuple[int, int, str], prev_end: int) -> bool:
    """A closing quote or bracket that belongs to the sentence before it."""
    s, _, kind = tok
    ch = mark(text, s)
    if kind == "quote":
        if ch in CLOSE_QUOTES:
            return True
        if ch in OPEN_QUOTES:
            return False
        # ASCII quotes: closing when glued to what precedes them ('siap."'), opening otherwise.
        return s == prev_end
    return kind == "punct" and ch in _CLOSING_PUNCT


def _opens_sentence(text: str, tok: tuple[int, int, str], prev_end: int) -> bool:
    s, _, kind = tok
    ch = mark(text, s)
    # Capitals, digits, and letters of scripts without case (kana, hanzi, Arabic).
    if ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower()):
        return True
    if kind == "quote":
        return ch in OPEN_QUOTES or (ch not in CLOSE_QUOTES and s != prev_end)
    if kind == "punct":
        return ch in _OPENING_PUNCT or ch in "-–—•"
    return kind in ("money", "url") and not ch.islower()


def _starts_after(text: str, tokens: list[tuple[int, int, str]], term: int, nxt: int) -> bool:
    """Does tokens[nxt] open a new sentence after the terminator tokens[term]?"""
    s, _, kind = tokens[nxt]
    ch = mark(text, s)
    before = tokens[term - 1] if term > 0 else None
    if ch.isdigit():
        # "Symbian OS v9. 1" and "pukul 10. 30" are broken numbers rather than a new sentence.
        return before is None or not text[before[1] - 1].isdigit()
    if _opens_sentence(text, tokens[nxt], tokens[nxt - 1][1]):
        return True
    # A lowercase word after a bare period that follows an ordinary word (not a short,
    # unlisted abbreviation) still starts a sentence; after "?", "!" or a closing quote it
    # is the speech verb of the same sentence ("Siapa dia?" tanya Budi).
    return (
        kind == "word"
        and ch.islower()
        and nxt == term + 1
        and text[tokens[term][0]:tokens[term][1]] == "."
        and before is not None
        and before[2] == "word"
        and before[1] - before[0] >= 4
        and text[before[1] - 1] != "."
    )


def _stray_commas(text: str, tokens: list[tuple[int, int, str]], j: int) -> int:
    """Scraped pages that flatten paragraph breaks to commas leave "lalu. ,Amerika" or
    'katanya. ,"Dan kita': such commas belong to the sentence before when what follows them
    opens a sentence. Returns the index of the first token after them (j when there are none)."""
    k = j
    while k < len(tokens) and tokens[k][2] == "punct" and text[tokens[k][0]] == ",":
        k += 1
    if k == j or k == len(tokens):
        return j
    s, e, kind = tokens[k]
    ch = mark(text, s)
    if ch.isupper() or (kind == "quote" and ch not in CLOSE_QUOTES and e < len(text) and text[e:e + 1].isupper()):
        return k
    return j


def _line_break(text: str, prev_end: int, next_start: int) -> int:
    """0: no line break between two tokens, 1: one line break, 2: a blank line."""
    gap = text[prev_end:next_start]
    count = gap.count("\n")
    return 0 if count == 0 else (2 if count > 1 else 1)


def split_sentences(text: str, tokens: list[tuple[int, int, str]],
                    abbreviations: Abbreviations) -> list[tuple[int, int]]:
    """Sentences as (first token index, one past the last) over ``tokens`` of one paragraph."""
    bounds: list[tuple[int, int]] = []
    n = len(tokens)
    first = 0
    i = 0
    while i < n:
        if _is_terminator(text, tokens[i], abbreviations):
            j = i + 1
            # Absorb further terminators ("?!", '."') and closing quotes/brackets.
            while j < n and (
                (tokens[j][2] == "punct" and text[tokens[j][0]] in _TERMINAL_START)
                or _is_closing(text, tokens[j], tokens[j - 1][1])
            ):
                j += 1
            # Not after an abbreviation's period: "PT Astra Tbk., Jakarta" is one sentence.
            after = _stray_commas(text, tokens, j) if tokens[i][2] == "punct" else j
            if after != j:
                bounds.append((first, after))
                first = i = after
                continue
            if j == n or _line_break(text, tokens[j - 1][1], tokens[j][0]) or _starts_after(
                text, tokens, i, j
            ):
                bounds.append((first, j))
                first = j
            i = j
            continue
        if i + 1 < n:
            brk = _line_break(text, tokens[i][1], tokens[i + 1][0])
            if brk == 2 or (brk == 1 and _opens_sentence(text, tokens[i + 1], -1)):
                bounds.append((first, i + 1))
                first = i + 1
        i += 1
    if first < n:
        bounds.append((first, n))
    return _cap_length(text, tokens, bounds)


def _cap_length(text: str, tokens: list[tuple[int, int, str]], bounds: list[tuple[int, int]],
                limit: int = MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """Cut sentences longer than ``limit`` tokens, after the last comma or semicolon in the
    second half of each piece when there is one."""
    capped: list[tuple[int, int]] = []
    for first, last in bounds:
        while last - first > limit:
            cut = first + limit
            for k in range(first + limit - 1, first + limit // 2, -1):
                if tokens[k][2] == "punct" and text[tokens[k][0]] in ",;":
                    cut = k + 1
                    break
            capped.append((first, cut))
            first = cut
        capped.append((first, last))
    return capped
