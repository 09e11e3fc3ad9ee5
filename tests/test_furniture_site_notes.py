"""The site's notes to its reader written as sentences (cleaner/furniture/site_notes.py)."""

import tomllib
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.furniture.boilerplate import fold_page
from cleaner.furniture.features import normalise
from cleaner.furniture.site_notes import DATA, load_note_words, site_note, without_notes

PARAS = ["今年以来，全市新开通公交线路十二条，优化调整线路二十余条，中心城区公交站点五百米覆盖率已经超过百分之九十八。",
         "市交通运输局表示，下一步将继续加密重点片区的线路网络，推动公交与地铁的换乘衔接，让市民出行更加便捷高效。",
         "据介绍，新线路开通后，沿线居民到市中心的时间将缩短约二十分钟，早晚高峰的发车间隔也将压缩到八分钟以内。"]
HEAD = ["首页 > 本地新闻 > 正文", "我市新增三条公交线路方便市民出行", "2026-05-12 09:30 来源：某某市新闻网"]


def folded(text: str) -> str:
    return normalise(fold_page(text))


def note(text: str, **kw) -> str:
    return site_note(folded(text), **kw)


@pytest.mark.parametrize("text, kind", [
    ("本站信息仅供参考，如有变动以学校正式通知为准。", "reliance"),
    ("以上内容仅供参考，具体以各省教育考试院公布的信息为准。", "reliance"),
    ("本文素材来源于网络，如有侵权请联系后台删除。", "rights"),
    ("《某某雜誌》保留所有權利，未經同意請勿轉載。本刊版權所有。", "rights"),
    ("歡迎訂閱我們的電子報，第一時間掌握最新消息。", "act"),
    ("我們的記者走訪了三個社區。", ""),  # 我们 alone is no subject: the site's reporters report
    ("为确保最佳浏览效果，建议您使用谷歌浏览器浏览本网站。", "viewing"),
    ("喜欢这篇游记？点赞收藏，让更多人看到！", "act"),
    ("请文明发言，理性讨论，发帖前请阅读版规。", "act"),
    ("以上就是本期的全部内容啦，我们下期再见！", "act"),
    ("本站提醒：以上内容仅供参考，不构成投资建议。", "reliance"),  # the site named as the speaker: its own voice
    ("欢迎关注“某某发布”公众号，本号将持续更新。", "acts"),  # a quoted name, the act outside it
    ("关注本公众号，获取更多资讯。", "acts"),  # the page named as what is acted on
    ("本站APP已上线，扫码即可下载。", "acts"),  # the reader asked (即可)
    # A note's heading before 提醒 names no speaker (the Python _SAID this replaced read 温馨 as one).
    ("温馨提醒：本站信息仅供参考，不构成投资建议。", "reliance"),
    ("特别提醒：未经本站授权，请勿转载。", "rights"),
    # Session 37 (the dev set's fit split): the site's messages about the page asked for, telling
    # friends, the newsletter, a page's content as an opinion.
    ("您尝试访问的内容不存在或不再可用。", "missing"),
    ("您要找的內容不存在或已被移除。", "missing"),
    ("如果您喜欢某某新闻，请告诉您的朋友。", "act"),
    ("电邮新闻头条新闻就在您的每日新闻信里", "act"),
    ("网页内容仅为个人意见", "reliance"),
    # An invitation to an act on the page, no subject named.
    ("欢迎广大读者踊跃投稿，投稿请发送至编辑部邮箱。", "act"),
    ("歡迎訂閱電子報，每日掌握最新財經動態。", "act"),
    ("感谢您的关注，让我们一起传递温暖。", "act"),
    # Session 39: a call to the site for more, a reminder to save the page, Taiwan's like.
    ("更多精彩内容请访问汽车频道首页。", "act"),
    ("更多精彩內容，請上汽車頻道官網。", "act"),
    ("觉得本书不错的话，记得收藏和推荐哦！", "act"),
    ("喜歡這篇文章嗎？歡迎按讚、分享給親朋好友！", "act"),
    # Session 41: the page's parts it disclaims (its prices, views, video, pictures), 仅供 and 仅作 of any use,
    # a caution to judge for oneself, a sign-off to the next issue.
    ("以上價格為廠商指導價，實際成交價以當地經銷商為準。", "reliance"),
    ("文中观点仅供参考，不作为投资依据。", "reliance"),
    ("视频素材来自网友拍摄，如有侵权联系删除。", "rights"),
    ("图文来源于网络，仅作分享交流之用。", "reliance"),
    ("本文内容仅供健康科普，不能替代医生的诊断和治疗。", "reliance"),
    ("以上純屬個人經驗分享，操作前請自行評估風險。", "reliance"),
    ("以上就是这次旅行的全部内容啦，下期见！", "act"),
])
def test_a_sentence_naming_the_page_and_its_matter_is_a_note(text, kind):
    assert note(text) == kind


@pytest.mark.parametrize("text", [
    "法官提醒，网站转载他人作品应当取得授权并注明出处。",  # an article on copyright speaks of others
    "请广大市民关注天气变化，注意防范强降雨。",  # a notice asks the public to act on no page
    "本站B出口将于11月15日起临时封闭，请乘客从A、C出口进出站。",  # a metro station, no page's matter
    "路上经过一家农家乐，老板把自家晒的皇菊分享给我们泡茶。",  # 分享给我们: no reader's act on the page
    "有观众在评论区写道，这条评论获得了上万点赞。",  # a report of readers' likes
    "本文为我原创本文禁止转载或摘编",  # the author speaking: the article's own words
    "二、下载并安装“健康某某”APP，用身份证号注册。",  # a how-to's step
    "感谢您对平台的支持与理解。",  # a notice's own thanks
    "欢迎广大市民踊跃报名参加。",  # an invitation to no act on the page
    "欢迎社会各界人士莅临指导，共同关注乡村振兴。",  # no act on the page
    "本报讯 5月10日，市中级人民法院公开审理了一起音乐作品著作权纠纷案。",  # the site's dateline opens its report
    "本网记者从市版权局获悉，今年共查处侵权案件十二起。",  # its reporter
    # Someone's words the article reports: the site's note reports no one.
    "法官提醒，本网及各类平台转载他人作品，应当事先取得授权并注明出处。",
    "本案主审法官表示，本文所涉判决已经生效，以上内容可为同类案件提供参考。",
    "版权是作家的命根子，本站这类平台也应尽到审核义务，刘某对本报记者说。",
    # What a sentence quotes names a thing: “关注即送” is no call to follow.
    "业内人士认为“关注即送”是一种常见的引流手段，本文提到的几家商户已被约谈。",
    "本文提到的“扫码关注领礼品”活动已被叫停。",
    # The site doing the act itself reports its own work: no call to the reader.
    "本网将持续关注事件进展。",
    "事件进展，本台将持续关注。",
    "本网今年共收到读者投稿三千余篇。",
    # Session 37: 您 and a missing thing in an article's own words, no page the reader asked for.
    "如您有任何疑问，请拨打咨询电话0871-1234567。",
    "老板娘说：“如果您喜欢这里，明年春天再来。”",
    "该账号发布的视频已被删除，平台称其内容不存在违规。",
    # Session 41: 以上, 仅供 and 仅作 in the article's own sentences, no part of the page named.
    "六十岁以上的老人仅供参观，不得攀爬。",
    "该场地仅作临时停车之用。",
    "以上数据来自国家统计局。",
])
def test_an_article_sentence_is_no_note(text):
    assert note(text) == ""


def test_only_the_sites_voice_ends_the_body_at_the_pages_last_line():
    texts = [folded(t) for t in [*PARAS, "本文为原创文章，欢迎转载，请注明出处。"]]
    # The page's last line naming the text itself may be its author's last words.
    assert without_notes(texts, 0, 3) == (0, 3)
    assert note(texts[3]) == "rights" and note(texts[3], site_only=True) == ""
    # With the site's lines under it, the note and what stands between it and the end go out of the body.
    texts += [folded("本网站所有内容，未经许可不得转载。")]
    assert without_notes(texts, 0, 4) == (0, 2)


def test_a_note_of_reliance_on_the_pages_last_line_ends_the_body():
    # Session 41: it disclaims the page (its prices, its content as advice), which no author's last words do.
    texts = [folded(t) for t in [*PARAS, "以上内容由疾控中心专家审核，仅作健康科普参考。"]]
    assert without_notes(texts, 0, 3) == (0, 2)
    page = [*HEAD, *PARAS, "以上价格为厂商指导价，实际成交价以当地经销商为准。"]
    assert Cleaner(to="keep").run("\n".join(page)).text == "\n".join([HEAD[1], *PARAS])


@pytest.mark.parametrize("text, kind", [
    ("天气预报仅供参考，请以气象台最新发布为准。", "reliance"),
    ("职位信息由企业发布，求职时请注意核实。", "reliance"),
    ("温馨提示：房源信息由经纪人发布，实际以看房为准。", "reliance"),
    ("文章轉載自氣象署新聞稿，經編輯整理。", "rights"),
    ("文章為作者獨立觀點，不代表平台立場。", "reliance"),
    ("相关信息由市政府新闻办发布。", ""),  # no matter of a note's
    ("会议内容由秘书处整理。", ""),
    ("市民反映的信息都会转给相关部门处理，不代表最终结论。", ""),  # the part not opening the line
])
def test_outside_the_body_a_part_of_the_page_by_its_kind_is_a_notes_subject(text, kind):
    # Session 41: asked of lines outside the article's body only (parts=True); the body's end reads no such subject.
    assert note(text, parts=True) == kind
    assert note(text) == ""


def test_a_part_of_the_pages_note_under_the_sites_rows_goes():
    rows = ["热招职位", "数控车工 8000-12000元 经开区 3年经验", "电工 7000-9000元 高新区 持证上岗", "查看更多职位 发布简历"]
    page = [*HEAD, *PARAS, *rows, "职位信息由企业发布，求职时请注意核实。"]
    result = Cleaner(to="keep").run("\n".join(page))
    assert "generic/site-note+reliance" in {s.name for s in result.steps}
    assert "职位信息由企业发布" not in result.text and result.text.startswith("\n".join([HEAD[1], *PARAS]))


def test_a_line_of_the_articles_length_stops_the_reading():
    texts = [folded(t) for t in [PARAS[0], "本站信息仅供参考。", PARAS[1] + PARAS[2]]]
    assert without_notes(texts, 0, 2) == (0, 2)  # the note inside the article, a paragraph under it: the article's
    # A short line under it (a hotline, a disclaimer) is no paragraph: the body ends above the note.
    texts = [folded(t) for t in [PARAS[0], PARAS[1], "本站信息仅供参考。", "新闻热线：0571-12345678"]]
    assert without_notes(texts, 0, 3) == (0, 1)


def test_the_notes_under_the_article_go_and_the_article_stays():
    notes = ["以上内容仅供参考，具体以有关部门公布的信息为准。", "本站部分图片来源于网络。"]
    text = "\n".join([*HEAD, *PARAS, *notes, "网站简介 | 联系我们 | 广告服务"])
    result = Cleaner(to="keep").run(text)
    assert result.text == "\n".join([HEAD[1], *PARAS])
    assert "generic/site-note+reliance" in {s.name for s in result.steps}


def test_a_sentence_of_the_article_about_reprints_stays():
    last = "法院认为，被告网站未经许可转载原告文章，侵犯了原告的信息网络传播权，应当赔偿原告经济损失。"
    text = "\n".join([*HEAD, *PARAS, last])
    assert Cleaner(to="keep").run(text).text == "\n".join([HEAD[1], *PARAS, last])


def test_the_data_file_is_validated(tmp_path: Path):
    data = tomllib.loads((DATA / "site_notes.toml").read_text(encoding="utf-8"))
    assert data["provenance"]["source"] and data["provenance"]["licence"]
    words = load_note_words()
    assert words.subjects.search("本站") and words.alone.search("点个在看")
    bad = tmp_path / "site_notes.toml"
    bad.write_text('[subjects]\npage = []\nsite = []\nreaders = []\n[matters]\nrights = ["转载"]\n[acts]\nalone = ["点赞收藏"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_note_words.__wrapped__(bad)


@pytest.mark.parametrize("sentence", [
    "法官提醒,网站转载他人作品应当取得授权并注明出处",
    "本案主审法官表示,本文所涉判决已经生效",
    "版权是作家的命根子,本站这类平台也应尽到审核义务,刘某对本报记者说",
    "业内人士指出:转载须经授权",
])
def test_the_native_reported_speech_covers_the_cases_of_the_python_it_replaced(sentence):
    # tests/reference_furniture_features.SITE_NOTES_SAID: the mechanism site_notes.py read before.
    from reference_furniture_features import SITE_NOTES_SAID

    from cleaner._native import furniture_reports
    assert SITE_NOTES_SAID.search(sentence) and furniture_reports(sentence)


def test_the_sites_voice_closes_the_body_only_at_its_end():
    voice_line = folded("欢迎关注某某县融媒体中心微信公众号，获取更多本地资讯。")
    texts = [folded(t) for t in PARAS] + [voice_line]
    voice = lambda pos: texts[pos] == voice_line  # noqa: E731 (site_voice's reading of the title's name)
    assert without_notes(texts, 0, 3) == (0, 3)  # no note: without the title's name it is read as the article's
    assert without_notes(texts, 0, 3, voice) == (0, 2)
    # The article's line under it (a hotline the notice gives): the voice line is the article's.
    texts = texts + [folded("咨询电话：0571-12345678")]
    assert without_notes(texts, 0, 4, voice) == (0, 4)
    # A notice's step naming its site (二、报名方式：登录县人民政府网站…) is the notice's.
    step = folded("二、报名方式：登录县人民政府网站，下载并填写报名表，发送至指定邮箱。")
    texts = [folded(t) for t in PARAS] + [step]
    assert without_notes(texts, 0, 3, lambda pos: pos == 3) == (0, 3)


def test_a_line_of_the_sites_voice_closing_the_body_goes():
    title = "我县召开春耕生产推进会_县内新闻_某某县融媒体中心"
    closing = "欢迎关注某某县融媒体中心微信公众号，获取更多本地资讯。"
    text = "\n".join(["我县召开春耕生产推进会", "来源：县融媒体中心 时间：2026-03-08", *PARAS, closing,
                     "某某县融媒体中心 版权所有 未经授权禁止复制"])
    out = Cleaner(to="keep").run(text, title=title).text.splitlines()
    assert out[-1] == PARAS[-1], out


def test_the_words_patterns_are_searched_from_their_first_characters():
    """Each of the note words' patterns names re their first characters, so that a search skips
    ahead from one to the next (a look-ahead for them named none: tried at every position), and
    finds what the look-ahead form found."""
    import random
    import re

    from pattern_starts import skips_ahead

    words = load_note_words()
    rng = random.Random(39)
    for pattern in (words.anchor, words.alone, *words.matters.values()):
        assert skips_ahead(pattern)
        alternatives = pattern.pattern[3:-1].split("|")
        firsts = "".join(sorted({w[0] if not w.startswith("\\") else w[:2] for w in alternatives}))
        first = re.compile(f"(?=[{firsts}])" + pattern.pattern)
        pool = [*(re.sub(r"\\(.)", r"\1", w) for w in alternatives[:30]), "本", "站", "，", " ", "a", "中", "。"]
        for _ in range(200):
            text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
            got, was = pattern.search(text), first.search(text)
            assert (got and got.span()) == (was and was.span())


def test_a_note_under_the_body_is_no_fact_an_articles_sentence_resumes_after():
    # A note, then a line that reads as the article's sentence (欢迎关注…，…。): the note was read as
    # the notice's fact row the sentence closes (closing_rows.resumed_rows), and stayed.
    tail = ["以上信息仅供参考，以开发商公示为准。", "欢迎关注安居网公众号，第一时间获取楼市动态。"]
    result = Cleaner(to="keep").run("\n".join([*HEAD, *PARAS, *tail]))
    assert tail[0] not in result.text.splitlines()
    assert result.text.startswith("\n".join([HEAD[1], *PARAS]))
