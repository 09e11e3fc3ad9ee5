"""A lone sign or accented letter of UTF-8 read as GBK, beside ASCII (cleaner/repair/lone_signs.py)."""

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
