"""The wrong decoders, as they behave (cleaner/repair/decoders.py)."""

import pytest

from cleaner.repair.decoders import BIG5_FAMILY, DECODERS, GBK_FAMILY, SINGLE_FAMILY, byte_view, encode_char, rejects


@pytest.mark.parametrize(("data", "text"), [
    (b"\x80", "\u20ac"),  # the lone byte 0x80 is the euro sign
    (b"\xaa\xa1", "\ue000"),  # a user-defined pair is a private-use code point
    (b"\xe4\xb8", "涓"),
    (b"\x81\x7f", "\ufffd\x7f"),  # an ASCII second byte is read again on its own
    (b"\x81\xff", "\ufffd"),  # a non-ASCII one is swallowed with the lead: one mark for two bytes
    (b"\xff", "\ufffd"),
    (b"\x81\x30\x81\x30", "\x80"),  # four-byte GB18030
    (b"\x81\x30A", "\ufffd0A"),
    (b"\xe4", "\ufffd"),  # a lead at the end
])
def test_whatwg_gbk(data, text):
    assert DECODERS["whatwg-gbk"].decode(data) == text


@pytest.mark.parametrize(("data", "text"), [
    (b"\xa4\x40", "一"),
    (b"\x88\x62", "\u00ca\u0304"),  # one of the four HKSCS codes that are two code points
    (b"\xa4\x20", "\ufffd "),
    (b"\xa4\x80", "\ufffd"),  # 80 is no trail: swallowed, one mark
    (b"\x80", "\ufffd"),
])
def test_whatwg_big5(data, text):
    assert DECODERS["whatwg-big5"].decode(data) == text


def test_whatwg_ignore_drops_the_marks():
    assert DECODERS["whatwg-gbk"].decode(b"a\xffb", "ignore") == "ab"
    with pytest.raises(UnicodeDecodeError):
        DECODERS["whatwg-big5"].decode(b"\x80", "strict")


def test_python_codecs_replace_one_byte_a_mark():
    # What the byte view assumes of Python's CJK codecs: a rejected lead is one U+FFFD, and the
    # byte after it is read again.
    assert DECODERS["gbk"].decode(b"\x81\xff") == "\ufffd\ufffd"
    assert DECODERS["big5"].decode(b"\x88\x62") == "\ufffdb"


@pytest.mark.parametrize("name", list(DECODERS))
def test_byte_view_gives_back_the_bytes_read(name):
    data = "他说：发展是硬道理，手机。".encode("utf-8")
    decoder = DECODERS[name]
    text = decoder.decode(data)
    stream, ends = byte_view(text, decoder.family)
    assert len(ends) == len(text)
    # Every known byte is the page's byte at its place when no mark swallowed two bytes.
    if "\ufffd" not in text:
        assert bytes(stream) == data


def test_encode_char_per_family():
    assert encode_char("\u20ac", GBK_FAMILY) == b"\x80"
    assert encode_char("\ue000", GBK_FAMILY) == b"\xaa\xa1"
    assert encode_char("一", BIG5_FAMILY) == b"\xa4\x40"
    assert encode_char("å", SINGLE_FAMILY) == b"\xe5"
    assert encode_char("中", SINGLE_FAMILY) is None


def test_rejects():
    assert rejects(GBK_FAMILY, 0xE4, 0x41) is False  # e4 41 is a GBK character
    assert rejects(GBK_FAMILY, 0xE4, 0x20)
    assert rejects(GBK_FAMILY, 0x80, 0xA1)
    assert rejects(SINGLE_FAMILY, 0x81, None) and not rejects(SINGLE_FAMILY, 0xE4, None)
