"""Comments set as blocks of a stamp, the comment and its vote row (cleaner/furniture/comment_blocks.py)."""

import pytest

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.comment_blocks import STAMP, answer_stamps, comment_blocks, vote_rows

PROSE = ["这家羊汤馆没有招牌，只在门口挂了一块写着“羊汤”两个字的木板。早上六点开门，七点不到，屋里的八张桌子就坐满了。",
         "临走时，田老板说明年打算把店交给儿子。他儿子在一旁笑了笑，说：“汤的方子我还没学全呢。”"]
BLOCKS = ["吃遍西关 2小时前", "这家确实好吃，就是排队太久", "赞 26 回复", "momo酱 昨天 18:21", "周末去了，烧饼已经卖完了", "赞 8 回复"]


@pytest.mark.parametrize("line", ["吃遍西关 2小时前", "路过的 ‧ 2026-05-04", "橘子汽水 看过 ★★★★★ 2026-01-30",
                                  "滨城老李 发表于 2小时前", "法律小帮手 ‧ 2026-05-03 ‧ 知识长"])
def test_a_name_and_a_time_alone_is_a_stamp(line):
    assert STAMP.match(line)


@pytest.mark.parametrize("line", ["2026-11-30 09:00 东岭新闻网", "来源:西部时报 2027-03-14", "会议定于2026-05-04召开",
                                  "他说，三天前 2026-05-04"])
def test_a_byline_or_a_sentence_is_no_stamp(line):
    assert not STAMP.match(line)


def test_two_blocks_or_more_go_whole():
    assert comment_blocks([*PROSE, *BLOCKS], [True, True] + [False] * 6) == [2, 3, 4, 5, 6, 7]
    assert comment_blocks([*PROSE, "路过的 ‧ 2026-05-04", "我之前也遇过", "好 8", "匿名 ‧ 2026-05-05", "可以打1999问问看", "好 1"],
                          [True, True] + [False] * 6) == [2, 3, 4, 5, 6, 7]


def test_one_block_an_answer_of_prose_or_a_quote_without_its_vote_row_stays():
    assert comment_blocks([*PROSE, *BLOCKS[:3]], [True, True, False, False, False]) == []
    answer = ["花草老李 回答于 2026-08-12", PROSE[0], PROSE[1], "赞同 236 反对 3"]
    assert comment_blocks(answer * 2, [False, True, True, False] * 2) == []
    assert comment_blocks(["吃遍西关 2小时前", "这家确实好吃", "下一段文字", "吃遍西关 2小时前", "好吃"], [False] * 5) == []


def test_a_long_run_of_spaces_after_a_vote_word_is_refused_at_once():
    # Spaces shared among a vote row's optional parts in every way: 赞 over 200 spaces took 17 s to refuse,
    # growing with the cube (a line under a stamp is asked whatever its length).
    line = "赞" + " " * 2000 + "x"
    assert comment_blocks([*PROSE, BLOCKS[0], line, BLOCKS[2], *BLOCKS[:3]], [True, True] + [False] * 6) == []


def test_a_vote_row_of_two_words_with_a_count_and_a_stamp_with_a_verb_of_posting_go_alone():
    assert vote_rows(["评价:好 45 ‧ 不好 2", "👍 3,210 分享 储存", "好 8", "支持 反对", "他说好"]) == [0, 1]
    assert answer_stamps(["花草老李 园艺达人 回答于 2026-08-12", "吃遍西关 2小时前", "他在2026-08-12发表于报上"]) == [0]


def test_the_blocks_go_as_steps_the_review_stays():
    removal = remove_furniture("\n".join(["老城根下的一碗羊汤", *PROSE, "评论（56）", *BLOCKS]), ())
    gone = {f.detail.split(": ", 1)[1]: f.detail.split(": ", 1)[0] for f in removal.findings if f.kind == "removed-line"}
    # The vote rows are the portal forms' buttons already (actions); the stamps and comments are the block's.
    assert [gone.get(line) for line in BLOCKS if "赞" not in line] == ["generic/comment-block"] * 4
    assert all(line in gone for line in BLOCKS)
    assert all(line in removal.text for line in PROSE)


def test_the_threads_heading_right_above_its_first_block_goes_with_it():
    flags = [True, True] + [False] * 7
    assert comment_blocks([*PROSE, "作品（128）", *BLOCKS], flags) == [2, 3, 4, 5, 6, 7, 8]
    assert comment_blocks([*PROSE, "短评", *BLOCKS], flags) == [2, 3, 4, 5, 6, 7, 8]
    assert comment_blocks([*PROSE, "田老板", *BLOCKS], flags) == [3, 4, 5, 6, 7, 8]  # a signature: no word of comments
