"""A guess ending a line decided with the line below it (cleaner/repair/wrapped_guesses.py)."""

import pytest

from cleaner.repair import holes, wrapped_guesses
from cleaner.repair.mojibake import fix_utf8_as_gbk

# Our own prose, hard-wrapped at a width before it was misread: a character before a break loses
# its last byte to the break (GBK rejects it before 0a), and only the next line tells its
# candidates apart.
PROSE = ("那一年春天，我们全家从南方搬到了北方的一个小城市里居住。那一天正好是四月十五日，天气很好，"
         "父亲带着我们去公园里散步，看见许多孩子在草地上放风筝，大家都很高兴。后来我们又去了城里最热闹"
         "的商场，买了很多东西回家。")


def wrapped(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize(("width", "words"), [
    # A Han character whose last byte was lost before the break.
    (14, ("南方搬\n到", "放风\n筝")),
    (16, ("一天正\n好",)),
    # ， is ef bc 8c: 8c is lost before the break, and a paragraph seldom ends with a comma, so the
    # line alone chose ？; on a wrapped page the sentence goes on below.
    (9, ("很好，\n父", "风筝，\n大")),
    (19, ("商场，\n买",)),
])
def test_a_lost_byte_before_a_wrap_is_read_with_the_next_line(width, words):
    fixed, _ = fix_utf8_as_gbk(wrapped(PROSE, width).encode("utf-8").decode("gbk", "replace"))
    for word in words:
        assert word in fixed


def test_a_page_of_a_paragraph_a_line_counts_as_seldom_wrapped():
    page = "\n".join(["今天天气很好，我们去公园散步。", "公园里有很多人在放风筝。", "后来我们回家吃饭了。", "这里是一个标题"])
    assert wrapped_guesses._wrapped_share(page, set()) == 0.25
    assert wrapped_guesses._wrapped_share(wrapped(PROSE, 14), set()) == 6 / 8


def test_guessed_line_ends_do_not_count_for_the_share():
    page = "今天天气很好我们去公\n园散步公园里有很多人\n后来我们回家吃饭了。"
    assert wrapped_guesses._wrapped_share(page, set()) == 2 / 3
    assert wrapped_guesses._wrapped_share(page, {9, 20}) == wrapped_guesses.LOW



def test_a_paragraph_seldom_ends_on_a_han_character():
    # A page where three lines in five wrap: the break's unwrapped reading (a paragraph ending on
    # the guess) once cost a Han character nothing, and 因, likelier after 是, kept 四 of 四 / 月 out.
    page = "\n".join(PROSE[i : i + 18] for i in range(0, len(PROSE), 18)).replace("四月", "四\n月")
    at = page.index("四")
    shown = page[:at] + "因" + page[at + 1 :]
    assert wrapped_guesses._wrapped_share(shown, {at}) == 3 / 5
    guess = holes.Choice("因", 0, True, "四", 0.5, ("因", "四", "国", "回"))
    fixed, guessed = wrapped_guesses.redecide(shown, [(at, guess)])
    assert fixed == page
    assert guessed[0][1].alternative == "因"
