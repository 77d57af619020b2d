"""Article text as HTML with entity, quote and event spans marked. Every piece of text and every
attribute value is escaped here: article text, names and offsets come from untrusted input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from .. import queries_docs

MARK_START, MARK_END = queries_docs.MARK_START, queries_docs.MARK_END


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # "ent", "quote", "trig", "cue"
    ref: str  # entity group id, quote id or event row id
    label: str = ""
    classes: list[str] = field(default_factory=list)


def article_spans(article: dict[str, Any]) -> list[_Span]:
    """The spans to mark: mentions of entities, quoted words, reporting cues and event triggers."""
    text_len = len(article.get("text") or "")
    groups = {e["entity_id"]: e for e in article.get("entities", [])}
    spans: list[_Span] = []
    for m in article.get("mentions", []):
        entity = groups.get(m.get("entity_id"))
        ref = str(entity["group_id"]) if entity and entity.get("group_id") else ""
        label = f"{entity['name']} ({entity.get('actor') or entity['type']})" if entity else (m.get("type") or "")
        spans.append(_Span(m["start_char"], m["end_char"], "ent", ref, label, [f"t-{m.get('type') or 'X'}"]))
    for q in article.get("quotes", []):
        spans.append(_Span(q["start_char"], q["end_char"], "quote", str(q["quote_id"]),
                           f"quote by {q.get('speaker_name') or 'unknown speaker'}"))
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            spans.append(_Span(q["cue_start"], q["cue_end"], "cue", str(q["quote_id"]), "reporting cue"))
    for ev in article.get("events", []):
        trigger = (ev.get("explanation") or {}).get("trigger")
        if trigger:
            spans.append(_Span(trigger["start"], trigger["end"], "trig", str(ev["id"]),
                               f"event {ev.get('code')} {ev.get('source') or '?'} → {ev.get('target') or '?'}",
                               [f"quad{ev.get('quad_class') or 0}"]))
    return [s for s in spans if s.start is not None and s.end is not None and 0 <= s.start < s.end <= text_len]


def _open_tag(active: list[_Span]) -> str:
    kinds = sorted({s.kind for s in active})
    classes = [*kinds, *sorted({c for s in active for c in s.classes})]
    attrs = {"class": " ".join(classes), "title": " · ".join(dict.fromkeys(s.label for s in active if s.label))}
    for kind, attr in (("ent", "data-entity"), ("quote", "data-quote"), ("trig", "data-event")):
        refs = [s.ref for s in active if s.kind == kind and s.ref]
        if refs:
            attrs[attr] = " ".join(dict.fromkeys(refs))
    link = None
    if "data-event" in attrs:
        link = f"#event-{attrs['data-event'].split()[0]}"
    elif "data-entity" in attrs:
        link = f"/entity/{attrs['data-entity'].split()[0]}"
    tag = "a" if link else "span"
    if link:
        attrs["href"] = link
    rendered = " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
    return f"<{tag} {rendered}>", f"</{tag}>"


def highlight(text: str, spans: list[_Span]) -> Markup:
    """The text cut at every span boundary; each piece wrapped in one element naming all its spans."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        active = [s for s in spans if s.start <= a and b <= s.end]
        if active:
            open_tag, close_tag = _open_tag(active)
            out.append(open_tag + piece + close_tag)
        else:
            out.append(piece)
    return Markup("".join(out))


def snippet(raw: str | None) -> Markup:
    """A search snippet with its match markers turned into <mark>, everything else escaped."""
    escaped = str(escape(raw or ""))
    return Markup(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
