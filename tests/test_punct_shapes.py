"""Guessed punctuation decided by the shapes of its line and page (cleaner/repair/punct_shapes.py)."""

from cleaner import Cleaner
from cleaner.repair import holes, punct_shapes

MARKS = ("，", "：", "；", "？", "！")


def _guess(ch: str) -> holes.Choice:
    return holes.Choice(ch, 0, True, candidates=MARKS)


def test_a_key_before_its_value_takes_the_colon():
    text = "作者：尹剑\u3000发布时间，2005-03-21"
    out, guessed = punct_shapes.redecide(text, [(10, _guess("，"))])
    assert out == "作者：尹剑\u3000发布时间：2005-03-21"
    assert guessed[0][1].char == "：" and guessed[0][1].alternative == "，"


def test_prose_keeps_its_comma():
    for text, at in (("此外，2005年他去了北京", 2), ("花了很长时间，2005年才完成", 6), ("作者，", 2)):
        assert punct_shapes.redecide(text, [(at, _guess("，"))])[0] == text


def test_a_line_end_takes_the_mark_the_page_ends_its_lines_with():
    page = "即县下有里，\n乡设有亭，\n里设有长，\n设有各等官员；\n"
    out, _ = punct_shapes.redecide(page, [(page.index("；"), _guess("；"))], page=True)
    assert out.endswith("设有各等官员，\n")
    # Not without the page's habit: too few lines end alike.
    short = "即县下有里，\n设有各等官员；\n"
    assert punct_shapes.redecide(short, [(short.index("；"), _guess("；"))], page=True)[0] == short


def test_a_misread_byline_keeps_its_colon_through_the_repair():
    line = "作者：尹剑\u3000发布时间：2005-03-21 11:21"
    damaged = line.encode("utf-8").decode("gbk", "replace")
    assert Cleaner(to="keep", remove_furniture=False).run(damaged).text == line
