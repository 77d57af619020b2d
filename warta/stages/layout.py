"""Layout stage: paragraphs with their kinds, and the metadata outlets print inline.

Paragraph kinds: "headline" and "body" carry the story; "related" ("Baca juga: ..."),
"credit" ("Sumber: Reuters"), "trailer" ("Pewarta: ...", "COPYRIGHT © ANTARA 2023", "(mhd)")
and "caption" (photo captions) are layout, kept in doc.text and recorded in doc.metadata.
The dateline ("Seoul, Korea Selatan (ANTARA) -") stays inside the first body paragraph;
Metadata.dateline_span marks it so that the sentence splitter can leave it out.
"""

from __future__ import annotations

from ..doc import Document, Paragraph
from ..read.metadata import analyse_layout
from ..resources import Resources

NAME = "layout"
REQUIRES = {"text"}
PROVIDES = {"paragraphs", "metadata"}


def _merge(existing: list[str], found: list[str]) -> list[str]:
    return existing + [item for item in found if item not in existing]


def run(doc: Document, res: Resources) -> Document:
    result = analyse_layout(doc.text, res.get("layout"))
    doc.paragraphs = [Paragraph(start, end, kind) for start, end, kind in result.paragraphs]
    meta = doc.metadata
    # What the reader already knew (an HTML <title>, a feed's link) wins over what the text says.
    meta.title = meta.title or result.found.title
    meta.dateline_place = result.found.dateline_place
    meta.agency = result.found.agency
    meta.dateline_span = result.found.dateline_span
    meta.credits = _merge(meta.credits, result.found.credits)
    meta.related = _merge(meta.related, result.found.related)
    meta.authors = _merge(meta.authors, result.found.authors)
    meta.editors = _merge(meta.editors, result.found.editors)
    meta.captions = _merge(meta.captions, result.found.captions)
    return doc
