"""Percent-encoded text in UTF-8, GBK and Big5, and JavaScript's escape(), read back; addresses
and percent signs in prose left as they are."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

import pytest

from escape_damage import js_escape_all as js_escape

from cleaner import Cleaner
from cleaner.repair.percent_escapes import decode


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8"])
@pytest.mark.parametrize("word", ["中国经济新闻", "人民代表大会", "北京", "环境保护"])
def test_a_search_word_in_gbk_or_utf8_in_a_sentence_is_read(encoding, word):
    assert decode(f"搜索{quote(word, encoding=encoding)}的结果，共找到12条。") == f"搜索{word}的结果，共找到12条。"


def test_big5_with_ascii_trail_bytes_and_a_backslash_trail_is_read():
    # 你 is a7 41 (quote writes %A7A), 許 b3 5c, 央 a5 a1.
    text = "你們許多人在中央政府工作，今年的報告已經發表。"
    encoded = quote(text, encoding="big5")
    assert "%A7A" in encoded and "%B3%5C" in encoded
    assert decode(encoded) == text


def test_a_run_that_starts_with_an_escaped_space_and_holds_digits_and_latin_is_read_whole():
    text = "这部漫画由A.D. Vision于2004年在英国出版发行。"
    assert decode("这部漫画由A.D.%20Vision%E4%BA%8E2004%E5%B9%B4%E5%9C%A8%E8%8B%B1%E5%9B%BD%E5%87%BA%E7%89%88"
                  "%E5%8F%91%E8%A1%8C%E3%80%82") == text
    assert decode(quote(text, encoding="gbk")) == text


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "big5"])
def test_a_form_writes_a_space_as_plus(encoding):
    text = "該片於1998年 上映 (A Film)，獲得好評。" if encoding == "big5" else "该片于1998年 上映 (A Film)，获得好评。"
    assert decode(quote_plus(text, encoding=encoding)) == text


def test_an_at_sign_before_a_name_is_the_texts():
    assert decode("网友@" + quote("不吃香菜", encoding="gbk") + "：明天还要上班") == "网友@不吃香菜：明天还要上班"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_slash_and_a_dot_in_the_text_do_not_make_it_an_address(encoding):
    # quote() and escape() leave "/" and "." as they are: 时速120km/h, .NET are the paragraph's.
    text = "该车时速120km/h，约占1/2，使用.NET的函式库。"
    assert decode(quote(text, encoding=encoding)) == text
    if encoding == "utf-8":
        assert decode(js_escape(text)) == text


def test_javascript_escapes_with_a_sign_left_as_it_is_are_read():
    # An encoder that escaped only what is beyond ASCII: "#3" and "(" are the text's, not an address's.
    text = "海梅·雷耶斯（）是DC漫画公司的一个虚拟人物。该人物首先出现于《无限危机 #3》（2006年二月）"
    written = "".join(c if c.isascii() else js_escape(c) for c in text)
    assert "%u673A #3%u300B" in written and decode(written) == text


def test_javascript_escape_with_ascii_between_is_read():
    text = "《越战狂想曲》于2004年出版, 共3卷 (A+B)。"
    assert "%u57282004" in js_escape("在2004") and decode(js_escape(text)) == text


@pytest.mark.parametrize("text", [
    "今年增长5%，明年增长50%。",
    "50%D级以上",
    "增长50%，达到%AB%CD",  # one Big5 character alone: no search word
    "利润率12%DA",
    'printf("%d%s\\n", n, s); 100%%',
    "%E4%B8",  # a cut UTF-8 character
    "%FF%FE%FD%FC",
    "折扣%20左右",  # only ASCII
])
def test_a_percent_sign_in_prose_or_code_stays(text):
    assert decode(text) == text


@pytest.mark.parametrize("text", [
    "详见 https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87 页面",
    "https://www.baidu.com/s?wd=%D6%D0%CE%C4&ie=gbk",
    "搜索 q=%D6%D0%B9%FA%BE%AD%BC%C3",
    "附件 %D6%D0%B9%FA%BE%AD%BC%C3.pdf",
    "http://example.com/search?q=%u4E2D%u6587",
    "search?q=%u4E2D%u6587",
    "www.example.com%A4%A4%A4%E5",
    "/wiki/%E4%B8%AD%E6%96%87",
    "baike.baidu.com/item/%D6%D0%CE%C4",
    "mail%E4%B8%AD%E6%96%87@example",
    '{"url":"https:\\/\\/itunes.apple.com\\/fr\\/podcast\\/%E6%B3%95%E5%9B%BD%E6%8A%A5%E7%BA%B8\\/id959869975"}',
])
def test_an_address_keeps_its_escapes(text):
    assert decode(text) == text


def test_the_pipeline_reads_a_gbk_percent_paragraph_and_a_second_clean_changes_nothing():
    text = "本次研究对象为13岁的儿童。\n选择这一年龄段的基本考虑是“青春期”。"
    damaged = text.split("\n")[0] + "\n" + quote(text.split("\n")[1], encoding="gbk")
    result = Cleaner(to="keep").run(damaged)
    assert result.text == text
    assert any(step.name == "literal-escapes" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_a_utf8_reading_that_is_neither_chinese_nor_latin_loses_to_gbk():
    # cd ac d1 a7 is valid UTF-8 (ͬѧ, Greek and Cyrillic signs) and GBK's 同学: a search word in
    # a Chinese sentence is the GBK one.
    assert decode("我的同学%CD%AC%D1%A7") == "我的同学同学"


def test_a_word_encoded_twice_is_decoded_once_and_read_as_one_encoded_once():
    for word, encoding in (("刘六刘七", "utf-8"), ("中文搜索", "gbk"), ("國立臺灣大學", "big5")):
        twice = quote(quote(word, encoding=encoding), safe="")
        assert twice.startswith("%25")
        assert decode(f"来源关键词：{twice}，访问次数：12") == f"来源关键词：{word}，访问次数：12"
    # An escape of another byte beside them: not one word encoded twice; an address keeps its escapes.
    for kept in ("增长25%25", "见 https://x.cn/%25E4%25B8%25AD%25E6%2596%2587", "%25E4%25B8%E4"):
        assert decode(kept) == kept
