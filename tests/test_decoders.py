"""The byte view of each family of wrong decoders (cleaner/repair/decoders.py)."""

import pytest

from cleaner.repair import decoders
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, SINGLE_FAMILY, byte_view, encode_char, native_codes
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


def rejects(family, first, second):
    return native_codes().rejects(family, first, second)


def test_rejects():
    assert rejects(GBK_FAMILY, 0xE4, 0x41) is False  # e4 41 is a GBK character
    assert rejects(GBK_FAMILY, 0xE4, 0x20)
    assert rejects(GBK_FAMILY, 0x80, 0xA1)
    assert rejects(SINGLE_FAMILY, 0x81, None) and not rejects(SINGLE_FAMILY, 0xE4, None)


# --- the native byte view and rejected pairs against the Python originals ---------------------

import reference_decoders  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402

from cleaner.repair.decoders import FAMILIES, native_codes  # noqa: E402


@SETTINGS
@given(text=st.one_of(text_inputs, st.text(st.characters(min_codepoint=0x20000, max_codepoint=0x10FFFF, exclude_categories=("Cs",)), max_size=5)),
       family=st.sampled_from(FAMILIES))
def test_native_byte_view_is_the_reference(text, family):
    assert byte_view(text, family) == reference_decoders.byte_view(text, family)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_code_point_has_the_reference_code(family):
    # The whole BMP, plane 2 (Big5-HKSCS) and a sample of the rest (GB18030's computed codes).
    codes = native_codes()
    points = [*range(0xD800), *range(0xE000, 0x10000), *range(0x20000, 0x30000), *range(0x30000, 0x110000, 97)]
    for c in points:
        assert codes.encode(chr(c), family) == encode_char(chr(c), family), hex(c)


def test_every_pair_is_rejected_as_the_reference_says():
    for family in FAMILIES:
        for first in range(0x100):
            for second in (None, *range(0x100)):
                assert rejects(family, first, second) == reference_decoders.rejects(family, first, second), (family, first, second)


def test_a_stray_surrogate_ends_the_view():
    stream, ends = byte_view("国\ud800国", GBK_FAMILY)
    assert stream == list("国".encode("gbk")) and ends == [2]


def test_a_browsers_euro_is_read_as_the_bytes_its_neighbours_utf8_needs():
    # A browser's gbk gives € for the lone byte 80 and for GB18030's pair a2 e3. 閻€劌 is e9 90,
    # then a2 e3, then 84 a5 (鐢ㄥ, UTF-8 of the layer under); 涓€浣 is e4 b8, 80, then e4 bd.
    assert decoders.euros_read("閻€劌") == "閻\ufdd0劌"
    assert decoders.euros_read("涓€浣") == "涓€浣"
    assert decoders.euros_read("价格€5") == "价格€5"  # no UTF-8 either way: the lone byte stays
    # 院。 is e9 99 a2 e3 80 82: the pair, then the lone byte.
    assert decoders.euros_read("闄€€傝") == "闄\ufdd0€傝"
