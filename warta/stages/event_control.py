"""Arguments a clause borrows from the clause around it (used by event_coder.py).

Indonesian leaves the subject out of a clause that shares it with the clause governing it:
"AS menekan Iran setelah meningkatkan sanksi", "Arab Saudi memimpin koalisi untuk menumpas
Houthi", "Meski mengkritik Jerman, Duta Besar China mengatakan ...". Group words stand for actors
named before: "Keduanya sepakat ...", "Kedua negara saling menuduh", "mendorong mereka".
A "kecuali" clause turns a refused or announced use of force into a conditional threat:
"Rusia tidak akan mengerahkan rudal kecuali AS ...". The cue words live in modality.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .event_args import FILLERS, Arg, MentionRef, SentenceView
from .events_common import same_actor

if TYPE_CHECKING:  # event_coder imports this module; the types are only for annotations
    from .event_coder import Coded, Discourse

# Verbs whose object does what the "untuk" clause says: "memerintahkan Departemen Keuangan
# untuk meningkatkan sanksi". After other verbs an object blocks inheritance altogether.
_OBJECT_CONTROL = frozenset({"memerintahkan", "menginstruksikan", "menugaskan", "mengutus", "mengizinkan",
                             "memaksa", "memerintah", "menyuruh"})
_PURPOSE = ("untuk", "guna", "demi")
# Families whose "untuk" clause is the content asked for, not an act of anyone yet.
_ASKING = ("demand", "appeal")
_FORCE_ROOTS = ("15", "17", "18", "19", "20")
# Acts whose telling by another actor is an accusation (a missile test or an arrest is news).
_ALLEGED_ROOTS = ("18", "19", "20")


def _args(view: SentenceView, refs: list[MentionRef], how: str) -> list[Arg]:
    from .event_coder import _args as coder_args

    return coder_args(view, refs, how)


def _connective(view: SentenceView, t: int) -> int | None:
    """Index of the connective ("setelah", "untuk", "lalu" ...) that opens the clause of token t."""
    connectives = view.cues.words("control_connectives")
    i = t - 1
    while i >= view.first and t - i <= 5:
        word = view.w(i)
        if word in connectives:
            # "dan kemudian menuduh": the outermost connective of a run opens the clause
            while i - 1 >= view.first and view.w(i - 1) in connectives:
                i -= 1
            return i
        if word not in FILLERS or i in view.mention_at:
            return None
        i -= 1
    return None


def _fronted(view: SentenceView, c: int) -> bool:
    """The clause comes before its governing clause: sentence, quote or "bahwa" clause start."""
    if c == view.first or view.is_quote(c - 1) or view.w(c - 1) == "bahwa":
        return True
    return view.w(c - 1) == "," and (c - 1 == view.first or view.is_quote(c - 2) or view.w(c - 2) == "bahwa")


def _subject_after_comma(view: SentenceView, t: int) -> list[Arg]:
    """ "Meski mengkritik Jerman, Duta Besar China mengatakan": the subject after the comma."""
    i = t + 1
    while i < view.end and view.w(i) != ",":
        if view.w(i) in (";", ":") or view.is_quote(i):
            return []
        i += 1
    for j in range(i + 1, min(view.end, i + 4)):
        if j in view.mention_at:
            ref = view.mention_at[j]
            if view.in_pp(ref, i + 1):
                return []
            group = view.group_right(ref, view.end)
            after = max(r.last for r in group) + 1
            # a subject stands before its verb: "Duta Besar China mengatakan", "Kim pun berkata"
            k = after
            while k < view.end and view.w(k) in FILLERS:
                k += 1
            if k < view.end and (view.is_verbish(k) or view.w(k) in view.cues.words("speech")):
                return _args(view, group, "control")
            return []
    return []


def _governing_verb(view: SentenceView, c: int) -> int | None:
    """The nearest verb left of the connective, in the same stretch of text."""
    for i in range(c - 1, view.first - 1, -1):
        if view.w(i) in (";", ":") or view.is_quote(i):
            return None
        if i not in view.mention_at and view.is_verbish(i):
            return i
    return None


def _speech_speaker(view: SentenceView, c: int, discourse: Discourse) -> list[Arg]:
    """ '"...," katanya sebelum bertemu dengan ...': a clause after the attribution of a quote
    belongs to the speaker ("kata Trump setelah ..." names him, "katanya" points at the quote)."""
    speech = view.cues.words("speech")
    j = c - 1
    if j in view.mention_at:
        # "kata Trump setelah ...", or "katanya" whose -nya coref resolved
        ref = view.mention_at[j]
        return _args(view, [ref], "speaker") if view.w(ref.first - 1) in speech or view.w(j) in speech else []
    if view.w(j) not in speech:
        return []
    lo, hi = view.doc.tokens[view.first].start, view.doc.tokens[j].start
    found = [speaker for quote, speaker, _ in discourse.quotes
             if speaker is not None and lo <= quote.end <= hi]
    return found[-1:]


def control_subject(view: SentenceView, t: int, out: list[Coded], discourse: Discourse) -> list[Arg]:
    """The subject a subjectless clause at token t inherits; [] when it has none to inherit.
    Only a governing verb that is itself a coded act (or a verb that plainly acts: "memimpin
    koalisi untuk ...") lends its subject; a saying verb's clause is its content instead."""
    c = _connective(view, t)
    if c is None:
        return []
    if _fronted(view, c):
        return _subject_after_comma(view, t)
    spoken = _speech_speaker(view, c, discourse)
    if spoken:
        return spoken
    if view.w(c) in ("dan", "serta"):
        return _joined_subject(view, c, out)
    verb = _governing_verb(view, c)
    if verb is None or view.w(verb) in view.cues.words("speech"):
        return []
    gov = next((x for x in reversed(out) if x.match.start <= verb < x.match.end), None)
    if view.w(c) in _PURPOSE:
        if any(view.w(i) == "," for i in range(verb, c)):
            return []  # "menekankan, untuk mencapai kesepakatan ...": a new clause
        if gov is not None and gov.match.pattern.family in _ASKING:
            return []
        obj = next((view.mention_at[i] for i in range(verb + 1, c) if i in view.mention_at
                    and not view.in_pp(view.mention_at[i], verb + 1)), None)
        if obj is not None:
            if view.w(verb) in _OBJECT_CONTROL:
                return _args(view, view.group_right(obj, c), "control")
            return []
        if gov is None and view.w(verb) in view.cues.words("light_verbs") | _OBJECT_CONTROL:
            refs, _ = view.subject_left(verb)
            return _args(view, refs, "control") if refs else []
    return list(gov.sources) if gov is not None else []


def _joined_subject(view: SentenceView, c: int, out: list[Coded]) -> list[Arg]:
    """ "mendukung dibentuknya dewan pengawas KPK, dan meminta KPK ...", "China sangat tidak puas
    dan dengan tegas menentang ...": a verb joined by "dan" shares the subject of the act (or
    the clause) before it; not inside a relative clause ("perilaku yang agresif dan mengancam")."""
    prev = next((x for x in reversed(out) if x.match.end <= c), None)
    if prev is not None and prev.sources and prev.match.pattern.role != "accused" and not any(
            view.w(i) == "yang" or view.is_boundary(i) for i in range(prev.match.end, c)):
        return list(prev.sources)
    i = c - 1
    while i >= view.first and not view.is_boundary(i) and not (view.is_verbish(i) and i not in view.mention_at):
        if view.w(i) == "yang":
            return []  # "perilaku yang agresif, ceroboh, dan mengancam": a relative clause goes on
        i -= 1
    verb = _governing_verb(view, c)
    refs, _ = view.subject_left(verb if verb is not None else c)
    if verb is None and any(r.last == c - 1 for r in refs):
        return []  # "yel-yel bakar KPK dan ...": the name before "dan" ends the object, not a subject
    return _args(view, refs, "control") if refs else []


# ---- group words ---------------------------------------------------------------------------
def _pair_word(view: SentenceView, t: int) -> bool:
    """ "Keduanya sepakat", "Kedua negara telah berulang kali menuduh": a pair as the subject."""
    i = t - 1
    while i >= view.first and t - i <= 8:
        for start in range(i, max(view.first, i - 3) - 1, -1):
            n = view.phrase_at(start, "pair_subjects")
            if n and start + n - 1 == i:
                return True
        word = view.w(i)
        if view.raw(i).lower() == "keduanya":  # the view strips the -nya of "keduanya"
            return True
        # "kedua belah pihak berusaha untuk menegosiasikan": the pair is the subject of both verbs
        controls = view.w(i + 1) in ("untuk", "guna") and i + 1 < t
        if i in view.mention_at or view.is_boundary(i) or word == "," or (
                view.is_verbish(i) and word not in FILLERS and not controls):
            return False
        i -= 1
    return False


def _distinct(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for arg in args:
        if arg.actor and not any(same_actor(a.actor, arg.actor, a.key(), arg.key()) or
                                 same_actor(arg.actor, a.actor) for a in out):
            out.append(arg)
    return out


def pair_actors(view: SentenceView, t: int, discourse: Discourse) -> list[Arg]:
    """The two actors a pair word stands for: named earlier in the sentence, else in the
    previous one; [] unless exactly such a pair is found."""
    if not _pair_word(view, t):
        return []
    here = [view.arg(r, "pair") for r in view.mentions if r.last < t and r.actor]
    for pool in (here, discourse.sources + discourse.targets, discourse.actors):
        pair = _distinct(pool)
        if len(pair) >= 2:
            return pair[:2]
    return []


def reciprocal(view: SentenceView, end: int) -> bool:
    """ "menuduh satu sama lain", "saling ..." after or before the trigger: a mutual act."""
    return view.phrase_at(end, "reciprocal") > 0 or view.w(end - 2) == "saling" or view.w(end - 1) == "saling"


def pronoun_object(view: SentenceView, end: int, sources: list[Arg], discourse: Discourse) -> list[Arg]:
    """ "polisi mendorong mereka": the group the previous sentence named, other than the subject;
    "mahasiswa meminta kami ...", said by a speaker: the speaker's side."""
    if view.w(end) == "kami":
        from .event_coder import speaker_for

        return [a for a in speaker_for(view, end, discourse) if a.actor and not any(
            same_actor(a.actor, s.actor, a.key(), s.key()) for s in sources)][:1]
    if view.w(end) != "mereka":
        return []
    for arg in discourse.sources + discourse.targets:
        if arg.actor and not any(same_actor(arg.actor, s.actor, arg.key(), s.key()) or
                                 same_actor(s.actor, arg.actor) for s in sources):
            return [arg]
    return []


# ---- conditional threats ---------------------------------------------------------------------
def exception_actor(view: SentenceView, end: int) -> list[Arg]:
    """The actor of a "kecuali ..." clause after token ``end`` in the same clause."""
    for i in range(end, view.end):
        if view.w(i) in (";", ":") or view.is_quote(i):
            return []
        if view.phrase_at(i, "exception"):
            for j in range(i + 1, min(view.end, i + 6)):
                if j in view.mention_at:
                    return _args(view, view.group_right(view.mention_at[j], view.end), "mention")
                if view.w(j) == ",":
                    return []
            return []
    return []


def conditional_threat(view: SentenceView, coded: Coded) -> bool:
    """ "Rusia tidak akan mengerahkan rudal kecuali AS ...": the use of force, refused or
    announced on a condition another actor must meet, is a threat to that actor (138)."""
    from .modality import Modality

    if coded.code[:2] not in _FORCE_ROOTS or coded.modality.value not in ("negated", "intended"):
        return False
    actors = [a for a in exception_actor(view, coded.match.end)
              if not any(same_actor(a.actor, s.actor, a.key(), s.key()) or same_actor(s.actor, a.actor)
                         for s in coded.sources)]
    if not actors or not coded.sources:
        return False
    coded.code, coded.targets, coded.symmetric = "138", actors, False
    coded.modality = Modality("asserted")
    return True


def threat_content(coded: Coded, out: list[Coded]) -> bool:
    """ "mengancam UEA dengan mengatakan pihaknya siap menyerang": the announced force is what the
    threat says, not a second event."""
    if coded.code[:2] not in _FORCE_ROOTS or coded.modality.value != "intended":
        return False
    # "Dia" and "pihaknya" may resolve to different entities of one actor: compare the actors
    keys = {(a.actor or "")[:3] for a in coded.sources}
    return any(x.emitted and x.code[:2] == "13" and keys and keys == {(a.actor or "")[:3] for a in x.sources}
               for x in out)


def governing_subject(view: SentenceView, t: int) -> list[Arg]:
    """The subject of the clause a prepositional phrase at token t belongs to: "Lavrov
    mengatakan hal itu selama pembicaraan dengan Prancis" (Lavrov)."""
    verb = _governing_verb(view, t)
    if verb is not None:
        refs, _ = view.subject_left(verb)
        if refs:
            return _args(view, refs, "control")
    refs = view.speech_subject()
    return _args(view, refs, "speaker") if refs else []


def borrow(view: SentenceView, coded: Coded, out: list[Coded], discourse: Discourse) -> None:
    """Fill a coded trigger's missing arguments from the clause around it (see module doc)."""
    m = coded.match
    if m.pattern.role == "accused":
        return
    if not coded.sources and m.voice == "active":
        pair = pair_actors(view, m.start, discourse)
        if pair and m.pattern.symmetric and coded.targets and any(
                a.actor == p.actor for a in coded.targets for p in pair):
            # "Kedua belah pihak berusaha menegosiasikan ... jaminan Taliban": one of the pair named again
            coded.sources, coded.targets, coded.symmetric = pair[:1], pair[1:], True
        elif pair and coded.targets:
            coded.sources = pair  # "keduanya mengajak warga": both act on the same target
        elif pair:
            coded.sources, coded.targets, coded.symmetric = pair[:1], pair[1:], True
        else:
            coded.sources = control_subject(view, m.start, out, discourse)
            coded.targets = [a for a in coded.targets if not any(
                same_actor(a.actor, s.actor, a.key(), s.key()) for s in coded.sources)]
    if len(coded.sources) >= 2 and not coded.targets and reciprocal(view, m.end):
        coded.sources, coded.targets, coded.symmetric = coded.sources[:1], coded.sources[1:2], True
    conditional_threat(view, coded)
    if threat_content(coded, out):
        coded.emitted = False


def alleged_acts(view: SentenceView, out: list[Coded], discourse: Discourse) -> list[Coded]:
    """ "Stoltenberg mengatakan kepada Euronews bahwa Rusia sedang mengerahkan rudal": telling
    that another actor uses force accuses it (112, README rule 13); the act stays an event."""
    from .event_coder import Coded as CodedAct
    from .event_coder import speaker_for
    from .modality import Modality

    extra: list[CodedAct] = []
    for coded in out:
        if not coded.emitted or not coded.sources or (coded.quote is not None and coded.quote.direct) \
                or coded.modality.value in (
                "negated", "hypothetical", "denied") or not (coded.code[:2] in _ALLEGED_ROOTS or coded.code == "154"):
            continue
        t = coded.match.start
        bahwa = next((i for i in range(t - 1, view.first - 1, -1) if view.w(i) == "bahwa"), None)
        if bahwa is None or not any(view.w(i) in view.cues.words("speech") for i in range(view.first, bahwa)):
            continue
        speakers = speaker_for(view, bahwa, discourse)
        accused = [a for a in coded.sources if a.how == "mention" and not any(
            (s.actor or "")[:3] == (a.actor or "")[:3] for s in speakers)]
        if speakers and accused:
            extra.append(CodedAct(coded.match, "112", speakers[:1], accused, False, Modality("asserted"), None))
            coded.modality = Modality("reported", coded.modality.cue)  # the alleged act (rule 13)
    return extra


def share_object(view: SentenceView, out: list[Coded], coded: Coded) -> None:
    """ "polisi menembakkan gas air mata serta bernegosiasi dengan massa": two verbs joined by
    "dan"/"serta" with one subject share the object the second one names."""
    if not coded.targets or not out:
        return
    prev = out[-1]
    if not prev.emitted or prev.targets or prev.generic or prev.match.end >= coded.match.start:
        return
    if [view.w(i) for i in range(prev.match.end, coded.match.start)] not in (["dan"], ["serta"]):
        return
    if not prev.sources or {a.key() for a in prev.sources} != {a.key() for a in coded.sources}:
        return
    prev.targets = [a for a in coded.targets if not any(
        same_actor(a.actor, s.actor, a.key(), s.key()) for s in prev.sources)]
