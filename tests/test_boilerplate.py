"""Furniture removal (cleaner/furniture/boilerplate.py) on pages of sites without a rule file."""

import pytest
from conftest import FIXTURES

from cleaner import Cleaner
from cleaner.furniture.boilerplate import recognise

PAGES = sorted((FIXTURES / "furniture").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_generic_furniture_goes_article_stays(page, cleaner_obj):
    expected = page.with_suffix(".expected").read_text(encoding="utf-8").strip()
    title = page.with_suffix(".title")  # the page's <title>, for the families that read it (posts.py)
    title = title.read_text(encoding="utf-8").strip() if title.exists() else None
    assert cleaner_obj.clean(page.read_text(encoding="utf-8"), title=title) == expected


def test_metadata_kept_from_removed_lines(cleaner_obj):
    result = cleaner_obj.run((FIXTURES / "furniture" / "portal_editor.txt").read_text(encoding="utf-8"))
    assert result.meta["editor"] == "王伟"
    assert result.meta["date"].startswith("2023-05-12")
    assert result.meta["source"] == "市政府网站"
    assert any(s.name == "common/editor" for s in result.steps)


def test_site_recognised_by_url_then_text(cleaner_obj):
    rs = cleaner_obj.ruleset
    assert recognise(rs, "任意文字", "https://www.zhitongcaijing.com/content/1.html").id == "zhitong"
    assert recognise(rs, "智通声明:本内容为作者独立观点").id == "zhitong"
    assert recognise(rs, "没有特征的文章") is None


def test_forced_site_wins():
    from cleaner import Cleaner

    result = Cleaner(site="people").run("分享让更多人看到\n正文。")
    assert result.meta["site"] == "people" and result.text == "正文。"


def test_a_block_ends_at_its_closing_line_even_when_another_rule_took_that_line():
    # cmiw: the closing "... |" line of a notice was taken by cmiw/notice-line first, and the
    # block went on into the article's next paragraph.
    from cleaner import Cleaner

    body = [f"第{i}段：挖掘机销量在五月份继续回升，行业协会发布数据称同比增长百分之{i}，分析人士认为基建投资是主要推动力。"
            for i in (1, 2, 3)]
    tail = ["友情提醒 |", "本信息真实性未经中国工程机械信息网证实，仅供您参考。 |", "特别注意 |", "本网部分文章转载自其它媒体。 |",
            "编者按：记者在现场采访了多位经销商，他们都表示今年的订单明显增加，下半年仍将保持增长。"]
    out = Cleaner(site="cmiw", generic_furniture=False).clean("\n".join(body + tail))
    assert out.splitlines() == body + tail[-1:]


def test_article_sentences_about_copyright_stay_and_the_sites_notice_goes():
    # A court report quotes what the generic copyright rule looks for (版权归…所有, 版权所有, ICP备);
    # sentences with more of the article below them are the article's, the notice under it is not.
    article = ["音乐版权纠纷案开庭", "本报讯 5月10日，市中级人民法院公开审理了一起音乐作品著作权纠纷案。",
               "原告称，该歌曲的版权归其所有，被告未经授权在演唱会上演唱。",
               "被告辩称，其已向版权所有者支付了使用费，双方对此争议很大。",
               "记者调查发现，该网站的备案号为京ICP备12345678号，目前已被注销。",
               "庭审持续了约三个小时，双方围绕合同效力、使用范围等问题展开辩论。", "法院将择期宣判。"]
    page = "\n".join([*article, "版权所有 © 2024 江城晚报 京ICP备00000000号"])
    assert Cleaner(to="keep").clean(page) == "\n".join(article)


def test_a_notice_above_the_comments_goes_though_they_are_sentences():
    # Prose below the notice counts only up to the article's end (网友评论): comments are no article.
    page = "\n".join(["城市的夜晚总有一些安静的角落，街边的小书店亮着暖黄的灯，店主坐在柜台后面翻着一本旧书。",
                      "我常常在下班后绕道经过那里，买一本书，或者只是站在书架前翻几页，然后心满意足地回家。",
                      "本文版权归作者所有，任何形式的转载请联系作者获得授权。", "网友评论",
                      "这篇文章写得真好，让我想起了大学门口的那家书店，可惜现在已经关门了。",
                      "我家楼下也有这样一家小书店，老板人很好，经常推荐好书给我们这些老顾客。"])
    assert "本文版权归作者所有" not in Cleaner(to="keep").clean(page)


def test_a_numbered_step_naming_an_app_is_the_articles_and_a_lone_prompt_goes():
    # common/qr's words in a step numbered two or more: the article's instructions, whatever
    # stands near (its first step a heading of another form, paragraphs between the steps).
    para = "近年来，随着智能手机的普及，越来越多的老年人开始尝试使用手机办理日常事务，但也遇到了不少困难。"
    step = "二、下载并安装掌上社保APP"
    for page in ([para, step, para, para], [para, "一、打开手机应用商店", para, step, para]):
        result = Cleaner(to="keep").run("\n".join(["如何在手机上办理社保认证", *page]), details=True)
        assert step in result.text.split("\n")
        assert "common/qr" not in [s.name for s in result.steps]
    # Unnumbered, it is the site's prompt.
    result = Cleaner(to="keep").run("\n".join(["如何在手机上办理社保认证", para, para, "下载某某新闻APP"]), details=True)
    assert "下载某某新闻APP" not in result.text and "common/qr" in [s.name for s in result.steps]


def test_the_headline_the_title_names_is_held_from_the_generic_rules():
    # common/qr's words in the headline of a report about follow-for-gift schemes: the title names it.
    para = "近来，不少市民反映在商场门口被要求扫码关注公众号领取礼品，随后频繁收到各种推销信息，不胜其扰。"
    headline = "关注公众号就送礼品？警惕“关注陷阱”"
    page = "\n".join([headline, para, para])
    result = Cleaner(to="keep").run(page, details=True, title=headline + "_消费维权_某某网")
    assert headline in result.text.split("\n")
    # With no title naming it, the same line is the rule's.
    result = Cleaner(to="keep").run(page, details=True, title="消费维权_某某网")
    assert headline not in result.text.split("\n") and "common/qr" in [s.name for s in result.steps]


COURT = ["网站转载侵权案宣判",
         "近日，市中级人民法院审结一起网络著作权纠纷案件。原告是一家新闻网站，被告未经许可在其公众号上大量转载原告的原创稿件，并删去了作者署名。",
         None,
         "法院审理后认为，被告的行为侵犯了原告的信息网络传播权，判决被告赔偿经济损失及合理开支共计八万元，并在其公众号上刊登致歉声明。"]


@pytest.mark.parametrize("said", ["庭审中，原告代理人称，本网刊发的稿件版权归本网所有，任何单位未经书面授权不得转载。",
                                  "他说：“本平台的内容未经许可不得转载，我们一直在声明。”",
                                  "他表示，未经授权转载的行为侵犯了本网的著作权，本网将依法追究法律责任。"])
def test_reported_speech_about_reprints_is_the_articles_and_the_sites_own_notice_goes(said):
    # A speaker's words the article reports hold the notice's phrases (common/disclaimer-body, the
    # lexicon's notice); the same words in the site's own voice below the article are its notice.
    page = [said if line is None else line for line in COURT]
    notice = "本网所有稿件未经授权不得转载，违者将依法追究法律责任。"
    kept = Cleaner(to="keep").clean("\n".join([*page, notice, "滨江新闻网 版权所有"])).split("\n")
    assert said in kept and notice not in kept
    own = [notice if line is None else line for line in COURT]
    assert notice not in Cleaner(to="keep").clean("\n".join(own)).split("\n")


def test_a_how_to_step_naming_an_app_in_a_run_of_sentences_is_the_articles():
    # common/qr's words in an unnumbered step, one sentence a line between the how-to's other steps;
    # the site's prompt under the article still goes.
    steps = ["在应用商店搜索“滨江公积金”并下载安装。", "下载后，打开APP，用身份证号注册登录。",
             "进入“提取业务”，按提示上传材料。", "提交后三个工作日内到账。"]
    para = "近年来，随着智能手机的普及，越来越多的市民开始使用手机办理公积金业务，省去了往返窗口排队的时间。"
    result = Cleaner(to="keep").run("\n".join(["线上办理公积金提取指南", para, "办理步骤如下：", *steps, "下载滨江公积金APP"]),
                                    details=True)
    assert result.text.split("\n")[-len(steps):] == steps
    assert "下载滨江公积金APP" not in result.text


def test_a_ratio_sign_typed_for_a_colon_is_read_as_one_and_left_in_the_text():
    # Old GB2312 pages typed ∶ (U+2236) for the colon: 文章来源∶… reads as the field it is; the
    # article's own ratio (3∶1) is read as written and stays as written.
    paras = ["在昨晚的比赛中，主队以3∶1战胜客队，这也是本赛季主场的最大比分，赛后主教练表示对球员的表现非常满意。",
             "据了解，今年全市计划完成植树造林三万亩，新建城市绿地一百二十公顷，森林覆盖率将提高零点五个百分点。"]
    page = "\n".join(["主队主场胜客队", *paras, "文章来源∶县委办 阅读次数∶118"])
    assert Cleaner(to="keep").run(page).text.split("\n") == ["主队主场胜客队", *paras]


BODY = ["河口镇的渡船在上世纪八十年代停运，此后两岸往来全靠上游的一座铁索桥，雨季时桥面湿滑，行人常常要绕行十几里路。",
        "二〇一九年，县里在旧渡口附近修起了一座公路桥，镇上的集市也随之搬到了桥头，每逢初一、十五，周边几个村的村民都会赶来。",
        "集市上卖得最好的是本地的腌菜和米酒，几家老字号的摊位前总是排着长队，外地游客也常常专程前来品尝。",
        "镇上的文化站还保存着一批老唱片，其中有一首描写渡口生活的民歌，当年曾在省广播电台播出，很受听众欢迎。",
        "近几年，随着乡村旅游的兴起，镇里把旧渡口改建成了一处小公园，还立起了一块石碑，记录渡船的历史。"]
SPEAKS_OF_COPYRIGHT = ["后来，这首歌的版权所有人把它授权给了一家唱片公司，镇上的广播站才得以播放。",
                       "几经周折，双方才就这部影片版权所有权的归属达成了和解。",
                       "镇政府随后开通了自己的网站，并在页面底部注明了ICP备案编号。",
                       "老先生在手稿的封底写下“版权所有，不许翻印”几个字，至今仍保存在县档案馆。",
                       "有人考证，Copyright一词在这里最早出现于民国时期的一份报纸。"]


@pytest.mark.parametrize("sentence", SPEAKS_OF_COPYRIGHT)
@pytest.mark.parametrize("at", [3, 4, 5])
def test_a_sentence_that_speaks_of_copyright_stays_with_what_follows(sentence, at):
    # Near the article's end, where the site's copyright line would stand: a sentence glues the
    # words into longer ones or quotes them, a notice writes them bare. Taken for the site's foot,
    # the sentence went (common/copyright) and so did the paragraphs under it (past the article's end).
    article = [*BODY[:at], sentence, *BODY[at:]]
    assert Cleaner(to="keep").clean("\n".join(article)) == "\n".join(article)


def test_a_copyright_line_under_such_an_article_still_goes():
    article = [*BODY, SPEAKS_OF_COPYRIGHT[0]]
    page = "\n".join([*article, "河口晚报社版权所有 京ICP备00000000号"])
    assert Cleaner(to="keep").clean(page) == "\n".join(article)


@pytest.mark.parametrize("quoted_line", ["版权所有，翻印必究", "版權所有 翻印必究"])
def test_a_notice_line_an_introducing_sentence_heads_stays_with_what_follows(quoted_line):
    # The article sets the words of a sign on a line of their own under its sentence ending in a colon
    # (session 40): common/copyright took them for the site's foot, though the article's prose goes on.
    article = [*BODY[:3], "老先生的木牌上至今还留着当年印刷厂印的一行字：", quoted_line, *BODY[3:]]
    assert Cleaner(to="keep").clean("\n".join(article)) == "\n".join(article)
    # Under the article's last sentence, with no prose of it below, a line ending in a colon heads the site's foot.
    page = [*BODY, "本网站由河口镇人民政府主办，联系我们请拨打以下电话：", "河口晚报社版权所有 京ICP备00000000号"]
    assert "河口晚报社版权所有" not in Cleaner(to="keep").clean("\n".join(page))


def test_a_byline_shaped_row_in_the_run_an_introducing_sentence_heads_stays():
    # A book's card set out under the article's sentence (这本书的基本信息如下： over 书名：… 作者：… 出版社：…) with
    # the article's prose below it: common/author took 作者：路遥, the second row, for the page's byline.
    card = ["这本书的基本信息如下：", "书名：河口旧事", "作者：路遥", "出版社：人民文学出版社"]
    article = [*BODY[:2], *card, *BODY[2:]]
    assert Cleaner(to="keep").clean("\n".join(article)) == "\n".join(article)
    # A sentence between the colon and the row: the row is under that sentence, and a byline there still goes.
    page = [*BODY[:2], "这本书的基本信息如下：", BODY[2], "作者：路遥", *BODY[3:]]
    assert "作者：路遥" not in Cleaner(to="keep").clean("\n".join(page)).split("\n")
