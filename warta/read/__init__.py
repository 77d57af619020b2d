"""The article reader: files, folders, standard input and URLs to Documents.

Formats: plain text, HTML (trafilatura), JSON Lines / JSON (fields mapped by option), RSS and
Atom feeds (feedparser). Every input is checked (size, binary, encoding, empty, language);
a bad input raises :class:`warta.errors.InputError` with a one-line reason, and in batch use
(:func:`iter_documents`) becomes a :class:`warta.pipeline.Failure` without stopping the rest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..doc import Document, Metadata
from ..errors import InputError, WartaError
from ..pipeline import Failure
from ..resources import Resources
from .encoding import MAX_INPUT_BYTES, decode_bytes, too_large_message
from .feed import iter_feed_entries, looks_like_feed
from .html import html_to_text, looks_like_html
from .jsonl import (
    DOCUMENT_FIELDS,
    iter_jsonl_file,
    iter_records,
    parse_field_map,
    record_id,
    record_to_article,
)
from .text import content_id, make_document, normalise_date, path_id

__all__ = [
    "DOCUMENT_FIELDS", "FORMATS", "MAX_INPUT_BYTES", "SUFFIXES", "iter_documents", "parse_field_map",
    "read_one", "read_text",
]

FORMATS = ("auto", "text", "html", "jsonl", "feed")
# Suffixes read when a folder is given, and the format each implies.
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "jsonl",
            ".jsonl": "jsonl"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def _lexicon(res: Resources | None) -> Any:
    return (res or Resources()).get("layout")


def read_text(text: str, doc_id: str, published: Any = None, metadata: Metadata | None = None,
              res: Resources | None = None) -> Document:
    """A Document from article text already in memory (checked like any other input)."""
    try:
        return make_document(text, doc_id, _lexicon(res), published=published, metadata=metadata)
    except InputError as err:
        raise InputError(err.message, source=doc_id) from None


def read_one(source: str, input_format: str = "auto", field_map: dict[str, str] | None = None,
             published: str | None = None, res: Resources | None = None) -> Document:
    """One Document from a file path, an http(s) URL, or "-" (standard input). For JSONL files
    and feeds, the first record. Raises InputError naming the source."""
    for item in _read_source(source, input_format, field_map or {}, published, res, root=None):
        if isinstance(item, Failure):
            raise InputError(item.error, source=item.source or source)
        return item
    raise InputError("no article found", source=source)


def iter_documents(sources: Iterable[str], input_format: str = "auto", field_map: dict[str, str] | None = None,
                   res: Resources | None = None, published: str | None = None) -> Iterator[Document | Failure]:
    """Documents from files, folders (recursively), JSONL files (one per line), feeds (one per
    entry), URLs and "-". A bad input yields a Failure and the others go on."""
    res = res or Resources()
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            for file in _folder_files(path):
                yield from _read_source(str(file), input_format, field_map or {}, published, res, root=path)
        else:
            yield from _read_source(source, input_format, field_map or {}, published, res, root=None)


def _folder_files(folder: Path) -> list[Path]:
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
             and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return sorted(files)


# ---- one source -----------------------------------------------------------------------------
def _read_source(source: str, input_format: str, field_map: dict[str, str], published: str | None,
                 res: Resources | None, root: Path | None) -> Iterator[Document | Failure]:
    from .url import fetch, is_url

    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; known: {', '.join(FORMATS)}")
    lex = _lexicon(res)
    name, doc_id, content_type, url = source, None, "", None
    try:
        published = normalise_date(published, "--published date") if published else None
        if source == "-":
            name = "<stdin>"
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            if len(data) > MAX_INPUT_BYTES:
                raise InputError(too_large_message(len(data)))
        elif is_url(source):
            fetched = fetch(source)
            data, content_type, url = fetched.data, fetched.content_type, fetched.url
            doc_id = content_id(source, "url")
        else:
            path = Path(source)
            doc_id = path_id(path, root)
            if input_format == "jsonl" or (input_format == "auto" and path.suffix.lower() == ".jsonl"):
                _check_file(path)  # JSON Lines stream record by record, whatever the file size
                yield from _jsonl_documents(iter_jsonl_file(path, MAX_INPUT_BYTES), name, doc_id, field_map,
                                            published, lex)
                return
            data = _read_file(path)
        text = _decode(data, content_type)
        fmt = input_format if input_format != "auto" else _guess_format(source, text, content_type)
    except WartaError as err:
        yield Failure(doc_id or source, name, err.message, err.kind)
        return
    if doc_id is None:
        doc_id = content_id(text, "stdin")
    if fmt == "jsonl":
        yield from _jsonl_documents(iter_records(text), name, doc_id, field_map, published, lex)
        return
    if fmt == "feed":
        yield from _feed_documents(text, name, doc_id, published, lex)
        return
    try:
        if fmt == "html":
            body, metadata, page_date = html_to_text(text, url=url)
        else:
            body, metadata, page_date = text, Metadata(), None
        metadata.source_path = name
        if url and not metadata.url:
            metadata.url = url
        yield make_document(body, doc_id, lex, published=published or page_date, metadata=metadata)
    except WartaError as err:
        yield Failure(doc_id, name, err.message, err.kind)


def _check_file(path: Path) -> int:
    """The file's size; InputError when it is missing, a folder or unreadable."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    if path.is_dir():
        raise InputError("is a folder; give a file (folders are read by batch commands)")
    return size


def _read_file(path: Path) -> bytes:
    size = _check_file(path)
    if size > MAX_INPUT_BYTES:
        raise InputError(too_large_message(size))
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None


def _decode(data: bytes, content_type: str) -> str:
    if not data:
        raise InputError("empty file")
    text, _ = decode_bytes(data)
    return text


def _guess_format(source: str, text: str, content_type: str) -> str:
    suffix = os.path.splitext(source.split("?", 1)[0])[1].lower()
    if "html" in content_type:
        return "html"
    if any(kind in content_type for kind in ("rss", "atom", "xml")):
        return "feed"
    if "json" in content_type:
        return "jsonl"
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in _FEED_SUFFIXES or (text.lstrip().startswith("<?xml") and looks_like_feed(text)):
        return "feed"
    if looks_like_html(text):
        return "html"
    if text.lstrip().startswith(("{", "[")):
        return "jsonl"
    return "text"


def _feed_documents(text: str, name: str, base_id: str, published: str | None,
                    lex: Any) -> Iterator[Document | Failure]:
    try:
        entries = list(iter_feed_entries(text.encode("utf-8")))
    except WartaError as err:
        yield Failure(base_id, name, err.message, err.kind)
        return
    for number, entry_id, body, metadata, entry_date in entries:
        doc_id = entry_id or f"{base_id}:{number}"
        metadata.source_path = name
        try:
            yield make_document(body, doc_id, lex, published=published or entry_date, metadata=metadata)
        except WartaError as err:
            yield Failure(doc_id, name, f"entry {number}: {err.message}", err.kind)


def _jsonl_documents(records: Iterable[tuple[int, Any]], name: str, base_id: str, field_map: dict[str, str],
                     published: str | None, lex: Any) -> Iterator[Document | Failure]:
    found = False
    for number, record in records:
        found = True
        doc_id = record_id(record, field_map) or f"{base_id}:{number}"
        try:
            if isinstance(record, InputError):
                raise record
            own_id, body, metadata, record_date = record_to_article(record, field_map)
            try:
                record_date = normalise_date(record_date)
            except InputError:  # an unreadable date must not cost the article; keep it as extra
                metadata.extra["unparsed_date"] = record_date
                record_date = None
            doc_id = own_id or doc_id
            metadata.source_path = name
            yield make_document(body, doc_id, lex, published=published or record_date, metadata=metadata)
        except WartaError as err:
            message = err.message if err.message.startswith("line ") else f"line {number}: {err.message}"
            yield Failure(doc_id, name, message, err.kind)
    if not found:
        yield Failure(base_id, name, "no JSON records", "input")
