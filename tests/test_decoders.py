"""The byte view of each family of wrong decoders (cleaner/repair/decoders.py)."""

import pytest

from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, SINGLE_FAMILY, byte_view, encode_char, rejects
from wrong_decoders import DECODERS


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
