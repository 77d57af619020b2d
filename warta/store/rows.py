"""A processed Document as table rows (plain dicts keyed by column name)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any

from ..doc import Document, Event

# Digits with thousands/decimal separators, an optional Indonesian scale word, then the counted
# noun: "11 bidang", "2,5 juta jiwa", "1.200 personel". Used only when the tokens stage has not
# run (with tokens, number tokens decide).
_AMOUNT = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s+(?:ribu|juta|miliar|triliun))?\s+([^\W\d_]{3,})")
_SCALES = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "triliun": 1e12}


def content_hash(text: str) -> str:
    """The article key: SHA-256 of the text with runs of whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    return json.dumps(value, ensure_ascii=False)


def article_row(doc: Document, text_hash: str, pipeline_version: str | None, added: str,
                source: str | None = None) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "doc_id": doc.id,
        "content_hash": text_hash,
        "url": meta.url or None,
        "outlet": meta.outlet,
        "title": meta.title,
        "published": doc.published,
        "text": doc.text,
        "metadata": _json(meta),
        "source": source or meta.source_path,
        "pipeline_version": pipeline_version,
        "status": "ok",
        "error": None,
        "error_kind": None,
        "added": added,
    }


def entity_rows(doc: Document, article_id: int) -> list[dict[str, Any]]:
    return [
        {"article_id": article_id, "entity_id": e.id, "name": e.name, "type": e.type, "actor": e.actor,
         "country": e.country, "role": e.role, "title": e.title, "kb_id": e.kb_id, "latitude": e.latitude,
         "longitude": e.longitude, "n_mentions": len(e.mentions)}
        for e in doc.entities
    ]


def mention_rows(doc: Document, article_id: int) -> list[dict[str, Any]]:
    return [
        {"article_id": article_id, "mention_id": m.id, "entity_id": m.entity, "start_char": m.start,
         "end_char": m.end, "text": doc.span(m.start, m.end), "type": m.type, "kind": m.kind,
         "sentence": m.sentence, "source": m.source}
        for m in doc.mentions
    ]


def quote_rows(doc: Document, article_id: int) -> list[dict[str, Any]]:
    rows = []
    for q in doc.quotes:
        speaker = doc.entity(q.speaker)
        addressee = doc.entity(q.addressee)
        has_cue = q.cue_start is not None and q.cue_end is not None
        rows.append({
            "article_id": article_id, "quote_id": q.id, "start_char": q.start, "end_char": q.end,
            "text": doc.span(q.start, q.end), "direct": q.direct, "speaker": q.speaker,
            "speaker_name": speaker.name if speaker else None, "speaker_actor": speaker.actor if speaker else None,
            "speaker_mention": q.speaker_mention, "addressee": q.addressee,
            "addressee_name": addressee.name if addressee else None,
            "cue": doc.span(q.cue_start, q.cue_end) if has_cue else None,
            "cue_start": q.cue_start, "cue_end": q.cue_end, "sentence": q.sentence,
        })
    return rows


def _sentence_text(doc: Document, index: int) -> str | None:
    if 0 <= index < len(doc.sentences):
        return doc.sentence_text(doc.sentences[index])
    return None


def _entity_name(doc: Document, entity_id: str | None) -> str | None:
    entity = doc.entity(entity_id)
    return entity.name if entity else None


def event_row(doc: Document, event: Event, article_id: int) -> dict[str, Any]:
    place = event.place
    expl = event.explanation
    return {
        "article_id": article_id, "event_id": event.id, "global_event_id": None,
        "code": event.code, "base_code": event.base_code or event.code[:3],
        "root_code": event.root_code or event.code[:2], "quad_class": event.quad_class,
        "goldstein": event.goldstein, "plover_type": event.plover_type, "plover_mode": event.plover_mode,
        "source": event.source, "target": event.target, "source_entity": event.source_entity,
        "target_entity": event.target_entity, "source_name": _entity_name(doc, event.source_entity),
        "target_name": _entity_name(doc, event.target_entity), "symmetric": event.symmetric,
        "modality": event.modality, "date": event.date,
        "place_name": place.name if place else None, "place_country": place.country if place else None,
        "place_feature": place.feature if place else None,
        "place_lat": place.latitude if place else None, "place_lon": place.longitude if place else None,
        "is_root": event.is_root, "in_quote": event.in_quote, "sentence": event.sentence,
        "sentence_text": _sentence_text(doc, event.sentence),
        "trigger_start": expl.trigger_start if expl else None, "trigger_end": expl.trigger_end if expl else None,
        "source_start": expl.source_span[0] if expl and expl.source_span else None,
        "target_start": expl.target_span[0] if expl and expl.target_span else None,
        "explanation": _json(expl),
        "outlet": doc.metadata.outlet,  # copy of articles.outlet, for the outlet index
    }


def _parse_amount(number: str, scale: str | None) -> float | None:
    # Indonesian writes "." between thousands and "," before decimals.
    digits = number.replace(".", "").replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * _SCALES.get((scale or "").strip().lower(), 1.0)


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def amount_rows(doc: Document, article_id: int) -> list[dict[str, Any]]:
    """Counted quantities ("11 bidang"), as GDELT's GKG Amounts: amount, object, offset."""
    rows = []
    if doc.tokens:
        tokens = doc.tokens
        for i, tok in enumerate(tokens):
            if tok.kind not in ("number", "money") or i + 1 >= len(tokens):
                continue
            nxt = tokens[i + 1]
            if nxt.kind != "word":
                continue
            number, scale = doc.token_text(tok), None
            if _is_year(number):
                continue
            if doc.token_text(nxt).lower() in _SCALES and i + 2 < len(tokens) and tokens[i + 2].kind == "word":
                scale, nxt = doc.token_text(nxt), tokens[i + 2]  # "2,5 juta jiwa": the object is "jiwa"
            rows.append({"article_id": article_id, "amount": f"{number} {scale}" if scale else number,
                         "value": _parse_amount(number, scale), "object": doc.token_text(nxt),
                         "start_char": tok.start})
        return rows
    for match in _AMOUNT.finditer(doc.text):
        number, scale, noun = match.group(1), match.group(2), match.group(3)
        if _is_year(number):
            continue
        amount = number + (scale or "")
        rows.append({"article_id": article_id, "amount": amount, "value": _parse_amount(number, scale),
                     "object": noun, "start_char": match.start()})
    return rows
