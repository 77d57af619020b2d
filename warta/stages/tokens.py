"""Tokens stage: tokens, sentences and lemmas for the story paragraphs.

Only "headline" and "body" paragraphs are tokenised (a document without paragraphs is one body
paragraph). A sentence never crosses a paragraph, and the sentences partition ``doc.tokens``:
every token belongs to exactly one sentence, in order. The dateline
(``Metadata.dateline_span``, e.g. "Seoul, Korea Selatan (ANTARA) -") is metadata, not story:
its tokens, and the dash that closes it, are left out, so the first sentence starts after it.

The tokeniser is in tokenizer.py, the sentence splitter in sentences.py, lemmas and clitics in
warta/lemma.py.
"""

from __future__ import annotations

from pathlib import Path

from ..doc import Document, Paragraph, Sentence, Token
from ..errors import ResourceError
from ..lemma import Lemmatizer
from ..resources import Resources
from .sentences import split_sentences
from .tokenizer import OPEN_QUOTES, Abbreviations, parse_abbreviations, tokenize

NAME = "tokens"
REQUIRES = {"paragraphs"}
PROVIDES = {"tokens", "sentences", "lemmas"}

STORY_KINDS = ("headline", "body")
_DATELINE_TAIL = frozenset("-–—:|")

__all__ = ["NAME", "PROVIDES", "REQUIRES", "Abbreviations", "Lemmatizer", "load_abbreviations", "run"]


def load_abbreviations(path: Path) -> Abbreviations:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return parse_abbreviations(lines, Path(path).name)
    except OSError as err:
        raise ResourceError(f"cannot read {path}: {err.strerror}") from None
    except ValueError as err:
        raise ResourceError(str(err)) from None


def _skip_dateline(text: str, toks: list[tuple[int, int, str]], span: tuple[int, int] | None,
                   ) -> list[tuple[int, int, str]]:
    if not span or not toks:
        return toks
    start, end = span
    kept = [t for t in toks if t[1] <= start or t[0] >= end]
    if len(kept) == len(toks):
        return toks
    # The dash (or colon) that closes the dateline is not part of the first sentence either.
    i = next((k for k, t in enumerate(kept) if t[0] >= end), len(kept))
    while i < len(kept) and kept[i][2] == "punct" and text[kept[i][0]] in _DATELINE_TAIL:
        if text[end:kept[i][0]].strip():
            break
        end = kept[i][1]
        del kept[i]
    return kept


def _is_proper(text: str, s: int, e: int, sentence_initial: bool) -> bool:
    """A capitalised word inside a sentence, or an acronym: a name, lemmatised without stemming."""
    if not text[s].isupper():
        return False
    if e - s > 1 and text[s:e].isupper():
        return True
    return not sentence_initial


def run(doc: Document, res: Resources) -> Document:
    abbreviations: Abbreviations = res.get("abbreviations")
    lemmatizer: Lemmatizer = res.get("lemmatizer")
    text = doc.text
    if not doc.paragraphs:
        doc.paragraphs = [Paragraph(0, len(text), "body")]
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    dateline = doc.metadata.dateline_span
    for index, para in enumerate(doc.paragraphs):
        if para.kind not in STORY_KINDS:
            continue
        raw = tokenize(text, abbreviations, para.start, para.end)
        if dateline and para.start < dateline[1] and dateline[0] < para.end:
            raw = _skip_dateline(text, raw, tuple(dateline))  # type: ignore[arg-type]
        for first, last in split_sentences(text, raw, abbreviations):
            offset = len(tokens)
            initial = True
            for s, e, kind in raw[first:last]:
                tok = Token(s, e, kind=kind, space_after=e >= para.end or text[e].isspace())
                if kind == "word":
                    word = text[s:e]
                    lower = word.lower()
                    if lower == "nya" and s > 0 and text[s - 1] in "-‐":
                        tok.clitic = "nya"  # "PPh-nya": the clitic written as its own token
                    elif word[-1] != ".":
                        tok.clitic = lemmatizer.clitic(lower)
                    tok.lemma = lemmatizer.lemma(word, proper=_is_proper(text, s, e, initial))
                    initial = False
                elif kind == "url":
                    tok.lemma = text[s:e].lower()
                    initial = False
                else:
                    tok.lemma = text[s:e]
                    # Opening quotes and brackets keep the next word sentence-initial.
                    initial = initial and (kind == "quote" or text[s] in OPEN_QUOTES or text[s] in "([")
                tokens.append(tok)
            sentences.append(Sentence(raw[first][0], raw[last - 1][1], offset, len(tokens), index))
    doc.tokens = tokens
    doc.sentences = sentences
    return doc
