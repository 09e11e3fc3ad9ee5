"""Mojibake of mojibake (cleaner/repair/layers.py)."""

from __future__ import annotations

import pytest
from wrong_decoders import DECODERS

from cleaner import Cleaner
from cleaner.repair.layers import peel, repair_second_layer

SENTENCE = "今天天气很好，我们去公园散步吧！"  # both layers keep every byte (see the first test)


def twice(text: str, first: str, second: str) -> str:
    once = DECODERS[first].decode(text.encode("utf-8"))
    return DECODERS[second].decode(once.encode("utf-8"))


def test_a_peel_is_one_layer_back():
    once = DECODERS["whatwg-gbk"].decode(SENTENCE.encode("utf-8"))
    twice_over = DECODERS["whatwg-gbk"].decode(once.encode("utf-8"))
    assert "\ufffd" not in once + twice_over
    assert peel(twice_over, "gbk") == once
    # A mark of the second decoder is bytes lost: never the bytes GB18030 would give U+FFFD
    # (84 31 a4 37, which read back as "1�7").
    assert peel("閹存\ufffd", "gbk") == "鎴\ufffd\ufffd"  # e6 cut short, then the lost bytes


def test_two_browser_layers_come_back():
    # A browser's gbk (GB18030, 0x80 as €) loses nothing of UTF-8 Chinese, twice over.
    broken = twice(SENTENCE, "whatwg-gbk", "whatwg-gbk")
    repair = repair_second_layer(f"据报道，{broken}\n下一行")
    assert repair.text == f"据报道，{SENTENCE}\n下一行" and repair.count == 1 and not repair.findings


def test_a_lossy_layer_is_guessed_and_reported():
    repair = repair_second_layer("他说：" + twice("我是中国人", "gbk", "gbk"))
    assert repair.text == "他说：我是中国人"
    assert [f.kind for f in repair.findings] == ["lost-byte"] and repair.text[repair.findings[0].position] == "中"


def test_through_the_cleaner_it_is_a_step_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep")
    result = cleaner.run("据报道，" + twice(SENTENCE, "whatwg-gbk", "whatwg-gbk"))
    assert result.text == "据报道，" + SENTENCE
    assert any(s.name == "mojibake-of-mojibake" for s in result.steps)
    assert cleaner.clean(result.text) == result.text


@pytest.mark.parametrize("clean", [
    SENTENCE,
    "鍙戝睍是硬道理",  # one layer only: the double-encoding repair's, not this one's
    "荨麻、蕁麻、藜、蒺藜、龘、齉、靐、䲜是罕见字，薛蟠、贾珍、妙玉、湘云是人名。",
])
def test_clean_text_and_one_layer_are_left(clean):
    assert repair_second_layer(clean) == (clean, 0, [])


def test_a_single_byte_first_layer_comes_back():
    # UTF-8 shown as cp1252 (ä»Šå¤©), saved, then read by a browser as gbk.
    # The last character's bytes end out of step in the second layer and are lost with it.
    broken = twice(SENTENCE, "cp1252", "whatwg-gbk")
    repair = repair_second_layer(broken)
    assert repair.text.startswith(SENTENCE[:-1]) and repair.count == 1


# --- the native stretch scan against the Python original (tests/reference_layers.py) ---------

import reference_layers  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, clean_line, damaged_line, text_inputs  # noqa: E402

from cleaner.repair import decoders, layers  # noqa: E402

_LAYERED = [(first, second) for first in DECODERS for second in DECODERS]


@st.composite
def layered_line(draw) -> str:
    """A clean line misread twice (mojibake of mojibake), through any two wrong decoders."""
    first, second = draw(st.sampled_from(_LAYERED))
    return twice(draw(clean_line), first, second)


pages = st.lists(st.one_of(text_inputs, damaged_line(), layered_line()), min_size=1, max_size=4).map("\n".join)


@SETTINGS
@given(text=pages, family=st.sampled_from(layers.FAMILIES), cut=st.data())
def test_the_native_stretches_are_the_python_originals(text, family, cut):
    # The whole page, and a range of it cut anywhere (the scan stops at the range's end).
    start = cut.draw(st.integers(0, len(text)))
    end = cut.draw(st.integers(start, len(text)))
    for a, b in ((0, len(text)), (start, end)):
        assert layers._utf8_stretches(text, family, [(a, b)]) == reference_layers.utf8_stretches(text, family, a, b)


def test_every_line_of_a_page_is_scanned_in_one_call():
    # Lines given together come back in order, as the Python original gives them line by line.
    lines = [twice(SENTENCE, "whatwg-gbk", "whatwg-gbk"), SENTENCE, DECODERS["whatwg-gbk"].decode(SENTENCE.encode("utf-8"))]
    text = "\n".join(lines)
    ranges, at = [], 0
    for line in lines:
        ranges.append((at, at + len(line)))
        at += len(line) + 1
    expected = [s for a, b in ranges for s in reference_layers.utf8_stretches(text, decoders.GBK_FAMILY, a, b)]
    assert len(expected) >= 2
    assert layers._utf8_stretches(text, decoders.GBK_FAMILY, ranges) == expected


PARAGRAPH = ("据新华社报道，国务院常务会议今天在北京召开，会议研究部署了进一步稳定经济增长的政策措施，"
             "要求各地区各部门加快推进重大项目建设，切实保障和改善民生，确保全年目标任务顺利完成。")


@pytest.mark.parametrize("decoder", ["gbk", "whatwg-gbk"])
def test_one_layer_of_mojibake_is_not_read_through_two(monkeypatch, decoder):
    # Under one layer (UTF-8 read as GBK once) lies the article's own text, not a layer of
    # mojibake: weighing the outer marks' candidates for it cost seconds a page, for nothing.
    from cleaner.repair import layer_chain

    once = DECODERS[decoder].decode(PARAGRAPH.encode("utf-8"))
    weighed = []
    monkeypatch.setattr(layer_chain, "slots", lambda *a: weighed.append(a) or [])
    repair_second_layer(once)
    assert not weighed


def test_a_second_layer_under_a_clean_sentence_is_still_read():
    # The layer under is read a piece at a time between the characters a lost byte broke: spliced,
    # cp1252 mojibake under a GBK reading looked like no UTF-8 at all (review18b).
    source = "记者从市教育局获悉，今年全市共有三万名考生报名参加高考。"
    twice_over = source.encode().decode("cp1252", "replace").encode().decode("gbk", "replace")
    # 名 after 三万 is marked, not guessed: its lost byte allows a numeral there too (holes.changes_a_number).
    assert Cleaner(to="keep").clean(twice_over) == source.replace("三万名", "三万\ufffd")


def test_gbk_mojibake_shown_as_cp1252_is_read_through_both_layers():
    # UTF-8 read as GBK, saved as UTF-8 and shown as cp1252 (涓枃 is æ¶“æžƒ): cp1252 leaves five
    # bytes undefined, one in ten of the GBK mojibake's characters lost one; read one layer at a
    # time those stayed as pieces (1,365 errors per 1,000, benchmarks/decoders_after.py).
    from cleaner import Cleaner
    from cleaner.repair.layers import repair_outer_single_byte

    page = "渡川之战，又名四万十川之战，发生于天正3年。是长宗我部元亲统一土佐的关键战役。"
    gbk = page.encode().decode("gbk", errors="replace")
    broken = gbk.encode().decode("cp1252", errors="replace")
    assert "\ufffd" in broken
    fixed = repair_outer_single_byte(broken)
    assert fixed.count == 1 and "统一土佐的关键战役" in fixed.text
    out = Cleaner(to="keep", remove_furniture=False).clean(broken)
    assert sum(a != b for a, b in zip(out, page)) <= 2 and len(out) == len(page)
    # One layer of cp1252 mojibake is the single-byte stages' (靜憩軒 read on as GBK was 就癮爲).
    one = "豐澤園西有荷風蕙露亭、崇雅殿、靜憩軒、懷遠齋和純一齋".encode().decode("cp1252", errors="replace")
    assert repair_outer_single_byte(one).count == 0


@pytest.mark.parametrize("sentence", [
    "其他车手都使用干胎，只有他使用中性胎。这是他唯一的一场比赛。",  # 用 e7 94 a8 before ，: the pair
    "马库斯是一位德国赛车手。他的父亲和叔叔都曾经是车手，参加过多种不同赛事。",  # 一 e4 b8 80: the lone byte
])
def test_browser_gbk_twice_comes_back_across_both_kinds_of_euro(sentence):
    broken = twice(sentence, "whatwg-gbk", "whatwg-gbk")
    assert "€" in DECODERS["whatwg-gbk"].decode(sentence.encode("utf-8"))
    assert repair_second_layer(f"据报道，{broken}\n下一行").text == f"据报道，{sentence}\n下一行"


@pytest.mark.parametrize("decoder", ["whatwg-gbk", "gb18030"])
@pytest.mark.parametrize("sentence", [
    "2005年美国大奖赛，7支使用米其林轮胎的车队罢赛，只有3支车队参加比赛。",
    "其表面所產生的摩擦會帶動四周的空氣向下沉，並逐步增強下墜力從而產生下降氣流。",
])
def test_an_outer_euro_of_the_pair_a2_e3_does_not_stop_the_peel(sentence, decoder):
    # 用 (e7 94 a8) and 產 (e7 94 a2) read once end a pair before 。or 、(e3 80 8x); that pair's
    # UTF-8 read again puts a2 e3 (€ to both decoders) in the outer reading.
    broken = twice(sentence, decoder, decoder)
    assert repair_second_layer(f"据报道，{broken}\n下一行").text == f"据报道，{sentence}\n下一行"


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402


@SETTINGS
@given(st.lists(st.one_of(text_inputs, st.sampled_from(["閹存垶妲告稉锟介崶鎴掓眽", "张鑫淼说", "𠀀𠀁鑫淼", "鍙戝睍 ab 鍙戝睍"])),
                min_size=1, max_size=6))
def test_the_dense_lines_are_those_every_line_searched_finds(lines):
    from reference_layers import dense_lines

    from cleaner.repair.layers import _dense_lines

    text = "\n".join(lines)
    assert _dense_lines(text) == dense_lines(text)


def test_a_line_of_a_second_layer_is_dense_and_a_line_with_a_rare_name_is_not():
    from cleaner.repair.layers import _dense_lines

    text = "张鑫说：今天天气很好。\n閹存垶妲告稉锟介崶鎴掓眽"
    assert _dense_lines(text) == [(len("张鑫说：今天天气很好。") + 1, len(text))]
