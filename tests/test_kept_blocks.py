"""Lines the generic furniture model never takes (cleaner/furniture/kept_blocks.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.furniture.kept_blocks import kept_lines


def test_code_lines_and_their_blocks():
    lines = ["主要步骤如下：", "def f(x):", '    """说明"""', "    return x + 1", "运行结果如下。"]
    assert kept_lines(lines) == {1, 2, 3}


ABOVE = "几种写法各有长短，在一万字的文章上对比如下："
BELOW = "实际项目中，如果文本很长，推荐用第二种写法。"


def test_markdown_table_with_its_rule_row():
    lines = [ABOVE, "| 写法 | 速度 |", "| --- | :---: |", "| A | 快 |", "| B | 慢 |", BELOW]
    assert kept_lines(lines) == {1, 2, 3, 4}


def test_tables_at_the_edges_of_the_page_are_left_to_the_model():
    # A page converted from HTML to Markdown sets its menu and footer as tables: no prose above
    # the menu, none below the footer (the review found both kept).
    menu = ["| 首页 | 新闻 | 财经 | 体育 |", "| --- | --- | --- | --- |", "| 娱乐 | 科技 | 汽车 | 房产 |"]
    foot = ["| 关于我们 | 联系方式 | 网站地图 |", "| --- | --- | --- |", "| 京ICP备000号 | 广告服务 | 招聘 |"]
    assert kept_lines([*menu, ABOVE, BELOW, *foot]) == set()


def test_a_table_ends_where_its_columns_change():
    lines = [ABOVE, "| 写法 | 速度 |", "| --- | --- |", "| A | 快 |", "| 相关新闻 | 更多 | 热点 |", BELOW]
    assert kept_lines(lines) == {1, 2, 3}


def test_menu_rows_are_not_tables():
    # Separated items without a rule row under the first: a menu, left to the furniture model.
    lines = ["| 首页 | 新闻 | 财经 |", "| 体育 | 娱乐 | 科技 |", "正文。"]
    assert kept_lines(lines) == set()
    assert kept_lines(["首页 | 新闻 | 财经 | 体育", "正文。"]) == set()


def test_prose_with_parentheses_is_not_code():
    assert kept_lines(["NBA(美国职业篮球联赛)今天宣布新赛季开始。", "iPhone的价格是(5000元)。"]) == set()


def test_a_lone_call_is_kept_only_with_a_sign_of_code():
    # A link row such as SNS(RSS) reads as a call; one line with a statement's sign is code.
    assert kept_lines(["  SNS(RSS)", "联络家", "    Pack's Gossip(RSS)"]) == set()
    assert kept_lines(["示例：", "x = load(path);", "结果如上。"]) == {1}


def test_a_document_title_near_the_top_is_kept():
    lines = ["首页 > 通知公告", "关于开展2023年度统计调查工作的通知", "发布时间：2023-03-15 来源：市统计局", "各区县统计局："]
    assert kept_lines(lines) == {1}


def test_lists_of_documents_and_titles_far_down_are_not():
    listing = ["相关文件", "关于做好春季安全工作的通知", "关于印发年度工作要点的通知", "正文。"]
    assert kept_lines(listing) == set()
    far = ["正文第一段。", "第二段。", "第三段。", "第四段。", "第五段。", "第六段。", "关于做好春季安全工作的通知"]
    assert kept_lines(far) == set()
    assert kept_lines(["他说关于这件事的通知已经发出了。"]) == set()  # a sentence, not a title


def test_a_chapter_title_near_the_top_is_kept_but_not_a_table_of_contents():
    lines = ["上一章 ← 目录 → 下一章", "第１２３章 1988年3月15日：重逢", "作者：某某 | 更新时间：2019-07-01", "正文。"]
    assert kept_lines(lines) == {1}
    contents = ["目录", "第一章 出山", "第二章 下山", "第三章 归来"]
    assert kept_lines(contents) == set()


def test_a_board_posts_title_row_is_its_headline():
    lines = ["作者 abc (小明) 看板 Gossiping", "標題 [問卦] 有沒有歷史的八卦？", "時間 Sun Jun 20 12:34:56 2021", "正文。"]
    assert kept_lines(lines) == {1}
    assert kept_lines(["标题 Re: [新闻] 台风明天登陆", "正文。"]) == {0}


def test_a_boxs_one_item_or_a_headline_the_title_does_not_name_is_not_kept():
    box = ["最新通知", "关于做好春季安全工作的通知", "更多>>", "市教育局召开春季开学工作会议", "正文。"]
    assert kept_lines(box) == set()
    page = ["首页 > 通知公告", "关于开展2023年度统计调查工作的通知", "各区县统计局："]
    assert kept_lines(page, "关于开展2023年度统计调查工作的通知-某市统计局") == {1}
    assert kept_lines(page, "市统计局召开全体会议") == set()


def test_a_row_of_episode_links_is_no_chapter_title():
    assert kept_lines(["第1集 第2集 第3集 第4集", "正文。"]) == set()
    assert kept_lines(["关于本站的说明", "正文。"]) == set()


def test_legacy_bytes_read_as_utf8_are_kept():
    line = "国务院新闻办公室今天举行发布会，介绍前三季度经济运行情况。".encode("gbk").decode("utf-8", "replace")
    lines = ["首页 > 新闻", line, "本地新闻短讯：村里新修的水渠通水了，灌溉面积扩大了一倍。"]
    assert kept_lines(lines) == {1}


def test_a_table_without_prose_around_it_is_the_document():
    # No prose on the page at all: the table is what was written (the model took its rows as a menu's).
    table = ["| 参数 | 类型 | 说明 |", "| --- | --- | --- |", "| name | str | 名称 |", "| size | int | 大小 |"]
    assert kept_lines(table) == {0, 1, 2, 3}
    assert kept_lines(["参数一览", *table]) == {1, 2, 3, 4}


def test_a_table_an_article_sentence_introduces_closes_the_article():
    table = ["| 写法 | 速度 |", "| --- | --- |", "| A | 快 |", "| B | 慢 |"]
    assert kept_lines(["第一段正文，讲了为什么要比较这几种写法。", ABOVE, *table]) == {2, 3, 4, 5}
    assert kept_lines(["第一段正文，讲了为什么要比较这几种写法。", *table]) == set()  # no introduction: an edge


def test_a_page_that_is_a_table_comes_through_whole():
    from cleaner import Cleaner

    table = "| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| name | str | 名称 |\n| size | int | 大小 |"
    assert Cleaner(to="keep").clean(table) == table


def test_a_laws_note_of_its_adoption_is_kept():
    lines = ["东川省物业管理条例", "下载Word版　|　打印　|　收藏",
             "（2023年9月28日东川省第十四届人民代表大会常务委员会第五次会议通过）", "第一条　为了规范物业管理活动，制定本条例。"]
    assert kept_lines(lines) == {2}
    amended = "（2003年6月27日第十届全国人民代表大会常务委员会第三次会议通过　根据2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议《关于修改等七部法律的决定》修正）"
    assert kept_lines([amended]) == {0}
    assert kept_lines(["（2023年9月28日）", "（2023年9月28日 星期四 来源：本网）"]) == set()  # a date alone, a byline


def test_a_court_documents_header_is_kept():
    lines = ["下载 | 打印 | 收藏", "湖西省东川市云岭区人民法院", "民 事 判 决 书", "（2024）湖0302民初4417号", "原告：张某。"]
    assert kept_lines(lines) == {1, 2}
    assert kept_lines(["湖西省东川市云岭区人民法院", "关于开展普法宣传的情况"]) == set()  # a site's name over a headline


def test_the_rules_of_a_listing_stay_with_its_columns():
    listing = ["Archive:  资料.zip",
               "  Length      Date    Time    Name",
               "---------  ---------- -----   ----",
               "    75696  2008-05-16 11:46   资料/01_本报讯.doc",
               "    66805  2008-03-14 15:40   资料/02_她已辍学.doc",
               "---------                     -------",
               "   142501                     2 files"]
    assert kept_lines(listing) == {2, 5}


def test_rules_beside_prose_or_of_one_run_are_no_column_rules():
    prose = "实际项目中，如果文本很长，推荐用第二种写法，速度快了很多。"
    assert kept_lines([prose, "-----  -----  -----", prose]) == set()  # prose fills the gaps
    assert kept_lines(["  名称      数量", "----------------", "  苹果      12"]) == set()  # one run
    assert kept_lines(["  名称      数量", "- - - - - - - -", "  苹果      12"]) == set()  # a scene break


def test_a_listing_keeps_its_rules_once_its_indentation_went():
    # The output's lines are stripped: a second clean must keep what the first kept.
    listing = ["Length      Date    Time    Name", "---------  ---------- -----   ----",
               "75696  2008-05-16 11:46   资料/01_本报讯.doc", "---------                     -------", "75696                     1 file"]
    assert kept_lines(listing) == {1, 3}


# A short line the repairs left misread (a headline title-cased after a cp1252 misreading, a date
# line): its signs are bytes (› is 9b, » bb), and the model must not judge it on them.
def test_lines_left_misread_are_kept_whatever_their_length():
    title_cased = "经济发展新常态下的机遇".encode("utf-8").decode("cp1252", "replace").title()
    gbk = "研究方向指导教师".encode("utf-8").decode("gbk", "replace")
    lines = [title_cased, gbk, "Müller café naïve 中文", ABOVE, BELOW]
    assert kept_lines(lines) == {0, 1}


# The page's one native pass (pagefacts.lines_with) picks the lines asked whether they are damaged
# (kept_blocks._damaged); the court's header is asked only of a line ending in 书. Both must find
# what asking every line finds.
_DAMAGE_PIECES = ["é", "æ–°", "Ã¤Â¸", "\ufffd", "\ue000", "€", "中文", "的", " ", "abc", "©", "‚Äú", "这是正常的一句话，", "。"]


def _damaged_every_line(lines):
    from cleaner.furniture import kept_blocks

    return {i for i, line in enumerate(lines) if len(line) >= kept_blocks.UNREADABLE_MIN
            and (kept_blocks.legacy_read_as_utf8(line) or kept_blocks.unreadable(line))}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_DAMAGE_PIECES), max_size=40).map("".join), max_size=8))
def test_damaged_lines_found_from_the_page_pass_are_those_of_every_line(lines):
    from cleaner.furniture import kept_blocks

    assert kept_blocks._damaged(lines) == _damaged_every_line(lines)


def test_a_damaged_paragraph_is_kept_and_a_clean_one_is_not():
    from cleaner.furniture import kept_blocks

    damaged = "‚Äú‰Ωú‰∏∫Ê∂àË¥πËÄÖ‚Äù" * 4
    lines = ["这是文章的第一段，写得很正常，没有任何问题，也不是乱码。" * 2, damaged, "", "\ufffd\ufffd" * 25 + "ab"]
    assert kept_blocks._damaged(lines) == _damaged_every_line(lines) == {1, 3}


def _court_pairs(lines):
    from cleaner.furniture import kept_blocks

    live = [i for i, line in enumerate(lines) if line.strip()]
    return {k for i, j in zip(live, live[1:]) if kept_blocks._RULING.match(lines[j]) and kept_blocks._COURT.match(lines[i]) for k in (i, j)}


_COURT_LINES = ["湖西省东川市云岭区人民法院", "东川市仲裁委员会", "民 事 判 决 书", "刑事裁定书\u3000", "判决书", "书", "读书",
                "", "  ", "本院认为，原告的诉讼请求成立。", "起诉书 ", "决定书"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_COURT_LINES), max_size=8))
def test_court_heads_asked_at_their_kind_are_those_of_every_pair(lines):
    from cleaner.furniture import kept_blocks

    assert kept_blocks._court_heads(lines) == _court_pairs(lines)


def test_a_court_header_is_kept_over_a_blank_line():
    assert kept_lines(["湖西省东川市云岭区人民法院", "", "民 事 判 决 书", "原告张三诉被告李四合同纠纷一案。"]) == {0, 2}


def test_unrepaired_lines_read_from_the_page_given_as_from_the_lines():
    from cleaner.furniture.kept_blocks import unrepaired_lines

    lines = ["正常的一行文字。", "鎵嬫満鍙戝竷浼氫笂锛屽叕鍙稿甯冧簡鏂颁骇鍝", "Ã¤Â¸Â­Ã¦Â–Â‡", "结束。"]
    page = "\n".join(lines)
    assert unrepaired_lines(lines, page) == unrepaired_lines(lines)
