"""A lone emoji or Extension B character misread in correct text (cleaner/repair/astral_chars.py)."""

import random

import pytest
from small_family_damage import EMOJI, EXTENSION_B, four_byte, misread

from cleaner import Cleaner
from cleaner.langmodel import model
from cleaner.repair import astral_chars
from cleaner.script.fold import converter

PARAGRAPH = "这家店的服务非常好，菜品也很新鲜，下次还会再来。老板人很热情，价格也公道。"


@pytest.mark.parametrize("decoder", ["gbk", "gb18030", "whatwg-gbk"])
@pytest.mark.parametrize("errors", ["replace", "ignore"])
@pytest.mark.parametrize("ch", ["👍", "😂", "🤔", "🔥", "🙏"])
def test_an_emoji_read_through_a_gbk_decoder_comes_back(decoder, errors, ch):
    clean = f"这家店的服务非常好{ch}，下次还会再来。"
    shown = clean.replace(ch, misread(ch, decoder, errors))
    if decoder == "gbk" and ch == "🤔":  # a4 94 is no GBK code: the bytes are gone (gb18030 has it)
        assert astral_chars.repair(shown) == shown
        return
    assert astral_chars.repair(shown) == clean
    result = Cleaner(to="zh-hans").run(shown)  # not converted first (憤 -> 愤 would lose the bytes)
    assert result.text == clean
    assert any(s.name == "utf8-four-byte-char-misread" for s in result.steps)


@pytest.mark.parametrize("ch", ["😂", "🎉", "😊", "𡈽", "𪚥"])  # (👍 ends in 8d, which cp1252 lacks)
def test_four_bytes_read_as_cp1252_come_back(ch):
    clean = f"老板人很热情{ch}，价格也公道。"
    shown = clean.replace(ch, misread(ch, "cp1252", "replace"))
    assert "ð" in shown
    assert Cleaner(to="keep").clean(shown) == clean


@pytest.mark.parametrize("ch", ["𡈽", "𪚥", "𣲷"])  # a rare second character: 稹埥, 皙殽, 穑...
def test_an_extension_b_character_read_as_gbk_comes_back(ch):
    shown_ch = misread(ch, "gbk", "replace")
    if astral_chars.repair(shown_ch) != ch:
        pytest.skip(f"{shown_ch}: an ordinary second character, left (see the next test)")
    clean = f"他的名字里有一个{ch}字，很少见。"
    assert Cleaner(to="keep").clean(clean.replace(ch, shown_ch)) == clean


@pytest.mark.parametrize("clean", [
    "宁波的甬江流域历史悠久。",           # 甬 is F0 AE's reading: 江 is common, the pair known
    "李皓附和道：这个办法可行。",          # 皓附 would be F0 A9 B8 BD (𩸽): 附 is no rare character
    "明眸皓齿，皎洁的月光。",
    "北京人早点爱吃馃子。",               # 馃 (the emoji's lead) as a word: 子 is outside GBK's trail rows
    "他吃了一块馉。然后走了。",            # a sign after the first character: GBK's sign rows are left
    "今天很开心👍，明天见😂。",             # the characters themselves
    "他的名字是𠮷田。",
    "Iceland: ð and þ are letters.",
])
def test_clean_text_is_untouched(clean):
    assert astral_chars.repair(clean) == clean
    assert not any(s.name == "utf8-four-byte-char-misread" for s in Cleaner(to="keep").run(clean).steps)


def test_the_damage_maker_cases_read_back_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    for k in range(8):
        damaged, correct = four_byte(PARAGRAPH, random.Random(k), "gb18030", "replace", EMOJI)
        out = cleaner.clean(damaged)
        assert out == cleaner.clean(correct)
        assert cleaner.clean(out) == out


def test_extension_b_kinds_are_all_four_bytes():
    assert all(len(ch.encode("utf-8")) == 4 for ch in EMOJI + EXTENSION_B)


@pytest.mark.parametrize("config", ["s2t.json", "s2tw.json", "s2hk.json"])
def test_text_a_converter_wrote_is_untouched(config):
    # 皓寵 is F0 A9 8C 99 (𩌙) as GBK's bytes: 寵 is no rare character, only jieba's counts lack it.
    clean = converter(config).convert("后来李皓宠爱这只小猫，每天亲自喂它。")
    assert "皓寵" in clean
    assert astral_chars.repair(clean) == clean
    assert not any(s.name == "utf8-four-byte-char-misread" for s in Cleaner(to="keep").run(clean).steps)


def test_no_converter_form_of_a_common_character_is_read_as_a_second():
    # The family: every first character of the Han planes (not 馃, the emoji's lead, read before
    # any trail character) before every Traditional form a converter writes for a character the
    # model calls common.
    lm = model()
    forms = {converter(config).convert(ch) for config in ("s2t.json", "s2tw.json", "s2hk.json")
             for ch in map(chr, range(0x4E00, 0xA000))
             if lm.frequency(ch) > astral_chars.RARE}
    seconds = [t for t in forms if len(t) == 1 and t in astral_chars._seconds() and lm.key(t) != t]
    assert len(seconds) > 50
    firsts = [first for first, (_, b2) in astral_chars._firsts().items() if b2 != astral_chars.EMOJI_SECOND]
    read = [first + t for first in firsts for t in seconds if astral_chars._gbk_reading(first, t)]
    assert read == []
