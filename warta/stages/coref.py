"""In-document coreference: group name mentions into entities, add title, description and
pronoun mentions.

Names: same gazetteer entry ("AS" = "Amerika Serikat"), same surface, a bracketed abbreviation
after a name ("Pakta Pertahanan Atlantik Utara (NATO)"), a person's surname or part of the name
("Yoon" ... "Yoon Suk Yeol"), an organisation without its country ("Kementerian Pertahanan" ...
"Kementerian Pertahanan Saudi"), a one-letter misspelling of a place ("Yordaia"), a spelling
variant of a person or organisation ("Syarief" for "Laode Muhammad Syarif"), "Pemerintah Jerman"
for the country. Ranks and several-word titles are cut off person names first ("Brigadir Yahya
Saree"). Capitals stay their own entities (the actors stage gives them their country's code).
Then: "kementerian tersebut", "negara ini" -> the last matching organisation or country;
"Sekjen NATO itu", "Presiden AS" -> the person introduced with that title; Ia/dia/beliau/-nya
-> the person who spoke or acted last; "pihaknya" -> that person's organisation.
"""

from __future__ import annotations

import re

from ..doc import Document, Entity, Mention
from .coref_names import Cluster, cluster_names, trim_titles
from .coref_refs import add_descriptions, add_pronouns, add_title_mentions
from .coref_rules import MentionIndex

NAME = "coref"
REQUIRES = {"mentions"}
PROVIDES = {"entities"}


def run(doc: Document, res) -> Document:
    gazetteer = res.get("gazetteer")
    titles = res.get("titles")
    names = [m for m in doc.mentions if m.kind in ("name", "abbreviation")]
    trim_titles(doc, names, titles)
    names.sort(key=lambda m: (m.start, -m.end))
    clusters = cluster_names(doc, names, gazetteer)
    doc.entities = _entities(doc, clusters, gazetteer)
    by_id = {e.id: e for e in doc.entities}
    index = MentionIndex(doc)
    ids = _MentionIds(doc, index)
    add_descriptions(doc, index, by_id, ids)
    add_title_mentions(doc, index, by_id, titles, ids)
    add_pronouns(doc, index, by_id, titles, ids)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc


class _MentionIds:
    """Fresh mention ids that do not collide with the entities stage's ids."""

    def __init__(self, doc: Document, index: MentionIndex):
        self.doc, self.index = doc, index
        numbers = [int(m.id[1:]) for m in doc.mentions if re.fullmatch(r"m\d+", m.id)]
        self.next = max(numbers, default=0) + 1

    def add(self, start: int, end: int, type_: str, kind: str, entity: Entity, sentence: int | None) -> Mention:
        mention = Mention(f"m{self.next}", start, end, type_, kind, entity.id, sentence, "coref")
        self.next += 1
        self.doc.mentions.append(mention)
        self.index.add(mention)
        entity.mentions.append(mention.id)
        return mention


def _entities(doc: Document, clusters: list[Cluster], gazetteer) -> list[Entity]:
    entities = []
    for n, cluster in enumerate(sorted(clusters, key=lambda c: c.mentions[0].start), start=1):
        entity = Entity(f"e{n}", cluster.name(doc), cluster.type())
        entity.kb_id = cluster.key
        entry = gazetteer.entries.get(cluster.key) if cluster.key else None
        if entry is not None:
            entity.latitude, entity.longitude = entry.lat, entry.lon
        for mention in cluster.mentions:
            mention.entity = entity.id
            entity.mentions.append(mention.id)
        entities.append(entity)
    return entities
