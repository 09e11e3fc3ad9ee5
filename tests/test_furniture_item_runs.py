"""The article's runs of short items beside its body (cleaner/furniture/item_runs.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.furniture import generic
from cleaner.furniture.item_runs import article_dated, dated_runs, head_items, heads_schedule, machine_row, schedule_rows, tail_items

PROSE = [
    "本次活动由市文化馆与各街道社区联合举办，面向全市居民免费开放，旨在丰富群众的业余文化生活，"
    "推动全民阅读与艺术普及，活动期间还将设置志愿服务点，为老人和儿童提供引导与帮助。",
    "主办方提醒，参加活动的市民请提前十五分钟到达现场，遵守会场秩序，服从工作人员安排；"
    "如遇恶劣天气，活动时间将另行通知，具体安排请留意文化馆的官方网站和公众号发布的信息。",
]


def clean(lines: list[str], title: str) -> list[str]:
    return Cleaner(to="keep").run("\n".join(lines), title=title).text.split("\n")


@pytest.mark.parametrize("text", ["8:30-9:00 报到", "开幕式 9:00-9:20", "3月12日 资格初审结果公布",
                                  "2月17日（年初一） 休館", "3月1日—3月10日 网上报名", "N1路 火车站—大学城 21:30-次日1:00",
                                  "115年3月24日 东埔村活动中心", "讲座 下午2时至4时"])
def test_the_article_writes_its_dates_in_words_or_as_spans_of_times(text):
    assert article_dated(text) and not machine_row(text)


@pytest.mark.parametrize("text", ["南川秋季赏菊活动开幕 2026-10-08", "大厦停水通知 10-02", "[10-08] 南川秋季赏菊活动开幕",
                                  "2026-03-10 关于开展森林防火宣传月活动的通知", "·蔡依林热舞 (2005-04-27 18:03PM)",
                                  "预警解除 03-06 10:15", "教育要闻(128)"])
def test_a_site_dates_or_counts_its_titles_as_a_machine_prints_them(text):
    assert machine_row(text) and not article_dated(text)


def test_a_time_of_day_alone_or_a_date_in_a_sentence_opens_no_dated_row():
    assert not article_dated("时间 12:30")
    assert not article_dated("会议定于3月5日举行")


def test_dated_runs_take_a_subheading_between_two_rows_but_no_gap_of_two():
    texts = ["4月18日上午", "8:30-9:00 报到", "9:00-9:20 开幕式", "4月18日下午", "14:00-15:30 分组讨论"]
    assert dated_runs(texts, lambda pos: True, 0, len(texts)) == [(0, 4)]
    texts = ["8:30-9:00 报到", "9:00-9:20 开幕式", "午餐", "休息", "14:00-15:30 分组讨论"]
    assert dated_runs(texts, lambda pos: True, 0, len(texts)) == []


def test_head_items_are_a_list_under_the_headline_not_one_under_a_more_link_or_numbered():
    texts = ["标题", "发布时间", "• 甲项", "• 乙项", "• 丙项", "正文"]
    fits = lambda pos: pos != 1  # noqa: E731  (the byline does not fit)
    stop = lambda pos: False  # noqa: E731
    assert head_items(texts, 0, 5, [(2, 4, False)], fits, stop) == {2, 3, 4}
    assert head_items(texts, -1, 5, [(2, 4, False)], fits, stop) == set()  # no headline the title names
    assert head_items(texts, 0, 5, [(2, 4, False)], fits, lambda pos: pos == 1) == set()  # a furniture heading above
    more = ["标题", "发布时间", "• 甲项", "• 乙项", "• 丙项", "更多精彩图片>>", "正文"]
    assert head_items(more, 0, 6, [(2, 4, False)], fits, stop) == set()
    numbered = ["标题", "目录", "1. 起步", "2. 发展", "3. 展望", "正文"]
    assert head_items(numbered, 0, 5, [(2, 4, False)], fits, stop) == set()


def test_numbered_items_under_a_sentence_of_the_article_are_its_own_not_a_table_of_contents():
    # Session 36 (unseen13's counts): numbered rows with no clause under the event's introduction,
    # a sentence of the article, went as a table of contents (generic/list).
    texts = ["标题", "本届运动会设十二个大项，全市单位均可组队参加。", "参赛办法", "1 以单位组队", "2 每队限报20人", "3 按时交表", "正文"]
    fits = lambda pos: True  # noqa: E731
    stop = lambda pos: False  # noqa: E731
    sentence = lambda pos: pos == 1  # noqa: E731
    assert head_items(texts, 0, 6, [(3, 5, False)], fits, stop, sentence) == {3, 4, 5}
    assert head_items(texts, 0, 6, [(3, 5, False)], fits, stop) == set()  # no sentence above: a table of contents


def test_head_items_leave_an_odd_line_between_their_rows_to_the_model():
    # An advertisement's label between a programme's rows (unseen13's counts): the rows that fit
    # are the article's, the odd line is not; a furniture heading there, two odd lines together or
    # an odd line closing the block make it no article's list.
    texts = ["标题", "导语。", "开幕式 9:00-9:40", "领导致辞", "讲座 10:00-11:30", "广告位", "共读 14:30-16:00", "正文"]
    stop = lambda pos: False  # noqa: E731
    fits = lambda pos: pos != 5  # noqa: E731
    assert head_items(texts, 0, 7, [(2, 6, False)], fits, stop) == {2, 3, 4, 6}
    assert head_items(texts, 0, 7, [(2, 6, False)], fits, lambda pos: pos == 5) == set()
    assert head_items(texts, 0, 7, [(2, 6, False)], lambda pos: pos not in (4, 5), stop) == set()
    assert head_items(texts, 0, 7, [(2, 6, False)], lambda pos: pos != 6, stop) == set()


def test_the_body_heading_right_above_it_is_not_counted_in_the_gap_to_head_items():
    # Four slots (a picture's arrows, an advert, a follow prompt) and the body's own heading
    # between the items and the body: the heading is the body's, the gap four lines.
    texts = ["标题", "• 甲项", "• 乙项", "• 丙项", "▲", "广告", "扫码关注", "▼", "赛事安排", "正文"]
    fits = lambda pos: pos not in (5, 6)  # noqa: E731
    stop = lambda pos: False  # noqa: E731
    assert head_items(texts, 0, 9, [(1, 3, False)], fits, stop) == {1, 2, 3}
    assert head_items([*texts[:8], "赛事安排如下，请各单位做好准备。", "正文"], 0, 9, [(1, 3, False)], fits, stop) == set()


def test_tail_items_start_right_under_the_body():
    texts = ["正文", "停电安排", "10月15日 7:30-18:30 青溪村", "10月17日 8:00-17:00 下坝村", "10月20日 7:00-19:00 集镇"]
    assert tail_items(texts, 0, lambda pos: True) == {1, 2, 3, 4}  # its heading with it
    assert tail_items(texts, 0, lambda pos: pos != 1) == set()  # a line with a furniture sign between


def test_a_short_line_over_the_article_s_schedule_heads_it():
    assert heads_schedule(["10:00-11:30 太极班", "14:00-15:30 书法班", "星期三"])
    assert not heads_schedule(["2026年3月5日 10:22", PROSE[0], PROSE[1]])


def test_a_programme_between_the_headline_and_the_body_stays():
    title = "第五届文化论坛会议日程_通知公告_南川文化馆"
    page = ["南川文化馆 首页 通知公告 活动预告 联系我们", "第五届文化论坛会议日程", "发布时间：2026-04-02 浏览次数：512",
            "4月18日上午", "8:30-9:00 报到", "9:00-9:20 开幕式", "9:20-10:30 主旨报告", "10:40-12:00 圆桌对话", *PROSE,
            "南川文化馆 版权所有"]
    out = clean(page, title)
    assert all(row in out for row in page[4:8]), out


def test_a_schedule_right_under_the_body_stays_and_the_dated_titles_under_it_go():
    title = "春节期间开放时间_公告_南川图书馆"
    page = ["南川图书馆 首页 本馆简介 公告 借阅服务", "春节期间开放时间", "发布日期：2026-02-03 点阅：412", *PROSE,
            "2月16日（除夕） 上午9时至中午12时", "2月17日（初一） 休馆", "2月18日（初二） 休馆", "2月19日（初三） 上午9时至下午5时",
            "最新公告", "二月份儿童故事时间 2026-01-28", "馆藏盘点休馆通知 2026-01-15", "南川图书馆 版权所有"]
    out = clean(page, title)
    assert all(row in out for row in page[5:9]), out
    assert "馆藏盘点休馆通知 2026-01-15" not in out


def test_a_talk_s_flow_with_its_times_at_the_ends_stays_under_the_body():
    title = "亲子共读讲座_活动预告_南川图书馆"
    page = ["南川图书馆 首页 最新消息 活动预告 读者服务", "亲子共读讲座", "发布日期：2026-05-02 点阅数：318", *PROSE,
            "讲座流程", "报到 13:30-14:00", "主讲 14:00-15:30", "亲子互动 15:30-16:00", "有奖征答 16:00-16:20",
            "活动讯息", "五月说故事时间 2026-04-28", "儿童阅读月开跑 2026-04-20", "南川图书馆 版权所有"]
    out = clean(page, title)
    assert all(row in out for row in page[6:10]), out


def test_teasers_under_the_headline_closed_by_a_more_link_still_go():
    title = "新专辑发布会在京举行_娱乐_示例网"
    page = ["示例网 首页 娱乐 体育 财经", "新专辑发布会在京举行", "2026-04-28 11:13 来源：示例网",
            "明星：盘点女星撞衫(图)", "两性：生活中的细节(图)", "明星：年终派对的小黑裙(图)", "更多精彩图片>>", *PROSE,
            "示例网 版权所有"]
    out = clean(page, title)
    assert "两性：生活中的细节(图)" not in out, out


def test_tail_items_take_a_list_block_past_a_caption_or_under_its_introduction_not_under_a_heading():
    texts = ["正文", "图为现场（摄影：李明）", "本次义诊项目：", "· 测量血压", "· 中医推拿", "· 口腔检查"]
    inner = lambda pos: pos == 1  # noqa: E731  (the caption)
    fits = lambda pos: pos != 1  # noqa: E731
    assert tail_items(texts, 0, fits, [(3, 5, False)], inner) == {2, 3, 4, 5}
    headed = ["正文", "选集", "· 山里的邮路", "· 渔村新事", "· 高原牧歌"]
    assert tail_items(headed, 0, lambda pos: True, [(2, 4, False)]) == set()
    posted = ["正文", "# re: 标题 2004-12-27 12:55 甲", "好", "# re: 标题 2004-12-27 13:01 乙", "赞", "# re: 标题 2004-12-27 13:07 丙"]
    assert tail_items(posted, 0, lambda pos: True, [(1, 5, False)], posted=lambda pos: pos % 2 == 1) == set()


def test_a_list_past_a_picture_s_caption_under_the_body_stays():
    title = "社区义诊活动回顾_社区动态_滨江街道"
    page = ["滨江街道 首页 社区动态 办事指南 联系我们", "社区义诊活动回顾", "2026-06-20 滨江街道办 浏览 233", PROSE[0],
            "图为义诊现场（摄影：李明）", "本次义诊项目：", "· 免费测量血压血糖", "· 中医推拿体验", "· 口腔健康检查", "· 用药咨询",
            "上一篇：端午节包粽子活动", "滨江街道办事处 版权所有"]
    out = clean(page, title)
    assert all(row in out for row in page[5:10]), out


@pytest.mark.parametrize("line", ["活动时间：2026年10月18日（周六）上午9:00", "截止日期：2026年11月30日"])
def test_the_article_s_event_time_under_its_headline_stays(line):
    title = "社区秋季运动会通知_社区动态_滨江街道"
    page = ["滨江街道 首页 社区动态 办事指南 联系我们", "社区秋季运动会通知", line, "2026-09-20 滨江街道办 浏览 233", *PROSE,
            "滨江街道办事处 版权所有"]
    assert line in clean(page, title)


def test_a_page_s_own_time_under_the_headline_still_goes():
    title = "社区秋季运动会通知_社区动态_滨江街道"
    page = ["滨江街道 首页 社区动态 办事指南 联系我们", "社区秋季运动会通知", "发布时间：2026年9月20日", *PROSE, "滨江街道办事处 版权所有"]
    assert "发布时间：2026年9月20日" not in clean(page, title)


@pytest.mark.parametrize("key", ["公告日期", "发文日期", "成文日期", "印发日期", "公开日期", "信息时间", "首发时间", "推送时间", "审核时间", "稿件时间"])
def test_a_key_of_when_the_document_was_put_out_is_the_pages_time_not_an_events(key):
    # unseen7's stock announcement kept its 公告日期：2024-09-06 under the headline as an event's
    # time. The model reads lines folded and normalised (an ASCII colon).
    assert not generic._event_time(f"{key}:2024-09-06")
    assert generic._event_time("活动时间:2026年3月12日 9:00-11:00")


def test_schedule_rows_are_three_dated_rows_one_under_another():
    rows = ["6月13日 19:30 滨江队 VS 临海队 市体育中心", "6月14日 19:30 青山队 VS 东湖队 青山体育场", "6月20日 19:30 滨江队 VS 青山队 市体育中心"]
    assert schedule_rows(["正文", *rows, "正文"]) == {1, 2, 3}
    assert schedule_rows(["正文", *rows[:2], "正文"]) == set()  # two rows: a byline and a dateline as often
    # A thread's stamps have its posts between them.
    assert schedule_rows([rows[0], "回复内容", rows[1], "回复内容", rows[2]]) == set()
    # Machine dates are a site's list's.
    assert schedule_rows(["2026-03-10 关于开展活动的通知", "2026-03-08 关于停水的通知", "2026-03-05 关于停电的通知"]) == set()


def test_framed_schedule_rows_need_prose_at_most_a_line_away_on_both_sides():
    rows = ["6月13日 19:30 甲队 VS 乙队", "6月14日 19:30 丙队 VS 丁队", "6月20日 19:30 甲队 VS 丙队"]
    prose = lambda texts: lambda pos: texts[pos].startswith("正文")  # noqa: E731
    texts = ["正文", "赛程如下：", *rows, "正文"]
    assert schedule_rows(texts, prose(texts)) == {2, 3, 4}
    texts = ["正文", "相关新闻", "广告", *rows, "正文"]
    assert schedule_rows(texts, prose(texts)) == set()
    texts = ["标题", *rows, "正文"]
    assert schedule_rows(texts, prose(texts)) == set()


@pytest.mark.parametrize("rows", [
    ["6月13日 19:30 滨江队 VS 临海队 市体育中心", "6月14日 19:30 青山队 VS 东湖队 青山体育场", "6月20日 19:30 滨江队 VS 青山队 市体育中心"],
    ["2月17日（年初一）上午9時至下午1時 九龍城普通科門診診所", "2月18日（年初二）上午9時至下午1時 西營盤普通科門診診所",
     "2月19日（年初三）上午9時至下午1時 元朗普通科門診診所"],
])
def test_a_schedule_between_the_body_s_paragraphs_stays(rows):
    # losses34: a fixture list's rows under a short first paragraph went as bylines (their stamps
    # ended the body above them), a clinic's holiday hours as dated rows between two paragraphs.
    title = "城市足球联赛第二阶段赛程出炉_体育_滨江新闻网"
    page = ["滨江新闻网 首页 时政 民生 体育 文化 视频", "城市足球联赛第二阶段赛程出炉", "2026-06-05 10:20 来源：滨江日报 记者 马骏",
            "第二阶段比赛将于下周末开打，各队将继续在主场和客场轮流作战。", *rows, PROSE[1], "球票将于比赛前三天在官方小程序发售。",
            "相关新闻", "城市足球联赛首轮：滨江队主场2:1取胜 05-24", "滨江新闻网 版权所有"]
    out = clean(page, title)
    assert all(row in out for row in rows), out
    assert "2026-06-05 10:20 来源：滨江日报 记者 马骏" not in out and "滨江新闻网 版权所有" not in out


def test_a_bare_date_beside_a_place_under_the_headline_is_the_event_s():
    # losses34: 日期：… over 地點：… under a festival's headline went as head+kv_filled.
    title = "社区秋季运动会通知_社区动态_滨江街道"
    page = ["滨江街道 首页 社区动态 办事指南 联系我们", "社区秋季运动会通知", "发布日期：2026-09-20",
            "日期：2026年10月18日至10月25日（逢周六）", "地点：滨江街道文体中心", *PROSE, "滨江街道办事处 版权所有"]
    out = clean(page, title)
    assert "日期：2026年10月18日至10月25日（逢周六）" in out, out
    assert "发布日期：2026-09-20" not in out
    assert not generic._event_date(["日期:2026年10月18日", "来源:滨江街道"], 0)  # a byline's date beside its source
    assert not generic._event_date(["发布日期:2026年10月18日", "地点:文体中心"], 0)  # the page's own time


def test_numbered_points_with_clauses_under_the_headline_stay_and_numbered_titles_go():
    # A statistics bulletin's numbered points went as a table of contents (generic/list).
    title = "2025年滨江市国民经济和社会发展统计公报_统计公报_滨江市统计局"
    points = ["1. 全市地区生产总值5123.6亿元，比上年增长5.4%", "2. 一般公共预算收入412.8亿元，增长3.1%",
              "3. 城镇居民人均可支配收入68512元，增长4.6%"]
    page = ["滨江市统计局 首页 统计数据 统计分析 统计公报", "2025年滨江市国民经济和社会发展统计公报",
            "发布时间：2026-03-15 来源：综合处 浏览次数：512", *points, *PROSE, "主办：滨江市统计局 浙ICP备05012345号"]
    out = clean(page, title)
    assert all(p in out for p in points), out
    texts = ["标题", "目录", "1. 起步", "2. 发展", "3. 展望", "正文"]
    assert head_items(texts, 0, 5, [(2, 4, False)], lambda pos: True, lambda pos: False) == set()
# The time span's gate (item_runs._time_span): a line holding none of a time's colon, 时 or 点 is
# not searched; it must never hide a span the pattern finds, and the length is asked first.
_SPAN_PIECES = ["9", "12", "30", ":", "时", "点", "分", "半", "至", "-", "～", " ", "上午", "次日", "开幕式", "，", "。"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SPAN_PIECES), max_size=14))
def test_the_time_span_gate_hides_no_span(pieces):
    from cleaner.furniture import item_runs

    text = "".join(pieces)
    assert item_runs._time_span(text) == (item_runs._TIME_SPAN.search(text) is not None)


def test_a_dated_row_is_found_through_each_sign_of_a_time_and_not_past_its_length():
    assert article_dated("开幕式 9:00-9:20")
    assert article_dated("报到 上午9时至中午12时")
    assert article_dated("签到 8点半至9点")
    assert not article_dated("这是一行很长的文字" * 7 + " 9:00-9:20")  # past ROW_MAX: no row
    assert not article_dated("开幕式在市民广场举行")


def test_article_dated_is_remembered_by_line():
    """Asked of a line by several readers a reading (``schedule_rows`` three times, the body's
    reading once), the answer is remembered for the line (lru_cache): a second ask reads no pattern."""
    article_dated.cache_clear()
    rows = ["3月12日 资格初审结果公布", "标题 2026-01-28", "开幕式 9:00-9:20", "关于举办活动的通知"]
    first = [article_dated(text) for text in rows]
    assert first == [True, False, True, False]
    assert [article_dated(text) for text in rows] == first
    assert article_dated.cache_info().misses == len(rows)
    assert article_dated.cache_info().hits == len(rows)
