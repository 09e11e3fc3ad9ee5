"""What an element's own shape says of its text (cleaner/io/html_evidence.py), as line roles."""

import pytest

pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")

from cleaner import Cleaner  # noqa: E402
from cleaner.io.html import extract  # noqa: E402

PROSE = ["小李今年二十八岁，在城里的一家工厂上班，去年冬天她生下了一个男孩，全家人都很高兴。",
         "医生说，产后恢复需要很长时间，她必须好好休息，不能过早地回到工作岗位上去。",
         "小李的丈夫在外地打工，每个月只能回家一次，家里的事情都落在了她母亲的身上。",
         "邻居们知道以后，常常来帮忙照看孩子，让她的母亲也能歇一歇，喘口气。"]


def page(article: str, beside: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><title>小李的故事_某某网</title></head><body>'
            f'<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div><h1>小李的故事</h1>'
            f'<div class="content">{article}</div>{beside}<div class="footer">版权所有 某某网</div></body></html>')


def paragraphs(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_a_caption_under_a_photo_is_evidence_and_an_article_line_there_is_not():
    roles = extract(page(paragraphs(PROSE[0]) + '<p style="text-align:center"><img src="a.jpg"></p>'
                         '<p style="text-align:center">修缮后的永安桥。记者 周明 摄</p>' + paragraphs(*PROSE[1:]))).roles
    assert roles["修缮后的永安桥。记者 周明 摄"] == "structure:caption"
    assert roles[PROSE[1]] == "article"  # a paragraph after a photo, not set apart, not short
    # Set apart but after an icon (a bullet drawn 10 pixels a side): no photo, no caption.
    roles = extract(page(paragraphs(PROSE[0]) + '<table><tr><td><img src="dot.gif" width="10" height="10"></td>'
                         '<td>第二节 产后的日子</td></tr></table>' + paragraphs(*PROSE[1:]))).roles
    assert roles.get("第二节 产后的日子") != "structure:caption"


def test_a_poem_centred_under_its_photo_keeps_its_first_line():
    # review38: the first of a run of centred lines under a photo went as a caption
    # (generic/html-caption took 小时候，乡愁是一枚小小的邮票。); centred text under centred text
    # is the page's style, a caption stands alone.
    stanza = ["小时候，乡愁是一枚小小的邮票。", "我在这头，母亲在那头。", "长大后，乡愁是一张窄窄的船票。", "我在这头，新娘在那头。"]
    centred = "".join(f'<p style="text-align:center">{line}</p>' for line in stanza)
    roles = extract(page('<p><img src="a.jpg" width="600" height="400"></p>' + centred)).roles
    assert all(roles.get(line) != "structure:caption" for line in stanza)
    lines = Cleaner(to="keep").run_bytes(page('<p><img src="a.jpg"></p>' + centred).encode()).text.split("\n")
    assert all(line in lines for line in stanza)
    # A caption followed by a photo, or by the article's plain text, is still one.
    roles = extract(page('<p><img src="a.jpg"></p><p style="text-align:center">开幕式现场。</p><p><img src="b.jpg"></p>'
                         '<p style="text-align:center">颁奖仪式。</p>' + paragraphs(*PROSE))).roles
    assert roles["开幕式现场。"] == roles["颁奖仪式。"] == "structure:caption"


def test_caption_cells_and_small_print():
    roles = extract(page(paragraphs(*PROSE[:2]) + '<table><tr><td><img src="a.jpg"></td></tr><tr><td>开幕式现场。</td></tr></table>'
                         '<table><tr><td><img src="b.jpg"><br>小朋友在体验区学习插秧。</td></tr></table>'
                         '<p><img src="c.jpg"></p><p><small>书店保留了木制书架。</small></p>' + paragraphs(*PROSE[2:]))).roles
    assert roles["开幕式现场。"] == roles["小朋友在体验区学习插秧。"] == roles["书店保留了木制书架。"] == "structure:caption"


def test_a_code_blocks_line_numbers_and_not_its_code():
    code = '<pre><code>import os\nprint(os.getcwd())\n</code><ul class="pre-numbering"><li>1</li><li>2</li></ul></pre>'
    roles = extract(page(paragraphs(*PROSE[:2]) + code + paragraphs(*PROSE[2:]))).roles
    assert roles["1"] == roles["2"] == "structure:code-gutter"
    assert roles["import os"] == "article"
    # Digits out of order beside no code are a table's figures, not a gutter.
    roles = extract(page(paragraphs(*PROSE[:2]) + "<ul><li>3</li><li>1</li></ul>" + paragraphs(*PROSE[2:]))).roles
    assert roles.get("3") != "structure:code-gutter"


def test_a_timed_newsflash_beside_the_article_and_a_live_reports_own_times():
    flash = ('<aside><h3>快讯</h3><ul><li><span>10:42</span>某车企公布二月交付数据，同比增长三成。</li>'
             '<li><span>10:31</span>国内首条跨海高铁完成全线铺轨。</li><li><span>10:15</span>两家快递企业共建分拣中心。</li></ul></aside>')
    live = "".join(f"<p><b>0{h}:30</b> {line}</p>" for h, line in zip((7, 8, 9), PROSE[1:]))
    roles = extract(page(paragraphs(PROSE[0]) + live + paragraphs(PROSE[3]), flash)).roles
    assert roles["10:42某车企公布二月交付数据，同比增长三成。"] == "structure:timed-items"
    assert roles["快讯"] == "structure:timed-items"  # the box's heading goes with it
    assert roles[f"07:30 {PROSE[1]}"] == "article"  # the article's own timed paragraphs


def test_chips_fields_and_repeated_items_only_outside_the_article():
    chips = '<div class="x"><span>五险一金</span><span>双休</span><span>年终奖</span></div>'
    fields = "<dl><dt>积分</dt><dd>1286</dd><dt>帖子</dt><dd>342</dd></dl>"
    teasers = ('<div class="box"><div class="item"><a href="/1">小城咖啡店</a><p>一家店的十年。</p></div>'
               '<div class="item"><a href="/2">夜市摊主</a><p>一个摊主的一天。</p></div></div>')
    roles = extract(page(chips + paragraphs(*PROSE), fields + teasers)).roles
    assert roles["五险一金双休年终奖"] == "structure:chips"  # inline: one line
    assert roles["342"] == "structure:fields"
    assert roles["一家店的十年。"] == "structure:repeated-items"
    # The same shape between the article's prose lines is the article's own list.
    roles = extract(page(paragraphs(*PROSE[:2]) + "<ul><li>牛腩 500克</li><li>番茄 3个</li><li>姜 3片</li></ul>"
                         + paragraphs(*PROSE[2:]))).roles
    assert roles["牛腩 500克"] == "article"


def test_a_class_word_is_weak_and_void_on_a_wrapper_of_prose():
    roles = extract(page(paragraphs(*PROSE) + '<div class="tags">标签：<a href="/t">县城</a></div>')).roles
    assert roles["标签：县城"] == "structure:class=tags"
    # A class word on the element that holds the article's prose names a view, not a widget.
    wrapped = extract(page('<div id="content_views">' + paragraphs(*PROSE) + "<p>return 0</p></div>"
                           + paragraphs(*PROSE))).roles
    assert wrapped.get("return 0") != "structure:class=views"


def test_a_summary_box_repeating_the_first_paragraph():
    roles = extract(page(f'<div class="lead"><b>摘要：</b>{PROSE[0]}</div>' + paragraphs(*PROSE))).roles
    assert roles[f"摘要：{PROSE[0]}"] == "structure:repeats-article"
    assert roles[PROSE[0]] == "article"


def test_buttons_and_an_adverts_frame():
    roles = extract(page(paragraphs(*PROSE[:2]) + '<p>----------</p><div class="ad">广告</div><p>----------</p>'
                         + paragraphs(*PROSE[2:]) + '<div><a class="btn" href="/apply">立即申请</a></div>')).roles
    assert roles["----------"] == "structure:ad-frame"
    assert roles["立即申请"] == "structure:button"


def test_the_furniture_stage_removes_them_by_name_and_keeps_the_article():
    html = page(paragraphs(PROSE[0]) + '<p style="text-align:center"><img src="a.jpg"></p>'
                '<p style="text-align:center">修缮后的永安桥。</p>' + paragraphs(*PROSE[1:])
                + '<div class="btns"><a class="btn">立即沟通</a><a class="btn">投递简历</a></div>')
    result = Cleaner().run_bytes(html.encode())
    lines = result.text.split("\n")
    assert all(line in lines for line in PROSE)
    assert "修缮后的永安桥。" not in lines and "立即沟通投递简历" not in lines
    steps = {f.detail.partition(":")[0] for f in result.findings if f.kind == "removed-line"}
    assert {"generic/html-caption", "generic/html-button"} <= steps
