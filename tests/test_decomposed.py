"""Single-byte mojibake stored decomposed (NFD) composed again (cleaner/repair/decomposed.py)."""

from __future__ import annotations

import unicodedata

import pytest

import damage

from cleaner import Cleaner
from cleaner.repair.decomposed import repair


@pytest.mark.parametrize("name", ["季度报告.xlsx", "会议记录（第三次）.docx", "毕业论文终稿_修改版.pdf"])
def test_a_file_name_misread_as_cp1252_and_stored_decomposed_reads_back(name):
    damaged = unicodedata.normalize("NFD", damage.utf8_read_as_cp1252(name))
    assert damaged != damage.utf8_read_as_cp1252(name)  # the damage did decompose something
    result = Cleaner(to="keep").run(damaged)
    assert result.text == name
    assert "decomposed-mojibake" in {s.name for s in result.steps}


@pytest.mark.parametrize("text", ["cafe\u0301 au lait", "re\u0301e\u0301lu a\u0300 Paris", "Zo\u0308e, na\u0131\u0308ve"])
def test_decomposed_clean_latin_text_stays_as_it_came(text):
    assert repair(text) == text
    assert Cleaner(to="keep").clean(text) == text
