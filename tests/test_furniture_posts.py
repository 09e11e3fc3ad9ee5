"""Pages of several posts (cleaner/furniture/posts.py): which post is the article, and the pages
where nothing may go (no title, a title that names nothing, an article's own dated lines)."""

from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import _prose, load_words
from cleaner.furniture.posts import TEASER_CHARS, other_posts

FIRST = ["秋收以后的田埂", "2023-10-21 20:31",
         "稻子收完以后，田里只剩下整整齐齐的稻茬，田埂上的野菊花反倒开得正好，黄灿灿的一片，风一吹就往一边倒。",
         "阅读(215) | 评论(3) | 分享 | 转载"]
SECOND = ["给孙女做的木头小马", "2023-10-15 09:12",
          "孙女下个月过生日，我翻出家里剩下的几块松木板，照着画册上的样子锯了一匹小马，打磨了整整三个下午。",
          "阅读(188) | 评论(5) | 分享 | 转载"]
THIRD = ["读《菜根谭》的一点体会", "2023-10-08 16:47",
         "年轻的时候读不进去，觉得都是些老生常谈，如今再读，才知道每一句都是过来人的话，说得平淡，却句句在理。",
         "阅读(302) | 评论(11) | 分享 | 转载"]
PAGE = ["老周的博客 | 首页 | 日志 | 相册", *FIRST, *SECOND, *THIRD, "Copyright © 2023 老周的博客"]


def found(page: list[str], title: str | None) -> dict[int, str]:
    texts = [normalise(fold_line(line)) for line in page]
    return dict(other_posts(texts, [_prose(t) for t in texts], fold_line(title) if title else None, load_words().post_stamp))


def test_a_blog_titled_by_its_name_keeps_its_first_post():
    out = found(PAGE, "老周的博客 - blog.example.cn")
    first = PAGE.index(FIRST[-1])
    assert out[first] == "post-row"  # the article's own stamp row is of the furniture form
    assert sorted(p for p, f in out.items() if f == "other-post") == list(range(first + 1, first + 1 + len(SECOND) + len(THIRD)))


def test_a_title_naming_a_post_keeps_that_post():
    out = found(PAGE, "给孙女做的木头小马_老周的博客")
    second = range(PAGE.index(SECOND[0]), PAGE.index(SECOND[-1]))
    assert not set(second) & set(out)
    assert PAGE.index(FIRST[0]) in out and PAGE.index(THIRD[2]) in out
    assert out[PAGE.index(SECOND[-1])] == "post-row"


def test_unsure_which_post_nothing_goes():
    assert found(PAGE, None) == {}
    assert found(PAGE, "秋天的日子") == {}  # a title that names no post and no blog
    # Two posts named: no one article.
    assert found([*PAGE[:-1], *FIRST, PAGE[-1]], "秋收以后的田埂 - 老周的博客") == {}


def test_rows_that_open_their_posts_are_no_closing_rows():
    # Header rows over their posts' text: read as closing rows they would cut every post one off.
    page = ["老周的博客", *[line for post in (FIRST, SECOND, THIRD) for line in (post[0], post[3], post[2])]]
    assert found(page, "老周的博客 - blog.example.cn") == {}


def test_rows_over_stretches_without_prose_are_a_programme():
    # A conference programme: each session's row over its list of talks (no prose), one
    # session's chair of the institute the title names.
    talks = ["(1a) 微观经济学", "地点：第二教学楼201", "主席：刘文（北京大学经济研究中心）", "张三（南开大学）企业价值研究"]
    page = ["会议议程", "本届年会共设二十三个专题，十一个分会场，每篇文章发言十到十五分钟，评论五分钟。",
            "第一场：12月11日下午1:30-3:30", *talks, "第二场：12月11日下午3:45-5:45", *[t.replace("刘文（北京大学经济研究中心）", "王武（复旦大学）") for t in talks[:3]], "李四（复旦大学）财政分权研究",
            "会场提供茶歇，请与会代表提前十分钟入场，发言人请提前将幻灯片交给会务组。", "第三场：12月12日上午9:00-11:00"]
    assert found(page, "年会秘书处_北京大学经济研究中心") == {}


def test_an_articles_sections_closed_by_timed_captions_stay():
    # A photo essay: each section closed by its picture's caption with a date and a time, no
    # stamp word; the title names the article's headline, which heads the first "post".
    page = ["城里的三座湿地公园",
            "这个春天，城里新开了三座湿地公园，周末去走了一圈，每一座都有自己的样子，值得慢慢看。", "图：城东公园 2024-03-01 10:20",
            "城西湿地", "城西湿地原来是一片鱼塘，改造以后保留了水面和芦苇，木栈道沿着水边绕了一大圈。", "图：城西湿地 2024-03-02 11:05",
            "北郊湿地", "北郊湿地最大，适合骑车，路边每隔一段就有一个观鸟屋，能看到白鹭和野鸭。", "图：北郊湿地 2024-03-03 12:10"]
    assert found(page, "城里的三座湿地公园_城市周刊") == {}


def test_one_days_stamps_are_a_live_reports_updates():
    page = ["直播间", *FIRST, *[line.replace("2023-10-15", "2023-10-21") for line in SECOND]]
    rows = [line.replace("阅读(215)", "2023-10-21 20:31 阅读(215)").replace("阅读(188)", "2023-10-21 21:02 阅读(188)") for line in page]
    assert found(rows, "直播间 - live.example.cn") == {}


PIECES = ["分享到： 微信 微博 QQ空间",
          "雨中的旧书店", "书店开在一条窄巷子里，门口没有招牌，只挂着一盏旧灯笼，老板是个退休的语文老师，他说开书店不为赚钱。",
          "2024-02-26 · 阅读 2.1万",
          "母亲的针线筐", "针线筐是外婆传下来的，竹篾编的，用了几十年，边缘已经磨得发亮，里面装着顶针、线团和各色纽扣。",
          "2024-02-12 · 阅读 1.8万"]
ARTICLE = ["一座城市的记忆从哪里开始",
           "天还没亮，巷子口的豆浆店已经点起了灯，老板把一锅黄豆倒进石磨，磨盘转起来的声音，是这条街上最早的声音。",
           "接着是菜市场的卡车、送报的机车和赶早班的公车，一样一样把城市叫醒，等到太阳升起来，街上已经满是人了。"]


def test_pieces_listed_under_the_named_article_go():
    out = found([*ARTICLE, *PIECES], "一座城市的记忆从哪里开始_青灯专栏")
    assert set(out) == set(range(len(ARTICLE), len(ARTICLE) + len(PIECES)))
    assert set(out.values()) == {"other-post"}


def test_pieces_listed_under_the_named_article_go_when_the_title_names_the_site_too():
    # A forum's title carries the board and the site's name (论坛) besides the thread's headline:
    # the headline named above the posts decides, not the site's name (which would keep the first).
    out = found([*ARTICLE, *PIECES], "一座城市的记忆从哪里开始-城市记忆-青灯论坛")
    assert set(out) == set(range(len(ARTICLE), len(ARTICLE) + len(PIECES)))
    assert set(out.values()) == {"other-post"}


def test_keeps_an_articles_last_sections_closed_by_stamp_words():
    # The article's prose runs straight into the first "post": its sections, not listed pieces.
    assert found([*ARTICLE, *PIECES[1:]], "一座城市的记忆从哪里开始_青灯专栏") == {}
    # No article prose between the named headline and the pieces: the pieces may be the article.
    assert found([ARTICLE[0], *PIECES], "一座城市的记忆从哪里开始_青灯专栏") == {}
    # A summary longer than a teaser's (TEASER_CHARS): a post, not a piece listed.
    assert len(PIECES[2] * 9) > TEASER_CHARS
    long = [*PIECES[:2], PIECES[2] * 9, *PIECES[3:]]
    assert found([*ARTICLE, *long], "一座城市的记忆从哪里开始_青灯专栏") == {}


def test_a_diarys_numbered_entries_with_stamp_words_stay():
    page = ["山中读书日记", "一、上山", "清早坐第一班车进山，住进半山腰的一间木屋，屋里只有一张床、一张桌子和一个书架，窗外就是竹林。",
            "（5月1日 晴 阅读3小时 评论两篇）", "二、雨天", "下了一整天的雨，哪里也去不了，就在窗前把带来的两本书读完了，雨声很好听。",
            "（5月2日 雨 阅读6小时 评论一篇）", "三、下山", "收拾行李的时候才发现，带来的书都读完了，笔记本却写满了，明年还要再来。",
            "（5月3日 阴 阅读1小时 评论三篇）"]
    assert found(page, "老周的博客 - blog.example.cn") == {}


def test_the_page_loses_the_other_posts_as_steps():
    removal = remove_furniture("\n".join(PAGE), (), title="老周的博客 - blog.example.cn")
    assert removal.counts["generic/other-post"] == len(SECOND) + len(THIRD)
    assert all(line in removal.text for line in FIRST[::2])
    assert not any(line in removal.text for line in SECOND + THIRD)
    assert any("generic/other-post: " + SECOND[2] in f.detail for f in removal.findings)
