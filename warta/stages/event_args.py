"""Argument finding for the events stage, without a parser.

A :class:`SentenceView` lays one sentence out as lower-cased words (enclitics removed), the
entity mentions that cover each token and the actor each mention resolves to. The finders walk
left or right from a trigger: the subject is the nearest mention to the left that is not inside
a prepositional phrase; the object is the first such mention to the right; a frame ("kepada",
"terhadap", ...) is the first mention after that preposition. Compound arguments ("AS dan
Saudi") come back as several mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Document, Entity, Mention
from ..lang.verbs import ModalityCues

OPEN_MARKS = frozenset("“«„\"")
CLOSE_MARKS = frozenset("”»\"")
HARD_STOPS = frozenset({";", ":", "?", "!", "–", "—"})
CONJUNCTIONS = frozenset({"dan", "serta", "maupun", "termasuk", "seperti", "atau"})
# Adverbs and auxiliaries that may sit between a subject and its verb, or a cue and the trigger.
FILLERS = frozenset({"akan", "telah", "sudah", "sedang", "tengah", "masih", "juga", "pun", "lagi", "pernah",
                     "kembali", "segera", "terus", "sepenuhnya", "secara", "dengan", "tegas", "keras", "sangat",
                     "mau", "ingin", "bisa", "dapat", "sempat", "jadi", "baru", "hanya", "turut", "ikut",
                     "selalu", "belum", "tidak", "tak", "untuk", "itu", "ini", "lalu", "kemudian", "langsung",
                     "resmi", "resminya", "terbuka", "bersama-sama", "bersama", "berulang", "kali"})


# Adverbs that may stand between "dan" (or a comma) and the next verb of a coordination.
_THEN = frozenset({"lalu", "kemudian", "lantas", "juga", "pun", "langsung", "segera", "sekaligus", "akhirnya"})
# Words that make the organisation after them the title of a law ("UU KPK", "RUU Polri").
LAW_WORDS = frozenset({"uu", "ruu", "undang-undang", "perppu", "perpu", "perda", "raperda"})
# A preposition before one of these governs the time phrase, not the name after it
# ("pada hari Senin Iran ..."), so the name can still be a subject.
TIME_WORDS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "hari", "pekan", "bulan",
                        "tahun", "pagi", "siang", "sore", "malam", "lalu", "kemarin", "januari", "februari",
                        "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
                        "november", "desember"})
# Nouns for a party left unnamed: "pihak yang memanfaatkan KPK" is the object, not KPK.
_UNNAMED_HEADS = frozenset({"pihak", "orang", "oknum", "siapa"})
_NOT_VERBS = frozenset({"menteri", "mereka", "meriam", "memang", "merdeka", "media", "dirinya", "dimana", "diri",
                        "tersebut", "terhadap", "bersama", "berbagai", "beberapa", "terutama", "termasuk",
                        "terkait", "meski", "meskipun", "menurut", "menjelang", "melalui", "mengenai",
                        "terakhir", "tertinggi", "terbesar", "terbaru"})


@dataclass
class Arg:
    """One argument: the mention (or speaker entity) it comes from, and its actor code."""

    actor: str | None
    entity: str | None
    start: int  # char span for the explanation
    end: int
    how: str = "mention"  # mention, speaker, pronoun, discourse, anaphora

    def key(self) -> str:
        return self.entity or self.actor or ""


@dataclass
class MentionRef:
    mention: Mention
    first: int  # absolute token indices
    last: int  # inclusive
    entity: Entity | None
    actor: str | None


@dataclass
class SentenceView:
    doc: Document
    index: int
    cues: ModalityCues
    first: int = 0
    end: int = 0
    words: dict[int, str] = field(default_factory=dict)
    mention_at: dict[int, MentionRef] = field(default_factory=dict)
    mentions: list[MentionRef] = field(default_factory=list)

    # ---- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Document, index: int, cues: ModalityCues, entity_of: dict[str, Entity],
              mentions: list[Mention], home: str | None = None, former: frozenset[str] = frozenset(),
              ) -> SentenceView:
        """``home`` is the article's main country, for generic agents ("para demonstran");
        ``former`` the words that mark former office holders ("mantan", "eks")."""
        sent = doc.sentences[index]
        view = cls(doc, index, cues, sent.token_start, sent.token_end)
        keep = cues.words("first_person") | cues.words("third_person")
        for i in range(sent.token_start, sent.token_end):
            tok = doc.tokens[i]
            word = doc.text[tok.start : tok.end].lower()
            if tok.clitic and word.endswith(tok.clitic) and len(word) > len(tok.clitic) + 2 and word not in keep:
                word = word[: -len(tok.clitic)]
            view.words[i] = word
        starts = [doc.tokens[i].start for i in range(sent.token_start, sent.token_end)]
        for m in mentions:
            if m.end <= sent.start or m.start >= sent.end:
                continue
            toks = [i for i, s in zip(range(sent.token_start, sent.token_end), starts)
                    if s < m.end and doc.tokens[i].end > m.start]
            if not toks:
                continue
            entity = entity_of.get(m.id) or (entity_of.get(m.entity) if m.entity else None)
            ref = MentionRef(m, toks[0], toks[-1], entity, entity.actor if entity else None)
            view.mentions.append(ref)
            for i in toks:
                old = view.mention_at.get(i)
                if old is None or (old.last - old.first) < (ref.last - ref.first):
                    view.mention_at[i] = ref
        view._former_members(former)
        view._law_names()
        view._generic_agents(home)
        view.mentions.sort(key=lambda r: r.first)
        return view

    def _former_members(self, former: frozenset[str]) -> None:
        """ "Sejumlah mantan pimpinan KPK meminta ...": the actors are the organisation's former
        officials (IDNELI), not the organisation itself."""
        for ref in self.mentions:
            if ref.mention.type != "ORG" or not ref.actor or ref.actor.startswith(("IGO", "NGO", "IMG", "MNC")):
                continue
            for i in range(ref.first - 1, max(self.first, ref.first - 4) - 1, -1):
                if i in self.mention_at or self.w(i) in (",", "(", ")", "dan", "serta"):
                    break
                if self.w(i) in former:
                    ref.actor = ref.actor[:3] + "ELI"
                    break

    def _law_names(self) -> None:
        """ "revisi UU KPK harus ...": an organisation named in a law's title is not an actor there."""
        for ref in self.mentions:
            if ref.actor and ref.mention.type == "ORG" and self.w(ref.first - 1) in LAW_WORDS:
                ref.actor = None

    def _generic_agents(self, home: str | None) -> None:
        """Pseudo-mentions for actor nouns no name covers: "tentara AS" (USAMIL), "demonstran"."""
        agents = self.cues.agents_by_first
        i = self.first
        while i < self.end:
            if i in self.mention_at:
                i = self.mention_at[i].last + 1
                continue
            hit = next(((len(p), role) for p, role in agents.get(self.w(i), ())
                        if tuple(self.w(i + k) for k in range(len(p))) == p), None)
            if hit is None:
                i += 1
                continue
            n, role = hit
            last = i + n - 1
            nxt = self.mention_at.get(last + 1)
            if nxt is None and self.w(last + 1) == "di" and (last + 2) in self.mention_at:
                nxt = self.mention_at[last + 2]  # "para pakar di Amerika Serikat", "warga di Gaza"
            country = None
            if nxt is not None and nxt.actor and not nxt.actor.startswith(("IGO", "NGO", "IMG")):
                country, last = nxt.actor[:3], nxt.last
            elif home:
                country = home
            if country:
                tok = self.doc.tokens
                m = Mention(f"g{i}", tok[i].start, tok[last].end, "ORG", kind="description", source="events")
                ref = MentionRef(m, i, last, None, country + role)
                self.mentions.append(ref)
                for k in range(i, last + 1):
                    self.mention_at[k] = ref
            i = last + 1
    # ---- token tests ----------------------------------------------------------------------
    def w(self, i: int) -> str:
        return self.words.get(i, "")

    def raw(self, i: int) -> str:
        tok = self.doc.tokens[i]
        return self.doc.text[tok.start : tok.end]

    def is_quote(self, i: int) -> bool:
        tok = self.doc.tokens[i]
        return tok.kind == "quote" or self.raw(i) in OPEN_MARKS or self.raw(i) in CLOSE_MARKS

    def phrase_at(self, i: int, key: str) -> int:
        """Length of the cue phrase from list ``key`` starting at token i (0 when none)."""
        best = 0
        for phrase in self.cues[key]:
            n = len(phrase)
            if n > best and all(self.w(i + k) == phrase[k] for k in range(n)):
                best = n
        return best

    def phrase_ending_at(self, i: int, key: str) -> int | None:
        """First token of a cue phrase from list ``key`` (at most four words) that ends at token i."""
        for start in range(i, max(self.first, i - 3) - 1, -1):
            n = self.phrase_at(start, key)
            if n and start + n - 1 == i:
                return start
        return None

    def is_boundary(self, i: int) -> bool:
        """A token that ends a clause for argument finding."""
        word = self.w(i)
        if word == "saat" and self.w(i + 1) in ("ini", "itu"):
            return False  # "saat ini": now, not "when"
        if word == "sementara" and self.w(i - 1).startswith("pe") and self.w(i - 1).endswith("an"):
            return False  # "penghentian sementara": temporary, not "while"
        return (word in HARD_STOPS or self.is_quote(i) or word in self.cues.words("boundaries")
                or word in self.cues.words("speech"))

    def is_verbish(self, i: int) -> bool:
        """A prefixed verb form (me-, di-, ber-, ter-): the lemmatizer stripped a prefix from it."""
        word = self.w(i)
        if len(word) < 5 or not word.startswith(("me", "di", "ber", "ter", "mem", "men", "meng")):
            return False
        if word in _NOT_VERBS:
            return False
        lemma = self.doc.tokens[i].lemma.lower() if 0 <= i < len(self.doc.tokens) else ""
        return not lemma or (lemma != word and not word.startswith(lemma))

    # ---- mentions -------------------------------------------------------------------------
    def arg(self, ref: MentionRef, how: str = "mention") -> Arg:
        return Arg(ref.actor, ref.entity.id if ref.entity else None, ref.mention.start, ref.mention.end, how)

    def in_pp(self, ref: MentionRef, lo: int) -> bool:
        """True when a preposition governs the mention ("untuk Afghanistan", "dengan anggota DPR")."""
        preps = self.cues.words("prepositions")
        i, steps = ref.first - 1, 0
        while i >= lo and steps < 4:
            word = self.w(i)
            if word in preps:
                return True
            if word in TIME_WORDS or self.doc.tokens[i].clitic == "nya" or word.isdigit():
                return False  # "pada hari Senin Iran", "pada gilirannya Raja Abdullah"
            if word in ("(", ")") or i in self.mention_at:
                i = (self.mention_at[i].first if i in self.mention_at else i) - 1
                continue
            if word in ("dan", "serta", ",") or self.is_boundary(i) or self.is_verbish(i):
                return False
            i -= 1
            steps += 1
        return False

    def _country(self, ref: MentionRef) -> str | None:
        return (ref.actor or "")[:3] or None

    def group_left(self, head: MentionRef, lo: int) -> list[MentionRef]:
        """The head mention plus the conjuncts and modifiers to its left: "AS dan Saudi",
        "Stoltenberg dan Presiden Ukraina Volodymyr Zelenskyy", "Kanselir Jerman, Angela Merkel"."""
        group = [head]
        cur, in_list = head, False
        while True:
            i, conj, comma, gap = cur.first - 1, False, False, 0
            while i >= lo and i not in self.mention_at:
                word = self.w(i)
                if word in ("dan", "serta"):
                    conj = True
                elif word == ",":
                    comma = True
                elif word in ("(", ")"):
                    pass
                elif self.is_boundary(i) or self.is_verbish(i) or word in self.cues.words("prepositions") \
                        or word == "yang":
                    return group  # "massa yang beringas, belasan polisi": a relative clause ends the list
                else:
                    gap += 1
                    if gap > 3:
                        return group
                i -= 1
            if i < lo:
                return group
            prev = self.mention_at[i]
            if self.in_pp(prev, lo):
                return group
            if comma and not conj and not in_list and self._country(prev) != self._country(cur):
                return group  # a fronted phrase ends with a comma before the subject
            in_list = in_list or conj
            group.append(prev)
            cur = prev

    def group_right(self, head: MentionRef, hi: int) -> list[MentionRef]:
        """The head mention plus conjuncts to its right: "Pelosi dan politisi AS lainnya"."""
        group = [head]
        cur, in_list = head, False
        while True:
            i, conj, comma, gap = cur.last + 1, False, False, 0
            while i < hi and i not in self.mention_at:
                word = self.w(i)
                if word in CONJUNCTIONS:
                    conj = True
                elif word == ",":
                    comma = True
                elif word in ("(", ")"):
                    pass
                elif self.is_boundary(i) or self.is_verbish(i) or word in self.cues.words("prepositions") \
                        or word in ("yang", "sampai"):
                    return group  # "dengan pemerintah Afghanistan sampai kesepakatan AS ...": no list
                else:
                    gap += 1
                    if gap > 3:
                        return group
                i += 1
            if i >= hi:
                return group
            nxt = self.mention_at[i]
            if comma and not conj and not in_list and self._country(nxt) != self._country(cur) \
                    and not self._list_goes_on(nxt):
                return group
            in_list = in_list or conj
            group.append(nxt)
            cur = nxt

    def _list_goes_on(self, ref: MentionRef) -> bool:
        """ "Amerika Serikat, Inggris, dan negara-negara Barat": a comma list closed by "dan"."""
        k = ref.last + 1
        if self.w(k) == ",":
            k += 1
        return self.w(k) in ("dan", "serta")

    # ---- walking --------------------------------------------------------------------------
    def governed(self, ref: MentionRef, lo: int) -> bool:
        """A preposition or a verb governs the mention: it is not a clause subject."""
        if self.in_pp(ref, lo):
            return True
        i, steps = ref.first - 1, 0
        while i >= lo and steps < 3:
            word = self.w(i)
            if self.is_verbish(i) and word not in self.cues.words("speech"):
                return not word.startswith(("di", "ter"))  # "menggunakan wilayah udara Pakistan"
            if i in self.mention_at or word in ("dan", "serta", ",", "(", ")") or self.is_boundary(i):
                return False
            i -= 1
            steps += 1
        return False

    def _adjacent(self, ref: MentionRef, t: int) -> bool:
        """Only adverbs and auxiliaries stand between the mention and token t."""
        return ref.last < t and all(self.w(i) in FILLERS and self.w(i) not in ("untuk", "dengan", "itu", "ini")
                                    for i in range(ref.last + 1, t))

    def subject_left(self, t: int, cross: bool = False) -> tuple[list[MentionRef], str | None]:
        """The subject of a verb at token t: (mentions, pronoun word) — the pronoun when the
        nearest subject is one that no mention covers ("kami", "ia")."""
        i = t - 1
        first_person = self.cues.words("first_person")
        third = self.cues.words("third_person")
        located: MentionRef | None = None  # "perusahaan di Turki": the place stands in for the subject
        while i >= self.first:
            if i in self.mention_at:
                ref = self.mention_at[i]
                if self._adjacent(ref, t) and not self.w(t).startswith(("di", "ter")) \
                        and not self.in_pp(ref, self.first):
                    # "Hal ini menyusul pemerintah meminta DPR": a name right before the verb is
                    # its subject even when an earlier verb governs it (not so for a passive:
                    # "permintaan India untuk ... wilayah udara Pakistan telah ditolak")
                    return self.group_left(ref, self.first), None
                if not self.governed(ref, self.first):
                    group = self.group_left(ref, self.first)
                    leftmost = min(group, key=lambda r: r.first)
                    if leftmost is ref or not self.governed(leftmost, self.first):
                        return group, None
                    ref = leftmost  # "dengan aktivis X dan Y": the whole list is governed
                if located is None and self.w(ref.first - 1) == "di":
                    located = ref
                i = ref.first - 1
                continue
            word = self.w(i)
            if word in first_person or word in third:
                return [], word
            if word == "yang" and not cross and self._after_aside(t):
                i -= 1  # "Rusia, di bawah Perjanjian INF yang dihentikan, sedang ...": an aside
                continue
            if word == "yang" and not cross:
                # a relative clause: its subject is the noun before "yang"
                head = self.mention_at.get(i - 1) or self._stacked_head(i)
                return (self.group_left(head, self.first) if head else []), (None if head else "yang")
            if not cross and self.is_boundary(i):
                break
            i -= 1
        return ([located] if located else []), None

    def _stacked_head(self, i: int) -> MentionRef | None:
        """ "mahasiswa yang berdemo di luar yang menuntut": a second relative clause on the same noun."""
        k = i - 1
        while k > self.first and not (self.is_boundary(k) or self.w(k) == ","):
            if self.w(k) == "yang":
                return self.mention_at.get(k - 1)
            k -= 1
        return None

    def _after_aside(self, t: int) -> bool:
        """Verb t follows the comma that closes an aside ("..., sedang mengerahkan")."""
        if self.w(t) in self.cues.words("speech") or not self.is_verbish(t):
            return False
        k = t - 1
        while k > self.first and self.w(k) in FILLERS:
            k -= 1
        return self.w(k) == ","

    def object_right(self, t: int, window: int = 12) -> list[MentionRef]:
        """The first mention after token t that is not inside a prepositional phrase."""
        hi = min(self.end, t + window)
        i = t
        skipped = False  # a prepositional phrase has been passed
        while i < hi:
            if (self.is_boundary(i) or self.w(i) == ",") and i > t:
                return []
            if self.w(i) in ("untuk", "guna", "demi") and self.is_verbish(i + 1):
                return []  # a purpose clause begins
            if self.phrase_at(i, "generic_objects"):
                return []
            if self.w(i) == "yang" and i > t and self.w(i - 1) in _UNNAMED_HEADS:
                return []  # "menuding pihak yang memanfaatkan KPK": the object is the unnamed party
            if i > t and skipped and self.is_verbish(i) and i not in self.mention_at:
                return []  # "atas rencana Netanyahu mencaplok Tepi Barat": past the phrase, a new verb
            if i in self.mention_at:
                ref = self.mention_at[i]
                group = self.group_right(ref, self.end)
                if not self.in_pp(ref, t):
                    return group
                # "antara AS dan Taliban": the conjuncts share the preposition
                i = max(r.last for r in group) + 1
                skipped = True
                continue
            i += 1
        return []

    def after_word(self, t: int, frame: str, window: int = 14) -> tuple[list[MentionRef], int]:
        """Mentions after the preposition ``frame`` found right of token t: (group, prep index)."""
        hi = min(self.end, t + window)
        i = t
        while i < hi:
            if i > t and self.is_boundary(i) and self.w(i) != frame:
                return [], -1
            if self.w(i) in ("untuk", "guna", "demi") and self.is_verbish(i + 1):
                return [], -1  # a purpose clause: its phrases are not the trigger's frame
            if self.w(i) == frame:
                j = i + 1
                while j < min(self.end, i + 12):
                    if j in self.mention_at:
                        ref = self.mention_at[j]
                        return self.group_right(ref, self.end), i
                    if self.is_boundary(j) or (self.phrase_at(j, "generic_objects") and j == i + 1):
                        return [], i
                    j += 1
                return [], i
            i += 1
        return [], -1

    def clause_end(self, t: int) -> int:
        i = t
        while i < self.end and not (i > t and self.is_boundary(i)):
            i += 1
        return i

    def scope_end(self, t: int) -> int:
        """Where a verb's content ends: the clause end, or a comma or "dan" that starts a new
        verb phrase ("menduduki jalan, merusak kantor dan melemparkan bom")."""
        end = self.clause_end(t)
        for i in range(t, end):  # t itself: "menembakkan gas air mata serta bernegosiasi"
            if self.w(i) in (",", "dan", "serta"):
                j = i + 1  # "dan kemudian mengancam", ", lalu menuduh"
                while self.w(j) in _THEN and j < end:
                    j += 1
                if self.is_verbish(j):
                    return i
        return end

    def speech_subject(self, before: int | None = None) -> list[MentionRef]:
        """The subject of the sentence's saying verb ("Pence mengatakan", "kata Shamkhani")."""
        speech = self.cues.words("speech")
        for i in range(self.first, self.end if before is None else before):
            if self.w(i) not in speech:
                continue
            subj, _ = self.subject_left(i)
            if subj:
                return subj
            # "..., kata Shamkhani": the speaker follows the verb
            j = i + 1
            while j < min(self.end, i + 6):
                if j in self.mention_at:
                    return self.group_right(self.mention_at[j], self.end)
                if j == i + 1 and self.w(j) == "mereka":
                    # "yang menurut mereka": the group named before in the sentence
                    subj, _ = self.subject_left(j, cross=True)
                    if subj:
                        return subj
                j += 1
        return []
