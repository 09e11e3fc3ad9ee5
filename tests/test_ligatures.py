"""ligatures.py: a PDF's Latin ligatures inside words written as their letters."""

import pytest

from cleaner import Cleaner
from cleaner.ligatures import LETTERS, fold


@pytest.mark.parametrize("ligature", sorted(LETTERS))
def test_each_ligature_inside_a_word_is_its_letters(ligature):
    assert fold(f"采用 a{ligature}x 方法") == f"采用 a{LETTERS[ligature]}x 方法"


def test_a_ligature_quoted_alone_stays():
    for text in ("连字“\ufb01”由两个字母合成。", "排版中的 \ufb02 是连字。"):
        assert fold(text) == text


def test_the_cleaner_records_it_as_a_width_step():
    result = Cleaner(to="keep").run("论文提出一种 e\ufb03cient 的 \ufb01ne-tuning 方法。")
    assert result.text == "论文提出一种 efficient 的 fine-tuning 方法。"
    assert [(s.action, s.name, s.count) for s in result.steps] == [("width", "latin-ligatures", 2)]
