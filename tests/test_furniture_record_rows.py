"""The page's record of the article, one field a line, over the furniture under it (cleaner/furniture/record_rows.py)."""

from cleaner.furniture.record_rows import record_kind, record_rows

from test_furniture_keyed_rows import PROSE, SECOND, clean  # the same government notice and its cleaner


def test_kinds_of_the_page_record():
    # Normalised, folded text (simplified script, ASCII colon), as the model reads it.
    assert record_kind("本文作者:老周") == "credit"  # closes with a lexicon key
    assert record_kind("视频编辑:孙悦") == "record"  # 编辑 is a key of the page's record
    assert record_kind("最后更新日期:115-03-21") == "record"
    assert record_kind("发布单位:长期照护科") == "record"
    assert record_kind("相关附件:报名表.pdf") == "related"
    assert record_kind("关联文件:关于调整缴费标准的通知") == "related"
    for text in ("附件:植树活动报名表",  # an attachment the notice refers to
                 "联系电话:0571-86001234", "营业时间:9:00-21:00",  # facts an article gives
                 "基金项目:国家社会科学基金项目(23BJY000)", "票价:免费(需预约)",  # keys no lexicon holds
                 "作者简介:林静,1978年生,四川成都人。",  # clauses: a bio, no row of fields
                 "(本文作者为同济大学教授)",  # no key's colon
                 "来源:某某日报 编辑:陈思"):  # two fields: a row, read elsewhere
        assert record_kind(text) is None, text


def test_the_run_is_read_upward_from_the_furniture():
    texts = [PROSE, "联系电话:0571-86001234", "本文作者:老周", "更新日期:2026-03-02", "分享到 微信 微博"]
    gone = {4}
    assert record_rows(texts, 1, gone.__contains__, set()) == [(2, "credit"), (3, "record")]
    # Nothing gone under them: the page's end is the furniture's place.
    assert record_rows(texts[:4], 1, set().__contains__, set()) == [(2, "credit"), (3, "record")]
    # An article's fact between them and the furniture stops the run.
    texts = [PROSE, "本文作者:老周", "联系电话:0571-86001234", "分享到 微信 微博"]
    assert record_rows(texts, 1, {3}.__contains__, set()) == []
    # The article's own rows (a notice's closing rows, its signature) stay.
    texts = [PROSE, "更新日期:2026-03-02", "分享到 微信 微博"]
    assert record_rows(texts, 1, {2}.__contains__, {1}) == []


def test_record_rows_leave_the_page():
    page = "\n".join(["县政府补助老旧公寓加装电梯", "发布日期：2026-03-02", PROSE, SECOND, "本文作者：老周",
                      "最后更新日期：2026-03-05", "原文链接：https://example.net/a", "版权声明：转载请注明出处"])
    out = clean(page)
    assert out[-1] == SECOND, out  # 本文作者 right under the article went with the furniture under it


def test_article_facts_in_that_place_stay():
    page = "\n".join(["“丝路遗珍”特展开幕", PROSE, SECOND, "展览时间：2026年7月1日至10月8日", "票价：免费（需预约）",
                      "编辑：展览部 审核：办公室", "打印 收藏 关闭", "上一篇：长安遗韵文物展", "某某省博物馆 版权所有"])
    out = clean(page)
    assert "票价：免费（需预约）" in out and "展览时间：2026年7月1日至10月8日" in out, out
