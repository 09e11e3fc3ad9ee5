"""A terminal's colour codes left in text (cleaner/repair/terminal_codes.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import terminal_damage

from cleaner import Cleaner
from cleaner.repair.terminal_codes import strip

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [line for path in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
              for line in path.read_text("utf-8").splitlines() if len(line) > 10]


@pytest.mark.parametrize("form", sorted(terminal_damage.FORMS))
def test_codes_in_every_form_go_whole(form):
    rng = random.Random(form)
    for line in PARAGRAPHS:
        damaged = terminal_damage.colour(line, form, rng, codes=rng.randint(2, 6))
        assert strip(damaged) == line, damaged


def test_a_page_of_coloured_lines_cleans_as_the_page_does():
    rng = random.Random(7)
    page = "\n".join(PARAGRAPHS[:12])
    for form in terminal_damage.FORMS:
        damaged = "\n".join(terminal_damage.colour(line, form, rng, codes=2) if k % 3 == 0 else line
                            for k, line in enumerate(PARAGRAPHS[:12]))
        result = Cleaner().run(damaged)
        assert result.text == Cleaner().clean(page)
        assert any(s.name == "terminal-codes" for s in result.steps)


def test_other_sequences_of_the_escape_character_go_too():
    assert strip("\x1b[2J\x1b[1;1H【公告】\x1b[K本站维护") == "【公告】本站维护"
    assert strip("^[[1;33m精华^[[m区") == "精华区"


def test_one_stripped_code_beside_han_goes():
    assert strip("[1;31m注意：明天停电。") == "注意：明天停电。"


@pytest.mark.parametrize("text", [
    "参见文献[1]与[12]，以及[m]的定义。",  # citations and a bracketed letter
    "The rope is [5m] long, see [m]ysql and [mysql].",
    "Set the colour with \\033[1;33m and reset it with \\033[0m in your shell.",  # code's notation
    "A lone [0m in Latin text with no second code.",
    "*[注] 本文[2]所述",
    "长度为[5mm]的零件",
])
def test_what_is_no_colour_code_stays(text):
    assert strip(text) == text


def test_clean_corpus_is_untouched():
    wiki = ROOT.parent / "shared" / "corpora" / "wiki"
    if not wiki.is_dir():
        pytest.skip("../shared/corpora/wiki is not here")
    lines = [line for path in sorted(wiki.glob("*.txt"))[:2] for line in path.read_text("utf-8").splitlines()[:3000]]
    lines += PARAGRAPHS
    assert [line for line in lines if strip(line) != line] == []


def test_idempotent():
    rng = random.Random(3)
    for line in PARAGRAPHS[:20]:
        once = Cleaner().clean(terminal_damage.colour(line, "stripped", rng))
        assert Cleaner().clean(once) == once


# An article about colour codes writes them as examples: after the word ESC or code's notation,
# explained (表示), a list of colours without a reset, a measure in brackets. None is a code.
@pytest.mark.parametrize("text", [
    "例如序列 ESC[1;33m 表示加粗黄色，ESC[0m 表示恢复默认。",
    "在Linux终端中，例如序列 ESC[1;33m 表示加粗黄色，ESC[0m 表示恢复默认。\n"
    "常见的前景色代码有：[30m 黑色、[31m 红色、[32m 绿色、[33m 黄色。\n"
    "在脚本中通常写成 \\033[1;31m 错误 \\033[0m 的形式。",
    "房间长[5m，宽3m]的写法是错误的。\n如[1,3]或[12;30]，单位符号如[m]和[kg]另行说明。",
    "序列 [1;33m 表示加粗黄色，“[0m”恢复默认。",
    "用 ^[[1;33m 表示黄色，`^[[0m` 复原。",
])
def test_codes_an_article_talks_about_stay(text):
    assert strip(text) == text


def test_a_code_right_before_a_word_that_explains_is_a_code():
    assert strip("月亮*[m代表我的心") == "月亮代表我的心"
    assert strip("[1;33m月亮[m代表我的心") == "月亮代表我的心"


def test_a_reset_on_another_line_turns_on_no_list_of_codes():
    text = "常见的前景色代码有：[30m 黑色、[31m 红色、[32m 绿色。\n"
    assert strip(text + "复原写作[0m。") == text + "复原写作。"
    # A code touching the text it colours goes with the page's run, its reset lines away.
    assert strip("[36m显卡：集成\n内存：[1;33m16G[m") == "显卡：集成\n内存：16G"


def test_removing_a_code_makes_no_new_one():
    once = strip("精华[[1;33m1;33m区")
    assert strip(once) == once
    once = strip("[1;33m精华[[1;33m1;33m区[m")
    assert strip(once) == once
