"""A small, fully annotated database for dashboard tests, screenshots and benchmarks.

The bundled example articles go through the real reader and the layout/tokens stages, then get
entities, mentions, quotes and events annotated here by hand (the surface strings below are
found in each text), so the dashboard has every kind of span while the extraction stages are
still being written. Synthetic wire stories (warta.store.synthetic) add volume over two months.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..cameo import enrich_event
from ..doc import Document, Entity, Event, Explanation, Mention, Place, Quote
from ..resources import Resources

# example id -> entities (name, type, actor, country, surfaces) and
# events (trigger, code, source name, target name, modality, place (name, lat, lon) or None)
ANNOTATIONS: dict[str, dict[str, list[tuple[Any, ...]]]] = {
    "antara-ri-filipina-patroli": {
        "entities": [("Indonesia", "GPE", "IDN", "IDN", ("Indonesia",)),
                     ("Filipina", "GPE", "PHL", "PHL", ("Filipina",)),
                     ("Ratna Kusumawati", "PER", "IDNGOV", "IDN", ("Ratna Kusumawati", "Ratna")),
                     ("Eduardo Santos", "PER", "PHLGOV", "PHL", ("Eduardo Santos", "Santos"))],
        "events": [("sepakat memperkuat", "057", "Indonesia", "Filipina", "asserted", ("Manila", 14.5995, 120.9842)),
                   ("menghargai", "051", "Filipina", "Indonesia", "asserted", ("Manila", 14.5995, 120.9842)),
                   ("akan membentuk", "030", "Indonesia", "Filipina", "intended", ("Tarakan", 3.3, 117.63))],
    },
    "kompas-dpr-natuna": {
        "entities": [("Komisi I DPR", "ORG", "IDNLEG", "IDN", ("Komisi I Dewan Perwakilan Rakyat", "Komisi I DPR")),
                     ("China", "GPE", "CHN", "CHN", ("China",)),
                     ("Bambang Haryadi", "PER", "IDNLEG", "IDN", ("Bambang Haryadi", "Bambang")),
                     ("Lestari Widodo", "PER", "IDNGOV", "IDN", ("Lestari Widodo", "Lestari")),
                     ("Bakamla", "ORG", "IDNMIL", "IDN", ("Badan Keamanan Laut", "Bakamla")),
                     ("Teguh Santoso", "PER", "IDNMIL", "IDN", ("Teguh Santoso", "Teguh"))],
        "events": [("meminta pemerintah", "104", "Komisi I DPR", "China", "asserted", ("Jakarta", -6.2, 106.8)),
                   ("tidak mengakui", "120", "Lestari Widodo", "China", "asserted", ("Jakarta", -6.2, 106.8)),
                   ("mengusir", "174", "Teguh Santoso", "China", "asserted", ("Natuna", 3.9, 108.3))],
    },
    "detik-densus-terduga": {
        "entities": [("Densus 88", "ORG", "IDNCOP", "IDN", ("Densus 88",)),
                     ("Hendra Wijaya", "PER", "IDNCOP", "IDN", ("Hendra Wijaya", "Hendra")),
                     ("Jamaah Ansharut Daulah", "ORG", "IDNREB", "IDN", ("Jamaah Ansharut Daulah", "JAD")),
                     ("BNPT", "ORG", "IDNGOV", "IDN", ("Badan Nasional Penanggulangan Terorisme", "BNPT")),
                     ("Arif Nugroho", "PER", "IDNGOV", "IDN", ("Arif Nugroho", "Arif"))],
        "events": [("menangkap", "173", "Densus 88", "Jamaah Ansharut Daulah", "asserted",
                    ("Jawa Tengah", -7.15, 110.14)),
                   ("merencanakan serangan", "180", "Jamaah Ansharut Daulah", "Densus 88", "intended",
                    ("Klaten", -7.7, 110.6)),
                   ("menyita", "1711", "Densus 88", "Jamaah Ansharut Daulah", "asserted", None)],
    },
    "tempo-kemlu-gaza": {
        "entities": [("Kementerian Luar Negeri", "ORG", "IDNGOV", "IDN", ("Kementerian Luar Negeri Indonesia",
                                                                          "Kementerian Luar Negeri")),
                     ("Israel", "GPE", "ISR", "ISR", ("Israel",)),
                     ("UNRWA", "ORG", "IGOUNO", None, ("UNRWA",)),
                     ("Lalu Hamdani", "PER", "IDNGOV", "IDN", ("Lalu Hamdani", "Lalu")),
                     ("Marco Lindqvist", "PER", "IGOUNO", None, ("Marco Lindqvist",))],
        "events": [("mengecam keras", "111", "Kementerian Luar Negeri", "Israel", "asserted",
                    ("Gaza", 31.5, 34.47)),
                   ("menghantam", "195", "Israel", "UNRWA", "reported", ("Gaza", 31.5, 34.47)),
                   ("membantah", "120", "UNRWA", "Israel", "asserted", ("Gaza", 31.5, 34.47))],
    },
    "sindonews-rusia-nato": {
        "entities": [("Rusia", "GPE", "RUS", "RUS", ("Rusia", "Moskow")),
                     ("NATO", "ORG", "IGOWSTNAT", None, ("Pakta Pertahanan Atlantik Utara", "NATO")),
                     ("Pavel Orlov", "PER", "RUSGOV", "RUS", ("Pavel Orlov", "Orlov")),
                     ("Anders Holm", "PER", "IGOWSTNAT", None, ("Anders Holm", "Holm"))],
        "events": [("memperingatkan", "138", "Rusia", "NATO", "asserted", ("Moskow", 55.75, 37.62)),
                   ("menolak tudingan", "120", "Anders Holm", "Rusia", "asserted", None),
                   ("mendesak", "104", "Anders Holm", "Rusia", "asserted", None)],
    },
}

_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"],?\s+(kata|ujar)\s+((?:\S+\s+){0,5}\S+)")


def _word_spans(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]


def _sentence_of(doc: Document, offset: int) -> int:
    for i, sentence in enumerate(doc.sentences):
        if sentence.start <= offset < sentence.end:
            return i
    return 0


def annotate(doc: Document, spec: dict[str, list[tuple[Any, ...]]], cameo: Any) -> Document:
    """Add the hand annotations of ``spec`` to a Document that has paragraphs and sentences."""
    text = doc.text
    body_start = doc.paragraphs[1].start if len(doc.paragraphs) > 1 else 0
    by_name: dict[str, Entity] = {}
    for index, (name, etype, actor, country, surfaces) in enumerate(spec["entities"], start=1):
        entity = Entity(f"e{index}", name, etype, actor=actor, country=country, kb_id=f"sample:{name}")
        by_name[name] = entity
        doc.entities.append(entity)
        for surface in surfaces:
            for start, end in _word_spans(text, surface):
                if any(m.start < end and start < m.end for m in doc.mentions):
                    continue  # a longer surface of an entity already covers it
                mention = Mention(f"m{len(doc.mentions) + 1}", start, end, etype, "name", entity.id,
                                  _sentence_of(doc, start), "sample")
                doc.mentions.append(mention)
                entity.mentions.append(mention.id)
    doc.mentions.sort(key=lambda m: m.start)
    for match in _QUOTE.finditer(text):
        speaker = next((e for e in doc.mentions if match.start(3) <= e.start < match.end(3)), None)
        doc.quotes.append(Quote(f"q{len(doc.quotes) + 1}", match.start(1), match.end(1), True,
                                speaker=speaker.entity if speaker else None,
                                speaker_mention=speaker.id if speaker else None,
                                cue_start=match.start(2), cue_end=match.end(2), sentence=_sentence_of(doc, match.start(1))))
    for index, (trigger, code, source, target, modality, place) in enumerate(spec["events"], start=1):
        spans = [s for s in _word_spans(text, trigger) if s[0] >= body_start]
        start, end = spans[0]
        sentence = _sentence_of(doc, start)
        src, tgt = by_name[source], by_name[target]

        def nearest(entity: Entity, sentence: int = sentence) -> tuple[int, int] | None:
            own = [m for m in doc.mentions if m.entity == entity.id and m.sentence == sentence]
            return (own[0].start, own[0].end) if own else None

        explanation = Explanation(sentence, start, end, f"{src.type} <{trigger.split()[-1]}> {tgt.type}",
                                  source_span=nearest(src), target_span=nearest(tgt))
        if modality != "asserted":
            explanation.modality_cue = (start, start + len(trigger.split()[0]))
        quote = next((q.id for q in doc.quotes if q.start <= start < q.end), None)
        event = Event(f"v{index}", code, sentence, source=src.actor, target=tgt.actor, source_entity=src.id,
                      target_entity=tgt.id, modality=modality, date=doc.published, is_root=index == 1,
                      in_quote=quote, explanation=explanation,
                      place=Place(place[0], None, place[1], place[2], "city") if place else None)
        doc.events.append(enrich_event(event, cameo))
    return doc


def example_documents(res: Resources) -> list[Document]:
    """The bundled examples, read and split into sentences, with the hand annotations added."""
    from ..demo import example_documents as read_examples
    from ..pipeline import Pipeline

    pipeline = Pipeline(["layout", "tokens"], resources=res)
    cameo = res.get("cameo")
    out = []
    for doc in read_examples(res):
        doc = pipeline.process(doc)
        if doc.id in ANNOTATIONS:
            doc = annotate(doc, ANNOTATIONS[doc.id], cameo)
        out.append(doc)
    return out


def synthetic_documents(res: Resources, count: int = 240, days: int = 60) -> list[Document]:
    """Synthetic wire stories, one event each, with CAMEO fields filled."""
    from ..store.synthetic import make_articles

    cameo = res.get("cameo")
    docs = []
    for article in make_articles(count, seed=11, start=date(2024, 5, 10), days=days):
        doc = article.to_document()
        for event in doc.events:
            enrich_event(event, cameo)
        docs.append(doc)
    return docs


def hostile_document() -> Document:
    """An article whose text, title and names try to inject markup into the dashboard."""
    text = ('Judul <script>window.__pwned = 1</script> uji\n\n'
            'JAKARTA - Polisi "><img src=x onerror="window.__pwned=2"> menangkap tersangka \' onmouseover=\'x\' '
            'di <b>Jakarta</b> pada Senin. "Kami <script>alert(1)</script> tahan," kata Komandan </textarea>.')
    doc = Document(id="hostile-1", text=text, published="2024-06-20")
    doc.metadata.title = 'Judul <script>window.__pwned = 1</script> "uji'
    doc.metadata.outlet = 'Outlet "><svg onload=alert(1)>'
    doc.metadata.url = 'https://example.id/"><script>x</script>'
    start = text.index("Polisi")
    target = text.index("tersangka")
    doc.entities = [Entity("e1", 'Polisi "><img src=x onerror=alert(1)>', "ORG", actor="IDNCOP", country="IDN",
                           mentions=["m1"]),
                    Entity("e2", "<b>tersangka</b>", "PER", actor="IDNCRM", country="IDN", mentions=["m2"])]
    doc.mentions = [Mention("m1", start, start + len("Polisi"), "ORG", entity="e1", sentence=0),
                    Mention("m2", target, target + len("tersangka"), "PER", entity="e2", sentence=0)]
    quote_start = text.index("Kami")
    doc.quotes = [Quote("q1", quote_start, text.index(',"', quote_start), True, cue_start=text.index("kata"),
                        cue_end=text.index("kata") + 4)]
    trigger = text.index("menangkap")
    doc.events = [Event("v1", "173", 0, source="IDNCOP", target="IDNCRM", source_entity="e1", target_entity="e2",
                        date="2024-06-20", base_code="173", root_code="17", quad_class=4, goldstein=-5.0,
                        place=Place('<b>Jakarta</b>" onmouseover="x', "IDN", -6.2, 106.8),
                        explanation=Explanation(0, trigger, trigger + len("menangkap"), '<i>ORG</i> <menangkap> "PER',
                                                source_span=(start, start + 6)))]
    return doc


def build(target: str, res: Resources | None = None, synthetic: int = 240, hostile: bool = False) -> dict[str, int]:
    """Create (or add to) a database at ``target`` with the sample documents; return the store counts."""
    from ..pipeline import Pipeline
    from ..store import Store
    from ..store.ingest import ingest

    res = res or Resources()
    docs = example_documents(res) + synthetic_documents(res, synthetic)
    if hostile:
        docs.append(hostile_document())
    for doc in docs:
        doc.stages = sorted(set(doc.stages) | {"layout", "tokens"})
    with Store(target) as store:
        ingest(docs, store, Pipeline([], resources=res), version="sample")
        return store.counts()
