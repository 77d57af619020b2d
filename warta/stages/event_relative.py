"""Relative clauses whose head noun is no actor: who does the act of "yang <verb>".

The argument finder stops at "yang" when no name stands before it ("a relative clause on a noun
that is no actor"). Two such heads still name the actor, one step further left:

- a statement: "Pompeo mengeluarkan pernyataan yang mengutuk serangan itu" — whoever issued the
  statement (the subject of the issuing verb) condemns;
- an act with its author: "Serangan Taliban di Kabul, yang menewaskan seorang tentara AS" — the
  author of the attack (the name right after the event noun) did the killing. Only acts of force
  are read this way: an attack kills, a meeting does not condemn.

- an aside closed by a comma: "Taliban, yang kini menguasai separuh negeri sejak pasukan AS
  mundur, tidak mengakui ..." — the subject is the name the aside hangs on, not the last name
  inside it.

The word lists are data (modality.yaml: statement_nouns, issuing_verbs, event_nouns).
"""

from __future__ import annotations

from collections.abc import Callable

from ..lang.verbs import TriggerMatch
from .event_args import FILLERS, Arg, MentionRef, SentenceView

_FORCE_ROOTS = ("15", "17", "18", "19", "20")
# Words that may stand between a statement noun and its issuing verb ("mengeluarkan sebuah pernyataan").
_DETERMINERS = frozenset({"sebuah", "suatu", "satu", "selembar", "secarik"})
# Modifiers allowed between an event noun and its author ("serangan udara Israel").
_MODIFIER_GAP = 2
# Words after an event noun that put the next name in another role ("serangan terhadap Iran").
# Marks that close an aside before any "yang" is reached: the comma is then no aside's end.
_ASIDE_STOPS = frozenset({'"', "“", "”", "(", ")", ";", ":", "?", "!", "–", "—"})
_ASIDE_SPAN = 30
_NOT_AUTHOR = frozenset({"di", "ke", "dari", "terhadap", "atas", "pada", "kepada", "untuk", "oleh", "dengan",
                         "yang", "dan", "antara", "menuju", "dekat", "sejak"})


def _yang_before(view: SentenceView, t: int) -> int | None:
    i = t - 1
    while i >= view.first and view.w(i) in FILLERS and i not in view.mention_at:
        i -= 1
    return i if i >= view.first and view.w(i) == "yang" else None


def _issuer(view: SentenceView, y: int, resolve: Callable[[int], list[Arg]]) -> list[Arg] | None:
    """Statement head: the subject of the verb that issued it; None when the head is no statement."""
    start = view.phrase_ending_at(y - 1, "statement_nouns")
    if start is None:
        return None
    v = start - 1
    while v >= view.first and view.w(v) in _DETERMINERS:
        v -= 1
    if v < view.first or view.w(v) not in view.cues.words("issuing_verbs"):
        return []
    return resolve(v)


def _author(view: SentenceView, y: int) -> list[MentionRef]:
    """Act head: the name right after the nearest event noun before the comma of "..., yang"."""
    k = y - 1
    if view.w(k) != ",":
        return []  # only a non-restrictive clause: "serangan di Kabul yang menewaskan" has no author
    i = k - 1
    while i >= view.first and not view.is_boundary(i):
        n = view.phrase_at(i, "event_nouns") if i not in view.mention_at else 0
        if n:
            for j in range(i + n, min(k, i + n + _MODIFIER_GAP + 1)):
                if j in view.mention_at:
                    ref = view.mention_at[j]
                    return [r for r in view.group_right(ref, k) if r.last < k]
                if view.w(j) in _NOT_AUTHOR or view.w(j) == ",":
                    break
            return []
        i -= 1
    return []


def relative_source(view: SentenceView, m: TriggerMatch, resolve: Callable[[int], list[Arg]],
                    to_args: Callable[[list[MentionRef]], list[Arg]]) -> list[Arg]:
    """The source of an active trigger whose subject is a relative "yang" on a noun that is no actor,
    when the head tells who acted; else []. ``resolve(i)`` finds the subject of the verb at token i;
    ``to_args`` turns a mention group into actors (one per country or organisation)."""
    refs, pronoun = view.subject_left(m.start)
    if refs or pronoun != "yang":
        return []
    y = _yang_before(view, m.start)
    if y is None:
        return []
    issuer = _issuer(view, y, resolve)
    if issuer is not None:
        return issuer
    if m.pattern.code[:2] not in _FORCE_ROOTS:
        return []
    return to_args(_author(view, y))


def aside_subject(view: SentenceView, t: int) -> list[MentionRef]:
    """The subject of a verb right after the comma that closes ", yang ..." on a name: that name."""
    i = t - 1
    while i >= view.first and view.w(i) in FILLERS and i not in view.mention_at:
        i -= 1
    if i <= view.first or view.w(i) != ",":
        return []
    k = i - 1
    # the aside may hold connectives ("sejak", "setelah"), so only another comma or a mark ends it
    while k > max(view.first + 1, i - _ASIDE_SPAN) and view.w(k) not in _ASIDE_STOPS:
        if view.w(k) == "yang" and view.w(k - 1) == ",":
            ref = view.mention_at.get(k - 2)
            if ref is None or view.governed(ref, view.first):
                return []
            return view.group_left(ref, view.first)
        if view.w(k) == ",":
            return []
        k -= 1
    return []
