"""A notice's closing rows down to its signature (cleaner/furniture/closing_rows.py), and the
furniture stage keeping them while a site's foot of the same rows still goes."""

import pytest

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.closing_rows import RESUME_ROWS, closing_rows, resumed_rows, signatures, words_date

ROWS = ["四、联系方式", "联系人:王老师", "咨询电话:0571-87654321", "地址:文三路198号3楼"]


def test_a_signature_is_an_issuer_over_a_date_or_a_sign_off():
    texts = ["正文", *ROWS, "西湖区人力资源和社会保障局", "2026年5月8日"]
    assert signatures(texts, 0, {5, 6}) == [(5, 6)]
    roc = ["正文", "电话:(04)2284-0000", "教务处招生组 敬启", "中华民国115年9月15日"]
    assert signatures(roc, 0, set()) == [(2, 3)]
    assert signatures(["正文", "慈云宫管理委员会 敬启"], 0, set()) == [(1, 1)]
    roc_alone = ["正文", "这是一个说到民国时期的句子。", "中华民国115年9月15日"]
    assert signatures(roc_alone, 0, set()) == []  # a sentence signs nothing


def test_the_rows_down_to_the_signature_are_the_articles_when_every_row_fits():
    texts = ["正文", *ROWS, "西湖区人力资源和社会保障局", "2026年5月8日", "主办单位:某局"]
    assert closing_rows(texts, 0, {5, 6}, lambda pos: True, lambda pos: False) == set(range(1, 7))
    # One row of the site's (the caller's row_fits says so) or a line taken between: none.
    assert closing_rows(texts, 0, {5, 6}, lambda pos: pos != 2, lambda pos: False) == set()
    assert closing_rows(texts, 0, {5, 6}, lambda pos: True, lambda pos: pos == 3) == set()
    assert closing_rows(texts, 0, set(), lambda pos: True, lambda pos: False) == set()


BODY = ["为进一步提升劳动者就业技能，根据省市有关文件精神，现就做好本年度职业技能培训补贴申领工作有关事项通知如下。",
        "一、补贴对象：在本区参加职业技能培训并取得证书的城乡劳动者，以及有培训需求的失业人员。",
        "二、申领时间：2026年5月10日至6月30日，法定节假日除外，逾期不再受理，请相关人员合理安排时间。",
        "三、申领材料：身份证、培训合格证书、银行卡复印件，材料不全的，经办机构将一次性告知需补正的内容。"]
TAIL = ["四、联系方式", "联系人：王老师、李老师", "咨询电话：0571-87654321", "办公地址：西湖区文三路198号区行政服务中心3楼",
        "西湖区人力资源和社会保障局", "2026年5月8日"]


def kept_and_gone(page: list[str]) -> tuple[list[str], dict[str, str]]:
    removal = remove_furniture("\n".join(page), ())
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}
    return removal.text.split("\n"), gone


def test_a_notices_contacts_under_a_heading_read_as_furniture_stay_to_its_signature():
    foot = ["【打印本页】【关闭窗口】", "主办单位：西湖区人力资源和社会保障局 网站标识码：3301060012", "浙ICP备05012345号"]
    kept, gone = kept_and_gone(["关于开展职业技能培训补贴申领工作的通知", *BODY, *TAIL, *foot])
    assert kept == ["关于开展职业技能培训补贴申领工作的通知", *BODY, *TAIL]
    assert set(gone) == set(foot)


def test_without_the_closing_rows_the_contacts_go_as_after_barrier(monkeypatch):
    # What the module changes: read without it, the rows under the heading 联系方式 go as furniture.
    from cleaner.furniture import generic
    monkeypatch.setattr(generic, "closing_rows", lambda *args: set())
    # Its rows name a person to call (联系人): the contact block (notice_contacts.py) would keep them too.
    monkeypatch.setattr(generic, "contact_block", lambda *args: set())
    foot = ["【打印本页】【关闭窗口】", "主办单位：西湖区人力资源和社会保障局 网站标识码：3301060012", "浙ICP备05012345号"]
    kept, gone = kept_and_gone(["关于开展职业技能培训补贴申领工作的通知", *BODY, *TAIL, *foot])
    assert not set(TAIL) <= set(kept)
    assert any("after_barrier" in gone[row] for row in TAIL if row in gone)


@pytest.mark.parametrize("row", ["发布时间：2026-05-08 来源：区人社局", "分享到：微信 | 微博 | QQ空间", "版权所有：西湖区人力资源和社会保障局"])
def test_a_site_row_between_the_body_and_a_date_closes_nothing(row):
    kept, gone = kept_and_gone(["关于开展职业技能培训补贴申领工作的通知", *BODY, row, "西湖区人社局", "2026年5月8日"])
    assert row in gone


def test_short_lines_under_the_signature_are_past_the_end_a_bracketed_note_is_not():
    below = ["（此件主动公开）", "服务热线：400-666-7788 | 在线客服 | 门店查询", "关注我们：微信 | 微博 | 抖音"]
    kept, gone = kept_and_gone(["关于开展职业技能培训补贴申领工作的通知", *BODY, *TAIL, *below])
    assert kept[-1] == "（此件主动公开）"
    assert "past_end" in gone[below[1]]


def test_rows_the_articles_sentence_closes_are_its_own():
    # body_end 0; rows 1-3; the sentence at 4.
    sentence = lambda pos: pos == 4  # noqa: E731
    assert resumed_rows(0, 6, lambda pos: True, lambda pos: False, sentence) == {1, 2, 3}
    assert resumed_rows(0, 6, lambda pos: pos != 2, lambda pos: False, sentence) == set()  # a site's row between
    assert resumed_rows(0, 6, lambda pos: True, lambda pos: pos == 4, sentence) == set()  # a line taken between
    assert resumed_rows(0, 6, lambda pos: True, lambda pos: False, lambda pos: pos == 1) == set()  # no row at all
    far = RESUME_ROWS + 2
    assert resumed_rows(0, far + 1, lambda pos: True, lambda pos: False, lambda pos: pos == far) == set()


EVENT = ["义顺社区将于本月底举办中秋提灯会，届时将有灯笼制作、猜灯谜和文艺表演等活动，欢迎居民携家人参加。",
         "主办方表示，今年特别增加了长者专区和儿童游戏区，希望让不同年龄的居民都能度过愉快的中秋夜晚。"]
FACTS = ["活动详情：", "日期：9月26日（星期六）", "时间：晚上7时至10时", "地点：义顺公园草场"]


def test_an_events_facts_under_its_text_stay_when_its_sentence_follows_them():
    foot = ["热门新闻", "组屋转售价格连续第十季上涨", "版权所有 © 2026 SPH Media Limited."]
    kept, gone = kept_and_gone(["义顺社区中秋提灯会 欢迎居民参加", *EVENT, *FACTS, "入场免费。", *foot])
    assert kept == ["义顺社区中秋提灯会 欢迎居民参加", *EVENT, *FACTS, "入场免费。"]


@pytest.mark.parametrize("key", ["投稿邮箱：zhengwen@bjrb.cn", "投稿信箱：prize@myl.org.mo"])
def test_a_hotline_key_over_the_signature_is_the_notices_contact_row(key):
    # portals' site-foot reads 投稿邮箱：… as a site's hotline; over the notice's signature it is a
    # contact row of the notice. The site's own hotline under the signature still goes.
    tail = ["联系人：王老师", "联系电话：0571-87001234", key, "滨江日报社", "2026年3月1日"]
    foot = ["新闻热线：0571-87000000", "滨江日报网 版权所有 浙ICP备05012345号"]
    kept, gone = kept_and_gone(["关于举办征文活动的通知", *BODY, *tail, *foot])
    assert kept == ["关于举办征文活动的通知", *BODY, *tail]
    assert set(gone) == set(foot)


def test_a_joint_notices_issuers_over_one_date_are_one_signature():
    texts = ["正文", "临川市人力资源和社会保障局", "临川市教育局", "临川市财政局", "2027年4月18日", "扫一扫在手机打开当前页"]
    assert signatures(texts, 0, {1, 2, 3, 4}) == [(1, 4)]
    assert closing_rows(texts, 0, {1, 2, 3, 4}, lambda pos: True, lambda pos: False) == {1, 2, 3, 4}


def test_a_signing_date_in_words():
    assert words_date("中华民国114年8月15日") and words_date("114年8月15日") and words_date("二〇二五年十月三日")
    assert words_date("中华民国一一四年八月十五日")
    assert not words_date("2027年4月18日") and not words_date("二〇二五年十月三日上午") and not words_date("114年度工作计划")
