"""A page read by a decoder with a narrower table than its own (cleaner/repair/narrow_tables.py)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.repair import narrow_tables

LOST = "\ufffd"
NAMES = "前国务院总理朱镕基昨日会见了歌手陶喆，双方都表示很高兴。"
HONG_KONG = "我哋屋邨喺度，佢好耐都冇去過，好多人都知道呢個地方。"
# Traditional text: 約 (bc 73) and 積 (b7 65) before digits are a mark before an ASCII trail
# before ASCII (�s9.25), as a leftover of another repair would look; the line's other marks,
# each beside a known byte of its character, show whose marks they are.
TRADITIONAL = "馬祖列島位於臺灣海峽北方，距離中國大陸最近處約9.25公里，面積約29.6平方公里。"


def test_gbk_read_as_gb2312_comes_back():
    # 镕 (e9 46) and 喆 (86 b4) are GBK's own: gb2312 marks their lead and reads on out of step.
    damaged = NAMES.encode("gbk").decode("gb2312", "replace")
    assert LOST in damaged
    fixed = narrow_tables.repair(damaged)
    assert fixed.text == NAMES
    assert fixed.count == 1
    # Each character chosen among several is a finding with its runner-up.
    assert {f.position for f in fixed.findings} >= {NAMES.index("镕"), NAMES.index("喆")}
    assert all(f.kind == "lost-byte" and "rank 2" in f.detail for f in fixed.findings)


def test_big5_hkscs_read_as_cp950_is_left():
    # The same family, but its marks before ASCII trail bytes are what a Big5 page read by a
    # Korean decoder leaves where that repair stops: a second clean of such a page read them.
    damaged = HONG_KONG.encode("big5hkscs").decode("cp950", "replace")
    assert LOST in damaged and narrow_tables.repair(damaged).text == damaged


def test_a_mark_left_before_an_ascii_byte_at_the_end_is_not_read():
    # 作's bytes lost in a Korean decoder's reading of a Big5 page: 提升工�{ was read 提升工梴 by a
    # second clean. A GBK trail shown as ASCII in running text has text after it.
    line = "多地推进基层医疗服务能力提升工\ufffd{"
    assert narrow_tables.repair(line).text == line


def test_a_traditional_line_with_marks_before_ascii_trails_comes_back():
    damaged = TRADITIONAL.encode("gbk").decode("gb2312", "replace")
    assert LOST + "s9.25" in damaged  # 約 before a digit: its trail shown as ASCII, its lead marked
    # Over a third of its characters beyond ASCII are marks: most of its characters lack gb2312.
    assert damaged.count(LOST) > 0.4 * sum(ch > "\x7f" for ch in damaged)
    fixed = narrow_tables.repair(damaged)
    assert fixed.text == TRADITIONAL
    assert fixed.findings and all(f.kind == "lost-byte" and "rank 2" in f.detail for f in fixed.findings)


def test_a_doubtful_mark_is_not_read_on_a_line_with_few_sure_marks():
    # 镕 (a mark before F before 基) is the narrow decoder's mark for sure; 工�{ at the end is
    # not, and one sure mark does not vouch for it.
    line = "朱镕基总理说，基层医疗服务要提升工".encode("gbk").decode("gb2312", "replace") + LOST + "{"
    assert line.count(LOST) == 2
    assert narrow_tables.repair(line).text == line


def test_without_guessing_a_line_with_a_choice_is_left_as_it_came():
    # A guess written U+FFFD would stand for a whole character where the decoder's mark stood
    # for one byte: a second clean would read it as the decoder's.
    damaged = NAMES.encode("gbk").decode("gb2312", "replace")
    assert narrow_tables.repair(damaged, guess=False).text == damaged


@pytest.mark.parametrize("text", [
    "这是一个�测试，没有别的意思。",  # a stray mark
    "他用的是�Apple电脑，价格不贵。",  # before an ASCII word: the letter is the word's
    "�涵� > ゅて",  # a Big5 page read as GBK: marks among kana
    NAMES,
])
def test_what_no_narrow_decoder_made_is_left(text):
    assert narrow_tables.repair(text).text == text


def test_through_the_cleaner_it_is_a_step_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    damaged = NAMES.encode("gbk").decode("gb2312", "replace")
    result = cleaner.run(damaged, details=True)
    assert result.text == NAMES
    assert any(s.name == "read-by-narrower-table" for s in result.steps)
    assert cleaner.clean(result.text) == result.text
