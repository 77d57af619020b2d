"""`warta demo`: the whole pipeline over the bundled example articles (warta/examples/)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .doc import Document, Metadata
from .errors import InputError
from .pipeline import Failure, Pipeline
from .resources import Resources

EXAMPLES_DIR = Path(__file__).parent / "examples"
SNIPPET_CHARS = 80


@dataclass(frozen=True)
class Example:
    id: str
    path: Path
    outlet: str
    published: str


def load_examples(folder: Path = EXAMPLES_DIR) -> list[Example]:
    """The examples listed in ``index.yaml``, each checked to exist."""
    index = folder / "index.yaml"
    try:
        entries = yaml.safe_load(index.read_text(encoding="utf-8"))["examples"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise InputError(f"cannot read the example index: {err}", source=str(index)) from None
    examples = []
    for entry in entries:
        path = folder / entry["file"]
        if not path.is_file():
            raise InputError(f"example {entry['id']} lists a missing file {entry['file']}", source=str(index))
        examples.append(Example(entry["id"], path, entry["outlet"], str(entry["published"])))
    return examples


def example_documents(res: Resources | None = None) -> list[Document]:
    from .read import read_text

    docs = []
    for example in load_examples():
        metadata = Metadata(outlet=example.outlet, source_path=f"warta/examples/{example.path.name}")
        text = example.path.read_text(encoding="utf-8")
        docs.append(read_text(text, example.id, published=example.published, metadata=metadata, res=res))
    return docs


def _pipeline(res: Resources) -> tuple[Pipeline, list[str]]:
    # Every stage that exists; while some are still being written the demo runs without them.
    try:
        from .evaluate import available_pipeline
    except ImportError:
        return Pipeline(resources=res), []
    return available_pipeline(res)


def run_demo(output_format: str = "table") -> str:
    """Process the examples; a readable summary per article, or JSON Documents."""
    res = Resources()
    pipeline, warnings = _pipeline(res)
    results = list(pipeline.process_many(example_documents(res)))
    if output_format == "json":
        payload = {
            "stages": pipeline.names,
            "warnings": warnings,
            "documents": [r.to_dict() for r in results if isinstance(r, Document)],
            "failures": [vars(r) for r in results if isinstance(r, Failure)],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
    lines = [f"warta demo: {len(results)} example articles, stages: {', '.join(pipeline.names)}"]
    lines += [f"  note: {w}" for w in warnings]
    for result in results:
        lines.append("")
        lines += summarise(result) if isinstance(result, Document) else [f"== {result.doc_id}: FAILED ({result.error})"]
    return "\n".join(lines)


def _clip(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summarise(doc: Document) -> list[str]:
    """A short readable account of one processed Document."""
    meta = doc.metadata
    lines = [f"== {doc.id} ({meta.outlet or 'unknown outlet'}, {doc.published or 'no date'})"]
    if meta.title:
        lines.append(f"   headline : {meta.title}")
    if meta.dateline_place or meta.agency:
        lines.append(f"   dateline : {meta.dateline_place or '-'} / {meta.agency or '-'}")
    for label, values in (("credits", meta.credits), ("related", meta.related), ("authors", meta.authors),
                          ("editors", meta.editors)):
        if values:
            lines.append(f"   {label:<9}: {'; '.join(values)}")
    kinds: dict[str, int] = {}
    for paragraph in doc.paragraphs:
        kinds[paragraph.kind] = kinds.get(paragraph.kind, 0) + 1
    counts = [f"{len(doc.paragraphs)} paragraphs ({', '.join(f'{n} {k}' for k, n in kinds.items())})"]
    for name in ("sentences", "tokens", "entities", "quotes", "events"):
        if getattr(doc, name) or name in ("entities", "quotes", "events"):
            counts.append(f"{len(getattr(doc, name))} {name}")
    lines.append(f"   found    : {', '.join(counts)}")
    for entity in doc.entities:
        actor = f" [{entity.actor}]" if entity.actor else ""
        lines.append(f"     entity {entity.type:<3} {entity.name}{actor}")
    for quote in doc.quotes:
        speaker = doc.entity(quote.speaker)
        kind = "direct" if quote.direct else "indirect"
        lines.append(f"     quote  {speaker.name if speaker else '?'} ({kind}): {_clip(doc.span(quote.start, quote.end))}")
    for event in doc.events:
        detail = [f"{event.source or '-'} -> {event.target or '-'}", event.modality]
        if event.date:
            detail.append(event.date)
        if event.place:
            detail.append(event.place.name)
        lines.append(f"     event  {event.code} {', '.join(detail)}")
    return lines
