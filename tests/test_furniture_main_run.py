"""main_run.py: a thread's stamp or an end marker ends no body above the page's main prose."""

from cleaner import Cleaner
from cleaner.furniture.main_run import main_run_below, paragraphs

PENALTY, CAP = 20.0, 400


def run(lines, body):
    """``lines``: (length, prose, paragraph, barrier, stamp, post) of each line."""
    cols = list(zip(*lines))
    return main_run_below(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], body, PENALTY, CAP)


TITLE = (40, True, False, False, False, False)  # a title punctuated as a sentence
PARAGRAPH = (150, True, True, False, False, False)
HEADING = (4, False, False, True, False, False)  # 最新评论: a barrier
STAMP = (20, False, False, True, True, True)  # 作者：… 时间：2005-08-22 19:13:18
HEADER = (10, False, False, False, True, False)  # 网友 张三 回复: a comment header, no post stamp


def test_the_main_prose_below_titles_is_found():
    page = [TITLE, TITLE, HEADING, STAMP, PARAGRAPH, PARAGRAPH]
    assert run(page, (0, 1)) == 4


def test_a_body_with_a_paragraph_yields_only_to_a_run_that_dwarfs_it():
    page = [PARAGRAPH, HEADING, PARAGRAPH, PARAGRAPH]  # a long comment under a short article
    assert run(page, (0, 0)) == -1
    page = [PARAGRAPH, HEADING] + [PARAGRAPH] * 5  # five paragraphs under one: that is the article
    assert run(page, (0, 0)) == 2


def test_posts_and_later_pieces_never_count():
    assert run([TITLE, TITLE, HEADING, PARAGRAPH, HEADER, PARAGRAPH, PARAGRAPH], (0, 1)) == -1  # a header in the run: a thread
    assert run([TITLE, TITLE, STAMP, (60, True, False, False, False, False), STAMP, PARAGRAPH, PARAGRAPH], (0, 1)) == -1  # a later entry
    assert run([TITLE, TITLE, HEADER, HEADER, STAMP, PARAGRAPH, PARAGRAPH], (0, 1)) == 5  # headers of a sidebar box: no pieces
    assert run([TITLE, TITLE, HEADING, (60, True, False, False, False, False)] * 2, (0, 1)) == -1  # no paragraph below


def test_one_huge_comment_counts_as_capped():
    page = [TITLE, TITLE, HEADING, STAMP, (3000, True, True, False, False, False)]
    assert run(page, (0, 1)) == 4
    page = [TITLE, TITLE, PARAGRAPH, HEADING, STAMP, (3000, True, True, False, False, False)]  # 230 characters with a paragraph
    assert run(page, (0, 2)) == -1  # a comment of 3,000 counts 400: no four times the article


def test_a_paragraph_the_dump_wrapped_is_a_paragraph():
    wrapped = ["导游的收入很大一部分来自购物的回扣，这是业内的行规，境内游境外游都是这样的。", "以国内游为例，回扣一般在购物额的10%左右，个别的会50%，像字画等等，所以一定要看清楚合同。"]
    texts = ["主题：", *wrapped, "作者：张三 时间：2005-08-22 19:13:18", *wrapped[:1]]
    prose = [False, True, True, True, True]
    barriers = [False, False, False, True, False]
    assert paragraphs(texts, prose, barriers, [False] * 5) == [False, True, True, False, False]  # a stamp joins no paragraph


# A blog's page as a text dump: the sidebar's titles, its 最新评论 box, then the entry under its stamp.
SIDEBAR = """洞庭一叶的博客
首页 | 日志 | 相册 | 留言板
日志更新
蒋百里，一个令日本陆军尴尬的中国传奇，基辛格：周恩来印象
开国将帅籍贯分布，陈昌浩为何没有成为元帅，黄埔三杰的不同命运，北大成就了毛泽东什么？考研圣地北大漂流历程
最新评论
回复：岳麓书院历代山长
回复：在理科生面前炫耀
链接
汉网
岳麓书院
发表于 2005-9-15 11:46:00
陈天华《警世钟》
"""
ARTICLE = [
    "长梦千年何日醒，睡乡谁遣警钟鸣？腥风血雨难为我，好个江山忍送人！万丈风潮大逼人，腥膻满地血如糜。一腔无限同舟痛，献与同胞侧耳听。这几句诗写的是当时的情形，读来令人感慨万分，久久不能平静。",
    "苦呀！苦呀！我们同胞辛苦所积的银钱产业，一齐要被洋人夺去；我们同胞恩爱的妻儿老小，活活要被洋人拆散。男男女女们，父子兄弟们，都要受这般苦楚，真是苦不堪言，叫人如何忍受得了。",
    "恨的是满洲政府不早变法。你看洋人这么样强，这么样富，难道生来就是这么样吗？他们都是从近二百年来做出来的。莫讲欧美各国，就是日本也是如此。",
    "中国有些人，瓜分的利害全然不知，一丝儿不怕；有些人知道瓜分的利益，天天怕各国瓜分中国。我只怕各国不实行瓜分，倘若实行瓜分了，中国或者倒能有望。",
    "醒来！醒来！快快醒来！不要睡的像死人一般。同胞！同胞！我知道我所最亲最爱的同胞，不过从前深处黑暗，没有闻过这等道理。一经闻过，这爱国的心就会生出来。",
]
FOOT = "发表评论\n昵称：\nCopyright © 2006 example.com\n"


def test_the_entry_below_a_sidebars_comment_box_stays():
    out = Cleaner().run(SIDEBAR + "\n".join(ARTICLE) + "\n" + FOOT).text
    for paragraph in ARTICLE:
        assert paragraph in out
    assert "example.com" not in out and "昵称" not in out


# A short news article over a thread of longer posts: the thread stays below the article.
NEWS = """本报讯 为确保困难群众温暖过冬，市民政局近日启动冬季救助专项行动，对全市低保家庭开展走访排查，重点关注独居老人和重病患者。
专项行动将持续到明年三月，各区将设立临时救助服务点，群众可就近申请，当天即可领取救助金。
网友评论
"""
POSTS = [
    "网友 张三 2023-11-20 08:15:32",
    "这个行动很好，我们小区就有好几位独居老人，冬天取暖一直是个大问题。希望工作人员能真正走进每一户人家，看看他们的实际困难，而不是走个过场。去年就有人说要来，结果一直没有消息，大家都很失望。",
    "网友 李四 2023-11-20 09:02:11",
    "救助金当天领取这一条很实在。以前申请要跑好几个部门，材料交了一次又一次，老人根本跑不动。现在能就近办理，真是方便了不少。希望其他城市也能学一学这种做法，让更多困难群众受益。",
    "网友 王五 2023-11-20 10:45:09",
    "建议把救助范围再扩大一些，有些家庭虽然不是低保户，但是收入也很低，冬天的日子同样难过。政策能不能再细化一点，让真正需要帮助的人都能得到帮助，这才是民生工作应有的样子。",
]


def test_a_thread_of_longer_posts_stays_below_a_short_article():
    out = Cleaner().run(NEWS + "\n".join(POSTS) + "\n").text
    assert "本报讯" in out
    assert "救助金当天领取这一条很实在" not in out
