"""The simulated wrong decoders behave as the real ones do (tests/wrong_decoders.py)."""

import pytest

from wrong_decoders import DECODERS
from wrong_decoders import INVISIBLE_DELETIONS
from wrong_decoders import MATRIX_DECODERS as DECODERS_ALL


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


# --- glibc iconv -c -f GBK, against the iconv program when the machine has it ------------------

import shutil  # noqa: E402
import subprocess  # noqa: E402

_ICONV = shutil.which("iconv")
needs_iconv = pytest.mark.skipif(_ICONV is None, reason="no iconv program")


def _iconv_c(data: bytes) -> str:
    done = subprocess.run([_ICONV, "-c", "-f", "GBK", "-t", "UTF-8"], input=data, capture_output=True, check=False)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(("data", "text"), [
    (b"\x80", "\u20ac"),  # the lone byte 0x80 is the euro sign
    (b"\xe4\xb8\xaa\xe4\xb8\xad", "涓腑"),  # UTF-8 个中: the unmapped pair aa e4 goes whole
    (b"\xaa\xa1", ""),  # a user-defined pair: no character, both bytes gone
    (b"\xa1\x40", ""),  # a trail in 40-7e is swallowed too, though ASCII
    (b"\xe4\x31", "1"),  # a byte below 40 is never a trail: the lead goes alone
    (b"\xe4", ""),  # a lead at the end
    (b"\xfe\xa1\xb0\xa1", "“"),  # fe before a byte past a0: the lead goes alone
])
def test_glibc_gbk(data, text):
    assert DECODERS["iconv-gbk"].decode(data, "ignore") == text


@needs_iconv
def test_glibc_gbk_is_the_iconv_program_on_every_pair():
    # Every lead and second byte, each pair on its own line (a newline is never a trail, so each
    # line is read apart from the others).
    data = b"".join(bytes((lead, trail, 0x0A)) for lead in range(0x80, 0x100) for trail in range(0x100) if trail != 0x0A)
    assert DECODERS["iconv-gbk"].decode(data, "ignore") == _iconv_c(data)


@needs_iconv
def test_glibc_gbk_is_the_iconv_program_on_utf8_text():
    # UTF-8 of Chinese text with signs, digits and Latin, and random bytes: the pairs out of step
    # that UTF-8 makes, and how a dropped pair takes the next lead with it.
    import random

    rng = random.Random(16)
    pool = "一个中国人的在是了我不有这他们，。、“”：；！？（）《》年月日123 abcé—…·％℃①"
    for _ in range(200):
        for data in ("".join(rng.choice(pool) for _ in range(rng.randint(1, 40))).encode("utf-8"),
                     bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))):
            line = data.replace(b"\n", b"")
            assert DECODERS["iconv-gbk"].decode(line, "ignore") == _iconv_c(line), line.hex(" ")


def test_whatwg_1252_is_cp1252_with_its_undefined_bytes_c1_controls():
    """The Encoding Standard's windows-1252 index: cp1252, and 81 8d 8f 90 9d as U+0081 ... U+009D."""
    dec = DECODERS_ALL["whatwg-1252"]
    for b in range(256):
        want = bytes((b,)).decode("cp1252", errors="ignore") or chr(b)
        assert dec.decode(bytes((b,))) == want
    assert dec.lossless


@pytest.mark.parametrize(("decoder", "errors"), [("cp1252", "shy-deleted"), ("latin-1", "c1-deleted"),
                                                 ("whatwg-1252", "invisible-deleted")])
def test_a_deleted_invisible_byte_is_a_rejected_span_of_its_own(decoder, errors):
    """What a later tool deleted is what the cell loses: the bytes outside the spans read, in order."""
    dec = DECODERS_ALL[decoder]
    data = "中国的学校，参观。".encode() + bytes(range(0x80, 0x100))
    _, spans = dec.tokens(data, errors)
    lost = {i for a, e in spans for i in range(a, e)}
    kept = "".join(dec.decode(data[i : i + 1]) for i in range(len(data)) if i not in lost)
    assert dec.decode(data, errors).replace("\ufffd", "") == kept  # cp1252's marks are rejected spans too
    gone = INVISIBLE_DELETIONS[errors]
    assert {i for i in lost if dec.decode(data[i : i + 1]) != "\ufffd"} == {
        i for i in range(len(data)) if dec.decode(data[i : i + 1]) in gone}


def test_each_programs_marks_follow_its_grammar():
    # 年12 in UTF-8 is e5 b9 b4 31 32: GBK pairs e5 b9 (骞) and rejects the lead b4 before "1".
    # Python's and ICU's grammar marks b4 and reads "1" again; Windows' takes "1" with it.
    from wrong_decoders import DECODERS

    data = "年12".encode("utf-8")
    gbk = DECODERS["gbk"]
    assert gbk.decode(data, "replace") == "骞\ufffd12"
    assert gbk.decode(data, "icu-sub") == "骞\x1a12"
    assert gbk.decode(data, "win32") == "骞\u30fb2"
    assert gbk.decode(data, "excel-csv") == "骞\u00b72"
    assert gbk.decode(data, "dotnet") == "骞?2"
    assert gbk.decode(data, "surrogateescape") == "骞\\udcb412"


@pytest.mark.parametrize(("name", "data", "text"), [
    # A lead whose pair is unassigned: one mark, its second byte with it unless ASCII (Python's
    # cp932 and cp949 read a non-ASCII second byte again on its own).
    ("whatwg-shift_jis", b"\x85\x40", "\ufffd@"),
    ("whatwg-shift_jis", b"\x85\xe4\xb8\xad", "\ufffd\uff78\uff6d"),
    ("whatwg-shift_jis", b"\xb8\x80", "\uff78\x80"),  # a1-df: halfwidth katakana; 80 alone is U+0080
    ("whatwg-euc-kr", b"\xc9\xa1\xb0\xa1", "\ufffd\uac00"),
    ("whatwg-euc-kr", b"\x81\x20", "\ufffd "),
    ("whatwg-euc-jp", b"\xa1\x80\xa4\xa2", "\ufffd\u3042"),  # 80 is no trail: taken with the lead
    ("whatwg-euc-jp", b"\x8e\xb8", "\uff78"),
    ("whatwg-euc-jp", b"\x90", "\ufffd"),
])
def test_browser_japanese_and_korean_decoders_follow_the_standard(name, data, text):
    assert DECODERS_ALL[name].decode(data) == text


def test_python_and_the_browser_differ_where_a_mark_takes_two_bytes():
    data = "中文".encode()  # e4 b8 ad e6 96 87: 96 87 is no EUC-JP pair, and 87 no ASCII
    assert data.decode("euc_jp", "replace").count("\ufffd") > DECODERS_ALL["whatwg-euc-jp"].decode(data).count("\ufffd")
