"""Precision checks for the events stage: words that look like an act but tell none.

A verb joined by "dan" to an earlier verb shares that verb's subject, not the name just before
"dan" ("mendukung dewan pengawas KPK, dan meminta KPK ..."). A verb whose subject is an event noun
("gelombang unjuk rasa menuntut ...", "Serangan itu mengancam ...") has no actor. An act that is
only weighed ("menimbang pembalasan") or named as an idea ("ide untuk berkunjung ke AS") did not
happen. A generic noun in apposition to a name ("aktivis pro-demokrasi Hong Kong Joshua Wong") is
that person, and one joined to a named actor ("Menlu Maas serta beberapa anggota parlemen") shares
its country. The cue lists live in modality.yaml (event_nouns, deliberation, complement_nouns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .event_args import FILLERS, MentionRef, SentenceView
from .events_common import same_actor

if TYPE_CHECKING:  # event_coder imports this module; the types are only for annotations
    from ..lang.verbs import TriggerMatch
    from .event_args import Arg
    from .event_coder import Coded, Discourse

# Adverbs that may stand between "dan" and the verb it joins: "dan kemudian menuduh".
_THEN = frozenset({"lalu", "kemudian", "lantas", "juga", "pun", "langsung", "segera", "sekaligus", "akhirnya"})
# Roots that need someone they are aimed at: cooperation, aid, concessions, investigations,
# demands, disapproval or rejection with nobody named ("menyetujui serangan itu", "menyesali
# akibatnya") is no interaction between actors (README rule 1); appeals to "dunia" (02), intents,
# threats, protests and sanctions keep a null target.
_AIMED_ROOTS = ("05", "06", "07", "08", "09", "10", "11", "12")
# Words a generic noun may carry before the name it stands in apposition to.
_APPOSITION_GAP = 3
_POSSESSORS = frozenset({"mereka", "kami", "kita", "ini", "itu", "tersebut", "baru"})
# Words that make a clause a prediction about its subject.
_PREDICTION = frozenset({"akan", "bisa", "dapat", "dikhawatirkan", "diperkirakan", "berpotensi"})
_CONJUNCT_SKIP = frozenset({"beberapa", "sejumlah", "para", "sendiri", "-", "–", ",", "("})


def coordinated(view: SentenceView, t: int) -> bool:
    """Token t is a verb joined by "dan"/"serta" to the verb before it: its subject is that verb's."""
    i = t - 1
    while i >= view.first and (view.w(i) in FILLERS or view.w(i) in _THEN) and i not in view.mention_at:
        i -= 1
    # "AS dan Iran bertemu" has a name right before the verb; here only the conjunction is
    return i >= view.first and view.w(i) in ("dan", "serta") and i not in view.mention_at


def event_noun_subject(view: SentenceView, t: int) -> bool:
    """The subject of the verb at token t is an event noun, not an actor: the noun stands right
    before the verb, or opens the verb's clause with no name between it and the verb."""
    i = t - 1
    while i >= view.first and view.w(i) in FILLERS and i not in view.mention_at:
        i -= 1
    if i >= view.first and i not in view.mention_at and view.phrase_ending_at(i, "event_nouns") is not None:
        return True
    k = t - 1
    # "sebelumnya" is an adverb, not the connective "sebelum" the view leaves of it
    while k >= view.first and not (view.is_boundary(k) and not view.raw(k).lower().endswith("nya")):
        if k in view.mention_at:
            return False
        k -= 1
    start = k + 1
    return start < t and view.phrase_at(start, "event_nouns") > 0 and start not in view.mention_at \
        and not view.is_verbish(start)


def only_considered(view: SentenceView, t: int) -> bool:
    """The act at token t is the object of a verb of weighing ("menimbang pembalasan") or the
    complement of an idea ("ide untuk berkunjung", "kemungkinan untuk menjalin hubungan")."""
    i = t - 1
    if i >= view.first and view.phrase_ending_at(i, "deliberation") is not None:
        return True
    if view.w(i) in ("untuk", "guna") and i - 1 >= view.first:
        k = i - 1
        if view.w(k) in _POSSESSORS and k - 1 >= view.first:
            k -= 1  # "kebijakan mereka untuk menekan Iran"
        return view.phrase_ending_at(k, "complement_nouns") is not None
    return False


def nominal_passive(view: SentenceView, end: int) -> bool:
    """ "tidak dapat diterimanya penyebaran rudal": a passive with -nya names the act as a noun;
    its patient is no subject to the left."""
    return view.doc.tokens[end - 1].clitic == "nya" and view.raw(end - 1).lower().startswith("di")


def act_object(view: SentenceView, end: int) -> bool:
    """The object after a trigger opens with a passive named as a noun ("dibentuknya",
    "diterapkannya"): what the verb takes is an act; a name inside it is not the verb's object."""
    i = end
    while i < view.end and view.w(i) in FILLERS and i not in view.mention_at:
        i += 1
    return i < view.end and i not in view.mention_at and nominal_passive(view, i + 1)


def aimed(coded: Coded, generic: bool) -> bool:
    """An act of the aimed roots keeps its event only with a target (or an explicit generic
    one: "semua pihak")."""
    # refusing to yield (124) is a stance that stands alone: "Venezuela tidak akan tunduk"
    return coded.code[:2] not in _AIMED_ROOTS or bool(coded.targets) or generic \
        or coded.match.pattern.role == "accused" or coded.code.startswith("124")


def sebagai_target(view: SentenceView, end: int) -> list[MentionRef]:
    """ 'mengecam serangan ke Arab Saudi sebagai "tindakan perang" Iran': the actor the act is
    blamed on, named in the "sebagai" phrase (quote marks inside it do not end it)."""
    for i in range(end, min(view.end, end + 10)):
        word = view.w(i)
        if word in (";", ":", "bahwa") or (view.is_boundary(i) and not view.is_quote(i)):
            return []
        if word == "sebagai":
            for j in range(i + 1, min(view.end, i + 7)):
                if j in view.mention_at and view.mention_at[j].actor:
                    return view.group_right(view.mention_at[j], view.end)
                if view.w(j) in (",", ";", ":") or view.w(j) in view.cues.words("prepositions"):
                    return []
            return []
    return []


def settle(view: SentenceView, out: list[Coded], discourse: Discourse) -> None:
    """Last checks over a sentence's coded triggers, and what they leave for later sentences."""
    threat_condition(view, out)
    for coded in out:
        if not aimed(coded, coded.generic):
            coded.emitted = False
        elif coded.emitted and coded.targets and coded.match.pattern.family == "protest":
            discourse.protested = list(coded.targets)


def threat_condition(view: SentenceView, out: list[Coded]) -> None:
    """ "Jika Trump menghentikan pembicaraan, kami akan ...," ancam Mujahid: the act in the
    condition of a threat is part of the threat (README rule 9), not an event of its own."""
    from .modality import _in_conditional

    threats = [x for x in out if x.emitted and x.code[:2] == "13"]
    for coded in out:
        if not coded.emitted or coded.code[:2] == "13" or coded.modality.value != "hypothetical":
            continue
        if _in_conditional(view, coded.match.start) and any(x.match.start > coded.match.start for x in threats):
            coded.emitted = False


def refine_generic(view: SentenceView) -> SentenceView:
    """Generic actor nouns next to names: apposition drops them, a conjunct lends its country."""
    for ref in [r for r in view.mentions if r.mention.source == "events" and r.entity is None]:
        if _apposition(view, ref):
            view.mentions.remove(ref)
            for k in range(ref.first, ref.last + 1):
                if view.mention_at.get(k) is ref:
                    # the name the noun had taken its country from ("aktivis Hong Kong") is a name again
                    under = [r for r in view.mentions if r.first <= k <= r.last]
                    if under:
                        view.mention_at[k] = max(under, key=lambda r: r.last - r.first)
                    else:
                        del view.mention_at[k]
            continue
        country = _conjunct_country(view, ref)
        if country and ref.actor and country != ref.actor[:3]:
            ref.actor = country + ref.actor[3:]
    return view


def _apposition(view: SentenceView, ref: MentionRef) -> bool:
    """ "aktivis pro-demokrasi Hong Kong Joshua Wong": a person's name follows the noun."""
    i, gap = ref.last + 1, 0
    while i < view.end and gap <= _APPOSITION_GAP:
        if i in view.mention_at:
            nxt = view.mention_at[i]
            if nxt.mention.type == "PER" and nxt.actor and nxt.entity is not None:
                return True
            if nxt.mention.type in ("GPE", "LOC"):
                i = nxt.last + 1
                continue
            return False
        if view.is_boundary(i) or view.is_verbish(i) or view.w(i) in (",", "dan", "serta", "yang") \
                or view.w(i) in view.cues.words("prepositions"):
            return False
        gap += 1
        i += 1
    return False


def _conjunct_country(view: SentenceView, ref: MentionRef) -> str | None:
    """ "Menteri Luar Negeri Maas sendiri - serta beberapa anggota parlemen": the country of the
    named actor the noun is joined to, when the noun names no country of its own."""
    if any(r is not ref and r.first <= ref.last and r.last >= ref.first for r in view.mentions):
        return None  # "tentara AS": the noun already carries the name after it
    i, conj = ref.first - 1, False
    while i >= max(view.first, ref.first - 6):
        word = view.w(i)
        if i in view.mention_at:
            prev = view.mention_at[i]
            actor = prev.actor or ""
            if conj and len(actor) >= 3 and not actor.startswith(("IGO", "NGO", "IMG", "MNC")):
                return actor[:3]
            return None
        if word in ("dan", "serta"):
            conj = True
        elif word not in _CONJUNCT_SKIP:
            return None
        i -= 1
    return None


def claimed_about(view: SentenceView, match: TriggerMatch) -> bool:
    """ "pertemuan antara Maas dan Wong akan merusak hubungan", "Pertemuan Maas dengan Wong
    dikhawatirkan bisa ...": a noun opening its clause as the subject of a prediction names an
    act to talk about, not a new one (the stage drops it when the act was told before)."""
    if match.voice != "nominal":
        return False
    t = match.start
    if not (t == view.first or view.is_boundary(t - 1) or view.w(t - 1) == ","):
        return False
    for j in range(match.end, view.clause_end(match.end)):
        if view.w(j) in _PREDICTION:
            return True
        if view.is_verbish(j) and j not in view.mention_at:
            return False
    return False


def same_level(a: list, b: list) -> bool:
    """Two argument lists name the same actors at the country or organisation level."""
    return bool(a) and bool(b) and all(any(same_actor(x.actor, y.actor) or same_actor(y.actor, x.actor)
                                           or (x.actor or "")[:3] == (y.actor or "")[:3] for y in b) for x in a)


def officeless(view: SentenceView, arg: Arg) -> bool:
    """A person coded with a bare country: nothing says what office, if any, they act for."""
    entity = view.doc.entity(arg.entity) if arg.entity else None
    return entity is not None and entity.type == "PER" and len(arg.actor or "") == 3


def late_targets(view: SentenceView, m: TriggerMatch, sources: list[Arg], discourse: Discourse,
                 quoted: bool) -> list[Arg]:
    """Whom an act with no object is aimed at, named late in the sentence or before it."""
    from .event_coder import _args

    family = m.pattern.family
    if family == "disapprove":
        return _args(view, sebagai_target(view, m.end))
    if family == "protest" and sources and not quoted:
        # "Para pendemo kemudian membakar ban di depan gedung komisi itu": the same protest goes
        # on against whom it was aimed at before
        return [a for a in discourse.protested
                if not any(same_actor(a.actor, b.actor, a.key(), b.key()) for b in sources)]
    if family == "reduce" and same_level(sources, discourse.sources):
        # "Bukan hanya itu, Washington juga menerapkan kembali sanksi": the same measure against
        # the same target as the sentence before
        return [a for a in discourse.targets[:1] if not same_level([a], sources)]
    return []
