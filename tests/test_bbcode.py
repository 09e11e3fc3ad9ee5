"""Forum markup left in text (cleaner/bbcode.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.bbcode import strip_bbcode


def test_tags_go_and_their_text_stays():
    assert strip_bbcode("[size=5][b]标题[/b][/size]") == "标题"
    assert strip_bbcode("[color=#333333][font=宋体]海市蜃楼是眺望的结果。[/font][/color]") == "海市蜃楼是眺望的结果。"
    assert strip_bbcode("[COLOR=Red]红字[/COLOR]与[i]斜体[/i]") == "红字与斜体"


def test_pictures_attachments_and_smilies_go_with_their_bodies():
    assert strip_bbcode("看图[img]http://bbs.example.cn/attachments/2009/5980.jpg[/img]。") == "看图。"
    assert strip_bbcode("附件[attach]123[/attach]，图[img=400,300]http://x.cn/a.png[/img]") == "附件，图"
    assert strip_bbcode("好文章[em]e100[/em]") == "好文章"
    assert strip_bbcode("[b]好[/b]文章 :lol:\n同意 :victory:") == "好文章\n同意"


def test_a_link_keeps_the_text_it_shows():
    assert strip_bbcode("[url=http://bbs.example.cn/thread-1234-1-1.html]原文链接[/url]") == "原文链接"
    assert strip_bbcode("见[url]http://x.cn/a[/url]") == "见http://x.cn/a"


def test_a_block_between_text_breaks_the_line():
    assert strip_bbcode("楼主说[quote]引用的话[/quote]我同意") == "楼主说\n引用的话\n我同意"
    assert strip_bbcode("[quote]引用的话[/quote]\n我同意") == "引用的话\n我同意"
    assert strip_bbcode("[list][*]第一项[*]第二项[/list]") == "第一项\n第二项"


def test_a_closing_tag_left_by_a_cut_post_goes_on_a_text_with_markup():
    assert strip_bbcode("[color=red]正文[/color]结尾。[/size]") == "正文结尾。"


@pytest.mark.parametrize("text", [
    "据报道[1]，该项目[2]已完成。",  # references
    "[注]本文有删节。[图]卫星照片",
    "【独家】记者调查",
    "详见[说明文档](http://x.cn/doc)。",  # Markdown
    "见注释[b]及[i]。",  # a lone [b] or [i] is a footnote's label
    "数组a[i]与b[i]相加",
    "[/b] 单独的闭合标记",  # no markup on the text: nothing to say it is one
    "他笑着说 :) 然后走了 :D",  # typed faces stay
])
def test_what_is_not_bbcode_stays(text):
    assert strip_bbcode(text) == text


@pytest.mark.parametrize("text", [
    # An article about BBCode: its tags quoted as examples, or brought on by 例如/比如 (review21).
    "在论坛里，用「[b]粗体[/b]」可以加粗，用“[color=red]文字[/color]”改颜色。",
    "例如 [b]粗体[/b] 表示加粗，[i]斜体[/i] 表示倾斜。",
    "比如：[url=http://x.cn]链接[/url]会显示成链接。",
    "插图用『[img]』标签，引用用“[quote]”标签。",
])
def test_tags_an_article_shows_as_examples_stay(text):
    assert strip_bbcode(text) == text


def test_a_posts_markup_around_quotes_and_beside_an_example_goes():
    # A post colours a quotation (a sentence, not an example), or bolds a word inside one.
    assert strip_bbcode("他说：“[color=red]今天天气很好，我们去公园散步吧。[/color]”") == "他说：“今天天气很好，我们去公园散步吧。”"
    assert strip_bbcode("[b]好帖[/b]，他说“[b]好[/b]就是好”，我同意。") == "好帖，他说“好就是好”，我同意。"
    assert strip_bbcode("标签 `[img]` 用来插图：[img]http://x.cn/a.jpg[/img]") == "标签 `[img]` 用来插图："


def test_it_is_idempotent():
    page = "[size=5][b]标题[/b][/size]\n[quote][quote]内层[/quote]外层[/quote]\n[url=http://x.cn]链接[/url] :lol:"
    once = strip_bbcode(page)
    assert strip_bbcode(once) == once


def test_the_pipeline_records_a_step_and_keep_markup_keeps_it():
    post = "[size=5][b]即使是幸福的婚姻，也有烦恼。[/b][/size]\n[color=#333333][font=宋体]海市蜃楼是眺望的结果。[/font][/color]"
    result = Cleaner(to="keep").run(post)
    assert result.text == "即使是幸福的婚姻，也有烦恼。\n海市蜃楼是眺望的结果。"
    assert any(s.name == "bbcode-tags" for s in result.steps)
    assert Cleaner(to="keep", strip_markup=False).clean(post) == post


def test_a_forum_s_own_markup_after_input_and_tag_words_goes():
    # 输入, 标签 and 代码 come before a forum's real markup as often as before an example.
    assert strip_bbcode("请输入[color=red]验证码[/color]后再回复。") == "请输入验证码后再回复。"
    tags = "标签：[url=http://bbs.x.cn/t1.html]旅游[/url] [url=http://bbs.x.cn/t2.html]杭州[/url]"
    assert strip_bbcode(tags) == "标签：旅游 杭州"


def test_an_example_s_reach_does_not_cut_a_pair():
    # A pair the example word reaches into stays whole, not its opening tag alone.
    text = "例如 [b]粗体[/b] 和 [url=http://a.example/very/long/address/that/goes/on]很长很长的链接文字在这里[/url]是这样写的"
    assert strip_bbcode(text) == text
