"""bidi_controls.py: directional controls out of text no right-to-left script needs them in."""

import pytest

from cleaner import Cleaner
from cleaner.bidi_controls import remove

CONTROLS = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
            "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("control", CONTROLS)
def test_each_control_goes_from_chinese_text(control):
    assert remove(f"共{control}120{control}人，{control}Lasix{control}为商品名。") == "共120人，Lasix为商品名。"


def test_a_line_with_a_right_to_left_letter_keeps_its_controls_and_the_others_lose_them():
    hebrew = "希伯来语\u200f שלום\u200f 意为和平"
    arabic = "阿拉伯语\u061c مرحبا\u2066 123\u2069"
    assert remove(f"第\u200e1\u200e章\n{hebrew}\n{arabic}") == f"第1章\n{hebrew}\n{arabic}"


def test_the_cleaner_records_it_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep")
    result = cleaner.run("药效会在 \u202e1\u2069 小时内发挥，\u2066Lasix\u202c 为商品名。")
    assert result.text == "药效会在 1 小时内发挥，Lasix 为商品名。"
    assert [(s.name, s.count) for s in result.steps] == [("bidi-controls", 4)]
    assert cleaner.clean(result.text) == result.text
