"""Other programs' marks for rejected bytes, read as lost bytes (cleaner/repair/decoder_marks.py,
tried by cleaner/repair/question_marks.py)."""

import difflib
import random
import re
import sys
from pathlib import Path

import pytest
from pattern_starts import skips_ahead

from cleaner import Cleaner
from cleaner.repair import decoder_marks

sys.path.insert(0, str(Path(__file__).parent))
from damage import damage_cell, misdecode  # noqa: E402
from wrong_decoders import SOFTWARE_MARKS  # noqa: E402

SENTENCES = [
    "本公司产品质量可靠，价格合理。",
    "新闻发布会在北京举行，记者了解到多地已出台方案。",
    "他于一九六三年参加工作，后来加入中国共产党。",
    "据介绍，今年以来全市累计新增城市绿地四百余公顷，建成口袋公园八十个。",
]
CLEAN_DOTS = [
    "钱·钟书先生是作家。",
    "阿卜杜勒·阿齐兹·本·沙特是国王，夏尔·戴高乐是总统。",
    "ジョン・スミス氏が来日した。",
    "比分2·1，查尔斯·布里奇曼进球。",
    "首页 · 新闻 · 体育",
    "西蒙・佩雷斯与夏尔·戴高乐会面。",
]
cleaner = Cleaner(to="keep", remove_furniture=False)


def _errors(got: str, right: str) -> int:
    ops = difflib.SequenceMatcher(None, got, right, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


@pytest.mark.parametrize("mode", ["icu-sub", "win32", "excel-csv"])
@pytest.mark.parametrize("text", SENTENCES)
def test_a_programs_marks_inside_misread_utf8_are_read_as_lost_bytes(mode, text):
    damaged = misdecode(text, "utf-8", "gbk", mode)
    mark = SOFTWARE_MARKS[mode][0]
    assert mark in damaged
    got = cleaner.clean(damaged)
    assert mark not in got
    # As well as the same bytes marked with U+FFFD (a lost byte the model cannot tell stays U+FFFD),
    # and nearly exact: these sentences hold no ASCII, which Windows' grammar loses after a bad lead.
    replaced = cleaner.clean(damaged.replace(mark, "\ufffd"))
    assert _errors(got, text) <= _errors(replaced, text) <= 1, (damaged, got)


@pytest.mark.parametrize("text", CLEAN_DOTS)
def test_clean_dots_stay(text):
    assert cleaner.clean(text) == Cleaner(to="keep", remove_furniture=False, fix_mojibake=False).clean(text)


def test_a_sub_beside_chinese_is_a_candidate_and_a_dot_between_ascii_is_not():
    assert decoder_marks.candidates("浜\x1a2006") == [(1, 2)]
    assert decoder_marks.candidates("a·b 1・2") == []
    # A page its decoder marked with U+FFFD wrote no dots; ICU writes both SUB and U+FFFD.
    assert decoder_marks.candidates("浜\ufffd骞·2") == []
    assert decoder_marks.candidates("浜\ufffd骞\x1a2") == [(3, 4)]


@pytest.mark.parametrize("mode", ["icu-sub", "win32", "excel-csv"])
def test_the_marks_are_read_in_every_scope_and_a_second_clean_changes_nothing(mode):
    for k, text in enumerate(SENTENCES):
        page = "\n".join(SENTENCES[k:] + SENTENCES[:k])
        for scope in ("page", "lines", "title", "spans"):
            damaged = damage_cell(page, "utf-8", "gbk", mode, scope, random.Random(k))
            once = cleaner.clean(damaged)
            assert cleaner.clean(once) == once, (mode, scope, damaged)


def test_the_step_is_recorded_and_no_guess_leaves_the_replacement_character():
    damaged = misdecode(SENTENCES[0], "utf-8", "gbk", "icu-sub")
    result = cleaner.run(damaged)
    assert result.text == SENTENCES[0]
    assert any(s.name == "question-marks-as-lost-bytes" for s in result.steps)
    unguessed = Cleaner(to="keep", remove_furniture=False, guess_lost=False).clean(damaged)
    assert "\ufffd" in unguessed and "\x1a" not in unguessed


def test_a_windows_mark_read_marks_the_character_its_pair_took():
    # 年12 under Windows' grammar: 年's last byte took the "1" with it into one mark. The "1" is
    # gone: U+FFFD stands where it was (not 1963年2月, a wrong date that looks right), and says so.
    text = "他于1963年12月参加工作，2004年加入。"
    windows = cleaner.run(misdecode(text, "utf-8", "gbk", "win32"))
    assert windows.text == "他于1963年\ufffd2月参加工作，2004年加入。"
    lost = [f.position for f in windows.findings if f.kind == "lost-byte-after-mark"]
    assert lost == [i for i, ch in enumerate(windows.text) if ch == "\ufffd"]
    # Python's and ICU's grammar read the "1" again: nothing lost after the mark, nothing said.
    icu = cleaner.run(misdecode(text, "utf-8", "gbk", "icu-sub"))
    assert icu.text == text
    assert not any(f.kind == "lost-byte-after-mark" for f in icu.findings)


@pytest.mark.parametrize("mode", ["win32", "excel-csv"])
@pytest.mark.parametrize("name", ["钱·钟书", "乔治·梅森", "西蒙・佩雷斯"])
@pytest.mark.parametrize("text", SENTENCES)
def test_a_clean_dot_on_a_line_with_windows_marks_stays(mode, name, text):
    # The name's dot is tried with the misread sentence's marks; read as a lost pair it made
    # 钱·钟书 into 钱术书 (and the line, read worse, kept the sentence's last mark as a dot).
    damaged = name + "说：" + misdecode(text, "utf-8", "gbk", mode)
    assert SOFTWARE_MARKS[mode][0] in damaged
    assert cleaner.clean(damaged) == name + "说：" + text


def test_the_bytes_before_a_windows_mark_stop_one_byte_short_of_a_utf8_character():
    from cleaner.repair.question_marks import _utf8_one_short
    assert _utf8_one_short("骞".encode("gbk"))  # 年 e5 b9 b4: the mark took b4
    assert _utf8_one_short("鎴戜滑浜".encode("gbk"))  # opens inside a character
    assert not _utf8_one_short("钱".encode("gbk"))  # c7 ae: a whole sequence
    assert not _utf8_one_short("乔治".encode("gbk"))  # no UTF-8


def test_a_windows_mark_ending_a_misread_span_before_clean_text_took_no_byte():
    # The span's last lead was decoded alone (nothing after it in the span): its mark is one byte,
    # and the clean text after it opens no UTF-8 in its GBK bytes; no character was lost there.
    damaged = "朝鲜民主主义人民共和国" + misdecode("中华人民共和国", "utf-8", "gbk", "win32") + "最高人民会议在平壤举行。"
    assert cleaner.clean(damaged) == "朝鲜民主主义人民共和国中华人民共和国最高人民会议在平壤举行。"


def test_a_text_holding_the_stand_in_itself_gets_none():
    # The trial's stand-in for a character a Windows mark took is the unit separator; a text that
    # holds one of its own must not have it read as a lost character (a\x1fb became a实).
    damaged = "a\x1fb\n" + misdecode("他于1963年12月参加工作。", "utf-8", "gbk", "win32")
    assert cleaner.clean(damaged).split("\n")[0] == "ab"


@pytest.mark.parametrize("mark", decoder_marks.MARKS)
def test_a_marks_runs_are_searched_from_the_mark(mark):
    """Each mark's run pattern names its first character, so that re skips ahead to the marks
    (``·+`` named none: tried at every character of a page), and finds the runs ``mark+`` finds."""
    pattern = decoder_marks._RUNS[mark]  # noqa: SLF001
    assert skips_ahead(pattern)
    rng = random.Random(39)
    first = re.compile(re.escape(mark) + "+")
    for _ in range(300):
        text = "".join(rng.choice([mark, mark, "中", "a", "?", " ", "\n", "·", "・"]) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in first.finditer(text)]
