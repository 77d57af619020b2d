"""A processed Document in a form that is cheap to unpickle, for the Dask engine's results.

The client of ``--engine dask`` unpickles every processed Document the workers send back, and
on two cores that client time is what limits scaling (docs/scaling.md). Pickle rebuilds each
dataclass instance slowly (about 1.5 us per Token, and an article has ~300 tokens); plain tuples
unpickle in C and ``Token(*row)`` is 5x faster than pickle's own rebuild. So the lists of flat
records (tokens, sentences, paragraphs, mentions) travel as tuples of field values and are
rebuilt on the client; everything else stays as it is. ``unpack(pack(doc)) == doc``.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any

from .doc import Document, Mention, Paragraph, Sentence, Token

# Document list fields whose items are flat dataclasses (no nested dataclass values).
FLAT_LISTS: tuple[tuple[str, type], ...] = (
    ("tokens", Token), ("sentences", Sentence), ("paragraphs", Paragraph), ("mentions", Mention),
)
_GETTERS = {name: attrgetter(*(f.name for f in dataclasses.fields(kind))) for name, kind in FLAT_LISTS}


def pack(doc: Document) -> tuple[Document, dict[str, list[tuple[Any, ...]]]]:
    """(the Document with its flat lists emptied, those lists as tuples). Leaves ``doc`` intact."""
    rows = {}
    changes: dict[str, list] = {}
    for name, kind in FLAT_LISTS:
        items = getattr(doc, name)
        # A subclass instance would not come back as itself: leave such a list to pickle.
        if items and all(type(item) is kind for item in items):
            rows[name] = list(map(_GETTERS[name], items))
            changes[name] = []
    return (dataclasses.replace(doc, **changes) if changes else doc), rows


def unpack(packed: tuple[Document, dict[str, list[tuple[Any, ...]]]]) -> Document:
    doc, rows = packed
    kinds = dict(FLAT_LISTS)
    for name, values in rows.items():
        kind = kinds[name]
        setattr(doc, name, [kind(*value) for value in values])
    return doc
