"""HTML pages to article text through trafilatura, keeping title, date, URL and site name."""

from __future__ import annotations

import re

from ..doc import Metadata
from ..errors import InputError

_HTML_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|p|div)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


def html_to_text(html: str, url: str | None = None) -> tuple[str, Metadata, str | None]:
    """(article text, metadata, published ISO date or None). The text starts with the title
    line when the page has one, then one paragraph per block, separated by blank lines."""
    import trafilatura

    # Precision first; recall mode as a second try for short pages that the default rejects.
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    if extracted is None or not (extracted.text or "").strip():
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False, favor_recall=True)
    body = (extracted.text or "").strip() if extracted is not None else ""
    if not body:
        raise InputError("HTML page has no article text")
    title = (extracted.title or "").strip() or None
    blocks = [line.strip() for line in body.split("\n") if line.strip()]
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]
    if not blocks:
        raise InputError("HTML page has no article text (only a title)")
    text = "\n\n".join(([title] if title else []) + blocks)
    metadata = Metadata(title=title, url=extracted.url or url, outlet=extracted.sitename or None)
    if extracted.author:
        metadata.authors = [a.strip() for a in extracted.author.split(";") if a.strip()]
    return text, metadata, extracted.date or None
