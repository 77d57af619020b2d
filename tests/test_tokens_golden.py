"""Golden tests for the tokens stage: short wire-style Indonesian sentences written for warta."""

from __future__ import annotations

from warta.doc import Document, Metadata, Paragraph
from warta.stages import tokens as stage


def _run(resources, text, paragraphs=None, dateline=None):
    doc = Document(id="t", text=text, metadata=Metadata(dateline_span=dateline))
    if paragraphs:
        doc.paragraphs = [Paragraph(s, e, k) for s, e, k in paragraphs]
    return stage.run(doc, resources)


def _words(doc):
    return [doc.token_text(t) for t in doc.tokens]


def _sentences(doc):
    return [doc.sentence_text(s) for s in doc.sentences]


def test_tokens_abbreviations(resources):
    doc = _run(resources, "Menlu Retno dan Sekjen PBB menemui Prof. Dr. Budi Santoso, S.H., M.Si. di Jl. "
                          "Merdeka No. 7 bersama H. Anwar dan M. Hendra a.n. partai, dll. Rapat berjalan lancar.")
    words = _words(doc)
    for expected in ("Menlu", "Sekjen", "Prof.", "Dr.", "S.H.", "M.Si.", "Jl.", "No.", "H.", "M.", "a.n.", "dll."):
        assert expected in words
    # "dll." followed by a capital ends the sentence; titles and initials never do.
    assert len(doc.sentences) == 2
    assert _sentences(doc)[1] == "Rapat berjalan lancar."


def test_tokens_money_and_numbers(resources):
    doc = _run(resources, "Anggaran naik Rp 965 triliun, atau Rp965 triliun, dari US$ 69,1 miliar "
                          "menjadi 1.000,5 ton dan 50% lebih.")
    kinds = {doc.token_text(t): t.kind for t in doc.tokens}
    assert _words(doc)[2:5] == ["Rp", "965", "triliun"]
    assert _words(doc)[7:9] == ["Rp", "965"]
    assert kinds["Rp"] == "money" and kinds["965"] == "money" and kinds["US$"] == "money"
    assert kinds["69,1"] == "money"
    assert kinds["1.000,5"] == "number"
    assert "50" in kinds and kinds["%"] == "symbol"


def test_tokens_dates(resources):
    doc = _run(resources, "Polisi menangkap tersangka pada Rabu (18/9) dan sidang digelar 20/6/2024, "
                          "sepekan setelah 11/7 atau 11 Juli 2023.")
    kinds = {doc.token_text(t): t.kind for t in doc.tokens}
    assert kinds["18/9"] == "date" and kinds["20/6/2024"] == "date" and kinds["11/7"] == "date"
    words = _words(doc)
    i = words.index("18/9")
    assert words[i - 2 : i + 2] == ["Rabu", "(", "18/9", ")"]
    assert words[-4:] == ["11", "Juli", "2023", "."]


def test_tokens_hyphens_stay_whole(resources):
    doc = _run(resources, "Jeon Ha-gyu membahas Indo-Pasifik, situs-situs al-Qaeda dan laga ke-5 era 1990-an.")
    words = _words(doc)
    for expected in ("Ha-gyu", "Indo-Pasifik", "situs-situs", "al-Qaeda", "ke-5", "1990-an"):
        assert expected in words
    lemmas = {doc.token_text(t): t.lemma for t in doc.tokens}
    assert lemmas["situs-situs"] == "situs"


def test_tokens_clitics(resources):
    doc = _run(resources, "Dialah yang datang, ujarnya, dan apakah bukunya hanya punya tanya? "
                          "Tulisan-tulisannya dibaca siswa sekolah meskipun menurutnya sulit.")
    by_text = {doc.token_text(t): t for t in doc.tokens}
    assert by_text["ujarnya"].clitic == "nya" and by_text["ujarnya"].lemma == "ujar"
    assert by_text["Dialah"].clitic == "lah"
    assert by_text["apakah"].clitic == "kah"
    assert by_text["bukunya"].clitic == "nya" and by_text["bukunya"].lemma == "buku"
    assert by_text["Tulisan-tulisannya"].clitic == "nya"
    assert by_text["menurutnya"].clitic == "nya" and by_text["menurutnya"].lemma == "menurut"
    # Root words and lexicalised exceptions carry no clitic.
    for word in ("hanya", "punya", "tanya", "sekolah", "meskipun"):
        assert by_text[word].clitic is None, word
    assert "ujarnya" in _words(doc)  # the token stays whole


def test_tokens_quotes(resources):
    doc = _run(resources, "Ia berkata, \u201cKami siap\u201d, lalu \u2018tenang\u2019 dan \u00abdamai\u00bb "
                          "serta \u201etegas\u201c; 'aman' kata Ma'ruf pada Jum'at.")
    quotes = [doc.token_text(t) for t in doc.tokens if t.kind == "quote"]
    assert quotes == ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201c", "'", "'"]
    words = _words(doc)
    assert "Ma'ruf" in words and "Jum'at" in words and "aman" in words


def test_tokens_sentence_splitting_in_quotes(resources):
    doc = _run(resources, '"Kami siap," kata Pence. "Kami siap." Ia lalu pergi. "Siapa dia?" tanya Budi. '
                          "Harga naik... Warga mengeluh.")
    assert _sentences(doc) == [
        '"Kami siap," kata Pence.',
        '"Kami siap."',
        "Ia lalu pergi.",
        '"Siapa dia?" tanya Budi.',
        "Harga naik...",
        "Warga mengeluh.",
    ]


def test_tokens_curly_quote_closes_sentence(resources):
    doc = _run(resources, "\u201cKami menolak.\u201d Menteri itu lalu pergi.")
    assert _sentences(doc) == ["\u201cKami menolak.\u201d", "Menteri itu lalu pergi."]


def test_tokens_decimals_urls_emails(resources):
    doc = _run(resources, "Inflasi 3,5 persen pada pukul 10.00 WIB. Lihat https://contoh.go.id/data. "
                          "Surel ke redaksi@contoh.co.id atau buka KOMPAS.com hari ini.")
    kinds = {doc.token_text(t): t.kind for t in doc.tokens}
    assert kinds["3,5"] == "number" and kinds["10.00"] == "number"
    assert kinds["https://contoh.go.id/data"] == "url"
    assert kinds["redaksi@contoh.co.id"] == "url"
    assert kinds["KOMPAS.com"] == "url"
    assert len(doc.sentences) == 3


def test_tokens_dateline_not_glued(resources):
    text = "Seoul, Korea Selatan (ANTARA) - Presiden Korsel tiba di Vilnius. Ia bertemu Sekjen NATO."
    dateline = (0, text.index(" - "))
    doc = _run(resources, text, dateline=dateline)
    assert _sentences(doc)[0] == "Presiden Korsel tiba di Vilnius."
    assert all(t.start >= dateline[1] for t in doc.tokens)
    # A dateline span that already includes the dash works the same way.
    doc = _run(resources, text, dateline=(0, text.index("Presiden") - 1))
    assert _sentences(doc)[0] == "Presiden Korsel tiba di Vilnius."


def test_tokens_headline_and_layout_paragraphs(resources):
    text = "Iran Peringatkan Israel\n\nTeheran mengancam membalas. Sumber: Reuters\n\nBaca juga: Harga naik"
    h_end = text.index("\n")
    b_start = h_end + 2
    credit = text.index("Sumber")
    related = text.index("Baca")
    doc = _run(resources, text, paragraphs=[(0, h_end, "headline"), (b_start, credit - 1, "body"),
                                            (credit, related - 2, "credit"), (related, len(text), "related")])
    assert _sentences(doc) == ["Iran Peringatkan Israel", "Teheran mengancam membalas."]
    assert [s.paragraph for s in doc.sentences] == [0, 1]


def test_tokens_line_breaks_split_unpunctuated_lines(resources):
    doc = _run(resources, "Gempa Guncang Cianjur\nWarga mengungsi ke lapangan.\n\nbantuan datang sore ini")
    assert _sentences(doc) == ["Gempa Guncang Cianjur", "Warga mengungsi ke lapangan.", "bantuan datang sore ini"]


def test_tokens_lemma_exceptions(resources):
    doc = _run(resources, "Menurut dia, DPR menyetujui usulan terhadap anggaran tersebut sebagai bahwa "
                          "pemerintah mengatakan setuju.")
    lemmas = {doc.token_text(t): t.lemma for t in doc.tokens}
    assert lemmas["menyetujui"] == "setuju"
    for word in ("terhadap", "tersebut", "sebagai", "bahwa"):
        assert lemmas[word] == word
    assert lemmas["Menurut"] == "menurut"
    assert lemmas["mengatakan"] == "kata"  # ordinary verbs are still stemmed
    assert lemmas["DPR"] == "dpr" and lemmas["."] == "."


def test_tokens_proper_names_not_stemmed(resources):
    doc = _run(resources, "Warga Bekasi bertemu Perdana Menteri di Jakarta.")
    lemmas = {doc.token_text(t): t.lemma for t in doc.tokens}
    assert lemmas["Bekasi"] == "bekasi"  # Sastrawi alone would give "bekas"
    assert lemmas["bertemu"] == "temu"


def test_tokens_offsets_valid_and_ordered(resources):
    text = ("JAKARTA, KOMPAS.com - \u201cKami tak akan mundur,\u201d tegas Menlu di Jl. Pejambon No. 6 "
            "pada Senin (3/7/2023) pukul 09.30 WIB... Dana Rp1,2 triliun (US$ 80 juta) cair.\n\n"
            "Ia menambahkan: 'siap!' \u00bbSelesai\u00ab \t  ")
    doc = _run(resources, text)
    previous_end = 0
    for tok in doc.tokens:
        assert 0 <= previous_end <= tok.start < tok.end <= len(text)
        assert doc.token_text(tok).strip() == doc.token_text(tok)
        assert tok.space_after == (tok.end == len(text) or text[tok.end].isspace())
        assert tok.kind in ("word", "number", "money", "date", "punct", "quote", "symbol", "url")
        previous_end = tok.end
    # Sentences partition the tokens in order and every non-space character is covered.
    expected = 0
    for sent in doc.sentences:
        assert sent.token_start == expected and sent.token_end > sent.token_start
        assert sent.start == doc.tokens[sent.token_start].start
        assert sent.end == doc.tokens[sent.token_end - 1].end
        expected = sent.token_end
    assert expected == len(doc.tokens)
    covered = "".join(doc.token_text(t) for t in doc.tokens)
    assert covered == "".join(text.split())


def test_tokens_empty_and_whitespace(resources):
    assert _run(resources, "").tokens == []
    doc = _run(resources, "   \n\n  ")
    assert doc.tokens == [] and doc.sentences == []


def test_tokens_ranges_and_hyphenated_clitic(resources):
    doc = _run(resources, "Laba 2013-2014 naik 30-35 persen, dan PPh-nya turun.")
    words = _words(doc)
    assert words[1:4] == ["2013", "-", "2014"]
    assert words[5:8] == ["30", "-", "35"]
    i = words.index("PPh")
    assert words[i : i + 3] == ["PPh", "-", "nya"] and doc.tokens[i + 2].clitic == "nya"


def test_tokens_letter_labels_end_sentences(resources):
    doc = _run(resources, "Indonesia lolos dari Grup B. Pertandingan berikutnya digelar di Doha bersama M. Hendra.")
    assert _sentences(doc) == ["Indonesia lolos dari Grup B.",
                               "Pertandingan berikutnya digelar di Doha bersama M. Hendra."]
    assert "B" in _words(doc) and "M." in _words(doc)


def test_tokens_scraper_comma_after_full_stop_ends_sentence(resources):
    # Scraped dumps join paragraphs with a comma: "(16/9/2019)., Ruki ...". An abbreviation's
    # period followed by a comma ("Tbk., Jakarta") stays inside its sentence.
    doc = _run(resources, 'Ia hadir di KPK, Senin (16/9/2019)., Ruki juga menilai revisi itu tertutup., '
                          '"Kami menolak," katanya. Saham PT Astra Tbk., Jakarta, naik.')
    assert _sentences(doc) == ["Ia hadir di KPK, Senin (16/9/2019).,", "Ruki juga menilai revisi itu tertutup.,",
                               '"Kami menolak," katanya.', "Saham PT Astra Tbk., Jakarta, naik."]
