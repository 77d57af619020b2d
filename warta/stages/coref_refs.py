"""Descriptions, title phrases and pronouns that refer back to entities (second half of coref)."""

from __future__ import annotations

import bisect

from ..doc import Document, Entity, Mention
from .coref_rules import ORG_HEADS as _ORG_HEADS
from .coref_rules import MentionIndex, TitleContext, title_context

# Head nouns of descriptions ("kementerian tersebut") and what they may refer to.
_ANY_ORG_HEADS = frozenset({"kelompok", "organisasi", "aliansi", "pakta", "gerakan", "faksi", "milisi"})
_GPE_HEADS = {"negara": "country:", "negeri": "country:", "kota": "city:", "provinsi": "province:"}
_DEMONSTRATIVES = frozenset({"tersebut", "itu", "ini"})
_PERSON_PRONOUNS = frozenset({"ia", "dia", "beliau"})
# Speech and action verbs whose "-nya" is the speaker ("ujarnya", "katanya").
_SPEECH_LEMMAS = frozenset({"ujar", "kata", "tutur", "ucap", "sambung", "imbuh", "tambah", "jelas", "tegas",
                            "lanjut", "papar", "ungkap", "terang", "pungkas", "sebut", "tandas", "tulis",
                            "cetus", "klaim"})
_SUBJECT_NEXT = frozenset({"kata", "ujar", "akan", "telah", "sudah", "juga", "tidak", "sedang", "pun",
                           "kemudian", "lalu", "menegaskan", "mengatakan"})


def add_descriptions(doc: Document, index: MentionIndex, entities: dict[str, Entity], ids) -> list[Mention]:
    added = []
    for s_index, sentence in enumerate(doc.sentences):
        if not _story(doc, sentence):
            continue
        for i in range(sentence.token_start, sentence.token_end - 1):
            head = index.word(i).casefold()
            if index.word(i + 1) not in _DEMONSTRATIVES:
                continue
            start, end = index.starts[i], index.ends[i + 1]
            if index.mentions_in(start, end) or _inside_name(index, start):
                continue
            target = _description_target(doc, index, head, start, entities)
            if target is not None:
                added.append(ids.add(start, end, target.type, "description", target, s_index))
    return added


def _description_target(doc, index, head, start, entities) -> Entity | None:
    for m in reversed(index.mentions):
        if m.start >= start or m.entity is None or m.kind not in ("name", "abbreviation"):
            continue
        entity = entities[m.entity]
        if (head in _ORG_HEADS and entity.type == "ORG"
                and (head in entity.name.casefold().split() or head in _ANY_ORG_HEADS)):
            return entity
        prefix = _GPE_HEADS.get(head)
        if prefix and entity.type == "GPE" and (entity.kb_id or "").startswith(prefix):
            return entity
    return None


def add_title_mentions(doc: Document, index: MentionIndex, entities: dict[str, Entity], titles, ids
                       ) -> list[Mention]:
    """Bare titles naming a person introduced before: "Sekjen NATO itu", "Presiden AS"."""
    holders: list[tuple[Entity, TitleContext, int]] = []
    intro_spans = []
    for entity in entities.values():
        if entity.type != "PER":
            continue
        for m in (index.by_id.get(mid) for mid in entity.mentions):
            ctx = title_context(index, m, titles) if m is not None else None
            if ctx is not None:
                holders.append((entity, ctx, m.start))
                intro_spans.append((ctx.start, max(ctx.end, m.end)))
                break
    if not holders:
        return []
    added = []
    for s_index, sentence in enumerate(doc.sentences):
        if not _story(doc, sentence):
            continue
        i = sentence.token_start
        while i < sentence.token_end:
            found = titles.match_words([index.word(k) for k in range(i, min(sentence.token_end, i + titles.max_words))])
            if not found or not found[0].head:
                i += 1
                continue
            title, n = found
            end_tok = i + n
            modifier = None
            mods = index.mentions_in(index.starts[end_tok], index.ends[end_tok]) if end_tok < sentence.token_end else []
            if mods and mods[0].start == index.starts[end_tok] and mods[0].entity and mods[0].type != "PER":
                modifier = mods[0]
                end_tok = index.token_range(modifier.start, modifier.end)[1]
            demonstrative = end_tok < sentence.token_end and index.word(end_tok) in _DEMONSTRATIVES
            if demonstrative:
                end_tok += 1
            start, end = index.starts[i], index.ends[end_tok - 1]
            i = end_tok
            if any(a <= start < b for a, b in intro_spans) or _followed_by_person(index, end_tok, sentence):
                continue
            target = _title_holder(holders, title, modifier, demonstrative, start)
            if target is not None:
                added.append(ids.add(start, end, "PER", "title", target, s_index))
    return added


def _title_holder(holders, title, modifier, demonstrative, start) -> Entity | None:
    fits = []
    for entity, ctx, first in holders:
        if first >= start or ctx.title.title != title.title or ctx.former:
            continue
        if modifier is not None and modifier.entity not in (ctx.org, ctx.gpe):
            continue
        fits.append((first, entity))
    if not fits or (modifier is None and not demonstrative and len(fits) > 1):
        return None
    return max(fits, key=lambda f: f[0])[1]


def _followed_by_person(index: MentionIndex, tok: int, sentence) -> bool:
    while tok < sentence.token_end and index.word(tok) in (",", "("):
        tok += 1
    if tok >= sentence.token_end:
        return False
    return any(m.type == "PER" and m.start == index.starts[tok] for m in index.mentions_in(index.starts[tok], index.ends[-1]))


def add_pronouns(doc: Document, index: MentionIndex, entities: dict[str, Entity], titles, ids) -> list[Mention]:
    """Ia, dia, beliau, speech verbs with -nya -> the last person; pihaknya -> that person's side."""
    added = []
    for s_index, sentence in enumerate(doc.sentences):
        if not _story(doc, sentence):
            continue
        for i in range(sentence.token_start, sentence.token_end):
            token = doc.tokens[i]
            word = index.word(i)
            lower = word.casefold()
            if lower in _PERSON_PRONOUNS:
                start, end, kind = token.start, token.end, "person"
            elif token.clitic == "nya" and lower.removesuffix("nya") in _SPEECH_LEMMAS:
                # the bare verb only: "ujarnya", not "selanjutnya" (lemma lanjut)
                start, end, kind = token.end - 3, token.end, "person"
            elif lower in ("pihaknya", "dirinya"):
                start, end, kind = token.start, token.end, "side" if lower == "pihaknya" else "person"
            else:
                continue
            if _inside_name(index, start):
                continue
            person = _last_person(doc, index, s_index, start, entities)
            target = person
            if kind == "side" and person is not None:
                org = _affiliation(index, person, titles, entities)
                target = org or person
            if target is not None:
                added.append(ids.add(start, end, target.type, "pronoun", target, s_index))
    return added


def _last_person(doc, index: MentionIndex, s_index: int, start: int, entities) -> Entity | None:
    """The subject-like person of the nearest sentence (this one before ``start``, then earlier)."""
    for back in range(4):
        k = s_index - back
        if k < 0:
            break
        sentence = doc.sentences[k]
        limit = start if back == 0 else sentence.end
        people = [m for m in index.mentions_in(sentence.start, limit)
                  if m.type == "PER" and m.entity is not None and not _in_quote(doc.text, sentence.start, m.start)]
        if people:
            subjects = [m for m in people if _subject_like(index, m)]
            return entities.get((subjects or people)[0].entity)
    return None


def _subject_like(index: MentionIndex, mention: Mention) -> bool:
    _, tok = index.token_range(mention.start, mention.end)
    while tok < len(index.starts) and index.word(tok) == ",":
        tok += 1
    if tok >= len(index.starts):
        return False
    word = index.word(tok)
    return word in _SUBJECT_NEXT or (word[:1].islower() and word.startswith(("me", "ber")))


def _affiliation(index: MentionIndex, person: Entity, titles, entities) -> Entity | None:
    for mid in person.mentions:
        m = index.by_id.get(mid)
        if m is None or m.kind != "name":
            continue
        ctx = title_context(index, m, titles)
        if ctx is not None and ctx.org:
            return entities.get(ctx.org)
    return None


def _in_quote(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return (segment.count("\u201c") > segment.count("\u201d")) or segment.count('"') % 2 == 1


def _inside_name(index: MentionIndex, char: int) -> bool:
    upto = bisect.bisect_right(index.mention_starts, char)
    return any(m.end > char and m.kind in ("name", "abbreviation") for m in index.mentions[max(0, upto - 8) : upto])


def _story(doc: Document, sentence) -> bool:
    if sentence.paragraph >= len(doc.paragraphs):
        return True
    return doc.paragraphs[sentence.paragraph].kind in ("headline", "body")
