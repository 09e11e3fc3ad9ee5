"""The facts of a byline the generic model removed, for meta (cleaner/furniture/byline_meta.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.furniture.byline_meta import byline_facts

BODY = "今年前4个月，全省外贸进出口总值5400亿元，比去年同期增长8.2%，增速高于全国平均水平，其中出口增长明显。"


@pytest.mark.parametrize("byline, facts", [
    ("2026-05-18 08:45 江南日报 记者 王晓峰 阅读 8652", {"date": "2026-05-18 08:45", "author": "王晓峰"}),
    ("2026/08/25 18:30 記者 陳怡君／台北報導 瀏覽 12045", {"date": "2026/08/25 18:30", "author": "陳怡君"}),
    ("2026年7月3日 08:15 經濟報記者 陳嘉欣", {"date": "2026年7月3日 08:15", "author": "陳嘉欣"}),
    ("发布时间：2026-05-06 10:12 点击：1287", {"date": "2026-05-06 10:12"}),
    ("2026-03-28 20:15:33 极客视界 编辑：李然 评论：326", {"date": "2026-03-28 20:15:33", "editor": "李然"}),
    ("作者：赵明轩 来源：财经之窗 2026-07-02", {"date": "2026-07-02", "author": "赵明轩", "source": "财经之窗"}),
    ("时间：2026-06-28 18:10 來源：市水文局 點擊數：1520", {"date": "2026-06-28 18:10", "source": "市水文局"}),
    ("文/李然 图/张三", {"author": "李然"}),
    ("作 者：周小舟", {"author": "周小舟"}),
    ("2026.04.02 16:20 临川体育网 阅读(2045)", {"date": "2026.04.02 16:20"}),
    ("临川体育网 阅读(2045)", {}),  # nothing said: nothing recorded
    ("凡本网注明“来源：农业新闻网”的所有作品，版权均属于本网。", {}),  # a notice's sentence
    ("来源：“滨江日报”", {}),  # a value in quotes is no field's
])
def test_a_removed_byline_s_facts_as_written(byline, facts):
    assert byline_facts(["标题", byline, BODY], {1: "generic/byline"}) == facts


def test_only_the_generic_model_s_removals_above_the_article_give_a_date_or_an_author():
    lines = ["标题", "2026-05-18 08:45 记者 王晓峰", BODY, "相关新闻 2026-01-01 记者 李四", "责任编辑：王五"]
    assert byline_facts(lines, {1: "common/byline"}) == {}  # a rule's byline gives its meta by named groups
    # Below the article a related list's date and name are no byline's; a keyed editor is the page's.
    assert byline_facts(lines, {3: "generic/related", 4: "generic/editor"}) == {"editor": "王五"}


def test_a_page_s_meta_takes_its_removed_byline():
    page = ["滨江日报网 首页 要闻 社会 经济", "外贸进出口同比增长8.2%", "2026-05-18 08:45 江南日报 记者 王晓峰 阅读 8652", BODY,
            "分析人士认为，外贸稳中向好的态势将延续到下半年，但外部环境仍存在不确定性，企业需提前做好应对。", "责任编辑：王五",
            "滨江日报网 版权所有"]
    r = Cleaner(to="keep").run("\n".join(page))
    assert "2026-05-18 08:45 江南日报 记者 王晓峰 阅读 8652" not in r.text
    assert (r.meta["date"], r.meta["author"], r.meta["editor"]) == ("2026-05-18 08:45", "王晓峰", "王五")


def test_a_kept_byline_gives_nothing():
    r = Cleaner(to="keep").run(BODY)
    assert not {"date", "author", "editor", "source"} & set(r.meta)
