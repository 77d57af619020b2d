"""Readable text tables of a processed Document (``warta extract --format table``, ``warta demo``)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from .doc import Document

WIDTH = 110
MAX_QUOTE_CHARS = 90


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _or_dash(value: object) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def metadata_table(doc: Document) -> Table:
    meta = doc.metadata
    table = Table(title=f"Article {doc.id}", box=box.SIMPLE, show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    dateline = doc.span(*meta.dateline_span) if meta.dateline_span else None
    rows = [
        ("title", meta.title), ("published", doc.published), ("outlet", meta.outlet), ("url", meta.url),
        ("dateline", dateline), ("place", meta.dateline_place), ("agency", meta.agency),
        ("credits", meta.credits), ("related", meta.related), ("authors", meta.authors),
        ("editors", meta.editors), ("captions", len(meta.captions) or None),
        ("paragraphs", _paragraph_summary(doc)), ("sentences", len(doc.sentences) if doc.sentences else None),
        ("tokens", len(doc.tokens) if doc.tokens else None), ("stages", doc.stages),
    ]
    for name, value in rows:
        table.add_row(name, _or_dash(value))
    return table


def _paragraph_summary(doc: Document) -> str | None:
    if not doc.paragraphs:
        return None
    counts: dict[str, int] = {}
    for paragraph in doc.paragraphs:
        counts[paragraph.kind] = counts.get(paragraph.kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def entities_table(doc: Document) -> Table:
    table = Table(title=f"Entities ({len(doc.entities)})", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("name", "type", "actor", "mentions"):
        table.add_column(column, overflow="fold")
    for entity in doc.entities:
        surfaces: list[str] = []
        for mention_id in entity.mentions:
            mention = doc.mention(mention_id)
            if mention is not None:
                surface = doc.span(mention.start, mention.end)
                if surface not in surfaces:
                    surfaces.append(surface)
        table.add_row(entity.name, entity.type, _or_dash(entity.actor), _or_dash(surfaces))
    if not doc.entities and doc.mentions:
        for mention in doc.mentions:
            table.add_row(doc.span(mention.start, mention.end), mention.type, "-", mention.kind)
    return table


def quotes_table(doc: Document) -> Table:
    table = Table(title=f"Quotes ({len(doc.quotes)})", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("speaker", "kind", "cue", "quoted words"):
        table.add_column(column, overflow="fold")
    for quote in doc.quotes:
        speaker = doc.entity(quote.speaker)
        cue = doc.span(quote.cue_start, quote.cue_end) if quote.cue_start is not None and quote.cue_end else None
        table.add_row(speaker.name if speaker else "-", "direct" if quote.direct else "indirect", _or_dash(cue),
                      _clip(doc.span(quote.start, quote.end), MAX_QUOTE_CHARS))
    return table


def events_table(doc: Document) -> Table:
    table = Table(title=f"Events ({len(doc.events)})", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("code", "source", "target", "modality", "date", "place", "sentence"):
        table.add_column(column, overflow="fold")
    for event in doc.events:
        sentence = ""
        if 0 <= event.sentence < len(doc.sentences):
            sentence = _clip(doc.sentence_text(doc.sentences[event.sentence]), 60)
        table.add_row(event.code, _or_dash(event.source), _or_dash(event.target), event.modality,
                      _or_dash(event.date), _or_dash(event.place.name if event.place else None), sentence)
    return table


def render_tables(doc: Document, console: Console) -> None:
    console.print(metadata_table(doc))
    console.print(entities_table(doc) if (doc.entities or doc.mentions) else "Entities: none found")
    console.print(quotes_table(doc) if doc.quotes else "Quotes: none found")
    console.print(events_table(doc) if doc.events else "Events: none found")


def render_table(doc: Document, width: int = WIDTH) -> str:
    """Plain-text tables of metadata, entities, quotes and events; empty slots say so."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, color_system=None, highlight=False,
                      emoji=False, force_terminal=False)
    render_tables(doc, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip().splitlines()) + "\n"
