"""Actors an event borrows from the sentences before it (used by event_coder.py).

- "Mereka" opening a clause with no actor before it in the sentence stands for the group that was
  the subject of the previous sentence: "Taliban ... tidak mengakui pemerintah. Mereka menolak
  untuk ...". Only a group can be "mereka": an organisation, a country or a generic crowd
  ("pengunjuk rasa"), never a single person; and only outside quotes, where "mereka" is usually
  the speaker's other side.
- A pair word ("Kedua negara telah dua kali berperang") makes a mutual act of the two actors named
  before even when the pattern needs a target (event_control.pair_actors finds them).
- A criticism noun told as a reaction ("Langkah Washington itu menimbulkan kecaman keras dari
  Havana", "Israel menuai kecaman dari Turki"): the critic follows "dari", the criticised is the
  subject of the reaction verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actors_rules import actor_level
from .event_args import FILLERS, Arg, SentenceView

if TYPE_CHECKING:  # event_coder imports this module; the types are only for annotations
    from ..lang.verbs import TriggerMatch
    from .event_coder import Discourse

# Entity types that can be a plural "mereka": organisations, governments, crowds.
_GROUP_TYPES = ("ORG", "GPE")
# Verbs that tell a reaction someone drew: "menimbulkan kecaman dari X", "menuai kritik dari X".
_REACTION_VERBS = frozenset({"menimbulkan", "memicu", "memancing", "menuai", "mendapat", "mendapatkan",
                             "menerima", "mengundang", "menyulut", "membuat"})
# Modifiers between the criticism noun and its "dari" phrase ("kecaman keras dari").
_NOUN_GAP = 2


def _plural_capable(view: SentenceView, arg: Arg) -> bool:
    if not arg.actor:
        return False
    entity = view.doc.entity(arg.entity) if arg.entity else None
    if entity is None:
        return arg.how == "mention"  # a generic crowd noun ("pengunjuk rasa", "warga"): no entity
    return entity.type in _GROUP_TYPES


def plural_topic(view: SentenceView, t: int, discourse: Discourse, in_quote: bool) -> list[Arg]:
    """The group "mereka" (subject of the verb at token t) stands for, else []."""
    if in_quote or discourse.topic_sentence != view.index - 1 or len(discourse.topic) != 1:
        return []
    i = t - 1
    while i >= view.first and view.w(i) != "mereka":
        # "Mereka menolak untuk mengadakan ...": a verb with an "untuk" clause shares its subject;
        # "mereka menyimpulkan Iran menggunakan rudal untuk ...": not the subject of this verb
        controls = view.w(i + 1) in ("untuk", "guna") and view.is_verbish(i)
        if (view.w(i) not in FILLERS and not controls) or i in view.mention_at:
            return []
        i -= 1
    # only a clause-opening "mereka": "Namun, mereka ..." or the sentence's first word
    k = i - 1
    while k >= view.first and view.w(k) in FILLERS:
        k -= 1
    if k >= view.first and view.w(k) != "," and view.w(k) not in view.cues.words("boundaries"):
        return []
    topic = discourse.topic[0]
    if not _plural_capable(view, topic):
        return []
    return [Arg(topic.actor, topic.entity, topic.start, topic.end, "discourse")]


def reaction_args(view: SentenceView, m: TriggerMatch) -> tuple[list[Arg], list[Arg]] | None:
    """(critics, criticised) of a criticism noun after a reaction verb, else None."""
    v = m.start - 1
    if v < view.first or view.w(v) not in _REACTION_VERBS:
        return None
    j = m.end
    while j < min(view.end, m.end + _NOUN_GAP) and view.w(j) != "dari" and j not in view.mention_at:
        j += 1
    if view.w(j) != "dari" or (j + 1) not in view.mention_at:
        return None  # "memancing kecaman luas dari dunia internasional": no actor named
    from .event_coder import _args

    critics = _args(view, view.group_right(view.mention_at[j + 1], view.end))
    refs, _ = view.subject_left(v)  # a named subject only: "Hal itu memicu kecaman dari X" names none
    criticised = [a for a in _args(view, refs) if not any(a.actor == c.actor for c in critics)]
    if not critics or not criticised:
        return None
    return critics, criticised


def borrowed_only(view: SentenceView, sources: list[Arg], targets: list[Arg]) -> bool:
    """Both sides of the act come from earlier sentences ("Padahal, sebelumnya mereka melakukan
    unjuk rasa"): nothing in the sentence itself vouches for a new event."""
    start = view.doc.sentences[view.index].start
    return bool(sources) and bool(targets) and all(a.how == "discourse" for a in sources) and all(
        a.end <= start for a in targets)


def other_side(view: SentenceView, end: int, sources: list[Arg], discourse: Discourse) -> list[Arg]:
    """ "kami berharap pihak lain memikirkan kembali ...": the other party is the last actor the
    previous acts involved that is not on the subject's side (another country or organisation)."""
    if not sources or (view.w(end), view.w(end + 1)) != ("pihak", "lain"):
        return []
    sides = {actor_level(a.actor) for a in sources}
    for arg in discourse.targets + discourse.sources:
        if arg.actor and actor_level(arg.actor) not in sides:
            return [arg]
    return []
