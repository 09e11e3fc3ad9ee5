"""A 推荐阅读 box set inside an article (cleaner/furniture/boxes.py): only the box goes."""

import pytest

from cleaner.furniture import boilerplate
from cleaner.furniture.boxes import inner_boxes, text_box_length
from cleaner.furniture.features import Line, normalise, text_features
from cleaner.furniture.lexicon import load_lexicon
from cleaner.furniture.rules import load

PARAGRAPHS = [
    "分析人士认为，这一年的下跌并非没有预兆：上市公司业绩增长放缓，新股扩容的压力不减，投资者信心难以恢复。",
    "展望新的一年，多数机构仍然保持谨慎。他们建议投资者关注业绩稳定、分红较高的蓝筹股，远离题材炒作。",
    "一位在营业部里坐了十年的老股民说，最要紧的是不借钱炒股，不把全部积蓄押在一只股票上。",
]
TITLES = ["2005年股市展望系列沙龙", "十大“扎眼”经理人", "股指跌出五年半新低"]


def test_article_prose_under_the_box_ends_it():
    assert text_box_length([*TITLES, *PARAGRAPHS], 120) == 3


def test_a_box_ending_the_article_is_no_inner_box():
    # Titles and then the footer, titles punctuated as sentences, a short teaser, a comment thread.
    assert text_box_length([*TITLES, "关于我们 | 联系我们"], 120) is None
    assert text_box_length(["爱出油快秃顶？你知道什么该吃", "中医认为，慢性乙肝的病因多是湿、郁、虚，", *PARAGRAPHS], 120) is None
    assert text_box_length([*TITLES, "股市展望：机构建议关注蓝筹股，远离题材炒作，耐心等待制度改革带来的转机。"], 120) is None
    assert text_box_length([*TITLES, "小美 2023-12-20 11:32", *PARAGRAPHS], 120) is None
    assert text_box_length([*TITLES, "网友评论", *PARAGRAPHS], 120) is None


def test_a_long_box_is_the_page_tail():
    assert text_box_length([f"标题{k}号新闻" for k in range(20)] + PARAGRAPHS, 120) is None


def _lines(texts):
    lexicon = load_lexicon()
    return [Line(k, normalise(t), text_features(normalise(t), lexicon)) for k, t in enumerate(texts)]


def test_inner_box_needs_a_paragraph_above_its_heading():
    lexicon = load_lexicon()
    above = "过去的一年，股市给投资者上了生动的一课，开户数一度创下三年来的新高，证券营业部里人头攒动。"
    assert inner_boxes(_lines([above, "推荐阅读", *TITLES, *PARAGRAPHS]), lexicon) == [1, 2, 3, 4]
    # Under a menu the heading opens a sidebar above the article, not a box inside it.
    assert inner_boxes(_lines(["首页 | 新闻 | 财经", "推荐阅读", *TITLES, *PARAGRAPHS]), lexicon) == []
    # An end marker is no box heading, whatever follows it.
    assert inner_boxes(_lines([above, "网友评论", *TITLES, *PARAGRAPHS]), lexicon) == []


def test_related_rule_cuts_only_the_box_when_the_article_resumes():
    rules = load().rules_for(None)
    head = [f"第{k}段。" + "这是文章的正文，写得很长，一句接着一句，讲述事情的来龙去脉和各方的看法。" for k in range(6)]
    page = "\n".join([*head, "推荐阅读", *TITLES, *PARAGRAPHS, "相关新闻", *TITLES])
    result = boilerplate.remove_furniture(page, rules, generic_model=False)
    assert result.text.split("\n") == [*head, *PARAGRAPHS]
    assert result.counts["common/related"] == 2
    # Without the article below it, the box ends the page as before.
    page = "\n".join([*head, "推荐阅读", *TITLES, "关于我们 | 联系我们"])
    assert boilerplate.remove_furniture(page, rules, generic_model=False).text.split("\n") == head


def test_a_box_heading_with_its_first_link_and_the_articles_heading_under_the_box():
    lexicon = load_lexicon()
    above = "过去的一年，股市给投资者上了生动的一课，开户数一度创下三年来的新高，证券营业部里人头攒动。"
    page = [above, "延伸阅读：广西骗子演绎25亿美元惊天骗局", *TITLES, "骗局之一", "老中医绝食四十九天", *PARAGRAPHS]
    # The box is its heading line and the links; the article's own headings under it stay.
    assert inner_boxes(_lines(page), lexicon) == [1, 2, 3, 4]
    # A list the article introduces with a colon is no box.
    page[1] = "相关规定：广西出台25条措施"
    assert inner_boxes(_lines(page), lexicon) == []


def test_a_comments_heading_is_the_whole_line_and_a_bare_word_needs_its_count():
    from cleaner.furniture.boxes import comments_heading

    for heading in ("评论(12)", "留言 (5)", "网友回复", "全部评论(3)", "共有3条留言", "【网友评论】"):
        assert comments_heading(normalise(heading)), heading
    # An article's subheadings: a commentary section, an expert's review, a column's name.
    for heading in ("评论", "【评论】", "【点评】", "专家点评", "用户评价", "评论员文章"):
        assert not comments_heading(normalise(heading)), heading


@pytest.mark.parametrize("heading, is_one", [
    ("留言 96", True),  # a bare count set apart
    ("评论 412 · 最热 最新", True),  # the tabs that sort the comments after the count
    ("0則留言", True),  # Taiwan's measure word
    ("共3则留言", True),
    ("0评论", True), ("12 留言", True),  # the count before the word, no measure word (a video site's box)
    ("2024评论员", False),
    ("评论 2024年", False),  # a number glued to a word is no count
    ("回复 松果：十点收摊也挺好", False),  # a reply, not a heading
    ("评论区 最新", False),
])
def test_a_comments_heading_with_a_bare_count_or_sort_tabs(heading, is_one):
    from cleaner.furniture.boilerplate import fold_page
    from cleaner.furniture.boxes import comments_heading

    assert comments_heading(normalise(fold_page(heading))) == is_one


def test_a_paragraph_that_introduces_a_list_after_its_sentences_resumes_the_article():
    # It ends in a colon, not a full stop, and was taken for the box's own title: the article's
    # last 450 characters went with the box.
    last = "《内蒙古植物志》是记载中国内蒙古自治区维管植物的植物志。1976年成立了编写组，第一版于1977年至1985年陆续出版，共8卷，总共收录维管植物131科。第二版各卷："
    assert text_box_length(["专家解读政策背后的深意", "各地积极落实相关部署", last], 60) == 2
    assert text_box_length(["专家解读政策背后的深意", "各地积极落实相关部署", "第二版各卷："], 60) is None


def test_a_short_line_right_above_the_resumed_article_is_its_subheading():
    # 相关链接： two titles, then the article's subheading over its next paragraph: the box is two lines.
    links = ["省防指启动防汛四级应急响应", "入梅以来全省平均降水量较常年同期偏多四成"]
    assert text_box_length([*links, "气象专家提醒", *PARAGRAPHS], 120) == 2
    # A last title as long as the others is the box's.
    assert text_box_length([*links, "暴雨过后如何做好防疫消毒", *PARAGRAPHS], 120) == 3


def test_a_box_heading_by_its_shape_needs_two_links_over_the_resumed_article():
    # 相关研报 is in no lexicon: its shape (相关 and a word) heads a box when two links or more stand
    # between it and the paragraph that resumes; titles closed by their dates are no prose.
    lexicon = load_lexicon()
    above = "过去的一年，股市给投资者上了生动的一课，开户数一度创下三年来的新高，证券营业部里人头攒动。"
    links = ["汽车行业周报：以旧换新政策加码，终端需求回暖（2025-04-07）", "智能驾驶专题：城市NOA进入规模化落地阶段（2025-03-28）"]
    assert inner_boxes(_lines([above, "相关研报", *links, *PARAGRAPHS]), lexicon) == [1, 2, 3]
    # An article's subheading of that shape over its own paragraphs stays.
    assert inner_boxes(_lines([above, "相关规定", *PARAGRAPHS]), lexicon) == []


def test_a_links_title_with_clauses_is_in_the_box_and_an_excerpt_cut_short_is_not():
    # A title asking inside itself and ending on a word is a link (紅樹林是藍碳寶庫？研究：…被高估).
    titles = ["湿地保育法十周年 专家：监测经费仍不足", "红树林是蓝碳宝库？研究：台湾红树林固碳量被高估"]
    assert text_box_length([*titles, *PARAGRAPHS], 120) == 2
    # An excerpt cut at a comma under its title is a teaser, not a link.
    assert text_box_length([*titles, "中医认为，慢性乙肝的病因多是湿、郁、虚，", *PARAGRAPHS], 120) is None


def test_the_articles_subheadings_under_the_box_do_not_end_the_resumed_article():
    # Two short paragraphs, a section heading, then the article's last paragraph (a review's 总结).
    short = ["夜景模式的画面偏亮，但暗部杂讯明显；若常拍夜景，建议下载第三方相机应用手动调整。",
             "白天的成像则相当稳定，色彩还原自然，对焦速度也比上一代快，暗光下的人像模式也有明显的进步。"]
    assert text_box_length([*TITLES, "相机表现", *short, "总结", "如果预算有限又重视续航，笔者仍推荐这支手机；常拍夜景的读者则可以再等等。"], 120) == 3
    # A pager is no heading of the article: the page ends there.
    assert text_box_length([*TITLES, *short, "1 2 3 下一页", "如果预算有限又重视续航，笔者仍推荐这支手机；常拍夜景的读者则可以再等等。"], 120) is None


def test_the_resumed_article_is_counted_over_its_facts_and_a_lone_notice_is_no_article():
    titles = ["2023年典藏新品发表会纪实", "部落工艺师驻馆计划开始报名"]
    last = "观众可于展场扫描二维码下载语音导览，亦欢迎于社群平台分享观展心得，本馆将择优转载。"
    facts = ["展览信息", "展期：2024年3月19日至12月29日", "地点：本馆二楼201、202展室", "票价：全票30元，优待票15元，本展无须另外购票。"]
    assert text_box_length([*titles, last, *facts], 60) == 2
    # A site's reminder under a box, then another box: the page's tail, not the article.
    reminder = "法律快车提醒您：本站法规仅供参考，请以政府部门发布的正式文本为准。"
    assert text_box_length([*titles, reminder, "相关法律知识", "劳动合同解除的条件"], 60) is None


def test_related_rule_keeps_an_articles_short_last_section_under_a_box():
    rules = load().rules_for(None)
    head = [f"第{k}段。" + "这是文章的正文，写得很长，一句接着一句，讲述事情的来龙去脉和各方的看法。" for k in range(6)]
    last = "观众可于展场扫描二维码下载语音导览，亦欢迎于社群平台分享观展心得，本馆将择优转载。"
    facts = ["展览信息", "展期：2024年3月19日至12月29日", "票价：全票30元，优待票15元，本展无须另外购票。"]
    page = "\n".join([*head, "延伸阅读", *TITLES[:2], last, *facts])
    assert boilerplate.remove_furniture(page, rules, generic_model=False).text.split("\n") == [*head, last, *facts]
