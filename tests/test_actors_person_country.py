"""A person's country comes from what the text says about that person, not from whoever stands
nearby: "Aktivis Hong Kong" elsewhere for an activist, never an outlet's country; an IGO named
inside an organisation's name gives its code."""

from __future__ import annotations

from warta.stages import actors, coref


def _codes(resources, mention_doc, text, names, published="2019-09-11"):
    doc = actors.run(coref.run(mention_doc(text, names, published), resources), resources)
    return {e.name: e.actor for e in doc.entities}


def test_actors_person_country_from_kind_named_elsewhere(resources, mention_doc):
    text = ("China Protes Pertemuan Menlu Jerman dan Aktivis Hong Kong\n\nMenteri Luar Negeri Jerman "
            "Heiko Maas bertemu dengan aktivis Joshua Wong di Berlin pada Senin.")
    codes = _codes(resources, mention_doc, text, [
        ("China", "GPE"), ("Jerman", "GPE"), ("Hong Kong", "GPE"), ("Heiko Maas", "PER"),
        ("Joshua Wong", "PER"), ("Berlin", "GPE")])
    assert codes["Joshua Wong"] == "HKGOPP"
    assert codes["Heiko Maas"] == "DEUGOV"


def test_actors_person_country_office_not_borrowed(resources, mention_doc):
    # "Menteri Malaysia" elsewhere says nothing about which country minister Siti serves
    text = ("Menteri Malaysia Yeo Bee Yin mengkritik Indonesia. Di Jakarta, "
            "Menteri Siti Nurbaya membantah tudingan itu.")
    codes = _codes(resources, mention_doc, text, [
        ("Malaysia", "GPE"), ("Yeo Bee Yin", "PER"), ("Indonesia", "GPE"), ("Jakarta", "GPE"),
        ("Siti Nurbaya", "PER")])
    assert codes["Yeo Bee Yin"] == "MYSGOV"
    assert codes["Siti Nurbaya"][:3] == "IDN"


def test_actors_person_country_not_from_outlet(resources, mention_doc):
    text = ("\"Tanah ini milik kami,\" kata Hassan Abedi, seorang petani berusia 55 tahun, mengutip Reuters. "
            "Israel berencana mencaplok wilayah itu.")
    codes = _codes(resources, mention_doc, text, [
        ("Hassan Abedi", "PER"), ("Reuters", "ORG"), ("Israel", "GPE")])
    assert codes["Reuters"] == "GBRMED"
    assert codes["Hassan Abedi"] is None or codes["Hassan Abedi"][:3] != "GBR"


def test_actors_person_country_igo_acronym_inside_name(resources, mention_doc):
    text = ("Data titik panas dirilis Asean Specialised Meteorological Centre di Singapura. "
            "Malaysia mengutip data tersebut.")
    codes = _codes(resources, mention_doc, text, [
        ("Asean Specialised Meteorological Centre", "ORG"), ("Singapura", "GPE"), ("Malaysia", "GPE")])
    assert codes["Asean Specialised Meteorological Centre"] == "IGOSEAASN"


def test_actors_person_country_unknown_province(resources, mention_doc):
    text = ("Korea Utara meluncurkan dua proyektil dari Provinsi Pyongan Selatan pada Selasa pagi. "
            "Laut Jepang menjadi sasaran.")
    codes = _codes(resources, mention_doc, text, [
        ("Korea Utara", "GPE"), ("Provinsi Pyongan Selatan", "GPE"), ("Laut Jepang", "LOC")])
    assert codes["Provinsi Pyongan Selatan"] == "PRK"
    assert codes["Laut Jepang"] is None  # a sea never acts


def test_actors_person_country_body_named_by_head_noun(resources, mention_doc):
    text = ("Koalisi Arab melancarkan serangan ke Hodeidah, Yaman. \"Operasi ini sah,\" kata juru bicara "
            "koalisi, Kolonel Turki al-Maliki, di Riyadh.")
    codes = _codes(resources, mention_doc, text, [
        ("Koalisi Arab", "ORG"), ("Hodeidah", "GPE"), ("Yaman", "GPE"), ("Turki al-Maliki", "PER"),
        ("Riyadh", "GPE")])
    assert codes["Koalisi Arab"] == "SAUMIL"
    assert codes["Turki al-Maliki"] == "SAUMIL"


def test_actors_person_country_place_after_di_is_not_the_owner(resources, mention_doc):
    text = ("Jerman menghentikan ekspor senjata ke Arab Saudi. Langkah Jerman itu didorong perang di Yaman "
            "dan penolakan Partai Sosial Demokrat.")
    codes = _codes(resources, mention_doc, text, [
        ("Jerman", "GPE"), ("Arab Saudi", "GPE"), ("Yaman", "GPE"), ("Partai Sosial Demokrat", "ORG")])
    assert codes["Partai Sosial Demokrat"][:3] == "DEU"


def test_actors_person_country_domestic_story_without_country(resources, mention_doc):
    text = ("Ratusan mahasiswa berunjuk rasa di depan gedung KPK pada Jumat. Koordinator aksi, Rudi "
            "Hartanto, menuntut revisi undang-undang dibatalkan.")
    codes = _codes(resources, mention_doc, text, [("KPK", "ORG"), ("Rudi Hartanto", "PER")])
    assert codes["KPK"] == "IDNJUD"
    assert (codes["Rudi Hartanto"] or "")[:3] == "IDN"


def test_actors_bare_brigadir_is_police_rank(pipeline):
    from warta.doc import Document

    text = "Bogor (ANTARA) - Brigadir Budi Santoso menangkap dua tersangka pencurian di Bogor, Jawa Barat, pada Senin."
    doc = pipeline.process(Document("t", text, published="2024-03-12"))
    assert {e.name: e.actor for e in doc.entities}["Budi Santoso"] == "IDNCOP"
