"""Coref groups name mentions: surnames, abbreviations, gazetteer aliases, capitals kept apart."""

from __future__ import annotations

from warta.stages import coref


def _entities(doc):
    return {e.name: sorted({doc.span(doc.mention(m).start, doc.mention(m).end) for m in e.mentions
                            if doc.mention(m).kind in ("name", "abbreviation")}) for e in doc.entities}


def test_coref_surname(resources, mention_doc):
    text = ("Perdana Menteri Malaysia Anwar Ibrahim tiba di Jakarta pada Senin. Anwar bertemu Presiden "
            "Joko Widodo di Istana Merdeka. Widodo menyambut Anwar dengan hangat.")
    doc = mention_doc(text, [("Anwar Ibrahim", "PER"), ("Anwar", "PER"), ("Joko Widodo", "PER"),
                             ("Widodo", "PER"), ("Malaysia", "GPE"), ("Jakarta", "GPE")])
    doc = coref.run(doc, resources)
    found = _entities(doc)
    assert found["Anwar Ibrahim"] == ["Anwar", "Anwar Ibrahim"]
    assert found["Joko Widodo"] == ["Joko Widodo", "Widodo"]
    assert len([e for e in doc.entities if e.type == "PER"]) == 2


def test_coref_surname_before_full_name(resources, mention_doc):
    text = "Stoltenberg Puji Jepang\n\nSekjen NATO Jens Stoltenberg memuji Jepang pada Selasa."
    doc = mention_doc(text, [("Stoltenberg", "PER"), ("Jens Stoltenberg", "PER"), ("Jepang", "GPE"), ("NATO", "ORG")])
    doc = coref.run(doc, resources)
    assert _entities(doc)["Jens Stoltenberg"] == ["Jens Stoltenberg", "Stoltenberg"]


def test_coref_abbreviation_alias(resources, mention_doc):
    text = ("Badan Pengawas Obat dan Makanan (BPOM) menarik produk itu. Menurut BPOM, produk tersebut "
            "berbahaya. Korea Selatan dan Korsel adalah nama yang sama, begitu pula Amerika Serikat dan AS.")
    doc = mention_doc(text, [("Badan Pengawas Obat dan Makanan", "ORG"), ("BPOM", "ORG"),
                             ("Korea Selatan", "GPE"), ("Korsel", "GPE"), ("Amerika Serikat", "GPE"), ("AS", "GPE")])
    doc = coref.run(doc, resources)
    found = _entities(doc)
    assert found["Badan Pengawas Obat dan Makanan"] == ["BPOM", "Badan Pengawas Obat dan Makanan"]
    assert found["Korea Selatan"] == ["Korea Selatan", "Korsel"]
    assert found["Amerika Serikat"] == ["AS", "Amerika Serikat"]


def test_coref_abbreviation_inside_name(resources, mention_doc):
    text = "Dewan Keamanan (DK) PBB bersidang pada Rabu. DK PBB lalu menyetujui resolusi itu."
    doc = mention_doc(text, [("Dewan Keamanan (DK) PBB", "ORG"), ("DK PBB", "ORG")])
    doc = coref.run(doc, resources)
    assert [e.name for e in doc.entities] == ["Dewan Keamanan PBB"]


def test_coref_capital_stays_its_own_entity(resources, mention_doc):
    text = "Presiden Lithuania menyambut para tamu di Vilnius. Lithuania menjadi tuan rumah KTT."
    doc = mention_doc(text, [("Lithuania", "GPE"), ("Vilnius", "GPE")])
    doc = coref.run(doc, resources)
    assert sorted(e.name for e in doc.entities) == ["Lithuania", "Vilnius"]


def test_coref_organisation_without_country(resources, mention_doc):
    text = ("Kementerian Pertahanan Jepang membantah laporan itu. Kementerian Pertahanan menyebut "
            "laporan tersebut keliru.")
    doc = mention_doc(text, [("Kementerian Pertahanan Jepang", "ORG"), ("Kementerian Pertahanan", "ORG")])
    doc = coref.run(doc, resources)
    assert len(doc.entities) == 1


def test_coref_abbreviation_with_country(resources, mention_doc):
    text = "Ketua Dewan Perwakilan Rakyat (DPR) AS berkunjung ke Taipei. DPR AS lalu mengesahkan RUU itu."
    doc = mention_doc(text, [("Dewan Perwakilan Rakyat", "ORG"), ("DPR", "ORG"), ("AS", "GPE"),
                             ("DPR AS", "ORG"), ("Taipei", "GPE")])
    doc = coref.run(doc, resources)
    orgs = [e for e in doc.entities if e.type == "ORG"]
    assert len(orgs) == 1 and _entities(doc)[orgs[0].name] == ["DPR", "DPR AS", "Dewan Perwakilan Rakyat"]


def test_coref_misspelt_place(resources, mention_doc):
    text = "Raja Yordania tiba di Berlin. Pemimpin Yordaia itu bertemu Kanselir Jerman."
    doc = coref.run(mention_doc(text, [("Yordania", "GPE"), ("Yordaia", "PER"), ("Berlin", "GPE"),
                                       ("Jerman", "GPE")]), resources)
    assert _entities(doc)["Yordania"] == ["Yordaia", "Yordania"]


def test_coref_bracketed_nickname_of_person(resources, mention_doc):
    text = ("Ketua DPR Bambang Soesatyo (Bamsoet) menunda pengesahan RUU itu. Bamsoet menemui "
            "Presiden Joko Widodo (Jokowi) di Istana. Jokowi didampingi Pratikno (Mensesneg).")
    doc = mention_doc(text, [("Bambang Soesatyo", "PER"), ("Bamsoet", "PER"), ("Joko Widodo", "PER"),
                             ("Jokowi", "PER"), ("Pratikno", "PER"), ("Mensesneg", "ORG"), ("DPR", "ORG")])
    doc = coref.run(doc, resources)
    found = _entities(doc)
    assert found["Bambang Soesatyo"] == ["Bambang Soesatyo", "Bamsoet"]
    assert found["Joko Widodo"] == ["Joko Widodo", "Jokowi"]
    assert "Mensesneg" not in found["Pratikno"]  # a bracketed title of another type stays apart
