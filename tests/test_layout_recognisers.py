"""Datelines, credits, related headlines, trailers and captions on short hand-written articles."""

from __future__ import annotations

import pytest

from warta.doc import Document
from warta.read.metadata import find_credits, find_dateline, normalise_place
from warta.stages import layout


def _run(text, resources):
    return layout.run(Document(id="t", text=text), resources)


@pytest.mark.parametrize(
    ("opening", "place", "agency", "dateline"),
    [
        ("Seoul, Korea Selatan (ANTARA) - Menlu Korsel tiba.", "Seoul", "ANTARA", "Seoul, Korea Selatan (ANTARA) -"),
        ("Jakarta (ANTARA) - Menlu Retno bertemu Dubes.", "Jakarta", "ANTARA", "Jakarta (ANTARA) -"),
        ("JAKARTA, KOMPAS.com - Presiden menerima tamu.", "Jakarta", "KOMPAS.com", "JAKARTA, KOMPAS.com -"),
        ("VILNIUS, SATUHARAPAN.COM- Para pemimpin NATO tiba.", "Vilnius", "SATUHARAPAN.COM",
         "VILNIUS, SATUHARAPAN.COM-"),
        ("TEMPO.CO, Jakarta - Polisi menangkap dua orang.", "Jakarta", "TEMPO.CO", "TEMPO.CO, Jakarta -"),
        ("Liputan6.com, Jakarta - Menhan meninjau pangkalan.", "Jakarta", "Liputan6.com", "Liputan6.com, Jakarta -"),
        ("Jakarta - Ketua DPR mengecam serangan itu.", "Jakarta", None, "Jakarta -"),
        ("NEW YORK - Sekjen PBB menyerukan gencatan senjata.", "New York", None, "NEW YORK -"),
        ("Kuala Lumpur (ANTARA) - Malaysia menolak klaim itu.", "Kuala Lumpur", "ANTARA", "Kuala Lumpur (ANTARA) -"),
        ("JAKARTA, kompas.com -- Menteri tiba.", "Jakarta", "KOMPAS.com", "JAKARTA, kompas.com --"),
        ("REPUBLIKA.CO.ID, JAKARTA -- Presiden tiba.", "Jakarta", "REPUBLIKA.CO.ID", "REPUBLIKA.CO.ID, JAKARTA --"),
        ("Jakarta, CNN Indonesia -- Presiden tiba.", "Jakarta", "CNN Indonesia", "Jakarta, CNN Indonesia --"),
        ("WASHINGTON (AP) — Presiden tiba.", "Washington", "AP", "WASHINGTON (AP) —"),
        ("Washington, D.C. (ANTARA) - AS tiba.", "Washington", "ANTARA", "Washington, D.C. (ANTARA) -"),
        ("Beijing (ANTARA/Xinhua) - China tiba.", "Beijing", "ANTARA", "Beijing (ANTARA/Xinhua) -"),
        ("MEDAN, iNews.id - Polisi tiba.", "Medan", "iNews.id", "MEDAN, iNews.id -"),
    ],
)
def test_layout_dateline_forms(opening, place, agency, dateline, resources):
    lex = resources.get("layout")
    found = find_dateline(opening, 0, lex)
    assert found is not None
    assert found[0] == place
    assert found[1] == agency
    assert opening[found[2][0] : found[2][1]] == dateline


@pytest.mark.parametrize(
    "opening",
    [
        "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang di Istana.",
        "Iran memperingatkan setiap pihak bahwa opsi militer adalah pilihan buruk.",
        "AS-Taliban sepakat melanjutkan perundingan di Doha.",
        "Menurut Kemlu, Indonesia - yang menjadi ketua ASEAN - akan menggelar KTT.",
        "VIDEO - Detik-detik kapal patroli mengusir kapal asing di Natuna.",
        "POPULER JABODETABEK - Gubernur meninjau banjir.",
    ],
)
def test_layout_dateline_absent_in_plain_openings(opening, resources):
    assert find_dateline(opening, 0, resources.get("layout")) is None


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        ('"Kami siap," kata Menlu itu, seperti dilansir Al Arabiya pada Rabu (18/9).', ["Al Arabiya"]),
        ("Hal itu disampaikan juru bicara militer, dikutip dari Reuters, Senin.", ["Reuters"]),
        ("Kedua negara sepakat memperkuat kerja sama, dilansir dari Xinhua.", ["Xinhua"]),
        ("Khan mengatakan itu, seperti dikutip Sputnik dari surat kabar Dawn, Kamis (19/9).", ["Sputnik", "Dawn"]),
        ("Polisi membubarkan massa, seperti dikutip dari Channel News Asia.", ["Channel News Asia"]),
        ("Juru bicara itu menolak tuduhan tersebut, sebagaimana dilaporkan kantor berita Yonhap.", ["Yonhap"]),
        ("Menlu bertemu mitranya di Ankara, melansir Anadolu Agency.", ["Anadolu Agency"]),
        ("Pernyataan itu dimuat Voice of America, seperti dilansir Voice of America pada Selasa.",
         ["Voice of America"]),
    ],
)
def test_layout_credit_cues(sentence, credits, resources):
    found = [name for _, name in find_credits(sentence, 0, len(sentence), resources.get("layout"))]
    assert found == credits


@pytest.mark.parametrize(
    "sentence",
    [
        "Ia mengutip Presiden Jokowi yang menyebut kerja sama itu penting.",
        "Pemerintah melansir data baru tentang jumlah pengungsi.",
        "Islamabad dilaporkan menolak permintaan itu.",
        "Menurut keterangan pers yang diterima Sindonews, resolusi itu disepakati.",
    ],
)
def test_layout_credit_cues_ignore_ordinary_verbs(sentence, resources):
    assert find_credits(sentence, 0, len(sentence), resources.get("layout")) == []


ARTICLE = """Menlu RI Bertemu Menlu Australia Bahas Keamanan Kawasan

Canberra (ANTARA) - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Australia Penny Wong di Canberra pada Kamis.

"Kami sepakat memperkuat kerja sama maritim," kata Retno, seperti dilansir ABC.

Baca juga: RI dan Australia perkuat patroli bersama di Laut Timor

Foto: Menlu Retno Marsudi (kiri) berjabat tangan dengan Menlu Penny Wong. (ANTARA FOTO/Dhemas/rst)

Wong menyatakan Australia mendukung kepemimpinan Indonesia di ASEAN.

Sumber: Reuters/AFP

Pewarta: Dewi Lestari
Editor: Budi Santoso
COPYRIGHT © ANTARA 2024
"""


def test_layout_article_kinds_and_metadata(resources):
    doc = _run(ARTICLE, resources)
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds == ["headline", "body", "body", "related", "caption", "body", "credit",
                     "trailer", "trailer", "trailer"]
    meta = doc.metadata
    assert meta.title == "Menlu RI Bertemu Menlu Australia Bahas Keamanan Kawasan"
    assert (meta.dateline_place, meta.agency) == ("Canberra", "ANTARA")
    assert doc.span(*meta.dateline_span) == "Canberra (ANTARA) -"
    assert meta.credits == ["ABC", "Reuters", "AFP"]
    assert meta.related == ["RI dan Australia perkuat patroli bersama di Laut Timor"]
    assert meta.authors == ["Dewi Lestari"]
    assert meta.editors == ["Budi Santoso"]
    assert len(meta.captions) == 1 and meta.captions[0].startswith("Foto: Menlu Retno")
    assert doc.text == ARTICLE


def test_layout_dateline_second_agency_is_a_credit(resources):
    doc = _run("China Kecam AS\n\nBeijing (ANTARA/Xinhua) - China mengecam AS, dikutip dari Reuters.", resources)
    assert (doc.metadata.agency, doc.metadata.credits) == ("ANTARA", ["Xinhua", "Reuters"])


def test_layout_trailing_initials_become_trailer(resources):
    text = ("Rusia Tolak Tuduhan AS\n\nMOSKOW - Kremlin menolak tuduhan Washington.\n\n"
            '"Tuduhan itu tidak berdasar," kata Peskov. (ian)')
    doc = _run(text, resources)
    last = doc.paragraphs[-1]
    assert last.kind == "trailer" and doc.span(last.start, last.end) == "(ian)"
    body = doc.paragraphs[-2]
    assert doc.span(body.start, body.end).endswith("kata Peskov.")
    assert doc.metadata.dateline_place == "Moskow"


def test_layout_hard_wrapped_lines_join_into_one_paragraph(resources):
    text = ("Judul Berita Singkat\n\nMenteri Pertahanan mengatakan bahwa latihan gabungan itu akan\n"
            "digelar di perairan Natuna pada bulan depan bersama tiga negara.\n\nParagraf kedua di sini.")
    doc = _run(text, resources)
    assert [p.kind for p in doc.paragraphs] == ["headline", "body", "body"]
    assert doc.span(doc.paragraphs[1].start, doc.paragraphs[1].end).endswith("tiga negara.")


def test_layout_single_line_breaks_split_paragraphs(resources):
    text = ("DK PBB Gelar Sidang Darurat\nDewan Keamanan PBB menggelar sidang darurat.\n"
            "Sidang itu diminta oleh Prancis.\nBaca juga: PBB serukan gencatan senjata")
    doc = _run(text, resources)
    assert [p.kind for p in doc.paragraphs] == ["headline", "body", "body", "related"]
    assert doc.metadata.related == ["PBB serukan gencatan senjata"]


def test_layout_no_headline_when_text_starts_with_dateline(resources):
    doc = _run("Jakarta (ANTARA) - Presiden tiba\n\nIa disambut menteri.", resources)
    assert doc.paragraphs[0].kind == "body"
    assert doc.metadata.dateline_place == "Jakarta"


def test_layout_rerun_does_not_duplicate_metadata(resources):
    doc = _run(ARTICLE, resources)
    doc = layout.run(doc, resources)
    assert doc.metadata.credits == ["ABC", "Reuters", "AFP"]
    assert len(doc.metadata.related) == 1


def test_layout_normalise_place():
    assert normalise_place("JAKARTA") == "Jakarta"
    assert normalise_place("NEW YORK") == "New York"
    assert normalise_place("Den Haag") == "Den Haag"
