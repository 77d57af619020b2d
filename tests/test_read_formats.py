"""The reader: plain text, HTML, JSONL, feeds, stdin, URLs and folders to Documents."""

from __future__ import annotations

import http.server
import io
import json
import sys
import threading
from contextlib import contextmanager

import pytest

from warta.errors import InputError
from warta.pipeline import Failure
from warta.read import iter_documents, parse_field_map, read_one, read_text
from warta.read.jsonl import restore_paragraphs

ARTICLE = (
    "Indonesia dan Malaysia Sepakat Perkuat Patroli Perbatasan\n\n"
    "Jakarta (ANTARA) - Pemerintah Indonesia dan Malaysia sepakat memperkuat patroli bersama di "
    "perbatasan darat dan laut kedua negara, kata Menteri Pertahanan pada Selasa.\n\n"
    "\"Kami akan menambah jumlah kapal yang berjaga di Selat Malaka,\" ujarnya kepada wartawan "
    "di Jakarta, seperti dilansir Bernama.\n"
)

HTML = """<!DOCTYPE html><html><head><title>Menhan RI Terima Kunjungan Menhan Filipina</title>
<meta property="article:published_time" content="2024-03-05T09:00:00+07:00">
<link rel="canonical" href="https://contoh.example/berita/menhan-filipina"></head>
<body><nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a></nav>
<article><h1>Menhan RI Terima Kunjungan Menhan Filipina</h1>
<p>Jakarta (ANTARA) - Menteri Pertahanan Indonesia menerima kunjungan Menteri Pertahanan Filipina
di Jakarta pada Selasa untuk membahas keamanan di Laut China Selatan dan kerja sama industri pertahanan.</p>
<p>"Kami sepakat bahwa stabilitas kawasan adalah kepentingan bersama," kata Menhan RI seusai
pertemuan yang berlangsung selama dua jam itu.</p>
<p>Kedua menteri juga membahas rencana latihan militer gabungan yang akan digelar tahun depan.</p>
</article><footer>Hak cipta dilindungi undang-undang</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Dunia</title><link>https://contoh.example/</link>
<item><title>Jepang Protes Uji Rudal Korut</title><link>https://contoh.example/1</link>
<guid>kabar-1</guid><pubDate>Tue, 11 Jul 2023 21:30:00 +0700</pubDate>
<description>&lt;p&gt;Tokyo (ANTARA) - Pemerintah Jepang melayangkan protes keras kepada Korea Utara
setelah Pyongyang meluncurkan rudal balistik yang jatuh di perairan zona ekonomi eksklusif Jepang
pada Selasa malam.&lt;/p&gt;&lt;p&gt;Perdana Menteri Jepang mengatakan peluncuran itu tidak dapat
diterima.&lt;/p&gt;</description></item>
<item><title>Seoul Siagakan Militer</title><link>https://contoh.example/2</link>
<pubDate>Wed, 12 Jul 2023 08:00:00 +0700</pubDate>
<description>Korea Selatan menyiagakan militernya di perbatasan.</description></item>
</channel></rss>"""


def _record(**fields):
    base = {"id": "r1", "publisher": "Contoh", "title": "Menlu Bertemu Dubes", "date": "2019-09-18",
            "url": "https://contoh.example/r1", "category": "news",
            "content": "- Menteri Luar Negeri bertemu para duta besar negara sahabat di Jakarta pada Rabu "
                       "untuk membahas situasi di kawasan.,\"Kami ingin kawasan yang damai,\" kata Menlu "
                       "kepada wartawan yang menunggu di luar gedung.,Pertemuan itu berlangsung 1,5 jam."}
    base.update(fields)
    return base


def test_read_text_file_keeps_text_and_derives_id(tmp_path, resources):
    path = tmp_path / "berita_01.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_one(str(path), res=resources)
    assert doc.id == "berita_01"
    assert doc.text == ARTICLE
    assert doc.metadata.source_path == str(path)


def test_read_text_crlf_is_normalised(tmp_path, resources):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_one(str(path), res=resources).text == ARTICLE


def test_read_text_in_memory(resources):
    doc = read_text(ARTICLE, "mem-1", published="2023-07-11", res=resources)
    assert (doc.id, doc.published, doc.text) == ("mem-1", "2023-07-11", ARTICLE)


def test_read_html_keeps_title_date_url(tmp_path, resources):
    path = tmp_path / "halaman.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_one(str(path), res=resources)
    assert doc.text.startswith("Menhan RI Terima Kunjungan Menhan Filipina\n\nJakarta (ANTARA) - ")
    assert "Beranda" not in doc.text and "Hak cipta" not in doc.text
    assert doc.metadata.title == "Menhan RI Terima Kunjungan Menhan Filipina"
    assert doc.metadata.url == "https://contoh.example/berita/menhan-filipina"
    assert doc.published == "2024-03-05"


def test_read_published_option_overrides_source(tmp_path, resources):
    path = tmp_path / "halaman.html"
    path.write_text(HTML, encoding="utf-8")
    assert read_one(str(path), published="2024-03-06", res=resources).published == "2024-03-06"
    with pytest.raises(InputError, match="published"):
        read_one(str(path), published="bukan tanggal", res=resources)


def test_read_jsonl_default_mapping_restores_paragraphs(tmp_path, resources):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(_record()) + "\n", encoding="utf-8")
    doc = read_one(str(path), res=resources)
    assert doc.id == "r1"
    assert doc.published == "2019-09-18"
    assert doc.metadata.outlet == "Contoh" and doc.metadata.url == "https://contoh.example/r1"
    assert doc.metadata.extra == {"category": "news"}
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Menlu Bertemu Dubes"
    assert paragraphs[1].startswith("Menteri Luar Negeri bertemu")  # stripped-dateline dash removed
    assert paragraphs[2].startswith('"Kami ingin kawasan yang damai," kata Menlu')
    assert paragraphs[3] == "Pertemuan itu berlangsung 1,5 jam."


def test_read_jsonl_field_map_option(tmp_path, resources):
    record = {"kode": "x9", "isi_berita": _record()["content"], "tgl": "2020-01-02"}
    path = tmp_path / "lain.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    mapping = parse_field_map(("id=kode", "text=isi_berita", "published=tgl"))
    doc = read_one(str(path), field_map=mapping, res=resources)
    assert (doc.id, doc.published) == ("x9", "2020-01-02")
    assert doc.text.startswith("Menteri Luar Negeri")


@pytest.mark.parametrize("pair", ["text", "teks=content", "text=", "=content"])
def test_read_parse_field_map_rejects(pair):
    with pytest.raises(InputError, match="--field"):
        parse_field_map((pair,))


def test_read_jsonl_bad_lines_become_failures(tmp_path, resources):
    lines = [json.dumps(_record(id="a")), "{rusak", json.dumps({"id": "b", "title": "Tanpa isi"}),
             "", json.dumps(_record(id="c"))]
    path = tmp_path / "campur.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)], res=resources))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Document"]
    assert items[1].error.startswith("line 2: invalid JSON")
    assert items[2].error.startswith("line 3: missing text field") and items[2].doc_id == "b"
    assert [items[0].id, items[3].id] == ["a", "c"]


def test_read_restore_paragraphs_leaves_numbers_and_commas():
    assert restore_paragraphs("Harga naik 1,5 persen, kata dia.") == "Harga naik 1,5 persen, kata dia."
    assert restore_paragraphs("Satu.,,,Dua.") == "Satu.\n\nDua."
    assert restore_paragraphs("Baris satu.\nBaris dua.,X") == "Baris satu.\nBaris dua.,X"


def test_read_feed_entries(tmp_path, resources):
    path = tmp_path / "kabar.xml"
    path.write_text(FEED, encoding="utf-8")
    items = list(iter_documents([str(path)], res=resources))
    assert len(items) == 2 and all(not isinstance(i, Failure) for i in items)
    first = items[0]
    assert first.id == "kabar-1"
    assert first.published == "2023-07-11"  # the outlet's local date, not UTC
    assert first.metadata.url == "https://contoh.example/1"
    assert first.metadata.outlet == "Kabar Dunia"
    assert first.text.startswith("Jepang Protes Uji Rudal Korut\n\nTokyo (ANTARA) - Pemerintah Jepang")
    assert "\n\nPerdana Menteri Jepang" in first.text
    assert items[1].id == "https://contoh.example/2"


def test_read_stdin(monkeypatch, resources):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    doc = read_one("-", res=resources)
    assert doc.text == ARTICLE and doc.id.startswith("stdin-")


def test_read_folder_recursive_with_failures(tmp_path, resources):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "sub" / "kosong.txt").write_text("", encoding="utf-8")
    (tmp_path / "catatan.md").write_text("diabaikan", encoding="utf-8")
    items = list(iter_documents([str(tmp_path)], res=resources))
    assert [getattr(i, "id", None) or i.doc_id for i in items] == ["a", "sub/b", "sub/kosong"]
    assert isinstance(items[2], Failure) and items[2].error == "empty file"


PAGES = {"/berita": ("text/html; charset=utf-8", HTML.encode("utf-8")),
         "/rss": ("application/rss+xml", FEED.encode("utf-8")),
         "/teks": ("text/plain; charset=windows-1252", ARTICLE.encode("cp1252"))}


class _Handler(http.server.BaseHTTPRequestHandler):

    def do_GET(self):
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def _server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_read_url_html_feed_text_and_404(resources):
    with _server() as base:
        doc = read_one(f"{base}/berita", res=resources)
        assert doc.metadata.title == "Menhan RI Terima Kunjungan Menhan Filipina"
        assert doc.id.startswith("url-") and doc.id == read_one(f"{base}/berita", res=resources).id
        entries = list(iter_documents([f"{base}/rss"], res=resources))
        assert [e.id for e in entries] == ["kabar-1", "https://contoh.example/2"]
        assert read_one(f"{base}/teks", res=resources).text == ARTICLE
        with pytest.raises(InputError, match="HTTP 404"):
            read_one(f"{base}/hilang", res=resources)


def test_read_clickid_dump_out_of_the_box(shared_dir, resources):
    path = shared_dir / "data" / "news-clickid" / "clickid_articles.jsonl"
    if not path.is_file():
        pytest.skip("CLICK-ID dump not present")
    doc = read_one(str(path), res=resources)  # the first record, streamed from a 36 MB file
    assert doc.id == "clickid-kompas-00001" and doc.published == "2019-09-10"
    assert doc.metadata.outlet == "Kompas.com" and doc.metadata.url.startswith("https://")
    assert doc.text.startswith(doc.metadata.title + "\n\n")
    assert "Kepulauan Riau.\n\nPenangkapan keduanya" in doc.text
    assert '\n\n"Keduanya diduga sebagai pemasok sabu' in doc.text


def test_read_restore_paragraphs_keeps_comma_before_closing_quote():
    glued = 'Apa salahnya?," kata Rini.,"Kami tetap hadir," ujarnya.'
    assert restore_paragraphs(glued) == 'Apa salahnya?," kata Rini.\n\n"Kami tetap hadir," ujarnya.'
