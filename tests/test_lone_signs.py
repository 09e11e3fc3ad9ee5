"""A lone sign or accented letter of UTF-8 read as GBK, beside ASCII (cleaner/repair/lone_signs.py)."""

import re

import pytest

from cleaner import Cleaner
from cleaner.repair import lone_signs


@pytest.mark.parametrize("clean", [
    "该地区面积为46,600m²，人口约十万。",
    "今天气温30°C左右，明天降温。",
    "计算5×3的结果，误差±2mm以内。",
    "任天堂的Pokémon游戏在中国很受欢迎。",
])
def test_a_lone_sign_read_as_gbk_comes_back(clean):
    shown = "".join(ch.encode("utf-8").decode("gbk", errors="replace") if "\u00a0" <= ch <= "\u00ff" else ch for ch in clean)
    assert shown != clean
    assert lone_signs.repair(shown) == clean
    result = Cleaner(to="keep").run(shown)
    assert result.text == clean
    assert any(s.name == "utf8-sign-read-as-gbk" for s in result.steps)
    assert Cleaner(to="keep").clean(result.text) == clean


@pytest.mark.parametrize("clean", [
    "站台位于站舍4楼，对向式月台。",     # 楼 is what GBK makes of ¥: left out
    "别克GL8陆尊是在上海生产的。",       # 陆 of ½
    "这个SQL漏洞已经修补。",              # 漏 of ©
    "他一共获得3枚金牌。",               # 枚 of ö, but not between letters
    "TPO录制成总共2卷。",
    "毛泽东和没有的么。",
    "我的iPad没WiFi了，新买的Mac没Office。",  # 没 is what GBK makes of û
    "这家店叫Kitty猫Cafe。",
    "2011鲁能泰山队和CBA鲁能队，车牌号苏A12345鲁B67890。",  # 鲁 of ³
    "2019庐山国际马拉松。",  # 庐 of ®
    "这款车型GL8陆尊很受欢迎。",
])
def test_chinese_beside_ascii_is_left_as_it_is(clean):
    assert lone_signs.repair(clean) == clean


@pytest.mark.parametrize(("text", "place"), [
    ("面積46,600W虜?", "虜"),  # converted to Simplified: W虏, which a second clean reads as W²
    ("溫度30擄C", "擄"),
    ("面积46,600Ｗ虏？", "Ｗ虏"),  # made ASCII by the width fixer: W虏
    ("誤差鹵2度", "鹵"),  # every Traditional form folds: 鹵 as well as 滷 becomes 卤, ± before a digit
])
def test_a_place_later_stages_would_make_a_sign_is_kept_as_it_is(text, place):
    assert [text[a:b] for a, b in lone_signs.made_later(text)] == [place]
    for to in ("zh-hans", "keep"):
        cleaner = Cleaner(to=to)
        once = cleaner.clean(text)
        assert place in once
        assert cleaner.clean(once) == once


def test_clean_text_has_no_place_later_stages_would_make():
    assert lone_signs.made_later("俘虜和擄掠，錨地，滷味，面积46,600平方米") == []


def test_a_character_between_pinyin_syllables_is_ruby_not_a_misread_letter():
    # 茅 is é misread, but between dài and máo it is the character the ruby annotates.
    assert lone_signs.repair("代dài茅máo元") == "代dài茅máo元"
    assert lone_signs.repair("我喜欢Pok茅mon游戏") == "我喜欢Pokémon游戏"


# --- the pattern opens with the character it reads ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SIGNS, _LETTERS = "".join(lone_signs._SIGNS), "".join(lone_signs._LETTERS)
# As first written, each branch opening with its look-behind.
_REFERENCE = re.compile(f"(?<=[0-9A-Za-z])[{_SIGNS}](?![\\u3400-\\u9fff])|(?<=[a-z])[{_LETTERS}](?=[a-z])"
                        f"|[{lone_signs._PLUS_MINUS}](?=[0-9])")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "W", "1", "中", "度", " ", *_SIGNS[:4], *_LETTERS[:4], lone_signs._PLUS_MINUS]), max_size=30))
def test_the_pattern_finds_what_its_look_behind_first_form_finds(text):
    # Read from the sign (re scans for the characters a branch starts with at string speed, where
    # a branch opening with a look-behind is tried at every position): the same matches.
    assert [m.span() for m in lone_signs._PATTERN.finditer(text)] == [m.span() for m in _REFERENCE.finditer(text)]


def test_no_branch_opens_with_a_look_behind():
    assert not any(branch.startswith("(?<") for branch in lone_signs._PATTERN.pattern.split("|"))


_ALL_SIGNS, _ALL_LETTERS, _ALL_PLUS_MINUS = lone_signs._ALL_SIGNS, lone_signs._ALL_LETTERS, lone_signs._ALL_PLUS_MINUS
# The places kept from later stages as first written, two branches opening with a look-behind.
_LATER_REFERENCE = re.compile(f"(?:[{lone_signs._WIDE}]|(?<=[0-9A-Za-z]))[{_ALL_SIGNS}](?![\\u3400-\\u9fff])"
                              f"|(?:[\uff41-\uff5a]|(?<=[a-z]))[{_ALL_LETTERS}](?=[a-z\uff41-\uff5a])"
                              f"|[{_ALL_PLUS_MINUS}](?=[0-9\uff10-\uff19])")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "W", "1", "中", " ", "\uff21", "\uff41", "\uff11", *_ALL_SIGNS[:3], *_ALL_SIGNS[-2:],
                                *_ALL_LETTERS[:3], *_ALL_LETTERS[-2:], *_ALL_PLUS_MINUS]), max_size=30))
def test_the_places_made_later_are_those_of_the_look_behind_first_form(text):
    assert [m.span() for m in lone_signs._LATER.finditer(text)] == [m.span() for m in _LATER_REFERENCE.finditer(text)]


def test_no_branch_of_the_later_places_opens_with_a_look_behind():
    assert not any(branch.startswith("(?<") or branch.startswith("(?:") for branch in lone_signs._LATER.pattern.split("|"))


@pytest.mark.parametrize("text", ["绿茶小站 · 记录生活的点滴", "Tom · Jerry 的故事", "首页 · 新闻 · 体育\n正文第一段，说明了情况。"])
def test_a_dot_between_spaces_on_a_page_read_as_gbk_comes_back(text):
    # · is c2 b7, which GBK reads as 路: one common character the re-read of spans never looks at.
    from cleaner import Cleaner

    assert Cleaner(to="keep").clean(text.encode("utf-8").decode("gbk", "replace")) == text


@pytest.mark.parametrize("text", ["乘坐 101 路 公交车到达。", "中山 路 是一条老街。\n绿茶小站 · 记录生活的点滴"])
def test_a_road_the_re_read_gave_back_stays_and_clean_text_keeps_its_road(text):
    from cleaner import Cleaner

    cleaner = Cleaner(to="keep")
    assert cleaner.clean(text.encode("utf-8").decode("gbk", "replace")) == text
    assert cleaner.clean(text.replace("·", "路")) == text.replace("·", "路")  # clean: no page read as GBK


def test_a_clean_line_keeps_its_spaced_road_beside_a_line_read_as_gbk():
    # The dot is read back only on a line the re-read of spans changed (review31b F1).
    from cleaner import Cleaner

    misread = "国务院发布通知，要求各地加强安全生产工作。".encode().decode("gbk", "replace")
    out = Cleaner(to="keep").clean("乘坐 36 路 公交车到 中山 路 站下车。\n" + misread)
    assert out == "乘坐 36 路 公交车到 中山 路 站下车。\n国务院发布通知，要求各地加强安全生产工作。"
