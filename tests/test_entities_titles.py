"""Entities stage: a title before a name is not part of the person; officials of an organisation."""

from __future__ import annotations

from warta.doc import Document
from warta.pipeline import Pipeline


def _mentions(resources, text: str) -> list[tuple[str, str]]:
    pipeline = Pipeline(["layout", "tokens", "entities"], resources=resources)
    doc = pipeline.process(Document(id="t", text=text))
    return [(doc.span(m.start, m.end), m.type) for m in doc.mentions]


def test_entities_person_after_title_excludes_title(resources):
    found = _mentions(resources, "Menteri Pertahanan Malaysia Ahmad Fauzi Rahman mengatakan latihan "
                                 "gabungan itu akan digelar bulan depan.")
    assert ("Ahmad Fauzi Rahman", "PER") in found
    assert ("Malaysia", "GPE") in found
    assert not any("Menteri" in surface for surface, _ in found)


def test_entities_president_with_country_abbreviation(resources):
    found = _mentions(resources, "Presiden Korsel Park Min-jae tiba di Jakarta pada Selasa untuk "
                                 "kunjungan kenegaraan selama tiga hari.")
    assert ("Park Min-jae", "PER") in found
    assert ("Korsel", "GPE") in found
    assert ("Jakarta", "GPE") in found
    assert not any(surface.startswith("Presiden") for surface, _ in found)


def test_entities_secretary_general_of_nato(resources):
    found = _mentions(resources, "Sekretaris Jenderal NATO Jens Stoltenberg menyambut kedatangan "
                                 "para menteri di Brussel.")
    assert ("NATO", "ORG") in found
    assert ("Jens Stoltenberg", "PER") in found
    assert not any("Jenderal" in surface for surface, _ in found)


def test_entities_spokesperson_of_ministry(resources):
    found = _mentions(resources, "Juru bicara Kementerian Luar Negeri Turki Hasan Demirel menolak "
                                 "tuduhan tersebut.")
    assert ("Kementerian Luar Negeri Turki", "ORG") in found
    assert ("Hasan Demirel", "PER") in found


def test_entities_person_after_title_phrase_and_comma(resources):
    found = _mentions(resources, "Juru Bicara Kementerian Luar Negeri Vietnam, Le Thi Hang mengatakan "
                                 "pihaknya memantau situasi di perbatasan.")
    assert ("Le Thi Hang", "PER") in found
    assert not any(surface in ("Thi Hang", "Hang") for surface, _ in found)


def test_entities_title_comma_list_is_not_a_person(resources):
    found = _mentions(resources, "Menteri Pertanian, Kehutanan, dan Perikanan Jepang tiba di Makassar "
                                 "pada Kamis pagi.")
    assert not any(typ == "PER" for _, typ in found)


def test_entities_bracket_splits_a_person(resources):
    found = _mentions(resources, "Dokumen itu ditandatangani oleh Presiden Rusia, (Vladimir) Putin, pekan lalu.")
    assert not any("(" in surface or ")" in surface for surface, _ in found)
    assert ("Putin", "PER") in found


def test_entities_sentence_opener_is_not_part_of_a_name(resources):
    found = _mentions(resources, "Warga menolak rencana itu.\n\n\"Jika Netanyahu tetap mencaplok wilayah itu, "
                                 "perundingan akan gagal,\" kata juru bicara itu.")
    assert not any(surface.startswith("Jika") for surface, _ in found)
