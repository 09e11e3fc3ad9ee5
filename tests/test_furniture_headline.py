"""Which named line is the headline (cleaner/furniture/headline.py)."""

from cleaner.furniture.headline import fuller_headline


def test_a_fuller_line_above_that_starts_with_the_nearest_is_the_headline():
    assert fuller_headline(["残疾人两项补贴申领", "残疾人两项补贴申领办事指南"]) == 1


def test_the_nearest_stays_against_a_title_copy_a_repeat_or_a_trail():
    assert fuller_headline(["四年前中500万现穷困潦倒", "四年前中500万现穷困潦倒__商贸_产业资讯_新浪网"]) == 0
    assert fuller_headline(["多数夫妻生活有名无实（图）", "多数夫妻生活有名无实（图）--雅虎新闻"]) == 0
    assert fuller_headline(["17种产品入选国家绿色制造名单", "17种产品入选国家绿色制造名单"]) == 0
    assert fuller_headline(["老家的石桥要拆了", "山城论坛 › 乡土记忆 › 老家的石桥要拆了"]) == 0
    assert fuller_headline(["老家的石桥要拆了"]) == 0


def test_the_pages_whole_title_is_no_fuller_headline():
    # The <title> echoed in a header bar, its separator unspaced: the nearer line is the headline.
    named = ["民间资本路在何方", "民间资本路在何方-搜狐财经"]
    assert fuller_headline(named) == 1  # without the title, it reads as the fuller line
    assert fuller_headline(named, "民间资本路在何方-搜狐财经") == 0
    assert fuller_headline(["残疾人两项补贴申领", "残疾人两项补贴申领办事指南"], "残疾人两项补贴申领办事指南") == 1  # one part: no copy
