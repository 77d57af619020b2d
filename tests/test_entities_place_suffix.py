"""A known place followed by a word that continues place names ("Jakarta Barat", "Sulawesi
Tengah") is one place in the country of the known one, not the place plus a stray "Barat"."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _entities(resources, text):
    doc = Pipeline(["layout", "tokens", "entities", "coref", "actors"], resources=resources).process(
        Document(id="t", text=text))
    return {(e.name, e.type, e.actor) for e in doc.entities}


def test_entities_place_suffix_joins_the_known_place(resources):
    found = _entities(resources, "Banjir melanda Jakarta Barat dan Jakarta Selatan pada Selasa pagi.")
    assert ("Jakarta Barat", "GPE", "IDN") in found and ("Jakarta Selatan", "GPE", "IDN") in found
    assert not any(name in ("Barat", "Selatan", "Jakarta") for name, _, _ in found)


def test_entities_place_suffix_leaves_other_words_apart(resources):
    # a capitalised word that is no place-name suffix is not swallowed into the place
    found = _entities(resources, "Wali Kota Surabaya Eri Cahyadi meninjau pasar pada Senin.")
    assert ("Surabaya", "GPE", "IDN") in found
    assert not any(name.startswith("Surabaya ") for name, _, _ in found)


def test_entities_remainder_after_a_place_is_a_person_the_name_list_knows(resources):
    # the tagger reads "Hong Kong Joshua Wong" as one place; what is left after the known place
    # is a person in the name list, so it is a person, not a second place
    found = _entities(resources, "Menteri Luar Negeri Jerman Heiko Maas bertemu dengan aktivis Hong Kong "
                                 "Joshua Wong di Berlin pada Senin.")
    assert ("Hong Kong", "GPE", "HKG") in found
    assert any(name == "Joshua Wong" and typ == "PER" for name, typ, _ in found)
