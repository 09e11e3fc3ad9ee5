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


HEADS = "一丁七万丈三上下不与中"  # what e4 b8 and one byte may be


def test_a_numbered_heading_takes_the_count_of_the_page_s_headings():
    page = "通知如下。\n中、总体要求\n正文。\n二、主要任务\n正文。\n  七、保障措施\n"
    guessed = [(page.index("中"), holes.Choice("中", 0, True, candidates=HEADS)),
               (page.index("七"), holes.Choice("七", 0, True, candidates=HEADS))]
    out, shaped = punct_shapes.redecide(page, guessed, page=True)
    assert out == "通知如下。\n一、总体要求\n正文。\n二、主要任务\n正文。\n  三、保障措施\n"
    assert [c.alternative for _, c in shaped] == ["中", "七"]
    # Not inside a line, nor without a heading read for sure, nor in a piece of a page.
    for text in ("他说中、美两国\n二、主要任务\n", "中、总体要求\n正文。\n"):
        assert punct_shapes.redecide(text, [(text.index("中"), holes.Choice("中", 0, True, candidates=HEADS))], page=True)[0] == text
    assert punct_shapes.redecide(page, guessed)[0] == page


def test_a_misread_notice_keeps_its_first_heading():
    page = ("关于加强城市管理工作的通知\n各省、自治区、直辖市人民政府：为进一步加强城市管理工作，现就有关事项通知如下。\n"
            "一、总体要求\n坚持以人民为中心的发展思想，全面提升城市管理水平。\n二、主要任务\n"
            "加快推进城市管理体制改革，完善城市管理法规。\n三、保障措施\n各地要加强组织领导，确保各项任务落到实处。")
    damaged = page.encode("utf-8").decode("gbk", "replace")
    assert Cleaner(to="keep", remove_furniture=False).run(damaged).text == page


def test_a_heading_s_count_must_run_through_the_line():
    # Between 二、 and 三、 no heading 三 fits: a line starting 中、 there is a sentence.
    text = "二、主要任务\n正文。\n中、美两国合作\n三、保障措施\n"
    guessed = [(text.index("中"), holes.Choice("中", 0, True, candidates=HEADS))]
    assert punct_shapes.redecide(text, guessed, page=True)[0] == text
    # A second list numbered from one again: its first heading right above its 二、.
    text = "一、总则\n二、范围\n三、附则\n附件：\n中、申请条件\n二、申请材料\n"
    guessed = [(text.index("中"), holes.Choice("中", 0, True, candidates=HEADS))]
    assert punct_shapes.redecide(text, guessed, page=True)[0] == text.replace("中", "一")


def test_the_line_end_habit_takes_no_closing_bracket_that_closes_none():
    # Lines ending with a closing bracket are no habit for a line that opened none.
    text = "【打印】\n【关闭】\n【返回】\n他说这是事实。\n"
    guessed = [(text.rindex("。"), holes.Choice("。", 0, True, candidates="。】、"))]
    assert punct_shapes.redecide(text, guessed, page=True)[0] == text
    # A closing bracket that closes one of its line is still the habit's to take.
    text = "（一）\n（二）\n（三）\n（四。\n"
    guessed = [(text.rindex("。"), holes.Choice("。", 0, True, candidates="。）、"))]
    assert punct_shapes.redecide(text, guessed, page=True)[0] == text.replace("四。", "四）")
