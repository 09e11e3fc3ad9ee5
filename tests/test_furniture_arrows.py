"""Which ">" of a line split a row's items (cleaner/furniture/arrows.py)."""

import re

import pytest

from cleaner.furniture.arrows import in_sentence, row_text

ARROWS = re.compile(r">>|>|»|›|→")


@pytest.mark.parametrize("text", ["他于1990年出生<ref>人民日报</ref>，后来迁居北京", "<ref name=\"a\"/>注释", "公式为<math>E=mc^2</math>",
                                  "vector<int>", "a<b 且 b>c", "x => y", "p->next", "x>3", "len(a)>0", "`a > b`", "<<三体>>",
                                  "<!-- 注释 -->", "<?xml version=\"1.0\"?>", "x >= 3"])
def test_markup_code_and_titles_leave_no_separator(text):
    assert not ARROWS.findall(row_text(text))


@pytest.mark.parametrize("text, count", [("首页 > 新闻 >> 正文", 2), ("首页>新闻>正文", 2), ("旅游 » 国内 › 西北", 2),
                                         ("<< 上一页 | 下一页 >>", 1), ("NBA>湖人>正文", 2), ("Home > News > 正文", 2)])
def test_a_row_s_separators_stay(text, count):
    assert len(ARROWS.findall(row_text(text))) == count


def test_a_separator_after_a_clause_end_stands_in_a_sentence():
    assert in_sentence("他说，价格>100元>就不卖", ARROWS)
    assert not in_sentence("首页 > 新闻 > 他说，明天会更好", ARROWS)
    assert not in_sentence("没有箭头，只有句子。", ARROWS)
