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
