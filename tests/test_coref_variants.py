"""Coref merges spelling variants, particle-less surnames, ranks left on names, a country's
government and organisation names that differ only in how the country is written."""

from __future__ import annotations

from warta.stages import coref


def _entities(doc):
    return {e.name: sorted({doc.span(doc.mention(m).start, doc.mention(m).end) for m in e.mentions
                            if doc.mention(m).kind in ("name", "abbreviation")}) for e in doc.entities}


def test_coref_variants_surname_spelling(resources, mention_doc):
    text = ("Wakil Ketua KPK Laode Muhammad Syarif hadir di Jakarta. Syarief mengatakan pimpinan "
            "belum diajak bicara.")
    doc = coref.run(mention_doc(text, [("Laode Muhammad Syarif", "PER"), ("Syarief", "PER"),
                                       ("KPK", "ORG"), ("Jakarta", "GPE")]), resources)
    assert _entities(doc)["Laode Muhammad Syarif"] == ["Laode Muhammad Syarif", "Syarief"]


def test_coref_variants_misspelling_before_right_form(resources, mention_doc):
    text = ("Menteri Luar Negeri AS Mike Pompoe tiba di Jeddah pada Rabu. Mike Pompeo lalu bertemu "
            "para pejabat Saudi.")
    doc = coref.run(mention_doc(text, [("Mike Pompoe", "PER"), ("Mike Pompeo", "PER"), ("AS", "GPE"),
                                       ("Jeddah", "GPE"), ("Saudi", "GPE")]), resources)
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1 and people[0].name == "Mike Pompeo"


def test_coref_variants_not_for_short_or_ambiguous_names(resources, mention_doc):
    text = ("Ahmad Yani dan Ahmad Dani hadir di Bandung. Dani membuka acara, sedangkan Yano menutupnya.")
    doc = coref.run(mention_doc(text, [("Ahmad Yani", "PER"), ("Ahmad Dani", "PER"), ("Dani", "PER"),
                                       ("Yano", "PER"), ("Bandung", "GPE")]), resources)
    found = _entities(doc)
    assert found["Ahmad Dani"] == ["Ahmad Dani", "Dani"]
    assert "Yano" in found  # four letters: too short to call a misspelling of Yani


def test_coref_variants_organisation_spelling(resources, mention_doc):
    text = ("Data itu dirilis Asean Specialised Meteorological Centre pada Selasa. Menurut Asean "
            "Specialized Meteorological Center, titik panas bertambah.")
    doc = coref.run(mention_doc(text, [("Asean Specialised Meteorological Centre", "ORG"),
                                       ("Asean Specialized Meteorological Center", "ORG")]), resources)
    assert len(doc.entities) == 1


def test_coref_variants_surname_without_particle(resources, mention_doc):
    text = ("Juru bicara koalisi, Kolonel Turki al-Maliki, membantah laporan itu. Maliki menambahkan "
            "bahwa operasi akan berlanjut.")
    doc = coref.run(mention_doc(text, [("Turki al-Maliki", "PER"), ("Maliki", "PER")]), resources)
    assert _entities(doc)["Turki al-Maliki"] == ["Maliki", "Turki al-Maliki"]


def test_coref_variants_rank_is_no_part_of_the_name(resources, mention_doc):
    text = ("Juru bicara militer Houthi, Brigadir Yahya Saree, mengklaim serangan itu. Putra Mahkota "
            "Mohammed bin Salman menerima Raja Abdullah II di Riyadh.")
    doc = coref.run(mention_doc(text, [("Brigadir Yahya Saree", "PER"), ("Houthi", "ORG"),
                                       ("Putra Mahkota Mohammed bin Salman", "PER"), ("Raja Abdullah II", "PER"),
                                       ("Riyadh", "GPE")]), resources)
    names = {e.name for e in doc.entities if e.type == "PER"}
    assert names == {"Yahya Saree", "Mohammed bin Salman", "Raja Abdullah II"}


def test_coref_variants_government_is_the_country(resources, mention_doc):
    text = "Pemerintah Jerman mendukung solusi dua negara. Jerman menolak aneksasi itu."
    doc = coref.run(mention_doc(text, [("Pemerintah Jerman", "ORG"), ("Jerman", "GPE")]), resources)
    assert [(e.name, e.type) for e in doc.entities] == [("Jerman", "GPE")]


def test_coref_variants_country_written_two_ways(resources, mention_doc):
    text = ("Kementerian Pertahanan Arab Saudi memamerkan puing rudal. Kementerian Pertahanan Saudi "
            "menyebut Iran berada di balik serangan.")
    doc = coref.run(mention_doc(text, [("Kementerian Pertahanan Arab Saudi", "ORG"),
                                       ("Kementerian Pertahanan Saudi", "ORG"), ("Iran", "GPE")]), resources)
    assert len([e for e in doc.entities if e.type == "ORG"]) == 1


def test_coref_variants_abbreviation_after_place(resources, mention_doc):
    text = ("Resolusi itu memperpanjang Misi Bantuan PBB di Afghanistan atau UNAMA. Mandat UNAMA "
            "berlaku setahun.")
    doc = coref.run(mention_doc(text, [("Misi Bantuan PBB", "ORG"), ("Afghanistan", "GPE"), ("UNAMA", "ORG")]),
                    resources)
    assert _entities(doc)["Misi Bantuan PBB"] == ["Misi Bantuan PBB", "UNAMA"]


def test_coref_variants_longer_form_of_known_body(resources, mention_doc):
    text = ("KPK memanggil dua saksi pada Selasa. Komisi Pemberantasan Tindak Pidana Korupsi juga "
            "memeriksa dokumen perusahaan itu.")
    doc = coref.run(mention_doc(text, [("KPK", "ORG"), ("Komisi Pemberantasan Tindak Pidana Korupsi", "ORG")]),
                    resources)
    assert len(doc.entities) == 1


def test_coref_variants_middle_name_dropped(resources, mention_doc):
    text = ("Mantan anggota DPR Eni Maulani Saragih bersaksi di pengadilan. Eni Saragih mengaku "
            "menerima uang dari pengusaha itu.")
    doc = coref.run(mention_doc(text, [("Eni Maulani Saragih", "PER"), ("Eni Saragih", "PER"), ("DPR", "ORG")]),
                    resources)
    assert _entities(doc)["Eni Maulani Saragih"] == ["Eni Maulani Saragih", "Eni Saragih"]
