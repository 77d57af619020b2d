"""JSON Lines (and JSON) articles: one record per line, fields mapped to Document fields.

By default the mapping reads the CLICK-ID news dump (id, publisher, title, date, url, content)
and the common alternatives (text, body, headline, published, link, source) without options.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..doc import Metadata
from ..errors import InputError

DOCUMENT_FIELDS = ("id", "text", "title", "published", "url", "outlet")
# Keys tried in order for each Document field when no --field option names one.
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "guid", "uuid"),
    "text": ("content", "text", "body", "article", "isi"),
    "title": ("title", "headline", "judul"),
    "published": ("date", "published", "published_at", "pubdate", "tanggal"),
    "url": ("url", "link"),
    "outlet": ("publisher", "outlet", "source", "media", "site"),
}

# Paragraphs that a scraper glued with a bare comma: "...Kepulauan Riau.,Penangkapan" and
# '..." kata Zulmi.,"Keduanya', "Baca juga:,,Diketahui" (the linked headline was dropped),
# "(Foto: Dok),Saat". A comma right after sentence-final punctuation, a colon or a bracket and
# followed by no space never occurs in edited text (1,5 has a digit before the comma), except
# before a closing quote: '...Kenapa tidak?," kata Ronaldo' is one paragraph.
_GLUED_PARAGRAPH = re.compile(r"(?<=[.!?:)\"”’]),+(?=[^\s,])(?![\"”’]\s)")
# Remains of a dateline the scraper cut out (its words were hyperlinks): "- ", ", , - ".
_STRIPPED_DATELINE = re.compile(r"^[\s,\-–—]+")
# UTF-8 text that was once decoded as Mac Roman: "‚Äú" for "“", "¬†" for a no-break space.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def parse_field_map(pairs: tuple[str, ...] | list[str] | None) -> dict[str, str]:
    """{"text": "content", ...} from ("text=content", ...); unknown names raise InputError."""
    mapping: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, key = pair.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not name or not key:
            raise InputError(f"bad --field {pair!r}: expected NAME=KEY, e.g. text=content")
        if name not in DOCUMENT_FIELDS:
            raise InputError(f"bad --field {pair!r}: NAME must be one of {', '.join(DOCUMENT_FIELDS)}")
        mapping[name] = key
    return mapping


def repair_mojibake(text: str) -> str:
    """Re-decode runs of Mac Roman mojibake; runs that do not decode as UTF-8 stay as they are."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            return run.encode("mac_roman").decode("utf-8").replace("\u00a0", " ")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run

    return _NON_ASCII_RUN.sub(fix, text)


def restore_paragraphs(content: str) -> str:
    """Undo the comma-joined paragraphs of scraped dumps; text with line breaks is left alone."""
    content = repair_mojibake(content)
    if "\n" in content:
        return content.strip()
    content = _STRIPPED_DATELINE.sub("", content, count=1)
    return _GLUED_PARAGRAPH.sub("\n\n", content).strip()


def _lookup(record: dict[str, Any], name: str, field_map: dict[str, str]) -> tuple[str | None, Any]:
    if name in field_map:
        key = field_map[name]
        return key, record.get(key)
    for key in DEFAULT_KEYS[name]:
        if record.get(key) not in (None, ""):
            return key, record[key]
    return None, None


def record_id(record: Any, field_map: dict[str, str]) -> str | None:
    """The record's own id, when it has one (also used to name a record that fails)."""
    if not isinstance(record, dict):
        return None
    _, value = _lookup(record, "id", field_map)
    return str(value) if value not in (None, "") else None


def record_to_article(record: Any, field_map: dict[str, str]) -> tuple[str | None, str, Metadata, Any]:
    """(id or None, text, metadata, published) of one JSON record. Raises InputError."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text_key, content = _lookup(record, "text", field_map)
    if not isinstance(content, str) or not content.strip():
        wanted = repr(field_map["text"]) if "text" in field_map else "(tried " + ", ".join(DEFAULT_KEYS["text"]) + ")"
        raise InputError(f"missing text field {wanted}")
    title_key, title = _lookup(record, "title", field_map)
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
    body = restore_paragraphs(content)
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}"
    else:
        text = body
    id_key, _ = _lookup(record, "id", field_map)
    doc_id = record_id(record, field_map)
    url_key, url = _lookup(record, "url", field_map)
    outlet_key, outlet = _lookup(record, "outlet", field_map)
    published_key, published = _lookup(record, "published", field_map)
    used = {text_key, title_key, id_key, url_key, outlet_key, published_key}
    extra = {k: v for k, v in record.items() if k not in used}
    metadata = Metadata(title=title, url=url if isinstance(url, str) else None,
                        outlet=outlet if isinstance(outlet, str) else None, extra=extra)
    return doc_id, text, metadata, published


def iter_jsonl_file(path: Path, max_line_bytes: int) -> Iterator[tuple[int, Any | InputError]]:
    """(line number, record or InputError) for each non-blank line of a JSON Lines file, read
    line by line so that a dump of any size streams (each line is held to ``max_line_bytes``)."""
    from .encoding import decode_bytes

    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if len(raw) > max_line_bytes:
                yield number, InputError(f"line {number}: record is larger than {max_line_bytes // 1_048_576} MB")
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    line, _ = decode_bytes(raw)
                except InputError as err:
                    yield number, InputError(f"line {number}: {err.message}")
                    continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as err:
                yield number, InputError(f"line {number}: invalid JSON ({err.msg}, column {err.colno})")


def iter_records(text: str) -> Iterator[tuple[int, Any | InputError]]:
    """(line number, record or InputError) for each non-blank line. A whole-file JSON array or
    object (a .json file) is read as records numbered from 1."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None
        if isinstance(data, list):
            yield from enumerate(data, start=1)
            return
    if stripped.startswith("{") and "\n" in stripped.strip():
        try:
            yield 1, json.loads(text)
            return
        except json.JSONDecodeError:
            pass  # not one pretty-printed object: read it as JSON Lines
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            yield number, InputError(f"line {number}: invalid JSON ({err.msg}, column {err.colno})")
