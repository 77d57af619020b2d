"""Indirect quotes: "X mengatakan (bahwa) ...", "Menurut X, ...", "..., papar Trian, ...",
"Hal itu diungkapkan X." The quote span is the reported content; the speaker is the clause's
subject (a name, or a pronoun resolved later), the addressee the "kepada" phrase.
"""

from __future__ import annotations

import re

from .quote_rules import QuoteRules
from .quote_text import (
    Candidate,
    TextIndex,
    addressee_at,
    best_mention,
    phrase_end,
    speaker_after,
    subject_before,
)

_THAT_WINDOW = 8  # words a saying verb may stand from its "bahwa" ("menegaskan kembali posisi bahwa")
_TRAIL = ".!?,;: \n\t"


def find_indirect(idx: TextIndex, rules: QuoteRules, story: list[int], consumed: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    story_set = set(story)
    for si, s in enumerate(idx.doc.sentences):
        if s.paragraph not in story_set or _masked_all(idx, s.start, s.end):
            continue
        for finder in (_passive_back, _according, _saying, _parenthetical):
            cand = finder(idx, rules, si, consumed)
            if cand is None:
                continue
            if finder is _passive_back and found and found[-1].sentence == si - 1 and found[-1].speaker is not None:
                continue  # "Taliban mengatakan ... . Hal itu disampaikan X.": already a named speaker's words
            found.append(cand)
            if finder is _saying:
                found.extend(_later_reports(idx, rules, si, cand, consumed))
            break
    return found


def _later_reports(idx: TextIndex, rules: QuoteRules, si: int, first: Candidate, consumed: set[int]) -> list[Candidate]:
    """A second speaker reported inside the same sentence: 'Stanikzai menekankan bahwa ..., sepekan
    setelah Trump mengumumkan proses negosiasi ... telah "mati".' The first quote ends before the
    second speaker's clause."""
    text = idx.text
    cand = _saying(idx, rules, si, consumed, after=first.cue[1])
    if cand is None or cand.speaker is None or cand.speaker.entity == getattr(first.speaker, "entity", None):
        return []
    if cand.speaker.start < first.start or cand.speaker.start >= first.end:
        return []  # the second subject must stand inside the first quote's content
    if "," in text[cand.speaker.end : cand.cue[0]]:
        return []  # "sanksi yang dijatuhkan oleh Trump sejak Juli, menggambarkan ...": not Trump's verb
    comma = text.rfind(",", first.start, cand.speaker.start)
    end = comma if comma != -1 else cand.speaker.start
    while end > first.start and text[end - 1] in _TRAIL:
        end -= 1
    if len(text[first.start : end].split()) < 3:
        return []
    first.end = end
    return [cand]


def _masked_all(idx: TextIndex, start: int, end: int) -> bool:
    return any(a <= start and end <= b + 1 for a, b in idx.masked)


def _content(idx: TextIndex, rules: QuoteRules, start: int, end: int) -> tuple[int, int] | None:
    """Trim reported content: stop at a direct quote, a credit phrase or ', menurut'."""
    text = idx.text
    for a, _ in idx.masked:
        if start <= a < end:
            end = a
    credit = rules.credit_re.search(text, start, end)
    if credit is not None:
        end = credit.start()
    menurut = re.compile(r",\s*menurut\b", re.IGNORECASE).search(text, start, end)
    if menurut is not None:
        end = menurut.start()
    while start < end and text[start] in _TRAIL:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if len(text[start:end].split()) < 3 or rules.not_quote_re.match(text, start, end):
        return None
    return start, end


def _passive_back(idx: TextIndex, rules: QuoteRules, si: int, consumed: set[int]) -> Candidate | None:
    """'Hal itu diungkapkan Perdana Menteri Imran Khan.': the content is the previous sentence."""
    sentences = idx.doc.sentences
    s = sentences[si]
    m = rules.passive_re.match(idx.text, s.start, s.end)
    if m is None or si == 0 or sentences[si - 1].paragraph != s.paragraph:
        return None
    prev = sentences[si - 1]
    if idx.in_masked(prev.start):
        return None  # the words pointed back to are a direct quote that has its own speaker
    span = _content(idx, rules, prev.start, prev.end)
    if span is None:
        return None
    cand = Candidate(span[0], span[1], False, si, cue=(m.start(), m.end()))
    end = phrase_end(idx, rules, m.end(), s.end)
    cand.speaker = best_mention(idx.mentions_in(m.end(), end))
    cand.mode = "explicit" if cand.speaker else "none"
    return cand


def _according(idx: TextIndex, rules: QuoteRules, si: int, consumed: set[int]) -> Candidate | None:
    """'Menurut X, ...' / '..., menurut X.'"""
    text = idx.text
    s = idx.doc.sentences[si]
    for m in rules.according_re.finditer(text, s.start, s.end):
        if idx.in_masked(m.start()):
            continue
        before = text[s.start : m.start()]
        at_start = len(before.split()) <= 2 and (not before.strip() or before.rstrip().endswith(","))
        if not at_start and not before.rstrip().endswith(","):
            continue
        comma = text.find(",", m.end(), s.end)
        x_end = comma if comma != -1 else s.end
        if at_start:
            span = _content(idx, rules, x_end + 1, s.end) if comma != -1 else None
        elif not text[x_end:s.end].strip(_TRAIL):
            span = _content(idx, rules, s.start, s.start + len(before.rstrip().rstrip(",")))
        else:
            span = _content(idx, rules, s.start, s.end)
        if span is None:
            continue
        cand = Candidate(span[0], span[1], False, si, cue=(m.start(), m.end()))
        if m.group(1):  # "menurutnya": a pronoun
            cand.mode = "recent"
            return cand
        phrase = text[m.end() : x_end]
        if phrase.split() and phrase.split()[0].lower() in rules.pronouns:  # "Menurut dia, ..."
            pronoun = [x for x in idx.mentions_in(m.end(), x_end) if x.kind == "pronoun"]
            cand.coref = pronoun[0] if pronoun else None
            cand.mode = "recent"
            return cand
        cut = re.search(r"\byang\b", phrase)
        limit = m.end() + cut.start() if cut else x_end
        mentions = [x for x in idx.mentions_in(m.end(), limit)
                    if x.type not in ("GPE", "LOC") or not text[m.end() : x.start].strip()]
        cand.speaker = best_mention(mentions, prefer_last=False)
        cand.mode = "explicit" if cand.speaker else "none"
        return cand
    return None


def _saying(idx: TextIndex, rules: QuoteRules, si: int, consumed: set[int], after: int | None = None) -> Candidate | None:
    """'X mengatakan (kepada Y) (, | bahwa) CONTENT'; the first such verb at or after ``after``,
    whose content must then be a clause ("menjelaskan pemikirannya" inside a report is no report)."""
    text = idx.text
    s = idx.doc.sentences[si]
    for m in rules.indirect_re.finditer(text, s.start if after is None else after, s.end):
        if m.start() in consumed or idx.in_masked(m.start()):
            continue
        if idx.word_before(m.start(), s.start) in ("yang", "untuk", "tak", "tidak", "belum"):
            continue
        start, addressee, marked = _after_verb(idx, rules, m.end(), s.end)
        verb = m.group().lower()
        if after is not None and not marked and not _clause_follows(idx, rules, start, s.end):
            continue
        if not marked and (verb in rules.need_that
                           and not (verb in rules.announce and _clause_follows(idx, rules, start, s.end))
                           or rules.nominal_re.match(text, start, s.end)):
            continue
        if verb.endswith("nya") and re.match(r"(?i)\s*sebagai\b", text[start : s.end]):
            continue  # "menolak tindakan itu, menyebutnya sebagai ...": a label for the act, not a report
        span = _content(idx, rules, start, s.end)
        if span is None:
            continue
        # The subject is looked for after any direct quote that precedes the verb.
        clause = max([b for a, b in idx.masked if s.start <= b <= m.start()] + [s.start])
        cand = Candidate(span[0], span[1], False, si, cue=(m.start(), m.end()))
        subject_before(idx, rules, cand, clause, m.start())
        if cand.mode == "none":
            return None
        cand.addressee = addressee
        return cand
    return None


def _clause_follows(idx: TextIndex, rules: QuoteRules, start: int, limit: int) -> bool:
    """'mengumumkan proses negosiasi ... telah mati': a subject and then a predicate marker make the
    object of an announcing verb a reported clause, not a thing announced ('mengumumkan sanksi')."""
    words = [w.group().lower() for w in idx.words(start, limit)[: _THAT_WINDOW + 1]]
    for k, w in enumerate(words):
        if w in ",.;:()" or w == "yang" or w in rules.subordinators:
            return False
        if w in rules.clause_markers:
            return k > 0
    return False


# Words between a saying verb and "bahwa" that are not the predicate of a clause of their own.
_NOT_CLAUSE_VERBS = frozenset({"dikutip", "dilansir", "diberitakan", "mengenai", "terkait", "terhadap", "melalui",
                               "menurut", "dirinya", "diri", "termasuk", "tersebut", "terakhir", "tertulis",
                               "bersama", "kembali", "dalam", "di", "menjelang", "berbagai", "beberapa",
                               "menteri", "media", "mereka", "memang", "merdeka", "dinas", "direktur", "diplomat",
                               "bersenjata", "berita", "berwenang"})
_CLAUSE_PREDICATES = frozenset({"sepakat", "setuju", "yakin", "percaya", "khawatir", "sadar", "tahu", "paham"})


def _clause_verb(word: str) -> bool:
    """A predicate between a saying verb and "bahwa" ("... Iran sepakat bahwa")."""
    w = word.lower()
    if w in _NOT_CLAUSE_VERBS:
        return False
    return w in _CLAUSE_PREDICATES or bool(re.match(r"^(me[mnr]?|meng|meny|ber|di)[a-z]{3,}$", w)) and len(w) >= 6


def _after_verb(idx: TextIndex, rules: QuoteRules, pos: int, limit: int):
    """Skip fillers, 'kepada Y', ',' and 'bahwa' after a saying verb; returns (content start,
    addressee, whether a comma/colon or 'bahwa' marked the content)."""
    text = idx.text
    words = idx.words(pos, limit)
    addressee = None
    # "bahwa" a few words on, with no punctuation before it, marks the content start.
    for k, w in enumerate(words[: _THAT_WINDOW + 1]):
        if w.group() in "()" and _abbreviation(words, k):
            continue  # "kepada Amerika Serikat (AS) bahwa"
        if w.group() in ",.;:()" or idx.in_masked(w.start()) or _clause_verb(w.group()):
            break  # "mengatakan para ulama sepakat bahwa ...": that "bahwa" is the inner clause's
        if w.group().lower() == "bahwa":
            head = text[pos : w.start()]
            if re.match(r"\s*kepada\b", head, re.IGNORECASE):
                addressee = addressee_at(idx, rules, pos, w.start())
            elif k == 1 and words[0].group().lower() in rules.report_nouns:
                return words[0].start(), None, True  # "mengatakan kabar bahwa ...": the report is the content
            return w.end(), addressee, True
    k = 0
    while k < len(words):
        token = words[k].group().lower()
        if token in rules.fillers:
            k += 1
        elif token == "kepada":
            addressee = addressee_at(idx, rules, words[k].start(), limit)
            end = phrase_end(idx, rules, words[k].end(), limit)
            k += 1
            while k < len(words) and words[k].start() < end:
                k += 1
        else:
            break
    if k < len(words) and words[k].group() in ",:":
        k += 1
        if k < len(words) and words[k].group().lower() == "bahwa":
            k += 1
        return _past_credit(idx, rules, words[k].start() if k < len(words) else limit, limit), addressee, True
    start = words[k].start() if k < len(words) else limit
    after = _past_credit(idx, rules, start, limit)
    return after, addressee, after != start


def _abbreviation(words: list[re.Match[str]], k: int) -> bool:
    """Token ``k`` is a bracket of '(AS)': one capitalised word between brackets."""
    lo = k if words[k].group() == "(" else k - 2
    return (0 <= lo and lo + 2 < len(words) and words[lo].group() == "(" and words[lo + 2].group() == ")"
            and words[lo + 1].group()[:1].isupper())


# Words of a credit's outlet and date that may be lower-case ("dikutip dari Reuters pada Selasa").
_CREDIT_WORDS = frozenset({"dari", "pada", "hari", "oleh", "laman", "situs", "kantor", "berita", "media"})


def _past_credit(idx: TextIndex, rules: QuoteRules, pos: int, limit: int) -> int:
    """Skip a credit between a saying verb and its content: 'mengatakan seperti diberitakan
    Reuters, Selasa (10/9/2019), mereka ...' -> 'mereka ...'."""
    credit = rules.credit_re.match(idx.text, pos, limit)
    if credit is None:
        return pos
    words = idx.words(credit.end(), limit)
    for k, w in enumerate(words[:14]):
        token = w.group()
        if token[:1].isalpha() and token[:1].islower() and token.lower() not in _CREDIT_WORDS:
            if k > 0 and words[k - 1].group() == ",":
                return words[k + 1].start() if token.lower() == "bahwa" and k + 1 < len(words) else w.start()
            return pos
    return pos


def _parenthetical(idx: TextIndex, rules: QuoteRules, si: int, consumed: set[int]) -> Candidate | None:
    """'Konsensus ini, papar Trian, dicapai ...' or '..., kata dia.' without quotation marks."""
    text = idx.text
    s = idx.doc.sentences[si]
    if rules.mark_re.search(text, s.start, s.end):
        return None
    for m in rules.after_re.finditer(text, s.start, s.end):
        before = text[s.start : m.start()].rstrip()
        if not before.endswith(",") or len(before.split()) < 2:
            continue
        if m.end() < s.end and text[m.end()] == "-":
            continue
        cand = Candidate(s.start, s.end, False, si, cue=(m.start(), m.end()))
        speaker_after(idx, rules, cand, m.end(), s.end, pronoun=m.group().lower().endswith("nya"))
        end = phrase_end(idx, rules, m.end(), s.end)
        if cand.mode == "recent" and not m.group().lower().endswith("nya") and end == m.end():
            continue
        tail_empty = not text[end : s.end].strip(_TRAIL)
        span = _content(idx, rules, s.start, len(before) - 1 + s.start if tail_empty else s.end)
        if span is None:
            continue
        cand.start, cand.end = span
        return cand
    return None
