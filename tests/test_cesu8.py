"""CESU-8 surrogate pairs read as the characters they stand for (cleaner/io/cesu8.py)."""

from cleaner import Cleaner
from cleaner.io import cesu8
from cleaner.io.decode import decode_with_findings


def _cesu8(text: str) -> bytes:
    halves = []
    for ch in text:
        v = ord(ch) - 0x10000
        halves.append(ch if v < 0 else chr(0xD800 + (v >> 10)) + chr(0xDC00 + (v & 0x3FF)))
    return "".join(halves).encode("utf-8", "surrogatepass")


def test_a_pair_becomes_the_four_bytes_of_its_character():
    data = _cesu8("开心😀，𩸽鱼")
    fixed, n = cesu8.rejoin(data)
    assert n == 2 and fixed == "开心😀，𩸽鱼".encode("utf-8")


def test_a_lone_half_is_no_pair():
    data = "a\ud83d".encode("utf-8", "surrogatepass") + "b".encode()
    assert cesu8.rejoin(data) == (data, 0)


def test_decoding_reads_the_pairs_and_says_so():
    decoded = decode_with_findings(_cesu8("今天很开心😀，吃了𩸽鱼。"))
    assert decoded.text == "今天很开心😀，吃了𩸽鱼。"
    assert [f.kind for f in decoded.findings] == ["cesu-8"] and decoded.findings[0].count == 2


def test_clean_bytes_of_a_cesu8_file():
    result = Cleaner(to="keep").run_bytes(_cesu8("今天很开心😀，吃了𩸽鱼。"))
    assert result.text == "今天很开心😀，吃了𩸽鱼。"


def test_the_same_bytes_in_a_legacy_file_are_its_characters():
    """GBK's 頎绊啊 and Big5's 瞴堅陛 are the bytes of a surrogate pair (ed a1 b0 ed b0 a1):
    a file in those codes is no CESU-8, and its text comes through whole (review33r: made four
    bytes, they cut the characters after them, 頎绊啊， read as 饻�。�)."""
    for text, codec in (("他的头颅低垂，頎绊啊，这是一段普通的中文文本。\n", "gbk"),
                        ("瞴堅陛，這是一段普通的中文文本，用來檢查解碼器。\n", "big5")):
        data = (text * 3).encode(codec)
        assert cesu8.rejoin(data)[1] > 0  # the shape is there
        decoded = decode_with_findings(data)
        assert decoded.text == text * 3
        assert "cesu-8" not in [f.kind for f in decoded.findings]


def test_a_pair_is_read_in_a_file_broken_elsewhere():
    data = _cesu8("今天很开心😀，吃了鱼。\n") + "第二行".encode("utf-8")[:-1] + b"\n"
    assert "😀" in decode_with_findings(data).text
    assert cesu8.rejoin_lines(data)[1] == 1
