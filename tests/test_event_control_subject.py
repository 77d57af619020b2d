"""A clause without its own subject borrows it from the clause it hangs on (event_control.py)."""

from __future__ import annotations

ACTORS = {"Jepang": "JPN", "Korea Utara": "PRK", "China": "CHN", "Vietnam": "VNM", "Filipina": "PHL",
          "Duta Besar Rusia": "RUSGOV", "Polandia": "POL", "Presiden Prancis": "FRAGOV",
          "Kementerian Perdagangan Jepang": "JPNGOV", "Mali": "MLI", "Al-Qaeda": "IMGMUSALQ",
          "PBB": "IGOUNO", "Israel": "ISR", "Gaza": "PSE", "Menteri Luar Negeri Malaysia": "MYSGOV",
          "Indonesia": "IDN", "Thailand": "THA"}


def _triples(doc):
    return sorted((e.code[:2], e.source, e.target) for e in doc.events)


def test_event_control_setelah_clause_takes_main_subject(event_doc):
    doc = event_doc("Jepang memprotes Korea Utara setelah memperketat sanksi terhadap Korea Utara.", ACTORS)
    assert ("16", "JPN", "PRK") in _triples(doc)


def test_event_control_lalu_clause_is_its_own_event(event_doc):
    doc = event_doc("China mengecam Vietnam, lalu menuduh Filipina memprovokasi ketegangan.", ACTORS)
    assert ("11", "CHN", "VNM") in _triples(doc)
    assert ("11", "CHN", "PHL") in _triples(doc)


def test_event_control_fronted_clause_takes_subject_after_comma(event_doc):
    doc = event_doc("Meski mengkritik Polandia, Duta Besar Rusia mengatakan kedua negara masih bertetangga.", ACTORS)
    assert _triples(doc) == [("11", "RUSGOV", "POL")]


def test_event_control_purpose_after_light_verb(event_doc):
    doc = event_doc("Presiden Prancis memimpin operasi untuk menumpas Al-Qaeda di Mali.", ACTORS)
    assert ("19", "FRAGOV", "IMGMUSALQ") in _triples(doc)


def test_event_control_ordered_object_does_the_purpose(event_doc):
    doc = event_doc("Perdana menteri memerintahkan Kementerian Perdagangan Jepang untuk menjatuhkan sanksi "
                    "terhadap Korea Utara.", ACTORS, entity_type="ORG")
    assert _triples(doc) == [("16", "JPNGOV", "PRK")]


def test_event_control_request_content_is_not_an_act(event_doc):
    doc = event_doc("PBB meminta Israel untuk menghentikan serangan ke Gaza.", ACTORS)
    assert [t for t in _triples(doc) if t[0] == "19"] == []


def test_event_control_content_of_saying_verb_is_not_inherited(event_doc):
    doc = event_doc("Menteri Luar Negeri Malaysia menegaskan, untuk mencapai kesepakatan itu tidak mudah.", ACTORS)
    assert doc.events == []


def test_event_control_clause_after_attribution_is_the_speaker(event_doc):
    text = '"Kerja sama ini penting," kata Menteri Luar Negeri Malaysia sebelum bertemu dengan Thailand.'
    doc = event_doc(text, ACTORS, quotes=[("Kerja sama ini penting", "Menteri Luar Negeri Malaysia", True)])
    assert ("04", "MYSGOV", "THA") in _triples(doc)
