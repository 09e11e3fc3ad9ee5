"""A fact card of the article's subject under the site's label (cleaner/furniture/fact_cards.py)."""

import pytest

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.fact_cards import entry_boxes, fact_cards, keyed_row

BODY = ["马玉芳第一次走进民勤县北部的沙窝，是在1974年的春天。那时她刚从林校毕业，背着一只帆布包，跟着老技术员在沙丘之间量了三天地。",
        "那一年的风沙大得出奇。她后来回忆说，早上出门时还能看见远处的电线杆，到了中午就只剩下眼前两三米的路。",
        "退休以后，她仍然每年春天回到沙窝。她说，树种下去只是开始，能不能活过第三个冬天，才是真正的考验。"]
CARD = ["人物档案", "姓名:马玉芳", "出生:1952年4月", "籍贯:甘肃民勤", "职业:林业工程师"]


def gone(page: list[str], title: str | None = None) -> dict[str, str]:
    removal = remove_furniture("\n".join(page), (), title=title)
    return {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}


def test_a_label_over_two_keyed_rows_or_more_is_a_card():
    assert fact_cards(["她在戈壁滩上种出了第一片防风林", *CARD, *BODY], [False] * 6 + [True] * 3) == [1, 2, 3, 4, 5]
    assert fact_cards(["店家资讯", "地址:台南市中西区民族路二段100巷5号", "营业时间:07:00-13:00(周一公休)", BODY[0]],
                      [False, False, False, True]) == [0, 1, 2]
    assert fact_cards(["【公司资料】", "成立时间:1998年", "总部:浙江宁波", BODY[0]], [False, False, False, True]) == [0, 1, 2]


def test_below_the_first_prose_the_rows_are_the_articles_own():
    # A museum's release about its own exhibition closes on them (unseen7's, kept by its hand copy).
    assert fact_cards([BODY[0], "展览资讯", "展期:2024年3月19日至12月29日", "地点:本馆二楼201、202展室"],
                      [True, False, False, False]) == []


@pytest.mark.parametrize("texts", [
    ["人物档案", "姓名:马玉芳", BODY[0]],  # one row under a label: a heading's fact
    ["年报披露的主要经营数据如下:", "营业收入:152.6亿元", "归母净利润:11.3亿元"],  # the article's table under its sentence
    ["一、活动安排", "活动时间:2027年4月12日上午8:30", "活动地点:清河湿地公园南门"],  # a notice's section of its own matter
    ["项目信息", "项目名称:滨江步道四期工程", "采购方式:公开招标"],  # a notice's own 项目信息: no subject's card
    ["基本信息", "姓名:马玉芳", "出生:1952年4月"],  # no subject named
])
def test_what_no_label_of_a_subject_heads_is_no_card(texts):
    assert fact_cards(texts, [False] * len(texts)) == []


def test_a_card_ends_at_the_first_line_that_is_no_keyed_row():
    assert fact_cards(["景点资讯", "门票:全票30元", "开放时间:08:00-18:00", "交通:搭乘好行冬山河线。方便。", "停车:汽车每次100元"],
                      [False] * 5) == [0, 1, 2]
    assert not keyed_row("他说:树种下去只是开始。")
    assert not keyed_row("08:00-17:30")


def test_the_card_goes_as_steps_the_article_stays():
    page = ["她在戈壁滩上种出了第一片防风林", "2027-03-14 09:12 来源：西部时报 作者：郑晓岚", "人物档案", "姓名：马玉芳",
            "出生：1952年4月", "籍贯：甘肃民勤", "职业：林业工程师", *BODY]
    out = gone(page)
    assert all(out[row] == "generic/fact-card" for row in page[3:7])
    assert all(line not in out for line in BODY)


def test_a_traditional_card_is_read_folded():
    page = ["專訪｜粵劇老倌陳鳳儀：台上三分鐘，台下十年功", "人物小檔案", "姓名：陳鳳儀", "出生：1961年，香港", "職業：粵劇演員",
            "下午兩點，油麻地戲院的後台已經開始忙碌。陳鳳儀坐在鏡子前，一筆一筆地勾畫眉眼。她說，化妝至少要一個半鐘頭，急不來。",
            "她十四歲拜師學戲，至今已經唱了四十多年。談起入行的經過，她笑說當年只是跟著鄰居去看戲，看完就纏著母親要學。"]
    out = gone(page)
    assert [out.get(line) for line in page[1:5]] == ["generic/fact-card"] * 4


# An encyclopedia entry's box of facts (entry_boxes).
def test_entry_box_rows():
    texts = ["白鹭湖", "白鹭湖位于江苏省某县西北部，是一座天然淡水湖泊。", "中文名 白鹭湖", "所属地区 江苏省某县", "面积 约12平方千米",
             "历史沿革", "明代以前，这里还是一片低洼的沼泽。"]
    assert entry_boxes(texts) == [2, 3, 4]


def test_an_articles_own_box_of_facts_between_its_paragraphs_stays():
    # The box names what the article is about, not the page's entry (review47: it went).
    texts = ["药箱里的老朋友", "很多家庭的药箱里都备着一瓶阿司匹林。", "中文名 阿司匹林", "英文名 Aspirin",
             "适应症 发热 头痛", "它的历史要从柳树皮说起。"]
    assert entry_boxes(texts) == []
    assert entry_boxes(texts, "药箱里的老朋友 - 健康频道") == []
    # On the entry's page, named by its title's part, the box goes.
    assert entry_boxes(["白鹭湖位于江苏省某县西北部。", "中文名 白鹭湖", "所属地区 江苏省某县"], "白鹭湖_百度百科") == [1, 2]


def test_rows_without_the_entry_name_stay():
    # An article's own keyed lines with spaces (a schedule, a team sheet) open with no entry name.
    assert entry_boxes(["时间 上午九点", "地点 市图书馆", "主讲 王老师"]) == []
    # The entry's name alone, one row: no box.
    assert entry_boxes(["中文名 白鹭湖", "白鹭湖位于江苏省某县西北部，是一座天然淡水湖泊。"]) == []
    # A sentence that opens with the word.
    assert entry_boxes(["中文名 是这本书在国内出版时用的名字。", "外文名 也常被读者提起。"]) == []
