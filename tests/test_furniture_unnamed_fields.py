"""Rows of the page's record whose keys no lexicon holds (cleaner/furniture/unnamed_fields.py)."""

import pytest

from cleaner.furniture.record_rows import record_rows
from cleaner.furniture.unnamed_fields import byline_rows, parallel, unnamed_field

from test_furniture_keyed_rows import PROSE, SECOND, clean  # the same government notice and its cleaner


def test_the_record_shape_needs_no_known_key():
    # Normalised, folded text (simplified script, ASCII colon), as the model reads it.
    for text in ("内容维护:陈列部", "值班预报员:刘明", "一审:王丽 二审:张军 三审:李建华", "文章编号:CJ20260715009",
                 "上载日期:2026年3月21日", "刊登日期:2026-12-01",  # a date key over a whole date: the page's stamp
                 "版权协议:CC BY-NC-SA 4.0"):
        assert unnamed_field(text), text
    for text in ("展览时间:2026年5月18日至8月31日",  # a span: an event's date
                 "活动时间:5月3日 14:00", "联系电话:0571-86001234", "咨询联系人:王老师",  # facts, or keys closing with one
                 "作者简介:林静,1978年生,四川成都人。",  # clauses
                 "报名方式:关注图书馆公众号后在线填写报名表并上传近期免冠照片一张",  # a value longer than a name
                 "(本文作者为同济大学教授)", "分享 收藏 关闭"):  # no key
        assert not unnamed_field(text), text


def test_unnamed_rows_go_under_a_named_row():
    texts = [PROSE, "更新日期:2026-05-18", "内容维护:陈列部", "审核人:办公室", "网站地图 联系我们"]
    found = record_rows(texts, 1, {4}.__contains__, set())
    assert found == [(1, "record"), (2, "unnamed:under-record"), (3, "unnamed:under-record")]
    # Above the record's first named row they hang from the prose: the run stops at them.
    texts = [PROSE, "内容维护:陈列部", "审核人:办公室", "更新日期:2026-05-18", "网站地图 联系我们"]
    assert record_rows(texts, 1, {4}.__contains__, set()) == [(3, "record")]
    # Alone, with nothing named near them, they stay (the run stops at them, as before).
    texts = [PROSE, "内容维护:陈列部", "审核人:办公室", "网站地图 联系我们"]
    assert record_rows(texts, 1, {3}.__contains__, set()) == []


def test_unnamed_rows_leave_the_page():
    page = "\n".join(["县政府补助老旧公寓加装电梯", "发布日期：2026-03-02", PROSE, SECOND, "更新日期：2026-03-05",
                      "信息提供：住建科", "值班编审：周敏", "打印本页 关闭窗口"])
    out = clean(page)
    assert out[-1] == SECOND, out


# An article closing on its own facts, key：value a line, in both scripts (review36f: over a share row,
# a print row or an editor's credit these went as the page's record, over-furniture / beside-record).
FACT_ROWS = [["型号：X200", "尺寸：15×7厘米", "重量：180克"], ["型號：X200", "尺寸：15×7釐米", "重量：180克"],
             ["岗位：前端工程师", "薪资：15-25K", "学历：本科及以上"], ["職位：前端工程師", "薪資：15-25K"],
             ["案号：（2026）浙0102民初123号", "当事人：张某某"], ["比分：3比1", "进球：王强 李明"],
             ["价格：2999元", "颜色：星空灰"]]


@pytest.mark.parametrize("rows", FACT_ROWS, ids=lambda rows: rows[0])
@pytest.mark.parametrize("under", [["分享到：微信 微博 QQ空间", "某某网 版权所有 未经授权禁止转载"], ["打印本页 关闭窗口"],
                                   ["责任编辑：王敏", "分享到：微信 微博 QQ空间"], ["责任编辑：王敏"]],
                         ids=["share", "print", "editor-share", "editor"])
def test_article_facts_over_furniture_stay(rows, under):
    page = "\n".join(["某某网 首页 新闻 财经 体育 娱乐 科技", "全市举办秋季招聘暨新品发布活动", PROSE, SECOND, *rows, *under])
    from cleaner import Cleaner
    got = Cleaner(to="keep").run(page, title="全市举办秋季招聘暨新品发布活动_某某网").text.split("\n")
    assert all(row in got for row in rows), got
    assert "责任编辑：王敏" not in got


def test_article_rows_of_that_shape_stay():
    # An event's facts close the article over the share row: the article writes such rows itself.
    page = "\n".join(["第十届市民读书节将于下周开幕", PROSE, "主讲嘉宾：王教授", SECOND, "报名渠道：图书馆公众号",
                      "分享到：微信 微博", "某某市图书馆 版权所有"])
    out = clean(page)
    assert "报名渠道：图书馆公众号" in out, out


def test_rows_hanging_from_the_article_facts_stay():
    # The run's top stands under a fact's row of the article's: the rows below it are its facts too.
    texts = [PROSE, "展览时间:2026年7月1日至10月8日", "票价:免费", "编辑:展览部 审核:办公室", "打印 收藏 关闭"]
    assert record_rows(texts, 1, {4}.__contains__, set()) == []
    # Under a named row too: the run hangs from the fact's row above it, its unnamed rows stay.
    texts = [PROSE, "展览时间:2026年7月1日至10月8日", "更新日期:2026-05-18", "票价:免费", "打印 收藏 关闭"]
    assert record_rows(texts, 1, {4}.__contains__, set()) == []  # the run stops at 票价, as at any other line


def test_article_rows_of_the_shape_are_told_by_their_values_and_keys():
    assert not unnamed_field("学生姓名:__________")  # a form's blank
    assert not unnamed_field("报名咨询:0371-65901234(教务处)")  # a contact
    assert not unnamed_field("上市时间:2026年10月15日")  # a 时间 is an event's, whatever its date
    assert parallel(["公开组金奖:梁嘉欣", "公开组银奖:何志明"])  # a list's rows
    assert not parallel(["文章作者:财经编辑部", "文章编号:CJ20260715009"])  # a record's
    texts = [PROSE, "公开组金奖:梁嘉欣", "公开组银奖:何志明", "影片来源:本会"]
    assert record_rows(texts, 1, set().__contains__, set()) == [(3, "record")]


def test_lists_under_the_record_stay():
    # A list's rows (one key pattern) under a named row are the article's: the run stops at them.
    texts = [PROSE, "更新日期:2026-05-18", "新增:账单按标签筛选", "新增:月度预算提醒", "优化:首页加载速度"]
    assert record_rows(texts, 1, set().__contains__, set()) == []
    texts = [PROSE, "新增:账单按标签筛选", "新增:月度预算提醒", "更新日期:2026-05-18"]
    assert record_rows(texts, 1, set().__contains__, set()) == [(3, "record")]
    assert not unnamed_field("受理期间:即日起至115年6月30日止")  # a span
    assert not unnamed_field("洽询专线:(03)551-8101分机3321")  # a contact
    assert not unnamed_field("附件:创业贷款申请须知(PDF)")  # a file the article refers to


def test_byline_rows_under_the_headline():
    texts = ["红烧排骨的家常做法", "菜谱作者:厨房里的小胖 收藏:2.1万 做过:3046", PROSE]
    assert byline_rows(texts, 0, set()) == [1]
    assert byline_rows(texts, -1, set()) == []  # no headline a title names
    for row in ("证券代码:002987 证券简称:华东精密",  # codes, no count
                "导演:王一 主演:李二",  # a work's card: no date, no count
                "比赛时间:2026-05-03 比赛地点:市体育中心"):  # an event's facts
        assert byline_rows(["标题", row, PROSE], 0, set()) == [], row
    # Rows gone already are passed over; the run stops at the first other line.
    texts = ["标题", "某某网 2026-05-03", "发帖:342 注册:2019-03-02", PROSE, "等级:LV6 发帖:342"]
    assert byline_rows(texts, 0, {1}) == [2]
    # A period's two dates and no count are an article's facts (a life, an event's days): a byline stamps once.
    for row in ("生于:1932年4月5日 卒于:2026年11月30日", "开幕:2026-05-03 闭幕:2026-05-10"):
        assert byline_rows(["标题", row, PROSE], 0, set()) == [], row
    assert byline_rows(["标题", "注册:2019-03-02 最后登录:2026-12-01 发帖:342", PROSE], 0, set()) == [1]


def test_byline_rows_leave_the_page():
    page = "\n".join(["红烧排骨的家常做法", "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046", PROSE, SECOND])
    out = clean(page)
    assert "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046" in out  # no title: no headline it names
    from cleaner import Cleaner
    got = Cleaner(to="keep").run(page, title="红烧排骨的家常做法_某某美食网").text.split("\n")
    assert "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046" not in got and PROSE in got, got
