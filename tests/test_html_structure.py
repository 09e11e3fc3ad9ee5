"""Where each extracted line stood in its page's markup (cleaner/io/html_structure.py)."""

import pytest

pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")

from cleaner import Cleaner  # noqa: E402
from cleaner.io import html_structure  # noqa: E402
from cleaner.io.html import extract  # noqa: E402

PROSE = ["小李今年二十八岁，在城里的一家工厂上班，去年冬天她生下了一个男孩，全家人都很高兴。",
         "医生说，产后恢复需要很长时间，她必须好好休息，不能过早地回到工作岗位上去。",
         "小李的丈夫在外地打工，每个月只能回家一次，家里的事情都落在了她母亲的身上。"]
ROWS = ["8:30-9:00 代表签到", "9:00-9:20 开幕式", "9:20-10:00 主旨报告", "10:00-10:20 茶歇",
        "10:20-11:30 分论坛一", "14:00-15:00 分论坛二"]

NEWS = f"""<html><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li></ul></div>
<div class="main">
 <div class="article"><h1>标题</h1>
  <p>{PROSE[0]}</p><ul><li>第一项</li><li>第二项</li></ul><p>{PROSE[1]}</p>
  <div class="share"><a href="/s">分享到微博</a></div><p>{PROSE[2]}</p>
 </div>
 <aside><p>本站是国内领先的科技资讯平台，每天为读者提供最新最全的科技新闻和深度报道，欢迎关注。</p></aside>
 <ul><li><a href="/1">某地举行科技周活动</a></li><li><a href="/2">青年科学家论坛召开</a></li></ul>
</div>
<div id="footer"><p>版权所有 某某网</p></div>
<p>网站备案信息</p>
</body></html>"""


def test_the_article_container_its_regions_and_the_outside():
    roles = extract(NEWS).roles
    assert [roles[line] for line in PROSE] == ["article"] * 3
    # Short lines of the article's own list, between its prose lines, are the article's.
    assert roles["第一项"] == roles["第二项"] == "article"
    assert roles["首页"] == "region:class=nav"
    assert "分享到微博" not in roles  # a region inside the container: none of the article's, no evidence
    assert roles["本站是国内领先的科技资讯平台，每天为读者提供最新最全的科技新闻和深度报道，欢迎关注。"] == "region:aside"
    assert roles["某地举行科技周活动"] == "region:links"  # a list of links
    assert roles["版权所有 某某网"] == "region:id=footer"
    assert roles["网站备案信息"] == "outside"
    assert "标题" not in roles  # in the container, above its first prose line: no evidence


def test_the_marks_never_reach_the_text(monkeypatch):
    from cleaner.io import html

    marked = extract(NEWS)
    monkeypatch.setattr(html_structure, "mark_blocks", lambda tree, elements: None)
    monkeypatch.setattr(html, "_mark_links", lambda tree, elements: False)
    unmarked = extract(NEWS)
    assert marked.text == unmarked.text and unmarked.roles == {}
    assert not any(ch in marked.text for ch in html_structure.MARKS)


def test_table_rows_do_not_nest_what_follows_the_table():
    # The extractor drops the text a <tr> holds outside its cells: were rows marked, their end
    # marks would be lost, and every line after a table would stand inside its rows.
    page = f"""<body><div class="text"><p>{PROSE[0]}</p><table><tr><td>甲</td><td>乙</td></tr>
    <tr><td>丙</td></tr></table><p>{PROSE[1]}</p><p>{PROSE[2]}</p></div>
    <div class="sidebar"><a href="/x">其他文章</a></div><p>页面底部</p></body>"""
    roles = extract(page).roles
    assert roles["甲 乙"] == roles["丙"] == "article"
    assert roles["其他文章"] == "region:class=sidebar"
    assert roles["页面底部"] == "outside"


def test_an_element_whose_end_mark_is_lost_is_closed_with_its_parent():
    structure = html_structure.Structure([html_structure.Element("div", -1), html_structure.Element("tr", -1),
                                          html_structure.Element("p", -1)])
    mark = html_structure.MARKS

    def opened(n):
        return mark[0] + chr(0xFDE0 + n) + mark[1]

    def closed(n):
        return mark[2] + chr(0xFDE0 + n) + mark[1]

    raw = [opened(0) + opened(1) + "行一", closed(0), opened(2) + "行二" + closed(2)]  # tr's end lost
    assert html_structure.read_marks(raw, structure) == ["行一", "", "行二"]
    assert structure.line_elements == [1, -1, 2]
    assert structure.elements[2].parent == -1  # after the div closed, not inside the tr


def test_a_page_without_prose_finds_its_article_by_its_own_text():
    rows = "".join(f"<p>{row}</p>" for row in ROWS)
    page = f"""<body><ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">关于</a></li></ul>
    <div class="content"><h1>大会议程</h1>{rows}</div>
    <div class="sidebar"><p>{PROSE[0]}</p><p>{PROSE[1]}</p><p>{PROSE[2]}</p></div></body>"""
    roles = extract(page).roles
    # The sidebar's prose weighs nothing: the agenda's rows are the article.
    assert [roles[row] for row in ROWS] == ["article"] * len(ROWS)
    assert roles[PROSE[0]] == "region:class=sidebar"
    assert roles["首页"] == "region:class=menu"


def test_a_wrapper_named_like_a_region_is_no_region():
    page = f"""<body><div id="wrap" class="has-sidebar"><div class="text">
    {"".join(f"<p>{line}</p>" for line in PROSE)}</div><p>尾注</p></div></body>"""
    roles = extract(page).roles
    assert [roles[line] for line in PROSE] == ["article"] * 3
    assert roles["尾注"] == "outside"


def test_class_and_id_words_are_whole_words():
    page = "<body><div class='canvas-box'><p>甲</p></div><div class='mainNav'><p>乙</p></div><div id='ft'><p>丙</p></div></body>"
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(page)
    structure = html_structure.mark_blocks(tree, html_structure.elements_of(tree)[0])
    assert [e.why for e in structure.elements if e.tag == "div"] == ["", "class=nav", "id=ft"]


def test_too_little_text_gives_no_evidence():
    assert extract("<body><div class='nav'><a href='/'>首页</a></div><p>你好。</p></body>").roles == {}


def test_a_line_at_several_places_has_the_role_of_each_place():
    page = f"""<body><div class="menu"><a href="/">返回</a></div><div class="text">
    {"".join(f"<p>{line}</p>" for line in PROSE[:2])}<p>返回</p><p>{PROSE[2]}</p></div><div id="footer">
    <a href="/t">顶部</a></div><div class="nav"><a href="/t">顶部</a></div></body>"""
    roles = extract(page).roles
    assert roles["返回"] == ("region:class=menu", "article")  # the menu's, then the article's, in order
    assert roles["顶部"] == ("region:id=footer", "region:class=nav")
    assert roles[PROSE[0]] == "article"  # a text at one place (or sharing one role): the role itself
    # Read by occurrence; when the lines judged hold the text another number of times, the role the
    # occurrences share (the article's if any is; a region only if all are: the first one's name).
    assert [html_structure.role_at(roles, "返回", k, 2) for k in (0, 1)] == ["region:class=menu", "article"]
    assert html_structure.role_at(roles, "返回", 0, 1) == "article"
    assert html_structure.role_at(roles, "顶部", 0, 3) == "region:id=footer"
    assert html_structure.role_at({"甲": "outside"}, "甲", 1, 2) == "outside"  # a caller's plain mapping


@pytest.mark.parametrize("rows_above, head_is_article", [(False, False), (True, True)])
def test_a_short_articles_head_is_not_its_own_text(rows_above, head_is_article):
    # Two prose lines: the container is found by own text, and starts with the article's head (its
    # headline, a byline with a font-size toggle); the article starts at its first prose line.
    # A longer run above it (an agenda before its text) stays the article's.
    above = "".join(f"<div>{row}</div>" for row in ROWS) if rows_above else ""
    page = f"""<body><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">国际</a></li></ul>
    <article><h1>大会今天开幕</h1><div class="info"><time>2010/02/03 04:44</time> <span>综合外电报导</span>
    <span>字级：<a>小</a><a>中</a><a>大</a></span></div>{above}{PROSE[0]}<br/><br/>{PROSE[1]}<br/>记者：王敏<br/>编辑：李华</article>
    <div class="footer"><p>版权所有 某某网</p><p>联系我们 关于我们</p><p>客服电话：02-2117-6548</p></div></body>"""
    extracted = extract(page)
    byline = next(line.strip() for line in extracted.text.splitlines() if "字级" in line)
    assert extracted.roles[PROSE[0]] == "article"
    assert (extracted.roles.get(byline) == "article") is head_is_article


def test_a_page_nested_past_the_depth_limit_gives_no_structure():
    # Each line's chain of ancestors costs the square of the depth (review28b: 15,000 nested
    # <div> took 28 s and 1 GB); past MAX_DEPTH the page is read without it, its text the same.
    depth = html_structure.MAX_DEPTH + 10
    body = "".join(f"<p>{line}</p>" for line in PROSE)
    page = f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"
    deep = extract(page)
    assert deep.roles == {} and deep.text.splitlines() == PROSE
    shallow = extract(f"<html><body><div class='text'>{body}</div></body></html>")
    assert shallow.roles[PROSE[0]] == "article"


def test_a_page_naming_a_marks_noncharacter_is_not_marked():
    # A character reference to U+FDD0-U+FDEF reaches the tree as the character itself, where it
    # would read as a mark and vanish with no Step (review28b): such a page is read unmarked.
    page = f"<body><div class='text'><p>{PROSE[0]}</p><p>符号&#xFDD2;&#xFDE1;&#xFDD3;中间</p><p>{PROSE[1]}</p><p>{PROSE[2]}</p></div></body>"
    got = extract(page)
    assert "符号\ufdd2\ufde1\ufdd3中间" in got.text and got.roles == {}


def test_a_list_reaching_into_the_article_is_the_articles_to_its_last_row():
    # review38: a live report's list of timed items whose last item is too short to weigh stood
    # below the last line of weight: that row alone went as generic/html-timed-items. The feature
    # holds for the list (an element), and the list holds the article's lines.
    items = ["07:30 比赛正式鸣枪开跑，全程马拉松选手率先出发。", "08:15 领先集团通过十公里补给站，配速稳定。",
             "09:40 男子组冠军冲过终点，成绩2小时10分。"]
    live = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    html = (f'<html><head><meta charset="utf-8"><title>马拉松比赛实况_体育频道</title></head><body>'
            f'<div class="nav"><a href="/">首页</a> <a href="/s">体育</a></div><div class="content">'
            f"<h1>马拉松比赛实况</h1><p>{PROSE[0]}</p>{live}</div><div class=\"footer\">版权所有 体育频道</div></body></html>")
    roles = extract(html).roles
    assert [roles.get(item, "") for item in items] == ["article", "article", ""]  # the last: below the weight, no finding
    assert all(item in Cleaner(to="keep").run_bytes(html.encode()).text.split("\n") for item in items)
