"""Rows of the page's record whose keys no lexicon holds (cleaner/furniture/unnamed_fields.py)."""

from cleaner.furniture.record_rows import record_rows
from cleaner.furniture.unnamed_fields import byline_rows, evidence, own_form, parallel, unnamed_field

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


def test_evidence_is_the_company_the_rows_keep():
    assert evidence([False, True], None, False, False) == "beside-record"  # a named row in the run
    assert evidence([False], "更新于:2026-05-18", True, True) == "beside-record"  # one gone right under it
    assert evidence([False], "分享到:微信 微博", False, False) == "over-fields"
    # The article writes such rows itself: a row of fields under them is no evidence.
    assert evidence([False], "分享到:微信 微博", False, True) is None
    assert evidence([False], "打印 关闭", False, False) is None
    assert evidence([False], None, False, False) is None  # the page's end alone says nothing


def test_the_article_own_form():
    texts = ["标题", PROSE, "主讲嘉宾:王教授", SECOND, "内容维护:陈列部"]
    assert own_form(texts, 1, 4)
    assert not own_form(["标题", PROSE, "发布日期:2026-03-02 来源:本站", SECOND], 1, 4)  # the record's own keys
    assert not own_form(["标题", PROSE, "展览时间:2026年5月18日至8月31日", SECOND], 1, 4)  # a fact


def test_unnamed_rows_go_beside_the_record():
    texts = [PROSE, "内容维护:陈列部", "审核人:办公室", "更新日期:2026-05-18", "网站地图 联系我们"]
    found = record_rows(texts, 1, {4}.__contains__, set(), 0)
    assert found == [(1, "unnamed:beside-record"), (2, "unnamed:beside-record"), (3, "record")]
    # Alone, with nothing named near them, they stay (the run stops at them, as before).
    texts = [PROSE, "内容维护:陈列部", "审核人:办公室", "网站地图 联系我们"]
    assert record_rows(texts, 1, {3}.__contains__, set(), 0) == []
    # Over a row of fields a rule took, they go; not when the article writes such rows itself.
    under = lambda pos: "分享到:微信 微博" if pos == 2 else None  # noqa: E731
    assert record_rows(texts[:3], 1, set().__contains__, set(), 0, under) == [(1, "unnamed:over-fields"),
                                                                              (2, "unnamed:over-fields")]
    texts = ["主讲嘉宾:王教授", PROSE, "内容维护:陈列部", "审核人:办公室"]
    assert record_rows(texts, 2, set().__contains__, set(), 0, lambda pos: "分享到:微信 微博") == []


def test_unnamed_rows_leave_the_page():
    page = "\n".join(["县政府补助老旧公寓加装电梯", "发布日期：2026-03-02", PROSE, SECOND, "信息提供：住建科",
                      "值班编审：周敏", "更新日期：2026-03-05", "打印本页 关闭窗口"])
    out = clean(page)
    assert out[-1] == SECOND, out


def test_article_rows_of_that_shape_stay():
    # An event's facts close the article over the share row: the article writes such rows itself.
    page = "\n".join(["第十届市民读书节将于下周开幕", PROSE, "主讲嘉宾：王教授", SECOND, "报名渠道：图书馆公众号",
                      "分享到：微信 微博", "某某市图书馆 版权所有"])
    out = clean(page)
    assert "报名渠道：图书馆公众号" in out, out


def test_rows_hanging_from_the_article_facts_stay():
    # The run's top stands under a fact's row of the article's: the rows below it are its facts too.
    texts = [PROSE, "展览时间:2026年7月1日至10月8日", "票价:免费", "编辑:展览部 审核:办公室", "打印 收藏 关闭"]
    assert record_rows(texts, 1, {3}.__contains__, set(), 0, lambda pos: texts[pos + 1]) == []


def test_article_rows_of_the_shape_are_told_by_their_values_and_keys():
    assert not unnamed_field("学生姓名:__________")  # a form's blank
    assert not unnamed_field("报名咨询:0371-65901234(教务处)")  # a contact
    assert not unnamed_field("上市时间:2026年10月15日")  # a 时间 is an event's, whatever its date
    assert parallel(["公开组金奖:梁嘉欣", "公开组银奖:何志明"])  # a list's rows
    assert not parallel(["文章作者:财经编辑部", "文章编号:CJ20260715009"])  # a record's
    texts = [PROSE, "公开组金奖:梁嘉欣", "公开组银奖:何志明", "影片来源:本会"]
    assert record_rows(texts, 1, set().__contains__, set(), 0) == [(3, "record")]


def test_lone_rows_and_lists_over_furniture_stay():
    # One unnamed row over a share row may be the article's last fact; stacked ones go, a list's rows stay.
    texts = [PROSE, "单位:元/公斤"]
    assert record_rows(texts, 1, set().__contains__, set(), 0, lambda pos: "打印 关闭") == []
    texts = [PROSE, "内容维护:陈列部", "审核人:办公室"]
    assert record_rows(texts, 1, set().__contains__, set(), 0, lambda pos: "打印 关闭") == [
        (1, "unnamed:over-furniture"), (2, "unnamed:over-furniture")]
    texts = [PROSE, "新增:账单按标签筛选", "新增:月度预算提醒", "优化:首页加载速度"]
    assert record_rows(texts, 1, set().__contains__, set(), 0, lambda pos: "打印 关闭") == []
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


def test_byline_rows_leave_the_page():
    page = "\n".join(["红烧排骨的家常做法", "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046", PROSE, SECOND])
    out = clean(page)
    assert "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046" in out  # no title: no headline it names
    from cleaner import Cleaner
    got = Cleaner(to="keep").run(page, title="红烧排骨的家常做法_某某美食网").text.split("\n")
    assert "菜谱作者：厨房里的小胖 收藏：2.1万 做过：3046" not in got and PROSE in got, got
