"""The writer's name alone under the headline (cleaner/furniture/author_name.py)."""

import pytest

from cleaner import Cleaner
from cleaner.furniture.author_name import lone_author

PARAS = ["每年四月，村口那几棵老槐树就开花了，一串串白色的花朵挂满枝头，风一吹，整个村子都飘着淡淡的甜香。",
         "小时候，奶奶总会踩着板凳摘下一篮槐花，拌上面粉蒸熟，再浇一勺蒜汁，那是我记忆里春天最好的味道。"]
MENU = "临川文学网 首页 小说 散文 诗歌 评论"
TITLE = "故乡的槐花_散文_临川文学网"


def run(lines: list[str], title: str = TITLE) -> list[str]:
    return Cleaner(to="keep").run("\n".join(lines), title=title).text.split("\n")


def test_the_name_right_over_the_body_goes():
    assert run([MENU, "故乡的槐花", "张若溪", *PARAS]) == ["故乡的槐花", *PARAS]
    assert run([MENU, "故乡的槐花", "欧阳晓岚", *PARAS]) == ["故乡的槐花", *PARAS]  # a compound surname


def test_the_name_over_a_byline_the_model_took_goes():
    assert run([MENU, "故乡的槐花", "张若溪", "2027-05-20 21:14:03 临川文学网", *PARAS]) == ["故乡的槐花", *PARAS]


@pytest.mark.parametrize("rows", [
    ["食材", "番茄 2个", "鸡蛋 3个"],  # a recipe's heading over its rows
    ["星期一", "10:00-11:30 长者太极班", "14:00-16:00 书法班"],  # a timetable's day over its times
])
def test_a_heading_over_rows_of_its_own_stays(rows):
    texts = ["故乡的槐花", *rows, *PARAS]
    assert lone_author(texts, 0, len(rows) + 1, lambda pos: pos > len(rows), lambda pos: False, TITLE) == -1


def test_only_a_short_line_of_han_right_under_the_headline_is_read():
    texts = ["故乡的槐花", "张若溪", *PARAS]
    prose = lambda pos: pos >= 2  # noqa: E731
    assert lone_author(texts, 0, 2, prose, lambda pos: False, TITLE) == 1
    assert lone_author(texts, -1, 2, prose, lambda pos: False, TITLE) == -1  # no headline the title names
    assert lone_author(["故乡的槐花", "散文", *PARAS], 0, 2, prose, lambda pos: False, TITLE) == -1  # the title's own word
    assert lone_author(["故乡的槐花", "张若溪著", *PARAS], 0, 2, prose, lambda pos: False, TITLE) == 1
    assert lone_author(["故乡的槐花", "张若溪、李明", *PARAS], 0, 2, prose, lambda pos: False, TITLE) == -1
    assert lone_author(["故乡的槐花", "临川市文学艺术界联合会", *PARAS], 0, 2, prose, lambda pos: False, TITLE) == -1


@pytest.mark.parametrize("word", ["前言", "导语", "摘要", "引子", "题记"])
def test_a_sections_word_opens_with_no_surname(word):
    texts = ["故乡的槐花", word, *PARAS]
    assert lone_author(texts, 0, 2, lambda pos: pos >= 2, lambda pos: False, TITLE) == -1
    assert run([MENU, "故乡的槐花", word, *PARAS]) == ["故乡的槐花", word, *PARAS]
