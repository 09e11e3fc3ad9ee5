"""The frame around a post, an answer or an article (cleaner/furniture/post_frame.py): each page
is shaped as a real site renders it (Discuz!/phpwind threads, WeChat's article frame, Baidu
Zhidao/Zhihu answers, Sina/Netease blog comments, a company's press room), with the article's
own prose around the frame words (签名, 回复, 原创, 其他回答), which must stay."""

import pytest

from cleaner.furniture.boilerplate import remove_furniture
from cleaner.furniture.features import Line
from cleaner.furniture.portals import load_words
from cleaner.furniture.post_frame import (action_row, badge_byline, collection_row, frame_line, guillemet_link, name_line,
                                          named_reply, post_action_row)

ACTIONS = load_words().actions

# An article's paragraphs (written for these tests): long, punctuated prose.
PROSE = [
    "今年春天，城郊的老茶园迎来了第一批采茶工。清晨五点，山坡上已经有人背着竹篓上山，露水打湿了裤脚，也打湿了刚冒头的新芽。",
    "茶园的主人老周说，这片茶树是他父亲在八十年代种下的，前些年因为人手不够荒了两季，去年才重新请人修剪、施肥，今年的长势明显好了不少。",
    "采下来的鲜叶要在当天送到村里的加工厂，摊晾、杀青、揉捻、烘干，每一道工序都要看天气和叶子的状态来定，急不得，也慢不得。",
    "加工厂的负责人介绍，今年的收购价比去年略高，但人工成本涨得更快，不少茶农开始尝试用小型采茶机，只是机器采的叶子碎，做不了高档茶。",
    "到了傍晚，山脚下的收购点排起了长队。称重、记账、付钱，一天的辛苦换来一沓现金，有人当场就给家里打电话报喜。",
    "老周盘算着，等茶季过了，再把山顶那片荒地开出来，种上新苗，三年以后就能采了。他说，只要肯下功夫，这片山总不会亏待人。",
]
TITLE = "城郊老茶园迎来采茶季"


def page_text(lines):
    return "\n".join(lines)


def kept(lines, title):
    return remove_furniture(page_text(lines), (), title=title).text


@pytest.mark.parametrize("row", ["回复 引用 举报 使用道具", "回复 | 引用 | 举报", "评分 回复 举报", "赞同 231 反对 评论 举报", "支持(3) 反对(0) 回复"])
def test_a_row_of_a_posts_actions(row):
    assert post_action_row(row, ACTIONS)


@pytest.mark.parametrize("row", ["分享 收藏 点赞", "分享到 微信 微博"])
def test_a_share_row_is_an_action_row_but_not_a_posts(row):
    assert not post_action_row(row, ACTIONS)


@pytest.mark.parametrize("row", ["回复他说的话", "我们回复了他的举报信", "回复：已经处理", "回复 引用 举报 使用道具 论坛 茶馆 首页 交友"])
def test_lines_that_are_no_action_row(row):
    assert not action_row(row, ACTIONS)


def test_badge_bylines_and_their_kin():
    assert badge_byline("原创 张小林 山城茶事 2023-04-18 07:30")
    assert badge_byline("原创 2019-11-02 王一一 城市笔记")
    assert badge_byline("转载 小茶 2023年4月18日")
    assert not badge_byline("原创作品大赛 2023-04-18 开幕")  # no badge alone at the start
    assert not badge_byline("原创 是一种态度,2023-04-18 我们这样说")  # a clause
    assert not badge_byline("市粮食局 今日粮仓 2023-10-09 18:30")  # names and a stamp: a blog's title has the form


def test_collection_rows():
    assert collection_row("收录于合集 #茶事 12个")
    assert collection_row("收录于话题 #乡村 #春茶")
    assert collection_row("#春茶 3篇")
    assert not collection_row("#春茶")  # one tag alone: a heading may be so
    assert not collection_row("我们用 #号标记重点,一共 12个")


def test_guillemet_links():
    assert guillemet_link("« 村里的加工厂扩建完成")
    assert guillemet_link("山顶荒地开垦计划启动 »")
    assert guillemet_link("« 村里的加工厂扩建完成 山顶荒地开垦计划启动 »")
    assert not guillemet_link("«他说：这片山不会亏待人。»")  # a quoted sentence


def line(text, **features):
    """A line as the model passes it: folded and NFKC (fullwidth colons and commas are ASCII)."""
    return Line(0, text, {"kv_filled": 0.0, "kv_empty": 0.0, **features})


def test_frame_lines_and_named_replies():
    assert frame_line(line("签名:茶香人自醉"))
    assert frame_line(line("个性签名:慢慢来"))
    assert not frame_line(line("来源:茶报", kv_filled=1.0))  # an article's own field
    assert not frame_line(line("签名仪式上，双方代表在协议上签了名，并交换了文本。"))
    assert named_reply(line("茶客小李:写得真好"))
    assert not named_reply(line("作者:老周", kv_filled=1.0))
    assert name_line("清风徐来") and name_line("茶客2019")
    assert not name_line("老周 说") and not name_line("好的,谢谢。")


# A Discuz! thread: the author column's name before the post, its signature, the post's buttons,
# then each reply's author, floor and stamp, text.
DISCUZ = [
    "山城论坛 登录 | 注册", "论坛首页 › 茶馆闲聊 › " + TITLE, TITLE, "茶客老周", "帖子 412", "积分 3021",
    "楼主 发表于 2023-04-18 09:26 | 只看该作者",
    *PROSE,
    "签名：茶香人自醉", "回复 引用 举报 使用道具",
    "小林子", "2# 发表于 2023-04-18 10:02", "写得真好，支持",
    "阿芳", "3# 发表于 2023-04-18 11:15", "下次带我去看看",
    "您需要登录后才可以回帖 登录 | 立即注册",
    "Copyright © 2023 山城论坛 版权所有",
]


def test_a_discuz_thread_loses_its_posts_frame():
    text = kept(DISCUZ, TITLE + " - 山城论坛")
    assert all(p in text for p in PROSE)
    for gone in ("茶客老周", "签名：茶香人自醉", "回复 引用 举报 使用道具", "小林子", "写得真好，支持"):
        assert gone not in text


def test_an_article_quoting_the_frame_words_keeps_them():
    # A report whose sentences say 签名, 回复, 原创 and 其他回答, and end with a share row (no post's action).
    quoted = [
        "签名：双方代表在协议上签字后，合作正式生效。",
        "回复：村委会对村民的提问逐条作了书面答复，并张贴在公告栏。",
        "原创 的茶歌由村里的老人口述、年轻人整理，已经在镇上的晚会上演唱过。",
        "其他回答里也有人提到，山顶的荒地需要先修路才能开垦。",
    ]
    lines = ["茶乡新闻网", TITLE, *PROSE[:3], *quoted, *PROSE[3:], "分享 收藏 点赞"]
    text = kept(lines, TITLE)
    assert all(q in text for q in quoted)
    assert all(p in text for p in PROSE)


# WeChat's article frame: the headline, the byline (badge, writer, account, time), the collection row.
WECHAT = [TITLE, "原创 张小林 山城茶事 2023-04-18 07:30", "收录于合集 #茶事 12个", *PROSE,
          "—— END ——", "编辑：王一一", "长按识别二维码，关注山城茶事"]


def test_a_wechat_copy_loses_its_byline_and_collection_row():
    text = kept(WECHAT, TITLE)
    assert all(p in text for p in PROSE)
    assert "原创 张小林" not in text
    assert "收录于合集" not in text


def test_a_byline_the_title_names_goes_too():
    # The page's title names the account, so the byline was read as the headline.
    text = kept(WECHAT[1:], TITLE + " - 山城茶事")
    assert "原创 张小林" not in text
    assert all(p in text for p in PROSE)


# A Zhidao-like page: the best answer, its buttons, the other answers as name：text lines.
ZHIDAO = [
    "百问社区 登录 | 注册", TITLE, "茶友 提问于 2023-04-10 2311人浏览 8个回答", "最佳答案", "老周 采纳率：98% 2023-04-11",
    *PROSE, "赞同 231 反对 评论 举报", "其他回答", "茶客小李：说得很详细，收藏了", "阿芳：我们村也是这样，谢谢分享", "山里人：学习了",
    "相关问题", "春茶什么时候采最好 2023-03-02", "Copyright © 2023 百问社区 版权所有",
]


def test_a_qa_page_loses_its_other_answers():
    text = kept(ZHIDAO, TITLE + "_百问社区")
    assert all(p in text for p in PROSE)
    for gone in ("茶客小李：说得很详细，收藏了", "阿芳：我们村也是这样，谢谢分享", "山里人：学习了"):
        assert gone not in text


def test_an_articles_own_key_value_lines_at_its_end_stay():
    # A profile's last section: key–value lines under a kept heading, no removed line above them.
    own = ["经历", "1995－2000年：在茶厂做学徒", "2001年至今：经营自家茶园"]
    lines = ["茶乡新闻网", TITLE, *PROSE, *own, "Copyright © 2023 茶乡新闻网 版权所有"]
    text = kept(lines, TITLE)
    assert all(o in text for o in own)


# A Sina blog: the comment list, each comment a name and a date over its text.
BLOG = [
    "新浪博客", "老周的博客", TITLE, "(2023-04-18 21:10) 标签：茶 随笔 分类：生活", *PROSE,
    "分享 阅读(1203) 评论(5) 收藏(2) 转载 喜欢▼", "前一篇：去年的秋茶", "后一篇：山顶的荒地",
    "评论", "茶客小李 2023-04-19", "写得真好，想去看看！", "阿芳 2023-04-20", "我家也种茶，辛苦但值得。",
    "老周", "访问：30211", "积分：1203", "博文归档", "2023年3月 2023年4月", "Copyright © 2023 新浪博客 版权所有",
]


def test_a_blogs_comment_texts_go_with_their_headers():
    text = kept(BLOG, TITLE + "_老周的博客_新浪博客")
    assert all(p in text for p in PROSE)
    assert "写得真好，想去看看！" not in text
    assert "我家也种茶，辛苦但值得。" not in text


# A company's press room: the prev/next links between guillemets, joined on one line.
COMPANY = ["山城茶业有限公司 登录 | 注册", "首页 / 新闻中心 / 公司新闻", TITLE, "2023-04-18", *PROSE,
           "« 加工厂扩建完成 山顶荒地开垦计划启动 »", "返回列表", "山城茶业有限公司 版权所有 © 2023"]


def test_a_press_rooms_prev_next_links_go():
    text = kept(COMPANY, TITLE + "_山城茶业有限公司")
    assert all(p in text for p in PROSE)
    assert "«" not in text


def test_a_signature_under_a_posts_closing_list_goes():
    # The post ends in a list of short rows (the body ends above them): the signature right above
    # the post's buttons still goes, the list stays.
    rows = ["1、采茶工的工钱按斤计算", "2、加工厂按等级收购"]
    lines = [*DISCUZ[:7], *PROSE, *rows, "签名：茶香人自醉", "回复 引用 举报 使用道具", *DISCUZ[-2:]]
    text = kept(lines, TITLE + " - 山城论坛")
    assert all(r in text for r in rows)
    assert "签名" not in text


def test_a_news_subheading_stays_over_comments_with_reply_buttons():
    # A news page's comments each carry 回复 举报: the short subheading under the headline is no
    # post's author (a comment's header with its date stands between the body and the buttons).
    lines = ["茶乡新闻网", TITLE, "春茶季见闻", *PROSE, "网友评论", "茶客小李 2023-04-19 10:02", "写得好", "回复 举报",
             "阿芳 2023-04-19 11:40", "想去看看", "回复 举报", "Copyright © 2023 茶乡新闻网 版权所有"]
    text = kept(lines, TITLE)
    assert "春茶季见闻" in text
    assert all(p in text for p in PROSE)


def test_an_articles_field_rows_under_a_removed_line_of_another_kind_stay():
    # A discography: each album's field rows (发行日期, 语言, 唱片公司) under its title row. A line
    # removed above them is no heading of replies: the rows are the article's.
    albums = []
    for k, name in enumerate(["春茶", "秋茶", "山歌"]):
        albums += [f"{k + 1}st\t第{k + 1}张正规专辑《{name}》", f"发行日期：200{k}年4月13日", "语言：韩语", "唱片公司：山城唱片", "曲目"]
    lines = ["茶乡新闻网", TITLE, *PROSE, "音乐作品", "正规专辑", *albums, "参考资料"]
    text = kept(lines, TITLE)
    assert text.count("语言：韩语") == 3 and text.count("唱片公司：山城唱片") == 3


# A phpwind thread: the author column (name, level, counters), the floor stamp, the post, its
# signature and buttons (顶端 is no action word of the lexicon), then a reply.
PHPWIND = ["茶友之家 - powered by phpwind", "茶友之家 -> 茶馆闲聊 -> " + TITLE, TITLE, "清风徐来", "级别: 论坛版主", "精华: 0", "发帖: 2051",
           "[楼 主] | Posted: 2008-03-05 10:21", *PROSE, "个性签名: 慢慢来，比较快", "顶端 回复 引用 举报",
           "小林子", "[1 楼] | Posted: 2008-03-05 11:02", "好文章，收藏了", "Powered by phpwind v7.5 © 2003-2010"]


def test_a_phpwind_thread_loses_its_posts_frame():
    text = kept(PHPWIND, TITLE + " - 茶友之家")
    assert all(p in text for p in PROSE)
    for gone in ("个性签名", "顶端 回复 引用 举报", "小林子"):
        assert gone not in text


def test_a_kept_dated_row_is_no_removed_comment_header():
    # A programme's dated rows the article's sentence introduces are kept (``keep``), not removed: the
    # short line under one is no comment's text. Read as removed headers, they took it (comment-text).
    from cleaner.furniture.features import line_features
    from cleaner.furniture.lexicon import load_lexicon
    from cleaner.furniture.post_frame import post_frame

    texts = [TITLE, *PROSE[:3], "活动当天的安排如下：", "2027-05-12 09:00 开幕", "2027-05-12 14:00 读书会", "欢迎参加"]
    scored = line_features(texts, list(range(len(texts))), load_lexicon())
    body = (1, 4)
    assert post_frame(scored, body, set(), ACTIONS, texts, keep={5, 6}) == []
    # Removed, the same rows are a comment list's headers and the short line under them its text.
    assert post_frame(scored, body, {5, 6}, ACTIONS, texts) == [(7, "comment-text")]
