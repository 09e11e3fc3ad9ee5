"""Pages of several entries (cleaner/furniture/entries.py): the page's title names the article."""

import pytest

from cleaner import Cleaner
from cleaner.furniture import generic
from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.entries import headers, other_entries, title_match, without_stamp
from cleaner.furniture.features import normalise
from cleaner.furniture.lexicon import load_lexicon

LEX = load_lexicon()
ENTRIES = [
    ["周末的农夫市场 2005-03-18 01:58:01",
     "周六一早去了附近的农夫市场，摊位比上次多了一倍，卖蜂蜜的老太太还记得我。",
     "买了一大袋橙子和一块羊奶酪，回家路上又顺手买了一束向日葵，花了不到二十块。"],
    ["学车第三周 2005-03-11 22:40:15",
     "今天第一次上了高速，教练一直提醒我看后视镜，手心全是汗。",
     "下高速的时候差点错过出口，还好教练及时提醒，总算有惊无险。",
     "下周就要路考了，希望一次通过，不然又要多交一笔考试费。"],
    ["搬家记",
     "发表于 2005-03-02 20:15 | 阅读(96)",
     "终于搬进了新租的房子，离学校只有十分钟的路，再也不用每天挤电车了。",
     "房东是一对退休的老夫妇，院子里种满了玫瑰，他们说夏天会开得特别好。"],
]
PAGE = [line for entry in ENTRIES for line in entry]


def scored(page):
    texts = [normalise(fold_line(x)) for x in page]
    return generic.page_lines(texts, list(range(len(texts))), generic.load_model(), LEX)[0]


def test_entry_headers_are_titles_with_a_stamp_on_or_under_them():
    found = headers(scored(PAGE))
    assert [(pos, title) for pos, title, _ in found] == [(0, "周末的农夫市场"), (3, "学车第三周"), (7, "搬家记")]
    assert found[0][2] == found[1][2] != found[2][2]  # the forms: a stamp on the line, a stamp line under it


def test_the_page_title_holds_the_entry_title():
    assert title_match("学车第三周", "学车第三周 - 海边小屋的博客 - 博客网")
    assert title_match("搬家记", "搬家记")
    assert not title_match("学车第三周", "周末的农夫市场 - 海边小屋的博客")
    assert not title_match("日记", "海边小屋的日记本")  # two characters inside a longer part: no match


def test_with_the_title_the_other_entries_of_the_form_go():
    page = [*ENTRIES[0], *ENTRIES[1], *ENTRIES[0]]
    page[7] = "春天的樱花 2005-02-27 10:00:00"
    removal = remove_furniture("\n".join(page), (), title="学车第三周 - 海边小屋的博客")
    assert removal.text.split("\n") == ENTRIES[1]
    assert removal.counts["generic/entry"] == 6


def test_without_a_title_or_with_an_unknown_one_no_entry_goes():
    # none, no match, a match whose form has one header, the blog's name on a page whose forms
    # have one header each
    for title in (None, "春天的樱花 - 某某新闻网", "周末的农夫市场", "海边小屋的博客"):
        removal = remove_furniture("\n".join([*ENTRIES[0], *ENTRIES[2]]), (), title=title)
        assert "generic/entry" not in removal.counts


def test_a_page_titled_with_the_blogs_name_keeps_its_first_entry():
    """A blog's own page (its title the blog's name or host) shows the latest post first: that is
    the article, the other entries go, in either form of header and for footer stamps."""
    page = [*ENTRIES[0], *ENTRIES[1], *ENTRIES[0]]
    page[7] = "春天的樱花 2005-02-27 10:00:00"
    for title in ("海边小屋的博客", "海姑娘 | blog.wenxuecity.com", "小屋部落格"):
        removal = remove_furniture("\n".join(page), (), title=fold_line(title))
        assert removal.text.split("\n") == ENTRIES[0], title
    removal = remove_furniture("\n".join(FOOTED), (), title="海姑娘 | blog.wenxuecity.com")
    # The article's own stamp row goes too, a row of the form under every post (posts.py).
    assert removal.text.split("\n") == FOOTED[:2] and removal.counts["generic/post-row"] == 1
    # A news site's name is no blog's: which entry is the article stays unknown, nothing goes.
    assert "generic/entry" not in remove_furniture("\n".join(page), (), title="某某新闻网").counts


def test_a_list_row_that_names_the_page_takes_no_article():
    """Related titles stamped like entries, one of them the page's own. A row whose "entry" holds
    no prose is a row of a list, not the article: nothing goes; the last row's entry reaches the
    article, so the rows above it go, and only they."""
    rows = ["老旧小区改造进度过半 2023-10-12 08:00", "救助行动启动 2023-10-05 10:00", "社区食堂开到家门口 2023-10-09 09:30"]
    lines = scored([*rows, "救助行动启动", *ENTRIES[1][1:]])
    assert other_entries(lines, "救助行动启动 - 某市新闻网", 60) == []
    rows[1:] = rows[:0:-1]
    lines = scored([*rows, "救助行动启动", *ENTRIES[1][1:]])
    assert other_entries(lines, "救助行动启动 - 某市新闻网", 60) == [0, 1]


def test_the_title_reaches_the_model_through_cleaner_run():
    text = "\n".join(PAGE[:7])
    kept = Cleaner().run(text, title="周末的农夫市场_海边小屋的博客").text.split("\n")
    assert kept == ENTRIES[0]
    assert Cleaner().run(text).text.split("\n") == PAGE[:7]


def test_the_page_title_names_the_headline_and_what_stands_above_it():
    page = ["海边小屋的博客", "海姑娘， 27岁", "学车第三周", "发表于 2005-03-11 22:40", *ENTRIES[1][1:]]
    texts = [normalise(fold_line(x)) for x in page]
    lines, body = generic.page_lines(texts, list(range(len(texts))), generic.load_model(), LEX, "学车第三周 - 海边小屋的博客")
    assert body == (4, 6)
    assert [line.features["headline"] for line in lines[:4]] == [0, 0, 1, 0]
    assert [line.features["above_headline"] for line in lines[:4]] == [1, 1, 0, 0]
    assert generic.headline_position(lines, body[0], generic.load_model()) == 2
    lines, _ = generic.page_lines(texts, list(range(len(texts))), generic.load_model(), LEX)  # no title: no such features
    assert not any(line.features["headline"] or line.features["above_headline"] for line in lines)


FOOTED = [  # entries closed by a stamp line below the post
    "周末的农夫市场",
    "周六一早去了附近的农夫市场，摊位比上次多了一倍，卖蜂蜜的老太太还记得我。",
    "由海姑娘张贴 @ 2005-03-18 01:58:01 | 评论(3)",
    "学车第三周",
    "今天第一次上了高速，教练一直提醒我看后视镜，手心全是汗。",
    "下高速的时候差点错过出口，还好教练及时提醒，总算有惊无险。",
    "由海姑娘张贴 @ 2005-03-11 22:40:15 | 评论(5)",
    "搬家记",
    "终于搬进了新租的房子，离学校只有十分钟的路，再也不用每天挤电车了。",
    "由海姑娘张贴 @ 2005-03-02 20:15:33 | 评论(2)",
]


def test_entries_closed_by_a_stamp_line_go_but_the_named_one():
    title = "学车第三周 | 海边小屋的博客"
    # Entries are opened by a header; entries closed by a stamp row are posts.py's (run first, with
    # the portal forms): the other posts go, and the named post's own stamp row.
    assert other_entries(scored(FOOTED), title, 60) == []
    removal = remove_furniture("\n".join(FOOTED), (), title=title)
    assert removal.text.split("\n") == FOOTED[3:6]
    assert removal.counts["generic/other-post"] == 6 and removal.counts["generic/post-row"] == 1


def test_a_chronicle_of_stamped_lines_is_no_page_of_entries():
    """Stamped lines inside an article, each followed by its text: no entry has a title of its own."""
    page = ["地震救援纪实",
            "记者连续多日跟随救援队深入灾区，记录下救援行动中的一个个关键时刻，以下按时间顺序整理。",
            "2008-05-12 14:28 地震发生",
            "汶川发生里氏八级地震，震中附近的房屋大面积倒塌，通信和交通一度中断，救援力量连夜集结。",
            "2008-05-13 09:00 救援队抵达",
            "第一支专业救援队徒步进入映秀镇，在废墟中搜寻幸存者，当天救出被困群众二十余人。",
            "2008-05-14 16:30 空投物资",
            "直升机开始向孤岛村庄空投食品和药品，受灾群众的基本生活得到初步保障。"]
    removal = remove_furniture("\n".join(page), (), title="地震救援纪实 - 某某新闻网")
    assert "generic/entry" not in removal.counts


def test_updates_of_one_day_are_one_story_and_stay():
    # A live report titled after its first update: its later dated updates are article, not a
    # blog's other posts (a blog's posts fall on different days).
    page = ["神舟十二号发射成功 2021-06-17 09:22",
            "6月17日9时22分，搭载神舟十二号载人飞船的长征二号F遥十二运载火箭，在酒泉卫星发射中心点火发射，约573秒后，飞船与火箭"
            "成功分离，进入预定轨道，顺利将三名航天员送入太空，飞行乘组状态良好，发射取得圆满成功。",
            "航天员进入天和核心舱 2021-06-17 18:48",
            "在神舟十二号载人飞船与天和核心舱成功实现自主快速交会对接后，航天员聂海胜、刘伯明、汤洪波先后进入天和核心舱，标志着"
            "中国人首次进入自己的空间站，后续将开展为期三个月的在轨驻留工作。"]
    kept = Cleaner(to="keep").run("\n".join(page), title="神舟十二号发射成功 - 新闻中心").text.split("\n")
    assert kept[1:] == page[1:]


def test_a_blog_page_in_traditional_titled_with_its_host_keeps_its_latest_post():
    # Posts longer than a comment thread's reach (body.THREAD_GAP lines between stamps).
    page = ["網誌首頁 | 相簿 | 留言板", "訪客人數 1024", "週末的農夫市場",
            "週六一早去了附近的農夫市場，攤位比上次多了一倍，賣蜂蜜的老太太還記得我，還送了我一小罐。",
            "買了一大袋橙子和一塊羊奶酪，回家路上又順手買了一束向日葵，花了不到二十塊。",
            "由海姑娘張貼 @ 2005-03-18 01:58:01 | 評論(3)",
            "學車第三週",
            "今天第一次上了高速，教練一直提醒我看後視鏡，手心全是汗，下高速的時候差點錯過出口。",
            "還好教練及時提醒，總算有驚無險。回到駕校以後，他說我比上週進步了很多，只是變道還不夠果斷。",
            "下週就要路考了，希望一次通過，不然又要多交一筆考試費，還要再等一個月才能重新預約。",
            *[f"第{n}天的練習記錄：倒車入庫做了五次，成功三次，教練說方向盤要回得再早一點。" for n in "一二三四五六七八九十"],
            "由海姑娘張貼 @ 2005-03-11 22:40:15 | 評論(5)",
            "搬家記",
            "終於搬進了新租的房子，離學校只有十分鐘的路，再也不用每天擠電車了，房東是一對退休的老夫婦。",
            "由海姑娘張貼 @ 2005-03-02 20:15:33 | 評論(2)"]
    kept = Cleaner(to="keep").run("\n".join(page), title="海邊小屋 | blog.wenxuecity.com").text
    assert page[3] in kept and page[4] in kept
    assert not any(line in kept for line in page[6:23])


@pytest.mark.parametrize("title,names_site", [
    ("海姑娘 | blog.wenxuecity.com", True),
    ("海边小屋的博客", True),
    ("小王的空间", True),
    ("工作日志 - 新浪博客", True),
    ("博鳌亚洲论坛2024年年会综述 - 新华网", False),  # a headline holding 论坛 (review)
    ("中国空间站完成对接", False),
    ("社区团购新规发布 - 人民网", False),
])
def test_a_title_names_a_blog_only_by_a_short_part_ending_in_its_word_or_a_host(title, names_site):
    from cleaner.furniture.entries import site_title

    assert site_title(title) is names_site


@pytest.mark.parametrize("line, title", [("华东精密：2024年半年度权益分派实施公告", "华东精密：2024年半年度权益分派实施公告"),
                                         ("2024年安平县事业单位公开招聘工作人员公告", "2024年安平县事业单位公开招聘工作人员公告"),
                                         ("我的日记 2021年3月5日 星期五", "我的日记"), ("博文 2019.3.5 12:00", "博文")])
def test_a_headers_stamp_is_a_whole_date_and_a_year_alone_is_the_headlines(line, title):
    assert without_stamp(line) == title


def test_a_headline_with_a_year_is_named_by_the_pages_title():
    # Cut at its year, the headline matched no part of the title and went above the body.
    head = ["新浪财经 > 股票 > 公司公告 > 正文", "华东精密：2024年半年度权益分派实施公告", "公告日期：2024-09-06",
            "证券代码：002987　　证券简称：华东精密　　公告编号：2024-056"]
    body = ["本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
            "公司2024年半年度权益分派方案已获2024年9月2日召开的2024年第二次临时股东大会审议通过，现将权益分派事宜公告如下。",
            "本次权益分派以公司现有总股本为基数，向全体股东每10股派发现金红利2.00元（含税），不送红股，不以资本公积金转增股本。"]
    out = Cleaner(to="keep").run("\n".join([*head, *body]), title="华东精密：2024年半年度权益分派实施公告_公司公告_新浪财经_新浪网").text
    assert out.splitlines()[0] == head[1]


def test_a_headline_over_a_long_table_of_fields_is_named_by_the_pages_title():
    # Seven field rows and a button row put the headline ten lines above the text: the rows of a
    # table of fields are not counted in the reach of the headline search.
    head = ["法律快车 首页 | 法律咨询 | 找律师 | 法律法规 | 法律知识 | 合同范本 | 律师加盟", "免费法律咨询 请简要描述您的问题 立即咨询",
            "当前位置：法律快车 > 法律法规 > 地方性法规 > 物业管理", "东川省物业管理条例", "发布部门：东川省人民代表大会常务委员会",
            "发文字号：东川省人民代表大会常务委员会公告第52号", "发布日期：2023.09.28", "实施日期：2024.01.01", "时效性：现行有效",
            "效力级别：省级地方性法规", "法规类别：物业管理", "下载Word版　|　打印　|　收藏　|　纠错",
            "（2023年9月28日东川省第十四届人民代表大会常务委员会第五次会议通过）", "第一章　总则"]
    body = ["第一条　为了规范物业管理活动，维护业主、物业使用人和物业服务人的合法权益，营造安全、舒适、文明、和谐的居住环境，制定本条例。",
            "第二条　本省行政区域内的物业管理及其监督管理活动，适用本条例。本条例所称物业管理，是指业主通过选聘物业服务人的方式进行管理的活动。",
            "第二章　业主、业主大会和业主委员会",
            "第十条　业主大会会议可以采用集体讨论或者书面征求意见的形式，也可以采用线上会议的形式，但应当有物业管理区域内专有部分占建筑物总面积过半数的业主参加。",
            "第三章　物业服务",
            "第二十五条　物业服务人应当每半年公布一次共有部分经营收益的收支情况，接受业主的监督，并将相关资料在物业管理区域内显著位置公示。"]
    out = Cleaner(to="keep").run("\n".join([*head, *body]), title="东川省物业管理条例_地方性法规_法律法规库_法律快车")
    assert "东川省物业管理条例" in out.text.splitlines()
