"""Bad input: one-line errors naming the file, non-zero exit for `warta extract`, batches go on."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.errors import InputError
from warta.pipeline import Failure
from warta.read import MAX_INPUT_BYTES, iter_documents, read_one
from warta.read.encoding import decode_bytes

INDONESIAN = ("Presiden menerima kunjungan Perdana Menteri Jepang di Istana Merdeka pada Senin. "
              "Kedua pemimpin membahas kerja sama ekonomi dan keamanan di kawasan, kata juru bicara "
              "istana kepada wartawan yang menunggu di luar gedung itu.")
ENGLISH = ("The president received the Japanese prime minister at the palace on Monday. The two "
           "leaders discussed economic and security cooperation in the region, a palace spokesman "
           "told reporters who were waiting outside the building for the meeting to end.")


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


BAD_INPUTS = [
    ("kosong.txt", b"", "empty file"),
    ("spasi.txt", b"  \n\t\n  ", "only whitespace"),
    ("gambar.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("acak.bin.txt", bytes(range(256)) * 8, "binary"),
    ("rusak.txt", INDONESIAN.encode("utf-8").replace(b"Presiden", "Présiden".encode()) + b"\xff\xfe",
     "invalid UTF-8"),
    ("inggris.txt", ENGLISH.encode("utf-8"), "does not look Indonesian"),
    ("kosong.html", b"<html><head><title>Judul</title></head><body></body></html>", "no article text"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS)
def test_read_bad_input_raises_one_line_error(tmp_path, resources, name, data, reason):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_one(str(path), res=resources)
    message = str(info.value)
    assert reason in message
    assert message.startswith(str(path))
    assert "\n" not in message


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS)
def test_read_bad_input_cli_exits_nonzero_without_traceback(tmp_path, name, data, reason):
    path = _write(tmp_path, name, data)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and reason in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_read_bad_input_oversized_file_refused_without_reading(tmp_path, resources):
    path = tmp_path / "besar.txt"
    with open(path, "wb") as handle:  # sparse: costs no disk and no reading
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"too large \(50\.0 MB; the limit is 20 MB\)"):
        read_one(str(path), res=resources)
    assert MAX_INPUT_BYTES == 20 * 1024 * 1024


def test_read_bad_input_missing_file(resources, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_one(str(tmp_path / "tidak-ada.txt"), res=resources)


def test_read_bad_input_batch_goes_on(tmp_path, resources):
    good = _write(tmp_path, "a_baik.txt", INDONESIAN)
    for name, data, _ in BAD_INPUTS:
        _write(tmp_path, name, data)
    items = list(iter_documents([str(tmp_path), str(tmp_path / "hilang.txt"), str(good)], res=resources))
    failures = [i for i in items if isinstance(i, Failure)]
    docs = [i for i in items if not isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a_baik", "a_baik"]
    assert len(failures) == len(BAD_INPUTS) + 1
    assert all(f.kind == "input" and "\n" not in f.error for f in failures)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_read_encodings_decode(encoding):
    text = "Menlu “Retno” bertemu Dubes Prancis di kafe Café Olé pada Senin."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_read_encodings_cp1252_file(tmp_path, resources):
    text = INDONESIAN.replace("Presiden", "“Presiden”")
    path = _write(tmp_path, "lama.txt", text.encode("cp1252"))
    assert read_one(str(path), res=resources).text == text
