"""Which named line is the headline (cleaner/furniture/headline.py)."""

from cleaner.furniture.headline import first_part_headline, fuller_headline, unnamed_headline


def test_a_fuller_line_above_that_starts_with_the_nearest_is_the_headline():
    assert fuller_headline(["残疾人两项补贴申领", "残疾人两项补贴申领办事指南"]) == 1


def test_the_nearest_stays_against_a_title_copy_a_repeat_or_a_trail():
    assert fuller_headline(["四年前中500万现穷困潦倒", "四年前中500万现穷困潦倒__商贸_产业资讯_新浪网"]) == 0
    assert fuller_headline(["多数夫妻生活有名无实（图）", "多数夫妻生活有名无实（图）--雅虎新闻"]) == 0
    assert fuller_headline(["17种产品入选国家绿色制造名单", "17种产品入选国家绿色制造名单"]) == 0
    assert fuller_headline(["老家的石桥要拆了", "山城论坛 › 乡土记忆 › 老家的石桥要拆了"]) == 0
    assert fuller_headline(["老家的石桥要拆了"]) == 0


def test_the_pages_whole_title_is_no_fuller_headline():
    # The <title> echoed in a header bar, its separator unspaced: the nearer line is the headline.
    named = ["民间资本路在何方", "民间资本路在何方-搜狐财经"]
    assert fuller_headline(named) == 1  # without the title, it reads as the fuller line
    assert fuller_headline(named, "民间资本路在何方-搜狐财经") == 0
    assert fuller_headline(["残疾人两项补贴申领", "残疾人两项补贴申领办事指南"], "残疾人两项补贴申领办事指南") == 1  # one part: no copy


def test_the_titles_first_part_above_a_line_a_later_part_names_is_the_headline():
    # Session 36: a subtitle (——记…) right under the headline, or a column's name set under it,
    # is nearer the body and named by the title too: it was taken for the headline, and the
    # headline above it went as above_headline.
    title = "三十年守护一座灯塔——记全国劳动模范、海岛灯塔工林德顺_人物_东南网"
    named = [(3, "——记全国劳动模范、海岛灯塔工林德顺"), (2, "三十年守护一座灯塔")]
    assert first_part_headline(named, title) == 2
    assert first_part_headline([(7, named[0][1]), (2, named[1][1])], title) is None  # too far above: another line
    assert first_part_headline(named[:1], title) is None  # the first part on no line
    # The nearest line holding the first part is the headline as before; a short first part (a column's tag) is no headline.
    assert first_part_headline([(3, "三十年守护一座灯塔（图）"), (2, "三十年守护一座灯塔")], title) is None
    assert first_part_headline([(3, "市委召开常委会议"), (1, "【评论】")], "【评论】-市委召开常委会议") is None
    # Session 37: a site's header opening with the title's first part, its name, and going on with
    # words the title has not (its motto) is no headline: the nearer line the title's last part names is.
    site = [(4, "给计算机系学生的建议"), (1, "Joel on Software 周思博趣谈软件")]
    assert first_part_headline(site, "Joel on Software - 给计算机系学生的建议") is None


# The headline of an HTML page leaves the text for meta["headline"] (Config.keep_headline).

import json  # noqa: E402

from cleaner import Cleaner, cli  # noqa: E402
from cleaner.furniture.headline import headline_lines  # noqa: E402

PARAS = ["3月5日上午，市政府召开全市春季防汛工作会议，总结去年防汛工作，分析今年汛期形势，部署当前和今后一个时期的防汛重点任务。",
         "会议指出，今年我市降雨偏多的可能性较大，各地各部门要树牢底线思维，把困难估计得更充分一些，把措施考虑得更周密一些。",
         "会议要求，要加强监测预警，完善应急预案，落实巡查责任，确保人民群众生命财产安全，确保城市运行平稳有序。"]
HEADLINE = "市政府召开会议部署春季防汛工作"


def _page(title: str, heads: list[str], paras: list[str] = PARAS) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><div>首页 新闻 体育 财经 娱乐</div>"
            + "".join(f"<h1>{h}</h1>" for h in heads) + "<p>2024-03-05 10:21 来源：某某日报</p>"
            + "".join(f"<p>{p}</p>" for p in paras) + "<div>相关新闻</div></body></html>").encode()


def test_the_lines_under_the_named_one_that_one_title_part_goes_on_with_are_the_headline():
    texts = ["内蒙古延续部分到期税收优惠政策助企纾困", "预计4年为纳税人减负180亿元", "自治区财政厅传出最新消息：……"]
    assert headline_lines(texts, 0, 2, "内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元_内蒙古自治区政府门户网站") == [0, 1]
    assert headline_lines(texts, 0, 1, "内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元") == [0]  # never the body's
    # The site's name under the headline is another part of the title, not the headline's end.
    assert headline_lines(["投身外交(3)", "新浪网", "正文……"], 0, 2, "投身外交(3)_新浪网") == [0]


def test_a_dashed_subtitle_the_title_goes_on_with_is_the_headlines_second_line():
    # Session 36: the title joins the subtitle to the headline at a dash, which splits its parts.
    title = "三十年守护一座灯塔——记全国劳动模范林德顺_人物_东南网"
    texts = ["三十年守护一座灯塔", "——记全国劳动模范林德顺", "正文……"]
    assert headline_lines(texts, 0, 2, title) == [0, 1]
    assert headline_lines(["三十年守护一座灯塔", "——东南网记者 何晓", "正文……"], 0, 2, title) == [0]  # not the title's words
    assert headline_lines(["三十年守护一座灯塔", "人物", "正文……"], 0, 2, title) == [0]  # a later part, no dash: the column's


def test_an_html_pages_headline_goes_to_meta_as_a_recorded_step():
    result = Cleaner().run_bytes(_page(HEADLINE + "_某某新闻网", [HEADLINE]))
    assert result.text == "\n".join(PARAS)
    assert result.meta["headline"] == HEADLINE
    assert ("remove", "generic/headline", 1) in [(s.action, s.name, s.count) for s in result.steps]
    assert [f.detail for f in result.findings if f.kind == "removed-line" and "headline" in f.detail] == ["generic/headline: " + HEADLINE]


def test_a_headline_on_two_lines_goes_whole():
    result = Cleaner().run_bytes(_page(HEADLINE + " 确保安全度汛_某某新闻网", [HEADLINE, "确保安全度汛"]))
    assert result.text == "\n".join(PARAS) and result.meta["headline"] == HEADLINE + " 确保安全度汛"


def test_the_headline_is_in_the_texts_script():
    traditional = Cleaner(to="zh-hant").run_bytes(_page(HEADLINE + "_某某新闻网", [HEADLINE]))
    assert traditional.meta["headline"] == "市政府召開會議部署春季防汛工作"


def test_keep_headline_and_text_input_keep_it():
    kept = Cleaner(keep_headline=True).run_bytes(_page(HEADLINE + "_某某新闻网", [HEADLINE]))
    assert kept.text == "\n".join([HEADLINE, *PARAS]) and "headline" not in kept.meta
    # The same lines as text, with the title given: today's behaviour, the headline stays.
    text = "\n".join(["首页 新闻 体育 财经 娱乐", HEADLINE, "2024-03-05 10:21 来源：某某日报", *PARAS, "相关新闻"])
    assert Cleaner().run(text, title=HEADLINE + "_某某新闻网").text == kept.text


def test_the_first_sentence_that_repeats_the_title_stays():
    first = HEADLINE + "。3月5日上午，市政府召开全市春季防汛工作会议，总结去年防汛工作，分析今年汛期形势。"
    paras = [first, *PARAS[1:]]
    with_headline = Cleaner().run_bytes(_page(HEADLINE + "_某某新闻网", [HEADLINE], paras))
    assert with_headline.text == "\n".join(paras) and with_headline.meta["headline"] == HEADLINE
    # No headline line at all: the title names the first sentence, which is the article's.
    alone = Cleaner().run_bytes(_page(HEADLINE + "_某某新闻网", [], paras))
    assert alone.text == "\n".join(paras) and "headline" not in alone.meta
    ended = Cleaner().run_bytes(_page(HEADLINE, [], [HEADLINE + "。", *PARAS]))
    assert ended.text == "\n".join([HEADLINE + "。", *PARAS]) and "headline" not in ended.meta


def test_the_cli_takes_it_and_keep_headline_keeps_it(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_bytes(_page(HEADLINE + "_某某新闻网", [HEADLINE]))
    assert cli.main([str(page), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["text"] == "\n".join(PARAS) and out["meta"]["headline"] == HEADLINE
    assert cli.main([str(page), "--keep-headline"]) == 0
    assert capsys.readouterr().out == "\n".join([HEADLINE, *PARAS]) + "\n"


def test_a_warc_records_headline_goes_to_its_meta(tmp_path, capsys):
    body = _page(HEADLINE + "_某某新闻网", [HEADLINE])
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example/a\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n"
              b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n" % (len(http), http))
    (tmp_path / "crawl.warc").write_bytes(record)
    assert cli.main([str(tmp_path / "crawl.warc"), "--details", "--no-learn"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["text"] == "\n".join(PARAS) and out["cleaner"]["meta"]["headline"] == HEADLINE


def test_a_headline_guessed_from_its_shape_leaves_a_page_whose_title_names_nothing():
    # Session 37: an untitled page, or one titled with the site's name, opens with its headline
    # under the menus that went; it goes to meta as a named one does.
    texts = ["首页 新闻 体育", "飞行物理学常识", "飞行归因于作用在飞机上的几个力。"]
    assert unnamed_headline(texts, 1, None, False, [True])
    assert unnamed_headline(texts, 1, "网易娱乐", False, [True])
    assert not unnamed_headline(texts, 1, None, True, [True])  # the title names a line: that one is the headline
    assert not unnamed_headline(texts, 1, None, False, [False])  # a line kept above it: in doubt, it stays
    # The title holds its words (split at its own |): it names no line, and the page keeps it as before.
    assert not unnamed_headline(["图说洛阳|洛阳职业技术学院"], 0, "图说洛阳| 洛阳职业技术学院 河南日报网", False, [])
    assert not unnamed_headline(["◎简　　介"], 0, None, False, [])  # a section's label, no headline



def test_an_untitled_html_pages_headline_and_its_dashed_subtitle_go_to_meta():
    from cleaner import Cleaner

    paras = ["文化革命是一场有着极为广泛的群众参与的政治运动。因此，如何理解这种广泛的群众参与，就成为理解文革的一个重要内容。",
             "本文试图从政治心理学的角度，对文革中的群众参与给出解释。在我看来，群众参加文革的动机是多种多样的。",
             "造反派之间的内战，实际上是争夺优势或曰争当核心。这种竞争比造反派与保守派的竞争更不容易解决。"]
    page = "\n".join(["首页 | 文章 | 评论 | 作者专栏", "比赛革命的革命", "——对文化革命的政治心理学分析"] + paras + ["【打印本页】 【关闭窗口】"])
    html = Cleaner.for_config(Cleaner(to="keep").config.for_extracted_text())
    out = html.run(page, details=True, title=None)
    assert out.meta["headline"] == "比赛革命的革命 ——对文化革命的政治心理学分析"
    assert out.text.split("\n") == paras
    # As text (no HTML), the headline stays whatever its title.
    assert "比赛革命的革命" in Cleaner(to="keep").run(page).text
