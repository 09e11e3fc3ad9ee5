"""Rows of figures the article states (cleaner/furniture/figure_rows.py) and their block above the body (generic._stated_figures)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.furniture import generic
from cleaner.furniture.figure_rows import figure_row

PROSE = [
    "今年以来，全区坚持稳中求进工作总基调，积极应对各种风险挑战，财政收入保持平稳增长，"
    "重点领域支出得到有力保障，教育、医疗、社保等民生支出继续加大投入，财政运行总体平稳。",
    "下一步，区财政局将继续加强收入征管，优化支出结构，严格落实过紧日子的要求，"
    "推动财政资金更多投向基层和民生领域，为全区经济社会发展提供坚实保障。",
]
ROWS = ["一般公共预算收入52.36亿元，增长4.8%", "一般公共预算支出80.27亿元，增长3.5%", "民生支出占比达到78.2%"]


@pytest.mark.parametrize("text", ["一般公共预算收入52.36亿元,增长4.8%", "临川站 29.86米 低于警戒水位0.64米",
                                  "高麗菜每公斤批發價42.5元,漲幅達65%", "统一狮 36胜22败"])
def test_a_row_stating_a_quantity_is_a_figure_row(text):
    assert figure_row(text)


@pytest.mark.parametrize("text", ["上证指数 3245.67 +0.52%", "加權指數 22156.32 ▲86.45",  # a ticker's signed change
                                  "临川火车站改造工程开工 2.3万阅读",  # a count of readers
                                  "滨江新闻网 首页 时政 经济 民生",  # no quantity
                                  "相关新闻"])
def test_a_ticker_a_hot_list_or_a_menu_holds_no_figure_row(text):
    assert not figure_row(text)


def test_figures_under_an_untitled_page_s_byline_stay():
    # losses35: an untitled page's statistics right above its first paragraph went as a list block
    # above the body (generic/list): no headline bounds the article's items (item_runs.head_items).
    page = ["南湖区政府网 首页 政务公开 政策文件 办事服务", "发布时间：2026-01-20 来源：区财政局 浏览次数：512",
            "南湖区2025年财政收支情况", *ROWS, *PROSE, "【打印】【关闭】", "南湖区人民政府办公室 主办 网站标识码：3601000012"]
    out = Cleaner(to="keep").run("\n".join(page)).text.split("\n")
    assert all(row in out for row in ROWS), out
    assert "发布时间：2026-01-20 来源：区财政局 浏览次数：512" not in out


def test_a_block_of_figures_is_the_article_s_only_right_above_its_body():
    texts = ["a", "一般公共预算收入52.36亿元,增长4.8%", "一般公共预算支出80.27亿元,增长3.5%", "民生支出占比达到78.2%", "正文"]
    assert generic._stated_figures(texts, (1, 3, False), 4)
    assert not generic._stated_figures(texts, (1, 3, False), 7)  # lines between: a list standing apart
    tickers = ["上证指数 3245.67 +0.52%", "深证成指 10563.21 -0.18%", "创业板指 2165.30 -0.12%", "正文"]
    assert not generic._stated_figures(tickers, (0, 2, False), 3)
