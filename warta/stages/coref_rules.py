"""Shared helpers of the coref and actors stages: where mentions sit, and the title phrase
that introduces a person ("Sekretaris Jenderal NATO Jens Stoltenberg", "Abbas Mousavi, juru bicara
Kementerian Luar Negeri Iran")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..doc import Document, Mention
from ..lang.titles import Title, Titles

# Lowercase words that end a title phrase when walking away from the name: clause links,
# prepositions that start another phrase, speech verbs.
_STOP = frozenset({"dan", "atau", "serta", "kepada", "dengan", "oleh", "bahwa", "yang", "kata", "ujar",
                   "ucap", "tutur", "menurut", "seperti", "pada", "ke", "dari", "bersama", "antara",
                   "adalah", "ialah", "saat", "ketika", "setelah", "sebelum", "karena", "juga", "telah",
                   "akan", "sudah", "tidak", "belum", "sedang", "bagi", "terhadap", "tentang", "soal"})
# Head nouns of organisations, named again in lower case ("kementerian tersebut", "juru bicara koalisi").
ORG_HEADS = frozenset({"kementerian", "departemen", "badan", "lembaga", "komisi", "dewan", "partai",
                       "kelompok", "organisasi", "perusahaan", "aliansi", "pasukan", "militer", "koalisi",
                       "gerakan", "faksi", "milisi", "kantor", "pakta", "otoritas", "parlemen", "polisi"})
# Words after which a country names a destination, not an affiliation ("Dubes RI untuk PBB").
_DESTINATION = frozenset({"untuk", "di", "bagi", "ke"})
_VERB = re.compile(r"^(me|mem|men|meng|meny|ber|ter|di|per)[a-z]{3,}$")
_CLAUSE_PUNCT = frozenset({".", ";", ":", "!", "?", "\"", "“", "”", "'", "‘", "’"})


@dataclass
class TitleContext:
    title: Title
    start: int  # char span of the title phrase (title words and their modifiers)
    end: int
    former: bool = False
    org: str | None = None  # entity id of the organisation named in the phrase
    gpe: str | None = None  # entity id of the country/city named as affiliation
    after: bool = False  # apposition after the name


class MentionIndex:
    """Token positions and mention lookups for one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]
        self.ends = [t.end for t in doc.tokens]
        self.words = [doc.text[t.start : t.end] for t in doc.tokens]
        self.sent_starts = [s.start for s in doc.sentences]
        self.mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.by_id = {m.id: m for m in doc.mentions}

    def word(self, i: int) -> str:
        return self.words[i]

    def add(self, mention: Mention) -> None:
        """Keep the index in step with a mention just added to the document."""
        at = bisect.bisect_right(self.mention_starts, mention.start)
        self.mentions.insert(at, mention)
        self.mention_starts.insert(at, mention.start)
        self.by_id[mention.id] = mention

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens covering chars [start, end); (k, k) when none do."""
        lo = bisect.bisect_right(self.starts, start) - 1
        if lo < 0 or self.ends[lo] <= start:
            lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return lo, max(lo, hi)

    def sentence_of(self, char: int) -> int | None:
        i = bisect.bisect_right(self.sent_starts, char) - 1
        if i < 0 or char >= self.doc.sentences[i].end:
            return None
        return i

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mention_starts, start)
        out = []
        for m in self.mentions[lo:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


_DEMONSTRATIVES = frozenset({"tersebut", "itu", "ini"})


def is_stop(word: str) -> bool:
    if word in _DEMONSTRATIVES:
        return False
    return word in _STOP or word in _CLAUSE_PUNCT or bool(_VERB.match(word))


def title_before(index: MentionIndex, mention: Mention, titles: Titles, max_back: int = 14) -> TitleContext | None:
    """The title phrase right before a name: [mantan] TITLE [modifiers] [,] NAME."""
    sent = index.sentence_of(mention.start)
    first, _ = index.token_range(mention.start, mention.end)
    if sent is None or first >= len(index.starts) or index.starts[first] != mention.start:
        return None
    lo = index.doc.sentences[sent].token_start
    j = first
    while j - 1 >= lo and index.word(j - 1) in (",", "(", ")"):
        j -= 1
    best: tuple[int, int, Title] | None = None
    for i in range(j - 1, max(lo, j - max_back) - 1, -1):
        word = index.word(i)
        if is_stop(word) and best is None and not titles.match_words([word]):
            break
        if is_stop(word) and best is not None:
            break
        found = titles.match_words([index.word(k) for k in range(i, j)])
        if found:
            best = (i, i + found[1], found[0])
    if best is None or not _modifier_material(index, best[1], j, titles):
        return None
    i, k, title = best
    former = i - 1 >= lo and titles.is_former(index.word(i - 1))
    start = index.starts[i - 1] if former else index.starts[i]
    ctx = TitleContext(title, start, index.ends[j - 1], former)
    _fill_modifiers(index, ctx, index.ends[k - 1], index.starts[j] if j < len(index.starts) else mention.start)
    return ctx


def _modifier_material(index: MentionIndex, lo: int, hi: int, titles: Titles) -> bool:
    """Between a title and the name only names, punctuation and lower-case words may stand
    (a capitalised word that is no name means the title belongs elsewhere: "Kanselir Jerman
    Tegaskan Tolak Rencana Netanyahu")."""
    if lo >= hi:
        return True
    named = [(m.start, m.end) for m in index.mentions_in(index.starts[lo], index.ends[hi - 1])]
    for t in range(lo, hi):
        word = index.word(t)
        if word.lower() in _DESTINATION:
            return True  # the rest says where the person serves
        if word[:1].isupper() and not any(a <= index.starts[t] < b for a, b in named) and not titles.get(word):
            return False
    return True


def title_after(index: MentionIndex, mention: Mention, titles: Titles, max_len: int = 10) -> TitleContext | None:
    """An apposition after the name: NAME, [mantan] TITLE [modifiers] (, | . | verb)."""
    sent = index.sentence_of(mention.start)
    _, last = index.token_range(mention.start, mention.end)
    if sent is None or last >= len(index.starts) or index.word(last) != ",":
        return None
    hi = index.doc.sentences[sent].token_end
    i = last + 1
    former = i < hi and titles.is_former(index.word(i))
    if former:
        i += 1
    words = [index.word(k) for k in range(i, min(hi, i + max_len))]
    found = titles.match_words(words)
    if not found:
        return None
    title, n = found
    end = i + n
    while end < min(hi, i + max_len) and not is_stop(index.word(end)) and index.word(end) != ",":
        end += 1
    ctx = TitleContext(title, index.starts[i], index.ends[end - 1], former, after=True)
    _fill_modifiers(index, ctx, index.ends[i + n - 1], index.ends[end - 1])
    return ctx


def _fill_modifiers(index: MentionIndex, ctx: TitleContext, start: int, end: int) -> None:
    """The first organisation and the first affiliation place named between ``start`` and ``end``."""
    if end <= start:
        return
    text = index.doc.text
    for m in index.mentions_in(start, end):
        if m.entity is None:
            continue
        before = text[start : m.start].split()
        if any(w.lower() in _DESTINATION for w in before):
            break  # "Duta Besar Indonesia untuk PBB": what follows is where the person serves
        if m.type == "ORG" and ctx.org is None:
            ctx.org = m.entity
        elif m.type in ("GPE", "LOC") and ctx.gpe is None:
            ctx.gpe = m.entity
    if ctx.org is None and ctx.gpe is None:
        ctx.org = _org_named_by_head(index, start, end)


def _org_named_by_head(index: MentionIndex, start: int, end: int) -> str | None:
    """"Juru bicara koalisi": the last organisation named before whose name holds that head noun."""
    words = [w.strip(",.;:()") for w in index.doc.text[start:end].split()]
    heads = [w for w in words if w.islower() and w in ORG_HEADS]
    if not heads:
        return None
    names = {e.id: e.name.casefold().split() for e in index.doc.entities if e.type == "ORG"}
    lo = bisect.bisect_left(index.mention_starts, start)
    for m in reversed(index.mentions[:lo]):
        if m.entity in names and heads[0] in names[m.entity] and m.kind in ("name", "abbreviation"):
            return m.entity
    return None


def title_context(index: MentionIndex, mention: Mention, titles: Titles) -> TitleContext | None:
    return title_before(index, mention, titles) or title_after(index, mention, titles)
