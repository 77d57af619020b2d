"""Modality and factuality of an event trigger (README rules 4, 9 and 12).

asserted, intended (akan, berencana, siap ...), hypothetical (kemungkinan, bisa, jika ...),
reported (dilaporkan, media melaporkan ...), denied (a reported claim a later sentence calls
"tidak akurat"), negated (tidak, belum, tak ... before the trigger in its clause). The cue
words come from modality.yaml; this module only decides where they count.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang.verbs import Pattern
from .event_args import FILLERS, SentenceView

# Words a cue may skip to reach its trigger: "tidak akan pernah mau berbicara".
_NEAR = 4
# Intention cues that name an effort, and the aspect words that put it under way already.
_EFFORT = frozenset({"berusaha", "berupaya"})
_PERFECT = frozenset({"telah", "sudah", "terus", "selama"})


@dataclass
class Modality:
    value: str = "asserted"
    cue: tuple[int, int] | None = None  # char span of the cue word
    refusal: bool = False  # a negated cooperative act read as a refusal (rule 12)
    intent: bool = False  # an act announced for the future: the pattern's intent code applies


def _span(view: SentenceView, i: int, n: int = 1) -> tuple[int, int]:
    return view.doc.tokens[i].start, view.doc.tokens[i + n - 1].end


def _near_left(view: SentenceView, t: int, key: str, limit: int = _NEAR) -> tuple[int, int] | None:
    """A cue from list ``key`` ending right before token t, skipping auxiliaries: (index, length)."""
    i, steps = t - 1, 0
    while i >= view.first and steps <= limit:
        for n in (3, 2, 1):
            start = i - n + 1
            if start >= view.first and view.phrase_at(start, key) == n:
                return start, n
        word = view.w(i)
        if view.is_boundary(i) or i in view.mention_at or word == ",":
            return None
        if word not in FILLERS and steps > 0 and not view.is_verbish(i):
            return None
        i -= 1
        steps += 1
    return None


def _anywhere_left(view: SentenceView, t: int, key: str) -> tuple[int, int] | None:
    for i in range(t - 1, view.first - 1, -1):
        n = view.phrase_at(i, key)
        if n and i + n <= t:
            return i, n
    return None


def _in_conditional(view: SentenceView, t: int) -> tuple[int, int] | None:
    """The trigger sits between "jika" (bila, apabila ...) and the comma or "maka" that ends it."""
    for i in range(t - 1, view.first - 1, -1):
        word = view.w(i)
        if word in (",", "maka") or word in (";", ":"):
            return None
        if word in view.cues.words("conditional"):
            return i, 1
    return None


def _denied_later(view: SentenceView, sentences: list[SentenceView]) -> tuple[int, int] | None:
    """A reported claim that one of the next two sentences denies ("... tidak akurat")."""
    for later in sentences[:2]:
        has_object = any(later.w(i) in later.cues.words("denial_objects") for i in range(later.first, later.end))
        for i in range(later.first, later.end):
            n = later.phrase_at(i, "denial")
            if n and has_object:
                return _span(later, i, n)
    return None


def _denial_content(view: SentenceView, cue: tuple[int, int], t: int) -> bool:
    """The trigger is in what the cue denies: "membantah (klaim) bahwa ..." with the "bahwa"
    right after the cue. In "membantah terlibat sekaligus memperingatkan bahwa ..." the "bahwa"
    opens the content of another verb, which is not denied."""
    after = cue[0] + cue[1]
    return any(view.w(i) == "bahwa" for i in range(after, min(t, after + 3)))


def _ongoing_effort(view: SentenceView, cue: int) -> bool:
    """ "telah hampir setahun berusaha untuk menegosiasikan": an effort under way, not a plan."""
    if view.w(cue) not in _EFFORT:
        return False
    for i in range(cue - 1, max(view.first, cue - 4) - 1, -1):
        if view.w(i) in _PERFECT:
            return True
        if view.w(i) == "yang" or view.is_verbish(i) or i in view.mention_at:
            return False  # "polisi yang sudah berada di lokasi berusaha ...": another verb's aspect
    return False


def decide(view: SentenceView, t: int, pattern: Pattern, code: str, following: list[SentenceView]) -> Modality:
    """Modality of the event whose trigger starts at token t."""
    root = code[:2]
    announced = bool(pattern.intent and _near_left(view, t, "intent_markers"))
    reported = _anywhere_left(view, t, "reported")
    if reported:
        # "media melaporkan bahwa Korsel setuju mengirim artileri": a reported (or denied) intention
        denial = _denied_later(view, following)
        if denial:
            return Modality("denied", denial, intent=announced)
        return Modality("reported", _span(view, *reported), intent=announced)
    denied_here = _anywhere_left(view, t, "denial")
    if denied_here and _denial_content(view, denied_here, t):
        return Modality("denied", _span(view, *denied_here))

    hyp = _near_left(view, t, "hypothetical")
    negation = _near_left(view, t, "negation")
    if negation and view.phrase_at(negation[0], "affirmation"):
        negation = None
    failed = _near_left(view, t, "failed", 2)
    if root == "12" or (root in ("03", "13") and not negation):
        # rejections, intentions and threats are asserted once stated (rules 9 and 12)
        if hyp and view.w(hyp[0]) in ("kemungkinan", "mungkin") and hyp[0] >= t - 3:
            return Modality("hypothetical", _span(view, *hyp))
        return Modality("asserted")
    if hyp:
        return Modality("hypothetical", _span(view, *hyp))
    if negation:
        between = [view.w(i) for i in range(negation[0] + negation[1], t)]
        volition = any(w in view.cues.words("refusal_volition") for w in between) or \
            pattern.family in ("reject",)
        if volition and pattern.refusal:
            return Modality("asserted", _span(view, *negation), refusal=True)
        return Modality("negated", _span(view, *negation))
    if failed:
        return Modality("negated", _span(view, *failed))
    cond = _in_conditional(view, t)
    if cond:
        return Modality("hypothetical", _span(view, *cond))
    intent_marker = _near_left(view, t, "intent_markers")
    if intent_marker and pattern.intent:
        return Modality("asserted", _span(view, *intent_marker), intent=True)
    intended = _near_left(view, t, "intended")
    if intended and not _ongoing_effort(view, intended[0]):
        return Modality("intended", _span(view, *intended))
    return Modality("asserted")
