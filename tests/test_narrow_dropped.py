"""GBK read by gb2312 with errors="ignore" (cleaner/repair/narrow_dropped.py)."""

from __future__ import annotations

import random
import re

import pytest
from pattern_starts import skips_ahead

from cleaner import Cleaner
from cleaner.repair import narrow_dropped

LOST = "\ufffd"
# Traditional text written in GBK: most of its characters are outside GB2312, a third of those
# with an ASCII trail byte (費 is 4d ... : M), the rest dropped whole or read out of step.
PAGE = ("盧安達政府通過國營學校提供九年的免費教育，其中六年小學，其後是為前三年的普通中學課程。\n"
        "法蓋爾入獄四個月，其間罷工始終沒有中斷，經過長達八十五天的談判，雙方終於達成協議。")


def damaged(text: str) -> str:
    return text.encode("gbk").decode("gb2312", "ignore")


def errors(out: str, expected: str) -> int:
    import difflib

    matcher = difflib.SequenceMatcher(None, out, expected, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


@pytest.mark.parametrize(("pair", "replace", "ignore"), [
    # An ASCII trail (40-7e): the lead rejected alone, the trail shown as ASCII.
    ("镕", "\ufffdF", "F"),
    # A trail 80-a0: no GB2312 lead, rejected too: both bytes gone without a trace.
    ("亐", "\ufffd\ufffd", ""),
])
def test_what_gb2312_does_with_a_gbk_pair_it_lacks(pair, replace, ignore):
    # Python's gb2312 rejects one byte (the lead) and reads again from the next.
    data = pair.encode("gbk")
    assert data.decode("gb2312", "replace") == replace
    assert data.decode("gb2312", "ignore") == ignore


def test_a_trail_a1_fe_is_read_again_out_of_step():
    # 喆 (86 b4) before ， (a3 ac): 86 rejected, b4 a3 read as 矗, ac rejected: the comma is lost too.
    assert "喆，".encode("gbk").decode("gb2312", "ignore") == "矗"


def test_a_page_of_traditional_text_comes_back_nearer():
    bad = damaged(PAGE)
    fixed = narrow_dropped.repair(bad)
    assert fixed.count == 2
    assert errors(fixed.text, PAGE) < errors(bad, PAGE) / 2
    # What gb2312 makes of the reading is the page as it came: no byte it kept is changed.
    assert damaged(fixed.text) == bad


def test_every_character_chosen_is_a_finding_with_its_runner_up():
    fixed = narrow_dropped.repair(damaged(PAGE))
    assert len(fixed.findings) > 10
    assert all(f.kind == "lost-byte" and "rank 2" in f.detail for f in fixed.findings)
    for finding in fixed.findings:
        assert fixed.text[finding.position] in finding.detail


def test_without_guessing_each_character_chosen_is_a_mark():
    bad = damaged(PAGE)
    guessed = narrow_dropped.repair(bad)
    marked = narrow_dropped.repair(bad, guess=False)
    assert marked.text.count(LOST) == len(guessed.findings)
    assert narrow_dropped.repair(marked.text, guess=False).text == marked.text


def test_a_second_reading_changes_nothing():
    fixed = narrow_dropped.repair(damaged(PAGE)).text
    assert narrow_dropped.repair(fixed).text == fixed


@pytest.mark.parametrize("text", [
    PAGE,
    # Letters clean text glues to Han: capitals, signs, units, variables, words repeated.
    "血型有A型、B型和O型，維生素C的含量，NBA的比赛在11:00~12:00播出。",
    "黄足笛鲷为辐鳍鱼纲|鲈形目|笛鲷科的其中一个种，故有[书香]之称。",
    "视频时对m3u8格式，浏览器和uc浏览器支持，能读到tw的书，推迟了n次，翻译和tw的。",
    "数为n，那么边数为n-棱柱，身高5m的长颈鹿，其中Na与Cl相连。",
])
def test_clean_text_is_left(text):
    assert narrow_dropped.repair(text).text == text


def test_a_replacing_decoders_marks_are_left_to_narrow_tables():
    bad = PAGE.encode("gbk").decode("gb2312", "replace")
    assert narrow_dropped.repair(bad).text == bad


def test_through_the_cleaner_it_is_a_step_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    result = cleaner.run(damaged(PAGE), details=True)
    assert any(s.name == "dropped-by-narrower-table" for s in result.steps)
    assert errors(result.text, PAGE) < errors(damaged(PAGE), PAGE) / 2
    assert cleaner.clean(result.text) == result.text


def test_on_a_page_gb2312_read_its_middle_dots_and_dashes_are_gbks():
    # a1a4 and a1aa: gb2312 shows ・ and ―, GBK · and —; GBK has no ・ and its ― gb2312 shows as D.
    assert "约翰·海克特——".encode("gbk").decode("gb2312") == "约翰・海克特――"
    page = "约翰・海克特――麦克阿瑟\n青砥・高砂駅"  # the second line holds a character gb2312 never gives
    fixed = narrow_dropped.gbk_forms(page)
    assert fixed.text == "约翰·海克特——麦克阿瑟\n青砥・高砂駅"
    assert fixed.count == 1


def test_a_page_gb2312_read_with_a_middle_dot_on_a_line_that_lost_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    page = PAGE + "\n约翰·海克特是一位作家。"
    result = cleaner.run(damaged(page), details=True)
    assert result.text.endswith("\n约翰·海克特是一位作家。")
    # A clean page with ・ (no line read as gb2312's) keeps it.
    assert cleaner.clean("青砥・高砂之间的列车。") == "青砥・高砂之间的列车。"


def test_a_long_clean_page_with_a_few_letters_glued_to_han_is_not_read():
    # review34f: a page of a thousand Wikipedia paragraphs shows the gate's counts (runs with a
    # lowercase letter: 第n次, 读到tw的), so its clean text was read (国际A级赛 -> 国际阶级赛) and
    # slowly; misread text shows such runs 30 times as densely.
    filler = "这是一个关于城市发展和居民生活的普通句子，记者走访了多个社区。" * 20
    lines = ["他是第n次来这里", "读到tw的人很多", "用了uc浏览器的用户", "这个p值很小说明", "国际A级赛事在此", "双酚A的用途", "球队在U17亚洲杯上"]
    text = "\n".join(lines + [filler] * 30)
    assert narrow_dropped.repair(text).text == text


def test_the_runs_between_han_are_searched_from_the_han_before_them():
    """The run pattern opens with the Han before a run (a class re skips ahead to; a look-behind
    names none, and was tried at every character of a page), and finds the runs the look-behind
    form found, overlapping ones too (盧R安_的: R and _)."""
    pattern = narrow_dropped._RUN_BETWEEN_HAN  # noqa: SLF001
    assert skips_ahead(pattern)
    first = re.compile("(?<=[\u3400-\u9fff])([\x40-\x7e]{1,%d})(?=[\u3400-\u9fff])" % narrow_dropped.MAX_RUN)
    assert pattern.findall("盧R安_的") == ["R", "_"]
    rng = random.Random(39)
    for _ in range(500):
        text = "".join(rng.choice(["盧", "安", "的", "R", "_", "ab", "@", "1", " ", "\n", "。", "é"]) for _ in range(rng.randint(0, 30)))
        assert pattern.findall(text) == first.findall(text)


def test_a_page_whose_runs_between_han_are_few_lowercase_is_not_read_line_by_line(monkeypatch):
    # Six runs of trail bytes between Han, two of them lowercase: no line's trails can show the
    # three lowercase runs a page needs (each is one of the page's runs), so no line is scanned.
    page = "血型A型和B型\n维生素C与维生素D及K值\n推迟了n次又读到tw的\n" * 3

    def scanned(line: str) -> list[int]:
        raise AssertionError(f"a line was scanned: {line}")

    monkeypatch.setattr(narrow_dropped, "_trails", scanned)
    assert narrow_dropped.repair(page).text == page
