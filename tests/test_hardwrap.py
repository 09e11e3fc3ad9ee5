"""Paragraphs wrapped at a fixed width, joined back (cleaner/hardwrap.py)."""

import pytest

from cleaner import Cleaner
from cleaner.hardwrap import join_hard_wraps

PARAGRAPHS = [
    "工信部与浙江省人民政府共同打造出了工业互联网平台体系，2020年目标明确。国务院印发通知，要求各地加快推进"
    "工业互联网创新发展工程，培育一批有影响力的平台，推动企业上云上平台，并在长三角地区率先开展试点示范工作。",
    "会议指出，要坚持以供给侧结构性改革为主线，加快建设制造强国和网络强国，统筹发展和安全，为经济社会发展"
    "提供有力支撑。与会代表认为，上述政策将明显降低中小企业的数字化转型成本，使更多企业从中受益。",
]


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize("width", [30, 36, 38])
def test_a_page_wrapped_at_a_character_width_gets_its_paragraphs_back(width):
    page = "\n\n".join(_wrap(p, width) for p in PARAGRAPHS)
    joined = join_hard_wraps(page)
    # A full line ending a sentence keeps its break: the sentences are whole either way.
    assert joined.replace("\n", "") == page.replace("\n", "")
    assert joined.count("\n") < page.count("\n") // 2
    assert all(line.endswith(("。", "，")) or line == "" for line in joined.split("\n"))


def test_indented_paragraphs_are_not_joined_to_the_line_before():
    page = "\n".join("\u3000\u3000" + _wrap(p, 32) for p in PARAGRAPHS)
    assert [line.startswith("\u3000\u3000") for line in join_hard_wraps(page).split("\n")].count(True) == 2


@pytest.mark.parametrize("page", [
    "\n".join(["床前明月光，疑是地上霜。举头望明月，低头思故乡。"] * 6),  # verse: equal lines ending sentences
    "\n".join(PARAGRAPHS),  # one paragraph a line already
    "\n".join(["1. 工信部与浙江省人民政府共同打造出了工业互联网平台", "2. 国务院印发通知", "3. 会议指出"] * 2),
])
def test_pages_that_are_not_wrapped_are_left_alone(page):
    assert join_hard_wraps(page) == page


def test_the_cleaner_joins_a_wrapped_page_as_a_step():
    page = "\n\n".join(_wrap(p, 36) for p in PARAGRAPHS)
    result = Cleaner(to="keep").run(page)
    assert result.text.count("\n") < page.count("\n") // 2
    assert any(s.name == "hard-wraps" for s in result.steps)
    assert Cleaner(to="keep").run(result.text).text == result.text
