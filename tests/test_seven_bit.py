"""Chinese in a 7-bit encoding handed over as ASCII (cleaner/repair/seven_bit.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair.seven_bit import repair

ARTICLE = ("国家统计局今天发布数据，一季度国内生产总值同比增长5.3%，比上年四季度加快0.1个百分点。\n"
           "分产业看，第一产业增加值增长3.3%，第二产业增长6%，第三产业增长5%。")
KOREAN = "서울은 대한민국의 수도이며 최대 도시이다. 한강이 도시를 가로질러 흐른다."


@pytest.mark.parametrize("codec", ["hz", "utf-7", "iso2022_jp_2", "iso2022_cn"])
def test_an_article_in_a_7bit_encoding_comes_back(codec):
    if codec == "iso2022_cn":  # Python has no encoder: RFC 1922's form, one designation a line
        lines = []
        for line in ARTICLE.split("\n"):
            out = ""
            for ch in line:
                out += (ch if ch.isascii() else "\x1b$)A\x0e" + bytes(b & 0x7F for b in ch.encode("gb2312")).decode()
                        + "\x0f")
            lines.append(out)
        encoded = "\n".join(lines)
    else:
        encoded = ARTICLE.encode(codec).decode("ascii")
    assert encoded.isascii()
    assert repair(encoded) == ARTICLE


def test_iso2022_kr_comes_back():
    encoded = KOREAN.encode("iso2022_kr").decode("ascii")
    assert repair(encoded) == KOREAN


def test_hz_among_clean_lines_and_its_own_escapes():
    first, second = ARTICLE.split("\n")
    hz = second.encode("hz").decode("ascii")
    assert repair(f"{first}\n{hz} ~~ 1~~2") == f"{first}\n{second} ~ 1~2"


@pytest.mark.parametrize("clean", [
    "模板语法：~{name~} 表示变量，~{~} 表示空。",  # HZ-like, reads as nothing
    "C++ 和 C# 都是语言，+ABC- 是一个标记，价格 +5-10 元。",  # UTF-7-like prose
    "温度+-5度，误差+-0.1。",
    "按位取反：x = ~{a, b}; 在这里无效。",
    "没有任何编码的普通中文句子。",
])
def test_tildes_and_plus_signs_of_text_stay(clean):
    assert repair(clean) == clean


def test_random_letter_pairs_in_braces_are_no_hz():
    # Two ASCII letters read as GB2312 are a Han character almost always: only the model tells
    text = "说明：~{abcdefghijklmnop~} 与 ~{qrstuvwxyzABCDEF~} 是占位符。"
    assert repair(text) == text


def test_the_pipeline_reads_iso2022_before_its_escapes_are_taken_as_invisible():
    encoded = ARTICLE.encode("iso2022_jp_2").decode("ascii")
    result = Cleaner(to="keep").run(encoded)
    assert result.text == Cleaner(to="keep").clean(ARTICLE)
    assert any(step.name == "seven-bit-encodings" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


# Judged by the Han they read as: quoted kana, hangul and Cyrillic are no Chinese for the model.
MIXED = ("他们说今天的会议改在铜锣湾那间餐厅举行，东京的朋友（東京の友達，도쿄 친구）也会来参加，"
         "他还用俄语说了一句“Спасибо”。")


@pytest.mark.parametrize("codec", ["utf-7", "hz"])
def test_quoted_scripts_come_back(codec):
    text = MIXED.encode("gb2312", "replace").decode("gb2312") if codec == "hz" else MIXED  # HZ is GB2312
    assert repair(text.encode(codec).decode("ascii")) == text
