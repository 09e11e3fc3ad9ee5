"""A comment thread starts at a post, not at one line of its own form (cleaner/furniture/threads.py)."""

from cleaner.furniture.body import thread_start
from cleaner.furniture.threads import shaped

POSTS = ["网友 小李 2024-03-05 10:21", "写得太好了,支持一下!", "网友 老王 2024-03-05 11:02", "这个观点我不同意。",
         "网友 匿名 2024-03-05 12:45", "转发了,大家都来看看。"]


def flags(texts, flagged):
    return [text in flagged for text in texts]


def test_a_header_of_its_own_form_leading_the_row_starts_no_thread():
    # An article's subheading holding a header word (举报), its paragraphs, the comments heading, three posts.
    texts = ["举报者“查无此人”", *[f"第{k}段正文。" for k in range(8)], "网友评论", *POSTS]
    stamps = flags(texts, {"举报者“查无此人”", "网友评论", POSTS[0], POSTS[2], POSTS[4]})
    timed = flags(texts, {POSTS[0], POSTS[2], POSTS[4]})
    assert thread_start(stamps, 3) == 0
    assert thread_start(shaped(stamps, texts, timed), 3) == texts.index(POSTS[0])


def test_headers_of_one_form_and_timed_stamps_lead_a_thread():
    # Headers without times repeat under every post: the first of them starts the thread.
    texts = ["网友 老街坊 回复", "装上了,方便多了。", "网友 小区业主 回复", "意见很大。", "网友 路过 回复", "希望快一点。"]
    stamps = [k % 2 == 0 for k in range(len(texts))]
    assert shaped(stamps, texts, [False] * len(texts)) == stamps
    # The first post's stamp (楼主, a form of its own) carries a time: it is a post's.
    texts = ["楼主 发表于 2024-03-05 10:21 只看该作者", "正文。", *POSTS]
    stamps = [True, False, True, False, True, False, True, False]
    assert shaped(stamps, texts, stamps) == stamps


def test_a_row_of_lines_none_sharing_a_form_is_left_as_it_is():
    texts = ["回复本帖", "正文。", "网友评论", "正文。", "举报"]
    stamps = [True, False, True, False, True]
    assert shaped(stamps, texts, [False] * len(texts)) == stamps
