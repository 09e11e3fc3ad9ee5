"""A post's marks alone on their lines (cleaner/furniture/post_marks.py): floors, clients, places,
counted buttons, split counters, a self-media account's name, a site's column label; and the
article lines of the same words that stay."""

import pytest

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words
from cleaner.furniture.post_marks import account_names, floors, line_mark, lone_places, place, site_labels, split_counts


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


def texts(lines: list[str]) -> list[str]:
    return [normalise(fold_line(x)) for x in lines]


@pytest.mark.parametrize("line, family", [
    ("来自Android客户端", "post-stamp"),
    ("來自iPhone客戶端", "post-stamp"),
    ("来自 华为Mate60", "post-stamp"),
    ("发布于广东", "post-stamp"),
    ("發佈於：浙江省", "post-stamp"),
    ("评论（0）", "actions"),
    ("評論（0）", "actions"),
    ("留言 (12)", "actions"),
    ("7人点赞", "page-counter"),
    ("1.2万人赞过", "page-counter"),
    ("【作者】 罗婉婷", "bar-credit"),
    ("【来源】 南方日报", "bar-credit"),
    ("2024-03-09 发表", "post-stamp"),
    ("2024年3月9日发布", "post-stamp"),
])
def test_marks_alone(line, family):
    assert fam(line) == family


@pytest.mark.parametrize("line", [
    "他用的是来自Android客户端的截图。",  # a sentence that names the client
    "发布于广东省人民政府网站的通知显示，政策将于下月实施。",
    "发布于网络",  # no place of the list
    "来自华为的工程师",  # a caption naming people, not a phone
    "来自华为",  # a guest list's row: a phone only with its model (review47)
    "来自小米",
    "来自美国",  # a guest list's or a caption's place: 来自 is no post's key
    "粉丝 3",  # a count with no colon or 量/数 (review47)
    "评论（一）",  # a commentary's numbered part
    "评论",
    "3人受伤",  # a count of people, no reaction
    "【作者】",  # a key without its name
    "【编者按】 本文作者是一位乡村教师",
    "2024年3月9日",  # a notice's signing date
    "广东",  # a place alone: only beside a stamp (lone_places)
    "2楼",  # a floor alone: only beside a post's mark (floors)
])
def test_article_lines_are_no_marks(line):
    assert line_mark(normalise(fold_line(line))) == ""


def test_place():
    assert place("广东") and place("浙江省") and place("美国") and place("新疆维吾尔自治区")
    assert not place("广东人") and not place("上海滩")


def test_floor_beside_a_client_goes_alone_it_stays():
    lines = texts(["回复", "来自Android客户端", "2楼", "恭喜恭喜"])
    families = ["actions", "post-stamp", "", ""]
    floors(lines, families)
    assert families[2] == "post-stamp"
    lines = texts(["商场一共三层。", "2楼", "二楼是餐饮区，有十几家餐馆。"])
    families = ["", "", ""]
    floors(lines, families)
    assert families == ["", "", ""]


def test_place_beside_a_stamp():
    lines = texts(["2024-06-06 08:12:33 来源: 健康时报", "广东", "举报"])
    families = ["", "", "actions"]
    lone_places(lines, families)
    assert families[1] == "post-stamp"
    # A province heading an article's section stays.
    lines = texts(["各地的做法不同。", "广东", "广东省今年新建了三百所幼儿园。"])
    families = ["", "", ""]
    lone_places(lines, families)
    assert families == ["", "", ""]


def test_split_counts():
    counters = load_words().stats | load_words().actions
    lines = texts(["检察官走进校园", "阅读量：", "506", "六月三日，……。"])
    families = ["", "", "", ""]
    split_counts(lines, families, [None] * 4, counters)
    assert families == ["", "page-counter", "page-counter", ""]
    # A byline row closing on an empty counter key: the count under it goes, the row is the model's.
    lines = texts(["发布时间：2024-05-20 作者：机械学院 浏览次数：", "1236"])
    families = ["", ""]
    split_counts(lines, families, [None, None], counters)
    assert families == ["", "page-counter"]
    # The button above taken by a rule (收藏 / 143): its counter.
    lines = texts(["2024-05-16 07:01 作者：李想", "143"])
    families = ["", ""]
    split_counts(lines, families, [None, "收藏"], counters)
    assert families == ["", "page-counter"]
    # A figure under an article's line ending in a colon stays (its key no counter's).
    lines = texts(["今年的参赛人数：", "1236"])
    families = ["", ""]
    split_counts(lines, families, [None, None], counters)
    assert families == ["", ""]


def test_account_name_under_the_headline():
    title = "国产大飞机今年将新增三条航线_腾讯新闻"
    lines = texts(["国产大飞机今年将新增三条航线", "民航观察员", "2024-04-02 17:45 发布于广东 科技领域创作者", "+关注",
                   "记者从东方航空获悉，今年国产大飞机将新增三条航线。"])
    families = ["", "", "", "actions", ""]
    prose = [False, False, False, False, True]
    account_names(lines, families, prose, title)
    assert families[1] == "byline"


def test_headline_over_a_stamp_stays():
    # The title names the line over the stamp: the headline, under a site's line.
    title = "花莲三天两夜慢慢走_阿文的旅行笔记"
    lines = texts(["阿文的旅行笔记 首页", "花莲三天两夜慢慢走", "发表于 2019-05-12 21:40", "这次去花莲没有排太多行程。"])
    families = ["", "", "", ""]
    account_names(lines, families, [False, False, False, True], title)
    assert families == ["", "", "", ""]
    # Without a title, under a menu: no headline above it, it is the headline.
    lines = texts(["首頁 | 文章 | 相簿 | 關於我", "花蓮三天兩夜慢慢走", "發表於 2019-05-12 21:40 | 閱讀(86)", "這次去花蓮沒有排太多行程。"])
    account_names(lines, families, [False, False, False, True], None)
    assert families == ["", "", "", ""]


def test_site_labels():
    lines = texts(["让乡村少年宫真正“活”起来", "【光明时评】", "不少乡村学校建起了少年宫，器材配得齐全，可平日里却常常大门紧锁。"])
    families = ["", "", ""]
    site_labels(lines, families, [False, False, True], "让乡村少年宫真正“活”起来_光明网")
    assert families[1] == "source"
    lines = texts(["让乡村少年宫真正“活”起来", "【编者按】", "不少乡村学校建起了少年宫，器材配得齐全，可平日里却常常大门紧锁。"])
    families = ["", "", ""]
    site_labels(lines, families, [False, False, True], "让乡村少年宫真正“活”起来_光明网")
    assert families == ["", "", ""]


def test_tieba_phone_thread_end_to_end():
    page = "\n".join([
        "考研上岸了，分享一下经验",
        "2024-03-20 08:11 IP属地:河南",
        "今天查到了拟录取名单，终于可以来还愿了，二战终于上岸，感谢这一年里一直鼓励我的家人和朋友。",
        "我是二战，去年差了六分，今年从三月份开始复习，每天学习十个小时左右，周末也没有休息。",
        "专业课一定要把真题吃透，近十年的题我做了三遍，每一遍都有新的收获。",
        "回复",
        "来自Android客户端",
        "2楼",
        "恭喜恭喜，求资料",
        "来自iPhone客户端",
        "3楼",
        "蹭蹭喜气",
    ])
    out = Cleaner(to="keep").run(page, title="考研上岸了，分享一下经验_考研吧_百度贴吧").text
    assert "来自Android客户端" not in out and "2楼" not in out and "蹭蹭喜气" not in out
    assert "专业课一定要把真题吃透" in out


@pytest.mark.parametrize("line, family", [
    ("播报 讨论 上传视频", "actions"),  # an encyclopedia entry's buttons by its heading
    ("词条图册 更多图册", "actions"),
    ("文章知识点与官方知识档案匹配，可进一步学习相关知识", "app-prompt"),
    ("本规则是否对您有帮助？", "app-prompt"),
    ("版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。", "reprint"),
    ("分类专栏： Python 文章标签： python 内存", "tags"),
])
def test_platform_rows(line, family):
    assert fam(line) == family


def test_platform_sentences_stay():
    assert fam("希望这篇文章是否对您有帮助，请大家自己判断，我们也会继续更新，欢迎讨论。") == ""
    assert fam("大家一起讨论") == ""


@pytest.mark.parametrize("line, family", [
    ("阅读：1.2万", "page-counter"),
    ("点击：3521次", "page-counter"),
    ("浏览量：2,315", "page-counter"),
    ("全部评论（3）", "actions"),
    ("本文共1234字，阅读约需4分钟", "duration"),
    ("微信号：moumou", "reprint"),
    ("手机看", "actions"),
])
def test_page_counters_and_notes(line, family):
    assert fam(line) == family


@pytest.mark.parametrize("line", ["阅读是最好的学习。", "点击量破亿的视频里，他只出现了三秒。", "本文共分三个部分。",
                                  "微信号：请在文末查看", "他的微信号是moumou"])
def test_sentences_of_counters_stay(line):
    assert line_mark(normalise(fold_line(line))) == ""


def test_headline_over_a_page_counter_stays():
    page = "\n".join(["关于我们 新闻中心 产品与服务", "公司首台自主研发盾构机下线", "2024-04-09", "来源：集团党委宣传部", "浏览量：2,315",
                      "四月八日，由公司自主研发的首台直径十二米级泥水平衡盾构机在长沙产业园下线。",
                      "这台盾构机将用于一条过江隧道的建设，整机长约一百三十米，主要部件国产化率达到百分之九十五。"])
    out = Cleaner(to="keep").run(page, title="公司首台自主研发盾构机下线_集团新闻_某某重工集团").text
    assert "公司首台自主研发盾构机下线" in out and "浏览量" not in out


@pytest.mark.parametrize("line, family", [
    ("粉丝 1.2万", "page-counter"),
    ("剩余80%未读，继续阅读", "app-prompt"),
    ("百家号", "byline"),
    ("澎湃号·政务 >", "byline"),
    ("3小时前", "post-stamp"),
    ("刚刚", "post-stamp"),
    ("昨天 10:21", "post-stamp"),
    ("今天是2024年5月6日 星期一", "dateline"),
    ("喜欢作者", "actions"),
])
def test_self_media_page_marks(line, family):
    assert fam(line) == family


@pytest.mark.parametrize("line", ["百家号的作者越来越多。", "三小时前他还在工地上。", "今天是他退休的日子", "刚刚好", "昨天"])
def test_self_media_sentences_stay(line):
    assert line_mark(normalise(fold_line(line))) == ""


def test_desk_credits_outside_the_prose():
    from cleaner.furniture.post_marks import desk_credits
    lines = texts(["步行道本周开放", "市园林局介绍，新步行道全长三公里，沿湖而建，沿途设有十二处休息点。", "策划：李四", "排版：小王",
                   "主编：王五"])
    families = [""] * 5
    desk_credits(lines, families, [False, True, False, False, False])
    assert families == ["", "", "bar-credit", "bar-credit", ""]  # a book's 主编 is an article's fact
    # A role with a space alone after the article: its closing credit line (review47), kept.
    lines = texts(["第一段，活动由街道主办，居民踊跃参加，现场气氛热烈。", "策划 李四"])
    families = [""] * 2
    desk_credits(lines, families, [True, False])
    assert families == ["", ""]
    # Two together are the site's desk.
    lines = texts(["第一段，活动由街道主办，居民踊跃参加，现场气氛热烈。", "策划 李四", "排版 小王"])
    families = [""] * 3
    desk_credits(lines, families, [True, False, False])
    assert families == ["", "bar-credit", "bar-credit"]
    # Between the prose lines: the article's own (a programme's roles).
    lines = texts(["第一段，活动由街道主办。", "策划：李四", "第二段，居民踊跃参加。"])
    families = [""] * 3
    desk_credits(lines, families, [True, False, True])
    assert families == ["", "", ""]


@pytest.mark.parametrize("line, family", [
    ("（中央社記者林小華台北6日電）1130506", "paper-imprint"),
    ("請繼續往下閱讀...", "app-prompt"),
    ("登入發表留言", "comment-box"),
    ("追蹤我們", "actions"),
])
def test_taiwan_marks(line, family):
    assert fam(line) == family


def test_taiwan_sentences_stay():
    assert fam("他在留言區寫下：「謝謝大家這些年的照顧。」") == ""
    assert line_mark(normalise(fold_line("（資料照）2024"))) == ""


def test_government_tools_and_desk_roles():
    assert fam("适老化") == "actions" and fam("关怀模式") == "actions" and fam("视力保护色：") == "actions"
    from cleaner.furniture.post_marks import desk_credits
    lines = texts(["步行道本周开放", "市园林局介绍，新步行道全长三公里，沿湖而建，沿途设有十二处休息点。", "信息员：王晓"])
    families = [""] * 3
    desk_credits(lines, families, [False, True, False])
    assert families[2] == "bar-credit"
