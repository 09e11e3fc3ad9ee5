"""A programme dated in figures: rows in the order of the days and hours they name (cleaner/furniture/programme_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from cleaner import Cleaner
from cleaner.furniture.programme_dates import dated_at, programme_runs

PROSE = [
    "本次活动由市文化馆与各街道社区联合举办，面向全市居民免费开放，旨在丰富群众的业余文化生活，"
    "推动全民阅读与艺术普及，活动期间还将设置志愿服务点，为老人和儿童提供引导与帮助。",
    "主办方提醒，参加活动的市民请提前十五分钟到达现场，遵守会场秩序，服从工作人员安排；"
    "如遇恶劣天气，活动时间将另行通知，具体安排请留意文化馆的官方网站和公众号发布的信息。",
]
ROWS = ["2026.05.16 09:00-17:00 领取参赛包", "2026.05.17 07:30 全程组鸣枪", "2026.05.17 08:00 迷你组鸣枪", "2026.05.17 13:00 颁奖仪式"]


def fits(pos: int) -> bool:
    return True


def test_a_date_and_time_in_figures_open_a_row():
    assert dated_at("2026.05.17 07:30 全程组鸣枪") == (date(2026, 5, 17), 450)
    assert dated_at("05-17 07:30 全程组鸣枪") == (date(2000, 5, 17), 450)
    assert dated_at("全程组鸣枪 2026-05-17 07:30") is None  # dated at its end: a list's form
    assert dated_at("2026-05-17 关于开展森林防火宣传月活动的通知") is None  # no time of day
    assert dated_at("2026.02.30 09:00 开幕") is None


def test_rows_in_the_order_things_happen_make_a_programme():
    assert programme_runs(["标题", *ROWS, "正文"], fits, 0, 6) == [(1, 4)]


@pytest.mark.parametrize("rows", [
    # newest first: a site's list of what it published
    ["2026-05-17 13:00 市马拉松组委会发布赛事须知", "2026-05-17 08:00 全程组报名结果公示", "2026-05-16 09:00 迷你组报名通道开启"],
    # within a day but out of order
    ["2026.05.17 09:00 开幕", "2026.05.17 08:00 报到", "2026.05.17 10:00 闭幕"],
    # spread over months: an archive, not a programme
    ["2026-01-05 10:00 一月例会", "2026-03-05 10:00 三月例会", "2026-06-05 10:00 六月例会"],
    # two rows make no run
    ["2026.05.16 09:00 报到", "2026.05.17 07:30 鸣枪"],
])
def test_other_dated_rows_make_none(rows):
    assert programme_runs(rows, fits, 0, len(rows)) == []


def test_a_programme_dated_in_figures_under_the_headline_stays():
    # losses35 (and losses34): a race's timetable dated in figures under its byline went as a list
    # block above the body (generic/list) and as bylines (zone_stamps).
    title = "第三届滨江城市半程马拉松赛程安排_赛事资讯_滨江体育网"
    page = ["滨江体育网 首页 赛事资讯 全民健身 体育产业", "第三届滨江城市半程马拉松赛程安排", "2026.05.02 10:20 滨江体育网 阅读(1968)",
            *ROWS, *PROSE, "上一篇：滨江马拉松交通管制公告 2026.05.01", "滨江体育网 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert all(row in out for row in ROWS), out
    assert "2026.05.02 10:20 滨江体育网 阅读(1968)" not in out and "滨江体育网 版权所有" not in out


def test_a_list_dated_newest_first_under_the_headline_still_goes():
    title = "第三届滨江城市半程马拉松赛程安排_赛事资讯_滨江体育网"
    listed = ["2026-05-17 13:00 市马拉松组委会发布赛事须知", "2026-05-17 08:00 全程组报名结果公示", "2026-05-16 09:00 迷你组报名通道开启"]
    page = ["滨江体育网 首页 赛事资讯 全民健身 体育产业", "第三届滨江城市半程马拉松赛程安排", "2026.05.02 10:20 滨江体育网 阅读(1968)",
            *listed, *PROSE, "滨江体育网 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert not any(row in out for row in listed), out
