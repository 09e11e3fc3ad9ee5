"""The article's own rows above its body (cleaner/furniture/body_forms.py)."""

from cleaner.furniture.body_forms import grow_over_forms

# A programme: its body was found where its rows read as sentences (from position 6); the rows
# above repeat the body's forms (地点：, 主持人：, 8:30-8:50 …) and are the article's own.
PROGRAMME = [
    "首页 | 学术活动 | 通知公告",
    "12月10日 代表注册",
    "地 点:校内明珠园",
    "时 间:7:00-9:30",
    "主持人:年会秘书长 海闻教授",
    "8:30-8:50 开幕式",
    "1:30-3:30 第一场,区域经济与产业转移,报告人依次作报告。",
    "地 点:第二教学楼201",
    "主持人:何军,评论人由分会场主席指定。",
    "3:45-5:45 第二场,城市化与人口流动,报告人围绕户籍制度展开讨论。",
    "地点:第二教学楼202",
    "主持人:钱伟,评论人由分会场主席指定。",
]


def _grow(texts, first, stops=None, headline=lambda pos: False):
    stops = stops or [False] * len(texts)
    return grow_over_forms(texts, lambda pos: stops[pos], first, len(texts) - 1, headline)


def test_rows_sharing_the_bodys_forms_join_it():
    # Up to the last row holding a form (地 点:); 时 间: is bridged, 12月10日 holds none.
    assert _grow(PROGRAMME, 6) == 2


def test_a_stop_or_the_headline_ends_the_growth():
    stops = [False] * len(PROGRAMME)
    stops[4] = True  # a line with a furniture sign of its own
    assert _grow(PROGRAMME, 6, stops) == 5
    assert _grow(PROGRAMME, 6, headline=lambda pos: pos == 2) == 4


def test_a_byline_above_a_body_of_prose_shares_no_form():
    page = ["来源:新华社", "作者:张三", "编辑:李四",
            "今年以来，全市新增就业岗位两万余个，城镇调查失业率保持在较低水平。",
            "市人社局表示，将继续加大职业技能培训力度，帮助更多劳动者实现就业。"]
    assert _grow(page, 3) == 3


def test_a_form_seen_once_in_the_body_is_not_the_articles():
    page = ["地点:某某大厦", "发布时间:2024-01-01", "活动将在地点:市民中心举行,欢迎市民参加。", "报名截止日期为本月底,名额有限。"]
    assert _grow(page, 2) == 2


# A chat log published as a page: its rows open with their stamp, and a row ending no sentence is
# a post's stamp to body finding, a barrier. Body finding found the article below such rows.
CHAT = [
    "[2024-03-08 20:01] 陈晨:今晚的读书会改到线上了,链接稍后发群里。",
    "[2024-03-08 20:02] 刘洋:好的,这次读哪一本?",
    "[2024-03-08 20:03] 陈晨:《人类简史》第三部分,大家提前看一下。",
    "[2024-03-08 20:05] 周敏:[图片] 读书笔记.jpg",
    "[2024-03-08 20:06] 周敏:这是我上周整理的笔记,大家可以参考。",
    "[2024-03-08 20:09] 刘洋:太有用了,谢谢!",
]


def test_a_barrier_of_the_bodys_own_row_form_is_crossed():
    stops = [False, False, False, True, False, False]  # the row ending no sentence: a post's stamp
    grow = lambda rows: grow_over_forms(CHAT, lambda pos: stops[pos], 4, 5, lambda pos: False, rows)  # noqa: E731
    assert grow(lambda pos: False) == 4  # a barrier stops the growth
    assert grow(lambda pos: stops[pos]) == 0  # but a stamp of the body's own rows is one more row


def test_a_chat_log_page_keeps_its_rows():
    from cleaner import Cleaner

    rows = ["[2024-03-08 20:01] 陈晨：今晚的读书会改到线上了，链接稍后发群里。",
            "[2024-03-08 20:02] 刘洋：好的，这次读哪一本？",
            "[2024-03-08 20:03] 陈晨：《人类简史》第三部分，大家提前看一下。",
            "[2024-03-08 20:05] 周敏：[图片] 读书笔记.jpg",
            "[2024-03-08 20:06] 周敏：这是我上周整理的笔记，大家可以参考。",
            "[2024-03-08 20:09] 刘洋：太有用了，谢谢！",
            "[2024-03-08 20:12] 陈晨：八点半准时开始，迟到的自己进会议室。",
            "[2024-03-08 20:15] 赵磊：我可能要晚十分钟，孩子还没睡。",
            "[2024-03-08 20:16] 陈晨：没关系，先听录音也行。"]
    page = ["首页 | 新闻中心 | 通知公告 | 联系我们", "读书会群聊记录", *rows, "【打印本页】【关闭窗口】", "Copyright © 2008 某某网 版权所有"]
    out = Cleaner(to="keep").run("\n".join(page), title="读书会群聊记录_某某网").text.split("\n")
    assert [row for row in page[2:-2] if row not in out] == []
    assert "【打印本页】【关闭窗口】" not in out


# A contract published as a page: its party rows above its clauses, the address and phone rows of
# each party between them. The clauses name the parties (甲方, 乙方); the model took the rows as a
# byline and a contact list (session 25).
CONTRACT = [
    "出租方(甲方):北京某某置业有限公司",
    "地址:北京市朝阳区某某路88号",
    "联系电话:010-12345678",
    "承租方(乙方):李某某",
    "联系电话:13800000000",
    "根据有关法律法规的规定,甲乙双方在平等、自愿的基础上,就乙方承租甲方房屋事宜,订立本合同。",
    "第一条 甲方将位于某某小区的房屋出租给乙方居住使用,房屋建筑面积为89平方米。",
    "第二条 租赁期限为十二个月,期满后乙方如需续租,应提前一个月书面通知甲方。",
]


def test_field_rows_whose_keys_the_body_names_join_it():
    keyed = lambda pos: CONTRACT[pos].startswith(("地址", "联系电话"))  # the lexicon's keys  # noqa: E731
    grow = lambda k: grow_over_forms(CONTRACT, lambda pos: False, 5, 7, lambda pos: False, keyed=k)  # noqa: E731
    assert grow(keyed) == 0
    assert grow(None) == 5  # without the test the rows share no form with the clauses
    # A byline's key the body names (a review says 作者 in its sentences) is the lexicon's: no party.
    review = ["作者:张三", "这本书的作者在序言里交代了写作的缘起,读来颇为动人。", "作者用了十年时间走访各地,收集了大量第一手资料。"]
    assert grow_over_forms(review, lambda pos: False, 1, 2, lambda pos: False, keyed=lambda pos: pos == 0) == 1
