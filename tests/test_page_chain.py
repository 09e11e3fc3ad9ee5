"""A two-byte page through Latin-1, UTF-8 and GBK, read line by line (cleaner/repair/page_chain.py)."""

from __future__ import annotations

import random
import re

import pytest
from pattern_starts import skips_ahead
from short_line_damage import through_latin

from cleaner import Cleaner
from cleaner.repair import layers, page_chain

SONG = "月亮代表我的心\n作词：孙仪　作曲：汤尼\n你问我爱你有多深\n我爱你有几分\n我的情也真\n我的爱也真"
TABLE = "一、主要财务数据\n单位：元　币种：人民币\n营业收入　85,429,573,467.25　16.01\n基本每股收益　32.80　28.02"
HANT = "七七事變後，天津、上海相繼陷落。\n《大公報》力主抗戰。\n表示一不投降，二不受辱。\n天津版停刊。"


@pytest.mark.parametrize(("page", "source"), [(SONG, "gbk"), (TABLE, "gbk"), (HANT, "big5")])
@pytest.mark.parametrize("outer", ["gbk", "whatwg-gbk"])
def test_every_short_line_comes_back(page, source, outer):
    broken = through_latin(page, source, outer)
    assert "脰" in broken or "陇" in broken  # 中 is d6 d0: 脰脨; Big5's 七 is a4 43: 陇C
    repair = page_chain.read(broken)
    assert repair.text == page and repair.count == page.count("\n") + 1 and not repair.findings


def test_a_line_of_two_that_reads_worse_stays():
    # 陆路 (a word of the chain's characters) is a GBK code too, 椒, which reads worse alone.
    page = through_latin(SONG, "gbk", "gbk") + "\n陆路"
    assert page_chain.read(page).text == SONG + "\n陆路"


@pytest.mark.parametrize("page", [
    "陆路交通和水路交通。\n没有人每天都去。",  # the chain's characters in clean text, never a line of them
    through_latin("我爱你", "gbk", "gbk"),  # one short line is no evidence of the page's chain
    "隆隆隆隆隆隆隆隆隆隆\n隆隆",  # strict in GBK (ideographic spaces), but reads no better
])
def test_a_page_that_does_not_show_the_chain_is_left(page):
    assert page_chain.read(page) == (page, 0, [])


def test_through_the_cleaner_it_is_a_step_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    result = cleaner.run(through_latin(TABLE, "gbk", "gbk"))
    assert result.text == TABLE
    assert any(s.name == "mojibake-of-mojibake" for s in result.steps)
    assert cleaner.clean(result.text) == result.text


def test_the_second_layer_stage_reads_the_chain_first():
    # Without page_chain the peel reads long lines only: a song's short lines stayed mojibake.
    broken = through_latin(SONG, "gbk", "gbk")
    assert layers.repair_second_layer(broken).text == SONG
    assert layers.repair_second_layer(broken, outer=(layers.decoders.SINGLE_FAMILY,)).text == broken


def test_a_utf8_page_so_shown_comes_back_too():
    broken = through_latin(SONG, "utf-8", "gbk")  # 忙聹聢 is 月
    assert page_chain.read(broken).text == SONG


def test_the_pages_test_of_three_searches_from_its_first_character():
    """The run of three names its first character (a class), so that re skips ahead to those
    characters (``[…]{3}`` named none: tried at every character of a page), and finds the runs
    ``[…]{3}`` finds."""
    run3, _ = page_chain._patterns()  # noqa: SLF001
    assert skips_ahead(run3)
    chars = "".join(page_chain._table())  # noqa: SLF001
    first = re.compile(f"[{chars}]{{3}}")
    rng = random.Random(39)
    pool = [*chars[:40], "中", "文", "a", " ", "\n", "。"]
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert [m.span() for m in run3.finditer(text)] == [m.span() for m in first.finditer(text)]
