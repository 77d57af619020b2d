"""Bad input, end to end: every input gives valid Documents or one-line per-document errors.

The inputs are generated into tmp_path (nothing big is committed). Each goes through the reader
(read_one, iter_documents), the whole pipeline (process_many) and the CLI (`warta extract`, and
one `warta ingest` over all of them). A hang fails the test through pytest-timeout, and the
subprocess runs carry their own timeout.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.doc import Document
from warta.errors import InputError
from warta.pipeline import MAX_DOCUMENT_CHARS, Failure
from warta.read import iter_documents, read_one
from warta.stages.sentences import MAX_SENTENCE_TOKENS

pytestmark = pytest.mark.timeout(60)

BODY = ("Presiden menerima kunjungan Perdana Menteri Jepang di Istana Merdeka, Jakarta, pada Senin. "
        "Kedua pemimpin membahas kerja sama ekonomi dan keamanan di kawasan, kata juru bicara istana "
        "kepada wartawan yang menunggu di luar gedung itu.")
WORDS = ("menteri", "luar", "negeri", "mengatakan", "bahwa", "pemerintah", "akan", "terus", "mendukung", "upaya",
         "damai", "di", "kawasan", "itu", "dan")


def _no_punctuation(chars: int) -> bytes:
    rng = random.Random(3)
    words, length = ["Presiden"], 9
    while length < chars + 20:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)[:chars].rstrip().encode()


def _nested_html(depth: int) -> bytes:
    return ("<html><head><title>Uji</title></head><body>" + "<div>" * depth + f"<p>{BODY}</p>"
            + "</div>" * depth + "</body></html>").encode()


def _jsonl_broken() -> bytes:
    lines = [
        json.dumps({"id": "a1", "content": BODY, "date": "2024-03-01"}),
        '{"id": "a2", "content": "tidak ditutup',
        "bukan JSON sama sekali",
        json.dumps([1, 2, 3]),
        json.dumps({"id": "a5", "content": 5}),
        json.dumps({"id": "a6"}),
        "",
        json.dumps({"id": "a7", "content": BODY.replace("Senin", "Selasa"), "date": "bukan tanggal"}),
    ]
    return "\n".join(lines).encode()


def _feed_malformed() -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Warta</title>'
            f"<item><title>Berita satu</title><description>{BODY}</description><link>http://contoh.id/1</link></item>"
            f"<item><title>Dua &amp; <b>rusak</title><description>{BODY}").encode()


def _script_style() -> bytes:
    return (f"<html><head><title>Judul Berita</title><style>p {{color: red}} .iklan {{display: none}}</style>"
            f"<script>var rahasia = 'Presiden mengatakan rahasia'; document.write(rahasia);</script></head>"
            f"<body><article><h1>Judul Berita</h1><p>{BODY}</p><script>alert('xss')</script>"
            f"<p>Menteri Luar Negeri juga hadir dalam pertemuan itu, kata seorang pejabat.</p></article></body></html>"
            ).encode()


QUOTES = ('"Kami siap, kata Presiden. “Ia bilang ‘jangan “menyerah” dulu’ kata dia. ' + BODY
          + ' ”” “ « » „ ‚ \' " "" ’Menteri‘ mengatakan, "damai".')
MIXED = (BODY + " Pejabat 北京 dan موسكو bertemu 🇮🇩🤝🇯🇵 di Tōkyō. Ia berkata «damai» 👨‍👩‍👧 \u200f\u202e "
         "ok e\u0301 Ω \u200b di sana.")

# name -> (bytes factory, expectation). Expectations: ("error", words of the one-line reason);
# ("ok", None): valid Documents only; ("docs", (documents, failures)) for multi-record inputs;
# ("either", None): a valid Document or a one-line error.
CASES = {
    "kosong.txt": (lambda: b"", ("error", "empty file")),
    "spasi.txt": (lambda: b" \n\t \r\n  \n", ("error", "only whitespace")),
    "gambar.txt": (lambda: b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4096), ("error", "binary data")),
    "acak.txt": (lambda: random.Random(2).randbytes(8192), ("error", "binary data")),
    "rusak-utf8.txt": (lambda: BODY.replace("Presiden", "Présiden").encode() + b"\xc3\x28 \xff",
                       ("error", "invalid UTF-8")),
    "cp1252.txt": (lambda: ("“Kami siap,” kata Menteri Keuangan. " + BODY + " Inflasi 5‰ — tinggi.").encode("cp1252"),
                   ("ok", "“Kami siap,”")),
    "latin1.txt": (lambda: ("Menteri bertemu Dubes di Café Olé, kata pejabat. " + BODY + " Suhu 30° ± 2.")
                   .encode("latin-1"), ("ok", "Café Olé")),
    "campur.txt": (lambda: MIXED.encode(), ("ok", "🇮🇩🤝🇯🇵")),
    "besar-50mb.txt": (lambda: (BODY + "\n\n").encode() * (50 * 1024 * 1024 // (len(BODY) + 2) + 1),
                       ("error", "too large")),
    "besar-50mb.jsonl": (lambda: json.dumps({"id": "b", "content": BODY * (50 * 1024 * 1024 // len(BODY))}).encode(),
                         ("error", "larger than 20 MB")),
    "panjang.txt": (lambda: ((BODY + "\n\n") * (MAX_DOCUMENT_CHARS // len(BODY) + 1)).encode(),
                    ("error", "document is too long")),
    "tanpa-titik.txt": (lambda: _no_punctuation(100_000), ("ok", None)),
    "bersarang.html": (lambda: _nested_html(10_000), ("either", None)),
    "skrip.html": (_script_style, ("ok", "Menteri Luar Negeri juga hadir")),
    "kutipan.txt": (lambda: QUOTES.encode(), ("ok", "“menyerah”")),
    "hanya-kutip.txt": (lambda: '"""“““”””‘’ « »'.encode(), ("error", "no words")),
    "rusak.jsonl": (_jsonl_broken, ("docs", (2, 5))),
    "rusak.xml": (_feed_malformed, ("docs", (2, 0))),
    "sampah.rss": (lambda: b"<rss><channel><<<>>> &&& </rss", ("error", "feed has no entries")),
}


def _write(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(CASES[name][0]())
    return path


def _check_document(doc, expected, span_problems):
    assert isinstance(doc, Document)
    assert span_problems(doc) == []
    assert Document.from_json(doc.to_json()) == doc
    if isinstance(expected, str):
        assert expected in doc.text


def _check_one_line(message: str, reason: str | None = None):
    assert message and "\n" not in message.strip() and "Traceback" not in message
    if reason:
        assert reason in message


@pytest.mark.parametrize("name", sorted(CASES))
def test_hardening_bad_input_batch(tmp_path, pipeline, resources, span_problems, name):
    """iter_documents + process_many: Documents with valid spans, or one-line Failures."""
    kind, expected = CASES[name][1]
    path = _write(tmp_path, name)
    items = list(pipeline.process_many(iter_documents([str(path)], res=resources)))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(docs) + len(failures) == len(items) >= 1
    for failure in failures:
        _check_one_line(failure.error)
        assert failure.kind == "input"
    for doc in docs:
        _check_document(doc, expected if kind == "ok" else None, span_problems)
    if kind == "error":
        assert not docs and len(failures) == 1
        _check_one_line(failures[0].error, expected)
    elif kind == "ok":
        assert len(docs) == 1 and not failures
    elif kind == "docs":
        assert (len(docs), len(failures)) == expected
    if name == "tanpa-titik.txt":
        # 100,000 characters with no punctuation: sentences of at most MAX_SENTENCE_TOKENS tokens,
        # so no later stage's per-sentence work grows with the square of the whole text.
        sizes = [s.token_end - s.token_start for s in docs[0].sentences]
        assert len(docs[0].tokens) > 10 * MAX_SENTENCE_TOKENS and max(sizes) == MAX_SENTENCE_TOKENS


@pytest.mark.parametrize("name", sorted(CASES))
def test_hardening_bad_input_read_one(tmp_path, pipeline, resources, span_problems, name):
    """read_one + process: the first Document, or an InputError naming the file, on one line."""
    kind, expected = CASES[name][1]
    path = _write(tmp_path, name)
    try:
        doc = pipeline.process(read_one(str(path), res=resources))
    except InputError as err:
        assert kind in ("error", "either"), f"unexpected error: {err}"
        _check_one_line(str(err), expected)
        assert str(err).startswith((str(path), path.stem))
        return
    assert kind != "error", f"expected an error about {expected!r}"
    _check_document(doc, expected if kind == "ok" else None, span_problems)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hardening_bad_input_cli_extract(tmp_path, span_problems, name):
    """`warta extract`: JSON of a valid Document (exit 0) or one error line (exit 2), no traceback."""
    kind, expected = CASES[name][1]
    path = _write(tmp_path, name)
    result = CliRunner().invoke(main, ["extract", str(path), "--compact"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert kind != "error", f"expected an error about {expected!r}"
        _check_document(Document.from_json(result.output), expected if kind == "ok" else None, span_problems)
    else:
        assert kind in ("error", "either") and result.exit_code == 2
        assert result.output.startswith("warta: error: ") and result.output.count("\n") == 1
        _check_one_line(result.output, expected)


def test_hardening_bad_input_cli_ingest_all(tmp_path):
    """One `warta ingest` over every bad input: exit 0, each failure counted, nothing stops the run."""
    folder = tmp_path / "masukan"
    folder.mkdir()
    for name in CASES:
        _write(folder, name)
    db = tmp_path / "warta.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    summary = result.output.splitlines()[0]
    counts = dict(part.strip().split(" ")[:2] for part in summary.split("(")[0].split(","))
    failures = sum(1 for kind, _ in (c[1] for c in CASES.values()) if kind == "error")
    failures += sum(c[1][1][1] for c in CASES.values() if c[1][0] == "docs")
    assert int(counts["failed"]) >= failures
    assert int(counts["new"]) >= sum(1 for c in CASES.values() if c[1][0] == "ok")


@pytest.mark.parametrize(("name", "data"), [("random", random.Random(5).randbytes(4096)),
                                            ("nul", BODY.encode() + b"\x00" + BODY.encode())])
def test_hardening_bad_input_cli_stdin(name, data):
    result = CliRunner().invoke(main, ["extract", "-"], input=data)
    assert result.exit_code == 2
    assert result.output == "warta: error: <stdin>: binary data, not a text article\n"


def test_hardening_bad_input_subprocess_no_traceback(tmp_path):
    """The real process: bad bytes on stdin exit 2 with one line on stderr, within a time bound."""
    run = subprocess.run([sys.executable, "-m", "warta.cli", "extract", "-"], input=random.Random(9).randbytes(2048),
                         capture_output=True, timeout=60, check=False)
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.decode().count("\n") == 1 and b"Traceback" not in run.stderr


def test_hardening_sentence_cap_cuts_after_a_comma(resources):
    from warta.stages.sentences import _cap_length
    from warta.stages.tokenizer import tokenize

    text = ", ".join(["kata dia"] * 300)
    tokens = tokenize(text, resources.get("abbreviations"))
    pieces = _cap_length(text, tokens, [(0, len(tokens))], limit=50)
    assert all(0 < b - a <= 50 for a, b in pieces)
    assert [a for a, _ in pieces][1:] == [b for _, b in pieces][:-1] and pieces[-1][1] == len(tokens)
    assert all(text[tokens[b - 1][0]] == "," for _, b in pieces[:-1])


def test_hardening_time_budget_stops_between_stages(resources):
    from warta.pipeline import Pipeline
    from warta.read import read_text

    slow = Pipeline(resources=resources, time_budget=0.0)
    docs = [read_text(BODY, "a", res=resources), read_text(BODY + " Ia pulang.", "b", res=resources)]
    items = list(slow.process_many(docs))
    assert [type(i) for i in items] == [Failure, Failure]
    assert items[0].error == f"stopped after stage {slow.names[0]!r}: over the time budget of 0 s per document"
    fresh = read_text(BODY, "c", res=resources)
    assert Pipeline(resources=resources, time_budget=None).process(fresh).stages == slow.names


def test_hardening_document_length_limit(resources):
    from warta.pipeline import Pipeline

    doc = Document("panjang", "kata " * 30)
    with pytest.raises(InputError, match=r"^panjang: document is too long \(150 characters; the limit is 100\)$"):
        Pipeline(resources=resources, max_chars=100).process(doc)
