"""Tone letters of an annotation misread with the text around it (cleaner/repair/annotation_letters.py)."""

from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import EXAMPLES, FIXED

from cleaner.repair import annotation_letters as al


def _gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", "replace")


def test_every_word_of_a_bracket_is_read_back_from_gbk():
    assert al.reread_gbk(_gbk("(zhōng guó)")) == ("(zhōng guó)", 1)
    assert al.reread_gbk(_gbk("[běi jīng]")) == ("[běi jīng]", 1)
    assert al.reread_gbk("(gu贸)(w霉)") == ("(guó)(wù)", 2)


def test_joined_syllables_and_toneless_ones_split_into_pinyin():
    assert al.reread_gbk(_gbk("(zhōngguó de)")) == ("(zhōngguó de)", 1)


def test_what_is_no_pinyin_is_left_alone():
    assert al.reread_gbk("(贸易)(x贸z)") == ("(贸易)(x贸z)", 0)
    assert al.reread_gbk(_gbk("(北京)")) == (_gbk("(北京)"), 0)  # Han read back: not letters
    assert al.reread_gbk("(zh艒ng guo") == ("(zh艒ng guo", 0)  # no closing bracket


def test_zhuyin_is_read_back_when_it_spells_readings():
    assert al.reread_gbk(_gbk("(ㄏㄥˊ)")) == ("(ㄏㄥˊ)", 1)
    assert al.reread_gbk(_gbk("(ㄌㄚ)")) == ("(ㄌㄚ)", 1)


def test_single_byte_misreading_with_whole_bytes():
    text = "(zhòng guó)".encode("utf-8").decode("cp1252")
    assert al.reread_single_byte(text) == ("(zhòng guó)", 1)


def test_a_lost_trail_byte_is_the_one_letter_that_makes_pinyin_and_a_finding():
    text = "该".encode("utf-8").decode("cp1252") + "(gāi)".encode("utf-8").decode("cp1252", "replace")
    assert "\ufffd" in text and al.reread_single_byte(text) == (text, 0)  # not read with whole bytes
    [(start, end, words, found)] = al.lost_letters(text)
    assert text[:start] + words + text[end:] == "è¯¥(gāi)"  # the Han is the runs' to read
    assert [(f.kind, f.position, f.detail) for f in found] == [("lost-byte", 1, "ā")]
    assert al.lost_letters(text, guess=False) == []


def test_a_cjk_bracket_glued_to_the_first_letter_is_read_with_the_words():
    # 【 (e3 80 90) before b: 銆 is e3 80, 恇 is 90 62. The closing 】 glues to 工 (銆戝): the runs' to read.
    misread = _gbk("北京【běi jīng】工作")
    text, count = al.reread_gbk(misread)
    assert count == 1 and "【běi jīng" + _gbk("】工作")[:1] in text


def test_words_between_brackets_held_out_of_step_are_read():
    # （ after 作: 滐 is 9c ef, 紙 is bc 88: the words after it start on a letter.
    misread = _gbk("工作（gōng zuò）了")
    text, count = al.reread_gbk(misread)
    assert count == 1 and "gōng zuò" in text and text.startswith(_gbk("工作（")[:3])


def test_a_lost_trail_byte_beside_letters_read_before():
    [(start, end, words, _)] = al.lost_letters("（fÄ\ufffd xiàn）")
    assert words == "fā xiàn"


def test_a_glued_bracket_of_words_with_no_tone_letter_is_the_runs_to_read():
    # 锛圕 is （ and C: a name in brackets, no pinyin misread; the Han runs read it with the bracket.
    misread = _gbk("昌昌（Chan Chan）是位于秘鲁")
    assert al.reread_gbk(misread) == (misread, 0)


def test_single_byte_square_brackets_are_left_to_the_runs():
    # ] (5d) is a trail byte to a two-byte view: the runs read yuÃ¨]ï¼Œ whole.
    misread = "[yuè]，".encode("utf-8").decode("cp1252")
    assert al.reread_single_byte(misread) == (misread, 0)
    assert al.reread_single_byte("(yuÃ¨)") == ("(yuè)", 1)


def test_a_bracket_of_chinese_is_not_encoded(monkeypatch):
    """A piece holding a character whose GBK bytes no tone letter's or zhuyin's UTF-8 holds reads
    as no letters: it is refused from the characters alone (``_may_be_letters``), not encoded and
    decoded a piece at a time (a clean page's bracketed names and notes cost some 100 µs a page)."""
    encoded = []
    real = al._gbk_bytes  # noqa: SLF001
    monkeypatch.setattr(al, "_gbk_bytes", lambda piece: encoded.append(piece) or real(piece))
    assert al.reread_gbk("会议（记者 张三 报道）于今日召开【新华社】") == ("会议（记者 张三 报道）于今日召开【新华社】", 0)
    assert encoded == []
    assert al.reread_gbk("(gu贸)(w霉)") == ("(guó)(wù)", 2)
    assert encoded == ["贸", "霉"]
    # Letters read before (zhuyin's tone mark ˊ is GBK a8 40, no byte of the letters' UTF-8) pass as themselves.
    assert al.reread_gbk("(ㄍㄨㄛˊ gu贸)") == ("(ㄍㄨㄛˊ guó)", 1)


LETTERS = sorted(al.ZHUYIN | set(al.TONE_MARKS) | {"ü"})
# Words an annotation holds: tone-marked syllables, their zhuyin, and pieces of neither.
SYLLABLES = sorted(al.all_syllables())
ZHUYIN_WORDS = sorted({z for s in SYLLABLES if (z := al.pinyin_as_zhuyin(s))})
WORD_PARTS = st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(ZHUYIN_WORDS),
                       st.sampled_from(LETTERS + list("abcdeghijklmnoprstuwxyz") + ["贸", "霉", "记者", "锛", "銆"]))


@settings(max_examples=5 * EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)
@given(words=st.lists(st.one_of(WORD_PARTS, st.lists(WORD_PARTS, min_size=2, max_size=3).map("".join)), min_size=1, max_size=4),
       bracket=st.sampled_from(["()", "（）", "[]", "【】"]), misread=st.booleans(), noise=st.sampled_from(["", "中文", "\ufffd", "漢字 "]))
def test_the_gate_refuses_only_what_the_reading_refuses(words, bracket, misread, noise):
    inside = " ".join(words)
    text = noise + bracket[0] + (inside.encode().decode("gbk", "replace") if misread else inside) + bracket[1] + noise
    gated = al.reread_gbk(text)
    with patch.object(al, "_may_be_letters", lambda piece: True):  # every piece encoded, as before the gate
        assert gated == al.reread_gbk(text)
