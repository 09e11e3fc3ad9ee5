"""Rows of the site's short items split by spaces outside the article (cleaner/furniture/spaced_rows.py)."""

import tomllib
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.furniture.spaced_rows import DATA, load_words, spaced_row

PARAS = ["本轮联赛焦点战中，城市队在主场上演逆转好戏，以三比二击败积分榜领头羊海港队，赛后全场球迷起立鼓掌。",
         "上半场海港队连入两球，城市队一度陷入被动。下半场易边再战，城市队换上两名年轻前锋，场面随即改观。",
         "第七十八分钟，城市队利用角球机会扳平比分。补时阶段，队长禁区外一脚远射破门，帮助球队锁定胜局。"]
HEADLINE = "主场逆转！城市队3比2击败海港队"
HEAD = ["首页 > 体育 > 正文", HEADLINE, "2026-05-12 22:30 来源：某某体育网"]  # a web page's head: the model reads it


def never_a_label(item: str) -> bool:
    return False


@pytest.mark.parametrize("text", [
    "热门 推荐 视频 直播 专题",
    "新房 二手房 租房 装修 家居",
    "询底价 预约看房 楼盘详情 户型图",
    "上一道 下一道 全部菜谱",
    "8.1分 看过 想看",
    "询底价 查看配置 查看图片",
    # Session 41: a sports, finance, property or car site's sections under its boxes.
    "看更多 赛程 战绩 数据",
    "编辑推介 热门股票 即时报价",
    "小区均价 新房价格 房贷计算器",
])
def test_a_row_of_the_sites_words_is_its_row(text):
    assert spaced_row(text, never_a_label)


@pytest.mark.parametrize("text", [
    "王涛 李明 张强 赵刚 刘洋",  # a caption's or a line-up's names
    "盐 糖 酱油 醋",  # a recipe's seasonings
    "城市队首发:王涛 李明 张强 赵刚",  # the article's row under its key
    "推荐阵容:剑士 法师 牧师 弓手",
    "热门 推荐",  # two items: a phrase or a pair of labels
    "热门 推荐 城市队 海港队 球迷 主教练",  # most items no site's word
    "今天 我们 去看 热门 专题 展览。",  # a sentence
])
def test_a_row_of_other_words_or_a_keyed_row_is_not(text):
    assert not spaced_row(text, never_a_label)


def test_the_lexicons_labels_count_as_the_sites_words():
    assert not spaced_row("分享到 微信 微博 城市队", never_a_label)
    assert spaced_row("分享到 微信 微博 城市队", lambda item: item in {"分享到", "微信", "微博"})


def test_the_sites_rows_outside_the_body_go_and_the_articles_keyed_row_stays():
    lineup = "城市队首发：王涛 李明 张强 赵刚 刘洋 陈晨 周杰 吴磊 郑凯 孙浩 黄鹏"
    page = [*HEAD, *PARAS, lineup, "热门 推荐 视频 直播 专题", "询底价 预约看房 楼盘详情 户型图"]
    result = Cleaner(to="keep").run("\n".join(page))
    assert result.text == "\n".join([HEADLINE, *PARAS, lineup])
    assert "generic/spaced-row" in [s.name for s in result.steps]


def test_a_row_of_the_sites_words_ending_the_body_above_its_notes_goes():
    page = [*HEAD, *PARAS, "询底价 预约看房 楼盘详情 户型图", "以上信息仅供参考，以开发商公示为准。"]
    assert Cleaner(to="keep").run("\n".join(page)).text == "\n".join([HEADLINE, *PARAS])


def test_the_data_file_is_validated(tmp_path: Path):
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    assert data["provenance"]["source"] and data["provenance"]["licence"]
    assert "询底价" in load_words() and "想看" in load_words()
    bad = tmp_path / "site_sections.toml"
    bad.write_text('[rows]\nsections = [""]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_words.__wrapped__(bad)
    bad.write_text('[rows]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_words.__wrapped__(bad)


def test_a_ratings_count_alone_is_its_widgets_and_goes_outside_the_body():
    from cleaner.furniture.spaced_rows import raters
    assert raters("12034人评价") and raters("2,315人评分") and raters("(356人想看)")
    assert not raters("共有12034人参加了本次活动。") and not raters("12034人")
    page = [*HEAD, *PARAS, "8.1分 看过 想看", "12034人评价"]
    assert Cleaner(to="keep").run("\n".join(page)).text == "\n".join([HEADLINE, *PARAS])
