"""The simulated wrong decoders behave as the real ones do (tests/wrong_decoders.py)."""

import pytest

from wrong_decoders import DECODERS


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
