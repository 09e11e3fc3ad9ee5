"""An emoji out of step whose last byte a GBK decoder lost: the character before it read back."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair import astral_cut


def gbk(text: str, decoder: str = "gbk") -> str:
    return text.encode("utf-8").decode(decoder, "replace")


@pytest.mark.parametrize("post, read, decoders", [
    ("终于下班了😭", "终于下班了\ufffd", ("gbk", "gb18030")),  # at the end of a post
    ("收到了😊 谢谢", "收到了\ufffd 谢谢", ("gbk", "gb18030")),  # before a space
    # GB18030 keeps the second clause's bytes (private-use codes), which gbk loses to guesses.
    ("月亮好圆啊🌕 中秋快乐", "月亮好圆啊\ufffd 中秋快乐", ("gb18030",)),
])
def test_the_character_before_a_cut_emoji_comes_back(post, read, decoders):
    # The emoji's last byte met ASCII or the end: 64 emoji share the three bytes left, so U+FFFD.
    for decoder in decoders:
        _comes_back(post, read, decoder)


def _comes_back(post: str, read: str, decoder: str) -> None:
    result = Cleaner(to="keep").run(gbk(post, decoder))
    assert result.text == read
    assert "utf8-four-byte-char-cut-read-as-gbk" in [s.name for s in result.steps]
    assert Cleaner(to="keep").run(result.text).text == result.text
    assert Cleaner(to="keep", guess_lost=False).run(gbk(post, decoder)).text == read


def test_the_shortest_stretch_that_reads_is_taken():
    # 鍚ю煓 is e5 90 a7 f0 9f 99: 吧 and an emoji's first three bytes; 复试 before it stay.
    assert astral_cut.repair("复试鍚ю煓� 加油") == "复试吧\ufffd 加油"


@pytest.mark.parametrize("text", [
    "价格：�A级品 300元",  # a mark before a letter in clean text
    "今天天气真好，我们去公园�",  # clean Han whose GBK bytes are no UTF-8
    "鍚ю煓",  # no mark: nothing was lost
    "複試吧� 加油",  # the reading would be clean already
])
def test_text_without_the_shape_is_untouched(text):
    assert astral_cut.repair(text) == text
