"""Replies closed by a stamp at the end of their own line (cleaner/furniture/stamped_replies.py)."""

import pytest

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.stamped_replies import stamped, stamped_replies

POST = ("轮渡要提前在网上订票，旺季现场基本买不到，车辆上船前还要排很久的队，最好提前两个小时到码头。"
        "岛上加油站很少，上岛前一定要把油加满，环岛公路有几段是山路，弯道多，晚上尽量不要开。民宿最好提前确认有没有停车位。")
REPLIES = [
    "收藏了，下个月正好要去，请问岛上的环岛公路晚上有没有路灯？我们可能要到傍晚才能上岛。【海边的风】08-22 10:02 0字 [46/0]",
    "轮渡确实难订，我们上次在码头等了三个小时，孩子都睡着了，后来才知道工作日的早班船人少很多。【喜欢看海】08-22 12:24 0字 [31/1]",
    "顶一个！岛上的海鲜排档价格差别很大，点菜前先问清楚是按斤还是按份算，不要在码头边上吃。【小船】2024-08-22 13:40",
]
ROW = "自驾去海岛要注意哪些事？【阿杰】08-22 09:13 173字 [154/0]"  # a row of a list of the thread's posts: a title, no paragraph


@pytest.mark.parametrize("line", [
    *REPLIES, ROW,
    "补充一点，订房时一定要问清楚。〖吃货小王〗8月23日 19:02:11 12字 (5/0)",
])
def test_a_line_ending_in_a_bracketed_name_a_date_and_a_time_is_stamped(line):
    assert stamped(line)


@pytest.mark.parametrize("line", [
    "【海边的风】08-22 10:02 0字 [46/0]",  # a stamp alone: portals.py's forms read it
    "新华社北京8月22日电【新华社】",  # an outlet's name carries no time
    "第六届中国经济学年会胜利闭幕（2006-12-19）[836]",  # a date and a count, no name
    "最近一次满载的是【周末专线】8月22日 09:45那一班。",  # the name and time inside a sentence
    "会议定于8月22日 09:45召开",  # a time without a name
])
def test_other_lines_are_not_stamped(line):
    assert not stamped(line)


def test_the_first_stamped_line_stays_and_lines_between_two_replies_go_with_the_later():
    # Under prose the first stamped line may be the first reply, or the end of a first post of
    # several paragraphs: it stays (the lesser loss); the replies after it go.
    texts = [POST, REPLIES[0], "补充一点，有些老房子在巷子里面，车开不进去。", REPLIES[1], REPLIES[2], "发表回复"]
    assert stamped_replies(texts) == [3, 4]
    texts = [POST, REPLIES[0], REPLIES[1], "补充一点，有些老房子在巷子里面，车开不进去。", REPLIES[2]]
    assert stamped_replies(texts) == [2, 3, 4]


def test_without_prose_above_the_first_stamped_post_is_the_article():
    texts = ["主题：自驾去海岛", POST + "【阿杰】08-22 09:13 173字 [154/0]", *REPLIES]
    assert stamped_replies(texts) == [2, 3, 4]


def test_a_first_post_of_several_paragraphs_keeps_its_last_one():
    # Found by review: its earlier paragraphs made the stamped last one read as a reply.
    first = ["岛上的民宿大多是当地人自己的房子改的，条件参差不齐，订之前一定要看清楚评价和照片，问清楚有没有热水。",
             "另外岛上的物价比市区高，零食和饮料最好在上岛前买好，药品也带一些，岛上只有一家小诊所。",
             POST + "【阿杰】08-22 09:13 173字 [154/0]"]
    texts = ["主题：自驾去海岛", *first, *REPLIES]
    assert stamped_replies(texts) == [4, 5, 6]


def test_one_name_on_every_stamp_is_a_source_not_a_thread():
    # A news flash: each item ends in its outlet's name and a time.
    items = [f"{news}【财联社】12-04 09:{m:02d}" for news, m in (
        ("国家统计局今日公布的数据显示，十一月份全国居民消费价格同比上涨百分之零点三，环比持平。", 45),
        ("央行今日开展一千亿元逆回购操作，中标利率持平，当日实现净投放五百亿元，市场流动性保持充裕。", 50),
        ("多家航空公司宣布自下月起下调国内航线燃油附加费，八百公里以上航线每位旅客收取二十元。", 55))]
    assert stamped_replies(items) == []


def test_one_stamped_line_is_no_thread():
    assert stamped_replies([POST, REPLIES[1]]) == []


def test_the_replies_go_as_steps_the_first_post_stays():
    page = "\n".join(["主题： 自驾去海岛要注意哪些事？", POST, "回复线索：", *REPLIES])
    removal = remove_furniture(page, ())
    assert removal.text.split("\n") == ["主题： 自驾去海岛要注意哪些事？", POST, REPLIES[0]]
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}
    assert gone[REPLIES[1]] == "generic/stamped-reply"


def test_a_row_shorter_than_a_paragraph_is_left_to_the_list_blocks():
    texts = [POST, ROW, REPLIES[1], ROW, REPLIES[2]]
    assert stamped_replies(texts) == [2, 4]
