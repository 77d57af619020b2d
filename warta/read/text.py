"""Plain-text articles: checks every reader applies, document ids, publication dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from ..doc import Document, Metadata
from ..errors import InputError
from .lexicon import LayoutLexicon
from .metadata import function_word_ratio

# Line endings are normalised so that offsets mean the same on every platform.
_CRLF = re.compile(r"\r\n?")


def content_id(text: str, prefix: str = "doc") -> str:
    """A stable id from the text itself: the same article always gets the same id."""
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"


def path_id(path: Path, root: Path | None = None) -> str:
    """The id of a file: its name without suffix, or its path below ``root`` for folders."""
    if root is not None:
        try:
            return path.relative_to(root).with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


def normalise_text(text: str) -> str:
    text = _CRLF.sub("\n", text)
    return text.lstrip("\ufeff")


def check_text(text: str, lex: LayoutLexicon) -> None:
    """Raise InputError when ``text`` cannot be an Indonesian article."""
    if not text:
        raise InputError("empty input")
    if not text.strip():
        raise InputError("input contains only whitespace")
    ratio, words = function_word_ratio(text, lex)
    if words == 0:
        raise InputError("input contains no words")
    if words >= lex.min_words_for_language_check and ratio < lex.min_function_word_ratio:
        raise InputError(
            f"text does not look Indonesian ({ratio:.0%} common Indonesian words, "
            f"expected at least {lex.min_function_word_ratio:.0%})"
        )


def normalise_date(value: Any, what: str = "publication date") -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, a datetime, an ISO string or a free-form date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["id", "en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputError(f"cannot read the {what} {text!r} (expected YYYY-MM-DD)")
    return parsed.date().isoformat()


def make_document(text: str, doc_id: str, lex: LayoutLexicon, published: Any = None,
                  metadata: Metadata | None = None) -> Document:
    """A checked Document from article text."""
    text = normalise_text(text)
    check_text(text, lex)
    return Document(id=doc_id, text=text, published=normalise_date(published), metadata=metadata or Metadata())
