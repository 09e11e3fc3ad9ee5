"""A dated heading over the article's first paragraph that its later paragraphs repeat (cleaner/furniture/dated_heads.py)."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.furniture.dated_heads import dated_heads

ENTRY = ("孩子们第一次见到这么大的雪，早读课上谁也坐不住，我索性带他们到操场上堆雪人，"
         "又在教室里讲了一堂关于雪花形状的课，放学时好几个孩子说这是他们最开心的一天。")
LATER = ("雪停了，山路结了冰，住得远的几个孩子没能来上学，我和村支书一早出门，"
         "挨家挨户送去作业和暖手宝，回来时天已经黑透，校舍的灯还亮着，等我们回去吃饭。")


def test_the_first_entry_s_heading_stays_when_a_later_entry_repeats_its_form():
    texts = ["支教日记", "作者：林晓", "2026年12月3日 星期四 小雪", ENTRY, "2026年12月5日 星期六 晴", LATER]
    prose = lambda pos: pos in (3, 5)  # noqa: E731
    assert dated_heads(texts, 0, 3, 5, prose) == {2}


def test_a_stamp_said_once_or_with_the_page_s_marks_is_not_an_entry_s_heading():
    prose = lambda pos: pos in (3, 5)  # noqa: E731
    # No later heading of the same form: a date said once over the body is the page's.
    assert dated_heads(["标题", "作者", "2026年12月3日 星期四", ENTRY, "后来", LATER], 0, 3, 5, prose) == set()
    # A time of day, a key's colon: the page's stamp, whatever follows.
    assert dated_heads(["标题", "作者", "2026年12月3日 10:20", ENTRY, "2026年12月5日 09:00", LATER], 0, 3, 5, prose) == set()
    assert dated_heads(["标题", "作者", "发布：2026年12月3日", ENTRY, "2026年12月5日 晴", LATER], 0, 3, 5, prose) == set()
    # Written another way (in figures, not in words), or the same day again: no series of entries.
    assert dated_heads(["标题", "作者", "2026-12-03", ENTRY, "2026年12月5日 晴", LATER], 0, 3, 5, prose) == set()
    assert dated_heads(["标题", "作者", "2026年12月3日", ENTRY, "2026年12月3日", LATER], 0, 3, 5, prose) == set()
    # The later heading over no prose is no entry's heading.
    assert dated_heads(["标题", "作者", "2026年12月3日", ENTRY, "2026年12月5日", "相关阅读"], 0, 3, 5, lambda pos: pos == 3) == set()


def test_a_diary_s_first_dated_heading_under_its_byline_stays():
    title = "支教日记：山里的第一场雪_散文_临川文学网"
    page = ["临川文学网 首页 小说 散文 诗歌 评论", "支教日记：山里的第一场雪", "作者：林晓 发布时间：2027-01-12 阅读：862",
            "2026年12月3日 星期四 小雪", ENTRY, "2026年12月5日 星期六 晴", LATER, "上一篇：乡村教师的一天", "下一篇：冬夜读书记"]
    out = Cleaner(to="keep").run("\n".join(page), title=title).text.split("\n")
    assert "2026年12月3日 星期四 小雪" in out and "2026年12月5日 星期六 晴" in out, out
    assert "作者：林晓 发布时间：2027-01-12 阅读：862" not in out and "上一篇：乡村教师的一天" not in out, out
