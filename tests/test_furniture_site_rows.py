"""Rows of a site's own outside the article's prose (cleaner/furniture/site_rows.py): credit rows,
last-updated lines, a shop's prices, a tag key over its items; and the same rows kept inside it."""

import pytest

from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words
from cleaner.furniture.site_rows import UPDATED, site_rows

PROSE = "今年春季开工的城区河道清淤工程日前提前完工，共清理淤泥约四万立方米，沿岸排水口也一并完成了改造。"


def families(lines: list[str], prose_at: set[int]) -> list[str]:
    """The families site_rows gives a page whose prose lines are ``prose_at`` (the others as form() reads them)."""
    words = load_words()
    texts = [normalise(fold_line(x)) for x in lines]
    fams = ["" if k in prose_at else form(t, words) for k, t in enumerate(texts)]
    site_rows(texts, fams, [k in prose_at for k in range(len(texts))], words.rows)
    return fams


@pytest.mark.parametrize("row", [
    "本文来源：中国新闻网 作者：王晓",
    "（撰稿：王敏 摄影：刘洋 编辑：李华 审核：张强）",
    "本文來源：中央社 編輯：陳佩君",
])
def test_credit_row_below_the_prose_goes(row):
    assert families(["标题", PROSE, PROSE, row], {1, 2})[3] == "credit-row"


@pytest.mark.parametrize("row", [
    "来源：据新华社报道，今年一季度全市新增就业两万人",  # a clause: the article's sentence
    "来源：晨报",  # one key: the line model's source line (forms.source_line), not a row
    "原文：见附件 编辑：李华",  # 文 inside 原文 is no key: the row opens with none
])
def test_not_a_credit_row(row):
    assert families(["标题", PROSE, PROSE, row], {1, 2})[3] != "credit-row"


def test_rows_inside_the_prose_stay():
    lines = [PROSE, "本文来源：晨报 编辑：赵越", "最后更新：2024-04-02", "标签", "明前 手工 炒青", PROSE]
    assert families(lines, {0, 5}) == [""] * 6


@pytest.mark.parametrize("line", ["最后更新：2024/03/18 13:42", "最後更新日期：2024-04-10", "更新时间 2023-11-02", "（最后修改于 2024年3月12日）",
                                  "菜谱创建时间：2019-03-12 20:41"])
def test_last_updated(line):
    assert UPDATED.fullmatch(normalise(fold_line(line)))
    assert families(["标题", PROSE, PROSE, line], {1, 2})[3] == "dateline"


@pytest.mark.parametrize("line", ["发布时间：2024-04-02", "2024-04-02", "最后更新：2024-04-02 由编辑部整理"])
def test_not_last_updated(line):
    assert not UPDATED.fullmatch(normalise(fold_line(line)))


def test_prices_go_only_on_a_shop_page():
    shop = ["￥ 89.00", "原价：￥ 129.00", "立即购买 加入购物车", PROSE, PROSE, "竹编果盘 ￥ 45.00"]
    assert families(shop, {3, 4}) == ["price", "price", "actions", "", "", "price"]
    # No shop's button or counter on the page: a price list is the article's (a market report).
    plain = ["明前龙井 ¥ 2000", PROSE, PROSE, "雨前龙井 ¥ 800"]
    assert families(plain, {1, 2}) == ["", "", "", ""]


def test_a_quantity_picker_goes_only_on_a_shop_page():
    shop = ["立即购买 加入购物车", "数量： - 1 + 件 库存 89 件", PROSE, PROSE, "数量：2"]
    assert families(shop, {2, 3}) == ["actions", "price", "", "", "price"]
    plain = ["数量：2", PROSE, PROSE, "数量： 3 件"]  # a market report's count
    assert families(plain, {1, 2}) == ["", "", "", ""]
    assert families(["立即购买 加入购物车", PROSE, PROSE, "数量有限，售完即止"], {1, 2})[3] == ""


def test_price_line_holds_a_name_at_most():
    page = ["立即购买 加入购物车", PROSE, PROSE, "这把壶的泥料和工艺都很讲究值得收藏 ¥ 368.00 包邮到家还送茶巾一条"]
    assert families(page, {1, 2})[3] == ""


@pytest.mark.parametrize("key, items", [("文章標籤", "台南 安平 老街"), ("词条标签：", "地理 , 交通 , 古迹"), ("标签", "健身、公园")])
def test_bare_tag_key_and_its_items(key, items):
    assert families(["标题", PROSE, PROSE, key, items], {1, 2})[3:] == ["tags", "tags"]


def test_tag_key_over_a_sentence_keeps_it():
    page = ["标题", PROSE, PROSE, "标签", "我们给每件藏品都贴了标签。"]
    assert families(page, {1, 2})[4] == ""


def test_credits_set_one_to_a_line_below_the_prose_are_one_row():
    lines = [PROSE, PROSE, "主持人：李婷", "编导：王强 摄像：孙明", "出品：某某融媒体中心", "统筹：李四"]
    assert families(lines, {0, 1})[2:] == ["credit-row"] * 4


def test_one_credit_line_under_the_prose_stays_and_credits_inside_it_stay():
    assert families([PROSE, PROSE, "来源：晨报"], {0, 1})[2] == ""
    assert families([PROSE, "统筹：李四", "出品：某某中心", PROSE], {0, 3})[1:3] == ["", ""]
    assert families([PROSE, PROSE, "统筹：李四", "记者说，今年的收成不错。"], {0, 1})[2] == ""


def test_a_crew_set_one_to_a_line_below_the_prose_is_one_row():
    # A video's and a podcast's crew and kit (session 39): slash-joined keys, songs and lenses as values.
    lines = [PROSE, PROSE, "策划/拍摄/剪辑：阿梨", "BGM：《Morning Light》- Kevin Tang", "拍摄设备：Sony A7M4 + 24-70mm"]
    assert families(lines, {0, 1})[2:] == ["credit-row"] * 3
    lines = [PROSE, PROSE, "主播：小满、阿树", "剪辑：阿树", "音乐：Lee Rosevere - Thoughtful"]
    assert families(lines, {0, 1})[2:] == ["credit-row"] * 3


def test_a_stack_runs_through_a_photographer_line():
    lines = [PROSE, PROSE, "策划：郭明", "摄影：陈立 王森", "文字：刘芳", "后期：张然"]
    assert families(lines, {0, 1})[2:] == ["credit-row"] * 4


def test_a_crew_key_alone_or_inside_the_prose_stays():
    assert families([PROSE, PROSE, "音乐：贝多芬《第九交响曲》"], {0, 1})[2] == ""
    assert families([PROSE, "音乐：贝多芬", "主播：小满", PROSE], {0, 3})[1:3] == ["", ""]


@pytest.mark.parametrize("row", ["分析师：王立诚 执业证书编号：S0100519080002", "分析員：李卓謙 證監會中央編號：AXY123"])
def test_an_analysts_licence_row_goes_above_the_prose_too(row):
    assert families(["标题", row, PROSE, PROSE], {2, 3})[1] == "credit-row"


def test_a_licence_named_in_a_sentence_stays():
    assert families(["标题", "该分析师的执业证书编号：S0100519080002，已在协会官网公示。", PROSE], {2})[1] == ""


def test_a_number_a_notice_lists_with_no_holder_keyed_before_it_stays():
    # A notice revoking certificates lists each company and its number: they went as an analyst's credit row.
    rows = families(["标题", PROSE, "一、广州市恒达建筑工程有限公司", "证书编号：D244012345", "张某某 执业证书编号：201844001234", "特此公告"],
                    {1})
    assert rows[3:5] == ["", ""]
