"""An event's span of days or hours under the article's headline (cleaner/furniture/date_spans.py)."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.furniture.date_spans import date_span

BODY = ("第十二届临川读书节今天在市图书馆开幕，为期八天的活动包括名家讲座、旧书集市和亲子共读，"
        "全市四十个社区分馆同步举办主题展览，主办方预计参与市民将超过十万人次，比去年增加两成。")
MORE = ("开幕式上，市图书馆发布了年度借阅报告，去年全市人均借阅图书四点二册，其中少儿图书占四成，"
        "社区分馆的借阅量首次超过总馆，馆长表示，今年还将新建十家社区书屋，延长夜间开放时间。")


def test_a_span_of_days_or_hours_is_an_event_s_time():
    assert date_span("2027年4月23日—4月30日")
    assert date_span("3月13日 9:00-16:00 临川会展中心")
    assert date_span("4.23-4.30")
    assert date_span("2027年4月23日(周五)至30日")
    assert date_span("2月10日至2月24日 每日17:00-22:00")


def test_a_page_s_stamp_is_no_span():
    assert not date_span("2027-04-23 08:30 来源：临川日报")  # one moment, the record's key
    assert not date_span("2027-04-23")
    assert not date_span("2027年4月23日 星期五")
    assert not date_span("© 2005-2027 临川日报")  # years, no day
    assert not date_span("2027-04-23 09:00-09:30 记者 周敏")  # the record's word
    assert not date_span("展览时间为4月23日至4月30日，欢迎参观。")  # a sentence


def test_prices_and_changes_in_figures_are_no_days():
    # Decimals read as 月.日 are no calendar's (23.18, 0.45) or stand before a unit (19.98万).
    assert not date_span("相关股票：隆光新能 23.18 +2.34% 阳明股份 11.02 -0.45%")
    assert not date_span("指导价：15.98-19.98万 询底价 查看配置")
    assert not date_span("比分 3:1-2:0")


def test_an_event_s_span_under_the_headline_stays():
    title = "第十二届临川读书节开幕_文化_临川日报"
    page = ["临川日报 首页 时政 社会 文化 评论", "第十二届临川读书节开幕", "2027-04-23 08:30 来源：临川日报 记者 周敏",
            "2027年4月23日—4月30日", BODY, MORE, "责任编辑：王凯", "相关阅读", "临川新增社区书屋20家 04-20"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "2027年4月23日—4月30日" in out, out
    assert "2027-04-23 08:30 来源：临川日报 记者 周敏" not in out and "责任编辑：王凯" not in out, out
