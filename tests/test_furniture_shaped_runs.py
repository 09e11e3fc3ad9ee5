"""The article's run of like lines between its headline and its body (cleaner/furniture/shaped_runs.py)."""

from cleaner import Cleaner
from cleaner.furniture.shaped_runs import grow_over_runs, shape, shaped_runs

PROSE = ("秋天的河水比夏天清了许多，诗人在这首短诗里写下童年记忆中的村口、母亲和清晨的槌声，"
         "读来朴素而动人，也写出了离乡多年的人对故土的怀念。")


def test_shapes_of_a_line():
    assert shape("记者:您每天几点出诊?") == "label"  # lines come folded and NFKC (full-width colons ASCII)
    assert shape("一等奖:《渔港晨曦》 张海峰") == "label"
    assert shape("【主持人】当初为什么选择回乡？") == "mark"
    assert shape("秃黄油拌面 68元") == "spaced"
    assert shape("弯弯地绕过村口") == "plain"
    # A record's key is a byline's, and a line with punctuation or digits alone is no poem's line.
    assert shape("来源:滨城文化馆") is None
    assert shape("写得真好，想家了") is None
    assert shape("甲" * 61) is None


def test_runs_of_one_shape():
    texts = ["弯弯地绕过村口", "母亲在岸边洗衣", "槌声一下一下", "记者:您好", "王医生:你好"]
    every = lambda pos: True  # noqa: E731
    assert shaped_runs(texts, every) == [(0, 2)]  # two labels are no run
    assert shaped_runs(texts, lambda pos: pos != 1) == []  # a line that does not fit breaks it


POEM = ["弯弯地绕过村口", "母亲在岸边洗衣", "槌声一下一下", "敲醒了清晨的雾"]


def test_the_body_grows_up_over_a_run_under_the_headline():
    texts = ["首页 诗歌", "故乡的河", "作者:林间月 2026-08-14", *POEM, PROSE, "网友评论"]
    fits = lambda pos: pos != 2  # noqa: E731  (the byline has a date and a key)
    assert grow_over_runs(texts, 7, 7, fits, 1) == 3
    # No headline the title names: the run may be a menu's items above the article's top.
    assert grow_over_runs(texts, 7, 7, fits, -1) == 7
    # Furniture between the run and the body (a pager) keeps them apart.
    pager = ["故乡的河", *POEM, "< 上一张 3/8 下一张 >", "全屏浏览", "查看原图", PROSE]
    assert grow_over_runs(pager, 8, 8, lambda pos: pos not in (5, 6, 7), 0) == 8
    # A line a rule took between them (taken right above the body's first line) parts them too.
    assert grow_over_runs(texts, 7, 7, fits, 1, lambda pos: pos == 7) == 7


PAGE_POEM = f"""青禾文学网 首页 小说 散文 诗歌 评论 投稿 登录
首页 > 诗歌 > 正文
原创诗歌：故乡的河
作者：林间月 发表于 2026-08-14 21:06 阅读 326 评论 4
故乡的河
弯弯地绕过村口
母亲在岸边洗衣
槌声一下一下
敲醒了清晨的雾
后来我去了远方
河还在那里流
{PROSE}
赞(18) 收藏 分享
作者其他作品
秋天的信 2026-07-30
青禾文学网 版权所有"""

PAGE_RESULTS = f"""臺中市政府運動局 首頁 | 本局簡介 | 新聞稿 | 場館資訊 | 無障礙
首頁 > 新聞稿
115年度全民運動會成績公報
發布日期：115-10-30 發布單位： 點閱數：
田徑男子組100公尺 第一名 北屯區 林冠宇 10秒85
田徑女子組100公尺 第一名 西屯區 蔡宜芳 12秒31
游泳男子組50公尺自由式 第一名 南屯區 許哲維 24秒02
{PROSE}
相關連結
115年度全民運動會競賽規程 115-08-01
臺中市政府運動局 版權所有"""


def _kept(page: str, title: str) -> list[str]:
    return Cleaner(to="keep").run(page, details=False, title=title).text.splitlines()


def test_a_poem_over_its_comment_stays_and_the_byline_goes():
    kept = _kept(PAGE_POEM, "原创诗歌：故乡的河_诗歌_青禾文学网")
    assert all(line in kept for line in PAGE_POEM.splitlines()[4:11])
    assert "作者：林间月 发表于 2026-08-14 21:06 阅读 326 评论 4" not in kept


def test_result_lines_over_the_text_stay():
    kept = _kept(PAGE_RESULTS, "115年度全民運動會成績公報_新聞稿_臺中市政府運動局")
    assert all(line in kept for line in PAGE_RESULTS.splitlines()[4:7])
    assert "首頁 > 新聞稿" not in kept
