"""The typed Document that flows through every pipeline stage.

Every span is a pair of character offsets into ``Document.text``; the text of a span is
always read back from the document (``doc.span(start, end)``), never stored as a copy that
could drift. Stages fill the slots in order: paragraphs -> tokens/sentences -> mentions and
entities -> quotes -> events.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin, get_type_hints

SCHEMA_VERSION = 1

# Paragraph kinds. Only "headline" and "body" paragraphs carry the story; the others are
# layout that the reader recognised and kept (nothing is deleted from the text).
PARAGRAPH_KINDS = ("headline", "body", "related", "credit", "trailer", "caption")
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")
MENTION_KINDS = ("name", "abbreviation", "title", "description", "pronoun")
MODALITIES = ("asserted", "intended", "hypothetical", "reported", "denied", "negated")


@dataclass
class Metadata:
    """What the reader recovered about the article besides its body."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline_place: str | None = None
    agency: str | None = None
    dateline_span: tuple[int, int] | None = None
    credits: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    source_path: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str = "body"


@dataclass
class Token:
    start: int
    end: int
    lemma: str = ""
    # word, number, money, date, punct, quote, symbol, url
    kind: str = "word"
    # enclitic split off the lemma's surface form, e.g. "nya" in "ujarnya", "lah" in "dialah"
    clitic: str | None = None
    space_after: bool = True


@dataclass
class Sentence:
    start: int
    end: int
    token_start: int  # index of the first token in Document.tokens
    token_end: int  # one past the last token
    paragraph: int


@dataclass
class Mention:
    id: str
    start: int
    end: int
    type: str  # one of ENTITY_TYPES
    kind: str = "name"  # one of MENTION_KINDS
    entity: str | None = None  # Entity.id once coreference has run
    sentence: int | None = None
    source: str = ""  # what found it: "ner", "gazetteer", "coref", ...


@dataclass
class Entity:
    id: str
    name: str
    type: str
    mentions: list[str] = field(default_factory=list)  # Mention ids
    actor: str | None = None
    country: str | None = None  # ISO alpha-3 when known
    role: str | None = None  # GOV, MIL, ...
    title: str | None = None  # "Presiden", "Menteri Luar Negeri", ...
    kb_id: str | None = None  # gazetteer key, when the entity is a known one
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Quote:
    id: str
    start: int  # span of the quoted words
    end: int
    direct: bool
    speaker: str | None = None  # Entity id
    speaker_mention: str | None = None  # Mention id that resolved the speaker
    addressee: str | None = None  # Entity id
    cue_start: int | None = None  # the reporting verb ("ujarnya", "mengatakan", "menurut")
    cue_end: int | None = None
    sentence: int | None = None


@dataclass
class Place:
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = None  # country, city, region, facility, ...
    entity: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Explanation:
    sentence: int
    trigger_start: int
    trigger_end: int
    pattern: str
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    modality_cue: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    place_span: tuple[int, int] | None = None


@dataclass
class Event:
    id: str
    code: str
    sentence: int
    source: str | None = None  # actor code
    target: str | None = None
    source_entity: str | None = None
    target_entity: str | None = None
    symmetric: bool = False
    modality: str = "asserted"
    date: str | None = None  # ISO date
    place: Place | None = None
    is_root: bool = False
    in_quote: str | None = None  # Quote id when the event is carried by quoted words
    base_code: str = ""
    root_code: str = ""
    quad_class: int | None = None
    goldstein: float | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    explanation: Explanation | None = None


@dataclass
class Document:
    id: str
    text: str
    language: str = "id"
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    metadata: Metadata = field(default_factory=Metadata)
    paragraphs: list[Paragraph] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # names of the stages that have run
    schema_version: int = SCHEMA_VERSION

    # ---- reading spans back -------------------------------------------------------------
    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def token_text(self, token: Token) -> str:
        return self.text[token.start : token.end]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind in ("headline", "body")]

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def mention(self, mention_id: str | None) -> Mention | None:
        if mention_id is None:
            return None
        for mention in self.mentions:
            if mention.id == mention_id:
                return mention
        return None

    # ---- serialisation -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported Document schema version {version} (expected {SCHEMA_VERSION})")
        return _build(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def _build(kind: Any, value: Any) -> Any:
    """Rebuild a value of the annotated type ``kind`` from its JSON form."""
    if value is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _build(hints[k], v) for k, v in value.items() if k in names})
    origin = get_origin(kind)
    args = get_args(kind)
    if origin is list:
        return [_build(args[0], v) for v in value]
    if origin is tuple:
        return tuple(_build(a, v) for a, v in zip(args, value))
    if origin is dict:
        return dict(value)
    if args:  # Optional[X] / X | None
        for arg in args:
            if arg is type(None):
                continue
            if dataclasses.is_dataclass(arg) or get_origin(arg) in (list, tuple, dict):
                return _build(arg, value)
        return value
    return value
