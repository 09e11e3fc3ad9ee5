"""Bytes a tool wrote whole as escapes of one kind (cleaner/repair/byte_strings.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair import byte_strings as bs
from cleaner.repair.byte_strings import repair

SENTENCES = ["会议纪要", "乌尔巴克齿龙是伤齿龙科恐龙的一属。", "第三季度财务报告_最终版", "北京市朝阳区人民政府"]


def _octal(data: bytes) -> str:
    """git's and GNU ls's escaping: bytes beyond ASCII as three octal digits."""
    return "".join(f"\\{b:03o}" if b >= 0x80 else chr(b) for b in data)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_bytea_hex_string_is_read_whole(sentence):
    for encoding in ("utf-8", "gbk"):
        hexed = "\\x" + sentence.encode(encoding).hex()
        assert repair(f" 7 | {hexed}") == f" 7 | {sentence}"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_octal_escaped_names_are_read_and_their_quotes_go(sentence):
    for encoding in ("utf-8", "gbk"):
        name = _octal(f"{sentence}.md".encode(encoding))
        assert repair(f'\tmodified:   "docs/{name}"') == f"\tmodified:   docs/{sentence}.md"
        assert repair(f"-rw-r--r-- 1 u u 0 $'{name}'") == f"-rw-r--r-- 1 u u 0 {sentence}.md"
        assert repair(f"saved {name} ok") == f"saved {sentence}.md ok"


def test_hex_and_octal_that_read_as_no_text_stay_as_written():
    for text in ("x \\xdeadbeef y", "mode \\xe4b9 ok", "chmod \\755 and \\644", "\\101\\102", "C:\\x20\\x21"):
        assert repair(text) == text


def test_an_unread_hex_string_is_not_read_in_pieces_by_the_escaped_bytes_repair():
    assert Cleaner(to="keep").clean("x \\xdeadbeef y") == "x \\xdeadbeef y"


def test_the_pipeline_records_the_step():
    result = Cleaner(to="keep").run("数据库里这一行的正文是 \\x" + SENTENCES[1].encode().hex())
    assert result.text == "数据库里这一行的正文是 " + SENTENCES[1] and any(s.name == "escaped-byte-strings" for s in result.steps)


def test_a_name_too_short_alone_is_read_in_the_codec_of_the_pages_other_names():
    names = ["第三季度财务报告", "王五", "北京市人民政府办公厅"]
    page = "\n".join(f"-rw-r--r-- 1 u u 0 $'{_octal((n + '.doc').encode('gbk'))}'" for n in names)
    assert repair(page).split("\n") == [f"-rw-r--r-- 1 u u 0 {n}.doc" for n in names]
    alone = f"-rw-r--r-- 1 u u 0 $'{_octal('王五.doc'.encode('gbk'))}'"
    assert repair(alone) == alone  # two characters alone: no encoding says itself


def test_an_octal_run_starts_where_a_names_ascii_does():
    # Tried from inside a stretch of a name's ASCII, the pattern scanned to the stretch's end again
    # from every place: a page with one backslash and a base64 image took seconds (quadratic).
    assert bs._OCTAL_RUN.match("ab\\344\\274", 1) is None
    assert bs._OCTAL_RUN.match("ab\\344\\274", 0).group("run") == "ab\\344\\274"
    assert bs._OCTAL_RUN.match(' "\\344\\274', 1).group("open") == '"'


def test_a_name_before_its_quote_still_loses_the_quotes():
    assert bs.repair('name="\\344\\274\\232\\350\\256\\256.md" x') == "name=会议.md x"
