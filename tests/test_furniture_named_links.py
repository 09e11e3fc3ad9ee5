"""A link the article names (cleaner/furniture/named_links.py)."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.furniture.named_links import body_links, named_links

PROSE = [
    "本届赛事设全程马拉松、半程马拉松和健康跑三个项目，总规模三万人，赛道串联滨江两岸的主要景点，"
    "沿途设置补给站二十个、医疗点三十个，组委会还将为完赛选手颁发纪念奖牌和电子证书。",
]


def test_a_label_and_its_url_stay_when_the_prose_names_the_label():
    texts = ["报名入口:", "https://run.example.cn/2026", "标题", "跑者可通过上方报名入口在线报名。"]
    prose = lambda pos: pos == 3  # noqa: E731
    assert named_links(texts, prose) == {0, 1}
    assert named_links(["报名入口: https://run.example.cn/2026", "跑者可通过报名入口报名。"], lambda pos: pos == 1) == {0}


def test_a_label_the_prose_does_not_name_or_a_short_key_is_the_site_s():
    assert named_links(["手机版网址:", "https://m.example.cn", "正文没有提到它。"], lambda pos: pos == 2) == set()
    assert named_links(["网址:", "https://m.example.cn", "请登录网址查询。"], lambda pos: pos == 2) == set()  # 网址: any site's word
    assert named_links(["报名入口:", "正文", "可通过报名入口报名。"], lambda pos: pos == 2) == set()  # no URL under it


def test_a_signup_label_over_its_url_above_the_headline_stays_when_the_article_refers_to_it():
    title = "2026滨江马拉松报名开启_赛事资讯_滨江体育网"
    page = ["滨江体育网 首页 赛事 健身 场馆 资讯", "报名入口：", "https://run.binjiang-sport.cn/2026", "2026滨江马拉松报名开启",
            "2026-02-10 10:00 来源：市体育局 阅读：8932", *PROSE, "报名时间为2月10日至2月28日，跑者可通过上方报名入口在线报名。",
            "相关阅读", "2025滨江马拉松成绩公布 2025-11-20", "滨江体育网 版权所有 浙ICP备08012345号"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "报名入口：" in out and "https://run.binjiang-sport.cn/2026" in out, out
    # Without the article's reference the label and its link are the site's, as before.
    page[6] = "报名时间为2月10日至2月28日，名额有限，报满即止。"
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "报名入口：" not in out and "https://run.binjiang-sport.cn/2026" not in out, out


def test_a_label_and_its_link_between_two_paragraphs_is_the_article_s():
    # Folded lines (NFKC: ASCII colons), as the model reads them.
    texts = ["正文第一段。", "报名网址:www.lcmarathon.cn", "正文第二段。"]
    prose = lambda pos: pos in (0, 2)  # noqa: E731
    plain = lambda pos: True  # noqa: E731
    assert body_links(texts, prose, plain) == {1}
    # A key naming the page or the site itself, a line of furniture words, or no prose on one side: the site's.
    assert body_links(["正文。", "本文链接:http://www.lcnews.cn/a/1.html", "正文。"], prose, plain) == set()
    assert body_links(["正文。", "原文地址:https://mp.example.cn/s/abc", "正文。"], prose, plain) == set()
    assert body_links(texts, prose, lambda pos: False) == set()
    assert body_links(texts, lambda pos: pos == 0, plain) == set()
    assert body_links(["正文。", "网址:www.lcmarathon.cn", "正文。"], prose, plain) == set()  # 网址 alone: any site's word


def test_a_signup_link_between_a_race_s_paragraphs_stays_and_the_related_box_goes():
    title = "2026滨江马拉松报名开启_赛事资讯_滨江体育网"
    more = "今年赛事新增亲子跑项目，报名者需年满六周岁并由一名家长陪同，组委会将为每个家庭准备完赛礼包和纪念证书。"
    page = ["滨江体育网 首页 赛事 健身 场馆 资讯", "2026滨江马拉松报名开启", "2026-02-10 10:00 来源：市体育局 阅读：8932",
            *PROSE, "报名网址：www.binjiang-run.cn", more, "相关阅读", "2025滨江马拉松成绩公布 2025-11-20",
            "滨江体育网 版权所有 浙ICP备08012345号"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "报名网址：www.binjiang-run.cn" in out and more in out, out
    assert "相关阅读" not in out, out
