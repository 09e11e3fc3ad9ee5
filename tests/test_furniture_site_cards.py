"""The site's cards closed by their buttons, and its boxes' strips of figures (cleaner/furniture/site_cards.py)."""

import pytest

from cleaner import Cleaner
from cleaner.furniture.site_cards import button_row, card_lines, figure_strip, strip_lines

PARAS = ["今年以来，市里新增保障性租赁住房三千余套，主要分布在高新区和城东片区，面向新就业大学生和青年职工。",
         "这些房源以一室户和两室户为主，租金比周边同类房源低一到两成，租期一般为一年，可以续租。",
         "市住建局表示，明年还将继续筹集房源，并简化申请流程，符合条件的青年可以在手机上直接提交材料。"]
HEADLINE = "保障性租赁住房今年新增三千套"
HEAD = ["首页 > 房产 > 正文", HEADLINE, "2026-11-12 09:30 来源：某某房产网"]
CARD = ["推荐房源", "租金：1800元/月 户型：1室1厅 面积：42㎡", "楼层：中层/18层 朝向：南 装修：精装", "联系经纪人 预约看房 收藏"]


@pytest.mark.parametrize("text", [
    "联系经纪人 预约看房 收藏",
    "立即订房 查看空房 加入收藏",
    "在线咨询 预约挂号 关注医生",
    "我要报名 课程咨询",
    "安卓下载 苹果下载",
    "去购买 加入对比",
    "1/8 上一张 下一张 看大图",  # a gallery's buttons beside its picture counter
])
def test_a_row_of_actions_on_the_site_is_its_buttons(text):
    assert button_row(text)


@pytest.mark.parametrize("text", [
    "报名 体检 政审 入伍",  # an article's steps: single verbs, no object
    "王涛 李明 张强",  # names
    "预约看房",  # one button alone
    "联系经纪人 预约看房 阳光小区",  # an item no button
    "请预约看房，查看空房。",  # a sentence
    "预约方式：在线预约 电话预约",  # a keyed row
])
def test_other_rows_are_no_buttons(text):
    assert not button_row(text)


@pytest.mark.parametrize("text", [
    "最新价 18.62 涨跌幅 -3.47% 成交额 15.8亿",
    "恒生指数 17845.32 -312.15 -1.72%",
    "今天 多云转阴 6~14℃ 东北风3级",
    "播放 12.6万 弹幕 328",
    "空气质量:良 PM2.5:46 湿度:72%",
])
def test_a_boxs_row_of_figures_is_a_strip(text):
    assert figure_strip(text)


@pytest.mark.parametrize("text", [
    "2026年11月3日 星期二 晴",  # a dated row
    "第一名 北屯区 林冠宇 10秒85",  # one figure
    "18.62 -3.47% 15.8亿",  # no word
    "股价报18.62元，跌3.47%，成交15.8亿。",  # a sentence
    "王涛 李明",
])
def test_other_rows_are_no_strips(text):
    assert not figure_strip(text)


def test_a_card_between_the_paragraphs_is_its_buttons_and_the_rows_above_them_up_to_the_prose():
    texts = [HEADLINE, *PARAS[:2], *CARD, PARAS[2]]
    prose = {1, 2, 7}
    assert card_lines(texts, lambda p: p in prose, 1, lambda p: False) == {3, 4, 5, 6}
    # A row the article sets out or counts stops the card: only the buttons go.
    assert card_lines(texts, lambda p: p in prose, 1, lambda p: p == 4) == {6}


def test_under_the_articles_end_only_the_buttons_go():
    # The rows over them may be the page's own listing (a rental's facts over 预约看房).
    texts = [HEADLINE, *PARAS, *CARD, "温馨提示：房源信息由经纪人发布"]
    assert card_lines(texts, lambda p: p in {1, 2, 3}, 1, lambda p: False) == {7}


def test_strips_in_a_run_are_the_articles_table_and_a_lone_strip_is_a_boxs():
    table = ["猪肉 28.5元 +3% 牛肉 76元", "鸡蛋 5.2元 -1% 白菜 1.8元", "土豆 2.6元 +2% 芹菜 3.1元"]
    texts = [HEADLINE, PARAS[0], *table, PARAS[1], "最新价 18.62 涨跌幅 -3.47%", PARAS[2]]
    prose = {1, 5, 7}
    assert strip_lines(texts, lambda p: p in prose, 1, lambda p: False) == {6}


def test_a_card_between_the_paragraphs_goes_and_the_articles_facts_stay():
    facts = ["看房的安排如下：", "地点：高新区人才公寓一楼大厅", "联系人：社区工作站王女士"]
    page = [*HEAD, *PARAS[:2], *facts, PARAS[2], *CARD, "面向新就业大学生的房源将于下月开放申请，每户租期一年。"]
    result = Cleaner(to="keep").run("\n".join(page))
    assert result.text == "\n".join([HEADLINE, *PARAS[:2], *facts, PARAS[2], "面向新就业大学生的房源将于下月开放申请，每户租期一年。"])
    assert "generic/site-card" in [s.name for s in result.steps]


def test_a_strip_between_the_paragraphs_goes():
    page = [*HEAD, PARAS[0], "最新价 18.62 涨跌幅 -3.47% 成交额 15.8亿", *PARAS[1:]]
    result = Cleaner(to="keep").run("\n".join(page))
    assert result.text == "\n".join([HEADLINE, *PARAS])
