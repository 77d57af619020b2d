"""Entities stage: name mentions (PER, ORG, GPE, LOC) from the CRF tagger and the gazetteer.

The CRF (warta/lang/id/ner) finds names it has never seen, people above all; the gazetteer
knows countries, cities, international organisations and their short forms and is trusted
for their type. Where the two overlap the more specific reading wins, deterministically:

- equal spans: the gazetteer's type;
- a gazetteer name inside a longer CRF organisation or place ("Kementerian Pertahanan Korsel",
  "Laut China Selatan"): the CRF span, the whole name;
- a gazetteer name at the edge of a CRF person ("Korsel Yoon Suk Yeol"): both, cut apart;
- otherwise the longer span, the gazetteer's on a tie.

The CRF knows places only as LOC; a place is GPE when the gazetteer or the word lists say it
is a country, province or city, or when a word like "Kota"/"Provinsi" introduces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Document, Mention
from ..lang.gazetteer import is_title_case
from ..ner import bio_spans
from ..ner_features import GPE_CATEGORIES, LOC_CATEGORIES, NerLexicon
from ..resources import Resources

NAME = "entities"
REQUIRES = {"tokens", "sentences"}
PROVIDES = {"mentions"}

STORY_KINDS = ("headline", "body")
_NEVER_ALONE = frozenset({"title", "time", "common", "orghead", "gpehead", "lochead"})
# What may stand between a title and the name: more title words, a country or organisation.
_AFFILIATION = frozenset({"title", "country", "city", "region", "org"})
_EDGE_PUNCT = frozenset("-–—,.;:()[]\"'“”‘’/")
# Head words too loose to open an organisation name by themselves ("Pemerintah Indonesia" is the
# country acting, "Kantor Presiden" an office).
_WEAK_HEADS = frozenset({"pemerintah", "kantor", "berita", "harian", "grup", "group", "televisi", "radio"})


@dataclass
class _Span:
    start: int  # char offsets
    end: int
    type: str
    source: str
    sentence: int | None
    tok_start: int = -1  # token indices in doc.tokens, -1 when unknown
    tok_end: int = -1


def run(doc: Document, res: Resources) -> Document:
    model = res.get("ner_model")
    gazetteer = res.get("gazetteer") if "gazetteer" in res.names() else None
    gaz = _gazetteer_spans(doc, gazetteer)
    person_starts = {g.tok_start for g in gaz if g.type == "PER" and g.tok_start >= 0}
    covered = {k for g in gaz if g.tok_start >= 0 for k in range(g.tok_start, g.tok_end)}
    titles = res.get("titles") if "titles" in res.names() else None
    crf = _crf_spans(doc, model, person_starts, covered, titles)
    rules = res.get("place_rules") if "place_rules" in res.names() else None
    merged = _merge(doc, crf, gaz, model.lexicon, rules.name_suffixes if rules is not None else frozenset())
    for span in merged:
        if span.type == "LOC" and span.source == "ner":
            span.type = _place_type(doc.span(span.start, span.end), gazetteer, model.lexicon)
    start = len(doc.mentions)
    for n, span in enumerate(sorted(merged, key=lambda s: (s.start, -s.end)), start=start + 1):
        doc.mentions.append(Mention(f"m{n}", span.start, span.end, span.type, "name", None, span.sentence, span.source))
    return doc


def _crf_spans(doc: Document, model, person_starts: set[int], covered: set[int], titles=None) -> list[_Span]:
    lexicon: NerLexicon = model.lexicon
    out: list[_Span] = []
    story = []
    for index, sentence in enumerate(doc.sentences):
        if sentence.paragraph < len(doc.paragraphs) and doc.paragraphs[sentence.paragraph].kind not in STORY_KINDS:
            continue
        tokens = doc.sentence_tokens(sentence)
        words = [doc.text[t.start : t.end] for t in tokens]
        cased = any(w != w.lower() for w in words)
        tagged = words
        if doc.paragraphs and doc.paragraphs[sentence.paragraph].kind == "headline" and is_title_case(words):
            tagged, cased = _lower_headline_words(words), False
        story.append((index, sentence, tokens, words, tagged, cased))
    labels = model.tag_many([(tagged, cased) for *_, tagged, cased in story])  # the article in one batch
    for (index, sentence, tokens, words, tagged, cased), tags in zip(story, labels):
        found = [_trim(words, a, b, typ, lexicon, cased) + (typ,) for a, b, typ in bio_spans(tags)]
        if tagged is not words:  # a headline span made only of words news rarely capitalises is no name
            found = [f for f in found if not all(lexicon.casing.get(w.lower(), "9") < "3" for w in words[f[0]:f[1]])]
        first = sentence.token_start
        if doc.paragraphs and doc.paragraphs[sentence.paragraph].kind != "headline":
            stops = {a for a, _, typ in found if typ == "PER"} | {k - first for k in person_starts}
            found = _with_org_names(words, found, lexicon, stops)
            known = [first + k in covered for k in range(len(words))]
            titled = _titled_persons(words, found, lexicon, known)
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b, _ in titled)] + titled
            if titles is not None:
                found = _ranked_persons(words, found, titles, lexicon)
        found = [piece for span in found for piece in _split_brackets(words, span)]
        for a, b, typ in found:
            if a < b and not _rejected(words, a, b, lexicon):
                out.append(_Span(tokens[a].start, tokens[b - 1].end, typ, "ner", index, first + a, first + b))
    return out


def _with_org_names(words: list[str], found: list[tuple[int, int, str]], lexicon: NerLexicon,
                    stops: set[int]) -> list[tuple[int, int, str]]:
    """Capitalised runs opened by an organisation head word ("Dewan Keamanan Nasional Tertinggi
    Iran", "Kementerian Pertahanan Korsel") are one ORG name, whatever the CRF cut them into."""
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if not (word[:1].isupper() and "orghead" in lexicon.categories(word) and word.lower() not in _WEAK_HEADS):
            i += 1
            continue
        j = i + 1
        while j < n and j not in stops and words[j][:1].isupper() and "time" not in lexicon.categories(words[j]):
            j += 1
        while j > i + 1 and "title" in lexicon.categories(words[j - 1]):
            j -= 1  # "... Iran Presiden": the title belongs to the next person
        if j - i >= 2 and not any(a < i < b and not (i <= a and b <= j) for a, b, _ in found):
            found = [f for f in found if not (i <= f[0] and f[1] <= j)] + [(i, j, "ORG")]
        i = j
    return found


def _titled_persons(words: list[str], found: list[tuple[int, int, str]], lexicon: NerLexicon,
                    known: list[bool]) -> list[tuple[int, int, str]]:
    """A capitalised run right after a title (and the title's country or organisation) is a
    person the CRF missed: "Presiden Korea Selatan Park Min-jae" -> "Park Min-jae"."""
    cats = [{c.split(":")[0] for c in item} for item in lexicon.tag([w.lower() for w in words])]
    taken = [False] * len(words)
    kind: list[str | None] = [None] * len(words)
    for a, b, typ in found:
        taken[a:b] = [True] * (b - a)
        kind[a:b] = [typ] * (b - a)
    out, n = [], len(words)
    for i in range(n):
        if not (words[i][:1].isupper() and "title" in cats[i]):
            continue
        j = i + 1
        while j < n and words[j][:1].isupper() and (known[j] or cats[j] & _AFFILIATION):
            j += 1
        # "Presiden India, Ram Nath Kovind", "Juru Bicara Kementerian Luar Negeri China, Geng Shuang":
        # after the title's capitalised phrase and a comma comes the name, whole (the CRF may
        # have found only part of it)
        c = j
        while c < n and words[c][:1].isupper():
            c += 1
        if c + 1 < n and words[c] == ",":
            k = c + 1
            while (k < n and k - c <= 4 and words[k][:1].isupper() and not known[k] and not cats[k]
                   and kind[k] in (None, "PER")):
                k += 1
            if c + 1 < k and (k == n or not words[k][:1].isupper()) and k - c - 1 <= 4 and not _listed(words, k):
                out.append((c + 1, k, "PER"))
                taken[c + 1 : k] = [True] * (k - c - 1)
                continue
        k = j
        while k < n and k - j < 4 and words[k][:1].isupper() and not known[k] and not cats[k] and not taken[k]:
            k += 1
        if j < k and (k == n or not words[k][:1].isupper()) and not any(taken[j:k]) and not _listed(words, k):
            out.append((j, k, "PER"))
            taken[j:k] = [True] * (k - j)
    return out


def _ranked_persons(words: list[str], found: list[tuple[int, int, str]], titles, lexicon: NerLexicon
                    ) -> list[tuple[int, int, str]]:
    """After a military or police rank comes a name, never a place: "Kolonel Turki al-Maliki" is a
    person even when the taggers read "Turki" as the country (one place span, or a place span
    followed by a person span, becomes one person)."""
    out = sorted(found)
    for k, (a, b, typ) in enumerate(out):
        if typ not in ("LOC", "GPE") or a < 2 or not words[a - 1][:1].isupper():
            continue
        match = titles.match_words_ending(words[max(0, a - titles.max_words):a])
        if match is None or not match[0].rank or a - match[1] < 1:  # a rank opening the sentence may be a noun
            continue
        end = b
        if k + 1 < len(out) and out[k + 1][0] == b and out[k + 1][2] == "PER":
            end = out[k + 1][1]
        if end - a == 1 and lexicon.categories(words[a]) & GPE_CATEGORIES:
            continue  # a lone country or city name: keep the place
        merged = (a, end, "PER")
        return _ranked_persons(words, [s for s in out if not (a <= s[0] and s[1] <= end)] + [merged], titles, lexicon)
    return out


def _listed(words: list[str], k: int) -> bool:
    """Words from k on continue a list of portfolios, not a name: "Menteri Energi, Ilmu, Teknologi",
    "Menteri Pertanian, Kehutanan, dan Perikanan"."""
    return k + 1 < len(words) and words[k] in (",", "dan", "serta") and (
        words[k + 1][:1].isupper() or words[k + 1] in ("dan", "serta"))


def _split_brackets(words: list[str], span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A person's name never holds a bracket: "(Vladimir) Putin" is two mentions."""
    a, b, typ = span
    if typ != "PER" or not any(words[k] in "()[]" for k in range(a, b)):
        return [span]
    pieces, start = [], a
    for k in range(a, b + 1):
        if k == b or words[k] in "()[]":
            if start < k:
                pieces.append((start, k, typ))
            start = k + 1
    return pieces


def _lower_headline_words(words: list[str]) -> list[str]:
    """In a headline Written Like This a capital says nothing, so the headline is tagged as
    uncased text; acronyms (AS, KPK, PBB) keep their capitals, which still mark them."""
    return [w if w.isupper() else w.lower() for w in words]


def _trim(words: list[str], a: int, b: int, typ: str, lexicon: NerLexicon, cased: bool) -> tuple[int, int]:
    """Drop edge punctuation and lower-case words ("perairan Vietnam" in cased text, "dan" in any),
    and title words before a person's name."""

    def loose(word: str) -> bool:
        return word in _EDGE_PUNCT or not word[:1].isalnum() or (word.islower() and (cased and word.isalpha() or _is_lower_function(word, lexicon)))

    while a < b and loose(words[a]):
        a += 1
    while b > a and loose(words[b - 1]):
        b -= 1
    if typ == "PER":
        while a < b - 1 and "title" in lexicon.categories(words[a]):
            a += 1
    return a, b


def _is_lower_function(word: str, lexicon: NerLexicon) -> bool:
    return word.islower() and "common" in lexicon.categories(word)


def _rejected(words: list[str], a: int, b: int, lexicon: NerLexicon) -> bool:
    """Generic false positives: a title, head word, day/month or common word standing alone."""
    if b - a != 1:
        return False
    word = words[a]
    if not any(ch.isalpha() for ch in word):
        return True
    return bool(lexicon.categories(word) & _NEVER_ALONE)


def _gazetteer_spans(doc: Document, gazetteer) -> list[_Span]:
    if gazetteer is None:
        return []
    out = []
    for match in gazetteer.find(doc):
        if match.type in ("PER", "ORG", "GPE", "LOC"):
            out.append(_Span(match.start, match.end, match.type, "gazetteer", match.sentence,
                             match.token_start, match.token_end))
    return out


def _merge(doc: Document, crf: list[_Span], gaz: list[_Span], lexicon: NerLexicon,
           suffixes: frozenset[str] = frozenset()) -> list[_Span]:
    kept: list[_Span] = list(gaz)
    for span in crf:
        overlapping = [g for g in kept if g.start < span.end and span.start < g.end]
        if not overlapping:
            kept.append(span)
            continue
        if any(g.start <= span.start and span.end <= g.end for g in overlapping):
            continue  # inside (or equal to) a gazetteer name: the gazetteer's reading stands
        inside = [g for g in overlapping if span.start <= g.start and g.end <= span.end]
        if len(inside) == len(overlapping) and _tiled(doc, span, inside):
            continue  # "AS Steven Mnuchin": known names side by side, no unknown word left
        if len(inside) == len(overlapping) and span.type in ("ORG", "LOC") and inside[0].start == span.start:
            if _name_tail(doc, span, inside, suffixes):
                for g in inside:  # "Jakarta Barat", "Sulawesi Tengah": the words after the known
                    kept.remove(g)  # place continue its name
                kept.append(span)
                continue
            rest = _remainder(doc, span, inside, lexicon)  # "Hamas Zaher Jabarin"
            if rest is not None:
                kept.append(rest)
            continue
        if len(inside) == len(overlapping) and span.type in ("ORG", "LOC"):
            for g in inside:  # "Kementerian Pertahanan Korsel": the whole organisation
                kept.remove(g)
            kept.append(span)
            continue
        if len(inside) == len(overlapping) and span.type == "PER":
            if any(g.type == "PER" for g in inside):
                for g in inside:
                    kept.remove(g)
                kept.append(span)
                continue
            rest = _remainder(doc, span, inside, lexicon)
            if rest is not None:
                kept.append(rest)
            continue
        # partial overlap: the longer span wins, the gazetteer's on a tie
        longest = max(overlapping, key=lambda g: g.end - g.start)
        if span.end - span.start > longest.end - longest.start:
            for g in overlapping:
                kept.remove(g)
            kept.append(span)
    return kept


def _tiled(doc: Document, span: _Span, inside: list[_Span]) -> bool:
    """Is every word of the CRF span part of some gazetteer match?"""
    if span.tok_start < 0:
        return False
    for token in doc.tokens[span.tok_start : span.tok_end]:
        word = doc.text[token.start : token.end]
        if word not in _EDGE_PUNCT and not any(g.start <= token.start and token.end <= g.end for g in inside):
            return False
    return True


def _name_tail(doc: Document, span: _Span, inside: list[_Span], suffixes: frozenset[str]) -> bool:
    """Are the words of the CRF span after its known names all words that continue a place's
    name ("barat", "tengah": places.yaml name_suffixes), unlike a name glued on ("Hong Kong Joshua")?"""
    if span.tok_start < 0:
        return False
    rest = [doc.text[t.start : t.end] for t in doc.tokens[span.tok_start : span.tok_end]
            if not any(g.start < t.end and t.start < g.end for g in inside)]
    return bool(rest) and all(w.lower() in suffixes for w in rest)


def _remainder(doc: Document, span: _Span, inside: list[_Span], lexicon: NerLexicon) -> _Span | None:
    """What is left of a CRF span once known names (and, before a person, titles) are cut off
    its edges; it keeps the CRF's type."""
    if span.tok_start < 0:
        return None
    tokens = doc.tokens[span.tok_start : span.tok_end]
    words = [doc.text[t.start : t.end] for t in tokens]
    known = [any(g.start < t.end and t.start < g.end for g in inside) for t in tokens]
    a, b = 0, len(tokens)
    person = span.type == "PER"
    while a < b and (known[a] or words[a] in _EDGE_PUNCT or person and "title" in lexicon.categories(words[a])):
        a += 1
    while b > a and (known[b - 1] or words[b - 1] in _EDGE_PUNCT):
        b -= 1
    if a >= b or any(known[a:b]) or _rejected(words, a, b, lexicon) or not words[a][:1].isupper():
        return None  # nothing clean is left, or the known name sits inside the person's name
    typ = span.type
    if typ != "PER" and lexicon.names is not None and lexicon.names.categories(" ".join(words[a:b])) == {"per"}:
        typ = "PER"  # "Hong Kong | Joshua Wong": what is left is a person the name list knows
    return _Span(tokens[a].start, tokens[b - 1].end, typ, "ner", span.sentence,
                 span.tok_start + a, span.tok_start + b)


def _place_type(surface: str, gazetteer, lexicon: NerLexicon) -> str:
    """GPE for countries, provinces and cities; LOC for regions, seas, mountains, facilities."""
    if gazetteer is not None:
        entry = gazetteer.lookup(surface)
        if entry is not None and entry.type in ("GPE", "LOC"):
            return entry.type
    cats = lexicon.categories(surface)
    if cats & GPE_CATEGORIES:
        return "GPE"
    if cats & LOC_CATEGORIES:
        return "LOC"
    words = surface.split()
    head = lexicon.categories(words[0]) | (lexicon.categories(" ".join(words[:2])) if len(words) > 1 else frozenset())
    if "lochead" in head:
        return "LOC"
    if "gpehead" in head:
        return "GPE"
    return "GPE"  # most unnamed-before places in news are towns and regencies
