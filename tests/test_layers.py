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
