"""Coding one sentence: triggers from the verb dictionary, their arguments and modality.

The events stage (events.py) calls :func:`code_sentence` for every body sentence and turns the
returned :class:`Coded` triggers into Event records. Nothing here keeps state between
documents; what one sentence leaves for the next (the last topic, the last targets) travels in
a :class:`Discourse` the stage creates per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Quote
from ..lang.verbs import Pattern, TriggerMatch, VerbDictionary
from . import event_filters as filters
from .actors_rules import actor_level
from .event_anaphora import borrowed_only, other_side, plural_topic, reaction_args
from .event_args import Arg, MentionRef, SentenceView
from .event_control import alleged_acts, borrow, governing_subject, pair_actors, pronoun_object, share_object
from .event_relative import aside_subject, relative_source
from .events_common import same_actor
from .modality import Modality, decide

_OBJECT_WINDOW = 9
# Speech acts whose addressee carries over from the previous act of the same speaker.
_ADDRESSED = ("demand", "appeal", "threaten")
_QUALIFIER_WINDOW = 12
_DURING = ("selama", "sepanjang", "seusai", "sehabis")


@dataclass
class Discourse:
    """What earlier sentences of the same document leave for later ones."""

    quotes: list[tuple[Quote, Arg | None, Arg | None]] = field(default_factory=list)  # quote, speaker, addressee
    topic: list[Arg] = field(default_factory=list)  # the last subject actors
    topic_sentence: int = -1  # the sentence the topic was the subject of
    targets: list[Arg] = field(default_factory=list)  # targets of the previous sentence
    sources: list[Arg] = field(default_factory=list)  # sources of the previous sentence
    actors: list[Arg] = field(default_factory=list)  # actors named in the last sentences, latest first
    protested: list[Arg] = field(default_factory=list)  # whom the last protest with a target was against


@dataclass
class Coded:
    """One trigger with its arguments, before it becomes Event records."""

    match: TriggerMatch
    code: str
    sources: list[Arg]
    targets: list[Arg]
    symmetric: bool
    modality: Modality
    quote: Quote | None
    emitted: bool = True  # False for a trigger absorbed as the content of another
    generic: bool = False  # the object is "semua pihak", "dunia": no target by design


# ---- helpers ------------------------------------------------------------------------------------
def _has_words(view: SentenceView, lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    for i in range(lo, min(hi, view.end)):
        if view.w(i) in (";", "bahwa") and i > lo:
            return False
        for phrase in phrases:
            if all(view.w(i + k) == phrase[k] for k in range(len(phrase))):
                return True
    return False


def _mentions_words(view: SentenceView, lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Like _has_words, but reads on past "bahwa": a warning's content names its kind."""
    for i in range(lo, hi):
        if view.w(i) in (";", ":") or view.is_quote(i) and i > lo:
            return False
        if any(all(view.w(i + k) == ph[k] for k in range(len(ph))) for ph in phrases):
            return True
    return False


def _cue_before(view: SentenceView, t: int, cues: tuple[str, ...]) -> bool:
    return any(view.w(i) in cues for i in range(max(view.first, t - 4), t))


def _args(view: SentenceView, refs: list[MentionRef], how: str = "mention") -> list[Arg]:
    """Actors of a mention group in text order, one per country or organisation (the most
    specific code wins: "Kanselir Jerman, Angela Merkel" is DEUGOV, once)."""
    out: list[Arg] = []
    for ref in sorted(refs, key=lambda r: r.first):
        if not ref.actor:
            continue
        arg = view.arg(ref, how)
        key = actor_level(arg.actor)
        # "DPR dan pemerintah" are two actors of one country; "Kanselir Jerman, Angela Merkel"
        # (DEU, DEUGOV) is one
        same = next((a for a in out if actor_level(a.actor) == key and _nests(a.actor, arg.actor)), None)
        if same is None:
            out.append(arg)
        elif len(arg.actor or "") > len(same.actor or ""):
            out[out.index(same)] = arg
    return out


def _nests(a: str | None, b: str | None) -> bool:
    """One code refines the other (DEU, DEUGOV) or they are equal."""
    a, b = a or "", b or ""
    return a.startswith(b) or b.startswith(a)


def quote_at(discourse: Discourse, char: int) -> tuple[Quote, Arg | None, Arg | None] | None:
    for item in discourse.quotes:
        if item[0].start <= char < item[0].end:
            return item
    return None


def speaker_for(view: SentenceView, t: int, discourse: Discourse) -> list[Arg]:
    """Who speaks the words at token t: the quote's speaker, else the sentence's saying subject."""
    found = quote_at(discourse, view.doc.tokens[t].start)
    if found and found[1] is not None:
        return [found[1]]
    refs = view.speech_subject(before=t) or view.speech_subject()
    return _args(view, refs, "speaker")


def _inverted_subject(view: SentenceView, t: int) -> list[MentionRef]:
    """'"Mereka akan menyesal," ancam Mujahid': a verb right after a closing quote has its
    subject after it, as the saying verbs do."""
    if not (view.is_quote(t - 1) or (view.w(t - 1) == "," and view.is_quote(t - 2))) or t - 1 < view.first:
        return []
    for j in range(t + 1, min(view.end, t + 5)):
        if j in view.mention_at:
            return view.group_right(view.mention_at[j], view.end)
        if view.is_boundary(j) or view.w(j) == ",":
            return []
    return []


def _resolve_subject(view: SentenceView, t: int, discourse: Discourse, active: bool = True) -> list[Arg]:
    if active and (filters.coordinated(view, t) or filters.event_noun_subject(view, t)):
        return []  # the joined verb's subject is borrowed later; an event noun is no actor
    refs, pronoun = view.subject_left(t)
    if refs:
        return _args(view, refs)
    if pronoun == "yang":
        return []  # a relative clause on a noun that is no actor
    if pronoun in view.cues.words("first_person"):
        return speaker_for(view, t, discourse)
    if pronoun in view.cues.words("third_person"):
        # an unresolved "ia"/"mereka": the nearest actor before it, else (singular) the running topic
        i = t - 1
        while i >= view.first and view.w(i) != pronoun:
            i -= 1
        refs, _ = view.subject_left(i, cross=True)
        if refs:
            return _args(view, refs, "pronoun")
        if pronoun == "mereka":
            return plural_topic(view, t, discourse, quote_at(discourse, view.doc.tokens[t].start) is not None)
        return list(discourse.topic)
    if view.w(t - 1) in ("untuk", "guna", "demi") or view.is_quote(t - 1) and view.w(t - 2) in ("untuk", "guna"):
        return []  # "untuk mencapai kesepakatan": an infinitive has no subject of its own
    inverted = _inverted_subject(view, t)
    if inverted:
        return _args(view, inverted, "speaker")
    # no subject in the clause: the complement of a saying verb, or words inside a quote
    if quote_at(discourse, view.doc.tokens[t].start) or view.speech_subject(before=t):
        return speaker_for(view, t, discourse)
    if t == view.first or view.is_verbish(view.first):
        return _args(view, view.speech_subject(), "speaker")
    return []


def _bahwa_target(view: SentenceView, end: int) -> list[MentionRef]:
    for i in range(end, min(view.end, end + 3)):
        if view.w(i) == "bahwa":
            for j in range(i + 1, view.end):
                if j in view.mention_at and not view.in_pp(view.mention_at[j], i + 1):
                    return view.group_right(view.mention_at[j], view.end)
            return []
    return []


def _frame_targets(view: SentenceView, match: TriggerMatch, frames: tuple[str, ...]) -> tuple[list[MentionRef], str]:
    end = match.end
    if view.phrase_at(end, "generic_objects"):
        return [], "generic"
    for frame in frames:
        if frame == "object":
            refs = view.object_right(end)
            if not refs and match.pattern.family == "disapprove" and _act_right(view, end):
                # "mengecam serangan terhadap kilang Saudi": the phrases after the act are the
                # act's own (its victim); whoever attacked is not named
                return [], "act"
        elif frame == "bahwa":
            refs = _bahwa_target(view, end)
        elif frame == "nominal":
            continue
        else:
            refs, _ = view.after_word(end, frame)
        if refs:
            return refs, frame
    return [], ""


def _act_right(view: SentenceView, end: int) -> bool:
    """The object is a named act ("serangan", "kebijakan", "rencana"), after an optional "keras"."""
    k = end + 1 if view.w(end) in ("keras", "tegas") else end
    return k < view.end and k not in view.mention_at and view.phrase_at(k, "event_nouns") > 0


def _anaphoric(view: SentenceView, end: int) -> bool:
    for i in range(end, min(view.end, end + 3)):
        if view.phrase_at(i, "anaphoric_objects"):
            return True
    return False


def _choose(view: SentenceView, cands: list[TriggerMatch]) -> TriggerMatch | None:
    for m in cands:
        p = m.pattern
        if p.cue and not _cue_before(view, m.start, p.cue):
            continue
        if p.object and not _has_words(view, m.end, m.end + _OBJECT_WINDOW, p.object):
            continue
        return m
    return None


def _code(view: SentenceView, m: TriggerMatch, mod: Modality) -> str:
    p: Pattern = m.pattern
    hi = min(view.end, m.end + _QUALIFIER_WINDOW)
    qual = next((q for q in p.qualifiers if _mentions_words(view, m.start, hi, q.words)), None)
    if mod.refusal and p.refusal:
        return p.refusal
    if mod.intent:
        return (qual.intent if qual and qual.intent else None) or p.intent or p.code
    return qual.code if qual else p.code


# ---- one trigger --------------------------------------------------------------------------------
def _nominal_args(view: SentenceView, m: TriggerMatch, discourse: Discourse,
                  ) -> tuple[list[Arg], list[MentionRef], bool, bool] | None:
    """Sources, target mentions, symmetric flag and whether a light verb carries the noun;
    None when the noun names no new event ("penolakan ini", "setelah serangan itu")."""
    p = m.pattern
    t = m.start
    lo = t - 4 if view.w(t - 1) == "kali" else t - 2  # "melakukan tiga kali intersepsi"
    light = next((i for i in range(max(view.first, lo), t) if view.w(i) in view.cues.words("light_verbs")), None)
    if light is not None:
        targets, frame = _frame_targets(view, m, p.frames)
        return _resolve_subject(view, light, discourse, active=False), targets, frame in ("dengan", "antara"), True
    if view.w(m.end) in ("ini", "itu", "tersebut"):
        return None  # points back to an event already told
    prev = view.w(t - 1) if t > view.first else ""
    background = prev in view.cues.words("prepositions") or prev in view.cues.words("boundaries")
    sources: list[Arg] = []
    targets: list[MentionRef] = []
    symmetric = False
    # possessor: "serangan Iran", "kunjungan Presiden Jokowi" (agent); "agresi Rusia" with frame object
    j = m.end
    while j < min(view.end, m.end + 3) and j not in view.mention_at and view.w(j) not in view.cues.words("prepositions") \
            and not view.is_boundary(j) and view.w(j) != ",":
        j += 1
    if j in view.mention_at:
        refs = view.group_right(view.mention_at[j], view.end)
        # not as the object of another verb: "menghentikan blokade Berlin terhadap ..." names no new act
        after = _possessor_frame(view, refs, p.frames) if p.code[:2] >= "11" and not (
            t > view.first and view.is_verbish(t - 1)) else []
        if after:
            # "serangan Israel terhadap Gaza": with the target in a frame, the possessor is the agent
            sources, targets = _args(view, refs), after
        elif "object" in p.frames:
            targets = refs
        else:
            sources = _args(view, refs)
    between, _at = view.after_word(m.end, "antara", 4)
    if between and not sources:
        pair = _args(view, between)
        if len(pair) >= 2:
            return pair[:1], [r for r in between if r.actor and actor_level(r.actor) == actor_level(pair[1].actor)], True, False
    oleh, _ = view.after_word(m.end, "oleh", 5)
    if oleh and not sources:
        sources = _args(view, oleh)
    if not targets:
        frames = tuple(f for f in p.frames if f != "object")
        targets, frame = _frame_targets(view, m, frames)
        symmetric = frame in ("dengan", "antara")
    if not sources and background and (view.is_verbish(view.first) or view.w(view.first) in
                                       view.cues.words("boundaries")):
        # "Berbicara pasca pertemuan dengan Prancis, ... Lavrov mengatakan": the fronted phrase
        # belongs to the subject of the main clause
        sources = _args(view, view.speech_subject(), "speaker")
    elif not sources and p.family == "consult" and targets and symmetric and (background or prev in _DURING):
        # "selama pembicaraan dengan Prancis": talks held by the subject of the clause
        sources = governing_subject(view, t)
    elif background:
        return None
    return sources, targets, symmetric, False


def _possessor_frame(view: SentenceView, refs: list[MentionRef], frames: tuple[str, ...]) -> list[MentionRef]:
    """The target phrase right after a hostile nominal's possessor: "serangan AS kepada Taliban"
    (kept to conflictual codes: "dukungan PBB kepada ..." is mostly background)."""
    end = max(r.last for r in refs) + 1
    for frame in frames:
        if frame in ("terhadap", "kepada", "ke", "atas") and view.w(end) == frame:
            found, _ = view.after_word(end, frame, 2)
            return found
    return []


def _clause_initial(view: SentenceView, t: int) -> bool:
    """Token t opens its sentence, a quotation or a comma clause."""
    return t == view.first or view.is_quote(t - 1) or view.w(t - 1) == ","


def _conditional_actor(view: SentenceView, t: int) -> list[Arg]:
    """The actor of a "jika ..." clause before a threat: "jika AS menaruh rudal, Moskow akan ..."."""
    for i in range(view.first, t):
        if view.w(i) in view.cues.words("conditional"):
            for j in range(i + 1, t):
                if j in view.mention_at:
                    return _args(view, view.group_right(view.mention_at[j], t))
                if view.w(j) == ",":
                    break
    return []


def _clitic_object(view: SentenceView, m: TriggerMatch, sources: list[Arg]) -> list[Arg]:
    """ "Taliban menganggapnya": -nya is the object, the actor named just before the subject."""
    tok = view.doc.tokens[m.end - 1]
    if tok.clitic != "nya":
        return []
    for ref in reversed([r for r in view.mentions if r.last < m.start]):
        arg = view.arg(ref)
        if ref.actor and not any(same_actor(a.actor, arg.actor, a.key(), arg.key()) for a in sources):
            return [arg]
    return []


def code_trigger(view: SentenceView, m: TriggerMatch, discourse: Discourse,
                 following: list[SentenceView]) -> Coded | None:
    p = m.pattern
    t = m.start
    quote = quote_at(discourse, view.doc.tokens[t].start)
    symmetric = False
    frame = ""
    if filters.only_considered(view, t):
        return None
    if p.role == "accused":
        target_frames = tuple(f for f in p.frames if f != "object")
        refs, frame = _frame_targets(view, m, target_frames) if target_frames else ([], "")
        if not refs and p.family == "demand" and _clause_initial(view, t):
            refs = view.object_right(m.end, 4)  # "Seharusnya pemerintah Malaysia obyektif ..."
        targets = _args(view, refs) if refs else _resolve_subject(view, t, discourse, active=False)
        sources = speaker_for(view, t, discourse)
        if not sources and targets:
            # "klaim Presiden AS, Donald Trump ... Iran berada di belakang serangan"
            first_target = min(
                (r for r in view.mentions if r.entity and r.entity.id == targets[0].entity), key=lambda r: r.first,
                default=None)
            if first_target is not None:
                sources = _resolve_subject(view, first_target.first, discourse, active=False)
        if p.family == "demand" and (not sources or not targets):
            return None
    elif m.voice == "passive":
        if filters.nominal_passive(view, m.end):
            return None
        targets = _resolve_subject(view, t, discourse, active=False)
        if not targets:
            return None  # a passive needs its patient
        oleh, _ = view.after_word(m.end, "oleh", 10)
        if not oleh and m.end in view.mention_at:
            oleh = view.group_right(view.mention_at[m.end], view.end)
        if oleh:
            sources = _args(view, oleh)
        elif quote or view.speech_subject(before=t):
            # "permintaan India ... ditolak," said a minister: his government did it; a speaker
            # with no known office ("Masyarakat diajak hidup berdampingan") names no agent
            sources = [a for a in speaker_for(view, t, discourse) if not filters.officeless(view, a)]
        else:
            sources = []
    elif m.voice == "nominal":
        reaction = reaction_args(view, m)
        found = (reaction[0], [], False, True) if reaction else _nominal_args(view, m, discourse)
        if found is None:
            return None
        sources, refs, symmetric, light = found
        targets = reaction[1] if reaction else _args(view, refs)
        if not sources or not (targets or light):
            return None
    else:
        sources = _args(view, aside_subject(view, t)) or _resolve_subject(view, t, discourse) or relative_source(
            view, m, lambda i: _resolve_subject(view, i, discourse), lambda refs: _args(view, refs))
        refs, frame = _frame_targets(view, m, p.frames)
        if frame == "object" and p.family not in ("demand", "appeal") and filters.act_object(view, m.end):
            refs = []  # "mendukung dibentuknya dewan pengawas KPK": the object is an act, not KPK
        # '"...," ancam Mujahid': the name after an inverted verb is its subject, not its object
        targets = [a for a in _args(view, refs) if not any((a.start, a.end) == (s.start, s.end) for s in sources)]
        if not targets and frame not in ("generic", "act"):
            targets = _clitic_object(view, m, sources) or pronoun_object(view, m.end, sources, discourse) \
                or other_side(view, m.end, sources, discourse)
        symmetric = p.symmetric and bool(targets)
    if not targets and p.role != "accused" and frame != "generic":
        if _anaphoric(view, m.end) and (discourse.targets or discourse.sources):
            # "menentang langkah ini" opposes whoever took the step; "menolak melakukan hal itu"
            # refuses what was asked, for whom it was asked
            targets = discourse.sources[:1] if p.family == "disapprove" else discourse.targets[-1:]
        elif p.family == "threaten":
            targets = _conditional_actor(view, t)
        else:
            targets = filters.late_targets(view, m, sources, discourse, quote is not None)
        if not targets and quote and quote[2] is not None:
            targets = [quote[2]]
    if p.symmetric and not targets and len(sources) >= 2:
        sources, targets, symmetric = sources[:1], sources[1:2], True
    if p.strict and not targets and not sources and m.voice == "active" and p.symmetric:
        pair = pair_actors(view, t, discourse)  # "Kedua negara telah dua kali berperang"
        sources, targets, symmetric = pair[:1], pair[1:2], bool(pair)
    if p.strict and not targets or borrowed_only(view, sources, targets):
        return None
    if p.symmetric and targets:
        symmetric = True
    mod = decide(view, t, p, p.code, following)
    code = _code(view, m, mod)
    if mod.refusal:
        symmetric = False  # a refusal is one side's act
    return Coded(m, code, sources, targets, symmetric, mod, quote[0] if quote else None,
                 generic=frame in ("generic", "act"))  # no target on purpose: keep the event


def _share_modality(view: SentenceView, out: list[Coded], coded: Coded) -> None:
    """ "tidak menutup kemungkinan dia akan mengunjungi Pyongyang dan melakukan pertemuan dengan
    Kim": a conjunct with no cue of its own takes the modality of the verb it is joined to."""
    if coded.modality.cue is not None or coded.modality.value != "asserted" or not out:
        return
    prev = out[-1]
    if prev.modality.value not in ("hypothetical", "intended", "negated") or prev.match.end >= coded.match.start:
        return
    t = coded.match.start
    if view.w(t - 1) in view.cues.words("light_verbs"):
        t -= 1
    if view.w(t - 1) not in ("dan", "serta") or any(
            view.is_boundary(i) or view.w(i) == "," for i in range(prev.match.end, t - 1)):
        return
    if {a.key() for a in prev.sources} != {a.key() for a in coded.sources}:
        return
    coded.modality = Modality(prev.modality.value, prev.modality.cue, intent=coded.modality.intent)


def code_sentence(view: SentenceView, verbs: VerbDictionary, discourse: Discourse,
                  following: list[SentenceView]) -> list[Coded]:
    """Every coded trigger of a sentence, in order; absorbed ones have ``emitted=False``."""
    words = [view.w(i) for i in range(view.first, view.end)]
    out: list[Coded] = []
    scope_end = -1
    i = 0
    while i < len(words):
        cands = verbs.candidates(words, i)
        if not cands:
            i += 1
            continue
        shifted = [TriggerMatch(c.start + view.first, c.end + view.first, c.voice, c.pattern) for c in cands]
        m = _choose(view, shifted)
        if m is None:
            i += 1
            continue
        coded = code_trigger(view, m, discourse, following)
        if coded is not None:
            borrow(view, coded, out, discourse)
            if m.start < scope_end:
                coded.emitted = False
                owner = next((c for c in reversed(out) if c.emitted), None)
                if owner is not None and not owner.targets and coded.targets:
                    # "menembakkan gas air mata untuk membubarkan pengunjuk rasa": the content names the target
                    owner.targets = [a for a in coded.targets
                                     if not any(same_actor(a.actor, s.actor, a.key(), s.key()) for s in owner.sources)]
            elif m.voice != "nominal" and m.pattern.absorb:
                scope_end = view.scope_end(m.end)
            _share_modality(view, out, coded)
            share_object(view, out, coded)
            if not coded.targets and m.pattern.family in _ADDRESSED and out and coded.sources:
                # "bertemu dengan Trump ... dan akan bersikeras bahwa ...": the same addressee
                last = out[-1]
                if {a.key() for a in last.sources} == {a.key() for a in coded.sources}:
                    coded.targets = list(last.targets)
            out.append(coded)
        i = m.end - view.first
    filters.settle(view, out, discourse)
    return out + alleged_acts(view, out, discourse)
