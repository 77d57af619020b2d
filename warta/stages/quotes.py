"""Quotes stage: direct and indirect quotes with their speaker and addressee.

Direct quotes are the words between quotation marks (every style, mojibake included); a quote
left open at a paragraph end continues into the next paragraph that opens with a mark. The
speaker comes from the reporting clause after the quote ('"...," kata Shamkhani', '"...,"
ujarnya') or before it ('Ia mengatakan: "..."'); a clitic or pronoun is resolved through the
coref mention on it, else to the most recent speaker or subject. A quote without a clause
continues the previous speaker. A short quoted term inside a sentence is a scare quote, unless
it ends an indirect quote ('mengatakan bahwa X "berada di ambang kesepakatan."').
Indirect quotes are found in ``quotes_indirect``.
"""

from __future__ import annotations

import re

from ..doc import Document, Quote
from ..resources import Resources
from .quote_rules import QuoteRules
from .quote_text import (
    Candidate,
    RawQuote,
    TextIndex,
    best_mention,
    pair_marks,
    skip_connectives,
    speaker_after,
    subject_before,
)
from .quotes_indirect import find_indirect

NAME = "quotes"
REQUIRES = frozenset({"sentences", "entities"})
PROVIDES = frozenset({"quotes"})

_SENT_END = re.compile(r"[.!?](?=\s|$)")
_LEAD = re.compile(r"\s*[,.]?\s*")
# An active verb (me-) before a name in its clause makes the name an object, not a subject.
_ACTIVE_VERB = re.compile(r"\bme(?!nteri)[a-z]{4,}\b")
# A name followed by a demonstrative modifies a description ("Politikus Partai Golkar ini").
_DESCRIBED_BY = re.compile(r"\s+(?:ini|itu|tersebut)\b")
ANONYMOUS = ""  # the speaker of an anonymous source's words: dropped, never resolved further
_PARAPHRASE_WORDS = 4  # own words before a quoted fragment that make the sentence a paraphrase


def run(doc: Document, res: Resources) -> Document:
    rules: QuoteRules = res.get("quote_rules")
    doc.quotes = extract_quotes(doc, rules)
    return doc


def extract_quotes(doc: Document, rules: QuoteRules) -> list[Quote]:
    idx = TextIndex(doc)
    story = [i for i, p in enumerate(doc.paragraphs) if p.kind == "body"]
    raws = _pair_story(idx, rules, story)
    consumed: set[int] = set()  # saying verbs already used by a direct quote
    cands = _direct(idx, rules, raws, story, consumed)
    kept = {c.start for c in cands}
    idx.masked = [(r.open_start, r.close_end) for r in raws if r.start in kept]
    cands.extend(find_indirect(idx, rules, story, consumed))
    return _resolve(idx, rules, cands)


def _pair_story(idx: TextIndex, rules: QuoteRules, story: list[int]) -> list[RawQuote]:
    """Quotes of every story paragraph. A paragraph that opens with a closing mark and a
    reporting verb ('" kata Syarief.') closes the quote left open by the paragraph before: the
    scraper cut the paragraph at the closing mark."""
    text = idx.text
    raws: list[RawQuote] = []
    for i in story:
        p = idx.doc.paragraphs[i]
        start = p.start
        last = raws[-1] if raws else None
        mark = rules.mark_re.match(text, p.start, p.end)
        if (last is not None and not last.closed and mark is not None and mark.group() not in rules.open_marks
                and rules.after_re.match(text, _LEAD.match(text, mark.end(), p.end).end(), p.end)):
            last.closed, last.close_end, last.close_paragraph = True, mark.end(), i
            start = mark.end()
        raws.extend(pair_marks(text, start, p.end, i, rules))
    return raws


# ---- direct quotes ---------------------------------------------------------------------------
def _direct(idx: TextIndex, rules: QuoteRules, raws: list[RawQuote], story: list[int], consumed: set[int]):
    cands: list[Candidate] = []
    for raw in raws:
        cand = Candidate(raw.start, raw.end, True, idx.sentence_at(raw.start))
        para = idx.doc.paragraphs[raw.paragraph if raw.close_paragraph is None else raw.close_paragraph]
        if raw.closed and _after_clause(idx, rules, raw, cand, para.end) or _before_clause(idx, rules, raw, cand, consumed):
            pass
        elif not raw.closed and _continues(idx, rules, story, raw.paragraph):
            cand.mode = "chain"
        elif _inline(idx, raw):
            if not _fragment(idx, rules, raw, cand, consumed):
                continue  # a scare-quoted term, not a quote
        else:
            cand.mode = "inherit"
        cands.append(cand)
    return cands


def _continues(idx: TextIndex, rules: QuoteRules, story: list[int], paragraph: int) -> bool:
    later = [i for i in story if i > paragraph]
    if not later:
        return False
    start = idx.doc.paragraphs[later[0]].start
    m = rules.mark_re.match(idx.text, start)
    return m is not None and m.group() not in rules.close_marks


def _after_clause(idx: TextIndex, rules: QuoteRules, raw: RawQuote, cand: Candidate, limit: int) -> bool:
    text = idx.text
    pos = _LEAD.match(text, raw.close_end, limit).end()
    cue = rules.after_re.match(text, pos, limit)
    if cue is None or (cue.end() < limit and text[cue.end()] == "-"):
        return False
    cand.cue = (cue.start(), cue.end())
    cand.sentence = idx.sentence_at(cue.start())
    speaker_after(idx, rules, cand, cue.end(), limit, pronoun=cue.group().lower().endswith("nya"))
    return True


def _clause_start(idx: TextIndex, pos: int, floor: int) -> int:
    """Start of the sentence that holds ``pos`` (never before ``floor``)."""
    start = floor
    for m in _SENT_END.finditer(idx.text, floor, pos):
        start = m.end()
    return start


def _before_clause(idx: TextIndex, rules: QuoteRules, raw: RawQuote, cand: Candidate, consumed: set[int]) -> bool:
    """'Ia mengatakan: "..."' or 'kata Yoon, "..."' before the quote in the same sentence."""
    text = idx.text
    start = _clause_start(idx, raw.open_start, idx.doc.paragraphs[raw.paragraph].start)
    if not re.search(r"[,:]\s*$", text[start : raw.open_start]):
        return False
    cues = list(rules.indirect_re.finditer(text, start, raw.open_start))
    cues += list(rules.after_re.finditer(text, start, raw.open_start))
    if not cues:
        return False
    cue = max(cues, key=lambda m: m.start())
    if len(text[cue.end() : raw.open_start].split()) > 8:
        return False
    cand.cue = (cue.start(), cue.end())
    cand.sentence = idx.sentence_at(cue.start())
    consumed.add(cue.start())
    if rules.indirect_re.fullmatch(cue.group()):
        subject_before(idx, rules, cand, start, cue.start())
    else:
        speaker_after(idx, rules, cand, cue.end(), raw.open_start, cue.group().lower().endswith("nya"))
    return True


def _inline(idx: TextIndex, raw: RawQuote) -> bool:
    start = _clause_start(idx, raw.open_start, idx.doc.paragraphs[raw.paragraph].start)
    return bool(re.search(r"\w", idx.text[start : raw.open_start]))


def _fragment(idx: TextIndex, rules: QuoteRules, raw: RawQuote, cand: Candidate, consumed: set[int]) -> bool:
    """A quoted fragment that ends the sentence of an indirect quote is a direct quote."""
    text = idx.text
    para = idx.doc.paragraphs[raw.paragraph]
    tail = text[raw.close_end : para.end]
    # Only a fragment that closes the sentence inside its own marks ('"... kesepakatan."') is the
    # speaker's words; 'kelompok itu "harus ... perdamaian".' is one indirect quote.
    ends = text[raw.end - 1] in ".!?" and re.match(r"\s*(?:[A-Z\"“]|$)", tail)
    if not ends or len(text[raw.start : raw.end].split()) < 2:
        return False
    start = _clause_start(idx, raw.open_start, para.start)
    cues = [m for m in rules.indirect_re.finditer(text, start, raw.open_start)]
    if not cues:
        return False
    # 'Wong mengatakan Hong Kong adalah benteng dunia bebas dan "kediktatoran China".': a
    # paraphrased clause before the fragment makes the whole an indirect quote (quotes_indirect);
    # only a fragment carrying the clause ('bahwa Washington dan Taliban "berada di ambang
    # kesepakatan."') is a direct quote.
    said = [w for w in idx.words(cues[0].end(), raw.open_start) if w.group()[:1].isalnum()]
    if len([w for w in said if w.group().lower() != "bahwa"]) >= _PARAPHRASE_WORDS:
        return False
    cand.cue = (cues[0].start(), cues[0].end())
    cand.sentence = idx.sentence_at(cues[0].start())
    consumed.add(cues[0].start())
    subject_before(idx, rules, cand, start, cues[0].start())
    return True


# ---- speaker resolution ----------------------------------------------------------------------
def _resolve(idx: TextIndex, rules: QuoteRules, cands: list[Candidate]) -> list[Quote]:
    cands = sorted(cands, key=lambda c: c.anchor)
    resolved: list[tuple[Candidate, str | None]] = []
    speakers: list[tuple[str | None, str | None]] = []
    for c in cands:
        speakers.append(_speaker_of(idx, rules, c, resolved))
        resolved.append((c, speakers[-1][0]))
    # A piece of a multi-paragraph quote takes the speaker named after its last piece.
    for i, c in enumerate(cands):
        if c.mode != "chain":
            continue
        for j in range(i + 1, len(cands)):
            if cands[j].direct and cands[j].mode != "chain":
                if speakers[j][0] is not None:
                    speakers[i] = speakers[j]
                break
    quotes: list[Quote] = []
    for c, (entity, mention) in zip(cands, speakers):
        if entity == ANONYMOUS or entity is None and not c.direct:
            continue  # an anonymous source's words, or an indirect report nobody can be named for
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", start=c.start, end=c.end, direct=c.direct, speaker=entity,
            speaker_mention=mention, addressee=c.addressee.entity if c.addressee else None,
            cue_start=c.cue[0] if c.cue else None, cue_end=c.cue[1] if c.cue else None,
            sentence=c.sentence,
        ))
    return quotes


def _speaker_of(idx: TextIndex, rules: QuoteRules, c: Candidate, resolved: list[tuple[Candidate, str | None]]):
    if c.speaker is not None:
        return c.speaker.entity, c.speaker.id
    if c.mode == "anonymous":
        return ANONYMOUS, None
    if c.mode == "inherit":
        for prev, entity in reversed(resolved):
            if prev.direct and entity is not None:
                if idx.text.count("\n\n", prev.end, c.start) <= 2:
                    return entity, None
                break
    if c.mode in ("recent", "chain", "inherit"):
        entity, mention = _recent(idx, rules, c.anchor, resolved)
        if entity is None and c.coref is not None:  # ANONYMOUS is not None: coref is not asked
            return c.coref.entity, c.coref.id
        if entity and c.coref is not None and _person_pronoun(idx, c.coref) and not _is_person(idx, entity):
            return c.coref.entity, c.coref.id  # "Dia mengatakan": a person, not the group last named
        return entity, mention
    return None, None


_PERSON_PRONOUNS = frozenset({"ia", "dia", "beliau"})


def _person_pronoun(idx: TextIndex, mention) -> bool:
    return (mention.type == "PER" and mention.entity is not None
            and idx.text[mention.start : mention.end].lower() in _PERSON_PRONOUNS)


def _is_person(idx: TextIndex, entity_id: str) -> bool:
    entity = idx.doc.entity(entity_id)
    return entity is not None and entity.type == "PER"


def _recent(idx: TextIndex, rules: QuoteRules, pos: int, resolved: list[tuple[Candidate, str | None]]):
    """Most recent speaker or subject before ``pos``: a pronoun's or a description's antecedent."""
    here = idx.sentence_at(pos)
    if here is None:
        return None, None
    sentences = idx.doc.sentences
    paragraph = sentences[here].paragraph
    for i in range(here, max(here - 8, -1), -1):
        s = sentences[i]
        if paragraph - s.paragraph > 3:
            break
        spoken = [e for c, e in resolved if e is not None and c.sentence == i and c.anchor < pos]
        if spoken:
            return spoken[-1], None
        opening = [w.group().lower() for w in idx.words(s.start, min(s.end, pos))[:3] if w.group()[:1].isalnum()]
        if opening and opening[0] in rules.pronouns:
            continue  # "Ia juga menyinggung X": the subject is further back, X is an object
        if rules.anonymous_re.match(idx.text, skip_connectives(idx, s.start, s.end), s.end):
            return ANONYMOUS, None  # "Sumber di Istana ...": the pronoun points to a nameless source
        found = [
            m for m in idx.mentions_in(s.start, min(s.end, pos))
            if m.kind != "pronoun" and not idx.in_masked(m.start) and not idx.after_preposition(m, s.start)
            and not _after_verb(idx, s.start, m.start) and not _DESCRIBED_BY.match(idx.text, m.end)
        ]
        mention = best_mention([m for m in found if m.type in ("PER", "ORG")], prefer_last=False)
        if mention is not None:
            return mention.entity, mention.id
    return None, None


def _after_verb(idx: TextIndex, floor: int, pos: int) -> bool:
    start = max(floor, idx.text.rfind(",", floor, pos) + 1)
    return bool(_ACTIVE_VERB.search(idx.text, start, pos))
