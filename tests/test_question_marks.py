"""A "?" tried as a decoder's mark of lost bytes (cleaner/repair/question_marks.py)."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pattern_starts import skips_ahead

from cleaner import Cleaner
from functools import partial

from cleaner.repair import mojibake
from cleaner.repair.question_marks import tried

repair_utf8_as_gbk = partial(tried, mojibake.repair_utf8_as_gbk)


def _misread_with_question_marks(text: str) -> str:
    """UTF-8 read as GBK by a tool that writes "?" for what it cannot read (iconv, PHP, MySQL)."""
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


@pytest.mark.parametrize(
    "clean",
    ["公司在北京。",
     "“中国”的未来",  # 鏈?鏉? (未来) is beside what is read only once 鍥解? is: a second round
     "中国人民共和国", "本公司产品质量可靠，价格合理。", "新闻发布会在北京举行", "习近平出席会议并发表重要讲话"],
)
def test_question_marks_of_a_lossy_decoder_are_lost_bytes(clean):
    misread = _misread_with_question_marks(clean)
    assert "?" in misread
    repair, taken = repair_utf8_as_gbk(misread)
    assert repair.text == clean and taken == 1
    assert all(f.kind == "lost-byte" for f in repair.findings)


@pytest.mark.parametrize(
    "text",
    [
        "你好吗?我很好。",
        "这是真的吗?",
        "鑫森淼焱垚?",  # rare but real characters before a question mark
        "见 https://example.com/a?b=1 的说明",
        "问：为什么?答：因为。",
        # A rare character beside a real "?" (found by review: read with it as a lost byte, 闆?
        # became 電, 鏈? became 有).
        "請問你是老闆?我想退貨。",
        "你喜欢吃什么?虾还是鱼?",
        "這條區塊鏈?我沒聽過。",
        "在这里打?号",
    ],
)
def test_real_question_marks_stay(text):
    repair, taken = repair_utf8_as_gbk(text)
    assert (repair.text, taken) == (text, 0)


def test_a_real_question_mark_after_repaired_mojibake_stays():
    misread = "你们去哪里了".encode().decode("gbk") + "?"
    assert repair_utf8_as_gbk(misread)[0].text == "你们去哪里了?"


def test_only_the_lines_the_marks_explain_change():
    page = "\n".join(["他问：你好吗?", _misread_with_question_marks("公司在北京。"), "鍙戝睍是硬道理"])
    repair, taken = repair_utf8_as_gbk(page)
    assert repair.text == "他问：你好吗?\n公司在北京。\n发展是硬道理"
    assert taken == 1
    # Findings point at the guessed characters of the line taken from the trial.
    assert {repair.text[f.position] for f in repair.findings} <= set("公司在北京。")


def test_a_page_that_uses_the_replacement_character_is_not_tried():
    page = _misread_with_question_marks("公司在北京。") + "\n\ufffd"
    assert repair_utf8_as_gbk(page)[1] == 0


def test_the_single_byte_reread_takes_question_marks_too():
    # UTF-8 read as cp1252 by a tool that writes "?" for the five bytes cp1252 leaves undefined.
    clean = "我们的公司在北京，欢迎来访。"
    misread = clean.encode().decode("cp1252", errors="replace").replace("\ufffd", "?")
    assert "?" in misread
    repair, taken = tried(mojibake.repair_single_byte, misread)
    assert (repair.text, taken) == (clean, 1)
    assert Cleaner(remove_furniture=False).clean(misread) == clean


def test_marks_before_the_ascii_second_byte_of_a_big5_code_are_tried():
    # A GBK decoder writes the mark for a Big5 lead byte, then its second byte again as ASCII.
    clean = "台灣的經濟發展與兩岸關係備受關注。"
    misread = clean.encode("big5").decode("gbk", errors="replace").replace("\ufffd", "?")
    assert misread.startswith("?x")
    assert Cleaner(remove_furniture=False, to="keep").clean(misread) == clean


def test_the_pipeline_records_the_step_and_no_guess_writes_marks():
    misread = _misread_with_question_marks("本公司产品质量可靠，价格合理。")
    result = Cleaner(remove_furniture=False).run(misread)
    assert result.text == "本公司产品质量可靠，价格合理。"
    assert any(s.name == "question-marks-as-lost-bytes" for s in result.steps)
    unguessed = Cleaner(remove_furniture=False, guess_lost=False).run(misread).text
    assert "\ufffd" in unguessed and "?" not in unguessed


PARAGRAPHS = [
    "国务院办公厅印发通知，要求各地加快推进数字政府建设，提升政务服务水平？记者了解到，多地已出台方案。",
    "他问：“这是真的吗?”对方没有回答。据介绍，今年以来全市累计新增城市绿地四百余公顷，建成口袋公园八十个。",
    "台北市政府今日宣布，自下月起調整公車路線，並增加夜間班次，方便市民通勤。",
]


@pytest.mark.parametrize("decoder", ["gbk", "gb18030", "cp1252"])
@pytest.mark.parametrize("to", ["zh-hans", "keep"])
def test_cleaning_pages_marked_with_question_marks_twice_changes_nothing(decoder, to):
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from damage import damage_cell

    cleaner = Cleaner(to=to)
    for k, text in enumerate(PARAGRAPHS):
        for scope in ("page", "lines", "title", "spans"):
            damaged = damage_cell(text, "utf-8", decoder, "question", scope, random.Random(k))
            once = cleaner.clean(damaged)
            assert cleaner.clean(once) == once, (decoder, scope, damaged)


def test_the_pinyin_damage_keeps_its_shift_mark_on_a_page_also_misread_as_cp1252():
    # The pinyin damage writes "?ràng)" where a shifted annotation lost its lead byte; the pinyin
    # repair reads that "?". On a page whose lines were partly misread as cp1252, the single-byte
    # re-read's trial took it for a lost byte (首?ràng)弥 -> 首�ràng)弥袊��I) before.
    import random
    from pathlib import Path

    from damage import damage_lines, damage_page

    root = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    ref = (root / "expected-zh-hans" / "003_86efe743f92557a4.txt").read_text(encoding="utf-8")
    damaged = damage_lines(damage_page(ref, 4), "utf8-as-cp1252", random.Random(4))
    assert "?rÃ\xa0ng)" in damaged  # in a line misread as cp1252: only its reading shows ràng)
    out = Cleaner(remove_furniture=False).clean(damaged)
    assert "举行了首届中国" in out and "\ufffd" not in out and "ràng" not in out


def test_marks_on_a_page_of_big5_read_as_gbk_are_read_and_a_second_clean_keeps_it():
    # A Big5 page read as GBK by a tool that writes "?": the marks are a fifth of the page, but
    # each lost only a lead byte (the second is there, ?B), so they are read back; once too many
    # to read, they were kept as they are. Either way a second clean changes nothing (made ？, a
    # mark would join the mojibake beside it: 鷗？B堵Ю琶？B -> 鷗？B黑尾鷗？B).
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from wrong_decoders import DECODERS

    text = "、蒼燕鷗、鳳頭燕鷗、黑尾鷗、岩鷺、插尾雨燕等7種鳥類。" * 3
    page = DECODERS["gbk"].decode(text.encode("big5hkscs"), "question")
    for to in ("keep", "zh-hans"):
        cleaner = Cleaner(to=to, remove_furniture=False)
        once = cleaner.clean(page)
        assert "?" not in once and once.count("燕鷗" if to == "keep" else "燕鸥") == 6
        assert cleaner.clean(once) == once


def test_marks_on_a_page_with_too_many_to_read_stay_as_they_are():
    # UTF-8 read by a Big5 decoder that writes "?": a mark for every other byte, which no repair
    # reads back. Kept as they are (not made ？), so a second clean reads the page as the first.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from wrong_decoders import DECODERS

    from cleaner.repair.question_marks import unread

    page = DECODERS["big5"].decode("、蒼燕鷗、鳳頭燕鷗、黑尾鷗、岩鷺、插尾雨燕等7種鳥類。".encode() * 3, "question")
    assert len(unread(page)) == len(re.findall(r"\?+", page))
    for to in ("keep", "zh-hans"):
        cleaner = Cleaner(to=to, remove_furniture=False)
        once = cleaner.clean(page)
        assert cleaner.clean(once) == once


def test_a_real_question_mark_is_not_unread():
    from cleaner.repair.question_marks import unread

    assert unread("老闆，这件衣服可以退货吗?我想退。") == []
    # Arrows and box drawing are rare to the model, but no misread bytes: the mark is a question.
    assert unread("我的问题\n↓\n与圣经的原则吻合嗎?\n←────-┬───┐") == []


def test_a_forum_post_full_of_emphatic_questions_keeps_them_as_questions():
    # More "?" than a decoder's share, but each ends a question: none is a decoder's mark.
    from cleaner import Cleaner

    text = ("什么???这也太离谱了吧???我真的不敢相信，楼主你确定吗???这种事情怎么可能发生在我们身边呢???"
            "大家都来评评理，到底是谁的错???")
    result = Cleaner(to="keep").run(text)
    assert "?" not in result.text and not result.findings


def test_a_big5_page_read_as_gbk_with_question_marks_reads_as_with_u_fffd():
    # A GBK decoder reads a Big5 lead before an ASCII-range second byte alone: one mark, then the
    # byte again (，is a1 41: ?A). Half the characters carry such a mark, more than MAX_MARK_SHARE
    # of lost characters, but only the lead byte is lost: the marks are tried, and a chain of them
    # after a misread character (有人口 is Τ?H?f) is tried whole (benchmarks/decoders_after.py).
    from cleaner import Cleaner

    page = "國際奧林匹克委員會宣布索契獲得2014年冬季奧林匹克運動會的主辦權。俄國城市索契及其周邊地區早在約10萬年前就已經有人類活動和定居了"
    marked = page.encode("big5").decode("gbk", errors="replace")
    c = Cleaner(to="keep", remove_furniture=False)
    assert c.clean(marked.replace("\ufffd", "?")) == c.clean(marked)
    assert c.clean(marked).startswith("國際奧林匹克委員會宣布索契獲得2014年冬季")


# The patterns the runs of "?" were first found with, kept as the oracle: one with a look-behind,
# tried at every character of a page.
_CANDIDATE_FIRST = re.compile(r"(?<=[^\x00-\x7f])\?+|\?+(?=(?:[\x40-\x7e]\?+)*[\x40-\x7e]?[^\x00-\x7f])")
_CHAIN_FIRST = re.compile(r"(?<=[^\x00-\x7f])(?:\?+[\x40-\x7e])+\?*")


def _candidates_first(text: str) -> list[tuple[int, int]]:
    spans = {m.span() for m in _CANDIDATE_FIRST.finditer(text)}
    for chain in _CHAIN_FIRST.finditer(text):
        spans.update(m.span() for m in re.compile(r"\?+").finditer(text, chain.start(), chain.end()))
    return sorted(spans)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["?", "??", "?", "H", "f", "9", "[", "@", "~", " ", "\n", "中", "Τ", "é", "\x7f", "\x80"]),
                max_size=24).map("".join))
@example("Τ?H?f")  # a chain: the second mark has ASCII on each side
def test_runs_of_marks_are_those_the_look_behind_patterns_find(text):
    """_candidates asks each run of "?" what stands around it, once: the runs are those of the
    patterns it replaced (look-behind, look-ahead, chains of marks before second bytes)."""
    from cleaner.repair.question_marks import _candidates

    assert _candidates(text) == _candidates_first(text)


def test_the_runs_of_marks_are_searched_from_the_mark():
    """The run pattern names its first character, so that re skips ahead to the marks (``\\?+``
    named none: tried at every character of a page); the runs are those of the property above."""
    from cleaner.repair import question_marks

    assert skips_ahead(question_marks._MARKS)  # noqa: SLF001


# UTF-8 read as cp1252, saved where U+FFFD cannot go (a latin1 database column, an export): each
# byte cp1252 leaves undefined is a "?" where UTF-8 needs a continuation byte.
PARAGRAPHS = ["渡川之战，又称四万十川之战，发生于天正3年。是长宗我部元亲统一土佐的关键战役。",
              "芙蓉洞位于重庆武隆县江口镇的芙蓉江畔，距武隆县城20公里。芙蓉洞于1993被发现。",
              "黄鳍紫鱼，又称黄鳍姬鲷，俗名散合，为辐鳍鱼纲鲈形目鲈亚目笛鲷科的其中一个种。"]


@pytest.mark.parametrize("clean", PARAGRAPHS)
def test_question_marks_inside_utf8_read_as_cp1252_read_as_the_replacement_character_does(clean):
    replaced = clean.encode().decode("cp1252", errors="replace")
    questioned = replaced.replace("\ufffd", "?")
    assert "?" in questioned
    c = Cleaner(remove_furniture=False, to="keep")
    assert c.clean(questioned) == c.clean(replaced)
    assert any(s.name == "question-marks-in-utf8" for s in c.run(questioned).steps)


@pytest.mark.parametrize("text", [
    "中文".encode("gbk").decode("cp1252") + "?",  # GBK read as cp1252 and a real question: ÖÐÎÄ?
    "中国人".encode("gbk").decode("cp1252") + "?吗",
    "Ã©tÃ©?",  # too few misread characters to be a run of UTF-8
])
def test_a_question_mark_that_no_utf8_character_needs_is_no_mark(text):
    from cleaner.repair.question_marks import inside_misread_utf8

    assert inside_misread_utf8(text).text == text
