"""UTF-8 read as cp1252, its typographic punctuation then made ASCII: the bytes written back (ascii_punct.py)."""

from __future__ import annotations

import pytest

import damage

from cleaner import Cleaner
from cleaner.repair import ascii_punct

# A "fix Word's smart quotes" filter: ‘’ “” – — … ˜ made ASCII.
DEMORONISE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "...", "˜": "~"})


@pytest.mark.parametrize("text", [
    "《人民日报》评论员文章，3月2日",  # 日 e6 97 a5: its 97 made --
    "全国人民代表大会常务委员会",  # 员 e5 91 98: 91 made ', 98 ~
    "他说：“我们明天早上出发。”",  # “ e2 80 9c is no form's; 早 e6 97 a9
    "各地纷纷响应……",  # … e2 80 a6
])
def test_misread_text_whose_punctuation_a_filter_made_ascii_reads_back(text):
    damaged = damage.utf8_read_as_cp1252(text).translate(DEMORONISE)
    assert damaged != damage.utf8_read_as_cp1252(text)  # the filter did change it
    cleaner = Cleaner(to="keep")
    result = cleaner.run(damaged)
    assert result.text == text and cleaner.clean(result.text) == result.text
    assert "ascii-punct-bytes" in {s.name for s in result.steps}


@pytest.mark.parametrize("text", [
    "l'été -- c'est \"très\" bien... à Paris ~ Genève",
    "Café--bar 'Ça va' \"Où\" naïve...",
    damage.utf8_read_as_cp1252("中文网站") + ' "quoted" -- and... ',  # forms after whole characters
])
def test_ascii_punctuation_that_stands_for_no_byte_stays(text):
    assert ascii_punct.repair(text)[:2] == (text, 0)


# A fuller filter: every sign of cp1252's 80-9f made ASCII (‹ › ˆ • ™ ‚ „ too).
DEMORONISE_ALL = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "...", "˜": "~",
                                "‹": "<", "›": ">", "ˆ": "^", "•": "*", "™": "(TM)", "‚": ",", "„": ",,"})


@pytest.mark.parametrize("text", [
    "他在北京工作了十五年，先后担任过技术员、工程师和部门经理。",  # 工 e5 b7 a5, 过 e8 bf 87, 经 e7 bb 8f
    "本届比赛共有来自全国各地的三百多名选手参加，竞争十分激烈。",
    "据说这种方法可以提高百分之三十的效率，但是成本也相应增加。",
])
def test_every_cp1252_sign_a_filter_made_ascii_reads_back(text):
    damaged = damage.utf8_read_as_cp1252(text).translate(DEMORONISE_ALL)
    assert damaged != damage.utf8_read_as_cp1252(text).translate(DEMORONISE)  # the fuller filter changed more
    assert Cleaner(to="keep").clean(damaged) == text


C1_CONTROLS = dict.fromkeys(range(0x80, 0xA0))


@pytest.mark.parametrize("text", [
    "全国人民代表大会-2024年会议",  # 会 e4 bc 9a: its 9a deleted, the text's own - after it
    "《人民日报》'评论'，3月2日-4日",  # 日 e6 97 a5, 》 e3 80 8b: 80-9f gone before ' and -
])
def test_ascii_after_a_lead_whose_c1_bytes_a_tool_deleted_stays(text):
    # UTF-8 read as Latin-1, its C1 controls then deleted: the page shows no byte 80-9f at all, so
    # a lead short of its bytes lost them to that tool, not to a quote filter.
    damaged = damage.misdecode(text, "utf-8", "latin-1").translate(C1_CONTROLS)
    assert ascii_punct.repair(damaged)[:2] == (damaged, 0)


def test_a_big5_trail_byte_under_another_code_page_is_no_filtered_sign():
    # Big5 read as ISO-8859-15: 漢 (ba 7e) shows º~, and after 西 (a6 e8, Šè) è º ~ looked like
    # a lead byte e8, a continuation ba and a ˜ (98) a filter made ~. The line's high bytes are
    # not UTF-8 (few of them stand in a whole sequence): its ~ is the Big5 trail, and the line
    # is ISO-8859-15's reading, which the ˜ broke (陝Šè省，流žgŠèº˜古城).
    text = "漢江發源於陝西省，流經西漢古城，在源頭之地，人們稱它為漾水，漢中盆地因它而得名。"
    misread = text.encode("big5hkscs").decode("iso8859_15")
    assert "Šèº~" in misread
    assert ascii_punct.repair(misread)[:2] == (misread, 0)
    assert Cleaner(to="keep", remove_furniture=False).clean(misread) == text
