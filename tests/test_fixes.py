"""Width, punctuation, entity and whitespace fixers (cleaner/fixes.py)."""

import pytest

from cleaner import fixes

PUNCT = [
    ("工信部:推动", "工信部：推动"),
    ("全文如下:", "全文如下："),
    ("发展,已经", "发展，已经"),
    ("加深;成为", "加深；成为"),
    ("为什么?因为", "为什么？因为"),
    ("真好!", "真好！"),
    ("创新(体验)中心", "创新（体验）中心"),
    ("电 (张晓赫)今日", "电 （张晓赫）今日"),
    ("“六稳”,", "“六稳”，"),
    ("22.5%,连续", "22.5%，连续"),
    # ASCII kept: numbers, times, URLs, e-mail, Latin phrases
    ("13:42:07", "13:42:07"),
    ("1,000元", "1,000元"),
    ("http://example.com", "http://example.com"),
    ("邮箱:aet@chinaaet.com", "邮箱：aet@chinaaet.com"),
    ("U.S. (2020) report, ok", "U.S. (2020) report, ok"),
    ("1+N平台", "1+N平台"),
    ("5G网络", "5G网络"),
]


@pytest.mark.parametrize("raw,fixed", PUNCT)
def test_fullwidth_punct(raw, fixed):
    assert fixes.fullwidth_punct(raw) == fixed


@pytest.mark.parametrize("raw,fixed", [("２０２０年", "2020年"), ("ＡＰＰ", "APP"), ("ｉＰｈｏｎｅ", "iPhone")])
def test_halfwidth_alnum(raw, fixed):
    assert fixes.halfwidth_alnum(raw) == fixed


@pytest.mark.parametrize("raw,fixed", [("你好﹐世界", "你好，世界"), ("时间︰", "时间："), ("甲﹔乙", "甲；乙"), ("注﹕", "注：")])
def test_compat_punct(raw, fixed):
    assert fixes.normalize_compat_punct(raw) == fixed


def test_entities_double_escaped():
    assert fixes.unescape_entities("&amp;ldquo;双创&amp;rdquo;") == "“双创”"


def test_paragraphs():
    raw = "  标题\r\n\r\n\u3000\u3000第一段。\n\u00a0第二段。  \n\n"
    assert fixes.normalize_paragraphs(raw) == "标题\n第一段。\n第二段。"


def test_indent_artifacts():
    assert fixes.remove_indent_artifacts("? ? ? ?会议指出\n真的吗?") == "会议指出\n真的吗?"


def test_nbsp_after_chinese_punctuation_is_dropped_not_spaced():
    from cleaner import Cleaner

    result = Cleaner().run("他说：&nbsp;我们。&nbsp;&nbsp;下一句，\u00a0好。Hello&nbsp;world")
    assert result.text == "他说：我们。下一句，好。Hello\u00a0world"  # between words it stays
    assert any(step.name == "nbsp-after-punct" for step in result.steps)
