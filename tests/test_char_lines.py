"""char_lines.py: a vertical PDF's copy, one character a line, joined back into lines."""

import pytest

from cleaner import Cleaner
from cleaner.char_lines import RUN_MIN, join

PARAS = ["这座桥始建于1578年，后来在2007年重修，全长约120米。", "他在北京大学读完了研究生，之后回到家乡教书。"]


def _column(paras):
    return "\n\n".join("\n".join(p) for p in paras)


def test_each_paragraph_becomes_one_line_and_nothing_is_lost():
    assert join(_column(PARAS)) == "\n\n".join(PARAS)


def test_the_cleaner_keeps_every_digit_of_a_year_and_records_the_join():
    # Long enough for the furniture model's page numbers (a lone digit a page apart).
    paras = PARAS * 6
    result = Cleaner(to="keep").run(_column(paras))
    assert result.text == "\n".join(paras)
    assert any(s.name == "one-character-lines" for s in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_a_run_cut_before_its_clause_mark_joins_where_the_page_holds_one():
    title = "上海美特斯邦威服饰股份有限公司"
    assert join(_column([title] + PARAS)) == "\n\n".join([title] + PARAS)


def test_a_list_of_single_characters_under_its_own_heading_stays_beside_a_column():
    listed = "汉字数字：\n\n" + "\n".join("一二三四五六七八九十") + "\n\n下面是竖排的原文：\n\n"
    assert join(listed + _column(PARAS)) == listed + "\n\n".join(PARAS)


def test_every_run_of_a_long_page_joins():
    paras = PARAS * 2000
    assert join(_column(paras)) == "\n\n".join(paras)


@pytest.mark.parametrize("text", [
    "\n".join("甲乙丙丁戊己") + "\n\n正文。",  # a short list of single characters
    "\n".join("ABCDEFGHIJKL，"),  # letters, not Chinese
    "\n".join("环境的带领肢体的劝告行动的动机") + "\n│\n│\n↓",  # a diagram's vertical labels: no clause
    "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。",  # a poem's lines are longer
])
def test_what_is_no_column_of_prose_stays(text):
    assert join(text) == text


def test_a_symbol_or_a_two_character_line_ends_a_run():
    column = "\n".join(PARAS[0])
    assert join(column + "\n12\n" + column) == PARAS[0] + "\n12\n" + PARAS[0]
    assert join(column + "\n│\n" + column) == PARAS[0] + "\n│\n" + PARAS[0]


def test_a_run_one_line_short_stays():
    short = "，".join("甲乙丙丁")[: RUN_MIN - 1]
    assert join("\n".join(short)) == "\n".join(short)


def test_a_line_of_one_space_in_a_column_is_the_space_between_two_words():
    para = "该公司由Sara Lee创办，总部设于芝加哥。"
    assert join(_column([para, PARAS[1]])) == para + "\n\n" + PARAS[1]


def test_a_space_line_after_a_run_stays_as_the_paragraphs_break():
    assert join("\n".join(PARAS[0]) + "\n \n" + PARAS[1]) == PARAS[0] + "\n \n" + PARAS[1]
