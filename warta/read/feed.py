"""RSS and Atom feeds (feedparser): one Document per entry, from its content or summary."""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator
from typing import Any

from ..doc import Metadata
from ..errors import InputError

_FEED_SNIFF = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "tr")


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_SNIFF.search(text[:4000]))


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per block element, separated by blank lines."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types for broken markup
        return re.sub(r"<[^>]+>", " ", html).strip()
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    raw = root.text_content()
    blocks = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(b for b in blocks if b)


def _entry_date(entry: Any) -> str | None:
    # The date as printed in the feed (local to the outlet), not feedparser's UTC conversion.
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            pass
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def parse_feed(data: bytes | str) -> Any:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        raise InputError(f"feed has no entries{reason}".splitlines()[0])
    return feed


def iter_feed_entries(data: bytes | str) -> Iterator[tuple[int, str | None, str, Metadata, str | None]]:
    """(entry number, entry id, text, metadata, published) for each entry of a feed."""
    feed = parse_feed(data)
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry.content), key=len)
        if not html.strip():
            html = entry.get("summary") or ""  # broken markup can leave the key with None
        body = fragment_to_text(html)
        title = " ".join((entry.get("title") or "").split()) or None
        if title and body.startswith(title):
            body = body[len(title) :].lstrip()
        text = "\n\n".join(part for part in (title, body) if part)
        metadata = Metadata(title=title, url=entry.get("link"), outlet=outlet)
        if entry.get("author"):
            metadata.authors = [entry.author]
        yield number, entry.get("id") or entry.get("link"), text, metadata, _entry_date(entry)
