"""literal_marks.py: (cid:N) and a sign quoted alone keep their form through the width step."""

from cleaner import Cleaner
from cleaner.literal_marks import spans


def test_cid_residue_keeps_its_ascii_signs_and_the_prose_around_it_widens():
    out = Cleaner(to="keep").clean("第(cid:12)章(cid:345)字,结束")
    assert out == "第(cid:12)章(cid:345)字，结束"


def test_a_quoted_vertical_form_stays_and_one_in_running_text_is_folded():
    out = Cleaner(to="keep").clean("标点“︒”和“︐”用于竖排︐正文如此︒")
    assert out == "标点“︒”和“︐”用于竖排，正文如此。"


def test_nothing_else_is_kept():
    assert spans("第(12)章，cid:3 与 (cid) 和“，”") == []
