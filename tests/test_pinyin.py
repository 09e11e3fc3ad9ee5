"""cleaner/repair/pinyin.py: readings of characters, and the written forms that name them."""

import pytest

from cleaner.repair.pinyin import (main_reading, pinyin_as_zhuyin, written_reading, zhuyin_as_pinyin, zhuyin_key,
                                   zhuyin_reading)


@pytest.mark.parametrize(("ch", "written", "reading"), [
    ("國", "guó", "guó"), ("國", "GUÓ", "guó"), ("國", "guo2", "guó"), ("國", "guo", "guó"), ("綠", "lv4", "lǜ"),
    ("了", "le5", "le"), ("了", "le", "le"), ("嗯", "ń", "ń"), ("ｇ", "guó", ""),
    ("國", "guo3", ""), ("李", "Li", ""), ("國", "Guo", ""),  # a wrong tone; a romanised name
    # the neutral tone, which any syllable takes unstressed in a word (这个 zhè ge5, 尾巴 ba5)
    ("个", "ge5", "gè"), ("巴", "ba0", "bā"), ("个", "ga5", ""),
])
def test_written_reading(ch, written, reading):
    assert written_reading(ch, written) == reading


def test_main_reading_is_the_commonest():
    assert (main_reading("个"), main_reading("行"), main_reading("a")) == ("gè", "xíng", "")


def test_zhuyin_reading():
    assert (zhuyin_reading("國", "ㄍㄨㄛˊ"), zhuyin_reading("的", "˙ㄉㄜ"), zhuyin_reading("國", "ㄍㄨㄛˇ")) == ("guó", "de", "")
    assert (zhuyin_reading("個", "ㄍㄜ˙"), zhuyin_reading("個", "˙ㄍㄚ")) == ("gè", "")  # the neutral tone


@pytest.mark.parametrize(("syllable", "zhuyin"), [
    ("guó", "ㄍㄨㄛ2"), ("zhī", "ㄓ1"), ("sì", "ㄙ4"), ("jù", "ㄐㄩ4"), ("quán", "ㄑㄩㄢ2"), ("yuè", "ㄩㄝ4"),
    ("wèi", "ㄨㄟ4"), ("lǜ", "ㄌㄩ4"), ("de", "ㄉㄜ5"), ("xióng", "ㄒㄩㄥ2"), ("ér", "ㄦ2"), ("guǐ", "ㄍㄨㄟ3"),
    ("liú", "ㄌㄧㄡ2"), ("dūn", "ㄉㄨㄣ1"), ("yī", "ㄧ1"), ("wēng", "ㄨㄥ1"), ("m", ""),
])
def test_pinyin_spelled_in_zhuyin(syllable, zhuyin):
    assert pinyin_as_zhuyin(syllable) == zhuyin


def test_zhuyin_tones_are_read_wherever_the_mark_stands():
    assert [zhuyin_key(z) for z in ("ㄍㄨㄛˊ", "ㄧ", "ㄧˉ", "˙ㄉㄜ", "ㄉㄜ˙", "ㄩˇ")] == \
        ["ㄍㄨㄛ2", "ㄧ1", "ㄧ1", "ㄉㄜ5", "ㄉㄜ5", "ㄩ3"]


def test_zhuyin_spelled_in_pinyin():
    assert [zhuyin_as_pinyin(z) for z in ("ㄌㄧㄡˊ", "ㄍㄨㄥ", "ㄌㄩˋ", "ㄓ", "˙ㄉㄜ", "ㄅㄅ")] == ["liú", "gōng", "lǜ", "zhī", "", ""]
