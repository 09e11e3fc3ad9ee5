"""Decoding bytes with holes (cleaner/holes.py): double-encoded text that lost bytes."""

import pytest

from cleaner import holes
from cleaner.convert import fold
from cleaner.mojibake import fix_utf8_as_gbk
from conftest import FIXTURES
from damage import naive_s2t

SEED_EXPECTED = sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt"))


def misread(text: str, source: str) -> str:
    return text.encode(source).decode("gbk", errors="replace")


def test_hole_is_one_byte_and_keeps_order():
    stream, ends = holes.byte_view("宸\ufffd")
    assert stream == [0xE5, 0xB7, None] and ends == [2, 3]


def test_hole_byte_must_make_a_pair_gbk_rejects():
    # 0x80 is never a GBK lead; 0xB0 0xA1 is 啊, so 0xB0 before 0xA1 cannot have been lost.
    assert holes.gbk_rejects(0x80, 0xA1)
    assert not holes.gbk_rejects(0xB0, 0xA1)


@pytest.mark.parametrize(
    "sentence",
    [
        "国家卫生健康委员会表示，将继续深化医药卫生体制改革。",
        "海关总署新闻发言人表示，当前外部环境依然复杂严峻。",
    ],
)
def test_utf8_line_with_lost_bytes_comes_back(sentence):
    broken = misread(sentence, "utf-8")
    assert "\ufffd" in broken  # the test must exercise lost bytes
    assert fix_utf8_as_gbk(broken)[0] == sentence


# Where a byte is lost the character is a guess from context; on whole articles the share of
# wrong guesses must stay small. Thresholds are wrong characters per 1,000 misread characters
# (measured when written: UTF-8 3.8, Big5 34 - Big5 loses far more bytes to GBK's gaps).
@pytest.mark.parametrize("source,per_mille", [("utf-8", 5), ("big5", 40)])
def test_misread_articles_come_back(source, per_mille):
    from test_repair import errors

    wrong = total = 0
    for path in sorted((FIXTURES / "clean").glob("*.txt")) + SEED_EXPECTED:
        for line in path.read_text(encoding="utf-8").splitlines():
            original = naive_s2t(line) if source == "big5" else line
            fixed = fold(fix_utf8_as_gbk(misread(original, source))[0])
            wrong += errors(fixed, fold(original))
            total += len(line)
    assert 1000 * wrong / total <= per_mille


def test_two_lost_bytes_at_paragraph_end_read_as_full_stop():
    broken = misread("推动数字化转型。", "utf-8")
    assert broken.endswith("\ufffd\ufffd")
    assert fix_utf8_as_gbk(broken)[0] == "推动数字化转型。"


def test_pinyin_words_are_not_runs():
    text = "調(diào)研，Café 與 naïve"
    assert fix_utf8_as_gbk(text)[0] == text
