"""Bytes to text: refuse binary data, decode UTF-8 (with or without BOM), UTF-16 with a BOM,
or a legacy single-byte encoding (cp1252, latin-1) chosen by charset-normalizer."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Inputs larger than this are refused before they are read: no news article comes close, and
# reading a stray dump whole would stall a batch.
MAX_INPUT_BYTES = 20 * 1024 * 1024

_SNIFF = 8192
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A well-formed UTF-8 multi-byte sequence: their presence means the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
LEGACY_ENCODINGS = ("cp1252", "latin_1")


def too_large_message(size: int) -> str:
    return f"file is too large ({size / 1_048_576:.1f} MB; the limit is {MAX_INPUT_BYTES // 1_048_576} MB)"


def check_binary(data: bytes) -> None:
    """Raise InputError when ``data`` is not text."""
    head = data[:_SNIFF]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"binary data ({what}), not a text article")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(4, len(head) // 50):
        raise InputError("binary data, not a text article")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises InputError for binary data or broken UTF-8."""
    check_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf_8"), "utf_8_sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf_16"), "utf_16"
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError as err:
        if _UTF8_MULTIBYTE.search(data):
            # Mostly UTF-8 with broken bytes: guessing another encoding would garble the good part.
            raise InputError(f"invalid UTF-8 (byte {err.start}) in a file that is otherwise UTF-8") from None
    encoding = _guess_legacy(data)
    return data.decode(encoding), encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"invalid {encoding.replace('_', '-').upper()} (byte {err.start})") from None


def _guess_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None and best.encoding in LEGACY_ENCODINGS:
        return best.encoding
    try:  # cp1252 leaves five bytes undefined; latin-1 decodes anything
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin_1"
