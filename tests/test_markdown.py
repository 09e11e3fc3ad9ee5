"""Pages that arrive as Markdown or a reader tool's dump (cleaner/markdown.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.markdown import looks_like_markdown, page_meta, reader_header, strip_markdown

# The furniture around an article as html2text writes it: links, pictures, a heading, a list.
NAV = ("![](/images/logo.gif)\n[首页](/)|[新闻](/news/)|[体育](/sports/)|[财经](http://finance.example.cn/)\n\n"
       "您的位置：[主页](/home.shtml)>[新闻](/news/index.shtml)\n\n")
ARTICLE = "今年春节期间，全市接待游客三百万人次，同比增长百分之十二。\n\n旅游收入达到二十亿元。"
FOOT = "\n\n  * [关于我们](/about/)\n  * [联系我们](/contact/)\n\nCopyright © 2006 example.cn"


def test_links_keep_their_text_and_lose_their_addresses():
    assert strip_markdown(NAV + ARTICLE + FOOT) == (
        "\n首页|新闻|体育|财经\n\n您的位置：主页>新闻\n\n" + ARTICLE + "\n\n关于我们\n联系我们\n\nCopyright © 2006 example.cn")


def test_pictures_reference_definitions_and_emphasis_go():
    text = NAV + "**加粗的**导语，_强调_和*斜体*。见[原文][1]和[另一篇][src]。\n\n[1]: http://a.cn/1.html\n[src]: /b.html \"标题\"\n"
    out = strip_markdown(text)
    assert "加粗的导语，强调和斜体。见原文和另一篇。" in out
    assert "http" not in out and "logo" not in out and "](" not in out and "[1]" not in out


def test_asterisks_that_mask_names_and_numbers_stay():
    # Sites mask a name or a number with asterisks; html2text leaves them as they are.
    text = NAV + "嫌疑人王**，电话138****5678，张*三、赵*四，王*小*明。\n\n这是**重点**内容，*斜体*也去。\n"
    out = strip_markdown(text)
    assert "嫌疑人王**，电话138****5678，张*三、赵*四，王*小*明。" in out
    assert "这是重点内容，斜体也去。" in out


def test_headings_are_their_lines():
    out = strip_markdown(NAV + "# 一级标题\n\n## 二级标题 ##\n\n二号标题\n------\n\n正文第一段。")
    assert out.endswith("一级标题\n\n二级标题\n\n二号标题\n\n正文第一段。")


def test_a_table_row_is_its_cells_on_one_line():
    out = strip_markdown(NAV + "| 专业 | 导师 | 人数 |\n| --- | :---: | ---: |\n| 艺术学 | 刘梦溪 | 7 |\n")
    assert out.endswith("专业 导师 人数\n艺术学 刘梦溪 7\n")


def test_links_side_by_side_stand_apart():
    out = strip_markdown(NAV + "[要闻](/a/)[国内](/b/)[![](/i.gif)](/c/)[国际](/d/)")
    assert out.endswith("要闻 国内 国际")


def test_a_link_in_a_link_and_odd_addresses():
    out = strip_markdown(NAV + "紧邻[[地铁](http://x.cn/m.html)](http://x.cn/m.html)五号线。"
                         "[分享](javascript: void(0); \"分享到微信\")[登录](javascript:void(0);)")
    assert out.endswith("紧邻地铁五号线。分享 登录")


def test_code_keeps_its_signs():
    text = NAV + "```\nint *p = a_b * c_d;\n[x](y)\n```\n\n用`**kwargs`和`a_b_c`传参。"
    out = strip_markdown(text)
    assert "int *p = a_b * c_d;\n[x](y)" in out
    assert out.endswith("用**kwargs和a_b_c传参。")


def test_escapes_are_read():
    assert strip_markdown(NAV + r"第1\. 条：a\_b\*c \[注\]").endswith("第1. 条：a_b*c [注]")


def test_a_dump_cut_at_a_width_is_joined_where_it_was_cut():
    paragraph = "本条例自发布之日起施行，各级人民政府应当加强对本行政区域内文物保护工作的领导并将文物保护事业纳入国民经济和社会发展规划所需经费列入本级财政预算" * 3
    row = "".join(f"[栏目{k}](/channel/{k:04d}/index.shtml)|" for k in range(12))
    text = row + "\n\n" + paragraph + "\n\n" + paragraph[:40] + "。"
    cut = "\n".join(line[i:i + 78] for line in text.split("\n") for i in range(0, max(len(line), 1), 78))
    out = strip_markdown(cut)
    assert paragraph in out
    assert out.startswith("栏目0|栏目1|栏目2|")
    assert "/channel/" not in out


def test_an_unwrapped_dump_keeps_its_lines():
    text = NAV + "\n".join(f"第{k}行是一句完整的话，长短不一{'。' * k}" for k in range(1, 12))
    assert strip_markdown(text).count("\n") == text.count("\n")


def test_reader_header_fields():
    dump = ("Title: 内蒙古延续部分到期税收优惠政策\n\nURL Source: https://www.nmg.gov.cn/a.html\n\n"
            "Published Time: 2022-02-11T08:52:00+08:00\n\nMarkdown Content:\n" + NAV + ARTICLE)
    assert reader_header(dump) == {"title": "内蒙古延续部分到期税收优惠政策", "url": "https://www.nmg.gov.cn/a.html",
                                   "date": "2022-02-11T08:52:00+08:00"}
    assert looks_like_markdown(dump)
    assert strip_markdown(dump).startswith("\n首页|新闻")
    assert reader_header("前言\nTitle: 标题\nMarkdown Content:\n正文") == {}  # prose before it: no header


def test_the_first_level_one_heading_names_the_page():
    assert page_meta(NAV + "# 图说洛阳| 剪“廉洁窗花”\n\n" + ARTICLE) == {"title": "图说洛阳| 剪“廉洁窗花”"}
    assert page_meta(NAV + "[剪“廉洁窗花”](/a.html)\n===\n\n" + ARTICLE) == {"title": "剪“廉洁窗花”"}
    assert page_meta("# 标题\n\n" + ARTICLE) == {}  # not Markdown enough to be a dump


def test_the_pipeline_records_the_step_and_fills_meta():
    dump = "Title: 春节旅游\n\nURL Source: https://x.example.cn/a.html\n\nMarkdown Content:\n" + NAV + ARTICLE + FOOT
    result = Cleaner().run(dump)
    assert any(step.name == "markdown" for step in result.steps)
    assert result.meta["title"] == "春节旅游" and result.meta["url"] == "https://x.example.cn/a.html"
    assert "](" not in result.text and ARTICLE.replace("\n\n", "\n") in result.text


def test_keep_markup_keeps_the_markdown():
    dump = NAV + ARTICLE + FOOT
    result = Cleaner(strip_markup=False).run(dump)
    assert not any(step.name == "markdown" for step in result.steps)
    assert "[新闻](/news/)" in result.text


def test_a_second_clean_changes_nothing():
    once = Cleaner().clean(NAV + ARTICLE + FOOT)
    assert Cleaner().clean(once) == once


# Chinese articles with brackets, asterisks and underscores of their own: no Markdown dump.
@pytest.mark.parametrize("text", [
    "据报道[1]，该项目[2]已完成[3]。\n\n[1] 新华社，2020年。\n[2] 人民日报。\n[3] 同上。",
    "计算公式为 a*b*c，其中 a_max 与 b_min 分别取上限和下限。\n\n代码 `x = y * 2` 见附录。",
    "原文见[链接](http://x.cn/a.html)。\n\n* 第一点，注意安全。\n* 第二点，按时到达。\n\n**注意**：本通知自发布之日起施行。",
    "一、总则\n\n* * *\n\n# 注：本文转载自网络\n\n第一条 为了规范管理，制定本办法。",
    "| 姓名 | 年龄 |\n| 张三 | 20 |\n\n以上为报名名单，如有疑问请联系[办公室]。",
    "Python 的 `**kwargs` 与 `*args`：def f(*args, **kwargs): pass\n\n__init__ 方法在创建对象时调用。",
])
def test_articles_that_are_not_dumps_stay_untouched(text):
    assert not looks_like_markdown(text)
    assert strip_markdown(text) == text
    assert not any(step.name == "markdown" for step in Cleaner().run(text).steps)


def test_a_heading_that_shows_no_text_names_no_page():
    assert page_meta(NAV + "# ![](/img/logo_red.png)\n\n# [正文标题](/a.html)\n\n" + ARTICLE) == {"title": "正文标题"}


_WORDS = st.sampled_from(["首页", "新闻中心", "今日关注", "体育", "财经频道", "关于我们", "联系方式", "图片"])
_PROSE = st.sampled_from(["今年春节期间，全市接待游客三百万人次。", "旅游收入达到二十亿元，同比增长百分之十二。",
                          "据报道[1]，该项目已完成。", "计算公式为 a*b*c，其中 a_max 取上限。"])
_URLS = st.sampled_from(["/", "/news/index.shtml", "http://www.example.cn/a.html", "../b/c.htm?id=1&p=2",
                         "javascript:void(0);"])


@st.composite
def _dumps(draw):
    """A page as a dump maker writes it: link rows, list items, headings, pictures and prose."""
    blocks, shown = [], []
    for _ in range(draw(st.integers(3, 12))):
        kind = draw(st.sampled_from(["row", "item", "heading", "picture", "prose"]))
        if kind == "row":
            words = draw(st.lists(_WORDS, min_size=2, max_size=5))
            blocks.append(draw(st.sampled_from(["|", " ", ""])).join(f"[{w}]({draw(_URLS)})" for w in words))
            shown += words
        elif kind == "item":
            word = draw(_WORDS)
            blocks.append(f"  * [{word}]({draw(_URLS)})")
            shown.append(word)
        elif kind == "heading":
            word = draw(_WORDS)
            blocks.append("#" * draw(st.integers(1, 3)) + " " + word)
            shown.append(word)
        elif kind == "picture":
            blocks.append(f"![]({draw(_URLS)}logo.gif)")
        else:
            blocks.append(draw(_PROSE))
    return "\n\n".join(blocks), shown


@settings(max_examples=200, deadline=None)
@given(_dumps())
def test_a_dump_keeps_what_its_links_show_and_no_address(case):
    dump, shown = case
    out = strip_markdown(dump)
    if out == dump:
        assert not looks_like_markdown(dump)
        return
    for word in shown:
        assert word in out
    assert "](" not in out and "logo.gif" not in out and "example.cn" not in out
    assert strip_markdown(out) == out  # what it gives is no dump: a second reading changes nothing


def test_snake_case_names_outside_code_keep_their_underscores():
    # An underscore between ASCII letters or digits is a name's, not emphasis (user_name_id), nor
    # one after a letter that opens nothing (a keyword's trailing underscore: class_name_，).
    text = NAV + "变量名写作 user_name_id 和 class_name_，不要写错。\n"
    assert "变量名写作 user_name_id 和 class_name_，不要写错。" in strip_markdown(text)
