"""Double-encoded text (cleaner/repair/mojibake.py)."""

import pytest

from cleaner.repair.mojibake import fix_latin_mojibake, fix_utf8_as_gbk


@pytest.mark.parametrize("word", ["你好", "发展", "工业互联网", "人民政府"])
def test_utf8_read_as_gbk(word):
    broken = word.encode("utf-8").decode("gbk", errors="replace")
    assert fix_utf8_as_gbk(f"他说：{broken}。")[0] == f"他说：{word}。"


def test_latin1_mojibake_keeps_chinese_punctuation():
    broken = "中国".encode().decode("latin-1")
    assert fix_latin_mojibake(f"“{broken}”，好") == "“中国”，好"


@pytest.mark.parametrize("text", ["工信部四举措推动工业互联网加快发展", "鑫森淼焱垚", "Café"])
def test_real_text_untouched(text):
    assert fix_utf8_as_gbk(text)[0] == text
    assert fix_latin_mojibake(text) == text


@pytest.mark.parametrize("word", ["國務院", "發展經濟", "互聯網"])
def test_big5_read_as_gbk(word):
    broken = word.encode("big5").decode("gbk", errors="replace")
    assert fix_utf8_as_gbk(f"他说：{broken}。")[0] == f"他说：{word}。"


def test_rare_pair_that_rereads_into_another_rare_pair_stays():
    # Found by `make fuzz`: ó垲 re-reads as 车趀, likelier per character but not fluent Chinese.
    assert fix_utf8_as_gbk("ó垲ó垲") == ("ó垲ó垲", 0)


def test_lone_rare_name_in_a_long_paragraph_is_not_reread():
    text = "会议由邬书林主持，" * 40
    assert fix_utf8_as_gbk(text) == (text, 0)


def test_pinyin_letters_read_back_only_when_they_make_a_syllable():
    from cleaner.repair.mojibake import _fix_pinyin_letters

    assert _fix_pinyin_letters("(gu贸)(w霉)") == ("(guó)(wù)", 2)
    assert _fix_pinyin_letters("(贸易)(x贸z)") == ("(贸易)(x贸z)", 0)  # not a syllable: left alone


def test_stretch_without_a_rare_character_is_not_reread():
    # Found by `make fuzz`: after "?" became "？", "éé？⺀" was one run and "éé" re-read as 谷谷.
    from cleaner import clean

    once = clean("éé?⺀")
    assert once == "éé？⺀" and clean(once) == once


def test_one_rare_character_alone_is_not_re_read():
    # Found by make fuzz: 蔼 is GBK b0 aa, which Big5 reads as 高; one character is no evidence.
    from cleaner import clean

    assert clean("蔼A") == "蔼A" and clean("藹A") == "蔼A"


def test_big5_read_as_gbk_with_lost_bytes_is_idempotent():
    # Found by make fuzz: a U+FFFD is evidence enough, so the first pass does all it will do.
    from cleaner import clean

    once = clean("\ufffd@\ufffdCà\ufffdC")
    assert clean(once) == once


@pytest.mark.parametrize("text", [
    "这部电视剧的日文片名为白い春，去年播出。",  # kana: GBK a4 a4 is Big5 中
    "这个名字的希腊文写作Εωσφόρος，意思是带来光的人。",  # Greek: GBK row a6, Big5 common characters
    "軍用載具能抵抗飛彈或砲彈的襲擊。",  # 或砲 re-reads as Big5 麼貧
    "当地有勐养、勐笼、勐旺三个版纳。",
    "她的名字一般写作おりょう，出生在京都。",  # a run of kana re-reads as fluent Big5
])
def test_clean_text_with_kana_greek_and_rare_characters_is_untouched(text):
    # Found by benchmarks/false_positives.py on clean Wikipedia paragraphs (26 of 2,604 changed).
    from cleaner import Cleaner

    assert Cleaner(to="keep").clean(text) == text
