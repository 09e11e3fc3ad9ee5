"""Lines whose form alone marks them as furniture (cleaner/furniture/forms.py), and the forced
families they make in the generic model (generic.forced)."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.furniture import generic
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import normalise
from cleaner.furniture.forms import blog_name, caption, consent, counted_row, imprint, nav_row, prompt, quote, rule_line, source_line, stats, title_row
from cleaner.furniture.portals import form, load_words
from cleaner.furniture.lexicon import load_lexicon


def norm(text: str) -> str:
    return normalise(fold_line(text))


@pytest.mark.parametrize("line", ["京ICP备05013524号", "豫公网安备 41070202000123号", "政府网站标识码：1500000001",
                                  "西藏日报社出版|国内统一刊号：CN54—0002|邮发代号：67—1", "互联网新闻信息服务许可证编号：53120170001"])
def test_registration_numbers_are_a_sites_imprint(line):
    assert imprint(norm(line))


@pytest.mark.parametrize("line", ["网站建设要注重用户体验。", "本刊由某某出版社出版。"])
def test_imprint_needs_a_registration_number(line):
    assert not imprint(norm(line))


@pytest.mark.parametrize("line", ["粉丝：23 文章：11", "积分: 1350", "能力值:545803", "積分：1,350 帖子：35", "浏览次数：12345次",
                                  "编辑次数：5次 浏览：3021人次"])
def test_counters_alone_are_a_profile_box(line):
    assert stats(norm(line))


@pytest.mark.parametrize("line", ["比分：3比1", "得分：98分", "北京国安 2", "第3页", "音频 04:29", "人口：约1200万人，面积：12平方公里",
                                  "人口：1200人", "面积：12万", "服务热线：96800", "客服電話：95598", "邮编：650223"])
def test_a_counter_needs_a_key_a_colon_and_a_bare_number(line):
    assert not stats(norm(line))


@pytest.mark.parametrize("line", ["------", "==========", "＊＊＊＊", "━━━━━", "- - - -", "————————"])
def test_a_drawn_rule_is_a_rule_line(line):
    assert rule_line(norm(line))


@pytest.mark.parametrize("line", ["……", "——", "--", "-- 完 --", "*注：数据截至去年底"])
def test_an_ellipsis_or_a_dash_in_text_is_no_rule(line):
    assert not rule_line(norm(line))


@pytest.mark.parametrize("line", ["来源：新华网", "（来源：南方都市报）", "文：眉间尺", "转自：北京科技报", "作者： 罗银胜", "來源：中央社",
                                  "转自《北京科技报》", "译： Chen Bin",
                                  "資料來源：農糧署", "本篇文章来源于：新华网"])
def test_a_short_credit_is_a_source_line(line):
    assert source_line(norm(line))


@pytest.mark.parametrize("line", ["来源：据新华社报道，今年全市粮食产量再创新高，达到历史最好水平。", "消息来源：不明",
                                  "图：北京天安门广场上的人群", "原文：见附件", "转自《北京科技报》的一篇报道",
                                  "译文：见下"])
def test_a_source_line_is_short_and_opens_with_its_key(line):
    assert not source_line(norm(line))


def test_a_row_with_a_furniture_label_among_titles_is_navigation():
    lexicon = load_lexicon()
    is_label = lambda item: generic._is_label(item, lexicon)  # noqa: E731
    assert nav_row(norm("孩子，夏令营让你得到了什么？ | 回首页 | 2005年索引 | 浴室都安全吗？"), is_label)
    assert nav_row(norm("城南新開的書店 | 回首頁 | 返回列表 | 秋天去哪裏看紅葉"), is_label)
    assert not nav_row(norm("北京 | 上海 | 广州"), is_label)  # no label: a list of cities
    assert not nav_row(norm("孩子的作文 | 回首页"), is_label)  # one separator


@pytest.mark.parametrize("removed, candidate, expected", [
    ([True, False, True], [False, True, False], [1]),
    ([True, False, False, False, True], [False, True, True, True, False], [1, 2, 3]),
    ([True, False, False, False, False, True], [False, True, True, True, True, False], []),  # a run too long
    ([False, False, True], [False, True, False], []),  # the article (not removed) above it
    ([True, False, False], [False, True, True], []),  # nothing removed below
    ([True, False, True], [False, False, False], []),  # not a candidate (protected, inside the body, near the top)
])
def test_lines_between_furniture_go_with_it(removed, candidate, expected):
    assert generic.between(removed, candidate) == expected


@pytest.mark.parametrize("removed, candidate, taken, expected", [
    # A photo credit a portal family took stood right above the tag row, a share row the model
    # removed right below it (session 17: the run had no removed line above, and stayed).
    ([False, False, True], [False, True, False], [False, True, False], [1]),
    ([True, False, False], [False, True, False], [False, False, True], [1]),  # taken right below it
    ([False, False, False], [False, True, False], [False, True, False], []),  # nothing removed below
    ([True, False, False, True], [False, True, True, False], [False, False, True, False], [1, 2]),  # both sides gone
])
def test_lines_taken_before_judging_count_as_removed_neighbours(removed, candidate, taken, expected):
    assert generic.between(removed, candidate, taken) == expected


@pytest.mark.parametrize("line", ["相關新聞 Related", "網站地圖 Sitemap", "关于我们 About Us"])
def test_a_label_with_its_english_gloss_is_a_label(line):
    assert generic.label_cover(norm(line), load_lexicon()) >= generic.FORCED_COVER


@pytest.mark.parametrize("line", ["立即捐款", "單次奉獻 定期定額 ATM轉帳", "我要捐赠"])
def test_a_sites_call_for_donations_is_a_label(line):
    # A non-profit newsroom's or a church paper's buttons under the article (the lexicon's donate).
    assert generic.label_cover(norm(line), load_lexicon()) >= generic.FORCED_COVER


@pytest.mark.parametrize("line", ["市民踊跃捐款", "捐款支援灾区", "奉献爱心"])
def test_a_headline_about_donations_is_no_label(line):
    assert generic.label_cover(norm(line), load_lexicon()) < generic.FORCED_COVER


@pytest.mark.parametrize("line", ["苹果发布 iPhone", "Apple 推出新款 iPad"])
def test_a_headline_with_english_words_is_no_label(line):
    assert generic.label_cover(norm(line), load_lexicon()) < generic.FORCED_COVER


def test_between_never_takes_the_headline_zone_or_the_body():
    lexicon = load_lexicon()
    lines = generic.line_features([norm(t) for t in ["标题", "正文。"]], [0, 1], lexicon)
    body = (10, 20)
    assert not generic.between_candidate(lines[0], 5, body)  # within HEADLINE_REACH above the body
    assert not generic.between_candidate(lines[0], 12, body)  # inside the body
    assert generic.between_candidate(lines[0], 1, body) and generic.between_candidate(lines[0], 25, body)


def _headed(texts: list[str], gap_after_headline: bool) -> tuple[list, list[str]]:
    """Scored lines of ``texts`` (the first the headline) and the page's folded lines, with a line
    taken before judging right under the headline when ``gap_after_headline``."""
    folded = [norm(texts[0])] + ([norm("收藏 | 分享")] if gap_after_headline else []) + [norm(t) for t in texts[1:]]
    alive = [i for i in range(len(folded)) if not (gap_after_headline and i == 1)]
    lines = generic.line_features(folded, alive, load_lexicon())
    lines[0].features["headline"] = 1.0
    return lines, folded


@pytest.mark.parametrize("title, expected", [
    ("清蒸鲈鱼的做法_小灶菜谱", True),
    ("澳门特别行政区政府入口网站", False),  # a title of one part may be the site's name, its banner the 'headline'
    ("山居笔记的博客_网易博客", False),  # a blog's name: its posts' titles stand under it
    (None, False),
])
def test_an_articles_headline_is_one_its_title_names(title, expected):
    lines, _ = _headed(["清蒸鲈鱼", "巷口的厨娘", "清蒸鲈鱼是一道家常菜，做法简单，味道鲜美。"], False)
    assert generic.article_headline(lines, 0, title) is expected


@pytest.mark.parametrize("stamp, goes", [
    ("旅人小周 某某科技大学 2024年5月3日 16:42", True),  # a writer, a school, a date and a time: the byline
    ("發布 2024.01.08 | 10:25", False),  # a date line and nothing else (a key, a bar): kept, as hand copies keep it
    ("2022-02-13 23:37", False),
    ("旅人小周 2024年5月3日", False),  # no time: no stamp
    # The article's own dates (review28a): an event's time, a span of times, a news dateline.
    ("活动时间：2024年5月18日 14:00", False),
    ("停电时间：2024年5月8日 8:00-18:00", False),
    ("四级考试：2024年6月15日 9:00-11:20", False),
    ("本报北京5月3日电 记者 王敏 2024年5月3日 16:42", False),
    ("发布时间：2024年5月3日 16:42 来源：某某网", True),  # the page's own time: a byline
    ("播出时间：2026-09-18 20:00 主持人：小雅", True),  # several fields: a byline, whatever its first key
])
def test_a_stamp_with_names_under_the_headline_is_its_byline(stamp, goes):
    lines, _ = _headed(["第一次一个人去大阪自助旅行", stamp, "出发前我在这个板上看了很多文章，所以回来也想分享经验。"], False)
    assert generic.zone_stamps(lines, (2, 2), 0, set()) == ([1] if goes else [])
    assert generic.zone_stamps(lines, (2, 2), -1, set()) == []  # no headline of the article's title named


@pytest.mark.parametrize("line", ["点击此处查询全部房产投资新闻", "点击看大图", "请点击这里订阅", "點擊查看原文",
                                  # a pointer to the site's channel, a call to subscribe to a publication
                                  "更多房市新聞請上好房網News", "更多精彩内容请关注本报微信公众号", "免费订阅《高端阅读》", "订阅联合早报精选内容"])
def test_a_call_to_click_is_a_prompt(line):
    assert prompt(norm(line))


@pytest.mark.parametrize("line", ["点击鼠标右键即可保存。", "点击率达到了百万", "点击此处即可查看全部内容。",
                                  "订阅经济兴起", "订阅制会员越来越多", "更多的人请求帮助", "更多细节请见下文。",
                                  "更多招生信息请访问学校官网"])  # what the article is about, not the site's pieces
def test_a_sentence_about_clicking_is_no_prompt(line):
    assert not prompt(norm(line))


@pytest.mark.parametrize("line", ["扫码关注东湖文旅公众号", "長按識別二維碼下載APP", "微信扫一扫加入读者群", "立即下载",
                                  "马上预约试听课", "一键安装", "立即购买全套教材"])
def test_a_call_to_act_on_the_sites_offer_is_a_prompt(line):
    assert prompt(norm(line))


@pytest.mark.parametrize("line", ["扫码支付已成为主流。", "立即下载并安装最新补丁，以免数据丢失。", "扫码率逐年上升",
                                  "立即停止使用该药品", "马上就到春节了", "一键启动的功能很实用",
                                  "立即报名参加马拉松的人数超过十万", "马上注册公司需要哪些材料"])
def test_a_sentence_or_a_headline_of_those_words_is_no_prompt(line):
    assert not prompt(norm(line))


@pytest.mark.parametrize("line", ["标签：健身步道 城市公园 全民健身", "关键词: 医改, 医保", "Tags: 旅行 川西", "關鍵字：颱風 停課"])
def test_a_line_of_tags_is_tags(line):
    # Tag rows are a portal form (portals.py, keys from the lexicon's [portals] tags), folded to
    # Simplified as the pipeline folds a page before its furniture is judged.
    assert form(_folded(line), load_words()) == "tags"


@pytest.mark.parametrize("line", ["标签：这是一个例子。", "给孩子贴标签的做法并不可取", "关键词是“稳”。"])
def test_a_sentence_about_tags_is_no_tag_line(line):
    assert form(_folded(line), load_words()) != "tags"


def _folded(line: str) -> str:
    from cleaner.furniture.boilerplate import fold_page

    return norm(fold_page(line))


@pytest.mark.parametrize("line", ["阿明的博客", "小周的空间", "海风的部落格", "bjreader的博客"])
def test_a_blogs_name_alone_is_a_blog_name(line):
    assert blog_name(norm(line))


@pytest.mark.parametrize("line", ["我为什么关掉了自己的博客", "博客的兴起改变了新闻业。", "阿明的博客文章被转载了上万次"])
def test_a_sentence_about_a_blog_is_no_blog_name(line):
    assert not blog_name(norm(line))


def test_a_numbered_section_heading_is_no_headline():
    # A policy explainer whose first section heading stands right above its first paragraph: the
    # headline above it stays (it was taken for a line of the page's head).
    from cleaner import Cleaner

    text = "\n".join(["首页 > 政务公开 > 政策解读", "《关于促进中小企业发展的若干措施》政策解读", "发布日期：2023-05-10 字体：【大 中 小】",
                      "一、出台背景", "为进一步激发市场主体活力，帮助中小企业解决融资难、用工难等问题，市政府研究制定了若干措施。",
                      "二、主要内容", "《措施》共二十条，从降低经营成本、加大金融支持、稳定就业岗位、优化营商环境四个方面提出具体举措。"])
    kept = Cleaner(to="keep").clean(text).split("\n")
    assert kept[:2] == ["《关于促进中小企业发展的若干措施》政策解读", "一、出台背景"]


def test_a_page_without_an_article_loses_only_structural_furniture():
    # A list page has no body: its titles stay (the model cannot judge them), but a menu row split
    # by separators, a pager, a drawn rule and registration numbers go by their structure alone.
    from cleaner.furniture.boilerplate import remove_furniture

    page = ["首页 | 新闻 | 财经 | 体育 | 娱乐", "城市公园新增十处健身步道 2023-06-12", "地铁五号线年底开通 2023-06-10",
            "关于我们", "共4页 上一页 1 2 3 4 下一页", "----------", "京ICP备05013524号"]
    removal = remove_furniture("\n".join(page), ())
    assert removal.text.split("\n") == [page[1], page[2], page[3]]
    assert {"generic/menu", "generic/pager", "generic/rule", "generic/imprint"} <= set(removal.counts)


def test_a_scene_break_inside_the_article_stays():
    from cleaner import Cleaner

    paragraph = "他推开门，屋里一片漆黑，只有窗外的路灯把一点昏黄的光投在地板上，他在门口站了很久才走进去。"
    page = "\n".join(["第三章", paragraph * 2, "* * *", paragraph * 2, "———", paragraph * 2])
    out = Cleaner(to="keep").run(page).text.split("\n")
    assert "* * *" in out and "———" in out


@pytest.mark.parametrize("line", ["理财：为什么有人富了 而有人不行 银行还款是怎么算出来的 老公有钱 女人就高人一等吗",
                                  "股票：历史上著名的名贵王冠一览 揭露日本车惊人内幕(组图) 五年大熊为造几千名富翁?",
                                  "評論：年三十不放假 我猜大有深意 津巴布韋是中國殖民地？"])
def test_a_channels_key_over_a_row_of_headlines_is_a_title_row(line):
    assert title_row(norm(line))


@pytest.mark.parametrize("line", ["主演：刘德华 张学友 梁朝伟", "地点：北京 上海 广州", "他说：今年的收成不错，价格也好。",
                                  "获奖者：王小明同学 李华同学 张三同学", "理财：为什么有人富了"])
def test_names_a_sentence_or_one_title_make_no_title_row(line):
    assert not title_row(norm(line))


def test_a_row_of_headlines_that_asks_is_no_article_prose():
    # The row ends in a question mark, so it read as a sentence and joined the body.
    from cleaner import Cleaner
    from test_generic_furniture import ARTICLE
    rows = ["股票：历史上著名的名贵王冠一览 揭露日本车惊人内幕(组图) 五年大熊为造几千名富翁?",
            "评论：年三十不放假 我猜大有深意 津巴布韦是中国殖民地？ 中国经济年度人物评选揭晓"]
    out = Cleaner(to="keep").clean("\n".join(["首页 | 新闻 | 财经 | 体育", *rows, "救助服务点开门了", *ARTICLE])).split("\n")
    assert not set(rows) & set(out) and out[-len(ARTICLE):] == ARTICLE


@pytest.mark.parametrize("line", ["宁德时代 182.35 +4.12%", "上证指数 3,051.38 -0.52%", "腾讯控股(00700) 368.2 +1.5%",
                                  # index boards: a row of quotes, a change after an arrow or in brackets
                                  "上证指数 3,287.42 +0.63%　深证成指 10,412.18 +1.02%　创业板指 2,106.75 +1.37%",
                                  "恒指 23,845.12 ▲ 312.47 (+1.33%)　國指 8,621.05 ▲ 1.45%"])
def test_a_securitys_name_price_and_change_are_a_quote(line):
    assert quote(norm(line))


@pytest.mark.parametrize("line", ["宁德时代股价上涨4.12%。", "涨幅 +4.12%", "宁德时代 182.35", "北京 1200 35%",
                                  "上证指数上涨0.63%，收于3,287点。"])
def test_a_move_in_words_or_a_bare_price_is_no_quote(line):
    assert not quote(norm(line))


def test_ticker_rows_under_the_article_go():
    from test_generic_furniture import ARTICLE, between_header_and_footer
    rows = ["宁德时代 182.35 +4.12%", "阳光电源 76.80 +10.00%"]
    assert not set(rows) & set(between_header_and_footer("救助服务点开门了", *ARTICLE, "相关个股", *rows))


def test_a_row_of_fields_is_no_title_row():
    from cleaner.furniture.forms import fields_row, title_row

    # 证券代码：… 证券简称：… 公告编号：… (NFKC) once read as a channel's key and three titles.
    row = "证券代码:002987  证券简称:华东精密  公告编号:2024-056"
    assert fields_row(row) and not title_row(row)
    assert fields_row("发布日期:113-03-15 更新日期:113-04-02 点阅次数:3482")
    assert title_row("理财:为什么有人富了 而有人不行 银行还款是怎么算出来的")
    assert not fields_row("作者:张三 是一位 作家")


# Rows of fields and title rows as text: keys, colons of both widths, spaces, values, titles, stops.
_KEYS = st.sampled_from(["发布日期", "来源", "点阅次数", "理财", "证", "证券代码简称"])
_COLONS = st.sampled_from([":", ":", ":", "：", " : ", ""])
_VALUES = st.sampled_from(["2024-056", "张三", "为什么有人富了", "银行还款怎么算", "a", "12，3", "。"])
_GAPS = st.sampled_from([" ", "  ", "\u3000", "", " 张 "])
_FIELDS = st.lists(st.tuples(_KEYS, _COLONS, _VALUES, _GAPS).map("".join), min_size=1, max_size=5).map("".join)
_TITLES = st.tuples(_KEYS, _COLONS, st.lists(st.tuples(_VALUES, _GAPS).map("".join), max_size=5).map("".join)).map("".join)
ROWS = st.one_of(_FIELDS, _TITLES, st.text(alphabet="发布日期来源作者:： \u3000,。ab12", max_size=30))


@settings(max_examples=600, deadline=None)
@given(text=ROWS)
@example(text="发布日期:113-03-15 更新日期:113-04-02 点阅次数:3482")  # three fields, three colons
@example(text="理财:为什么有人富了 而有人不行 银行还款是怎么算出来的")  # a title row, one colon
def test_rows_of_fields_and_title_rows_are_found_as_without_the_colon_gate(text):
    # Each field and a title row's key hold an ASCII colon: a line without enough of them is
    # answered before the split (forms.fields_row, title_row). The patterns alone decide the rest.
    from cleaner.furniture.forms import _FIELD, _TITLE_ROW, FIELD_ROW_ITEMS, fields_row, title_row

    items = re.split(r"\s{2,}|\s(?=[\u3400-\u9fff]{2,6}\s?:)", text.strip())
    assert fields_row(text) == (len(items) >= FIELD_ROW_ITEMS and all(_FIELD.fullmatch(x) for x in items))
    m = _TITLE_ROW.fullmatch(text)
    ungated = bool(m) and not (re.search(r"[,。;、]", m.group(1)) or m.group(1).count(":") >= 2) and \
        len(m.group(1).split()) >= 3 and min(map(len, m.group(1).split())) >= 4 and \
        sum(map(len, m.group(1).split())) >= 6 * len(m.group(1).split())
    assert title_row(text) == ungated


@settings(max_examples=500, deadline=None)
@given(rows=st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), max_size=14))
def test_between_reads_taken_above_only_at_a_candidate_and_right_under_one(rows):
    # generic.decide asks _taken_above only there: the lines between must be the same.
    removed, candidate, taken = (list(x) for x in zip(*rows)) if rows else ([], [], [])
    masked = [t and (candidate[p] or (p > 0 and candidate[p - 1])) for p, t in enumerate(taken)]
    assert generic.between(removed, candidate, masked) == generic.between(removed, candidate, taken)


def test_an_index_board_above_the_headline_is_no_article_prose():
    # Its thousands' commas read as clauses: it was prose, the body ran up to it, and the trail,
    # the headline's byline and the button row between stayed as article.
    from cleaner import Cleaner
    from test_generic_furniture import ARTICLE
    board = "上证指数 3,287.42 +0.63%　深证成指 10,412.18 +1.02%　创业板指 2,106.75 +1.37%"
    page = [board, "研报中心 > 行业研究 > 汽车", "救助服务点开门了", "研报PDF下载（共18页）　添加自选　分享", *ARTICLE]
    assert Cleaner(to="keep").clean("\n".join(page)).split("\n") == ["救助服务点开门了", *ARTICLE]


@pytest.mark.parametrize("line", ["随笔(12) 读书(5) 旅行(8)", "家常菜大全（12.5万人收藏） 下饭菜（8.1万人收藏）", "北京(123) | 上海(98)"])
def test_items_each_closed_by_a_count_are_a_counted_row(line):
    assert counted_row(norm(line))


@pytest.mark.parametrize("line", ["随笔(12)", "他在（2）班，她在（3）班。", "共有（12）人报名", "北京(123) 上海"])
def test_one_counted_item_or_a_sentence_is_no_counted_row(line):
    assert not counted_row(norm(line))


def test_a_counted_row_goes_outside_the_article():
    from cleaner import Cleaner
    from test_generic_furniture import ARTICLE
    out = Cleaner(to="keep").clean("\n".join(["救助服务点开门了", *ARTICLE, "这道菜谱被收录在以下菜单中", "家常菜大全（12.5万人收藏） 下饭菜（8.1万人收藏）"]))
    assert "家常菜大全（12.5万人收藏） 下饭菜（8.1万人收藏）" not in out.split("\n")


@pytest.mark.parametrize("line", ["消費者委員會使用Cookies以提升閣下的瀏覽體驗。繼續瀏覽即表示閣下同意我們使用Cookies。 了解更多 接受",
                                  "本网站使用cookie来改善您的体验，继续访问即视为同意。 接受 拒绝"])
def test_a_cookie_banner_is_consent(line):
    assert consent(norm(line))


@pytest.mark.parametrize("line", ["欧盟规定，网站须在用户同意后才能使用Cookie记录其浏览习惯。",  # speaks of sites, not as one
                                  "我们同意这个方案。", "饼干（cookie）是我们小时候最爱的零食，接受度很高。" * 10])
def test_an_article_on_cookies_is_no_consent(line):
    assert not consent(norm(line))


def test_a_cookie_banner_above_the_headline_goes_and_does_not_join_the_body():
    from cleaner.furniture.boilerplate import remove_furniture

    article = ["消委会测试20款儿童牙膏 两款含氟量低于标示",
               "消费者委员会测试了20款儿童牙膏，发现两款样本的实际含氟量低于标示的七成，另有三款样本的包装未有清楚列明适用年龄。",
               "消委会提醒家长，六岁以下儿童每次只需使用豌豆大小的牙膏份量，并应在成人监督下刷牙，避免吞下牙膏。",
               "完整测试报告载于今日出版的月刊，消费者亦可登入月刊网站订阅，并下载报告全文。"]
    banner = "本会网站使用Cookies以提升阁下的浏览体验。继续浏览即表示阁下同意我们使用Cookies。 了解更多 接受"
    out = remove_furniture("\n".join([banner, *article]), ()).text
    assert out.split("\n") == article


@pytest.mark.parametrize("line", ["图：志愿者在村小发放包裹（摄影：刘洋）", "红树林复育区。攝影：林佳蓉", "▲新机提供黑、白、绿三色。（圖／本站攝）",
                                  "图1 锂离子电池充放电原理示意图（作者供图）", "图为申请书首页（市档案馆藏）", "圖片由衛生局提供",
                                  "（本文图片均由市档案馆提供）", "拿出10万元来做房产投资 蔡雪婧/摄",
                                  "住持法師帶領大眾繞佛祈福。（攝影／釋常智）", "陳宥翔主投六局無失分。（海鷗球團提供）"])
def test_a_pictures_caption(line):
    assert caption(norm(line))


@pytest.mark.parametrize("line", ["全市GDP增长5%（数据由市统计局提供）", "该项目资金（省财政提供）已经到位。", "报告全文（市政府提供）", "他拍摄的照片获得了一等奖。", "图为什么会这样？",
                                  "下图是近五年各主要产区的产量对比：", "第一部分 风光摄影", "第三部分 夜景 摄影",  # a heading's last word
                                  "摄影师张伟说，他在这里等了三个小时才拍到这张照片，" * 4])
def test_no_caption(line):
    assert not caption(norm(line))


@pytest.mark.parametrize("line", ["[图片说明1：漫画/冷洁]", "图说：市民在湖边公园晨练", "【图注】本报记者 刘洋", "圖說：颱風過後的街道",
                                  "（图注：红色为新建路段）"])
def test_a_caption_labelled_as_one(line):
    # A caption opened by its own label (图片说明, 图说, 图注) with a colon or a bracket after it.
    assert caption(norm(line))
    # The same words in a sentence, a column's name, a label over what follows: no caption.
    # And a closing bracket with no opening one (图注)城市人口增长) is no label's.
    for other in ["图片说明会在下周举行。", "图说中国这十年", "图注：", "他在图说里写道，这张照片拍于一九八五年。",
                  "图注）城市人口增长"]:
        assert not caption(norm(other)), other


def test_captions_go_between_paragraphs_but_a_gallerys_are_its_text():
    from cleaner.furniture.boilerplate import remove_furniture

    paragraphs = ["受冷空气影响，近日黄河壶口瀑布两岸出现冰挂，与奔腾的河水相映成趣，吸引了不少游客前来观赏。",
                  "景区工作人员介绍，冰挂景观预计将持续到明年二月，其间景区将加强安全巡查，提醒游客注意防滑。",
                  "一名摄影爱好者说，他专程从太原赶来，就是为了拍到彩虹与冰挂同框的画面，今天终于如愿以偿。"]
    one = "游客在瀑布景区拍照留念（记者 詹彦 摄）"
    page = [paragraphs[0], one, *paragraphs[1:]]
    assert remove_furniture("\n".join(page), ()).text.split("\n") == paragraphs
    gallery = [paragraphs[0], one, "瀑布两岸的冰挂景观（无人机照片）。新华社记者 詹彦 摄", paragraphs[1],
               "游客在观景台上拍照。新华社发（吕桂明 摄）", paragraphs[2]]
    assert remove_furniture("\n".join(gallery), ()).text.split("\n") == gallery
    titled = remove_furniture("\n".join(page), (), title="组图：黄河壶口瀑布现冰挂景观").text
    assert one in titled
