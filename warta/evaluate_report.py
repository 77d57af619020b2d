"""Readable output of ``warta eval``: a score table, and with --details the misses per file."""

from __future__ import annotations

from typing import Any

from .doc import Document, Entity, Event, Quote
from .evaluate import EvalResult
from .evaluate_match import Accuracy, Counts, FileScore, actors_agree, gold_codes, iso_date, norm

PART_NAMES = ("entities", "quotes", "events")
SNIPPET = 140


def _num(value: float) -> str:
    return f"{value:.3f}"


def _acc(accuracy: Accuracy) -> str:
    return _num(accuracy.value) if accuracy.total else "  -  "


def _columns(only: str | None) -> list[tuple[str, int, Any]]:
    """(header, width, cell function over (counts dict, accuracy dict)) for the chosen parts."""
    cols: list[tuple[str, int, Any]] = []
    if only in (None, "entities"):
        cols += [
            ("ent P", 6, lambda c, a: _num(c["entities"].p)),
            ("ent R", 6, lambda c, a: _num(c["entities"].r)),
            ("ent F1", 6, lambda c, a: _num(c["entities"].f1)),
            ("actor", 6, lambda c, a: _acc(a["actor"])),
        ]
    if only in (None, "quotes"):
        cols += [
            ("qdir F1", 7, lambda c, a: _num(c["quotes_direct"].f1)),
            ("qind F1", 7, lambda c, a: _num(c["quotes_indirect"].f1)),
        ]
    if only in (None, "events"):
        cols += [
            ("ev P", 6, lambda c, a: _num(c["events"].p)),
            ("ev R", 6, lambda c, a: _num(c["events"].r)),
            ("ev F1", 6, lambda c, a: _num(c["events"].f1)),
            ("code", 6, lambda c, a: _acc(a["full_code"])),
            ("modal", 6, lambda c, a: _acc(a["modality"])),
            ("date", 6, lambda c, a: _acc(a["date"])),
        ]
    return cols


def _file_counts(score: FileScore) -> dict[str, Counts]:
    return {
        "entities": score.entities.counts,
        "quotes_direct": score.quotes_direct.counts,
        "quotes_indirect": score.quotes_indirect.counts,
        "events": score.events.counts,
    }


def render_table(result: EvalResult, only: str | None = None) -> str:
    cols = _columns(only)
    width = max([len("micro")] + [len(s.id) for s in result.files]) + 1
    lines = [f"{'file':<{width}}" + " ".join(f"{h:>{w}}" for h, w, _ in cols)]
    lines.append("-" * len(lines[0]))
    for score in result.files:
        row = f"{score.id:<{width}}" + " ".join(
            f"{f(_file_counts(score), score.accuracy):>{w}}" for _, w, f in cols
        )
        lines.append(row + ("  (pipeline failed)" if score.error else ""))
    counts, accuracy = result.micro()
    lines.append("-" * len(lines[0]))
    lines.append(f"{'micro':<{width}}" + " ".join(f"{f(counts, accuracy):>{w}}" for _, w, f in cols))
    lines.append("")
    lines.append(f"micro over {len(result.files)} files; stages run: {', '.join(result.stages) or 'none'}")
    parts = [
        ("entities", "entities"),
        ("quotes_direct", "quotes"),
        ("quotes_indirect", "quotes"),
        ("events", "events"),
    ]
    for name, group in parts:
        if only not in (None, group):
            continue
        c = counts[name]
        line = (
            f"  {name.replace('_', ' '):<16} P {_num(c.p)}  R {_num(c.r)}  F1 {_num(c.f1)}"
            f"  (tp {c.tp}, system {c.sys}, gold {c.gold})"
        )
        if name == "entities":
            line += f"  actor accuracy {_acc(accuracy['actor'])} over {accuracy['actor'].total}"
        if name == "events":
            line += (
                f"\n  {'':<16} full-code {_acc(accuracy['full_code'])}"
                f"  exact-code {_acc(accuracy['exact_code'])}"
                f"  modality {_acc(accuracy['modality'])}  date {_acc(accuracy['date'])}"
                f"  place {_acc(accuracy['place'])}  over {accuracy['modality'].total} matched events"
            )
        lines.append(line)
    return "\n".join(lines)


# ---- details ------------------------------------------------------------------------------
def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _entity_line(doc: Document, entity: Entity) -> str:
    spans = {m.id: doc.span(m.start, m.end) for m in doc.mentions}
    forms = sorted({spans[m] for m in entity.mentions if m in spans} - {entity.name})
    extra = f" also {', '.join(forms)}" if forms else ""
    return f"{entity.name} {entity.type} {entity.actor or 'null'}{extra}"


def _gold_entity_line(gold: dict[str, Any]) -> str:
    forms = [m for m in gold.get("mentions") or [] if m != gold.get("name")]
    extra = f" also {', '.join(forms)}" if forms else ""
    return f"{gold.get('name')} {gold.get('type')} {gold.get('actor') or 'null'}{extra}"


def _quote_line(doc: Document, quote: Quote) -> str:
    speaker = doc.entity(quote.speaker)
    return f"[{speaker.name if speaker else 'no speaker'}] {_clip(doc.span(quote.start, quote.end))}"


def _event_line(doc: Document, event: Event) -> str:
    sentence = doc.sentences[event.sentence] if 0 <= event.sentence < len(doc.sentences) else None
    text = _clip(doc.sentence_text(sentence)) if sentence else "(no sentence)"
    return (
        f"{event.code} {event.source or 'null'} -> {event.target or 'null'} {event.modality}"
        f" date {event.date or 'null'} | {text}"
    )


def _gold_event_line(gold: dict[str, Any]) -> str:
    alts = f" (alt {','.join(gold.get('alt_codes') or [])})" if gold.get("alt_codes") else ""
    arrow = "<->" if gold.get("symmetric") else "->"
    return (
        f"{gold.get('code')}{alts} {gold.get('source') or 'null'} {arrow} {gold.get('target') or 'null'}"
        f" {gold.get('modality')} date {gold.get('date') or 'null'} | {_clip(gold.get('sentence', ''))}"
    )


def render_details(result: EvalResult, only: str | None = None) -> str:
    out: list[str] = []
    for score in result.files:
        doc = score.doc or Document(id=score.id, text="")
        out.append(f"== {score.id} ==")
        if score.error:
            out.append(f"  pipeline failed: {score.error}")
        if only in (None, "entities"):
            out += [f"  entity missed:   {_gold_entity_line(g)}" for g in score.entities.missed]
            out += [f"  entity spurious: {_entity_line(doc, e)}" for e in score.entities.spurious]
            out += [
                f"  entity actor:    {e.name}: system {e.actor or 'null'}, gold {g.get('actor') or 'null'}"
                for e, g in score.entities.matched
                if not actors_agree(e.actor, g.get("actor"))
            ]
        if only in (None, "quotes"):
            for kind, part in (("direct", score.quotes_direct), ("indirect", score.quotes_indirect)):
                out += [
                    f"  quote {kind} missed:   [{g.get('speaker')}] {_clip(g.get('contains', ''))}"
                    for g in part.missed
                ]
                out += [f"  quote {kind} spurious: {_quote_line(doc, q)}" for q in part.spurious]
        if only in (None, "events"):
            unlocated = {id(g) for g in score.unlocated}
            out += [
                f"  event missed:   {_gold_event_line(g)}"
                + ("  [sentence not found in text]" if id(g) in unlocated else "")
                for g in score.events.missed
            ]
            out += [f"  event spurious: {_event_line(doc, e)}" for e in score.events.spurious]
            for event, gold in score.events.matched:
                wrong = _differences(event, gold)
                if wrong:
                    label = f"event matched, wrong {', '.join(wrong)}:"
                    out.append(f"  {label} system {_event_line(doc, event)}")
                    out.append(f"  {'':<{len(label)}} gold   {_gold_event_line(gold)}")
    return "\n".join(out)


def _differences(event: Event, gold: dict[str, Any]) -> list[str]:
    wrong = []
    if event.code not in gold_codes(gold):
        wrong.append("code")
    if event.modality != gold.get("modality"):
        wrong.append("modality")
    if iso_date(event.date) != iso_date(gold.get("date")):
        wrong.append("date")
    place = event.place.name if event.place is not None else None
    if norm(place) != norm(gold.get("place")):
        wrong.append("place")
    return wrong
