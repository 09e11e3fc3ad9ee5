"""GBK or Big5 an EUC-JP decoder showed as kanji alone (cleaner/repair/han_soup.py)."""

from __future__ import annotations

import difflib

import pytest

from cleaner import Cleaner
from cleaner.repair import han_soup

SIMPLIFIED = "国务院发布通知要求各地加强安全生产工作。这是一个测试句子用来检查解码。"
TRADITIONAL = "國務院發布通知，要求各地加強安全生產工作。這是一個測試句子，用來檢查解碼。"


def _through_euc_jp(text: str, source: str) -> str:
    return text.encode(source).decode("euc_jp", "replace")


def test_gbk_read_as_euc_jp_is_kanji_alone_and_comes_back():
    broken = _through_euc_jp(SIMPLIFIED, "gbk")
    # No halfwidth katakana, no hangul, no mark: nothing code_pages looks for.
    assert broken.startswith("忽暦垪窟下宥岑")
    assert han_soup.repair(broken).text == SIMPLIFIED


def test_the_short_pieces_of_a_misread_line_are_read_in_its_source():
    # 年 月 日 between digits are one kanji each (定 埖 晩): too short to judge, read because the
    # line around them was read from GBK.
    line = "国务院发布通知要求各地加强安全生产工作。2026年8月8日发布。"
    broken = _through_euc_jp(line, "gbk")
    assert "2026定8埖8晩" in broken
    assert han_soup.repair(broken).text == line


def test_big5_read_as_euc_jp_comes_back_mostly():
    broken = _through_euc_jp(TRADITIONAL, "big5")
    fixed = han_soup.repair(broken).text
    assert fixed.startswith("國務院發布通知，")
    assert "這是一個測試句子，用來檢查解碼。" in fixed


@pytest.mark.parametrize("text", [
    "日本東京都内の会社で働いています。",  # Japanese: the model knows no kana, and its reading is no Chinese
    "東京都內的日本人學校今天舉行畢業典禮。",  # Traditional Chinese whose characters JIS X 0208 holds
    "中華民國國防部發言人表示，將持續監控。",
    "孫皓寵愛的黃睿靚瑞士留學。",  # rare names
    "槻、坂、倶",  # a cell of three rare names: three characters' bytes read as common ones by chance
])
def test_clean_text_is_left(text):
    assert han_soup.repair(text).text == text


def test_without_guessing_the_guessed_characters_are_marks():
    broken = _through_euc_jp(TRADITIONAL, "big5")
    guessed = han_soup.repair(broken, guess=True)
    unguessed = han_soup.repair(broken, guess=False)
    assert guessed.findings
    assert "\ufffd" in unguessed.text and "\ufffd" not in guessed.text[:8]


def test_the_pipeline_reads_it_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep")
    broken = _through_euc_jp(SIMPLIFIED, "gbk")
    first = cleaner.run(broken)
    assert first.text == SIMPLIFIED
    assert any(step.name == "read-as-japanese-euc" for step in first.steps)
    assert cleaner.run(first.text).text == first.text


@pytest.mark.parametrize("clause", ["全八压圆生一。", "今年的主要任务，", "他们都说好！"])
@pytest.mark.parametrize("to", ["zh-hans", "keep"])
def test_a_short_soup_ending_in_a_clause_mark_is_read_at_once(clause, to):
    # The mark (。 is a1 a3 in both tables) ends the run: read with it, the run read nothing, was
    # converted (匯 to 汇), and a second clean read it (session 32's NOT_IDEMPOTENT gbk:euc_jp).
    cleaner = Cleaner(to=to, guess_lost=False)
    first = cleaner.clean(_through_euc_jp(clause, "gbk"))
    assert cleaner.clean(first) == first


@pytest.mark.parametrize("text", ["世界各國警察部隊的制式裝備之一，主要用於執行勤務。",
                                  "他在記者會上表示，政府將會繼續加強與各界的溝通。"])
def test_a_big5_line_whose_marks_stand_before_its_trails_passes_the_cheap_test(text):
    # Big5's characters with an ASCII trail are a mark and the sign through euc_jp: read with the
    # marks left out, the bytes go out of step and read as nothing; a mark read as a lead keeps them.
    broken = _through_euc_jp(text, "big5")
    assert han_soup._may_read(broken)
    fixed = han_soup.repair(broken).text
    assert difflib.SequenceMatcher(None, fixed, text).ratio() > 0.7  # the leads before ASCII trails are guesses


@pytest.mark.parametrize("prefix", ["[转载] 北京 上海 中国 ", "关键词：安全 生产 通知 ", "日本語の説明：東京 大阪 "])
def test_clean_words_on_a_misread_line_stay(prefix):
    # review30b: once a line's runs were read as GBK, its other runs were read so too, strictly,
    # and clean words became nonsense (北京 -> 颂叠).
    fixed = han_soup.repair(prefix + _through_euc_jp(SIMPLIFIED, "gbk")).text
    assert fixed == prefix + SIMPLIFIED


def test_a_character_read_from_two_marks_is_chosen_among_those_euc_jp_marks_whole():
    # GBK ，(a3 ac) is two marks through euc_jp; filled a mark at a time it came back 开 (bf aa),
    # a pair EUC-JP reads as a kanji and so never marks.
    text = "国务院发布通知，要求各地加强安全生产工作。我们今天去北京，明天回来！你好吗？"
    fixed = han_soup.repair(_through_euc_jp(text, "gbk"))
    assert fixed.text == text
    assert all(ch in han_soup._marked_pairs() for ch in "，！？")
    assert "开" not in han_soup._marked_pairs()


def test_a_short_run_with_its_digits_apart_from_the_clause_is_read_too():
    # A date set off by a space is a run of its own, digits and all: the strict reading gives the
    # ASCII back as itself (multi_byte_consensus.strict_reading; han_soup's own copy refused it).
    line = "国务院发布通知要求各地加强安全生产工作。 2026年8月8日"
    assert han_soup.repair(_through_euc_jp(line, "gbk")).text == line
