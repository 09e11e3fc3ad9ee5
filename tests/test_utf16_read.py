"""A page of UTF-8 read as UTF-16 (cleaner/repair/utf16_read.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair.utf16_read import repair

PAGE = ("香港羽毛球公开赛，官方名称为「香港公开羽毛球锦标赛」，是从1982年开始一年一度在香港举行的羽毛球比赛，"
        "但不是每年都有比赛。本赛事由世界羽毛球联会（BWF）认可，香港羽毛球总会主办。\n"
        "臺北市是中華民國的首都，位於臺灣北部的臺北盆地，人口約二百五十萬人。")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_page_read_as_utf16_comes_back_whole(codec):
    misread = PAGE.encode("utf-8").decode(codec)
    assert repair(misread) == PAGE
    result = Cleaner(to="keep").run(misread)
    assert result.text == Cleaner(to="keep").clean(PAGE)
    assert any(step.name == "utf8-read-as-utf16" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text  # read first: the later stages see it once


def test_an_odd_last_byte_is_lost_and_the_rest_comes_back():
    data = PAGE.encode("utf-8") + b"\xe4"
    misread = data.decode("utf-16-le", errors="replace")
    assert repair(misread).startswith(PAGE)


@pytest.mark.parametrize("text", [
    PAGE,
    "서울은 대한민국의 수도이며 최대 도시이다. 한강이 도시를 가로질러 흐르고 인구는 약 천만 명이다. 조선 시대부터 수도였다.",
    "東京都は日本の首都であり、人口は約千四百万人である。江戸時代から政治と経済の中心として発展してきた都市である。",
    "\ue000\ue001\ue002" * 10,
])
def test_clean_text_is_not_read_as_utf16(text):
    assert repair(text) == text


def test_a_character_cut_at_the_end_is_lost_but_not_one_in_the_middle():
    data = PAGE.encode("utf-8")
    assert repair(data[:-2].decode("utf-16-le", errors="replace")).startswith(PAGE[:-1])
    broken = (data[:100] + b"\xff\xfe" + data[100:]).decode("utf-16-le", errors="replace")
    assert repair(broken) == broken


def test_a_mark_the_page_itself_held_is_read_back_with_it():
    # ef bf bd is UTF-8 like any other character: only the bytes UTF-8 rejects stop the reading
    # (review19 F7: a damaged page holding one U+FFFD was left misread).
    page = "香港羽毛球公开赛是从1982年开始一年一度在香港举行的羽毛球比赛\ufffd但不是每年都有比赛本赛事由世界羽毛球联会认可"
    data = page.encode()
    data += b" " * (len(data) % 2)
    assert repair(data.decode("utf-16-le")).rstrip() == page


# UTF-16 shown one byte a character (read as Latin-1 or cp1252): utf16_read.latin1_repair.
ARTICLE = ("国家统计局今天发布数据，一季度国内生产总值同比增长5.3%，比上年四季度加快0.1个百分点。\n"
           "分产业看，第一产业增加值增长3.3%，第二产业增长6%，第三产业增长5%。")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("shown_as", ["latin-1", "cp1252"])
def test_utf16_shown_one_byte_a_character_comes_back(codec, shown_as):
    from cleaner.repair.utf16_read import latin1_repair

    misread = ARTICLE.encode(codec).decode(shown_as, errors="ignore" if shown_as == "cp1252" else "strict")
    if shown_as == "cp1252" and len(misread) != len(ARTICLE.encode(codec)):
        # cp1252 leaves five bytes undefined; a tool shows them as the C1 controls Latin-1 has
        misread = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in ARTICLE.encode(codec))
    assert latin1_repair(misread) == ARTICLE


def test_the_pipeline_reads_it_before_its_line_feeds_and_nuls_are_taken():
    misread = ARTICLE.encode("utf-16").decode("latin-1")
    result = Cleaner(to="keep").run(misread)
    assert result.text == Cleaner(to="keep").clean(ARTICLE)
    assert any(step.name == "utf16-read-as-latin1" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


@pytest.mark.parametrize("text", [
    "The quick brown fox jumps over the lazy dog, again and again, until the sun goes down.",
    "Ã¤Â¸Â­Ã¦â€“â€¡ is UTF-8 read as cp1252 twice, and Ã©Â€Â™ too, not UTF-16 at all.",
    "Café, naïve, façade, résumé, Ångström, Øresund, straße: Latin-1 letters in prose.",
])
def test_latin_text_is_not_read_as_utf16(text):
    from cleaner.repair.utf16_read import latin1_repair

    assert latin1_repair(text) == text


def test_utf16_shown_as_latin1_quoting_other_scripts_comes_back():
    from cleaner.repair.utf16_read import latin1_repair

    text = ("东京大学的研究团队（東京大学・医学部）发表了论文，首尔的同行（서울대학교）也参与了合作。"
            "他用俄语说了一句“Спасибо большое”，又用希腊语写下 αβγ 和公式。")
    assert latin1_repair(text.encode("utf-16-le").decode("latin-1")) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_lines_read_one_at_a_time_come_back_each_with_its_odd_last_byte_lost(codec):
    # A page read a line at a time: each line break stays a character of its own (no unit), and a
    # line of odd length ends in one U+FFFD for its last byte (the last character is lost).
    first, second = PAGE.split("\n")
    lines = [second, first, second + "。"]
    assert [len(line.encode()) % 2 for line in lines] == [0, 1, 1]
    misread = "\n".join(line.encode().decode(codec, "replace") for line in lines)
    read = repair(misread).split("\n")
    assert read[0] == lines[0]
    assert read[1:] == [line[:-1] + "\ufffd" for line in lines[1:]]


def test_a_line_read_as_utf16_among_clean_lines_comes_back():
    line = PAGE.split("\n")[1]
    page = "\n".join(["东京大学的研究团队发表了论文。", line.encode().decode("utf-16-le"), "首尔的同行也参与了合作。"])
    assert repair(page) == "\n".join(["东京大学的研究团队发表了论文。", line, "首尔的同行也参与了合作。"])
