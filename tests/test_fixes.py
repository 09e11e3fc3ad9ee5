"""Width, punctuation, entity and whitespace fixers (cleaner/fixes.py)."""

import re

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
    # the spaces of an ASCII sign go with it; "." ends a sentence before a space or the line's end
    ("北京, 上海 ; 广州", "北京，上海；广州"),
    ("他说 : 好", "他说：好"),
    ("去了上海. 这是第一次.", "去了上海。这是第一次。"),
    ("查尔斯.布里奇曼", "查尔斯.布里奇曼"),  # a name's separator
    ("一. 总则", "一. 总则"),  # a numbered heading
    ("第三条. 本条例自公布之日起施行.", "第三条. 本条例自公布之日起施行。"),
    ("我爱北京. I love it.", "我爱北京. I love it."),
    ("他说：“Hello, world!”然后离开了。", "他说：“Hello, world!”然后离开了。"),  # English inside quotes
    ("他问：“真的吗?”", "他问：“真的吗？”"),
    # ASCII kept: numbers, times, URLs, e-mail, Latin phrases
    ("13:42:07", "13:42:07"),
    ("1,000元", "1,000元"),
    ("http://example.com", "http://example.com"),
    ("邮箱:aet@chinaaet.com", "邮箱：aet@chinaaet.com"),
    ("U.S. (2020) report, ok", "U.S. (2020) report, ok"),
    ("1+N平台", "1+N平台"),
    ("5G网络", "5G网络"),
    # a phone's area code glued to its number keeps its brackets (probe38: Taiwan pages' (07)5360238)
    ("服務專線：(07)5360238，歡迎來電。", "服務專線：(07)5360238，歡迎來電。"),
    ("电话(010)66012345", "电话(010)66012345"),
    ("编号(2365)号公告", "编号（2365）号公告"),  # digits before Han: a bracketed number of the sentence
    # a list's ordinal before a year is no area code: its brackets go fullwidth as the next item's
    ("主要包括:(1)2025年营收增长;(2)净利润下降", "主要包括：（1）2025年营收增长；（2）净利润下降"),
]


@pytest.mark.parametrize("raw,fixed", PUNCT)
def test_fullwidth_punct(raw, fixed):
    assert fixes.fullwidth_punct(raw) == fixed


@pytest.mark.parametrize("raw,fixed", [("２０２０年", "2020年"), ("ＡＰＰ", "APP"), ("ｉＰｈｏｎｅ", "iPhone")])
def test_halfwidth_alnum(raw, fixed):
    assert fixes.halfwidth_alnum(raw) == fixed


@pytest.mark.parametrize("raw,fixed", [("你好﹐世界", "你好，世界"), ("时间︰", "时间："), ("甲﹔乙", "甲；乙"), ("注﹕", "注："),
                                       ("︻图︼说明︽书名︾", "【图】说明《书名》"), ("﹁引文﹂﹃内引﹄", "「引文」『内引』")])
def test_compat_punct(raw, fixed):
    assert fixes.normalize_compat_punct(raw) == fixed


def test_entities_double_escaped():
    assert fixes.unescape_entities("&amp;ldquo;双创&amp;rdquo;") == "“双创”"


def test_entities_escaped_three_times_over():
    # A CMS escaping what its editor had escaped: the probe's &amp;amp;nbsp; stayed as &nbsp；.
    assert fixes.unescape_entities("简称&amp;amp;nbsp;国务院&amp;amp;amp;lt;") == "简称\xa0国务院<"


STOPS_AND_QUOTES = [
    # "." between two Chinese sentences, with no space: 。 where the model reads a sentence's end
    ("第一次报告会.据悉，研究中心将持续观察。", "第一次报告会。据悉，研究中心将持续观察。"),
    ("宽扎出现高通胀.新宽扎只以纸币形式出现.第一张纸币", "宽扎出现高通胀。新宽扎只以纸币形式出现。第一张纸币"),
    ("查尔斯.布里奇曼", "查尔斯.布里奇曼"),  # a name's separator: the model reads · there
    ("美国总统唐纳德.特朗普表示", "美国总统唐纳德.特朗普表示"),
    ("此间学到碧海潮生.风雷九州.少林七十三绝技.天魔解体大法", "此间学到碧海潮生.风雷九州.少林七十三绝技.天魔解体大法"),  # a list
    ("爱因斯坦文集.中译版.第三卷.商务印书馆", "爱因斯坦文集.中译版.第三卷.商务印书馆"),  # a reference
    ("一.总则", "一.总则"),
    ("下载报告.pdf文件，美国U.S.政府，圆周率3.14，等等...然后", "下载报告.pdf文件，美国U.S.政府，圆周率3.14，等等...然后"),
    ("我爱北京.I love it.", "我爱北京.I love it."),
    # ASCII quotes around Chinese: Chinese quotes; around English, in code, or unpaired: kept
    ('作了"CCER中国经济观察"第一次报告会', "作了“CCER中国经济观察”第一次报告会"),
    ('"跑业务"的说法，"Hello"一词', "“跑业务”的说法，\"Hello\"一词"),
    ('他说"好",然后走了', "他说“好”，然后走了"),  # the comma beside the new quote is Chinese's too
    ('调用print("你好")输出，设置 key: "值"，<a href="中文">', '调用print("你好")输出，设置 key: "值"，<a href="中文">'),
    ('他说"你好，然后', '他说"你好，然后'),
    ('规划："“萤火虫工作室要创造世界”"。', '规划："“萤火虫工作室要创造世界”"。'),
]


@pytest.mark.parametrize("raw,fixed", STOPS_AND_QUOTES)
def test_chinese_stops_and_quotes(raw, fixed):
    assert fixes.chinese_stops_and_quotes(raw) == fixed
    assert fixes.chinese_stops_and_quotes(fixed) == fixed


def test_stops_and_quotes_are_a_step_of_the_pipeline_and_a_second_clean_changes_nothing():
    from cleaner import Cleaner

    result = Cleaner().run('23日下午，研究中心向社会作了"CCER中国经济观察"第一次报告会.据悉,"CCER"将持续十年.')
    assert result.text == "23日下午，研究中心向社会作了“CCER中国经济观察”第一次报告会。据悉，\"CCER\"将持续十年。"
    assert any(step.name == "chinese-stops-and-quotes" for step in result.steps)
    assert Cleaner().clean(result.text) == result.text


def test_the_width_stages_read_each_other_s_output_and_a_second_clean_changes_nothing():
    # review46: 好?︽ came out 好？︽ (the vertical form was asked before ? became ？), then 好？《.
    from cleaner import Cleaner

    result = Cleaner().run("好?︽")
    assert result.text == "好？《" and Cleaner().clean(result.text) == result.text
    assert {step.name for step in result.steps} == {"fullwidth-punct", "compat-punct"}


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


def test_a_line_with_marks_the_repairs_would_read_once_folded_keeps_its_width():
    """GBK's a3 e4 read as ｄ after a lost byte: folded to d it is a trail byte to the byte
    repairs, and a second clean took it (gbk-twice with --no-guess, tests/test_properties.py)."""
    from cleaner import Cleaner, Config
    from cleaner.repair import one_byte

    line = "\ufffdｄ俊\ufffd负基\ufffd"
    assert one_byte.reads(fixes.fold_width(line)) and not one_byte.reads(line)
    assert fixes.kept_from_folding("标题\n" + line, read_again=one_byte.reads) == [(4, 5)]
    c = Cleaner.for_config(Config(to="keep", guess_lost=False))
    out = c.clean(line)
    assert out == line and c.clean(out) == out
    # The same where the folded line is read as UTF-8 misread as GBK (鍋ｉ: GBK's a3 e9 beside 鍋;
    # ︾, a6 e4, far from the line's mark, which compat-punct made 》).
    line = "劌锟芥矮閲滈崷鎵\ufffd鍋ｉ敍灞藉瘶閹凤拷閸╄櫣缍"
    out = c.clean(line)
    assert "鍋ｉ" in out and c.clean(out) == out
    line = "缁旀瑥宸洪惄瀛樺复閻╂瓕绻涢敍娑欙拷銈咃拷鏍︾瘍閺堬拷8閺夆剝宕叉稊姗\ufffd锟芥岸浜炬潻"
    out = c.clean(line)
    assert "鏍︾瘍" in out and c.clean(out) == out
    # A line the repairs do not read either way is folded as any: a real lost character.
    assert fixes.kept_from_folding("这个\ufffd问题ＡＢＣ", read_again=one_byte.reads) == []
    assert c.clean("这个\ufffd问题ＡＢＣ") == "这个\ufffd问题ABC"


# --- the native fixers against their Python originals (tests/reference_fixes.py) ----------------------------
#
# Same text on random input (any character, lone surrogates included), on input made of the
# characters the fixers look at, on clean articles and on damaged pages.

import os  # noqa: E402
import random  # noqa: E402
import unicodedata  # noqa: E402
from pathlib import Path  # noqa: E402

import reference_fixes  # noqa: E402
from damage import FAMILIES, damage_lines, damage_page, naive_s2t  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner import _native  # noqa: E402
from cleaner.chardata import _HAN_RANGES  # noqa: E402

NATIVE = ["fullwidth_punct", "drop_nbsp_after_punct", "normalize_paragraphs", "halfwidth_alnum", "normalize_compat_punct"]
SETTINGS = settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "clean").glob("*.txt"))]
# What the fixers look at, and their neighbours: signs, parentheses, digits of several scripts,
# spaces and padding, line breaks, Chinese, Chinese punctuation, compat and fullwidth forms.
_FOCUS = ",;:!?()（）/ \t\u00a0\u3000\u2002\u200b\ufeff\r\n\u2028\u2029" "0123456789٣①²½" "国务院中〇" "，。、；：！？”’」』）》】…—“·" "﹐︰﹔﹕﹙﹚︵︶︙︻︼﹁﹂︽﹛" "０９ＡＺａｚ" "ab.%" "\U00020000"
FOCUSED = st.text(alphabet=_FOCUS, max_size=80)
ANY = st.text(alphabet=st.characters(codec=None), max_size=80)


def _agree(name: str, text: str) -> None:
    assert getattr(_native, name)(text) == getattr(reference_fixes, name)(text), (name, text)


@pytest.mark.parametrize("name", NATIVE)
@SETTINGS
@given(text=st.one_of(FOCUSED, ANY))
def test_native_fixers_agree_with_python_on_random_text(name, text):
    _agree(name, text)


@pytest.mark.parametrize("name", NATIVE)
@SETTINGS
@given(index=st.integers(0, len(ARTICLES) - 1), family=st.sampled_from(sorted(FAMILIES)), seed=st.integers(0, 2**32))
def test_native_fixers_agree_with_python_on_damaged_pages(name, index, family, seed):
    clean = ARTICLES[index]
    for text in (clean, naive_s2t(clean), damage_lines(clean, family, random.Random(seed)), damage_page(clean, seed)):
        _agree(name, text)
        _agree(name, unicodedata.normalize("NFKC", text))


def test_the_fixers_are_the_native_ones():
    for name in NATIVE:
        text = "甲,乙(丙)\u00a0２﹐\r\n"
        assert getattr(fixes, name)(text) == getattr(_native, name)(text)


def test_unchanged_text_comes_back_as_the_same_object():
    text = "国务院召开会议。"
    for name in NATIVE:
        assert getattr(_native, name)(text) is text


def test_native_han_table_is_the_one_chardata_counts_with():
    assert [tuple(r) for r in _native.HAN_RANGES] == list(_HAN_RANGES)


def test_lone_surrogates_pass_through():
    assert _native.fullwidth_punct("国,\ud800") == "国，\ud800"
    assert _native.normalize_paragraphs(" \ud800 \n\n") == "\ud800"


@pytest.mark.parametrize(("text", "expected"), [
    ("增长５．２％", "增长５.２%"),
    ("价格１，２３４元", "价格１,２３４元"),
    ("时间１０：３０。", "时间１０:３０。"),
    ("网址ｗｗｗ．ｂａｉｄｕ．ｃｏｍ", "网址ｗｗｗ.ｂａｉｄｕ.ｃｏｍ"),
    ("Ｈｅｌｌｏ\u3000Ｗｏｒｌｄ", "Ｈｅｌｌｏ Ｗｏｒｌｄ"),
    ("第１，２，３条", "第１，２，３条"),  # a list, not a thousands group
    ("比分３：２", "比分３：２"),  # not a time
    ("２０１９－２０２０年，电话０１０－１２３４", "２０１９-２０２０年，电话０１０-１２３４"),  # a range, a phone number
    ("ＤＶ／ＨＤＶ记录器", "ＤＶ/ＨＤＶ记录器"),
    ("他说：好。", "他说：好。"),
    ("１．中国　２．美国", "１．中国　２．美国"),  # numbering before Chinese keeps its sign
    ("占60％，5．2", "占60％，5．2"),  # ASCII digits keep their signs as written
    ("售价ＵＳ＄１２，电话＋８６", "售价ＵＳ$１２，电话+８６"),  # a sign before a number is the number's
    ("邮箱ｎａｍｅ＿１＠ｅｘａｍｐｌｅ．ｃｏｍ", "邮箱ｎａｍｅ_１@ｅｘａｍｐｌｅ.ｃｏｍ"),
    ("访问ｈｔｔｐｓ：／／ａ．ｃｎ，１＋１＝２", "访问ｈｔｔｐｓ://ａ.ｃｎ，１+１=２"),
    ("注意：＃号与＋号", "注意：＃号与＋号"),  # a sign with no digit or letter beside it stays
])
def test_signs_inside_fullwidth_numbers_and_addresses_become_ascii(text, expected):
    from cleaner.fixes import halfwidth_number_signs

    assert halfwidth_number_signs(text) == expected
    assert halfwidth_number_signs(expected) == expected


def test_a_fullwidth_number_comes_out_narrow_as_a_whole():
    from cleaner import Cleaner

    assert Cleaner(to="keep").clean("ＧＤＰ增长５．２％，网址ｗｗｗ．ｂａｉｄｕ．ｃｏｍ") == "GDP增长5.2%，网址www.baidu.com"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="０１９ＡｚＺａ12ab．，：％\u3000。中 ＠＿＋＝＆＃＄／ｈｔｐｓｆ", max_size=12))
def test_the_number_signs_prefilter_skips_only_texts_the_pass_leaves(text):
    # The cheap test before the pass: a text it skips is one the pass would not change.
    assert fixes.halfwidth_number_signs(text) == fixes._NUMBER_SIGNS.sub(lambda m: fixes._narrow(m.group()), text)


def test_a_tab_after_chinese_punctuation_is_layout_and_goes():
    from cleaner import Cleaner

    assert Cleaner().clean("以及火爆的性格闻名。\t张世昌在天津火车头效力时，\t就已入选国少队。") == "以及火爆的性格闻名。张世昌在天津火车头效力时，就已入选国少队。"
    assert Cleaner().clean("名称\t价格\n苹果\t5元") == "名称\t价格\n苹果\t5元"  # a table's tab stays


def test_table_tabs_after_fullwidth_punct_are_kept():
    table = "地区\t2021年（亿元）\t2022年（亿元）\t增长率\n广东省\t124369.67\t129118.58\t1.9%"
    assert fixes.drop_nbsp_after_punct(table) == table
    two_columns = "名称\t单价（元）\n苹果（红）\t5.5"
    assert fixes.drop_nbsp_after_punct(two_columns) == two_columns
    # a lone tab after a sentence is still layout, and NBSP inside a cell still goes
    table = "地区\t人口（万）\u00a0\t面积\n广东\t12601\t17.98"
    assert fixes.drop_nbsp_after_punct("他说。\t再一句\n\n" + table) == "他说。再一句\n\n" + table.replace("\u00a0", "")


def test_table_keeps_tabs_through_the_pipeline():
    from cleaner.pipeline import Cleaner

    table = "产品\t单价（元）\t备注\n铅笔\t2.5\t每盒十支\n橡皮（大）\t1.0\t无"
    assert Cleaner().clean(table) == table


def test_subtitle_file_keeps_blank_lines_between_cues():
    srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\n  你好\r\n\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\n世界。\r\n"
    assert fixes.normalize_paragraphs(srt) == "1\n00:00:01,000 --> 00:00:03,500\n你好\n\n2\n00:00:04,000 --> 00:00:06,000\n世界。"


# --- the full stop's patterns open with the dot -----------------------------------------------

_REFERENCE_STOP = re.compile(f"(?<={fixes._HAN}{{4}})\\.(?={fixes._HAN})")  # as first written: look-behind first
_REFERENCE_LIST = re.compile(f"(?<={fixes._HAN})\\.(?=([^\\s.，。、；：！？,;:!?“”\"（）()《》]{{1,{fixes.LIST_ITEM_MAX}}})\\.{fixes._HAN})")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("报告会据悉中心查尔斯.。 a1\n\U00020000"), max_size=40))
def test_the_stop_patterns_find_what_their_look_behind_first_forms_find(text):
    # Read from the dot (re scans for it at string speed, where a pattern opening with a
    # look-behind is tried at every position): the same matches, groups and all.
    assert [m.span() for m in fixes._STOP_BETWEEN_HAN.finditer(text)] == [m.span() for m in _REFERENCE_STOP.finditer(text)]
    assert [(m.span(), m.groups()) for m in fixes._DOT_LIST.finditer(text)] == [(m.span(), m.groups()) for m in _REFERENCE_LIST.finditer(text)]


def test_the_stop_patterns_open_with_what_they_read():
    assert not fixes._STOP_BETWEEN_HAN.pattern.startswith("(?<") and not fixes._DOT_LIST.pattern.startswith("(?<")
