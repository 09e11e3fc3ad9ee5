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
