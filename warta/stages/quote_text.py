"""Text helpers for the quotes stage: quotation-mark pairing, sentence and mention lookup.

Kept apart from ``quotes.py`` so the attribution rules there read as rules, not as offset
arithmetic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..doc import Document, Mention
from .phrases import name_phrase_end
from .quote_rules import QuoteRules

WORD_RE = re.compile(r"[\w][\w'’\-]*|[^\w\s]")
# A mention right after one of these is an object or a place, never the subject of a clause.
PREPOSITIONS = frozenset(
    ["di", "ke", "dari", "dengan", "kepada", "terhadap", "untuk", "atas", "bagi", "pada", "antara", "oleh", "tentang", "mengenai", "soal", "bersama", "melawan", "menghadapi", "dan", "atau", "yang", "dalam"]
)
SPEAKER_TYPES = ("PER", "ORG", "GPE", "LOC")


@dataclass
class RawQuote:
    """Words between a pair of quotation marks inside one paragraph."""

    start: int  # quoted words, marks and edge punctuation excluded
    end: int
    open_start: int  # the opening mark
    close_end: int  # one past the closing mark (paragraph end when unclosed)
    paragraph: int
    closed: bool
    # the paragraph holding the closing mark: a later one when the scraper split the quote from
    # its reporting clause ('..."' ends one paragraph, '" kata Syarief.' opens the next)
    close_paragraph: int | None = None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def pair_marks(text: str, start: int, end: int, paragraph: int, rules: QuoteRules) -> list[RawQuote]:
    """Pair quotation marks in ``text[start:end]``; an unclosed quote runs to the paragraph end."""
    quotes: list[RawQuote] = []
    open_at: tuple[int, int] | None = None  # (mark start, mark end)
    for match in rules.mark_re.finditer(text, start, end):
        mark = match.group()
        before = text[match.start() - 1] if match.start() > start else " "
        after = text[match.end()] if match.end() < end else " "
        looks_closing = (before.isalnum() or before in ".,!?)") and not after.isalnum()
        if open_at is None:
            # a closing-style mark opens a quote glued to its cue ('bahwa,”Dia ...'); else it is stray
            if mark in rules.close_marks and not ((before.isspace() or before in ",:") and after.isalnum()):
                continue
            if mark not in rules.open_marks and mark not in rules.close_marks and looks_closing:
                continue  # an ASCII mark that can only be a closer
            open_at = (match.start(), match.end())
            continue
        s, e = _strip(text, open_at[1], match.start())
        if e > s:
            quotes.append(RawQuote(s, e, open_at[0], match.end(), paragraph, True))
        open_at = None
    if open_at is not None:
        s, e = _strip(text, open_at[1], end)
        if e > s:
            quotes.append(RawQuote(s, e, open_at[0], end, paragraph, False))
    return quotes


class TextIndex:
    """Sentence and mention lookup by character offset for one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.sentence_starts = [s.start for s in doc.sentences]
        self.mentions = sorted(
            (m for m in doc.mentions if m.type in SPEAKER_TYPES), key=lambda m: (m.start, -m.end)
        )
        self.mention_starts = [m.start for m in self.mentions]
        self.masked: list[tuple[int, int]] = []  # direct-quote spans, marks included

    def sentence_at(self, pos: int) -> int | None:
        if not self.sentence_starts:
            return None
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return max(i, 0)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def in_masked(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.masked)

    def word_before(self, pos: int, floor: int = 0) -> str:
        """The word (lower-cased) right before ``pos``; commas and spaces skipped."""
        i = pos
        while i > floor and (self.text[i - 1].isspace() or self.text[i - 1] == ","):
            i -= 1
        j = i
        while j > floor and (self.text[j - 1].isalnum() or self.text[j - 1] in "-'"):
            j -= 1
        return self.text[j:i].lower()

    def after_preposition(self, mention: Mention, floor: int) -> bool:
        i = mention.start
        while i > floor and self.text[i - 1] == " ":
            i -= 1
        j = i
        while j > floor and self.text[j - 1].isalnum():
            j -= 1
        return self.text[j:i].lower() in PREPOSITIONS

    def words(self, start: int, end: int) -> list[re.Match[str]]:
        return list(WORD_RE.finditer(self.text, start, end))


def best_mention(mentions: list[Mention], prefer_last: bool = True) -> Mention | None:
    """PER first, then ORG, then GPE/LOC; within a type the nearest to the cue."""
    for types in (("PER",), ("ORG",), ("GPE", "LOC")):
        found = [m for m in mentions if m.type in types and m.entity is not None]
        if found:
            return found[-1] if prefer_last else found[0]
    return None


_KEPADA = re.compile(r"(?i)\s*kepada\s+")
_MAX_SUBJECT_GAP = 9  # words allowed between a subject and its saying verb


@dataclass
class Candidate:
    """A quote found but not yet attributed."""

    start: int
    end: int
    direct: bool
    sentence: int | None
    cue: tuple[int, int] | None = None
    speaker: Mention | None = None
    # how the speaker is found when ``speaker`` is None: "recent" (pronoun or description),
    # "inherit" (no clause: the previous quote's speaker), "chain" (a later piece of the same
    # multi-paragraph quote), "anonymous" (a source that names nobody), "none" (nobody)
    mode: str = "explicit"
    addressee: Mention | None = None
    # the coref stage's reading of a pronoun speaker, used when the quote's own context (the
    # last speaker or subject) names nobody
    coref: Mention | None = None

    @property
    def anchor(self) -> int:
        return self.start if self.cue is None else min(self.cue[0], self.start)


def phrase_end(idx: TextIndex, rules: QuoteRules, pos: int, limit: int) -> int:
    """End of a speaker phrase: 'juru bicara Taliban, Mohammad Suhail Shaheen' before ', seperti'."""
    # Lazily (finditer): the phrase ends within a few words, while ``limit`` may be a paragraph away.
    end = name_phrase_end(
        WORD_RE.finditer(idx.text, pos, limit),
        lambda t: t.lower() in rules.speaker_stop or t in ".!?;:()" or bool(rules.mark_re.fullmatch(t)),
    )
    return pos if end is None else end


def coref_on(idx: TextIndex, span: tuple[int, int]) -> Mention | None:
    """A coref mention on a clitic or pronoun ('ujarnya'), when the coref stage made one."""
    for m in idx.mentions_in(span[0], span[1] + 1):
        if m.entity is not None and m.type in ("PER", "ORG", "GPE"):
            return m
    return None


def addressee_at(idx: TextIndex, rules: QuoteRules, pos: int, limit: int) -> Mention | None:
    m = _KEPADA.match(idx.text, pos, limit)
    if m is None:
        return None
    end = phrase_end(idx, rules, m.end(), limit)
    return best_mention(idx.mentions_in(m.end(), end), prefer_last=False)


def speaker_after(idx: TextIndex, rules: QuoteRules, cand: Candidate, pos: int, limit: int, pronoun: bool) -> None:
    """Speaker after a reporting verb ('kata Shamkhani'); '-nya' is a pronoun speaker."""
    end = phrase_end(idx, rules, pos, limit)
    if pronoun:
        cand.speaker = None
        cand.coref = coref_on(idx, cand.cue) if cand.cue else None
    else:
        # A country inside a description ("pemimpin Yordania itu") is not the speaker.
        found = [m for m in idx.mentions_in(pos, end)
                 if m.type not in ("GPE", "LOC") or not idx.text[pos : m.start].strip()]
        cand.speaker = best_mention(found)
    cand.mode = "explicit" if cand.speaker else "recent"
    if cand.speaker is not None and cand.speaker.kind == "pronoun":  # "kata dia": resolved in context
        cand.coref, cand.speaker, cand.mode = cand.speaker, None, "recent"
    elif cand.speaker is None or cand.speaker.type != "PER":
        _described(idx, rules, cand, pos, end)
    cand.addressee = addressee_at(idx, rules, end, limit)


def _in_relative_clause(text: str, start: int, mention: Mention, cue_start: int) -> bool:
    """ "Houthi di Yaman, yang didukung Iran, mengatakan ...": a name inside a ", yang ... ,"
    clause before the saying verb is not its subject."""
    opened = re.search(r",\s*yang\b[^,]*$", text[start : mention.start], re.IGNORECASE)
    return opened is not None and "," in text[mention.end : cue_start]


# An active (me-) verb; "mereka", "melalui", "meski" and the like are not verbs.
_ACTIVE_VERB = re.compile(r"\bme(?!nteri|reka\b|lalui\b|ski\b|skipun\b)[a-z]{4,}\b")


def _object_of_verb(text: str, rules: QuoteRules, start: int, mention: Mention) -> bool:
    """A name after an active verb in its own comma-separated segment is that verb's object, unless
    the verb reports speech ("Antara menyatakan Menlu Retno pernah mengatakan": Retno's clause)."""
    floor = max(start, text.rfind(",", start, mention.start) + 1)
    verbs = list(_ACTIVE_VERB.finditer(text, floor, mention.start))
    return bool(verbs) and not rules.indirect_re.fullmatch(verbs[-1].group())


def _credited(text: str, rules: QuoteRules, start: int, mention: Mention) -> bool:
    """The mention is the outlet of a credit phrase ("seperti dikutip Reuters")."""
    floor = max(start, mention.start - 40)
    return bool(re.search(rules.credit_re.pattern + r"(?:\s+dari)?\s*$", text[floor : mention.start]))


def _gap_words(idx: TextIndex, start: int, end: int) -> int:
    """Words between a subject and its verb; punctuation and numbers (a credit's date) do not count."""
    return sum(1 for w in idx.words(start, end) if any(ch.isalpha() for ch in w.group()))


def subject_before(idx: TextIndex, rules: QuoteRules, cand: Candidate, start: int, cue_start: int) -> None:
    """Subject of a saying verb: the nearest name before it that is not after a preposition nor
    inside a longer mention; after "dengan"/"sambil" the verb is adverbial, so the clause's first
    name is the subject ("Ishtaye mengecam Netanyahu, dengan menyebutkan ...")."""
    found = [
        m for m in idx.mentions_in(start, cue_start)
        if m.entity is not None and not idx.in_masked(m.start) and not idx.after_preposition(m, start)
    ]
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end
                                         and (o.end - o.start) > (m.end - m.start) for o in found)]
    found = [m for m in found if not _in_relative_clause(idx.text, start, m, cue_start)] or found
    # "Stanikzai menepis kekhawatiran Amerika, mengatakan ...": a name after an active verb is its object;
    # "seperti dikutip Reuters, ...": an outlet is never the speaker
    found = [m for m in found if not _object_of_verb(idx.text, rules, start, m)
             and not _credited(idx.text, rules, start, m)] or found
    adverbial = idx.word_before(cue_start, start) in ("dengan", "sambil", "seraya", "sembari")
    if adverbial and found:
        cand.speaker = best_mention(found, prefer_last=False)
    else:
        near = [m for m in found if _gap_words(idx, m.end, cue_start) <= _MAX_SUBJECT_GAP]
        cand.speaker = near[-1] if near else None
    if cand.speaker is not None and cand.speaker.kind == "pronoun":
        cand.coref, cand.speaker = cand.speaker, None
        cand.mode = "recent"
        return
    if cand.speaker is None or cand.speaker.type != "PER":
        if rules.anonymous_re.match(idx.text, skip_connectives(idx, start, cue_start), cue_start):
            cand.speaker, cand.mode = None, "anonymous"  # "Sumber di pemerintah Jerman pada Senin, ..."
            return
        if _described(idx, rules, cand, subject_phrase_start(idx, start, cue_start), cue_start):
            return
    if cand.speaker is not None:
        cand.mode = "explicit"
        return
    words = [w.group().lower() for w in idx.words(start, cue_start) if w.group()[:1].isalnum()]
    pronoun = bool(words) and (words[-1] in rules.pronouns or words[0] in rules.pronouns)
    cand.mode = "recent" if pronoun else "none"


_CONNECTIVES = re.compile(r"(?i)[\W]*(?:(?:sementara(?:\s+itu)?|namun|tetapi|tapi|dan|adapun|sedangkan|kemudian|lalu)\b[\s,]*)*")
_DEMONSTRATIVE_END = re.compile(r"(?i)\b(?:itu|ini|tersebut)\s*,?\s*$")


def subject_phrase_start(idx: TextIndex, start: int, cue_start: int) -> int:
    """Start of the noun phrase right before a verb: after the clause's last comma, connectives
    ('Sementara itu,', 'Namun') skipped."""
    head = idx.text[start:cue_start].rstrip(" ,")
    comma = head.rfind(",")
    pos = start + comma + 1 if comma != -1 else start
    return _CONNECTIVES.match(idx.text, pos, cue_start).end()


def skip_connectives(idx: TextIndex, pos: int, end: int) -> int:
    return _CONNECTIVES.match(idx.text, pos, end).end()


def _described(idx: TextIndex, rules: QuoteRules, cand: Candidate, start: int, end: int) -> bool:
    """A speaker given by a description in ``text[start:end]``: an anonymous source names nobody
    ('Sumber di pemerintah Jerman'); a person title ('Duta Besar China', 'sang juru bicara') is the
    person last introduced with that title, else, when the phrase names no organisation or ends
    with a demonstrative ('Presiden 73 tahun itu'), the person the context is about."""
    text = idx.text
    if rules.anonymous_re.match(text, start, end):
        cand.speaker, cand.mode = None, "anonymous"
        return True
    title = rules.title_re.match(text, start, end)
    if title is None:
        return False
    modifiers = [m for m in idx.mentions_in(title.end(), end) if m.entity is not None and m.type != "PER"]
    holder = title_holder(idx, title.group(1), modifiers, start)
    if holder is not None:
        cand.speaker, cand.mode = holder, "explicit"
        return True
    # A country inside the description ("Presiden ke-45 dalam sejarah AS") is not the speaker; one
    # right after the title ("Duta Besar Jerman") names an office whose holder may be unnamed.
    inside = (cand.speaker is not None and cand.speaker.type in ("GPE", "LOC")
              and bool(text[title.end() : cand.speaker.start].strip()))
    if cand.speaker is None or inside or _DEMONSTRATIVE_END.search(text, start, end):
        cand.speaker, cand.mode = None, "recent"
        return True
    return False


def title_holder(idx: TextIndex, title: str, modifiers: list[Mention], before: int) -> Mention | None:
    """The person last introduced with ``title`` (and the same organisation or country) before
    ``before``: 'Duta Besar China untuk Jerman, Ken Wu' for 'Duta Besar China'."""
    pattern = re.compile(r"(?i)\b" + r"\s+".join(re.escape(w) for w in title.split()) + r"\b")
    for m in reversed(idx.mentions_in(0, before)):
        if m.type != "PER" or m.entity is None or m.kind != "name" or idx.in_masked(m.start):
            continue
        si = idx.sentence_at(m.start)
        floor = idx.doc.sentences[si].start if si is not None else 0
        words = idx.words(floor, m.start)[-10:]
        found = list(pattern.finditer(idx.text, words[0].start(), m.start)) if words else []
        if not found:
            continue
        # the organisation or country right after the title must be the description's
        after = [x for x in idx.mentions_in(found[-1].end(), m.start) if x.type != "PER"]
        if not modifiers or after and after[0].entity == modifiers[0].entity:
            return m
    return None
