"""Time stage: resolve date expressions against the publication date and date each event.

``resolve_dates`` finds every date expression in the story sentences ("pada Senin",
"Rabu (18/9)", "11 Juli 2023", "kemarin", "pekan lalu", "tahun lalu") and resolves it against
``doc.published``. An event takes the day-precise expression of its own sentence nearest its
trigger; a vaguer one there ("awal September", "pekan lalu") leaves its date null, as the gold
does. Without one, an event by a speaker whose statement carries a credit date ("kata Geng,
seperti dilansir Xinhua pada Kamis (19/9)") takes that date: the article reports that actor's
stance of that day. Everything else stays null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import dateparser

from ..doc import Document, Event
from ..resources import Resources
from .actors_rules import actor_level
from .time_rules import TimeRules

NAME = "time"
REQUIRES = frozenset({"events"})
PROVIDES = frozenset({"dates"})

_ORDER = ("day_month", "date", "ago", "relative_period", "weekday", "relative_day", "month", "year")
_WORD = re.compile(r"\w+")
_SCENE_OPENERS = frozenset({"pada", "dalam", "saat", "ketika", "sejak", "hingga", "sampai", "sebelumnya"})
_LEGAL_NUMBER = re.compile(r"(?i)\b(?:nomor|no\.?)\s*\d+[a-z]?\s+$")
# After the trigger, a relative clause ("..., yang dijadwalkan pada 28 September") or a purpose
# clause ("mengundang X untuk bertemu di Camp David pada 8 September") dates something else.
_RELATIVE = re.compile(r"(?i)(?:,\s*|\b)(?:yang|untuk)\b")
_FUTURE_BEFORE, _FUTURE_AFTER, _CREDIT_BEFORE = 5, 3, 7  # windows, in words
_ATTRIBUTION_WORDS = 12  # "kata Ruki di Gedung Merah Putih KPK, Senin (16/9/2019)"


@dataclass(frozen=True)
class DateExpression:
    start: int
    end: int
    iso: str  # 2019-09-18, 2019-W37, 2019-09 or 2019
    granularity: str  # day, week, month, year
    sentence: int | None = None
    credit: bool = False  # part of a credit line: "dilansir Reuters pada Rabu (18/9)"


def run(doc: Document, res: Resources) -> Document:
    rules: TimeRules = res.get("time_rules")
    exprs = _mark_statement_dates(doc, resolve_dates(doc, res))
    by_sentence: dict[int | None, list[DateExpression]] = {}
    for expr in exprs:
        by_sentence.setdefault(expr.sentence, []).append(expr)
    lead = _lead_paragraph(doc)
    speaker_dates, actor_dates = _credit_dates(doc, exprs)
    scene = _scene_date(doc, exprs, lead)
    for event in doc.events:
        mine = by_sentence.get(event.sentence, [])
        own = _nearest(event, mine, doc)
        if own is None and any(e.granularity == "day" and not e.credit for e in mine):
            continue  # the sentence's days all belong to its other clauses: this act's day is unknown
        if own is not None:
            if own.granularity == "day" and not (own.credit and _before_statement(doc, event, rules)):
                _set(event, own.iso, (own.start, own.end))
            continue
        in_lead = event.sentence < len(doc.sentences) and doc.sentences[event.sentence].paragraph == lead
        event.date = _credited(doc, event, speaker_dates, actor_dates, in_lead)
        if event.date is None and scene is not None:
            _set(event, scene.iso, None)
    return doc


def _set(event: Event, iso: str, span: tuple[int, int] | None) -> None:
    event.date = iso
    if event.explanation is not None and span is not None:
        event.explanation.date_span = span


def _trigger(event: Event, doc: Document) -> tuple[int, int]:
    if event.explanation is not None:
        return event.explanation.trigger_start, event.explanation.trigger_end
    pos = doc.sentences[event.sentence].start if event.sentence < len(doc.sentences) else 0
    return pos, pos


def _nearest(event: Event, exprs: list[DateExpression], doc: Document) -> DateExpression | None:
    """The expression nearest the trigger in its clause: one behind a relative clause
    ("..., yang dijadwalkan pada 28 September") dates something else."""
    a, b = _trigger(event, doc)

    def distance(expr: DateExpression) -> float:
        if expr.start >= b:  # Indonesian puts the time after the verb: "tiba ... pada Senin"
            return 0.8 * len(_WORD.findall(doc.text[b : expr.start]))
        return len(_WORD.findall(doc.text[expr.end : a]))

    usable = [e for e in exprs if e.credit or not (e.start >= b and _RELATIVE.search(doc.text, b, e.start))]
    return min(usable, key=distance) if usable else None


def _before_statement(doc: Document, event: Event, rules: TimeRules) -> bool:
    """A quoted act in the perfect ("Kami telah bertemu") happened before the credited statement."""
    if event.in_quote is None:
        return False
    a, _ = _trigger(event, doc)
    return bool(_words_before(doc.text, max(0, a - 40), a, 2) & rules.perfect)


def _lead_paragraph(doc: Document) -> int | None:
    for i, p in enumerate(doc.paragraphs):
        if p.kind == "body":
            return i
    return None


def _scene_date(doc: Document, exprs: list[DateExpression], lead: int | None) -> DateExpression | None:
    """A day the lead paragraph sets the story on, in a sentence-opening adverbial ("Pada aksi
    demo Minggu (15/9), ..." / "Semalam, Riyadh ..."): the day of the story's scene."""
    for expr in exprs:
        if expr.sentence is None or expr.credit or expr.granularity != "day":
            continue
        sentence = doc.sentences[expr.sentence]
        if sentence.paragraph != lead:
            continue
        comma = doc.text.find(",", sentence.start, sentence.end)
        opening = doc.text[sentence.start : expr.start].split()
        if comma != -1 and expr.end <= comma and (not opening or opening[0].lower() in _SCENE_OPENERS):
            return expr
    return None


def _mark_statement_dates(doc: Document, exprs: list[DateExpression]) -> list[DateExpression]:
    """A day named in a quote's attribution, after its saying verb and outside the quoted words
    ("...," kata Ruki di Gedung KPK, Senin (16/9/2019).), dates the statement just as a credit
    line does: domestic outlets date statements this way rather than with "dilansir"."""
    cues = [q for q in doc.quotes if q.cue_end is not None and q.sentence is not None]
    if not cues:
        return exprs
    marked = []
    for expr in exprs:
        if not expr.credit and expr.granularity == "day" and any(
            q.sentence == expr.sentence and q.cue_end <= expr.start and not q.start <= expr.start < q.end
            and len(_WORD.findall(doc.text[q.cue_end : expr.start])) <= _ATTRIBUTION_WORDS
            for q in cues
        ):
            expr = replace(expr, credit=True)
        marked.append(expr)
    return marked


def _credit_dates(doc: Document, exprs: list[DateExpression]):
    """Speaker entity -> date, and speaker actor (country or organisation) -> date, from the
    credit lines attached to their quotes."""
    speaker_dates: dict[str, str] = {}
    actor_dates: dict[str, str] = {}
    credited = {e.sentence: e for e in exprs if e.credit and e.granularity == "day"}
    for quote in doc.quotes:
        expr = credited.get(quote.sentence)
        if expr is None or quote.speaker is None:
            continue
        speaker_dates.setdefault(quote.speaker, expr.iso)
        entity = doc.entity(quote.speaker)
        if entity is not None and entity.actor:
            actor_dates.setdefault(actor_level(entity.actor), expr.iso)
    return speaker_dates, actor_dates


def _credited(doc: Document, event: Event, speaker_dates: dict[str, str], actor_dates: dict[str, str],
              in_lead: bool) -> str | None:
    """The credit date of the event's speaker; in the lead (which sums up the quoted stances)
    any actor of the credited speaker's country or organisation qualifies."""
    if event.in_quote is not None:
        for quote in doc.quotes:
            if quote.id == event.in_quote and quote.speaker in speaker_dates:
                return speaker_dates[quote.speaker]
    if event.source_entity in speaker_dates:
        return speaker_dates[event.source_entity]
    if in_lead and event.source:
        return actor_dates.get(actor_level(event.source))
    return None


# ---- finding and resolving expressions --------------------------------------------------------
def resolve_dates(doc: Document, res: Resources) -> list[DateExpression]:
    """Every date expression in the story sentences, resolved against ``doc.published``."""
    rules: TimeRules = res.get("time_rules")
    base = _published(doc.published)
    story = {i for i, p in enumerate(doc.paragraphs) if p.kind in ("headline", "body")}
    spans = [(s.start, s.end, i) for i, s in enumerate(doc.sentences) if not story or s.paragraph in story]
    if not doc.sentences:
        spans = [(p.start, p.end, None) for p in doc.paragraphs if p.kind in ("headline", "body")] or [
            (0, len(doc.text), None)]
    out: list[DateExpression] = []
    for start, end, index in spans:
        found = []
        for kind in _ORDER:
            for m in rules.patterns[kind].finditer(doc.text, start, end):
                found.append((m.start(), -(m.end() - m.start()), _ORDER.index(kind), kind, m))
        taken: list[tuple[int, int]] = []
        for _, _, _, kind, m in sorted(found):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            resolved = _resolve(kind, m, doc.text, start, base, rules)
            taken.append((m.start(), m.end()))  # a rejected match still hides its sub-matches
            if resolved is None:
                continue
            credit = _words_before(doc.text, start, m.start(), _CREDIT_BEFORE) & rules.credit_cues
            out.append(DateExpression(m.start(), m.end(), resolved[0], resolved[1], index, bool(credit)))
    return sorted(out, key=lambda e: e.start)


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _words_before(text: str, floor: int, pos: int, n: int) -> set[str]:
    return {w.lower() for w in _WORD.findall(text[max(floor, pos - 12 * n) : pos])[-n:]}


def _words_after(text: str, pos: int, n: int) -> set[str]:
    return {w.lower() for w in _WORD.findall(text[pos : pos + 12 * n])[:n]}


def _future(text: str, floor: int, m: re.Match[str], rules: TimeRules) -> bool:
    near = _words_before(text, floor, m.start(), _FUTURE_BEFORE) | _words_after(text, m.end(), _FUTURE_AFTER)
    if _words_before(text, floor, m.start(), _CREDIT_BEFORE) & rules.credit_cues:
        return False
    return bool(near & rules.future_cues)


def _resolve(kind: str, m: re.Match[str], text: str, floor: int, base: date | None, rules: TimeRules):
    if kind == "year":
        if m.group().lower().startswith("tahun") and _LEGAL_NUMBER.search(text[max(floor, m.start() - 24) : m.start()]):
            return None  # "UU Nomor 30 Tahun 2002" cites a law, it dates nothing
        return m.group(1), "year"
    if kind in ("day_month", "date"):
        return _absolute(kind, m, text, floor, base, rules)
    if kind == "month":
        month = rules.months[m.group(2).lower()]
        if m.group(3):
            return f"{m.group(3)}-{month:02d}", "month"
        if base is None:
            return None
        year = base.year - 1 if month > base.month + 1 else base.year
        return f"{year}-{month:02d}", "month"
    if base is None:
        return None  # relative expressions need the publication date
    if kind == "relative_day":
        offset = rules.relative_days[" ".join(m.group().lower().split())]
        return (base + timedelta(days=offset)).isoformat(), "day"
    if kind == "relative_period":
        unit, offset = rules.relative_periods[" ".join(m.group().lower().split())]
        return _period(base, unit, offset)
    if kind == "ago":
        n = int(m.group(1)) if m.group(1).isdigit() else rules.numbers[m.group(1).lower()]
        unit = rules.units[m.group(2).lower()]
        if unit == "day":
            return (base - timedelta(days=n)).isoformat(), "day"
        return _period(base, unit, -n)
    return _weekday(m, text, floor, base, rules)


def _absolute(kind: str, m: re.Match[str], text: str, floor: int, base: date | None, rules: TimeRules):
    if kind == "day_month":
        day, month, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        day, month, year_text = int(m.group(1)), rules.months[m.group(2).lower()], m.group(3)
    if kind == "date" and not year_text and _words_before(text, floor, m.start(), 2) & rules.date_names:
        return None  # "serangan 11 September" names an event, it does not date this one
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        if kind == "date":
            parsed = _dateparse(m.group(), rules)
            if parsed is not None:
                return parsed.isoformat(), "day"
    elif base is not None:
        year = base.year
        # A day and month without a year is the nearest one in the past, unless the text says
        # it is coming ("28 September mendatang").
        ahead = 31 if _future(text, floor, m, rules) else 7
        try:
            if date(year, month, day) > base + timedelta(days=ahead):
                year -= 1
        except ValueError:
            return None
    else:
        return None
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _dateparse(text: str, rules: TimeRules) -> date | None:
    """dateparser reads full Indonesian dates ("11 Juli 2023"); cached per distinct string."""
    key = " ".join(text.split())
    if key not in rules.parsed:
        value = dateparser.parse(key, languages=["id"], settings={"STRICT_PARSING": True})
        rules.parsed[key] = value.date() if value is not None else None
    return rules.parsed[key]


def _period(base: date, unit: str, offset: int):
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=offset)
        iso = monday.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", "week"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return f"{index // 12}-{index % 12 + 1:02d}", "month"
    if unit == "year":
        return str(base.year + offset), "year"
    return (base + timedelta(days=offset)).isoformat(), "day"


def _weekday(m: re.Match[str], text: str, floor: int, base: date, rules: TimeRules):
    target = rules.days[m.group(1).lower()]
    modifier = " ".join(m.group(2).lower().split()) if m.group(2) else ""
    today = base.weekday()
    if modifier in rules.day_past_week:
        day = base - timedelta(days=today + 7) + timedelta(days=target)
    elif modifier in rules.day_future_week:
        day = base - timedelta(days=today) + timedelta(days=7 + target)
    elif modifier in rules.day_past:
        day = base - timedelta(days=(today - target) % 7 or 7)
    elif modifier in rules.day_future:
        day = base + timedelta(days=(target - today) % 7 or 7)
    elif _future(text, floor, m, rules):
        day = base + timedelta(days=(target - today) % 7)
    else:  # the most recent such day, publication day included
        day = base - timedelta(days=(today - target) % 7)
    return day.isoformat(), "day"
