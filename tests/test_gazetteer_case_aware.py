"""The gazetteer matcher: case-aware, token-aligned, longest match first."""

from __future__ import annotations


def _found(resources, mention_doc, text):
    doc = mention_doc(text)
    gazetteer = resources.get("gazetteer")
    return [(doc.span(m.start, m.end), m.actor) for m in gazetteer.find(doc)]


def test_gazetteer_case_aware_abbreviation_only_in_capitals(resources, mention_doc):
    found = _found(resources, mention_doc, "Pemerintah AS menolak usul itu. Harga naik as roda mobil.")
    assert ("AS", "USA") in found
    assert all(surface.lower() != "as" or surface == "AS" for surface, _ in found)


def test_gazetteer_case_aware_common_words_never_match(resources, mention_doc):
    text = "Kota itu sepi. Yang hadir hanya Jenderal tua dan Maya. Kota Baru ramai."
    assert _found(resources, mention_doc, text) == []


def test_gazetteer_case_aware_longest_match_wins(resources, mention_doc):
    text = "Kapal China berlayar di Laut China Selatan, dekat Korea Selatan dan Semenanjung Korea."
    found = [s for s, _ in _found(resources, mention_doc, text)]
    assert found == ["China", "Laut China Selatan", "Korea Selatan", "Semenanjung Korea"]


def test_gazetteer_case_aware_token_boundaries(resources, mention_doc):
    # "ASEAN" must not yield "AS"; "Asia" must not yield "AS" either
    found = _found(resources, mention_doc, "Para menteri ASEAN bertemu di Asia Tenggara.")
    assert found == [("ASEAN", "IGOSEAASN"), ("Asia Tenggara", "SEA")]


def test_gazetteer_case_aware_ambiguous_place_needs_context(resources, mention_doc):
    gazetteer = resources.get("gazetteer")
    entry = gazetteer.lookup("Batu")
    assert entry is not None and entry.ambiguous
    # opening a sentence "Batu" is the common word; inside a sentence it is the city
    assert _found(resources, mention_doc, "Batu besar menutup jalan.") == []
    assert ("Batu", "IDN") in _found(resources, mention_doc, "Wisatawan memadati kota Batu pada akhir pekan.")


def test_gazetteer_case_aware_headline_in_capitals(resources):
    gazetteer = resources.get("gazetteer")
    assert gazetteer.lookup("KOREA SELATAN").key == "country:KOR"
    assert gazetteer.lookup("Al-Qaeda").actor == "IMGMUSALQ"  # "al-Qaeda" opening a sentence
    assert gazetteer.lookup("Nato") is None  # an acronym keeps its case
