"""Actor codes come from what the text says: titles, modifiers, organisation names, places."""

from __future__ import annotations

from warta.stages import actors, coref


def _code(resources, mention_doc, text, names, published="2024-03-01"):
    doc = actors.run(coref.run(mention_doc(text, names, published), resources), resources)
    return {e.name: e.actor for e in doc.entities}, doc


def test_actors_title_country(resources, mention_doc):
    text = ("Presiden Korsel Yoon Suk Yeol menerima Menlu Turki Hakan Fidan di Seoul. "
            "Menteri Pertahanan Filipina Gilberto Teodoro ikut hadir.")
    codes, doc = _code(resources, mention_doc, text, [
        ("Yoon Suk Yeol", "PER"), ("Hakan Fidan", "PER"), ("Gilberto Teodoro", "PER"),
        ("Korsel", "GPE"), ("Turki", "GPE"), ("Filipina", "GPE"), ("Seoul", "GPE")])
    assert codes["Yoon Suk Yeol"] == "KORGOV"
    assert codes["Hakan Fidan"] == "TURGOV"  # a minister no list knows: coded from the text alone
    assert codes["Gilberto Teodoro"] == "PHLMIL"
    assert next(e for e in doc.entities if e.name == "Hakan Fidan").title == "Menteri Luar Negeri"


def test_actors_igo_official(resources, mention_doc):
    text = ("Sekretaris Jenderal NATO Mark Rutte bertemu Juru bicara PBB Stephane Dujarric di Brussel. "
            "Dirjen WHO Tedros Adhanom Ghebreyesus juga hadir.")
    codes, _ = _code(resources, mention_doc, text, [
        ("Mark Rutte", "PER"), ("Stephane Dujarric", "PER"), ("Tedros Adhanom Ghebreyesus", "PER"),
        ("NATO", "ORG"), ("PBB", "ORG"), ("WHO", "ORG"), ("Brussel", "GPE")])
    assert codes["Mark Rutte"] == "IGOWSTNAT"
    assert codes["Stephane Dujarric"] == "IGOUNO"
    assert codes["Tedros Adhanom Ghebreyesus"] == "IGOUNOHLHWHO"


def test_actors_ministry_role(resources, mention_doc):
    text = ("Kementerian Pertahanan Korsel membantah laporan itu. Juru bicara kementerian tersebut, "
            "Jeon Ha-gyu, mengatakan pihaknya masih berunding. Kementerian Luar Negeri Iran dan "
            "parlemen Iran mengecam langkah itu, sementara Polda Metro Jaya menangkap dua orang.")
    codes, _ = _code(resources, mention_doc, text, [
        ("Kementerian Pertahanan Korsel", "ORG"), ("Jeon Ha-gyu", "PER"), ("Kementerian Luar Negeri Iran", "ORG"),
        ("parlemen Iran", "ORG"), ("Polda Metro Jaya", "ORG"), ("Iran", "GPE"), ("Korsel", "GPE")])
    assert codes["Kementerian Pertahanan Korsel"] == "KORMIL"
    assert codes["Jeon Ha-gyu"] == "KORMIL"  # the spokesman takes his ministry's code
    assert codes["Kementerian Luar Negeri Iran"] == "IRNGOV"
    assert codes["parlemen Iran"] == "IRNLEG"
    assert codes["Polda Metro Jaya"].endswith("COP")


def test_actors_former_official_is_elite(resources, mention_doc):
    text = "Mantan Presiden Filipina Rodrigo Duterte ditangkap di Manila."
    codes, _ = _code(resources, mention_doc, text, [("Rodrigo Duterte", "PER"), ("Filipina", "GPE"),
                                                    ("Manila", "GPE")])
    assert codes["Rodrigo Duterte"] == "PHLELI"


def test_actors_known_person_by_date(resources, mention_doc):
    text = "Donald Trump mengecam keputusan itu."
    early, _ = _code(resources, mention_doc, text, [("Donald Trump", "PER")], published="2019-05-01")
    later, _ = _code(resources, mention_doc, text, [("Donald Trump", "PER")], published="2022-05-01")
    assert early["Donald Trump"] == "USAGOV" and later["Donald Trump"] == "USAELI"


def test_actors_places(resources, mention_doc):
    text = ("Washington menuduh Teheran. Ketegangan di Timur Tengah meningkat, sementara Eropa "
            "menyerukan dialog. Armada itu berlayar di Laut Merah.")
    codes, doc = _code(resources, mention_doc, text, [
        ("Washington", "GPE"), ("Teheran", "GPE"), ("Timur Tengah", "LOC"), ("Eropa", "LOC"), ("Laut Merah", "LOC")])
    assert codes["Washington"] == "USA" and codes["Teheran"] == "IRN"
    assert codes["Eropa"] == "EUR"  # acts: calls for dialogue
    assert codes["Timur Tengah"] is None  # only where tension rises
    assert codes["Laut Merah"] is None
    assert next(e for e in doc.entities if e.name == "Washington").latitude is not None
