"""Decoding files of unknown encoding (cleaner/io/decode.py)."""

import codecs

import pytest

from cleaner.io.decode import NotText, decode

SIMPLIFIED = "工信部：推动工业互联网加快发展，2020年目标明确。"
TRADITIONAL = "工信部與浙江省人民政府共同打造出了工業互聯網平臺體系，國務院"


@pytest.mark.parametrize(
    "text,codec",
    [
        (SIMPLIFIED, "gb2312"),
        (SIMPLIFIED, "gbk"),
        (TRADITIONAL, "gbk"),
        (SIMPLIFIED + "𠀀", "gb18030"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "big5hkscs"),
        (SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED, "utf-16"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "utf-32"),
        (SIMPLIFIED, "utf-8"),
    ],
)
def test_encodings_decode(text, codec):
    assert decode(text.encode(codec)) == text


def test_binary_is_rejected():
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 4)


def test_png_header_is_rejected():
    with pytest.raises(NotText):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100)


def test_empty_is_empty_text():
    assert decode(b"") == ""


def test_bom_is_removed():
    assert decode(codecs.BOM_UTF8 + "中".encode()) == "中"
