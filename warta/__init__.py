"""warta: Indonesian news -> structured event data.

>>> import warta
>>> doc = warta.extract("Jakarta (ANTARA) - Presiden RI bertemu Menlu Jepang pada Senin.")
"""

from __future__ import annotations

from .doc import Document
from .pipeline import Pipeline

__all__ = ["Document", "Pipeline", "extract", "__version__"]
__version__ = "0.1.0"


def extract(text_or_doc: str | Document, pipeline: Pipeline | None = None, **doc_fields) -> Document:
    """Run the whole pipeline on one article given as text (or an unprocessed Document)."""
    doc = text_or_doc if isinstance(text_or_doc, Document) else Document(id=doc_fields.pop("id", "doc"), text=text_or_doc, **doc_fields)
    return (pipeline or Pipeline()).process(doc)
